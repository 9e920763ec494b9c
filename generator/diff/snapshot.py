"""A surface as JSON and back: the record `generate --bump` keeps of the last released API."""

from __future__ import annotations

import json
from typing import Any

from generator.diff.surface import Entry, Surface
from generator.diff.terms import Atom, Term
from generator.errors import UsageError

SCHEMA = "sdkgen-surface/1"
# Which positions of an atom hold a nested term (the others are plain JSON values).
_NESTED = {"list": (1,), "dict": (1,), "generic": (2,), "dual": (1, 2)}


def _term_out(t: Term) -> list[Any]:
    atoms = [[_term_out(v) if i in _NESTED.get(a[0], ()) else v for i, v in enumerate(a)] for a in t]
    return sorted(atoms, key=lambda a: json.dumps(a, sort_keys=True))


def _term_in(data: list[Any]) -> Term:
    return frozenset(_atom_in(a) for a in data)


def _atom_in(a: list[Any]) -> Atom:
    return tuple(_term_in(v) if i in _NESTED.get(a[0], ()) else v for i, v in enumerate(a))


def dumps(version: str, surface: Surface) -> str:
    """The snapshot file: the SDK version and every entry of its surface."""
    entries = []
    for e in surface.values():
        item: dict[str, Any] = {"kind": e.kind, "key": e.key}
        for name in ("parent", "wire", "annotation", "role"):
            if getattr(e, name):
                item[name] = getattr(e, name)
        if e.term is not None:
            item["term"] = _term_out(e.term)
        if e.required:
            item["required"] = True
        if e.props:
            item["props"] = [list(p) for p in e.props]
        if e.docs:
            item["docs"] = [list(d) for d in e.docs]
        entries.append(item)
    return (
        json.dumps({"schema": SCHEMA, "version": version, "entries": entries}, indent=1, sort_keys=True)
        + "\n"
    )


def loads(text: str, where: str) -> tuple[str, Surface]:
    """(version, surface) from a snapshot file; `where` names it in errors."""
    try:
        data = json.loads(text)
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} file")
        surface: Surface = {}
        for item in data["entries"]:
            term = _term_in(item["term"]) if "term" in item else None
            props = tuple((str(k), v) for k, v in item.get("props", []))
            docs = tuple((str(k), str(v)) for k, v in item.get("docs", []))
            fields = {k: item[k] for k in ("parent", "wire", "annotation", "role") if k in item}
            entry = Entry(
                item["kind"],
                item["key"],
                term=term,
                required=bool(item.get("required")),
                props=props,
                docs=docs,
                **fields,
            )
            surface[entry.key] = entry
        return str(data["version"]), surface
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UsageError(f"{where}: unreadable snapshot ({exc}); delete it to start over") from None
