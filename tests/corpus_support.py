"""Helpers for the corpus, hostile, regeneration and fuzz tests: generate in-process, then
compile, import and type-check the output in fresh interpreters."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.cli import main as sdkgen_main
from tests.runtime_shim import RUNTIME_PACKAGE, shimmed_copy, write_shared_runtime

BIN = Path(sys.executable).parent
CORPUS = Path(__file__).resolve().parent / "corpus"

IMPORTER = Path(__file__).resolve().parent / "importer.py"


@dataclass
class Case:
    """One corpus spec and the package it is generated as."""

    name: str
    spec: Path
    package: str


@dataclass
class Outcome:
    """A corpus spec generated twice: exit code, notes, time, and whether both trees agree."""

    case: Case
    out: Path
    code: int
    stderr: str
    seconds: float
    identical: bool


def corpus_cases() -> list[Case]:
    """Top-level spec files, plus one folder per multi-file spec (entry: openapi.* / api.*)."""
    cases = []
    for path in sorted(CORPUS.iterdir()):
        if path.is_file() and path.suffix in (".yaml", ".yml", ".json"):
            cases.append(Case(path.stem, path, f"c_{path.stem}"))
        elif path.is_dir() and not path.name.startswith((".", "_")):
            entry = sorted([*path.glob("openapi.*"), *path.glob("api.*")])[0]
            cases.append(Case(path.name, entry, f"c_{path.name}"))
    return cases


def generate_corpus(root: Path) -> dict[str, Outcome]:
    """Generate every corpus spec (and the large one made by make_large.py) under `root`, then
    `check` each tree (a second render in the same process must give the same bytes)."""
    large = root / "large_api.json"
    sys.path.insert(0, str(CORPUS))
    try:
        import make_large  # noqa: PLC0415 - a script next to the specs
    finally:
        sys.path.remove(str(CORPUS))
    make_large.main(str(large))
    outcomes: dict[str, Outcome] = {}
    for case in [*corpus_cases(), Case("large_api", large, "c_large_api")]:
        out = root / case.name
        code, stderr, seconds = generate(case.spec, out / "a", case.package)
        # Rendered again in the same process: `check` passes only when every byte is the same
        # (no state may leak from one render into the next), without writing a second tree.
        again = run_here(
            "check",
            str(case.spec),
            "--out",
            str(out / "a"),
            "--package",
            case.package,
            "--sdk-class",
            "Client",
        )[0]
        same = code == again == 0
        outcomes[case.name] = Outcome(case, out / "a", code, stderr, seconds, same)
    return outcomes


def generate(spec: Path, out: Path, package: str, *extra: str) -> tuple[int, str, float]:
    """Run `sdkgen generate` in-process: (exit code, stderr, seconds)."""
    start = time.perf_counter()
    code, _, stderr = run_here(
        "generate", str(spec), "--out", str(out), "--package", package, "--sdk-class", "Client", *extra
    )
    return code, stderr, time.perf_counter() - start


def run_here(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr); the cheap twin of `run_cli`."""
    out, err = io.StringIO(), io.StringIO()
    limit = sys.getrecursionlimit()  # the CLI raises it; give the caller theirs back
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = sdkgen_main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        finally:
            sys.setrecursionlimit(limit)
    return code, out.getvalue(), err.getvalue()


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the `sdkgen` console script in a subprocess."""
    exe = BIN / "sdkgen"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "generator"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env)


def tree(out: Path) -> dict[str, bytes]:
    """Every file under `out` (caches excluded) with its bytes."""
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".mypy_cache" not in path.parts:
            files[path.relative_to(out).as_posix()] = path.read_bytes()
    return files


# Digests of sources that compiled. Every tree ships the same runtime modules (byte for byte), and
# compiling them was most of a small tree's check (fuzz: 60 trees, corpus: 30): `compile` of the
# same bytes has the same outcome (the file name only labels the code), so each is compiled once.
_COMPILED: set[bytes] = set()


def compile_all(out: Path) -> list[str]:
    """Compile every generated Python file; the list of failures."""
    failures = []
    for path in sorted(out.rglob("*.py")):
        source = path.read_bytes()
        digest = hashlib.sha256(source).digest()
        if digest in _COMPILED:
            continue
        try:
            compile(source, str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            failures.append(f"{path}: {exc}")
        else:
            _COMPILED.add(digest)
    return failures


def import_all(out: Path, package: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Import every module of the generated package in a fresh interpreter."""
    return _importer([out], [package], Path(os.devnull), timeout)


def import_many(
    targets: list[tuple[Path, str]], results: Path, timeout: float = 600
) -> dict[str, str | None]:
    """Import several generated packages (out dir, package) in one fresh interpreter.

    Per package: None when it imported cleanly, else the failures. A package the interpreter
    never reached (it crashed or hung) is missing from the result.
    """
    try:
        _importer([out for out, _ in targets], [package for _, package in targets], results, timeout)
    except subprocess.TimeoutExpired:
        pass
    found: dict[str, str | None] = {}
    if results.exists():
        for line in results.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found[row["package"]] = None if row["ok"] else row["text"]
    return found


