"""Aliases that name nothing but each other: `A: {anyOf: [{$ref: A}]}` constrains no value.

The loader rejects a `$ref` cycle with no schema in between; a union whose members lead only back
to itself (through other such unions, `null` aside) gets past it, and as a type it would refer to
itself forever (pydantic refuses to build it when the SDK is imported). Such an alias is typed Any,
with a note naming its schema.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from generator.ir import Alias, Named, TypeRef


def untangled(named: Sequence[Named], note: Callable[[str], None]) -> list[Named]:
    """`named`, with every alias that only names aliases of its own cycle typed Any."""
    aliases = {n.name: n for n in named if isinstance(n, Alias)}
    members = {name: _alias_members(alias.target, aliases) for name, alias in aliases.items()}
    concrete = {name for name, found in members.items() if found is None}
    grew = True
    while grew:  # an alias with a concrete member is concrete
        grew = False
        for name, found in members.items():
            if name not in concrete and found is not None and any(m in concrete for m in found):
                concrete.add(name)
                grew = True
    empty = set(aliases) - concrete
    for name in sorted(empty):
        note(f"{aliases[name].loc}: a union of nothing but itself (through $refs) constrains no value: Any")
    return [
        replace(n, target=TypeRef("any")) if isinstance(n, Alias) and n.name in empty else n for n in named
    ]


def _alias_members(t: TypeRef, aliases: dict[str, Alias]) -> list[str] | None:
    """The aliases `t` is a union of and nothing else (`null` aside), or None."""
    if t.kind == "alias" and t.name in aliases:
        return [t.name]
    if t.kind == "null":
        return []
    if t.kind != "union":
        return None
    found: list[str] = []
    for arg in t.args:
        inner = _alias_members(arg, aliases)
        if inner is None:
            return None
        found += inner
    return found
