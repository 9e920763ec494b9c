"""ruff, pinned with sdkgen, sorts imports and formats the generated Python in one batch.

The batch runs in a background thread over a scratch copy of the file map while the
other views render; `finish` formats late additions and reads everything back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from generator.cache import cache_folder
from generator.errors import SdkgenError
from generator.targets.python.settled import settled

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


class FormatCache:
    """ruff's output by input, kept between runs in the user cache folder (`generator.cache`).

    One pack file per ruff build (path, size, mtime), configuration and package; an entry is
    keyed by the SHA-256 of the mode (imports sorted, or formatted only), the file's folder and
    name kind, and its text. What ruff makes of a file depends on nothing else: `--isolated`
    reads no configuration file, and import sorting sees the same first-party package. So a
    run over an unchanged spec formats nothing, and a changed spec formats its changes.
    Entries of earlier runs are kept while the pack stays within twice the size of this run's
    (an edit-and-regenerate loop, or two specs in turn), else only this run's: loading and
    rewriting the pack stays proportional to the SDK, however many specs share a package name.
    """

    _MAGIC = b"sdkgen-ruff-cache 1\n"

    def __init__(self, package: str | None) -> None:
        self.entries: dict[bytes, str] = {}
        self.fresh: dict[bytes, str] = {}
        self.used: set[bytes] = set()
        self.path: str | None = None
        folder = cache_folder("ruff") if package is not None else None
        if folder is None:
            return
        ruff = ruff_binary()
        try:
            st = os.stat(ruff)
        except OSError:
            return
        identity = repr((ruff, st.st_size, st.st_mtime_ns, RUFF_CONFIG, package))
        self.path = os.path.join(folder, hashlib.sha256(identity.encode()).hexdigest()[:32])
        self.entries = self._load(self.path)

    @staticmethod
    def key(mode: str, path: str, text: str) -> bytes:
        """The entry of `text` formatted in `mode` at `path` (its folder and whether it is a
        package's `__init__.py`: nothing else of the path reaches ruff's output)."""
        folder, _, name = path.rpartition("/")
        head = f"{mode}\0{folder}\0{name == '__init__.py'}\0".encode()
        return hashlib.sha256(head + text.encode("utf-8", "surrogatepass")).digest()

    def key_for(self, mode: str, path: str, text: str) -> bytes:
        """`key`, or b"" (never looked up, never kept) when no cache file is in use: a run
        without caches would hash every module and docs block for nothing."""
        return self.key(mode, path, text) if self.path is not None else b""

    def remember(self, key: bytes, text: str) -> None:
        """Keep `text` under `key` (from `key_for`) for the cache file."""
        if key:
            self.fresh[key] = text

    def get(self, key: bytes) -> str | None:
        """The formatted text, if a run formatted this input before."""
        found = self.fresh.get(key)
        if found is None:
            found = self.entries.get(key)
            if found is not None:
                self.used.add(key)
        return found

    def save(self) -> None:
        """Write the pack (atomically) when this run formatted anything new."""
        if self.path is None or not self.fresh:
            return
        current = {**{k: self.entries[k] for k in self.used}, **self.fresh}
        kept = {**self.entries, **self.fresh}
        if sum(map(len, kept.values())) > 2 * sum(map(len, current.values())):
            kept = current
        chunks = [self._MAGIC]
        for key, text in kept.items():
            data = text.encode("utf-8", "surrogatepass")
            chunks.append(key + len(data).to_bytes(4, "little") + data)
        folder = os.path.dirname(self.path)
        try:
            with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=".tmp-", delete=False) as tmp:
                tmp.write(b"".join(chunks))
            os.replace(tmp.name, self.path)
        except OSError:
            with contextlib.suppress(OSError, NameError):
                os.unlink(tmp.name)

    @classmethod
    def _load(cls, path: str) -> dict[bytes, str]:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            return {}
        if not data.startswith(cls._MAGIC):
            return {}
        entries: dict[bytes, str] = {}
        at = len(cls._MAGIC)
        try:
            while at < len(data):
                key, size = data[at : at + 32], int.from_bytes(data[at + 32 : at + 36], "little")
                end = at + 36 + size
                if len(key) != 32 or end > len(data):
                    return {}  # damaged: start over
                entries[key] = data[at + 36 : end].decode("utf-8", "surrogatepass")
                at = end
        except UnicodeDecodeError:
            return {}
        return entries


class FormatJob:
    """ruff over a scratch copy of the map's Python files, started in a background thread.

    `finish` formats whatever was added or replaced since the start in a second, small
    batch in the same scratch tree (so import sorting sees the same package layout as one
    batch would), then reads every formatted file back into the map. Files whose input is
    in the `FormatCache` are not formatted again.
    """

    def __init__(
        self, files: Files, package: str, cache: FormatCache | None = None, ready: Iterable[str] = ()
    ) -> None:
        # Every module of the package sorts as first-party, even one that is not in the scratch
        # tree (the runtime joins the map after formatting): the docs' examples import them.
        self.config = [*RUFF_CONFIG, "--config", f"lint.isort.known-first-party = [{package!r}]"]
        self.cache = cache if cache is not None else FormatCache(None)
        self._tmp = tempfile.TemporaryDirectory(prefix="sdkgen-fmt-", dir=_scratch_dir())
        self.root = Path(self._tmp.name)
        self.submitted = {p: t for p, t in files.items() if p.endswith(".py")}
        self.done: Files = {}
        # Modules printed the way ruff would leave them (`settled.py`) skip it (and join the
        # cache, whose lookup is cheaper than the test).
        self._first = self._lookup(self.submitted, "sort")
        for path in ready:
            key = self._first.get(path)
            if key is not None and settled(self.submitted[path]):
                self.done[path] = self.submitted[path]
                self.cache.remember(key, self.submitted[path])
                del self._first[path]
        self._write(self._first)
        self.error: BaseException | None = None
        self.failure = ""
        self.thread = threading.Thread(target=self._run, args=(["."],), daemon=True)
        if self._first:  # ruff given `.` over an empty tree would only cost a process
            self.thread.start()

    def _lookup(self, batch: Files, mode: str) -> dict[str, bytes]:
        """Put the cached results of `batch` in `done`; the others' paths with their keys."""
        missing: dict[str, bytes] = {}
        for path, text in batch.items():
            key = self.cache.key_for(mode, path, text)
            found = self.cache.get(key) if key else None
            if found is None:
                missing[path] = key
            else:
                self.done[path] = found
        return missing

    def _write(self, batch: Files | dict[str, bytes], source: Files | None = None) -> None:
        # Plain `os` calls on strings: pathlib and buffered files cost more than the writes.
        made: set[str] = set()
        texts = source if source is not None else self.submitted
        base = self._tmp.name
        for path in batch:
            folder = path.rpartition("/")[0]
            if folder not in made:
                os.makedirs(f"{base}/{folder}", exist_ok=True)
                made.add(folder)
            fd = os.open(f"{base}/{path}", _REWRITE, 0o600)
            try:
                view = memoryview(texts[path].encode("utf-8"))
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)

    def _collect(self, missing: dict[str, bytes]) -> None:
        """Read what ruff formatted into `done` and remember it in the cache."""
        for path, key in missing.items():
            text = self._read(path)
            self.done[path] = text
            self.cache.remember(key, text)

    def _run(self, paths: list[str], sort: list[str] | None = None) -> None:
        try:
            self.failure = _ruff(self.root, paths, self.config, paths if sort is None else sort)
        except BaseException as exc:  # re-raised in the caller's thread by `finish`
            self.error = exc

    def finish(self, files: Files, scratch: Files | None = None) -> Files:
        """Wait for the background batch, format the rest, and update `files` in place.

        `scratch` (Python that is not output, e.g. the docs' code blocks) joins the last batch;
        it comes back formatted, and stays out of `files`. Its imports are not sorted: the docs
        print them in isort's order (`examples.Imports`), and sorting them was most of ruff's
        work on them.
        """
        self._join()
        self._raise()
        self._collect(self._first)
        later = {p: t for p, t in files.items() if p.endswith(".py") and self.submitted.get(p) is not t}
        extra = scratch or {}
        missing = {**self._lookup(later, "sort"), **self._lookup(extra, "format")}
        if missing:
            self._write(missing, {**later, **extra})
            self._run(sorted(missing), sorted(p for p in missing if p in later))
            self._raise()
            self._collect(missing)
        for path in files:
            if path.endswith(".py"):
                files[path] = self.done[path]
        return {path: self.done[path] for path in extra}

    def format(self, scratch: Files) -> Files:
        """Format more scratch files (no import sorting) after `finish`; returns them formatted."""
        missing = self._lookup(scratch, "format")
        if missing:  # ruff given no paths would format the whole tree
            self._write(missing, scratch)
            self.failure = _ruff(self.root, sorted(missing), self.config, [])
            self._raise()
            self._collect(missing)
        return {path: self.done[path] for path in scratch}

    def _read(self, path: str) -> str:
        fd = os.open(f"{self._tmp.name}/{path}", os.O_RDONLY)
        try:
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(fd)
        return b"".join(chunks).decode("utf-8")

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


_REWRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _ruff(root: Path, paths: list[str], config: list[str], sort: list[str]) -> str:
    """Sort the imports of `sort`, then format `paths`, under `root`; returns an error summary
    or ''."""
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
        *sort,
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
