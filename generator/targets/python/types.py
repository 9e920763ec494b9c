"""IR types -> Python annotation text and literal values, for the model and client views."""

from __future__ import annotations

import math
from typing import Any

from generator import values
from generator.ir import MISSING, Alias, Api, Enum, Field, Model, TypeRef
from generator.targets.python.names import PyNames

_SIMPLE = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "datetime": "datetime.datetime",
    "date": "datetime.date",
    "time": "datetime.time",
    "uuid": "uuid.UUID",
    "decimal": "decimal.Decimal",
    "any": "Any",
    "null": "None",
}
_MODULES = {
    "datetime": "datetime",
    "date": "datetime",
    "time": "datetime",
    "uuid": "uuid",
    "decimal": "decimal",
}


class Annotator:
    """Renders TypeRefs as annotations and records what the module must import."""

    def __init__(self, api: Api, names: PyNames) -> None:
        self.api = api
        self.names = names
        self.modules: set[str] = set()
        self.typing: set[str] = set()
        self.pydantic: set[str] = set()
        self.classes: set[str] = set()

    def annotation(self, t: TypeRef) -> str:
        """The annotation for `t`, including `| None` when nullable."""
        text = self._bare(t)
        # `| None` once: ruff's PYI016 (a default rule) refuses `X | None | None`.
        has_none = "None" in text and "None" in split_union(text)
        if t.nullable and text not in ("Any", "None") and not has_none:
            text += " | None"
        return text

    def _bare(self, t: TypeRef) -> str:
        if t.kind in _SIMPLE:
            if t.kind in _MODULES:
                self.modules.add(_MODULES[t.kind])
            if t.kind == "any":
                self.typing.add("Any")
            return _SIMPLE[t.kind]
        if t.kind in ("model", "enum"):
            self.classes.add(t.name)
            return t.name
        if t.kind == "alias":
            return self._alias(t.name)
        if t.kind == "list":
            return f"list[{self.annotation(t.args[0])}]"
        if t.kind == "map":
            return f"dict[str, {self.annotation(t.args[0])}]"
        if t.kind == "literal":
            # PEP 586 allows str, int, bool and None only: floats widen to `float`.
            exact = [v for v in t.values if not isinstance(v, float)]
            parts = []
            if exact:
                self.typing.add("Literal")
                parts.append("Literal[" + ", ".join(py_literal(v) for v in exact) + "]")
            if len(exact) < len(t.values):
                parts.append("float")
            return " | ".join(parts)
        if t.kind == "union":
            if any(self._is_any(a) for a in t.args):  # before the members record their imports
                self.typing.add("Any")
                return "Any"
            text = " | ".join(self._union_parts(t.args))
            field = self._discriminator_field(t)
            if field:
                self.typing.add("Annotated")
                self.pydantic.add("Field")
                return f"Annotated[{text}, Field(discriminator={py_literal(field)})]"
            return text
        raise AssertionError(t.kind)

    def _union_parts(self, args: tuple[TypeRef, ...]) -> list[str]:
        """The union's top-level parts, each once: a member's own union flattened (ruff's PYI016,
        a default rule, refuses `str | A | str`)."""
        return list(dict.fromkeys(p for m in self._union_members(args) for p in split_union(m)))

    def _union_members(self, args: tuple[TypeRef, ...]) -> list[str]:
        """The members' annotations, their literal values in one `Literal[...]` where the first
        literal member stands (ruff's PYI030, a default rule, refuses two in one union)."""
        members: list[str] = []
        merged: list[Any] = []
        at = -1
        for arg in args:
            literal = self._literal(arg)
            exact = [v for v in literal.values if not isinstance(v, float)] if literal else []
            if literal is None or not exact:
                members.append(self.annotation(arg))
                continue
            if at < 0:
                at = len(members)
                members.append("")
            merged += [v for v in exact if not any(values.same(v, m) for m in merged)]
            if len(exact) < len(literal.values):
                members.append("float")
            if literal.nullable or arg.nullable:
                members.append("None")
        if at >= 0:
            self.typing.add("Literal")
            members[at] = "Literal[" + ", ".join(py_literal(v) for v in merged) + "]"
        return members

    def _literal(self, t: TypeRef) -> TypeRef | None:
        """The literal type `t` is (itself, or the target of the aliases it names), else None."""
        seen: frozenset[str] = frozenset()
        while t.kind == "alias" and t.name not in self.names.recursive_aliases:
            step = values.follow(self.api, t, seen)
            if step is None:
                return None
            target, seen = step
            t = target.with_nullable() if t.nullable else target
        return t if t.kind == "literal" else None

    def _is_any(self, t: TypeRef) -> bool:
        """Whether `t`'s annotation is `Any` (which a union holding it becomes)."""
        if t.kind == "union":
            return any(self._is_any(a) for a in t.args)
        if t.kind == "alias" and t.name not in self.names.recursive_aliases:
            target = self.api.named(t.name)
            assert isinstance(target, Alias)
            return self._is_any(target.target)
        return t.kind == "any"

    def _alias(self, name: str) -> str:
        if name in self.names.recursive_aliases:  # no finite annotation: the alias keeps its name
            self.classes.add(name)
            return name
        target = self.api.named(name)
        assert isinstance(target, Alias)
        return self.annotation(target.target)

    def _discriminator_field(self, t: TypeRef) -> str:
        if not t.discriminator:
            return ""
        names = set()
        for arg in t.args:
            model = self.api.named(arg.name)
            if not isinstance(model, Model):
                return ""
            field = next((f for f in model.fields if f.wire == t.discriminator), None)
            if field is None or field.type.kind != "literal" or not field.required:
                return ""
            names.add(self.names.field(model, field))
        return names.pop() if len(names) == 1 else ""


