"""Resources for a spec without tags: operations grouped by the collections in their paths.

A static path segment is a level when it comes first or when some path in the spec follows
it with a parameter (a collection: `/customers/{id}`); `/v1/customers/{id}/sources` is then
`customers.sources`, and `/v1/customers/search` stays with `customers` (its last segment is
an action, never followed by an id). A leading version segment (`v1`, `api`) is no level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VERSION = re.compile(r"v\d+(\.\d+)*|api", re.I)


def _segments(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    while parts and _VERSION.fullmatch(parts[0]):
        parts = parts[1:]
    return parts


def _is_param(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def path_levels(paths: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each path's levels (its static segments that are collections), by path."""
    listed = list(dict.fromkeys(paths))
    collections: set[tuple[str, ...]] = set()
    for path in listed:
        parts = _segments(path)
        for i in range(1, len(parts)):
            if _is_param(parts[i]) and not _is_param(parts[i - 1]):
                collections.add(tuple(p for p in parts[:i] if not _is_param(p)))
    out: dict[str, tuple[str, ...]] = {}
    for path in listed:
        statics: list[str] = []
        levels: list[str] = []
        for part in _segments(path):
            if _is_param(part):
                continue
            statics.append(part)
            if not levels or tuple(statics) in collections:
                levels.append(part)
        out[path] = tuple(levels)
    return out
