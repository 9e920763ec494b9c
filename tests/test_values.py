"""The one value-vs-type checker (generator/values.py) and the Python defaults built on it."""

from __future__ import annotations

from typing import Any

import pytest

from generator import values
from generator.example_values import ExampleValues
from generator.ir import MISSING, Alias, Api, Enum, EnumMember, Field, Model, Named, TypeRef
from generator.load import Loc
from generator.targets.python.names import PyNames
from generator.targets.python.types import default_source

LOC = Loc("t.yaml", "/components/schemas/X")
STR, INT, FLOAT, BOOL = TypeRef("str"), TypeRef("int"), TypeRef("float"), TypeRef("bool")
NULL, ANY, DEC = TypeRef("null"), TypeRef("any"), TypeRef("decimal")
DT, DATE = TypeRef("datetime", format="date-time"), TypeRef("date", format="date")
DOG, ONE = TypeRef("literal", values=("dog",)), TypeRef("literal", values=(1,))
COLOR, LEVEL = TypeRef("enum", "Color"), TypeRef("enum", "Level")
PET, CLOSED, COUNTS = TypeRef("model", "Pet"), TypeRef("model", "Closed"), TypeRef("model", "Counts")
LOOP, SELF, MAYBE = TypeRef("alias", "Loop"), TypeRef("alias", "Self"), TypeRef("alias", "Maybe")


def _list(t: TypeRef) -> TypeRef:
    return TypeRef("list", args=(t,))


def _map(t: TypeRef) -> TypeRef:
    return TypeRef("map", args=(t,))


def _union(*ts: TypeRef) -> TypeRef:
    return TypeRef("union", args=ts)


def _api() -> Api:
    named: list[Named] = [
        Enum(
            "Color",
            "components",
            "",
            (EnumMember("red"), EnumMember("green")),
            "str",
            True,
            LOC,
        ),
        Enum("Level", "components", "", (EnumMember(1), EnumMember(2)), "int", False, LOC),
        Model(
            "Pet",
            "components",
            "",
            (
                Field("name", STR, True),
                Field("kind", DOG, True, default="dog"),
                Field("tags", _list(STR), False),
            ),
            LOC,
        ),
        Model("Closed", "components", "", (Field("a", INT, True),), LOC, extra="forbid"),
        Model("Counts", "components", "", (), LOC, extra_type=INT),
        Alias("Loop", "components", "", _union(LOOP, STR), LOC),  # X = X | str
        Alias("Self", "components", "", SELF, LOC),  # X = X: no value ever fits
        Alias("Maybe", "components", "", STR.with_nullable(), LOC),
    ]
    by_name = {n.name: n for n in named}
    models = tuple(n for n in named if isinstance(n, Model))
    enums = tuple(n for n in named if isinstance(n, Enum))
    aliases = tuple(n for n in named if isinstance(n, Alias))
    return Api("T", "", "1", "t_sdk", "T", (), (), models, enums, aliases, (), (), by_name=by_name)


API = _api()

