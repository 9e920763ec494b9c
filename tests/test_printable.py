"""generator/printable.py: both ways of escaping (short texts by `str.translate`, long ones by
replacing each distinct non-printable character) give what a per-character loop gives."""

from __future__ import annotations

import random

from generator.printable import Escapes
from generator.targets.python.text import _escape as python_escape

# Printable ASCII, tab, controls, Latin-1, line/paragraph separators, format characters,
# lone surrogates, unassigned and astral code points: every branch of the escapes.
ALPHABET = [chr(c) for c in range(0x00, 0x100)] + [
    *"\u2028\u2029\u200b\u200e\ufeff\ud800\udfff\u0378\u4e2d\uffff",
    *"\U0001f600\U000e0001\U0010ffff",
]


def _reference(text: str, escape: object) -> str:
    return "".join(c if c.isprintable() or c == "\t" else escape(ord(c)) for c in text)  # type: ignore[operator]


def test_short_and_long_texts_escape_as_a_per_character_loop() -> None:
    rng = random.Random(7)
    for escape in (python_escape, lambda code: f"\\u{code:04x}"):
        table = Escapes(escape)
        for size in (*range(0, 40), 511, 512, 513, 2000, 20_000):
            for _ in range(3 if size > 100 else 20):
                text = "".join(rng.choice(ALPHABET) for _ in range(size))
                assert table.apply(text) == _reference(text, escape), (size, text[:80])
    # every escape is printable ASCII: replacing one character never creates another to replace
    for code in range(0x110000):
        char = chr(code)
        if not (char.isprintable() or char == "\t"):
            assert python_escape(code).isascii() and python_escape(code).isprintable()


def test_a_long_printable_text_is_returned_unchanged() -> None:
    text = "plain é “text” " * 1000
    assert Escapes(python_escape).apply(text) is text
