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

import re
import unicodedata
from collections.abc import Iterable

LINE_LENGTH = 88  # ruff's default (the generated code is formatted with it)
_DIGITS = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    """A key ordering as ruff's `natord` does: runs of digits by their value."""
    return tuple(
        (48, int(part), part) if part.isdigit() else (ord(ch), 0, "")
        for part in _DIGITS.split(text)
        for ch in ([part] if part.isdigit() else part)
    )


def _member_type(name: str) -> int:
    """isort's order by type: CONSTANTS, then Classes, then the rest."""
    if len(name) > 1 and name.isupper():
        return 0
    return 1 if name[:1].isupper() else 2


def sorted_members(names: Iterable[str]) -> list[str]:
    """Names imported from one module, in ruff's isort order (order by type, case-insensitive,
    numbers by value)."""
    return sorted(names, key=lambda n: (_member_type(n), _natural(n.lower()), _natural(n)))


def module_key(module: str) -> tuple[int, tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
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
            if _width(line) > LINE_LENGTH and not _UNBREAKABLE.fullmatch(line):
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
    return sum(_char_width(ch) for ch in line)


def _char_width(ch: str) -> int:
    if ch == "\u2e3b":
        return 3
    return 2 if ch >= "\U00010000" or unicodedata.east_asian_width(ch) in ("W", "F") else 1
