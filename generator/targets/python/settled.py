"""Model modules printed the way ruff would leave them, and the cheap test that lets such a
module skip ruff (`settled`).

The model templates print imports in the order ruff's isort gives them (`import_block`), strings
in ruff's quotes (`types.py_str`) and the `__sdk_*__` sets broken as ruff breaks them
(`frozenset_source`). `settled` then passes a module only when nothing in it could be something
ruff changes: no code line over the line length, no single-quoted string, no magic trailing
comma, no tab, no trailing space, no run of blank lines ruff would shorten, no class docstring
ruff would re-indent or pad. Anything else goes to ruff as before: the test errs towards ruff,
and `tests/test_settled.py` checks over the golden trees, the corpus and the benchmarks' specs
that every module it passes is one ruff leaves byte for byte.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

LINE_LENGTH = 88  # ruff's default (the generated code is formatted with it)
_DIGITS = re.compile(r"(\d+)")
_Key = tuple[str | tuple[int, str], ...]


@functools.cache
def _natural(text: str) -> _Key:
    """A key ordering as ruff's `natord` does: runs of digits by their value. (Compared part by
    part: the names it orders hold no character below `0` but the dots their modules share.)"""
    return tuple((int(p), p) if n % 2 else p for n, p in enumerate(_DIGITS.split(text)))


def _member_type(name: str) -> int:
    """isort's order by type: CONSTANTS, then Classes, then the rest."""
    if len(name) > 1 and name.isupper():
        return 0
    return 1 if name[:1].isupper() else 2


def sorted_members(names: Iterable[str]) -> list[str]:
    """Names imported from one module, in ruff's isort order (order by type, case-insensitive,
    numbers by value)."""
    listed = list(names)
    return sorted(listed, key=_member_key) if len(listed) > 1 else listed


@functools.cache
def _member_key(name: str) -> tuple[int, _Key, _Key]:
    return (_member_type(name), _natural(name.lower()), _natural(name))


@functools.cache
def module_key(module: str) -> tuple[int, _Key, _Key]:
    """isort's key of a `from MODULE import` line within its section: relative modules furthest
    first, then by name, case-insensitive, numbers by value."""
    name = module.lstrip(".")
    return (len(name) - len(module), _natural(name.lower()), _natural(name))


def from_import(module: str, names: Iterable[str], indent: int = 0) -> str:
    """One `from module import a, b` statement, its names in isort's order, wrapped in
    parentheses one name a line when it is too long for one line (as ruff's isort wraps it)."""
    members = sorted_members(names)
    line = f"from {module} import {', '.join(members)}"
    if indent + len(line) <= LINE_LENGTH or not line.isascii():
        return line
    inner = " " * (indent + 4)
    listed = "".join(f"{inner}{name},\n" for name in members)
    return f"from {module} import (\n{listed}{' ' * indent})"


def import_block(sections: Iterable[Iterable[str]]) -> str:
    """isort's sections (future, standard library, third party, local), each already in order,
    one blank line between those that are not empty."""
    return "\n\n".join("\n".join(lines) for lines in map(list, sections) if lines)


def frozenset_source(target: str, names: list[str], indent: int = 4) -> str:
    """`target = frozenset({...})` of string literals, laid out as ruff lays it out: on one line
    when it fits, else the set on a line of its own, else one item a line."""
    items = [f'"{n}"' for n in names]
    flat = f"{target} = frozenset({{{', '.join(items)}}})"
    if indent + len(flat) <= LINE_LENGTH or not all(n.isascii() and '"' not in n for n in names):
        return flat  # (a name needing escapes stays on one line: `settled` sends it to ruff)
    inner = " " * (indent + 4)
    members = f"{{{', '.join(items)}}}"
    if len(inner) + len(members) <= LINE_LENGTH:
        return f"{target} = frozenset(\n{inner}{members}\n{' ' * indent})"
    lines = _one_a_line(items, " " * (indent + 8))
    return f"{target} = frozenset(\n{inner}{{\n{lines}{inner}}}\n{' ' * indent})"


