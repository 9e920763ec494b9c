"""Whether a JSON value fits an IR type: the one checker behind field defaults, spec examples
and every target's use of them.

JSON Schema's meaning, over the IR: a bool is not an integer, an integer is a number, and a
float with no fraction (`3.0`) is an integer; a literal or enum value must equal a member in
JSON type and value; an object fits a model when it holds every required property (one with
a default may be left out: the default fills it) and each property, known or additional,
fits its type. Aliases are followed, with a guard for ones that reach themselves without
passing through any structure (`X = X | str`). Formats are checked only when asked
(`formats=True`, the mock's requests and answers: `generator.formats`); otherwise any string
fits a date-time, uuid or byte string, as the targets' defaults and docs examples take them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar

from generator import formats as _formats
from generator.ir import MISSING, Alias, Api, Enum, Field, Model, TypeRef

_N = TypeVar("_N", Model, Enum, Alias)

_NOTHING: frozenset[str] = frozenset()


Direction = Literal["", "request", "response"]
# Yes/no answers by (id of the value, model, direction), each with the value it is about.
Memo = dict[tuple[int, str, Direction], tuple[Any, bool]]


def fits(
    api: Api,
    value: Any,
    t: TypeRef,
    direction: Direction = "",
    memo: Memo | None = None,
    formats: bool = False,
) -> bool:
    """Whether the JSON `value` fits `t` (the rules of `problems`, stopping at the first).

    `memo` keeps each object's answer per model, for callers that check the same (never mutated)
    value objects again and again: the example engine shares the values of models (it is not
    consulted when `formats` are checked)."""
    return not _check(api, value, t, "", _NOTHING, False, direction, None if formats else memo, formats)


def problems(
    api: Api,
    value: Any,
    t: TypeRef,
    path: str = "",
    seen: frozenset[str] = _NOTHING,
    direction: Direction = "",
    formats: bool = False,
) -> list[str]:
    """Why `value` does not fit `t`: one message per problem, led by its JSON pointer below `path`.

    `seen` holds the aliases followed since the last step into the value's structure. With a
    `direction`, a required property that does not travel that way is not required: a
    `readOnly` one in a request, a `writeOnly` one in a response. With `formats`, a string
    or number must also be of its schema's `format` (`generator.formats`).
    """
    return _check(api, value, t, path, seen, True, direction, None, formats)


def _check(
    api: Api,
    value: Any,
    t: TypeRef,
    path: str,
    seen: frozenset[str],
    explain: bool,
    direction: Direction = "",
    memo: Memo | None = None,
    formats: bool = False,
) -> list[str]:
    """The problems of `value` against `t`. Without `explain` only whether there is one matters:
    the check stops at the first and returns `_NO`, and no path or message is ever built (most
    checks only ask yes or no, and formatting a pointer at every node cost more than the check)."""
    if value is None:
        return _null(api, t, path, seen, explain)
    kind = t.kind
    if kind == "alias":
        step = follow(api, t, seen)
        if step is None:
            return _say(explain, path, lambda: "no finite type (the alias refers to itself)")
        return _check(api, value, step[0], path, step[1], explain, direction, memo, formats)
    if kind == "union":
        if explain:
            return _union(api, value, t, path, seen, direction, formats)
        return (
            []
            if any(not _check(api, value, a, path, seen, False, direction, memo, formats) for a in t.args)
            else _NO
        )
    if kind == "list":
        if not isinstance(value, list):
            return _say(explain, path, lambda: f"expected an array, got {show(value)}")
        return _items(api, enumerate(value), t.args[0], path, explain, direction, memo, formats)
    if kind == "map":
        if not isinstance(value, dict):
            return _say(explain, path, lambda: f"expected an object, got {show(value)}")
        return _items(api, value.items(), t.args[0], path, explain, direction, memo, formats)
    if kind == "model":
        if memo is not None and not explain:
            return _remembered(api, value, _named(api, t.name, Model), direction, memo)
        return _model(api, value, _named(api, t.name, Model), path, explain, direction, None, formats)
    if not _scalar_fits(api, value, t):
        return _say(explain, path, lambda: _scalar_expected(api, value, t))
    if formats and t.format:
        wanted = _formats.problem(t.format, value)
        if wanted:
            return _say(explain, path, lambda: f"{wanted}, got {show(value)}")
    return []


def follow(api: Api, t: TypeRef, seen: frozenset[str]) -> tuple[TypeRef, frozenset[str]] | None:
    """The target of alias `t` and the aliases followed so far, or None when `t` was already
    followed for this value (the alias reaches itself without structure: no finite type)."""
    if t.name in seen:
        return None
    return _named(api, t.name, Alias).target, seen | {t.name}


def member(api: Api, value: Any, t: TypeRef) -> TypeRef | None:
    """The member of union `t` that `value` belongs to: by discriminator, else the first that fits."""
    tagged = _tagged(api, value, t)
    return tagged if tagged is not None else next((a for a in t.args if fits(api, value, a)), None)


def _tagged(api: Api, value: Any, t: TypeRef) -> TypeRef | None:
    """The member of a discriminated union `t` whose tag `value` carries, if any."""
    if t.discriminator and isinstance(value, dict):
        tag = value.get(t.discriminator)
        for arg in t.args:
            if arg.kind == "model":
                f = next((f for f in _named(api, arg.name, Model).fields if f.wire == t.discriminator), None)
                if f is not None and f.type.kind == "literal" and tag in f.type.values:
                    return arg
    return None


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values of the same type (`1` is not `true`, nor `1.0`)."""
    return type(a) is type(b) and a == b


