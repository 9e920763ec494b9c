"""The subtype relation behind widened / narrowed, on hand-built terms (mypy's rules)."""

from __future__ import annotations

import pytest

from generator.diff.terms import ANY, NONE, Term, equivalent, is_subtype, stream_term


def s(*kinds: str) -> Term:
    return frozenset(("scalar", k) for k in kinds)


def lst(t: Term) -> Term:
    return frozenset({("list", t)})


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (s("bool"), s("int"), True),  # bool is an int
        (s("int"), s("float"), True),  # numeric promotion
        (s("float"), s("int"), False),
        (s("datetime"), s("date"), True),
        (s("str"), s("str") | NONE, True),
        (s("str") | NONE, s("str"), False),
        (frozenset({("lit", "str", "a")}), s("str"), True),
        (frozenset({("lit", "bool", True)}), s("int"), True),
        (frozenset({("enum", "Role", "str")}), s("str"), True),  # StrEnum is a str
        (s("str"), frozenset({("enum", "Role", "str")}), False),
        (lst(s("int")), lst(s("int", "str")), False),  # list is invariant
        (lst(s("int")), lst(ANY), True),  # Any fits both ways
        (ANY, s("int"), True),
        (stream_term("A"), stream_term("B"), False),
        (frozenset({("class", "A")}), frozenset({("class", "A"), ("dict", ANY)}), True),
    ],
)
def test_is_subtype(a: Term, b: Term, expected: bool) -> None:
    assert is_subtype(a, b) is expected


def test_equivalent_ignores_union_order_and_any() -> None:
    assert equivalent(s("int", "str"), s("str", "int"))
    assert equivalent(lst(ANY), lst(s("int")))
    assert not equivalent(s("int"), s("float"))
