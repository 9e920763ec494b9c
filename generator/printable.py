"""Escaping the non-printable characters of untrusted spec text, fast.

A `str.translate` table filled on demand: each code point maps to itself when printable (tab
included), else to what the target's `escape` makes of it. Translating in C keeps a 5 MB
description with a non-printable character every few bytes to a fraction of a second, where a
per-character Python loop took tens of seconds.

Long texts take another way: `str.translate` looks up every character of a non-ASCII text in
the table (about 200 ns each: a second per 5 MB). There the distinct characters that are not
printable ASCII are found first (printable ASCII bytes deleted from the UTF-8 form, in C), and
each non-printable one is replaced throughout with `str.replace`. An escape is printable ASCII,
so no replacement can create a character a later one would touch: same result, 5-6x faster.
"""

from __future__ import annotations

from collections.abc import Callable

# Tab and the printable ASCII characters: never escaped (deleted before looking for the others).
_PLAIN_ASCII = b"\t" + bytes(range(0x20, 0x7F))
_LONG = 512  # from this length on, the replace-each way is faster


class Escapes(dict[int, str]):
    """`text.translate(Escapes(escape))` escapes every non-printable character of `text`."""

    def __init__(self, escape: Callable[[int], str]) -> None:
        super().__init__()
        self._escape = escape

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = char if char.isprintable() or char == "\t" else self._escape(code)
        self[code] = value
        return value

    def apply(self, text: str) -> str:
        """`text` with its non-printable characters escaped (printable text returned as is)."""
        if text.isprintable():
            return text
        if len(text) < _LONG:
            return text.translate(self)
        rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
        for char in sorted(set(rest.decode("utf-8", "surrogatepass"))):
            escaped = self[ord(char)]
            if escaped != char:
                text = text.replace(char, escaped)
        return text
