"""A safe PyYAML loader that reads plain scalars by the YAML 1.2 core schema, as OpenAPI 3.1 says.

PyYAML implements YAML 1.1, whose implicit types silently change spec data: `NO` (Norway)
and `on`/`off` become booleans, `1e-08` stays a string (its float pattern needs a dot),
`0777` becomes 511, `1:30` becomes 90 and `2024-01-01` a date. No maintained loader with
PyYAML's C speed implements 1.2 (ruamel.yaml's is pure Python here and several times
slower on large specs), so the resolvers and constructors are replaced here: a few regexes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import yaml

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = r"~|null|Null|NULL|"
_BOOL = r"true|True|TRUE|false|False|FALSE"
_INT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
_FLOAT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
_TAG = "tag:yaml.org,2002:"
_DIGITS = "0123456789"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
# (type, pattern, the characters a match can start with; "" stands for the empty scalar).
# Order matters where patterns overlap: an int also matches the float pattern.
_RESOLVERS = [
    ("null", _NULL, ["~", "n", "N", ""]),
    ("bool", _BOOL, list("tTfF")),
    ("int", _INT, list("-+" + _DIGITS)),
    ("float", _FLOAT, list("-+." + _DIGITS)),
]


class CoreLoader(_Base):  # type: ignore[misc,valid-type]
    """Safe loading, YAML 1.2 core schema for plain scalars (no timestamps, no yes/no)."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged node, as PyYAML's `Resolver.resolve` finds it without path
        resolvers (none is registered): called once per node, it was a sixth of the parse."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regex in _BY_FIRST.get(value[:1], ()):
                    if regex.match(value):
                        return tag
            return _STR
        return _MAP if kind is yaml.MappingNode else _SEQ

    # Path resolvers are not used: their per-node bookkeeping becomes a call of a C builtin
    # that takes the same arguments and does nothing of consequence.
    descend_resolver = slice
    ascend_resolver = tuple

    def construct_document(self, node: yaml.Node) -> Any:
        """The document's value, built by `_construct` (PyYAML's own constructors for the rest)."""
        try:
            return _construct(self, node)
        finally:
            self.constructed_objects: dict[Any, Any] = {}
            self.recursive_objects: dict[Any, Any] = {}
            self.deep_construct = False
            self.state_generators: list[Any] = []


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    # PyYAML looks resolvers up by the scalar's first character ("" for an empty scalar).
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for name, pattern, firsts in _RESOLVERS:
        regex = re.compile(rf"^(?:{pattern})$")
        for first in firsts:
            table.setdefault(first, []).append((_TAG + name, regex))
    return table


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # leading zeros are decimal in YAML 1.2 (`0777` is 777)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    if text == ".nan":
        return math.nan
    return float(text)


def _null(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> None:
    return None


def _bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


CoreLoader.yaml_implicit_resolvers = _resolvers()
_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(found) for first, found in CoreLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_constructor(_TAG + "int", _int)
CoreLoader.add_constructor(_TAG + "float", _float)
CoreLoader.add_constructor(_TAG + "bool", _bool)


_SCALARS: dict[str, Callable[[yaml.SafeLoader, yaml.ScalarNode], Any]] = {
    _TAG + "int": _int,
    _TAG + "float": _float,
    _TAG + "bool": _bool,
    _TAG + "null": _null,
}
_KEY_TAGS = frozenset({_STR, *_SCALARS})


def _construct(loader: CoreLoader, root: yaml.Node) -> Any:
    """The value of `root`: plain maps, sequences and core scalars built in one loop.

    PyYAML's generic constructor spends most of a large spec's load in per-node dispatch
    (generators, deep/shallow bookkeeping). The nodes a spec is made of are built here the
    same way (containers registered before they are filled, so an alias gets the very same
    object and a recursive one a recursive structure, as with PyYAML); any other node (an
    explicit tag, a merge key, a non-scalar key) goes to PyYAML's constructor as before.
    Iterative, so nesting depth costs no Python stack, as with PyYAML's deferred filling.
    """
    built = loader.constructed_objects
    todo: list[tuple[Any, yaml.Node]] = []

    def make(node: yaml.Node) -> Any:
        found = built.get(node)
        if found is not None:
            return found
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                return node.value
            scalar = _SCALARS.get(tag)
            if scalar is not None:
                return scalar(loader, node)
        elif (isinstance(node, yaml.MappingNode) and tag == _MAP and _plain_keys(node)) or (
            isinstance(node, yaml.SequenceNode) and tag == _SEQ
        ):
            data: Any = {} if tag == _MAP else []
            built[node] = data
            todo.append((data, node))
            return data
        return loader.construct_object(node, deep=True)

    value = make(root)
    while todo:
        data, node = todo.pop()
        if isinstance(data, dict):
            for key_node, value_node in node.value:
                data[make(key_node)] = make(value_node)
        else:
            data.extend([make(item) for item in node.value])
    return value


def _plain_keys(node: yaml.MappingNode) -> bool:
    """Whether every key of a mapping is a core scalar (no merge key, no explicit tag)."""
    return all(isinstance(k, yaml.ScalarNode) and k.tag in _KEY_TAGS for k, _v in node.value)