def _one_a_line(items: list[str], indent: str) -> str:
    """A broken collection's items, one a line with a trailing comma; a lone item (too long for
    any line) gets none, as ruff leaves it."""
    if len(items) == 1:
        return f"{indent}{items[0]}\n"
    return "".join(f"{indent}{item},\n" for item in items)


def call_source(function: str, args: list[str], indent: int = 0) -> str:
    """`function(args)` at `indent`, laid out as ruff lays out a call whose arguments are names
    and a last dict of string literals (`bind_models`): on one line when it fits, else the
    arguments on a line of their own, else one a line, the dict one item a line when it does
    not fit either."""
    flat = f"{function}({', '.join(args)})"
    if indent + len(flat) <= LINE_LENGTH or not flat.isascii():
        return flat
    pad, inner = " " * indent, " " * (indent + 4)
    together = ", ".join(args)
    if len(inner) + len(together) <= LINE_LENGTH:
        return f"{function}(\n{inner}{together}\n{pad})"
    lines = []
    for arg in args:
        if arg.startswith("{") and len(inner) + len(arg) + 1 > LINE_LENGTH:
            items = arg[1:-1].split(", ")  # string literals without commas: checked by the caller
            deep = " " * (indent + 8)
            arg = "{\n" + _one_a_line(items, deep) + inner + "}"
        lines.append(f"{inner}{arg},\n")
    return f"{function}(\n{''.join(lines)}{pad})"


def class_source(name: str, base: str) -> str:
    """`class name(base):`, the base on a line of its own when the line is too long."""
    flat = f"class {name}({base}):"
    if len(flat) <= LINE_LENGTH or not flat.isascii():
        return flat
    return f"class {name}(\n    {base}\n):"


def bind_models_source(deferred: list[tuple[str, str]], chain: bool) -> str:
    """The `bind_models(globals(), __package__, {...})` call of a module with deferred imports."""
    pairs = ", ".join(f'"{cls}": "{rel}"' for rel, cls in deferred)
    args = ["globals()", "__package__", f"{{{pairs}}}", *(["chain=True"] if chain else [])]
    return call_source("bind_models", args)


_TRAILING_COMMA = re.compile(r",[)\]}]")
_ONE_TUPLE = re.compile(r'\("\w*",\)')
_TRIPLE = '"""'
# Lines of the layouts above that no layout can shorten: a lone name (a wrapped import's,
# or a wrapped class's base) and a wrapped import's or class's first line.
_UNBREAKABLE = re.compile(r" *(\w+,?|from [\w.]+ import \(|class \w+\()")


def settled(text: str) -> bool:
    """Whether `text`, a module printed by our model templates, is certainly what ruff (isort
    and format) would make of it. False means "run ruff", never a wrong skip."""
    if (
        "\t" in text
        or "\r" in text
        or " \n" in text
        or text.endswith("\n\n")
        or "\n\n\n\n" in text
        or "\n\n\n " in text
    ):
        return False
    lines = text.split("\n")
    doc_start = -1  # the line a triple-quoted string opened on, while inside it
    for number, line in enumerate(lines):
        if doc_start < 0:
            stripped = line.lstrip(" ")
            if stripped.startswith(_TRIPLE):
                count = line.count(_TRIPLE)
                if count == 2 and line.endswith(_TRIPLE):
                    if not _doc_end_ok(line):
                        return False
                elif count == 1:
                    doc_start = number
                else:
                    return False
                continue
            if "'" in line or _TRIPLE in line:
                return False
            if (len(line) > LINE_LENGTH or not line.isascii()) and _width(line) > LINE_LENGTH:
                if not _UNBREAKABLE.fullmatch(line):
                    return False
            if "," in line and _TRAILING_COMMA.search(_ONE_TUPLE.sub("", line)):
                return False
            if line.endswith(":") and number + 1 < len(lines) and not lines[number + 1]:
                return False  # ruff drops a blank line that opens a block
        elif _TRIPLE in line:
            if line.count(_TRIPLE) != 1 or not line.endswith(_TRIPLE) or not _doc_end_ok(line):
                return False
            if not _indent_ok(lines[doc_start : number + 1]):
                return False
            doc_start = -1
    return doc_start < 0


