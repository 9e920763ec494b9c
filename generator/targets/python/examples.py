"""Example code for the Python docs: the shared value engine's JSON values as Python source.

`Examples.source` turns a JSON value of a type into Python source that constructs it (model
classes, enum members, literals), tracking the imports it needs.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from typing import Any

from generator.example_values import ExampleValues, is_int
from generator.ir import Api, TypeRef
from generator.targets.python.names import PyNames
from generator.targets.python.types import py_literal

LINE = 88  # wrap example code like ruff's default line length


class Examples(ExampleValues):
    """Example values for one Api, and the Python source that builds them."""

    def __init__(self, api: Api, names: PyNames) -> None:
        super().__init__(api)
        self.names = names

    def source(self, value: Any, t: TypeRef, imports: Imports) -> Node:
        """A code tree that constructs `value` (a JSON value of type `t`) in Python."""
        if value is None:
            return Atom("None")
        kind = t.kind
        if kind == "alias":
            looped: Node = Atom(literal(value))
            return self._via_alias(value, t, lambda target: self.source(value, target, imports), looped)
        if kind == "union":
            arg = self._pick(value, t)
            return self.source(value, arg, imports) if arg is not None else Atom(literal(value))
        if kind == "enum":
            enum = self._enum(t.name)
            member = next(
                (m for m in enum.members if m.value == value and type(m.value) is type(value)), None
            )
            if member is None:
                return Atom(literal(value))
            imports.add(self.api, enum.name)
            return Atom(f"{enum.name}.{self.names.member(enum, member)}")
        if kind == "list" and isinstance(value, list):
            return Seq("[", "]", [self.source(v, t.args[0], imports) for v in value])
        if kind == "map" and isinstance(value, dict):
            return Seq(
                "{",
                "}",
                [Pair(literal(k), ": ", self.source(v, t.args[0], imports)) for k, v in value.items()],
            )
        if kind == "model" and isinstance(value, dict):
            model = self._model(t.name)
            imports.add(self.api, model.name)
            wires = {f.wire: f for f in model.fields}
            keyword_ok = all(
                k in wires and not keyword.iskeyword(self.names.field(model, wires[k])) for k in value
            )
            if not keyword_ok or self.problems(value, t):
                return Seq(f"{model.name}.model_validate(", ")", [_json_node(value)])
            args = [
                Pair(self.names.field(model, wires[k]), "=", self.source(v, wires[k].type, imports))
                for k, v in value.items()
            ]
            return Seq(f"{model.name}(", ")", list(args))
        if kind in ("datetime", "date", "time") and isinstance(value, str):
            imports.modules.add("datetime")
            text = value.replace("Z", "+00:00") if kind == "datetime" else value
            return Atom(f"datetime.{kind}.fromisoformat({literal(text)})")
        if kind == "uuid" and isinstance(value, str):
            imports.modules.add("uuid")
            return Atom(f"uuid.UUID({literal(value)})")
        if kind == "decimal":
            imports.modules.add("decimal")
            return Atom(f"decimal.Decimal({literal(str(value))})")
        if kind == "bytes" and isinstance(value, str):
            return Atom(repr(value.encode("utf-8")))
        if kind == "float" and is_int(value):
            return Atom(literal(float(value)))
        return _json_node(value)


@dataclass
class Imports:
    """What an example needs imported: classes by module, plus stdlib modules."""

    classes: dict[str, set[str]] = field(default_factory=dict)
    modules: set[str] = field(default_factory=set)

    def add(self, api: Api, name: str) -> None:
        """Import the class `name` from its models package."""
        module = f"{api.package}.models.{api.named(name).module}"
        self.classes.setdefault(module, set()).add(name)

    def lines(self, extra: dict[str, set[str]] | None = None) -> list[str]:
        """isort-style import lines: stdlib first, then the SDK."""
        out = [f"import {m}" for m in sorted(self.modules)]
        merged: dict[str, set[str]] = {k: set(v) for k, v in self.classes.items()}
        for k, v in (extra or {}).items():
            merged.setdefault(k, set()).update(v)
        sdk = []
        for module in sorted(merged):
            names = sorted(merged[module])
            line = f"from {module} import {', '.join(names)}"
            if len(line) > LINE:
                line = f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"
            sdk.append(line)
        if out and sdk:
            out.append("")
        return out + sdk


# -- a tiny pretty-printer: one line when it fits, else one item per line ----------------------


@dataclass
class Atom:
    """Source that is never broken."""

    text: str

    def flat(self) -> str:
        """The one-line form."""
        return self.text

    def render(self, col: int, indent: int) -> str:
        """Atoms render flat."""
        return self.text


@dataclass
class Pair:
    """`key=value` or `key: value`."""

    key: str
    sep: str
    value: Node

    def flat(self) -> str:
        """The one-line form."""
        return f"{self.key}{self.sep}{self.value.flat()}"

    def render(self, col: int, indent: int) -> str:
        """The value may break; the key stays on the line."""
        head = f"{self.key}{self.sep}"
        return head + self.value.render(col + len(head), indent)


@dataclass
class Seq:
    """A bracketed, comma-separated sequence (call, list, dict)."""

    open: str
    close: str
    items: list[Node]

    def flat(self) -> str:
        """The one-line form."""
        return self.open + ", ".join(i.flat() for i in self.items) + self.close

    def render(self, col: int, indent: int) -> str:
        """Flat when it fits (with a trailing comma) before LINE, else one item per line."""
        text = self.flat()
        if col + len(text) + 1 <= LINE or not self.items:
            return text
        inner = indent + 4
        body = "".join(f"{' ' * inner}{i.render(inner, inner)},\n" for i in self.items)
        return f"{self.open}\n{body}{' ' * indent}{self.close}"


Node = Atom | Pair | Seq


def _json_node(value: Any) -> Node:
    if isinstance(value, list):
        return Seq("[", "]", [_json_node(v) for v in value])
    if isinstance(value, dict):
        return Seq("{", "}", [Pair(literal(k), ": ", _json_node(v)) for k, v in value.items()])
    return Atom(literal(value))


def literal(value: Any) -> str:
    """`py_literal`, with strings in double quotes where that needs no escaping (ruff's style)."""
    text = py_literal(value)
    if isinstance(value, str) and text.startswith("'") and '"' not in value:
        return '"' + text[1:-1].replace("\\'", "'") + '"'
    return text


def statement(target: str, node: Node, indent: int = 0) -> str:
    """`target = <node>` laid out from column `indent`."""
    head = f"{target} = "
    return head + node.render(indent + len(head), indent)