FITS: list[tuple[Any, TypeRef, bool]] = [
    # bool is not an integer; an integer is a number; 3.0 is an integer (JSON Schema)
    (True, INT, False),
    (1, INT, True),
    (3.0, INT, True),
    (3.5, INT, False),
    ("1", INT, False),
    (1, FLOAT, True),
    (1.5, FLOAT, True),
    (True, FLOAT, False),
    (False, BOOL, True),
    (0, BOOL, False),
    ("x", STR, True),
    (1, STR, False),
    # null: only where the type admits it
    (None, STR, False),
    (None, STR.with_nullable(), True),
    (None, NULL, True),
    (0, NULL, False),
    (None, ANY, True),
    ({"a": [1]}, ANY, True),
    (None, _union(INT, NULL), True),
    (None, MAYBE, True),
    (None, DOG, False),
    (None, TypeRef("literal", values=(None,)), True),
    # formats are not checked: any string fits
    ("2024-01-01T00:00:00Z", DT, True),
    ("yesterday", DT, True),
    (20240101, DATE, False),
    ("1.5", DEC, True),
    (1.5, DEC, True),
    (True, DEC, False),
    # literals and enums compare JSON type and value
    ("dog", DOG, True),
    ("cat", DOG, False),
    (1, ONE, True),
    (True, ONE, False),
    (1.0, ONE, False),
    ("red", COLOR, True),
    ("blue", COLOR, False),
    ("RED", COLOR, False),
    (1, LEVEL, True),
    (True, LEVEL, False),
    # containers check every item
    ([1, 2], _list(INT), True),
    ([1, "a"], _list(INT), False),
    ([], _list(INT), True),
    ("ab", _list(STR), False),
    ({"a": 1}, _map(INT), True),
    ({"a": "x"}, _map(INT), False),
    ([1], _map(INT), False),
    (["red", "green"], _list(COLOR), True),
    # unions: any member
    ("x", _union(INT, STR), True),
    (True, _union(INT, STR), False),
    ("red", _union(INT, COLOR), True),
    ("blue", _union(INT, COLOR), False),
    # models: required fields (a default fills its own), field types, extra
    ({"name": "Rex"}, PET, True),
    ({"name": "Rex", "kind": "cat"}, PET, False),
    ({}, PET, False),
    ({"name": 1}, PET, False),
    ({"name": "Rex", "tags": ["a"]}, PET, True),
    ({"name": "Rex", "tags": "a"}, PET, False),
    ({"name": "Rex", "other": [1]}, PET, True),
    ([], PET, False),
    ({"a": 1}, CLOSED, True),
    ({"a": 1, "b": 2}, CLOSED, False),
    ({"x": 1, "y": 2}, COUNTS, True),
    ({"x": "1"}, COUNTS, False),
    # aliases are followed; a self-reaching one ends instead of looping
    ("x", LOOP, True),
    (1, LOOP, False),
    (None, LOOP, False),
    ("x", SELF, False),
    (None, SELF, False),
    ([["x"]], _list(_list(LOOP)), True),
]


@pytest.mark.parametrize("value,t,expected", FITS, ids=[f"{i}-{t.kind}" for i, (_, t, _) in enumerate(FITS)])
def test_fits(value: Any, t: TypeRef, expected: bool) -> None:
    assert values.fits(API, value, t) is expected
    assert (values.problems(API, value, t) == []) is expected


MESSAGES: list[tuple[Any, TypeRef, list[str]]] = [
    (True, INT, ["/: expected an integer, got true"]),
    (
        {"name": "Rex", "tags": [1, "a", 2]},
        PET,
        ["/tags/0: expected a string, got 1", "/tags/2: expected a string, got 2"],
    ),
    ({"a/b": "x", "c~d": 1}, _map(INT), ['/a~1b: expected an integer, got "x"']),
    ({"c~d": "x"}, _map(INT), ['/c~0d: expected an integer, got "x"']),
    ({}, PET, ["/: required property 'name' is missing"]),
    ({"a": 1, "b": 2}, CLOSED, ["/: additional property 'b' is not allowed"]),
    ({"n": "1"}, COUNTS, ['/n: expected an integer, got "1"']),
    ("blue", COLOR, ['/: "blue" is not one of "red", "green"']),
    ("cat", DOG, ['/: expected "dog", got "cat"']),
    (None, STR, ["/: null is not allowed"]),
    (1, SELF, ["/: no finite type (the alias refers to itself)"]),
    # a failed union reports the member it came closest to
    ({"name": "Rex", "kind": "cat"}, _union(INT, PET), ['/kind: expected "dog", got "cat"']),
]


@pytest.mark.parametrize("value,t,expected", MESSAGES, ids=[str(i) for i in range(len(MESSAGES))])
def test_problems_name_the_json_pointer(value: Any, t: TypeRef, expected: list[str]) -> None:
    assert values.problems(API, value, t) == expected


def test_problems_start_below_the_given_path() -> None:
    assert values.problems(API, [1, "x"], _list(INT), "/items") == ['/items/1: expected an integer, got "x"']


def test_member_prefers_the_discriminator_then_the_first_that_fits() -> None:
    tagged = TypeRef("union", args=(PET, CLOSED), discriminator="kind")
    assert values.member(API, {"kind": "dog", "a": 1}, tagged) == PET
    assert values.member(API, {"a": 1}, tagged) == CLOSED
    assert values.member(API, "red", _union(STR, COLOR)) == STR
    assert values.member(API, 1.5, _union(INT, STR)) is None


