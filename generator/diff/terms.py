"""Python types as sets of atoms, with the subtype relation mypy applies to them.

A term is the set of union members of an annotation (`int | None` is {int, None}).
The relation follows mypy where generated SDKs need it: `bool <: int <: float` (numeric
promotion), a literal is a subtype of its scalar, a `StrEnum` of `str`, `datetime` of
`date`, classes are nominal, `list` and `dict` are invariant, `Any` fits both ways.
"""

from __future__ import annotations

from typing import Any

from generator.ir import Alias, Api, Enum, TypeRef

Atom = tuple[Any, ...]
Term = frozenset[Atom]

ANY_ATOM: Atom = ("any",)
ANY: Term = frozenset({ANY_ATOM})
NONE: Term = frozenset({("none",)})
# Scalar promotions mypy accepts: the key may stand where any of the values is expected.
_SCALAR_UP = {"bool": {"int", "float"}, "int": {"float"}, "datetime": {"date"}}


def term(api: Api, t: TypeRef, arg: bool = False, seen: tuple[str, ...] = ()) -> Term:
    """The term of `t`; `arg` for a method argument, where a model also accepts a dict."""
    atoms = _atoms(api, t, arg, seen)
    if ANY_ATOM in atoms:
        return ANY
    if t.nullable:
        atoms |= NONE
    return atoms


def _atoms(api: Api, t: TypeRef, arg: bool, seen: tuple[str, ...]) -> Term:
    kind = t.kind
    if kind == "any":
        return ANY
    if kind == "null":
        return NONE
    if kind == "model":
        return frozenset({("class", t.name), ("dict", ANY)} if arg else {("class", t.name)})
    if kind == "enum":
        named = api.named(t.name)
        base = named.base if isinstance(named, Enum) else ""
        return frozenset({("enum", t.name, base)})
    if kind == "alias":
        named = api.named(t.name)
        if t.name in seen or not isinstance(named, Alias):
            return ANY  # a recursive alias renders as Any
        return term(api, named.target, arg, (*seen, t.name))
    if kind in ("list", "map"):
        return frozenset({("list" if kind == "list" else "dict", term(api, t.args[0], arg, seen))})
    if kind == "literal":
        return frozenset(
            ("scalar", "float") if isinstance(v, float) else ("lit", type(v).__name__, v) for v in t.values
        )
    if kind == "union":
        members = [term(api, a, arg, seen) for a in t.args]
        return ANY if ANY in members else frozenset().union(*members)
    return frozenset({("scalar", kind)})


def stream_term(model: str, unknown: bool = False) -> Term:
    """`EventStream[model]` (`EventStream[model | UnknownEvent]` when `unknown`): a generic
    class, invariant in its parameter."""
    items = {("class", model), ("class", "UnknownEvent")} if unknown else {("class", model)}
    return frozenset({("generic", "EventStream", frozenset(items))})


def dual_term(whole: Term, stream: Term) -> Term:
    """A dual-mode method's return: `whole` by default, `stream` with the flag true (overloads).

    Its default mode stands where a plain return is expected and the other way round, so a
    method gaining a stream mode (a `#stream` variant, say) keeps its return; the new mode is
    the flag argument's change.
    """
    return frozenset({("dual", whole, stream)})


def with_none(t: Term) -> Term:
    """`t | None`."""
    return t if t == ANY else t | NONE


def is_subtype(a: Term, b: Term) -> bool:
    """Whether every value of `a` may stand where `b` is expected."""
    if a == ANY or ANY_ATOM in b:
        return True
    return all(_fits(x, b) for x in a)


def _fits(x: Atom, b: Term) -> bool:
    duals = [y for y in b if y[0] == "dual"]
    if x[0] == "dual" and not duals:
        return is_subtype(x[1], b)  # the default mode's return
    if x[0] != "dual" and duals:
        return any(is_subtype(frozenset({x}), y[1]) for y in duals) or any(_atom_le(x, y) for y in b)
    return any(_atom_le(x, y) for y in b)


def equivalent(a: Term, b: Term) -> bool:
    """Mutual subtypes: no user code can tell the two apart."""
    return is_subtype(a, b) and is_subtype(b, a)


def _atom_le(x: Atom, y: Atom) -> bool:
    if x == y:
        return True
    if y[0] != "scalar":
        if x[0] == y[0] and x[0] in ("list", "dict"):
            return equivalent(x[1], y[1])
        if x[0] == y[0] == "generic":
            return bool(x[1] == y[1] and equivalent(x[2], y[2]))
        if x[0] == y[0] == "dual":
            return is_subtype(x[1], y[1]) and is_subtype(x[2], y[2])
        return False
    if x[0] == "scalar":
        return y[1] in _SCALAR_UP.get(x[1], set())
    if x[0] == "lit":
        return x[1] == y[1] or y[1] in _SCALAR_UP.get(x[1], set())
    if x[0] == "enum" and x[2] in ("str", "int"):
        return x[2] == y[1] or y[1] in _SCALAR_UP.get(x[2], set())
    return False
