"""Example code for the TypeScript docs: the shared value engine's JSON values as TypeScript.

Objects and arrays break one item per line with trailing commas (the reference SDK's layout);
model properties take their camelCase names; date-times become `Date`s; enum values are written
as their literals, which both open and closed enum types accept.
"""

from __future__ import annotations

from typing import Any

from generator.example_values import ExampleValues
from generator.ir import Api, Model, TypeRef
from generator.targets.typescript.models import prop_key
from generator.targets.typescript.names import TsNames
from generator.targets.typescript.text import ts_string, ts_value

INDENT = "  "


class TsExamples(ExampleValues):
    """Example values for one Api, and the TypeScript source that builds them."""

    def __init__(self, api: Api, names: TsNames) -> None:
        super().__init__(api)
        self.names = names

    def source(self, value: Any, t: TypeRef, depth: int = 0) -> str:
        """TypeScript source of `value` (a JSON value of type `t`), laid out from `depth`."""
        if value is None:
            return "null"
        kind = t.kind
        if kind == "alias":
            looped = _json(value, depth)
            return self._via_alias(value, t, lambda target: self.source(value, target, depth), looped)
        if kind == "union":
            arg = self._pick(value, t)
            return self.source(value, arg, depth) if arg is not None else _json(value, depth)
        if kind == "list" and isinstance(value, list):
            return block("[", "]", [self.source(v, t.args[0], depth + 1) for v in value], depth)
        if kind == "map" and isinstance(value, dict):
            items = [f"{prop_key(str(k))}: {self.source(v, t.args[0], depth + 1)}" for k, v in value.items()]
            return block("{", "}", items, depth)
        if kind == "model" and isinstance(value, dict):
            return self._object(value, self._model(t.name), depth)
        if kind == "datetime" and isinstance(value, str):
            return f"new Date({ts_string(value)})"
        if kind == "decimal":
            return ts_string(str(value))
        return _json(value, depth)

    def _object(self, value: dict[str, Any], model: Model, depth: int) -> str:
        props = self.names.fields(model, model.fields)
        types = {f.wire: f.type for f in model.fields}
        if not model.fields:
            return _json(value, depth)
        items = [f"{props[k]}: {self.source(v, types[k], depth + 1)}" for k, v in value.items() if k in props]
        # Keys the model does not declare go in its extras record, when it keeps one.
        others = {k: v for k, v in value.items() if k not in props}
        bag = self.names.extras(model)
        if bag and others:
            extra = model.extra_type or TypeRef("any")
            inner = [f"{prop_key(k)}: {self.source(v, extra, depth + 2)}" for k, v in others.items()]
            items.append(f"{prop_key(bag)}: {block('{', '}', inner, depth + 1)}")
        return block("{", "}", items, depth)


def block(open_: str, close: str, items: list[str], depth: int) -> str:
    if not items:
        return open_ + close
    pad = INDENT * (depth + 1)
    return open_ + "\n" + "".join(f"{pad}{item},\n" for item in items) + INDENT * depth + close


def _json(value: Any, depth: int) -> str:
    """Any JSON value, objects and arrays laid out like the rest."""
    if isinstance(value, list):
        return block("[", "]", [_json(v, depth + 1) for v in value], depth)
    if isinstance(value, dict):
        items = [f"{prop_key(str(k))}: {_json(v, depth + 1)}" for k, v in value.items()]
        return block("{", "}", items, depth)
    return ts_value(value)
