"""OLD and NEW arguments -> spec files: a path, or `git:REV:path` exported from git."""

from __future__ import annotations

import subprocess
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import UsageError

_SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Source:
    """A spec file on disk, and how to name its folder in messages."""

    path: Path
    folder: str = ""  # the temp folder a git revision was exported into
    shown: str = ""  # what to call it instead: `git:REV:dir/`

    def relabel(self, message: str) -> str:
        """`message` naming the file at its revision, not in the temp folder."""
        if not self.folder:
            return message
        if self.folder in message:
            return message.replace(self.folder + "/", self.shown)
        # The loader names files relative to the spec's folder.
        return self.shown + message


def resolve(arg: str, stack: ExitStack) -> Source:
    """The spec file `arg` names; a git revision is exported into a temp folder `stack` removes."""
    if not arg.startswith("git:"):
        path = Path(arg)
        if not path.is_file():
            raise UsageError(f"{arg}: no such spec file")
        return Source(path)
    rev, sep, rel = arg[4:].partition(":")
    if not sep or not rev or not rel:
        raise UsageError(f"{arg}: expected git:REV:path, e.g. git:origin/main:spec/openapi.yaml")
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sdkgen-diff-")))
    in_repo = _repo_path(arg, rel)
    spec_dir = str(PurePosixPath(in_repo).parent)
    shown = f"git:{rev}:" + (f"{spec_dir}/" if spec_dir != "." else "")
    return Source(_export(arg, rev, in_repo, folder), str(folder), shown)


def _git(arg: str, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"{arg}: cannot run git: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"]
        raise UsageError(f"{arg}: git {args[0]}: {message[0]}")
    return done.stdout


def _repo_path(arg: str, rel: str) -> str:
    """`rel` relative to the repository root, as `git show REV:path` wants it."""
    prefix = _git(arg, "rev-parse", "--show-prefix").decode().strip()
    return str(PurePosixPath(prefix) / rel) if not rel.startswith("/") else rel.lstrip("/")


def _export(arg: str, rev: str, path: str, folder: Path) -> Path:
    """Write the spec and the spec files beside it at `rev`, so relative `$ref`s resolve."""
    spec_dir = str(PurePosixPath(path).parent)
    # --full-tree: the path is from the repository root even when run in a subfolder.
    listed = _git(arg, "ls-tree", "--full-tree", "-r", "--name-only", "-z", rev, "--", spec_dir)
    names = [n for n in listed.decode("utf-8", "replace").split("\0") if n.endswith(_SPEC_SUFFIXES)]
    if path not in names:
        names.append(path)  # let `git show` report why it is missing
    base = PurePosixPath(spec_dir)
    for name in names:
        data = _git(arg, "show", f"{rev}:{name}")
        rel = PurePosixPath(name).relative_to(base) if spec_dir != "." else PurePosixPath(name)
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder / PurePosixPath(path).relative_to(base) if spec_dir != "." else folder / path
