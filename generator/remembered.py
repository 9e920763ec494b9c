"""Renders remembered per user: `sdkgen check` of unchanged inputs compares the tree with the
file hashes a full render of the very same inputs produced, instead of rendering again (and
`generate` over a tree that already holds them has nothing to do).

An entry is keyed by everything the rendered files depend on: the spec's bytes, the settings,
the generator's own code and templates (their contents), the user's template folder, and the
versions of Python, PyYAML, Jinja2 and the formatter (`Machinery`, from the command line); it
records the other files the load read (external `$ref` documents, overlays) with their hashes,
which must still match. Output is
a pure function of these (deterministic: a project guarantee, tested byte for byte), so an
entry stands for the render. Only a clean tree is decided from memory: a tree that differs in
any byte, a missing or extra file, or a changed input goes to the full render, which reports
it as before (or rewrites it). Trees managed by `--bump` (a surface snapshot, read as an input) always render.
Nothing like this exists as a library for our inputs; the entry format is a small JSON file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, fields
from pathlib import Path

from generator.cache import cache_folder
from generator.config import Settings

_FORMAT = "sdkgen-remembered-1"
_KEEP = 64  # entries kept (each a few hundred KB at most); the oldest go first
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Entry:
    """What a full render of one set of inputs produced."""

    expected: dict[str, str]  # every file of the tree (manifest included) -> SHA-256 of its bytes
    notes: tuple[str, ...]
    inputs: tuple[Path, ...] = ()  # the files the load read besides the spec


def sha_file(path: Path) -> str | None:
    """The SHA-256 of a file's bytes; None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _tree_digest(root: Path, digest: hashlib._Hash) -> None:
    """Every file under `root` (names and contents, in a fixed order) into `digest`."""
    for folder, dirs, names in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape") + b"\0")
            with open(path, "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())


@dataclass(frozen=True)
class Machinery:
    """What shapes the output besides the inputs: tool versions and the folders of code and
    templates (their contents count), given by the command line, which knows the targets."""

    tools: str
    folders: tuple[Path, ...]
    portable: str = ""  # the tool versions alone (no paths), "" when one is not known


def key(settings: Settings, machinery: Machinery, portable: bool = False) -> str | None:
    """The inputs' key (None: the spec is unreadable, or a portable key cannot be had). A
    portable key names no machine's paths: settings' paths relative to the working folder,
    the Python version instead of its build, the tools' versions (`tree_record.py`)."""
    spec = sha_file(settings.spec)
    if spec is None or portable and not machinery.portable:
        return None
    digest = hashlib.sha256(_FORMAT.encode())
    if portable:
        digest.update(
            f"portable|{sys.implementation.name}|{sys.version_info[:3]}|{machinery.portable}".encode()
        )
    else:
        digest.update(f"{sys.version}|{machinery.tools}".encode())
    for field in fields(settings):
        value = getattr(settings, field.name)
        if portable and field.name in ("spec", "out"):
            continue  # the spec counts by its bytes; where the tree is written shapes nothing in it
        digest.update(f"{field.name}={_relative(value) if portable else value!r}\0".encode())
    digest.update(spec.encode())
    for root in (_PACKAGE, *machinery.folders):
        digest.update(_ours(root))
    if settings.templates is not None and settings.templates.is_dir():  # the user's: read each run
        _tree_digest(settings.templates, digest)
    return digest.hexdigest()


def portable_path(path: Path) -> str:
    """A path as portable records spell it: relative to the working folder, with `/`."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows): as it is
        return path.as_posix()


def _relative(value: object) -> str:
    """A setting as a portable key spells it: paths relative to the working folder."""
    if isinstance(value, Path):
        return repr(portable_path(value))
    if isinstance(value, tuple):
        return repr(tuple(_relative(v) for v in value))
    return repr(value)


@functools.lru_cache(maxsize=8)
def _ours(root: Path) -> bytes:
    """The digest of one of sdkgen's own folders (its code, its templates), once per process:
    they do not change under a running generator, and a process may render many times (tests)."""
    digest = hashlib.sha256()
    if root.is_dir():
        _tree_digest(root, digest)
    return digest.digest()


def slot(settings: Settings, machinery: Machinery) -> str | None:
    """Where the render of these inputs is remembered (None: caching is off or the spec is
    unreadable); computed once per run, for `lookup` and then `store`."""
    folder = cache_folder("remembered")
    if folder is None:
        return None
    try:
        found = key(settings, machinery)
    except OSError:
        return None
    return None if found is None else os.path.join(folder, found + ".json")


def lookup(path: str) -> Entry | None:
    """The render remembered at `path` (a `slot`), if every input file is as it was."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
        body, _, checksum = raw.rpartition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            return None  # damaged
        data = json.loads(body)
        for name, digest in data["inputs"].items():
            if sha_file(Path(name)) != digest:
                return None
        now = time.time()
        os.utime(path, (now, now))  # pruning keeps the recently used
        return Entry(
            {str(k): str(v) for k, v in data["expected"].items()},
            tuple(str(n) for n in data["notes"]),
            tuple(Path(name) for name in data["inputs"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(
    path: str, spec: Path, inputs: list[Path], expected: dict[str, str], notes: tuple[str, ...]
) -> None:
    """Remember at `path` (a `slot`) a full render (every file with its hash,
    `emit.expected_hashes`) and the files it read besides `spec` (whose bytes are in the key)."""
    read = {str(p.resolve()): sha_file(p) for p in inputs if p.resolve() != spec.resolve()}
    data = {
        "inputs": read,
        "expected": expected,
        "notes": list(notes),
    }
    body = json.dumps(data, sort_keys=True).encode()
    scratch = f"{path}.{os.getpid()}.tmp"
    try:
        with open(scratch, "wb") as f:
            f.write(body + b"\n" + hashlib.sha256(body).hexdigest().encode())
        os.replace(scratch, path)
        _prune(os.path.dirname(path))
    except OSError:
        return  # only costs time next run


def _prune(folder: str) -> None:
    entries = [e for e in os.scandir(folder) if e.name.endswith(".json")]
    if len(entries) <= _KEEP:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for old in entries[: len(entries) - _KEEP]:
        try:
            os.unlink(old.path)
        except OSError:
            pass
