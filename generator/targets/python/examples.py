"""Example code for the Python docs: the shared value engine's JSON values as Python source.

`Examples.source` turns a JSON value of a type into Python source that constructs it (model
classes, enum members, literals), tracking the imports it needs. The source is one flat line;
ruff lays it out (see `layout.py`).
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from typing import Any

from generator import values
from generator.example_values import ExampleValues
from generator.ir import Api, Model, TypeRef
from generator.targets.python.names import PyNames
from generator.targets.python.settled import module_key, sorted_members
from generator.targets.python.types import py_literal


class Examples(ExampleValues):
    """Example values for one Api, and the Python source that builds them."""

    def __init__(self, api: Api, names: PyNames) -> None:
        super().__init__(api)
        self.names = names
        self._keyword_cache: dict[str, dict[str, tuple[str, TypeRef]]] = {}
        # Model sources by (id of the value, model, keyword form): the engine shares the values of
        # models, so one model's source recurs on many pages; the value is kept alive with it.
        self._sources: dict[tuple[int, str, bool], tuple[Any, str, Imports]] = {}
        self._fits: values.Memo = {}

    def _keywords(self, model: Model) -> dict[str, tuple[str, TypeRef]]:
        """The attribute and type of each field that can be a constructor keyword (its attribute
        is no Python keyword), by wire name; built once per model."""
        found = self._keyword_cache.get(model.name)
        if found is None:
            attributes = self.names.fields(model)
            found = {
                f.wire: (attributes[f.wire], f.type)
                for f in model.fields
                if not keyword.iskeyword(attributes[f.wire])
            }
            self._keyword_cache[model.name] = found
        return found

    # -- Python source --------------------------------------------------------------------

    def source(
        self, value: Any, t: TypeRef, imports: Imports, seen: frozenset[str] = frozenset(), fit: bool = False
    ) -> str:
        """Flat Python source (one line; ruff lays it out) that constructs `value`, a JSON value of `t`.

        `fit` says `value` is already known to fit `t` (an enclosing model was checked whole), so
        nested models are not checked again: that made deep examples quadratic.
        """
        if value is None:
            return "None"
        kind = t.kind
        if kind == "alias":
            step = values.follow(self.api, t, seen)
            return self.source(value, step[0], imports, step[1], fit) if step is not None else literal(value)
        if kind == "union":
            arg = values.member(self.api, value, t)
            # a member picked by its tag alone is not known to fit
            fit = fit and not t.discriminator
            return self.source(value, arg, imports, seen, fit) if arg is not None else literal(value)
        if kind == "enum":
            enum = self._enum(t.name)
            member = next((m for m in enum.members if values.same(m.value, value)), None)
            if member is None:
                return literal(value)
            imports.add(self.api, enum.name)
            return f"{enum.name}.{self.names.member(enum, member)}"
        if kind == "list" and isinstance(value, list):
            return "[" + ", ".join(self.source(v, t.args[0], imports, fit=fit) for v in value) + "]"
        if kind == "map" and isinstance(value, dict):
            items = (f"{literal(k)}: {self.source(v, t.args[0], imports, fit=fit)}" for k, v in value.items())
            return "{" + ", ".join(items) + "}"
        if kind == "model" and isinstance(value, dict):
            return self._model_source(value, t, imports, fit)
        if kind in ("datetime", "date", "time") and isinstance(value, str):
            imports.modules.add("datetime")
            text = value.replace("Z", "+00:00") if kind == "datetime" else value
            return f"datetime.{kind}.fromisoformat({literal(text)})"
        if kind == "uuid" and isinstance(value, str):
            imports.modules.add("uuid")
            return f"uuid.UUID({literal(value)})"
        if kind == "decimal":
            imports.modules.add("decimal")
            return f"decimal.Decimal({literal(str(value))})"
        if kind == "bytes" and isinstance(value, str):
            return repr(value.encode("utf-8"))
        if kind == "float" and type(value) is int:
            return literal(float(value))
        if kind == "int" and isinstance(value, float) and value.is_integer():
            return literal(int(value))  # JSON's 3.0 is an integer; `int` wants 3
        return json_source(value)

    def _model_source(self, value: dict[str, Any], t: TypeRef, imports: Imports, fit: bool) -> str:
        """`Model(attribute=...)`, or `Model.model_validate({...})` for a value that does not fit
        or has a key no keyword takes; built once per value object, model and form."""
        model = self._model(t.name)
        keywords = self._keywords(model)
        direct = keywords.keys() >= value.keys() and (fit or values.fits(self.api, value, t, memo=self._fits))
        key = (id(value), model.name, direct)
        found = self._sources.get(key)
        if found is None or found[0] is not value:
            own = Imports()
            own.add(self.api, model.name)
            if direct:
                text = self._keyword_source(value, model.name, keywords, own)
            else:
                text = f"{model.name}.model_validate({json_source(value)})"
            found = self._sources[key] = (value, text, own)
        imports.merge(found[2])
        return found[1]

    def _keyword_source(
        self, value: dict[str, Any], name: str, keywords: dict[str, tuple[str, TypeRef]], imports: Imports
    ) -> str:
        """`Model(attribute=...)` for a value known to fit."""
        args = []
        for k, v in value.items():
            attribute, field_type = keywords[k]
            args.append(f"{attribute}={self.source(v, field_type, imports, fit=True)}")
        return f"{name}(" + ", ".join(args) + ")"


@dataclass
class Imports:
    """What an example needs imported: classes by module, plus stdlib modules."""

    classes: dict[str, set[str]] = field(default_factory=dict)
    modules: set[str] = field(default_factory=set)

    def add(self, api: Api, name: str) -> None:
        """Import the class `name` from its models package."""
        module = f"{api.package}.models.{api.named(name).module}"
        self.classes.setdefault(module, set()).add(name)

    def merge(self, other: Imports) -> None:
        """Also import everything `other` imports."""
        for module, names in other.classes.items():
            self.classes.setdefault(module, set()).update(names)
        self.modules.update(other.modules)

    def lines(self, extra: dict[str, set[str]] | None = None) -> list[str]:
        """Import lines, stdlib first, then the SDK, in isort's order; one line each (ruff wraps
        those too long)."""
        out = [f"import {m}" for m in sorted(self.modules, key=module_key)]
        merged: dict[str, set[str]] = {k: set(v) for k, v in self.classes.items()}
        for k, v in (extra or {}).items():
            merged.setdefault(k, set()).update(v)
        sdk = [
            f"from {module} import {', '.join(sorted_members(merged[module]))}"
            for module in sorted(merged, key=module_key)
        ]
        if out and sdk:
            out.append("")
        return out + sdk


def json_source(value: Any) -> str:
    """Python source of a JSON value, strings in double quotes."""
    if isinstance(value, list):
        return "[" + ", ".join(json_source(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {json_source(v)}" for k, v in value.items()) + "}"
    return literal(value)


def literal(value: Any) -> str:
    """`py_literal` (strings in double quotes where that needs no escaping: ruff's style)."""
    return py_literal(value)
