"""Spec text -> safe Python docstring bodies (spec text is untrusted data)."""

from __future__ import annotations

from generator.printable import Escapes


def docstring(text: str) -> str:
    """Escape `text` so that it can sit between triple double quotes and mean itself.

    Backslashes, quotes and every non-printable character (NUL, CR, U+2028...) are
    escaped, so no description can end the string early or smuggle in code; newlines
    stay real so multi-line descriptions read naturally.
    """
    text = text.strip()
    if not text:
        return ""
    if "\n" not in text:  # most descriptions: one line, already stripped
        return _ESCAPES.apply(text.replace("\\", "\\\\").replace('"', '\\"'))
    out = []
    for line in text.split("\n"):
        line = line.rstrip()
        lead = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:lead]:  # a tab in a docstring line's indentation: ruff's E101/W191
            line = line[:lead].expandtabs(4) + line[lead:]
        escaped = line.replace("\\", "\\\\").replace('"', '\\"')
        out.append(_ESCAPES.apply(escaped))
    return "\n".join(out)


def _escape(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


_ESCAPES = Escapes(_escape)
