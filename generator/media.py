"""Media types -> the neutral kind of body they carry, for requests and responses.

Request kinds: json, form, multipart, text, binary; "" when a body of that media type and
schema cannot be encoded (an object as XML, say). Response kinds: json, sse, ndjson, text,
binary; "" for a structured schema under a media type we cannot decode (read as binary).
"""

from __future__ import annotations

from typing import Any

SSE = "text/event-stream"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
NDJSON = frozenset(
    {"application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines"}
)


def essence(media_type: str) -> str:
    """`type/subtype` in lower case, without parameters."""
    return media_type.partition(";")[0].strip().lower()


def is_json(media_type: str) -> bool:
    """application/json, or a `+json` structured syntax."""
    media = essence(media_type)
    return media == "application/json" or media.endswith("+json")


def stringish(schema: Any) -> bool:
    """Whether a body schema is a string (or absent): raw content, not a structure."""
    if not isinstance(schema, dict) or not schema:
        return True
    kind = schema.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind and "object" not in kind)


def request_kind(media_type: str, schema: Any) -> str:
    """How a request body of this media type and (dereferenced) schema is sent."""
    media = essence(media_type)
    if is_json(media):
        return "json"
    if media == FORM:
        return "form"
    if media == MULTIPART:
        return "multipart"
    if not stringish(schema):
        return ""
    return "text" if media.startswith("text/") else "binary"


def response_kind(media_type: str, schema: Any) -> str:
    """How a success body of this media type and (dereferenced) schema is read."""
    media = essence(media_type)
    if media == SSE:
        return "sse"
    if is_json(media):
        return "json"
    if media in NDJSON:
        return "ndjson"
    if media.startswith("text/"):
        return "text"
    return "binary" if stringish(schema) else ""