def _null(api: Api, t: TypeRef, path: str, seen: frozenset[str], explain: bool) -> list[str]:
    if t.nullable or t.kind in ("null", "any") or (t.kind == "literal" and None in t.values):
        return []
    if t.kind == "alias":
        step = follow(api, t, seen)
        if step is not None and not _check(api, None, step[0], path, step[1], False):
            return []
    if t.kind == "union" and any(not _null(api, a, path, seen, False) for a in t.args):
        return []
    return _say(explain, path, lambda: "null is not allowed")


def _union(
    api: Api,
    value: Any,
    t: TypeRef,
    path: str,
    seen: frozenset[str],
    direction: Direction,
    formats: bool = False,
) -> list[str]:
    """The problems of the member `value` came closest to (none when one fits)."""
    results = []
    for arg in t.args:
        found = _check(api, value, arg, path, seen, True, direction, None, formats)
        if not found:
            return []
        results.append(found)
    if not results:
        return [f"{_where(path)}: no type admits {show(value)}"]
    tagged = _tagged(api, value, t)
    if tagged is not None:  # the member its tag names explains it, not the closest shape
        return results[t.args.index(tagged)]
    # The member it came closest to explains the failure best: one whose type it has, only not
    # its format; one that took the value's shape (its problems lie deeper than the union
    # itself); then the one with the fewest problems.
    root = f"{_where(path)}: "
    typed = [formats and not _check(api, value, a, path, seen, False, direction) for a in t.args]
    ranked = zip(typed, results, strict=True)
    return min(ranked, key=lambda r: (not r[0], all(p.startswith(root) for p in r[1]), len(r[1])))[1]


def _items(
    api: Api,
    items: Iterable[tuple[Any, Any]],
    t: TypeRef,
    path: str,
    explain: bool,
    direction: Direction,
    memo: Memo | None = None,
    formats: bool = False,
) -> list[str]:
    """The problems of the items of an array (by index) or a map (by key), all of type `t`."""
    out: list[str] = []
    for key, item in items:
        where = f"{path}/{escape(key)}" if explain else path
        found = _check(api, item, t, where, _NOTHING, explain, direction, memo, formats)
        if found:
            if not explain:
                return _NO
            out.extend(found)
    return out


