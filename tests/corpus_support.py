"""Helpers for the corpus, hostile, regeneration and fuzz tests: generate in-process, then
compile, import and type-check the output in fresh interpreters."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

from generator.cli import main as sdkgen_main

BIN = Path(sys.executable).parent

# Imports every module of a package one by one, then builds each pydantic model's schema
# (which resolves every forward reference). Prints one line per failing module.
IMPORTER = r"""
import importlib, inspect, pkgutil, sys
from pydantic import BaseModel
pkg = sys.argv[1]
root = importlib.import_module(pkg)
names = [pkg] + sorted(m.name for m in pkgutil.walk_packages(root.__path__, pkg + "."))
bad = []
for name in names:
    try:
        mod = importlib.import_module(name)
        for obj in list(vars(mod).values()):
            if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == name:
                obj.model_rebuild(force=True)
                obj.model_json_schema()
    except Exception as exc:
        bad.append(f"{name}: {type(exc).__name__}: {str(exc)[:500]}")
print("\n".join(bad))
print(f"{len(names)} modules imported, {len(bad)} failed")
sys.exit(1 if bad else 0)
"""


def generate(spec: Path, out: Path, package: str, *extra: str) -> tuple[int, str, float]:
    """Run `sdkgen generate` in-process: (exit code, stderr, seconds)."""
    err = io.StringIO()
    limit = sys.getrecursionlimit()  # the CLI raises it; give the caller theirs back
    start = time.perf_counter()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = sdkgen_main(
                [
                    "generate",
                    str(spec),
                    "--out",
                    str(out),
                    "--package",
                    package,
                    "--sdk-class",
                    "Client",
                    *extra,
                ]
            )
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        finally:
            sys.setrecursionlimit(limit)
    return code, err.getvalue(), time.perf_counter() - start


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the `sdkgen` console script in a subprocess."""
    exe = BIN / "sdkgen"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "generator"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def tree(out: Path) -> dict[str, bytes]:
    """Every file under `out` (caches excluded) with its bytes."""
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".mypy_cache" not in path.parts:
            files[path.relative_to(out).as_posix()] = path.read_bytes()
    return files


def compile_all(out: Path) -> list[str]:
    """Compile every generated Python file; the list of failures."""
    failures = []
    for path in sorted(out.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            failures.append(f"{path}: {exc}")
    return failures


def import_all(out: Path, package: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Import every module of the generated package in a fresh interpreter."""
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-c", IMPORTER, package],
        capture_output=True,
        text=True,
        env=env,
        cwd=out,
        timeout=timeout,
    )


def mypy_strict(
    targets: list[tuple[Path, str]], cache: Path, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """One `mypy --strict` run over several generated packages (out dir, package name)."""
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(out) for out, _ in targets))
    cmd = [
        str(BIN / "mypy"),
        "--strict",
        "--no-error-summary",
        "--cache-dir",
        str(cache),
        "--python-version",
        "3.11",
    ]
    for _, package in targets:
        cmd += ["-p", package]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cache.parent, timeout=timeout)
