"""How a method reads its success (the stream of a streaming method aside): what the client
prints to read it and what its docs page states, decided once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.ir import Response, TypeRef

ReadKind = Literal["none", "json", "text", "binary", "lines"]


@dataclass(frozen=True)
class Reading:
    """A success read whole (JSON, text), unread (binary, JSON lines), or without content."""

    kind: ReadKind
    type: TypeRef | None  # the value (json) or one item (lines); None otherwise
    optional: bool  # another success status declares no content: the value may be `undefined`
    expected: tuple[str, ...]  # every success media type the spec declares (checked on arrival)


def reading(success: Response | None, responses: tuple[Response, ...]) -> Reading:
    """The reading of `success`, the first success of `responses`."""
    ok = [r for r in responses if r.status.startswith("2")]
    expected = tuple(dict.fromkeys(c for r in ok for c in r.content_types))
    bodiless = any(not r.content_type for r in ok)
    if success is None or success.type is None and success.kind in ("", "json"):
        return Reading("none", None, False, expected)
    if success.kind == "binary":
        return Reading("binary", None, False, expected)
    if success.kind == "text":  # decoded by the response's charset, whatever its schema
        return Reading("text", None, bodiless, expected)
    item = success.type or TypeRef("any")
    if success.kind == "ndjson":
        return Reading("lines", item, False, expected)
    return Reading("json", item, bodiless, expected)
