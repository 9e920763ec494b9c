"""Nested resources (`sdk.beta.conversations`): each level a class reached from its parent.

A level with no operations of its own (`beta` when only `beta.conversations` has some) gets
a class of its own holding just its children.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from generator import naming
from generator.targets.python.names import PyNames
from generator.targets.python.text import docstring


@dataclass(frozen=True)
class BareLevel:
    """A level without operations: what its class is called and where it lives."""

    path: tuple[str, ...]
    attr: str  # dotted, from the SDK: `beta`
    module: str
    class_name: str
    doc: str


class _Level(Protocol):
    path: tuple[str, ...]
    children: list[Any]


def bare_levels(names: PyNames, have: set[tuple[str, ...]], classes: set[str]) -> list[BareLevel]:
    """The levels no resource of `have` fills, parents first."""
    out = []
    for path in sorted(names.levels, key=lambda p: (len(p), p)):
        if path in have:
            continue
        dotted = ".".join(names.levels[path[:d]] for d in range(1, len(path) + 1))
        base = naming.class_name("_".join(path), "Resource")
        while base in classes:
            base += "Resource"
        classes.add(base)
        out.append(
            BareLevel(path, dotted, names.level_module(path), base, docstring(f"The {dotted} resources."))
        )
    return out


def link(levels: Iterable[_Level]) -> None:
    """Give each level its children (the levels one deeper under it)."""
    listed = list(levels)
    by_path = {level.path: level for level in listed}
    for level in listed:
        if len(level.path) > 1:
            by_path[level.path[:-1]].children.append(level)