def _doc_end_ok(line: str) -> bool:
    """ruff pads a docstring whose text ends with a quote or a backslash before the quotes."""
    return not line[: -len(_TRIPLE)].endswith(('"', "\\"))


def _indent_ok(lines: list[str]) -> bool:
    """A multi-line string that ruff would leave as it is were it a class docstring (which ruff
    re-indents by its least indented line): its lines after the first indented at least as its
    first, the least indented exactly so. (Unlike black, ruff leaves the closing quotes on a
    last line that is too long.) Asked of every such string, not only the class docstring."""
    indent = len(lines[0]) - len(lines[0].lstrip(" "))
    rest = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip()]
    return not rest or min(rest) == indent


def _width(line: str) -> int:
    """At least the width ruff gives `line`: East Asian wide characters (and every one beyond the
    Basic Multilingual Plane, emoji among them) count twice, the three-em dash three times."""
    if line.isascii():
        return len(line)
    return len(line) + sum(map(_char_extra, _NON_ASCII.findall(line)))


@functools.cache
def _char_extra(ch: str) -> int:
    if ch == "\u2e3b":
        return 2
    return 1 if ch >= "\U00010000" or unicodedata.east_asian_width(ch) in ("W", "F") else 0


# -- docs code blocks ------------------------------------------------------------------------------
# The docs print each example flat (one statement a line); ruff, then a second ruff pass with a
# magic trailing comma in every bracket the first one broke (`layout.keep_broken`), lay it out.
# The result is "break the outermost bracket that does not fit, one item a line with a trailing
# comma, and so on inwards": `laid_out` prints that directly for the shapes the docs use
# (imports, and `name = Call(k=v, [...], {"k": v})` of plain values), and gives up (None: ruff
# lays the block out) on anything else that does not fit on its line.

_ASSIGN = re.compile(r"( *)(\w+ = )(.*)()")
_DOTTED = re.compile(r"( *)(\w+ = )(\w+(?:\.\w+)+)")  # an enum member: `value = Enum.MEMBER`
_NAME = re.compile(r" +\w+,")
_WITH = re.compile(r"( *)((?:async )?with )(.*)( as \w+:)")
_OPEN = {"(": ")", "[": "]", "{": "}"}


class _GiveUp(Exception):
    """A shape the layout below does not know: ruff lays the block out."""


class _Node:
    """One item: `head` (a keyword, a dict key, a callee) and, for a bracket, what it holds;
    its flat text and width computed once."""

    __slots__ = ("head", "open", "items", "text", "width")

    def __init__(self, head: str, open_: str = "", items: list[_Node] | None = None) -> None:
        self.head, self.open, self.items = head, open_, items
        if items is None:
            self.text, self.width = head, _exact_width(head)
        else:
            inner = ", ".join(i.text for i in items)
            self.text = f"{head}{open_}{inner}{_OPEN[open_]}"
            self.width = _exact_width(head) + 2 + sum(i.width for i in items) + 2 * (len(items) - 1)

    def prefixed(self, lead: str) -> _Node:
        """The same item after `lead` (`value = `, `with `)."""
        self.head, self.text = lead + self.head, lead + self.text
        self.width += _exact_width(lead)
        return self


def call_statement(line: str, indent: int) -> str:
    """`target: annotation = Field(...)` at `indent` (without it), as ruff lays it out when too
    long: the call's own brackets broken (a single pass: no magic trailing commas). Anything
    else, or anything uncertain, stays on its line (and `settled` sends a long one to ruff)."""
    if indent + len(line) <= LINE_LENGTH or not line.isascii() or "lambda" in line:
        return line
    target, _, value = line.rpartition(" = ")
    if not value.startswith("Field("):
        return line
    try:
        node, end = _parse(value, 0)
        if end != len(value):
            return line
        lines = _ruff_lines(node.prefixed(f"{target} = "), indent, "", set())
    except _GiveUp:
        return line
    return "\n".join(lines)[indent:]


