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
from typing import Any

import yaml

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = r"~|null|Null|NULL|"
_BOOL = r"true|True|TRUE|false|False|FALSE"
_INT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
_FLOAT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
_TAG = "tag:yaml.org,2002:"
_DIGITS = "0123456789"
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


def _bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


CoreLoader.yaml_implicit_resolvers = _resolvers()
CoreLoader.add_constructor(_TAG + "int", _int)
CoreLoader.add_constructor(_TAG + "float", _float)
CoreLoader.add_constructor(_TAG + "bool", _bool)
