"""Write the rendered map to disk atomically, and compare it with the disk (`check`).

The new tree is built next to the output folder and swapped in with one atomic
`renameat2(RENAME_EXCHANGE)`, so a killed run leaves the old tree or the new one.
Files sdkgen did not write (absent from its manifest, or matched by `.genignore`) are
carried over untouched and never deleted.
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import json
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import SdkgenError

MANIFEST = ".sdkgen-manifest.json"
GENIGNORE = ".genignore"
RECORD = ".sdkgen-inputs"  # the render record `generate` leaves (generator/tree_record.py)
# The version and surface `generate --bump` keeps (generator/diff/bump.py): an input of the render.
SNAPSHOT = ".sdkgen-surface.json"
# Caches that tools create inside a generated tree: never ours, never reported.
_CACHE_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"}


def sha(text: str) -> str:
    """The content hash recorded in the manifest."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_paths(files: dict[str, str]) -> dict[str, str]:
    """The map with `a//b` and `a/./b` collapsed; two paths naming one file are an error.

    Paths are compared case-folded too, so a tree written on Linux also checks out on
    macOS and Windows, where `Foo.py` and `foo.py` are the same file.
    """
    out: dict[str, str] = {}
    folded: dict[str, str] = {}
    for rel, text in files.items():
        parts = [p for p in rel.replace("\\", "/").split("/") if p not in ("", ".")]
        if not parts or ".." in parts or rel.startswith("/"):
            raise SdkgenError(f"refusing to write outside the output folder: {rel!r}")
        clean = "/".join(parts)
        key = clean.casefold()
        if key in folded:
            raise SdkgenError(f"internal error: {rel!r} and {folded[key]!r} name the same file")
        folded[key] = rel
        out[clean] = text
    return out


def with_manifest(files: dict[str, str]) -> dict[str, str]:
    """The map plus the manifest listing every file with its hash."""
    files = normalise_paths(files)
    owned = {path: sha(text) for path, text in sorted(files.items())}
    manifest = json.dumps({"generator": "sdkgen", "files": owned}, indent=1, sort_keys=True)
    return {**files, MANIFEST: manifest + "\n"}


def expected_hashes(files: dict[str, str]) -> dict[str, str]:
    """Every file of a `with_manifest` map with its hash, read off the manifest it carries."""
    recorded: dict[str, str] = json.loads(files[MANIFEST])["files"]
    return {**recorded, MANIFEST: sha(files[MANIFEST])}


def read_manifest(out: Path) -> dict[str, str]:
    """Owned files and their hashes as of the last generate (empty when none)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def read_genignore(out: Path) -> list[str]:
    """Patterns of paths the user keeps as their own."""
    try:
        lines = (out / GENIGNORE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [ln.strip().lstrip("/") for ln in lines if ln.strip() and not ln.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether `.genignore` hands `path` to the user."""
    return any(fnmatch.fnmatch(path, p) or path.startswith(p.rstrip("/") + "/") for p in patterns)


def _disk_files(out: Path) -> list[str]:
    if not out.is_dir():
        return []
    found: list[str] = []
    # Plain strings, not Paths: a tree of 10,000 files spent most of this in pathlib.
    for root, dirs, names in os.walk(out):
        dirs[:] = sorted(d for d in dirs if d not in _CACHE_PARTS and not d.endswith(".egg-info"))
        rel = os.path.relpath(root, out).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found.extend(prefix + name for name in names if not name.endswith((".pyc", ".pyo")))
    if RECORD in found:  # the tree's own bookkeeping, rewritten by every `generate`
        found.remove(RECORD)
    return sorted(found)


def _safe(rel: str) -> None:
    # A lexical check suffices: files are written into a fresh staging folder that sdkgen
    # creates, so no symlink already in `out` can redirect a write.
    parts = rel.split("/")
    if rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
        raise SdkgenError(f"refusing to write outside the output folder: {rel!r}")


@dataclass
class Report:
    """What `check` found: each kind of drift, path by path, with diffs."""

    changed: list[str] = field(default_factory=list)
    hand_edited: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """No drift at all."""
        return not (self.changed or self.hand_edited or self.missing or self.extra)


def check(files: dict[str, str], out: Path, manifested: bool = False) -> Report:
    """Compare the rendered map (manifest included) with the output folder; `manifested`: the
    map already has its manifest (`with_manifest`)."""
    files = files if manifested else with_manifest(files)
    patterns = read_genignore(out)
    recorded = read_manifest(out)
    report = Report()
    base = str(out)
    for rel, text in files.items():
        if ignored(rel, patterns):
            continue
        raw = _regular_bytes(os.path.join(base, rel))
        if raw is None:
            report.missing.append(rel)
            continue
        disk = raw.decode("utf-8", "replace")
        if disk == text:
            continue
        edited = rel in recorded and sha(disk) != recorded[rel]
        (report.hand_edited if edited else report.changed).append(rel)
        if rel != MANIFEST:
            diff = difflib.unified_diff(
                disk.splitlines(True), text.splitlines(True), f"{rel} (on disk)", f"{rel} (expected)"
            )
            report.diffs.append("".join(diff))
    for rel in _disk_files(out):
        if rel not in files and rel != GENIGNORE and not ignored(rel, patterns):
            report.extra.append(rel)
    return report


