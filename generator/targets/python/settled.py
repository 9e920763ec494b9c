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
import itertools
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
    and format) would make of it. False means "run ruff", never a wrong skip.

    Checked with scans of the whole text rather than line by line (this runs on every module
    and docs block of a run without caches): the docstrings are found from their quotes, and
    the code between them (`code`) is checked as a whole, the few lines that need a closer look
    (too long, a comma before a bracket, characters wider than one column) one by one."""
    if (
        "\t" in text
        or "\r" in text
        or " \n" in text
        or text.endswith("\n\n")
        or "\n\n\n\n" in text
        or "\n\n\n " in text
        or text.endswith(":\n")  # ruff drops a blank line that opens a block
    ):
        return False
    # Pieces between triple quotes: code, a string's text, code, ... A string must open after
    # nothing but indentation on its line and close at the end of one. The code is checked
    # as a whole, each string replaced by one line of code (`D`) that passes every check.
    pieces = text.split(_TRIPLE)
    last = len(pieces) - 1
    if last % 2:
        return False  # a string left open
    for i in range(1, last, 2):
        before, doc, after = pieces[i - 1], pieces[i], pieces[i + 1]
        indent = before[before.rfind("\n") + 1 :]
        if (
            indent.strip(" ")
            or not (after.startswith("\n") or (not after and i + 1 == last))
            or doc.endswith(('"', "\\"))  # ruff pads the text before the closing quotes
            or not doc
        ):
            return False
        if "\n" in doc and not _indent_ok(f"{indent}{_TRIPLE}{doc}{_TRIPLE}".split("\n")):
            return False
    return _code_ok("D".join(pieces[::2]) if last else text)


def _code_ok(code: str) -> bool:
    """Whether lines of code (between docstrings, each whole, or the empty string) hold nothing
    ruff would change: a single quote, a line too long that a layout could shorten, a magic
    trailing comma, a blank line opening a block."""
    if "'" in code or ":\n\n" in code:
        return False
    lines = code.split("\n")
    if not code.isascii() and any(map(_char_extra, set(_NON_ASCII.findall(code)))):
        long = lines  # (some character is wider than one column: every line)
    elif max(map(len, lines)) > LINE_LENGTH:
        long = [line for line in lines if len(line) > LINE_LENGTH]
    else:
        long = []
    for line in long:
        if _width(line) > LINE_LENGTH and not _UNBREAKABLE.fullmatch(line):
            return False
    for m in _TRAILING_COMMA.finditer(code):
        line = _line_at(code, code.rfind("\n", 0, m.start()) + 1)
        if _TRAILING_COMMA.search(_ONE_TUPLE.sub("", line)):
            return False
    return True


def _line_at(text: str, start: int) -> str:
    """The line of `text` that starts at `start`."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


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

_ASSIGN = re.compile(r"( *)(\w+(?:: \w+)? = )(.*)()")  # (an alias's example is annotated)
_DOTTED = re.compile(r"( *)(\w+ = )(\w+(?:\.\w+)+)")  # an enum member: `value = Enum.MEMBER`
_NAME = re.compile(r" +\w+,")
_WITH = re.compile(r"( *)((?:async )?with )(.*)( as \w+:)")


class _GiveUp(Exception):
    """A shape the layout below does not know: ruff lays the block out."""


class _Node:
    """A bracket and what it holds, as spans of the parsed text: the item it ends starts at
    `start` (its head, e.g. a callee, up to the bracket at `open`), the bracket closes before
    `end`; `items` are nodes or the `(start, end)` spans of plain values. `broken`: a layout
    broke it over lines."""

    __slots__ = ("start", "open", "end", "items", "broken")

    def __init__(self, start: int, open_: int, end: int, items: list[_Node | tuple[int, int]]) -> None:
        self.start, self.open, self.end, self.items, self.broken = start, open_, end, items, False


# Each match: the part of an item that is no bracket or separator (plain text, strings, empty
# brackets), then the next bracket, separator or stray quote (group 1), or the end.
_TOKEN = re.compile(
    r"""(?:[^"'()\[\]{},]++|"(?:[^"\\\n]++|\\.)*+"|'(?:[^'\\\n]++|\\.)*+'|\(\)|\[\]|\{\})*+"""
    r"""(, |[(\[{)\]},"']|\Z)"""
)
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")": "(", "]": "[", "}": "{"}
_NOT_AFTER_BRACKET = ("(", "[", "{", '"', "'")


def _parse(text: str) -> _Node | tuple[int, int]:
    """`text` as one item: a plain value, or a head and one bracket that ends the text, the
    items in it separated by `, ` and each likewise a plain value or a head and a bracket."""
    stack: list[tuple[int, int, list[_Node | tuple[int, int]]]] = []  # (start, open, items)
    start = 0  # where the current item starts
    done: _Node | None = None  # the bracket that ended the current item
    for match in _TOKEN.finditer(text):
        token, at = match[1], match.start(1)
        if done is not None and (at != done.end or token in _NOT_AFTER_BRACKET):
            raise _GiveUp  # something after the bracket (an attribute, a call)
        if not token:  # the end
            if stack:
                raise _GiveUp
            return done or (0, len(text))
        if token in _OPEN:
            stack.append((start, at, []))
            start = at + 1
        elif token == ", " and stack:
            stack[-1][2].append(done or (start, at))
            start, done = at + 2, None
        elif stack and _CLOSE.get(token) == text[stack[-1][1]]:
            head, opened, items = stack.pop()
            items.append(done or (start, at))
            start, done = head, _Node(head, opened, at + 1, items)
        else:  # a stray quote or comma, or a bracket closed that is not open
            raise _GiveUp
    raise AssertionError("unreachable: the pattern matches the end")


