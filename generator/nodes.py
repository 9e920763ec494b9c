"""Small readers of spec nodes (parsed YAML/JSON), shared by the schema and operation builders.

Spec content is untrusted: every reader accepts any value and answers with a safe default
rather than assuming a node has the shape the OpenAPI document says it should.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.ir import MISSING

if TYPE_CHECKING:
    from generator.load import Loc


def text(node: Any, key: str) -> str:
    """`node[key]` when it is a string, else ""."""
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else ""


def flag(node: Any, key: str) -> bool:
    """Whether `node[key]` is exactly `true`."""
    return isinstance(node, dict) and node.get(key) is True


def example(node: Any) -> Any:
    """The node's `example`, else the first of its `examples`, else MISSING."""
    if not isinstance(node, dict):
        return MISSING
    if "example" in node:
        return node["example"]
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    return MISSING


def media_example(
    media: Any, loc: Loc, deref: Callable[[Any, Loc], tuple[Any, Loc]], note: Callable[[str], None]
) -> tuple[Any, Loc | str]:
    """A media type's `example`, else the `value` of its first named `examples` entry (an Example
    object, `$ref`s followed), and where it is; (MISSING, "") when it has none. An entry given
    only by `externalValue` is not fetched: it is noted and the next entry is tried."""
    if not isinstance(media, dict):
        return MISSING, ""
    if "example" in media:
        return media["example"], loc.child("example")
    named = media.get("examples")
    if not isinstance(named, dict):
        return MISSING, ""
    for name, raw in named.items():
        entry, at = deref(raw, loc.child("examples", str(name)))
        if isinstance(entry, dict) and "value" in entry:
            return entry["value"], at.child("value")
        if isinstance(entry, dict) and "externalValue" in entry:
            note(f"{at}: externalValue is not fetched; the example is ignored")
    return MISSING, ""


def default(node: Any) -> Any:
    """The node's `default` (which may be null), else MISSING."""
    if isinstance(node, dict) and "default" in node:
        return node["default"]
    return MISSING


def fixed_string(node: Any) -> str | None:
    """The one string a schema allows (`const`, or a one-value `enum`), else None."""
    if not isinstance(node, dict):
        return None
    if isinstance(node.get("const"), str):
        return str(node["const"])
    values = node.get("enum")
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
        return values[0]
    return None
