"""Spec text -> safe TypeScript: string literals, JSON values and doc comments (spec text is
untrusted; nothing it contains may end a literal or a comment early)."""

from __future__ import annotations

import json
import math
from typing import Any

from generator.printable import Escapes

# JSON escaping leaves these raw; inside a <script> or an old JS engine they end the literal or
# the line, so they are escaped too.
_EXTRA = {"\u2028": "\\u2028", "\u2029": "\\u2029", "</": "<\\/", "\x7f": "\\u007f"}


def ts_string(value: str) -> str:
    """A double-quoted TypeScript string literal meaning exactly `value`."""
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in _EXTRA.items():
        text = text.replace(raw, escaped)
    return text


def ts_value(value: Any) -> str:
    """TypeScript source of a JSON scalar (strings escaped, non-finite floats spelled out)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return ts_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(ts_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{ts_string(str(k))}: {ts_value(v)}" for k, v in value.items()) + " }"
    return ts_string(str(value))


def doc_comment(text: str, indent: str = "") -> str:
    """A `/** ... */` block for `text` ("" when empty); `*/` inside cannot close it."""
    text = text.strip()
    if not text:
        return ""
    lines = [
        _comment_safe(line.rstrip()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    body = "".join(f"{indent} *{' ' + line if line else ''}\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */"


def _comment_safe(line: str) -> str:
    # `*/` would end the comment; line and paragraph separators would end the line in some
    # tools; other control characters are shown by their code point.
    line = line.replace("*/", "*\\/").replace("\u2028", " ").replace("\u2029", " ")
    return _ESCAPES.apply(line)


_ESCAPES = Escapes(lambda code: f"\\u{code:04x}")
