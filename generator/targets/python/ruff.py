"""ruff, pinned with sdkgen, sorts imports and formats the generated Python in one batch.

The batch runs in a background thread over a scratch copy of the file map while the
other views render; `finish` formats late additions and reads everything back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from generator.errors import SdkgenError

Files = dict[str, str]


def ruff_binary() -> str:
    """The ruff executable installed with sdkgen (its version is pinned)."""
    candidate = Path(sys.executable).parent / "ruff"
    if candidate.exists():
        return str(candidate)
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return str(find_ruff_bin())
    except ImportError:
        found = shutil.which("ruff")
        if found is None:
            raise SdkgenError("ruff is not installed (pip install sdkgen pulls it in)") from None
        return found


RUFF_CONFIG = [
    "--config",
    "target-version='py311'",
]


class FormatJob:
    """ruff over a scratch copy of the map's Python files, started in a background thread.

    `finish` formats whatever was added or replaced since the start in a second, small
    batch in the same scratch tree (so import sorting sees the same package layout as one
    batch would), then reads every formatted file back into the map.
    """

    def __init__(self, files: Files, package: str) -> None:
        # Every module of the package sorts as first-party, even one that is not in the scratch
        # tree (the runtime joins the map after formatting): the docs' examples import them.
        self.config = [*RUFF_CONFIG, "--config", f"lint.isort.known-first-party = [{package!r}]"]
        self._tmp = tempfile.TemporaryDirectory(prefix="sdkgen-fmt-", dir=_scratch_dir())
        self.root = Path(self._tmp.name)
        self.submitted = {p: t for p, t in files.items() if p.endswith(".py")}
        self._write(self.submitted)
        self.error: BaseException | None = None
        self.failure = ""
        self.thread = threading.Thread(target=self._run, args=(["."],), daemon=True)
        if self.submitted:  # ruff given `.` over an empty tree would only cost a process
            self.thread.start()

    def _write(self, batch: Files) -> None:
        made: set[Path] = set()
        for path, text in batch.items():
            target = self.root / path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_text(text, encoding="utf-8")

    def _run(self, paths: list[str]) -> None:
        try:
            self.failure = _ruff(self.root, paths, self.config)
        except BaseException as exc:  # re-raised in the caller's thread by `finish`
            self.error = exc

    def finish(self, files: Files, scratch: Files | None = None) -> Files:
        """Wait for the background batch, format the rest, and update `files` in place.

        `scratch` (Python that is not output, e.g. the docs' code blocks) joins the last batch;
        it comes back formatted, and stays out of `files`.
        """
        self._join()
        self._raise()
        later = {p: t for p, t in files.items() if p.endswith(".py") and self.submitted.get(p) is not t}
        extra = scratch or {}
        if later or extra:
            self._write({**later, **extra})
            self._run(sorted([*later, *extra]))
            self._raise()
        for path in files:
            if path.endswith(".py"):
                files[path] = self._read(path)
        return {path: self._read(path) for path in extra}

    def format(self, scratch: Files) -> Files:
        """Format more scratch files (no import sorting) after `finish`; returns them formatted."""
        if not scratch:
            return {}  # ruff given no paths would format the whole tree
        self._write(scratch)
        self.failure = _ruff(self.root, sorted(scratch), self.config, sort=False)
        self._raise()
        return {path: self._read(path) for path in scratch}

    def _read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error
        if self.failure:
            raise SdkgenError(f"internal error: generated code does not parse: {self.failure}")

    def close(self) -> None:
        """Remove the scratch tree (after the background ruff has exited)."""
        self._join()
        self._tmp.cleanup()

    def _join(self) -> None:
        if self.thread.ident is not None:
            self.thread.join()


def _ruff(root: Path, paths: list[str], config: list[str], sort: bool = True) -> str:
    """Sort imports (unless told not to), then format, `paths` under `root`; returns an error
    summary or ''."""
    ruff = ruff_binary()
    # With explicit file paths ruff skips its default excludes unless forced to apply them,
    # so `--force-exclude` keeps the second batch consistent with the `.` batch.
    isort = [
        ruff,
        "check",
        "--no-cache",
        "--isolated",
        *config,
        "--select",
        "I",
        "--fix",
        "--exit-zero",
        "--quiet",
        "--force-exclude",
        "--",
        *paths,
    ]
    if sort:
        subprocess.run(isort, cwd=root, capture_output=True, text=True, env=_ruff_env())
    cmd = [ruff, "format", "--no-cache", "--isolated", *config, "--force-exclude", "--", *paths]
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=_ruff_env())
    if proc.returncode != 0:
        return " | ".join((proc.stderr or proc.stdout).strip().splitlines()[:3])
    return ""


def _scratch_dir() -> str | None:
    """A RAM-backed folder for the formatter's scratch tree when the OS has one.

    Thousands of small files are written, read back and deleted; on a busy disk the
    create/unlink metadata work cost more than rendering and formatting together.
    """
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _ruff_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("RUFF_CACHE_DIR", None)
    return env