def _regular_bytes(path: str) -> bytes | None:
    """A regular file's bytes; None for anything else (not opened: a FIFO would block)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as f:
            return f.read()
    except (OSError, ValueError):
        return None


def matches(expected: dict[str, str], out: Path) -> bool:
    """Whether the folder holds exactly these files (path -> SHA-256 of the bytes; `.genignore`
    and tool caches aside): True only where `check` would find nothing to report."""
    patterns = read_genignore(out)
    base = str(out)
    for rel, digest in expected.items():
        if ignored(rel, patterns):
            continue
        raw = _regular_bytes(os.path.join(base, rel))
        if raw is None or hashlib.sha256(raw).hexdigest() != digest:
            return False
    return not any(
        rel not in expected and rel != GENIGNORE and not ignored(rel, patterns) for rel in _disk_files(out)
    )


def generate(files: dict[str, str], out: Path, force: bool = False, manifested: bool = False) -> list[str]:
    """Write the map to `out` atomically; returns the paths that changed (`manifested`: as in
    `check`)."""
    files = files if manifested else with_manifest(files)
    patterns = read_genignore(out)
    files = {p: t for p, t in files.items() if not ignored(p, patterns)}
    for rel in files:
        _safe(rel)
    recorded = read_manifest(out)
    on_disk = set(_disk_files(out))
    if out.exists() and not out.is_dir():
        raise SdkgenError(f"{out}: exists and is not a directory")
    foreign = sorted(p for p in on_disk & set(files) if p not in recorded and p != MANIFEST)
    if foreign and not force:
        raise SdkgenError(
            f"{out / foreign[0]}: exists but was not written by sdkgen "
            f"({len(foreign)} such file(s)); move it away, list it in "
            f"{GENIGNORE}, or pass --force to take it over"
        )
    base = str(out)
    changed = [p for p in files if p not in on_disk or _read(base, p) != files[p].encode()]
    stale = sorted(p for p in recorded if p in on_disk and p not in files and not ignored(p, patterns))
    if not changed and not stale:
        return []
    keep = [p for p in on_disk if p not in recorded or ignored(p, patterns)]
    _swap_in(out, files, keep, _empty_dirs(out))
    return sorted(changed + stale)


def _read(base: str, rel: str) -> bytes:
    with open(os.path.join(base, rel), "rb") as f:
        return f.read()


def _empty_dirs(out: Path) -> list[str]:
    """The user's empty folders: not files, but theirs, so carried over too."""
    if not out.is_dir():
        return []
    found = []
    for root, dirs, names in os.walk(out):
        dirs[:] = [d for d in dirs if d not in _CACHE_PARTS]
        if not dirs and not names and Path(root) != out:
            found.append(Path(root).relative_to(out).as_posix())
    return sorted(found)


def _swap_in(out: Path, files: dict[str, str], keep: list[str], dirs: list[str]) -> None:
    out = out.absolute()
    staging = out.parent / f".{out.name}.sdkgen-new"
    if staging.exists():
        shutil.rmtree(staging)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging.mkdir()
    try:
        for rel in dirs:
            (staging / rel).mkdir(parents=True, exist_ok=True)
        for rel in keep:
            if rel in files:
                continue
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(out / rel, target)
        _write_all(str(staging), files)
        if out.exists():
            _exchange(staging, out)
        else:
            os.rename(staging, out)
    except BaseException:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)


def _write_all(base: str, files: dict[str, str]) -> None:
    """Create every file under the new folder `base`: plain `os` calls on strings, one `mkdir`
    per folder (pathlib and buffered file objects were a third of the Python time per file)."""
    made: set[str] = set()
    for rel, text in files.items():
        folder = rel.rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(base, folder), exist_ok=True)
            made.add(folder)
        _write_file(os.path.join(base, rel), text.encode("utf-8"))


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _write_file(path: str, data: bytes) -> None:
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> None:
    """Atomically swap two directories (Linux renameat2); elsewhere, rename with a backup."""
    import ctypes.util  # here: its import costs more than the rest of this module's

    libc_name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(libc_name, use_errno=True) if libc_name else None
    fn = getattr(libc, "renameat2", None) if libc else None
    if fn is not None:
        at_fdcwd = -100
        rc = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
        if rc == 0:
            return
    backup = b.parent / f".{b.name}.sdkgen-old"
    if backup.exists():
        shutil.rmtree(backup)
    os.rename(b, backup)
    os.rename(a, b)
    os.rename(backup, a)
