"""The docs' Python code blocks: built flat (one statement a line), laid out by the pinned ruff
in the batch that formats the generated code, so examples and code share one layout.

Ruff alone would set a broken call's arguments on one indented line when they fit there, and
leave a lone broken item without a trailing comma. The reference SDK's pages list the items
of every broken bracket one per line, so a second pass repeats ruff's own decisions with a
magic trailing comma in each bracket ruff broke: ruff decides where lines break, the comma
only says how a broken bracket is laid out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Files = dict[str, str]

# Not an identifier, so never the SDK package's own folder in the formatter's tree.
SCRATCH = "sdkgen-docs"
_OPENERS = ("(", "[", "{")
_NAME_END = (")", "]", "_")


@dataclass(eq=False)
class Code:
    """One code block: its flat source, and the text ruff laid it out as."""

    source: str
    text: str = ""

    def __str__(self) -> str:
        assert self.text, "docs code printed before it was laid out"
        return self.text


class CodeBlocks:
    """Every code block of one docs render, laid out together."""

    def __init__(self) -> None:
        self._blocks: dict[str, Code] = {}

    def add(self, source: str) -> Code:
        """The block for this flat source (the same source is one block, laid out once)."""
        return self._blocks.setdefault(source, Code(source))

    def scratch(self) -> Files:
        """The blocks as scratch Python files for the formatter."""
        return {f"{SCRATCH}/b{i}.py": code.source for i, code in enumerate(self._blocks.values())}

    def lay_out(self, first: Files, again: Callable[[Files], Files]) -> None:
        """Fill in each block's text from ruff's first pass over `scratch()` and a second pass
        (`again`) that keeps every bracket the first one broke at one item a line."""
        marked = {path: keep_broken(text) for path, text in first.items()}
        # Only blocks that ruff broke somewhere need the second pass.
        second = {**first, **again({p: t for p, t in marked.items() if t != first[p]})}
        for path, code in zip(self.scratch(), self._blocks.values(), strict=True):
            code.text = second[path].rstrip("\n")


def keep_broken(text: str) -> str:
    """Ruff's output with a magic trailing comma in each call, list and dict it broke over lines."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.endswith(_OPENERS) or not _takes_comma(line):
            continue
        depth = _indent(line)
        end = i + 1
        while _indent(lines[end]) > depth:  # ruff closes a bracket at its opening line's indent
            end += 1
        if not lines[end - 1].endswith(","):
            lines[end - 1] += ","
    return "\n".join(lines)


def _takes_comma(line: str) -> bool:
    """Whether the bracket ending `line` may hold a trailing comma without changing the code:
    a call, a list or a dict may; parentheses ruff added around an expression (`x = (`) and a
    subscript (`x[`) may not (the comma would make a tuple)."""
    bracket, before = line[-1], line[:-1]
    after_name = before.endswith(_NAME_END) or before[-1:].isalnum()
    if bracket == "(":
        return after_name
    return bracket == "{" or not after_name


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else 0
