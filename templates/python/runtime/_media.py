"""Media types: the `type/subtype` essence of a Content-Type, and whether it is JSON."""

from __future__ import annotations

__all__ = ["essence", "is_json"]


def essence(content_type: str) -> str:
    """`type/subtype` in lower case, without parameters."""
    return content_type.partition(";")[0].strip().lower()


def is_json(content_type: str) -> bool:
    """application/json, or a `+json` structured syntax."""
    media = essence(content_type)
    return media == "application/json" or media.endswith("+json")
