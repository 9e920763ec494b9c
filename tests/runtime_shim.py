"""Type-checking many generated SDKs with their runtime checked once.

Every SDK ships the same runtime modules (header + `templates/python/runtime/<file>`, proven by
test_runtime_shipped.py), and they are most of a small SDK's code. For a mypy run over many
trees, each tree's runtime modules are replaced by modules re-exporting one shared copy
(`sdkgen_runtime`), so mypy checks the runtime once and each SDK's own code as written.
"""

from __future__ import annotations

import ast
import functools
import shutil
from pathlib import Path

from tests.helpers import runtime_sources

RUNTIME_PACKAGE = "sdkgen_runtime"


def reexport(source: str, module: str) -> str:
    """A module re-exporting every public name of runtime module `source` from the shared copy:
    what it defines, and what it re-exports (`X as X`, or listed in `__all__`)."""
    names: list[str] = []
    for node in ast.parse(source).body:
        for inner in [node, *(getattr(node, "body", []) if isinstance(node, ast.If | ast.Try) else [])]:
            if isinstance(inner, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                names.append(inner.name)
            elif isinstance(inner, ast.Assign | ast.AnnAssign):
                targets = inner.targets if isinstance(inner, ast.Assign) else [inner.target]
                names += [n.id for n in targets if isinstance(n, ast.Name)]
                if any(isinstance(n, ast.Name) and n.id == "__all__" for n in targets):
                    names += ast.literal_eval(inner.value) if inner.value is not None else []
            elif isinstance(inner, ast.Import | ast.ImportFrom):
                names += [a.name for a in inner.names if a.asname == a.name]
    lines = [f"from {RUNTIME_PACKAGE}.{module} import {name} as {name}" for name in sorted(set(names))]
    return "\n".join(lines) + "\n"


def write_shared_runtime(root: Path) -> None:
    """The one shared runtime copy, as package `sdkgen_runtime` under `root` (once)."""
    shared = root / RUNTIME_PACKAGE
    if shared.is_dir():
        return
    shared.mkdir(parents=True)
    (shared / "__init__.py").write_text("")
    for rel, text in runtime_sources("pkg").items():
        (shared / Path(rel).name).write_text(text, encoding="utf-8")


@functools.cache
def _runtime(package: str) -> dict[str, str]:
    return runtime_sources(package)


def shimmed(rel: str, text: str, package: str) -> str:
    """`text` of file `rel`, or the re-export module when `rel` is one of `package`'s runtime modules."""
    return reexport(text, Path(rel).stem) if rel in _runtime(package) else text


def shimmed_copy(tree: Path, package: str, view: Path) -> None:
    """Copy package `package` of the output dir `tree` to `view`, its runtime modules shimmed."""
    runtime = _runtime(package)
    shutil.copytree(tree / package, view / package, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, text in runtime.items():
        if (view / rel).is_file():
            (view / rel).write_text(reexport(text, Path(rel).stem), encoding="utf-8")
