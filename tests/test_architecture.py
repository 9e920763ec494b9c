"""The layout's promises: no import cycles in `generator/`, the core never imports a target,
and no target imports another (adding a target touches no other target)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "generator"
# The command line and the diff (which reports the Python SDK's API) sit above the targets.
ABOVE_TARGETS = {"generator.cli", "generator.__main__"}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Module -> the generator modules it imports (at any depth in the file, lazy ones too)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                base = node.module
                deps |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules}
                deps.add(base)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycles() -> None:
    assert _cycle(_graph()) == []


def test_the_core_never_imports_a_target() -> None:
    core = {
        m: deps for m, deps in _graph().items() if not m.startswith(("generator.targets", "generator.diff"))
    }
    offenders = {
        m: sorted(d for d in deps if d.startswith("generator.targets."))
        for m, deps in core.items()
        if m not in ABOVE_TARGETS
    }
    assert {m: d for m, d in offenders.items() if d} == {}


def test_no_target_imports_another() -> None:
    for module, deps in _graph().items():
        parts = module.split(".")
        if len(parts) > 2 and parts[1] == "targets" and parts[2] not in ("templating", "base"):
            own = ".".join(parts[:3])
            others = [d for d in deps if d.startswith("generator.targets.") and not d.startswith(own)]
            others = [
                d for d in others if d not in ("generator.targets.templating", "generator.targets.base")
            ]
            assert others == [], module
