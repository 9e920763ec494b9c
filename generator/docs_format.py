"""The Markdown format every target's docs share (the reference SDK's): table cells, tables padded
to one common width, requiredness marks, example cells and deprecation markers."""

from __future__ import annotations

import json
from itertools import chain, repeat
from typing import Any

from generator.ir import MISSING

CHECK, MINUS = ":heavy_check_mark:", ":heavy_minus_sign:"
DEPRECATED = ":warning: **DEPRECATED**: "


def cell(text: str) -> str:
    """Cell text: newlines normalised, pipes escaped, outer whitespace trimmed (no `<br/>` yet)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text.replace("|", "\\|")


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, every column padded to the longest cell (measured before `<br/>`)."""
    width = max(map(len, chain(headers, *rows)))
    lines = [headers, ["-" * width] * len(headers), *rows]
    # A row's text is its cells' padding and separators plus the cells: its newlines are theirs.
    pad = repeat(width)
    return "\n".join(
        [("| " + " | ".join(map(str.ljust, line, pad)) + " |").replace("\n", "<br/>") for line in lines]
    )


def json_text(value: Any) -> str:
    """Compact-ish JSON for a cell, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, default=str)


def example_cell(value: Any) -> str:
    """An Example cell: strings as they are, anything else as JSON."""
    if value is MISSING:
        return ""
    if isinstance(value, str) and value.strip() == value and value and value.isprintable():
        return cell(value)
    return cell(json_text(value))


def description(text: str, deprecated: bool = False) -> str:
    """A description cell, with the deprecation marker when it applies."""
    return cell((DEPRECATED if deprecated else "") + text)