def split_union(text: str) -> list[str]:
    """The top-level members of `A | list[B | C] | None`; string literals (`Literal["a|]"]`, the
    spec's own text) are skipped whole."""
    if "|" not in text:
        return [text.strip()]
    parts: list[str] = []
    depth = start = i = 0
    while i < len(text):
        char = text[i]
        if char in "'\"":  # a `repr` string: to its closing quote, escapes skipped
            i += 1
            while i < len(text) and text[i] != char:
                i += 2 if text[i] == "\\" else 1
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
        i += 1
    parts.append(text[start:].strip())
    return parts


def py_literal(value: Any) -> str:
    """Python source for a JSON value; `repr` escapes every character safely."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, str):
        return py_str(value)
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    return py_str(str(value))


def py_str(value: str) -> str:
    """`repr`, in double quotes when that needs no escaping: ruff's own choice, so that a
    module ruff would leave alone can skip it (`ruff.settled`)."""
    text = repr(value)
    if text[0] == "'" and '"' not in value:  # then `'` is not in it either: no quote escaped
        return f'"{text[1:-1]}"'
    return text


def default_source(field: Field, api: Api, names: PyNames) -> str | None:
    """Python source of a field's default, or None when the default cannot be typed."""
    value, t = field.default, field.type
    if value is MISSING:
        return None
    if value is None and not field.required:
        return "None"  # an optional field: the model widens its annotation to admit None
    if not values.fits(api, value, t):
        return None
    return _source(api, names, value, t, frozenset())


def _source(api: Api, names: PyNames, value: Any, t: TypeRef, seen: frozenset[str]) -> str | None:
    """A Python literal of `t`'s annotation for `value` (which fits `t`), or None when the
    type's Python value is no literal (a model, datetime, UUID, Decimal or bytes)."""
    kind = t.kind
    if value is None:
        return "None"
    if kind == "alias":
        step = values.follow(api, t, seen)
        return _source(api, names, value, *step) if step is not None else None
    if kind == "union":
        found = (_source(api, names, value, a, seen) for a in t.args if values.fits(api, value, a))
        return next((s for s in found if s is not None), None)
    if kind == "enum":
        enum = api.named(t.name)
        assert isinstance(enum, Enum)
        member = next(m for m in enum.members if values.same(m.value, value))
        return f"{enum.name}.{names.member(enum, member)}"
    if kind in ("list", "map"):
        items = value if kind == "list" else value.values()
        inner = [_source(api, names, v, t.args[0], frozenset()) for v in items]
        if any(s is None for s in inner):
            return None
        if kind == "list":
            return "[" + ", ".join(s for s in inner if s is not None) + "]"
        keys = [py_literal(k) for k in value]
        return "{" + ", ".join(f"{k}: {s}" for k, s in zip(keys, inner, strict=True)) + "}"
    if kind == "int":
        return py_literal(int(value))  # JSON's 3.0 is an integer; `int` wants 3
    if kind in ("str", "float", "bool", "literal", "any"):
        return py_literal(value)
    return None


def is_mutable_default(source: str) -> bool:
    """Lists and dicts need `default_factory` so instances do not share them."""
    return source.startswith(("[", "{"))
