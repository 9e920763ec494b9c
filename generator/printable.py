"""Escaping the non-printable characters of untrusted spec text, fast.

A `str.translate` table filled on demand: each code point maps to itself when printable (tab
included), else to what the target's `escape` makes of it. Translating in C keeps a 5 MB
description with a non-printable character every few bytes to a fraction of a second, where a
per-character Python loop took tens of seconds.
"""

from __future__ import annotations

from collections.abc import Callable


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
        return text if text.isprintable() else text.translate(self)
