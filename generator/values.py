"""Whether a JSON value fits an IR type: the one checker behind field defaults, spec examples
and every target's use of them.

JSON Schema's meaning, over the IR: a bool is not an integer, an integer is a number, and a
float with no fraction (`3.0`) is an integer; a literal or enum value must equal a member in
JSON type and value; an object fits a model when it holds every required property (one with
a default may be left out: the default fills it) and each property, known or additional,
fits its type. Aliases are followed, with a guard for ones that reach themselves without
passing through any structure (`X = X | str`). Formats are not checked: any string fits a
date-time, uuid or byte string.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from generator.ir import MISSING, Alias, Api, Enum, Model, TypeRef

_N = TypeVar("_N", Model, Enum, Alias)

_NOTHING: frozenset[str] = frozenset()


def fits(api: Api, value: Any, t: TypeRef) -> bool:
    """Whether the JSON `value` fits `t`."""
    return not problems(api, value, t)


def problems(api: Api, value: Any, t: TypeRef, path: str = "", seen: frozenset[str] = _NOTHING) -> list[str]:
    """Why `value` does not fit `t`: one message per problem, led by its JSON pointer below `path`.

    `seen` holds the aliases followed since the last step into the value's structure.
    """
    if value is None:
        return _null(api, t, path, seen)
    kind = t.kind
    if kind == "alias":
        step = follow(api, t, seen)
        if step is None:
            return [f"{_where(path)}: no finite type (the alias refers to itself)"]
        return problems(api, value, step[0], path, step[1])
    if kind == "union":
        return _union(api, value, t, path, seen)
    if kind == "list":
        if not isinstance(value, list):
            return [f"{_where(path)}: expected an array, got {show(value)}"]
        return [p for i, item in enumerate(value) for p in problems(api, item, t.args[0], f"{path}/{i}")]
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{_where(path)}: expected an object, got {show(value)}"]
        return [p for k, v in value.items() for p in problems(api, v, t.args[0], f"{path}/{escape(k)}")]
    if kind == "model":
        return _model(api, value, _named(api, t.name, Model), path)
    expected = _scalar(api, value, t)
    return [] if expected is None else [f"{_where(path)}: {expected}"]


def follow(api: Api, t: TypeRef, seen: frozenset[str]) -> tuple[TypeRef, frozenset[str]] | None:
    """The target of alias `t` and the aliases followed so far, or None when `t` was already
    followed for this value (the alias reaches itself without structure: no finite type)."""
    if t.name in seen:
        return None
    return _named(api, t.name, Alias).target, seen | {t.name}


def member(api: Api, value: Any, t: TypeRef) -> TypeRef | None:
    """The member of union `t` that `value` belongs to: by discriminator, else the first that fits."""
    if t.discriminator and isinstance(value, dict):
        tag = value.get(t.discriminator)
        for arg in t.args:
            if arg.kind == "model":
                f = next((f for f in _named(api, arg.name, Model).fields if f.wire == t.discriminator), None)
                if f is not None and f.type.kind == "literal" and tag in f.type.values:
                    return arg
    return next((a for a in t.args if fits(api, value, a)), None)


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values of the same type (`1` is not `true`, nor `1.0`)."""
    return type(a) is type(b) and a == b


def _null(api: Api, t: TypeRef, path: str, seen: frozenset[str]) -> list[str]:
    if t.nullable or t.kind in ("null", "any") or (t.kind == "literal" and None in t.values):
        return []
    if t.kind == "alias":
        step = follow(api, t, seen)
        if step is not None and not problems(api, None, step[0], path, step[1]):
            return []
    if t.kind == "union" and any(not _null(api, a, path, seen) for a in t.args):
        return []
    return [f"{_where(path)}: null is not allowed"]


def _union(api: Api, value: Any, t: TypeRef, path: str, seen: frozenset[str]) -> list[str]:
    results = []
    for arg in t.args:
        found = problems(api, value, arg, path, seen)
        if not found:
            return []
        results.append(found)
    if not results:
        return [f"{_where(path)}: no type admits {show(value)}"]
    # The member it came closest to explains the failure best: one that took the value's shape
    # (its problems lie deeper than the union itself), then the one with the fewest problems.
    root = f"{_where(path)}: "
    return min(results, key=lambda found: (all(p.startswith(root) for p in found), len(found)))


def _model(api: Api, value: Any, model: Model, path: str) -> list[str]:
    where = _where(path)
    if not isinstance(value, dict):
        return [f"{where}: expected an object, got {show(value)}"]
    out: list[str] = []
    wires = {f.wire: f for f in model.fields}
    for f in model.fields:
        if f.required and f.wire not in value and f.default is MISSING:
            out.append(f"{where}: required property {f.wire!r} is missing")
    for key, item in value.items():
        known = wires.get(key)
        if known is not None:
            out.extend(problems(api, item, known.type, f"{path}/{escape(key)}"))
        elif model.extra == "forbid":
            out.append(f"{where}: additional property {key!r} is not allowed")
        elif model.extra_type is not None:
            out.extend(problems(api, item, model.extra_type, f"{path}/{escape(key)}"))
    return out


def _scalar(api: Api, value: Any, t: TypeRef) -> str | None:
    """What a scalar kind expected instead of `value`, or None when it fits."""
    kind = t.kind
    if kind == "any":
        return None
    if kind == "literal":
        ok = any(same(value, v) for v in t.values)
        return None if ok else f"expected {' or '.join(show(v) for v in t.values)}, got {show(value)}"
    if kind == "enum":
        members = _named(api, t.name, Enum).members
        allowed = ", ".join(show(m.value) for m in members)
        ok = any(same(value, m.value) for m in members)
        return None if ok else f"{show(value)} is not one of {allowed}"
    test, expected = _SCALARS[kind]
    return None if test(value) else f"expected {expected}, got {show(value)}"


def _named(api: Api, name: str, cls: type[_N]) -> _N:
    named = api.named(name)
    assert isinstance(named, cls), (name, cls)
    return named


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


_SCALARS: dict[str, tuple[Callable[[Any], bool], str]] = {
    **{kind: (_is_str, "a string") for kind in ("str", "datetime", "date", "time", "uuid", "bytes")},
    "decimal": (lambda v: _is_number(v) or _is_str(v), "a number"),
    "int": (lambda v: _is_int(v) or isinstance(v, float) and v.is_integer(), "an integer"),
    "float": (_is_number, "a number"),
    "bool": (lambda v: isinstance(v, bool), "a boolean"),
    "null": (lambda v: v is None, "null"),
}


def _where(path: str) -> str:
    return path or "/"


def show(value: Any) -> str:
    """A value in a message: JSON, cut to 40 characters."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def escape(key: Any) -> str:
    """A key as a JSON pointer segment."""
    return str(key).replace("~", "~0").replace("/", "~1")
