"""Spec text -> safe Python docstring bodies (spec text is untrusted data)."""

from __future__ import annotations


def docstring(text: str) -> str:
    """Escape `text` so that it can sit between triple double quotes and mean itself.

    Backslashes, quotes and every non-printable character (NUL, CR, U+2028...) are
    escaped, so no description can end the string early or smuggle in code; newlines
    stay real so multi-line descriptions read naturally.
    """
    text = text.strip()
    if not text:
        return ""
    out = []
    for line in text.split("\n"):
        escaped = line.rstrip().replace("\\", "\\\\").replace('"', '\\"')
        if escaped.isprintable():  # the common case: nothing to escape character by character
            out.append(escaped)
            continue
        out.append("".join(c if c.isprintable() or c == "\t" else _escape(c) for c in escaped))
    return "\n".join(out)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