def laid_out(source: str) -> str | None:
    """The block as ruff's two passes lay it out, or None when ruff must do it."""
    out: list[str] = []
    try:
        for line in source.split("\n"):
            if _exact_width(line) <= LINE_LENGTH:
                out.append(line)
            elif line.startswith("from ") and " import " in line and "(" not in line:
                module, _, names = line[5:].partition(" import ")  # (in isort's order)
                wrapped = [f"from {module} import (", *(f"    {n}," for n in names.split(", ")), ")"]
                if any(_exact_width(n) > LINE_LENGTH and not _NAME.fullmatch(n) for n in wrapped):
                    raise _GiveUp
                out += wrapped  # (a lone name too long for any line stays so)
            elif (dotted := _DOTTED.fullmatch(line)) is not None:
                # ruff puts a value in parentheses of its own when it then fits
                indent, target, value = dotted.groups()
                inner = f"{indent}    {value}"
                fits = _exact_width(inner) <= LINE_LENGTH
                out += [f"{indent}{target}(", inner, f"{indent})"] if fits else [line]
            else:
                # `name = value`, or `with value as name:` (ruff breaks the call's brackets)
                match = _ASSIGN.fullmatch(line) or _WITH.fullmatch(line)
                if match is None or "await " in match.group(3):
                    raise _GiveUp
                indent, lead, value, trail = match.groups()
                node, end = _parse(value, 0)
                if end != len(value):
                    raise _GiveUp
                out += _lines(node.prefixed(lead), len(indent), trail or "")
    except _GiveUp:
        return None
    return "\n".join(out)


def _lines(node: _Node, indent: int, trail: str) -> list[str]:
    """`node` at `indent` followed by `trail`, as ruff's second pass lays it out: the brackets
    its first pass broke hold a magic trailing comma, so they list one item a line."""
    broke: set[int] = set()
    _ruff_lines(node, indent, trail, broke)
    return _ruff_lines(node, indent, trail, set(), forced=broke)


def _ruff_lines(
    node: _Node, indent: int, trail: str, broke: set[int], forced: set[int] | None = None
) -> list[str]:
    """ruff's layout: on one line when it fits; else a call's arguments on one line of their
    own when they fit there; else one item a line, with a trailing comma unless alone. Brackets
    in `forced` (magic trailing comma) always list one item a line, each with a comma; the
    brackets broken are added to `broke`."""
    pad = " " * indent
    exploded = forced is not None and id(node) in forced
    if not exploded and indent + node.width + len(trail) <= LINE_LENGTH:
        return [f"{pad}{node.text}{trail}"]
    # only a call (after a name), a list or a dict breaks; anything else is ruff's to lay out
    after_name = node.head[-1:].isidentifier() or node.head[-1:].isdigit()
    if not node.items or (node.open == "(") != after_name:
        raise _GiveUp
    broke.add(id(node))
    head, close = f"{pad}{node.head}{node.open}", f"{pad}{_OPEN[node.open]}{trail}"
    if _exact_width(head) > LINE_LENGTH:
        raise _GiveUp  # (ruff would break what comes before the bracket)
    inner = indent + 4 + sum(i.width for i in node.items) + 2 * (len(node.items) - 1)
    if not exploded and node.open == "(" and inner <= LINE_LENGTH:
        return [head, " " * (indent + 4) + ", ".join(i.text for i in node.items), close]
    comma = "," if exploded or len(node.items) > 1 else ""
    lines = [head]
    for item in node.items:
        lines += _ruff_lines(item, indent + 4, comma, broke, forced)
    return [*lines, close]