class _Layout:
    """ruff's layout of one parsed line: on one line when it fits; else a call's arguments on
    one line of their own when they fit there; else one item a line, with a trailing comma
    unless alone. In the second pass (`forced`) the brackets the first broke (a magic trailing
    comma) list one item a line, each with a comma."""

    def __init__(self, text: str, lead: str) -> None:
        self.text, self.lead = text, lead
        self.lead_width = _exact_width(lead)
        # columns before each position, when some character is wider than one column
        self.columns: list[int] | None = None
        if not text.isascii() and any(map(_extra_width, set(_NON_ASCII.findall(text)))):
            self.columns = [0, *itertools.accumulate(1 + (c > "\x7f" and _extra_width(c)) for c in text)]

    def width(self, start: int, end: int) -> int:
        columns = self.columns
        return end - start if columns is None else columns[end] - columns[start]

    def lines(self, node: _Node | tuple[int, int], indent: int, trail: str, forced: bool) -> list[str]:
        """`node` (the whole text, after `lead`) at `indent`, followed by `trail`."""
        out: list[str] = []
        self.lay(node, indent, trail, forced, out)
        return out

    def lay(
        self, node: _Node | tuple[int, int], indent: int, trail: str, forced: bool, out: list[str] | None
    ) -> None:
        """Append the lines of `node` to `out`, or when `out` is None only mark the brackets
        broken (what ruff's first pass leaves for the second)."""
        if isinstance(node, tuple):
            if indent + self.lead_width + self.width(*node) + len(trail) > LINE_LENGTH:
                raise _GiveUp  # only a call (after a name), a list or a dict breaks
            if out is not None:
                out.append(f"{' ' * indent}{self.lead}{self.text}{trail}")
            return
        self._node(node, indent, trail, forced, self.lead, self.lead_width, out)

    def _node(
        self,
        node: _Node,
        indent: int,
        trail: str,
        forced: bool,
        lead: str,
        lead_width: int,
        out: list[str] | None,
    ) -> None:
        text, width = self.text, self.width
        exploded = forced and node.broken
        if not exploded and indent + lead_width + width(node.start, node.end) + len(trail) <= LINE_LENGTH:
            if out is not None:
                out.append(f"{' ' * indent}{lead}{text[node.start : node.end]}{trail}")
            return
        head = text[node.start : node.open]
        bracket = text[node.open]
        # only a call (after a name), a list or a dict breaks; anything else is ruff's to lay out
        last = head[-1:] if head else lead[-1:]
        if (bracket == "(") != (last.isidentifier() or last.isdigit()):
            raise _GiveUp
        node.broken = True
        if indent + lead_width + width(node.start, node.open) + 1 > LINE_LENGTH:
            raise _GiveUp  # (ruff would break what comes before the bracket)
        if not exploded and bracket == "(" and indent + 4 + width(node.open + 1, node.end - 1) <= LINE_LENGTH:
            if out is not None:  # the arguments on a line of their own
                pad = " " * indent
                args = text[node.open + 1 : node.end - 1]
                out += (f"{pad}{lead}{head}(", f"{pad}    {args}", f"{pad}){trail}")
            return
        items = node.items
        comma = "," if exploded or len(items) > 1 else ""
        deeper = indent + 4
        room = LINE_LENGTH - deeper - len(comma)
        inner = " " * deeper
        if out is not None:
            out.append(f"{' ' * indent}{lead}{head}{bracket}")
        columns = self.columns  # (the widths inline: this loop sees every item)
        for item in items:
            if isinstance(item, tuple):
                start, end = item
                if (end - start if columns is None else columns[end] - columns[start]) > room:
                    raise _GiveUp  # a plain value too long for its line
                if out is not None:
                    out.append(f"{inner}{text[start:end]}{comma}")
                continue
            start, end = item.start, item.end
            fits = (end - start if columns is None else columns[end] - columns[start]) <= room
            if fits and not (forced and item.broken):
                if out is not None:
                    out.append(f"{inner}{text[start:end]}{comma}")
            else:
                self._node(item, deeper, comma, forced, "", 0, out)
        if out is not None:
            out.append(f"{' ' * indent}{_OPEN[bracket]}{trail}")


def _layout(lead: str, value: str, indent: int, trail: str, passes: int) -> list[str]:
    """`lead + value + trail` at `indent`, as ruff's first pass lays it out (`passes=1`), or as
    its second pass does (2): that pass sees a magic trailing comma in each bracket the first
    one broke, so those list one item a line."""
    node = _parse(value)
    layout = _Layout(value, lead)
    if passes == 2:
        layout.lay(node, indent, trail, False, None)
    return layout.lines(node, indent, trail, passes == 2)


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
        lines = _layout(f"{target} = ", value, indent, "", passes=1)
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
                out += _layout(lead, value, len(indent), trail or "", passes=2)
    except _GiveUp:
        return None
    return "\n".join(out)


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