DEFAULTS: list[tuple[Any, TypeRef, bool, str | None]] = [
    (MISSING, STR, True, None),
    ("x", STR, True, '"x"'),
    (1, STR, True, None),
    (True, INT, True, None),
    (3.0, INT, True, "3"),
    (1, FLOAT, True, "1"),
    (False, BOOL, True, "False"),
    ("dog", DOG, True, '"dog"'),
    ("red", COLOR, True, "Color.RED"),
    ("blue", COLOR, True, None),
    ("red", _union(INT, COLOR), True, "Color.RED"),
    (2, _union(INT, COLOR), True, "2"),
    (["red"], _list(COLOR), True, "[Color.RED]"),
    ({"k": 1}, _map(LEVEL), True, '{"k": Level.VALUE_1}'),
    ({"a": [1, None]}, ANY, True, '{"a": [1, None]}'),
    ("x", LOOP, True, '"x"'),
    ("x", SELF, True, None),
    # no literal of the annotation's type: the field keeps no default
    ("2024-01-01", DATE, True, None),
    ("1.5", DEC, True, None),
    ({"name": "Rex"}, PET, True, None),
    (["2024-01-01"], _list(DATE), True, None),
    # null: an optional field always takes it (its annotation is widened); a required one
    # only when its type admits null
    (None, STR, False, "None"),
    (None, STR, True, None),
    (None, STR.with_nullable(), True, "None"),
    (None, MAYBE, True, "None"),
    (None, _union(INT, NULL), True, "None"),
]


@pytest.mark.parametrize(
    "value,t,required,expected", DEFAULTS, ids=[f"{i}-{t.kind}" for i, (_, t, _, _) in enumerate(DEFAULTS)]
)
def test_default_source(value: Any, t: TypeRef, required: bool, expected: str | None) -> None:
    assert default_source(Field("f", t, required, default=value), API, PyNames(API)) == expected


def _users() -> tuple[Api, TypeRef]:
    user = Model(
        "User",
        "components",
        "",
        (
            Field("id", STR, True, read_only=True),
            Field("password", STR, True, write_only=True),
            Field("name", STR, True),
        ),
        LOC,
    )
    api = Api("T", "", "1", "t_sdk", "T", (), (), (user,), (), (), (), (), by_name={"User": user})
    return api, TypeRef("model", "User")


def test_a_direction_requires_only_the_properties_that_travel_that_way() -> None:
    api, user = _users()
    assert values.problems(api, {"password": "p", "name": "n"}, user, direction="request") == []
    assert values.problems(api, {"id": "i", "name": "n"}, user, direction="response") == []
    assert values.problems(api, {"name": "n"}, user, direction="request") == [
        "/: required property 'password' is missing"
    ]
    assert not values.fits(api, {"id": "i", "name": "n"}, user, "request")
    assert not values.fits(api, {"password": "p", "name": "n"}, user)  # both ways: both required


def test_example_values_follow_the_direction() -> None:
    api, user = _users()
    assert set(ExampleValues(api, "request").wire_value(user)) == {"password", "name"}
    assert set(ExampleValues(api, "response").wire_value(user)) == {"id", "name"}
    both = ExampleValues(api)
    assert set(both.wire_value(user)) == {"id", "password", "name"}
    with both.directed("request"):  # a given example loses what does not travel that way
        assert both.wire_value(user, {"id": "i", "password": "p", "name": "n"}) == {
            "password": "p",
            "name": "n",
        }


def test_a_tagged_value_is_explained_by_the_member_its_tag_names() -> None:
    tagged = TypeRef("union", args=(CLOSED, PET), discriminator="kind")
    # Pet (tag "dog") lacks `name`; Closed would have been the closer shape (one problem each,
    # but Closed comes first): the tag decides which member's problems are reported.
    assert values.problems(API, {"kind": "dog", "a": 1}, tagged) == values.problems(
        API, {"kind": "dog", "a": 1}, PET
    )
    assert values.problems(API, {"kind": "dog", "a": 1}, PET) != values.problems(
        API, {"kind": "dog", "a": 1}, CLOSED
    )