def _importer(
    outs: list[Path], packages: list[str], results: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(str(out) for out in outs), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-P", str(IMPORTER), str(results), *packages],  # -P: tests/ not on sys.path
        capture_output=True,
        text=True,
        env=env,
        cwd=outs[0],
        timeout=timeout,
    )


@dataclass
class MypyRun:
    """One `mypy --strict` run over several trees: its exit code and error lines by tree."""

    returncode: int
    output: str
    roots: list[Path]
    shared: Path  # the one runtime copy every tree's runtime modules re-export

    def errors_under(self, roots: list[Path]) -> list[str]:
        """The error and note lines about files under `roots`."""
        return [ln for ln in self.output.splitlines() if any(_under(ln, r) for r in roots)]

    def unattributed(self) -> list[str]:
        """Output about no tree of the run (a crash, a usage error): fails every check."""
        lines = [ln for ln in self.output.splitlines() if ln.strip()]
        return [ln for ln in lines if not any(_under(ln, r) for r in self.roots)]


def _under(line: str, root: Path) -> bool:
    match = re.match(r"(/[^:]+\.pyi?):\d+", line)
    return match is not None and Path(match.group(1)).is_relative_to(root)


def mypy_strict(
    targets: list[tuple[Path, str]],
    cwd: Path,
    timeout: float = 900,
    folders: Sequence[tuple[Path, list[str]]] = (),
) -> MypyRun:
    """One `mypy --strict` run over several generated packages (out dir, package name), and the
    `folders` checked as they are (folder, its `-p package` / `-m module` arguments): their
    runtime modules already re-export `sdkgen_runtime`, the one shared copy this run provides.

    No cache is written: nothing would read it again, and writing it for the thousand
    modules of the large spec costs more than a seventh of the run.
    """
    # Each tree is checked through a copy whose runtime modules re-export one shared runtime
    # (tests/runtime_shim.py): mypy checks the runtime once, not once per tree; error paths
    # are mapped back to the trees afterwards.
    views = [cwd / "views" / str(n) for n in range(len(targets))]
    for (out, package), view in zip(targets, views, strict=True):
        shimmed_copy(out, package, view)
    write_shared_runtime(cwd / "views" / "shared")
    search = [*views, cwd / "views" / "shared", *(folder for folder, _ in folders)]
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(path) for path in search))
    cmd = [
        str(BIN / "mypy"),
        "--strict",
        "--no-error-summary",
        "--show-absolute-path",
        "--no-incremental",
        "--cache-dir",
        os.devnull,
        "--python-version",
        "3.11",
    ]
    for _, package in targets:
        cmd += ["-p", package]
    for _, args in folders:
        cmd += args
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    output = proc.stdout + proc.stderr
    for (out, _), view in zip(targets, views, strict=True):
        output = output.replace(f"{view}{os.sep}", f"{out}{os.sep}")
    roots = [out for out, _ in targets] + [folder for folder, _ in folders]
    return MypyRun(proc.returncode, output, roots, cwd / "views" / "shared" / RUNTIME_PACKAGE)


PROBE = "sdkgen_missing_name_probe"


def missing_name_probe(root: Path) -> tuple[Path, str]:
    """User code importing names the SDK does not have, each ignore expecting mypy's error.

    `--strict` reports an ignore that suppresses nothing, so if the lazy package indexes typed
    a missing name as Any again (a module `__getattr__` visible to mypy), this probe fails.
    """
    lines = [
        f"from atoma_sdk.{module} import NoSuchName as missing_{n}  # type: ignore[attr-defined]"
        for n, module in enumerate(("models.components", "models.operations", "resources"))
    ]
    (root / PROBE).mkdir()
    (root / PROBE / "__init__.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, PROBE


OVERLOAD_PROBE = "sdkgen_overload_probe"
# The dual-mode overloads of corpus spec stream_variants.yaml (a `#stream` variant paired with
# its base): each call's type, as a user's mypy sees it.
_OVERLOADS = """\
from typing import assert_type

from c_stream_variants import AsyncClient, AsyncEventStream, Client, EventStream
from c_stream_variants.models.components import Reply
from c_stream_variants.models.operations import SayStreamResponseBody

Events = EventStream[SayStreamResponseBody]


def sync(sdk: Client, flag: bool) -> None:
    assert_type(sdk.rooms.say(room="r", text="t"), Reply)
    assert_type(sdk.rooms.say(room="r", text="t", stream=False), Reply)
    assert_type(sdk.rooms.say(room="r", text="t", stream=True), Events)
    assert_type(sdk.rooms.say(room="r", text="t", stream=flag), Reply | Events)
    assert_type(sdk.rooms.say_stream(room="r", text="t"), Events)


async def asynchronous(sdk: AsyncClient) -> None:
    assert_type(await sdk.rooms.say(room="r", text="t"), Reply)
    assert_type(
        await sdk.rooms.say(room="r", text="t", stream=True), AsyncEventStream[SayStreamResponseBody]
    )
"""


def overload_probe(root: Path) -> tuple[Path, str]:
    """User code asserting the type of each mode of a dual-mode method (checked in the one run)."""
    (root / OVERLOAD_PROBE).mkdir()
    (root / OVERLOAD_PROBE / "__init__.py").write_text(_OVERLOADS, encoding="utf-8")
    return root, OVERLOAD_PROBE