def _remembered(api: Api, value: Any, model: Model, direction: Direction, memo: Memo) -> list[str]:
    """`_model` as a yes/no check, answered once per value object, model and direction."""
    key = (id(value), model.name, direction)
    found = memo.get(key)
    if found is None or found[0] is not value:  # the memo keeps the value: its id stays its own
        found = memo[key] = (value, not _model(api, value, model, "", False, direction, memo))
    return [] if found[1] else _NO


def _model(
    api: Api,
    value: Any,
    model: Model,
    path: str,
    explain: bool,
    direction: Direction,
    memo: Memo | None = None,
    formats: bool = False,
) -> list[str]:
    if not isinstance(value, dict):
        return _say(explain, path, lambda: f"expected an object, got {show(value)}")
    out: list[str] = []
    for f in model.fields:
        if f.required and f.wire not in value and f.default is MISSING and travels(f, direction):
            if not explain:
                return _NO
            out.append(f"{_where(path)}: required property {f.wire!r} is missing")
    wires = _wires(model)
    for key, item in value.items():
        known = wires.get(key)
        if known is not None:
            found = _check(
                api,
                item,
                known.type,
                f"{path}/{escape(key)}" if explain else path,
                _NOTHING,
                explain,
                direction,
                memo,
                formats,
            )
        elif model.extra == "forbid":
            found = [f"{_where(path)}: additional property {key!r} is not allowed"] if explain else _NO
        elif model.extra_type is not None:
            found = _check(
                api,
                item,
                model.extra_type,
                f"{path}/{escape(key)}" if explain else path,
                _NOTHING,
                explain,
                direction,
                memo,
                formats,
            )
        else:
            continue
        if found:
            if not explain:
                return _NO
            out.extend(found)
    return out


def travels(f: Field, direction: Direction) -> bool:
    """Whether a property goes that way: a `readOnly` one not in requests, a `writeOnly` one
    not in responses (both ways without a direction)."""
    return not (f.read_only and direction == "request" or f.write_only and direction == "response")


def _wires(model: Model) -> dict[str, Field]:
    """The model's fields by wire name, built once per model (checks run per example node)."""
    cached = _WIRES.get(id(model))
    if cached is None or cached[0] is not model:
        if len(_WIRES) > 50_000:  # a long-lived process checking many specs
            _WIRES.clear()
        cached = _WIRES[id(model)] = (model, {f.wire: f for f in model.fields})
    return cached[1]


_WIRES: dict[int, tuple[Model, dict[str, Field]]] = {}


def _scalar_fits(api: Api, value: Any, t: TypeRef) -> bool:
    """Whether `value` fits a scalar kind (anything but alias, union, list, map, model)."""
    kind = t.kind
    if kind == "any":
        return True
    if kind == "literal":
        return any(same(value, v) for v in t.values)
    if kind == "enum":
        return any(same(value, m.value) for m in _named(api, t.name, Enum).members)
    return _SCALARS[kind][0](value)


def _scalar_expected(api: Api, value: Any, t: TypeRef) -> str:
    """What a scalar kind expected instead of `value` (which does not fit it)."""
    kind = t.kind
    if kind == "literal":
        return f"expected {' or '.join(show(v) for v in t.values)}, got {show(value)}"
    if kind == "enum":
        allowed = ", ".join(show(m.value) for m in _named(api, t.name, Enum).members)
        return f"{show(value)} is not one of {allowed}"
    return f"expected {_SCALARS[kind][1]}, got {show(value)}"


def _say(explain: bool, path: str, message: Callable[[], str]) -> list[str]:
    """One problem at `path`; its message is only built when the caller wants it explained."""
    return [f"{_where(path)}: {message()}"] if explain else _NO


# What a yes/no check returns at its first problem (never shown, never mutated).
_NO = ["does not fit"]


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
