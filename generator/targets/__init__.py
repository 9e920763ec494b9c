"""Output targets: each turns the one IR into `{relative path: text}` without touching disk.

A target is one object with one entry point, `render(api) -> Rendered`. The CLI picks a
target by name; adding a target adds a folder here and an entry in `TARGETS`, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.errors import UsageError
from generator.targets.base import HEADER, Files, Rendered, Target

__all__ = ["HEADER", "TARGETS", "Files", "Rendered", "Target", "get_target"]


def _python(templates: Path | None) -> Target:
    from generator.targets.python import PythonTarget

    return PythonTarget(templates)


def _typescript(templates: Path | None) -> Target:
    from generator.targets.typescript import TypeScriptTarget

    return TypeScriptTarget(templates)


TARGETS: dict[str, Callable[[Path | None], Target]] = {"python": _python, "typescript": _typescript}


def get_target(name: str, templates: Path | None = None) -> Target:
    """The target called `name`, with the user's template folder (if any) over ours."""
    factory = TARGETS.get(name)
    if factory is None:
        raise UsageError(f"--target {name!r}: unknown target (choose from {', '.join(sorted(TARGETS))})")
    return factory(templates)
