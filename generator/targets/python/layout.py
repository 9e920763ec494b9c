"""The docs' Python code blocks: built flat (one statement a line), laid out by the pinned ruff
in the batch that formats the generated code, so examples and code share one layout.

Ruff alone would set a broken call's arguments on one indented line when they fit there, and
leave a lone broken item without a trailing comma. The reference SDK's pages list the items
of every broken bracket one per line, so a second pass repeats ruff's own decisions with a
magic trailing comma in each bracket ruff broke: ruff decides where lines break, the comma
only says how a broken bracket is laid out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.targets.python.ruff import FormatCache
from generator.targets.python.settled import laid_out, settled

Files = dict[str, str]

# Not an identifier, so never the SDK package's own folder in the formatter's tree.
SCRATCH = "sdkgen-docs"
_OPENS = re.compile(r"[(\[{]\n")  # a line that ends with an opening bracket
_CLOSES = re.compile(r"\n *[)\]}]")  # a line that starts with a closing bracket
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

    def scratch(self, cache: FormatCache | None = None) -> Files:
        """The blocks ruff must lay out, as scratch Python files for the formatter. A block
        whose layout `settled.laid_out` knows (most: imports and `value = Model(...)`), and
        that `settled` passes, gets it here (remembered in `cache`), and is left out."""
        out: Files = {}
        for i, code in enumerate(self._blocks.values()):
            key = b"" if cache is None else cache.key_for("laid", f"{SCRATCH}/b.py", code.source)
            text = cache.get(key) if cache is not None and key else None
            if text is None:
                text = laid_out(code.source)
                if text is not None and not settled(text + "\n"):
                    text = None
                if text is not None and cache is not None:
                    cache.remember(key, text)
            if text is not None:
                code.text = text
            else:
                out[f"{SCRATCH}/b{i}.py"] = code.source
        return out

    def lay_out(self, first: Files, again: Callable[[Files], Files]) -> None:
        """Fill in the text of each block of `scratch()` from ruff's first pass over them and a
        second pass (`again`) that keeps every bracket the first one broke at one item a line."""
        marked = {path: keep_broken(text) for path, text in first.items()}
        # Only blocks that ruff broke somewhere need the second pass.
        second = {**first, **again({p: t for p, t in marked.items() if t != first[p]})}
        for i, code in enumerate(self._blocks.values()):
            text = second.get(f"{SCRATCH}/b{i}.py")
            if text is not None:
                code.text = text.rstrip("\n")


def keep_broken(text: str) -> str:
    """Ruff's output with a magic trailing comma in each call, list and dict it broke over lines."""
    # (position of the newline, indent, opening?) for every line ending with an opening bracket
    # and every line starting with a closing one, in text order.
    edges = [(m.end() - 1, _indent(text, m.end() - 1), True) for m in _OPENS.finditer(text)]
    if not edges:
        return text
    edges += [(m.start(), m.end() - m.start() - 2, False) for m in _CLOSES.finditer(text)]
    commas: list[int] = []  # before the newline that ends the last item of a broken bracket
    broken: list[tuple[int, bool]] = []  # (indent, takes a comma), innermost last
    for newline, indent, opening in sorted(edges):
        if opening:
            broken.append((indent, _takes_comma(text[max(newline - 2, 0) : newline])))
        # Ruff closes a broken bracket at the indent of the line that opened it.
        elif broken and indent == broken[-1][0] and broken.pop()[1] and text[newline - 1] != ",":
            commas.append(newline)
    pieces = [text[a:b] for a, b in zip([0, *commas], [*commas, len(text)], strict=True)]
    return ",".join(pieces)


def _indent(text: str, newline: int) -> int:
    """The indent of the line that ends at `newline`."""
    start = text.rfind("\n", 0, newline) + 1
    end = start
    while text[end] == " ":
        end += 1
    return end - start


def _takes_comma(tail: str) -> bool:
    """Whether the bracket ending a line (`tail`: its last two characters) may hold a trailing
    comma without changing the code: a call, a list or a dict may; parentheses ruff added around
    an expression (`x = (`) and a subscript (`x[`) may not (the comma would make a tuple)."""
    bracket, before = tail[-1], tail[:-1].strip()
    after_name = before.endswith(_NAME_END) or before[-1:].isalnum()
    if bracket == "(":
        return after_name
    return bracket == "{" or not after_name