def _parse(text: str, at: int) -> tuple[_Node, int]:
    """The item starting at `at` and where it ends (at a top-level `, ` or closing bracket): a
    plain value, or a head and one bracket that ends the item."""
    start = at
    while (found := _SPECIAL.search(text, at)) is not None:
        at, ch = found.start(), found.group()
        if ch in "\"'":
            end = _STRING[ch].match(text, at)
            if end is None:
                raise _GiveUp
            at = end.end()
        elif ch in _OPEN:
            close = _OPEN[ch]
            if text.startswith(close, at + 1):
                at += 2  # empty: part of a plain value
                continue
            head, items, at = text[start:at], [], at + 1
            while True:
                item, at = _parse(text, at)
                items.append(item)
                if text.startswith(", ", at):
                    at += 2
                elif text.startswith(close, at):
                    at += 1
                    break
                else:
                    raise _GiveUp
            if at < len(text) and text[at] not in ",)]}":
                raise _GiveUp  # something after the bracket (an attribute, a call)
            return _Node(head, ch, items), at
        else:  # , ) ] }
            return _Node(text[start:at]), at
    return _Node(text[start:]), len(text)


_SPECIAL = re.compile(r"[\"'(\[{,)\]}]")
_STRING = {'"': re.compile(r'"(?:[^"\\\n]|\\.)*"'), "'": re.compile(r"'(?:[^'\\\n]|\\.)*'")}


def _exact_width(line: str) -> int:
    """The width ruff gives `line`, for the characters whose width is certain; others give up
    (here an estimate would break a line ruff keeps, or keep one it breaks)."""
    if line.isascii():
        return len(line)
    return len(line) + sum(map(_extra_width, _NON_ASCII.findall(line)))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.cache
def _extra_width(ch: str) -> int:
    """A character's width beyond 1."""
    kind, group = unicodedata.east_asian_width(ch), unicodedata.category(ch)[0]
    if kind in ("W", "F") and ch < "\U00010000" and group in "LNPS":
        return 1
    if kind in ("N", "Na", "A", "H") and group in "LNPSZ" and ch != "\u2e3b":
        return 0
    raise _GiveUp


def dunder_all_order(names: Iterable[str]) -> list[str]:
    """Names in the order ruff's RUF022 wants an `__all__` in: SCREAMING_CASE, then CamelCase,
    then the rest, each group in `natord`'s natural order (case-sensitive; a digit run that
    starts with 0 compares digit by digit, as strnatcmp compares fractions)."""
    return sorted(names, key=functools.cmp_to_key(_all_compare))


def in_all_order(exports: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, module) pairs in the `__all__` order of their names."""
    module = dict(exports)
    return [(name, module[name]) for name in dunder_all_order(module)]


def _all_group(name: str) -> int:
    if len(name) > 1 and name.isupper():
        return 0
    return 1 if name[:1].isupper() else 2


def _all_compare(a: str, b: str) -> int:
    group = _all_group(a) - _all_group(b)
    return group if group else _natord(a, b)


def _natord(a: str, b: str) -> int:
    """strnatcmp (the `natord` crate ruff uses) on identifiers (no white space in them)."""
    i = j = 0
    while i < len(a) and j < len(b):
        ca, cb = a[i], b[j]
        if "0" <= ca <= "9" and "0" <= cb <= "9":
            run_a = _digits(a, i)
            run_b = _digits(b, j)
            if ca == "0" or cb == "0":  # fractional: digit by digit, the shorter first on a tie
                order = _cmp(run_a, run_b)
            else:  # by value: the longer run is the greater, else the first differing digit
                order = _cmp(len(run_a), len(run_b)) or _cmp(run_a, run_b)
            if order:
                return order
            i, j = i + len(run_a), j + len(run_b)
            continue
        if ca != cb:
            return -1 if ca < cb else 1
        i, j = i + 1, j + 1
    return (len(a) - i > 0) - (len(b) - j > 0)


def _cmp(a: str | int, b: str | int) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


def _digits(text: str, at: int) -> str:
    end = at
    while end < len(text) and "0" <= text[end] <= "9":
        end += 1
    return text[at:end]
