"""The example *value* engine, shared by every target's docs: the spec's `example`/`examples`
where present (checked against their own schema), else a sensible value from type, format, enum,
const and default.

`wire_value` decides a JSON value for a type; each target turns such a value into source code
of its own language. Problems with the spec's examples are collected in `warnings`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from generator.ir import MISSING, Alias, Api, Enum, Model, Named, TypeRef, named_ref

_T = TypeVar("_T")


_FORMAT_STRINGS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "decimal": "1.5",
    "password": "s3cr3t",
    "binary": "example",
}
_KIND_STRINGS = {
    "datetime": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "decimal": "1.5",
    "bytes": "example",
}


def is_int(v: Any) -> bool:
    """An int that is not a bool."""
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


class ExampleValues:
    """Example JSON values for one Api; `warnings` lists spec examples that fail their schema."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.warnings: list[str] = []
        self._checked: set[str] = set()
        self._stack: list[str] = []
        self._via: set[tuple[str, int]] = set()

    # -- validation -----------------------------------------------------------------------

    def problems(self, value: Any, t: TypeRef, path: str = "") -> list[str]:
        """Why `value` does not validate against `t` (empty when it does)."""
        where = path or "/"
        if value is None:
            ok = t.nullable or t.kind in ("null", "any") or (t.kind == "literal" and None in t.values)
            if not ok and t.kind == "alias":
                return self._via_alias(
                    value,
                    t,
                    lambda target: self.problems(value, target, path),
                    [f"{where}: null is not allowed"],
                )
            if not ok and t.kind == "union":
                ok = any(not self.problems(None, a, path) for a in t.args)
            return [] if ok else [f"{where}: null is not allowed"]
        kind = t.kind
        if kind in ("str", "datetime", "date", "time", "uuid", "bytes"):
            return [] if isinstance(value, str) else [f"{where}: expected a string, got {_show(value)}"]
        if kind == "decimal":
            return (
                []
                if _is_number(value) or isinstance(value, str)
                else [f"{where}: expected a number, got {_show(value)}"]
            )
        if kind == "int":
            ok = is_int(value) or isinstance(value, float) and value.is_integer()
            return [] if ok else [f"{where}: expected an integer, got {_show(value)}"]
        if kind == "float":
            return [] if _is_number(value) else [f"{where}: expected a number, got {_show(value)}"]
        if kind == "bool":
            return [] if isinstance(value, bool) else [f"{where}: expected a boolean, got {_show(value)}"]
        if kind == "null":
            return [f"{where}: expected null, got {_show(value)}"]
        if kind == "any":
            return []
        if kind == "literal":
            ok = any(value == v and type(value) is type(v) for v in t.values)
            return (
                []
                if ok
                else [f"{where}: expected {' or '.join(_show(v) for v in t.values)}, got {_show(value)}"]
            )
        if kind == "enum":
            enum = self._enum(t.name)
            ok = any(value == m.value and type(value) is type(m.value) for m in enum.members)
            allowed = ", ".join(_show(m.value) for m in enum.members)
            return [] if ok else [f"{where}: {_show(value)} is not one of {allowed}"]
        if kind == "alias":
            return self._via_alias(
                value,
                t,
                lambda target: self.problems(value, target, path),
                [f"{where}: no finite type (the alias refers to itself)"],
            )
        if kind == "list":
            if not isinstance(value, list):
                return [f"{where}: expected an array, got {_show(value)}"]
            return [p for i, item in enumerate(value) for p in self.problems(item, t.args[0], f"{path}/{i}")]
        if kind == "map":
            if not isinstance(value, dict):
                return [f"{where}: expected an object, got {_show(value)}"]
            return [p for k, v in value.items() for p in self.problems(v, t.args[0], f"{path}/{_esc(k)}")]
        if kind == "union":
            results = [self.problems(value, a, path) for a in t.args]
            if any(not r for r in results):
                return []
            return min(results, key=len)
        if kind == "model":
            return self._model_problems(value, self._model(t.name), path)
        raise AssertionError(kind)

    def _model_problems(self, value: Any, model: Model, path: str) -> list[str]:
        where = path or "/"
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {_show(value)}"]
        out: list[str] = []
        wires = {f.wire: f for f in model.fields}
        for f in model.fields:
            if f.required and f.wire not in value and f.default is MISSING:
                out.append(f"{where}: required property {f.wire!r} is missing")
        for key, item in value.items():
            known = wires.get(key)
            if known is not None:
                out.extend(self.problems(item, known.type, f"{path}/{_esc(key)}"))
            elif model.extra == "forbid":
                out.append(f"{where}: additional property {key!r} is not allowed")
            elif model.extra_type is not None:
                out.extend(self.problems(item, model.extra_type, f"{path}/{_esc(key)}"))
        return out

    def _check(self, value: Any, t: TypeRef, pointer: str) -> bool:
        """Whether a spec example fits its schema; warn (once per pointer) when it does not."""
        found = self.problems(value, t)
        if found and pointer not in self._checked:
            self._checked.add(pointer)
            more = f" (and {len(found) - 4} more)" if len(found) > 4 else ""
            self.warnings.append(
                f"{pointer}: example does not validate against its schema: " + "; ".join(found[:4]) + more
            )
        return not found

    def check_all(self) -> None:
        """Check every example the spec gives (schemas, properties, parameters) once."""
        named: list[Named] = [*self.api.models, *self.api.enums, *self.api.aliases]
        for n in named:
            if n.example is not MISSING:
                self._check(n.example, named_ref(n), str(n.loc))
        for m in self.api.models:
            for f in m.fields:
                if f.example is not MISSING and f.loc is not None:
                    self._check(f.example, f.type, str(f.loc))
        for op in self.api.operations:
            for i, p in enumerate(op.params):
                if p.example is not MISSING:
                    self._check(p.example, p.type, str(op.loc.child("parameters", i)))

    # -- values ---------------------------------------------------------------------------

    def named_value(self, named: Named) -> Any:
        """A JSON example for a named model, enum or alias."""
        return self.wire_value(named_ref(named), named.example, str(named.loc))

    def wire_value(
        self, t: TypeRef, example: Any = MISSING, pointer: str = "", default: Any = MISSING, hint: str = ""
    ) -> Any:
        """A JSON value for `t`: the given example when it validates, else a built one."""
        if example is not MISSING:
            if self._check(example, t, pointer or "example"):
                return self._complete(example, t)
            salvaged = self._salvage(example, t)
            if salvaged is not MISSING:
                return salvaged
        if default is not MISSING and not self.problems(default, t):
            return default
        return self._build(t, hint)

    def _complete(self, value: Any, t: TypeRef) -> Any:
        """Fill in required properties an (otherwise valid) example left to their defaults."""
        if value is None:
            return None
        if t.kind == "alias":
            return self._via_alias(value, t, lambda target: self._complete(value, target), value)
        if t.kind == "union":
            arg = self._pick(value, t)
            return self._complete(value, arg) if arg is not None else value
        if t.kind == "list" and isinstance(value, list):
            return [self._complete(v, t.args[0]) for v in value]
        if t.kind == "map" and isinstance(value, dict):
            return {k: self._complete(v, t.args[0]) for k, v in value.items()}
        if t.kind == "model" and isinstance(value, dict):
            model = self._model(t.name)
            out = dict(value)
            for f in model.fields:
                if f.wire in out:
                    out[f.wire] = self._complete(out[f.wire], f.type)
                elif f.required and f.type.kind != "literal":
                    out[f.wire] = self.wire_value(f.type, f.example, str(f.loc), f.default, f.wire)
                elif f.required:
                    out[f.wire] = t_literal(f.type)
            return out
        return value

    def _salvage(self, value: Any, t: TypeRef) -> Any:
        """The valid properties of an invalid object example, completed; else MISSING."""
        while t.kind == "alias":
            t = self._alias(t.name).target
        if t.kind != "model" or not isinstance(value, dict):
            return MISSING
        model = self._model(t.name)
        wires = {f.wire: f for f in model.fields}
        kept = {
            k: v
            for k, v in value.items()
            if (k in wires and not self.problems(v, wires[k].type))
            or (k not in wires and model.extra != "forbid" and model.extra_type is None)
        }
        return self._complete(kept, t)

    def _build(self, t: TypeRef, hint: str = "") -> Any:
        kind = t.kind
        if kind == "str":
            return _FORMAT_STRINGS.get(t.format, f"example_{hint}" if hint else "example")
        if kind in _KIND_STRINGS:
            return _FORMAT_STRINGS.get(t.format, _KIND_STRINGS[kind])
        if kind == "int":
            return 1
        if kind == "float":
            return 1.5
        if kind == "bool":
            return True
        if kind == "null":
            return None
        if kind == "any":
            return "example"
        if kind == "literal":
            return t_literal(t)
        if kind == "enum":
            enum = self._enum(t.name)
            if enum.example is not MISSING and not self.problems(enum.example, t):
                return enum.example
            return enum.members[0].value if enum.members else None
        if kind == "alias":
            alias = self._alias(t.name)
            if t.name in self._stack:
                return None
            self._stack.append(t.name)
            try:
                return self.wire_value(
                    alias.target.with_nullable(t.nullable or alias.target.nullable),
                    alias.example,
                    str(alias.loc),
                    hint=hint,
                )
            finally:
                self._stack.pop()
        if kind == "list":
            if t.args[0].kind == "model" and t.args[0].name in self._stack:
                return []
            return [self._build(t.args[0], hint)]
        if kind == "map":
            if t.args[0].kind == "model" and t.args[0].name in self._stack:
                return {}
            return {"key": self._build(t.args[0], hint)}
        if kind == "union":
            args = [a for a in t.args if a.kind != "null"] or list(t.args)
            return self.wire_value(args[0], hint=hint)
        if kind == "model":
            return self._model_value(self._model(t.name), t.nullable)
        raise AssertionError(kind)

    def _model_value(self, model: Model, nullable: bool) -> Any:
        if model.name in self._stack:
            return None if nullable else {}
        if model.example is not MISSING and self._check(model.example, named_ref(model), str(model.loc)):
            return self._complete(model.example, named_ref(model))
        self._stack.append(model.name)
        try:
            out: dict[str, Any] = {}
            for f in model.fields:
                shown = f.example is not MISSING or _has_example(self.api, f.type)
                if f.required or shown:
                    out[f.wire] = self.wire_value(f.type, f.example, str(f.loc), f.default, f.wire)
            return out
        finally:
            self._stack.pop()

    # -- helpers --------------------------------------------------------------------------

    def _pick(self, value: Any, t: TypeRef) -> TypeRef | None:
        """The union member `value` belongs to (by discriminator, else the first that fits)."""
        if t.discriminator and isinstance(value, dict):
            tag = value.get(t.discriminator)
            for arg in t.args:
                if arg.kind == "model":
                    f = next((f for f in self._model(arg.name).fields if f.wire == t.discriminator), None)
                    if f is not None and f.type.kind == "literal" and tag in f.type.values:
                        return arg
        return next((a for a in t.args if not self.problems(value, a)), None)

    def _model(self, name: str) -> Model:
        named = self.api.named(name)
        assert isinstance(named, Model)
        return named

    def _enum(self, name: str) -> Enum:
        named = self.api.named(name)
        assert isinstance(named, Enum)
        return named

    def _via_alias(self, value: Any, t: TypeRef, step: Callable[[TypeRef], _T], looped: _T) -> _T:
        """`step` on the alias's target; `looped` when the same value comes back to the same
        alias without passing through any structure (`X = X | str`), which would never end."""
        key = (t.name, id(value))
        if key in self._via:
            return looped
        self._via.add(key)
        try:
            return step(self._alias(t.name).target)
        finally:
            self._via.discard(key)

    def _alias(self, name: str) -> Alias:
        named = self.api.named(name)
        assert isinstance(named, Alias)
        return named


def t_literal(t: TypeRef) -> Any:
    """The first value of a literal (const) type."""
    return t.values[0] if t.values else None


def _has_example(api: Api, t: TypeRef) -> bool:
    """Whether a referenced named type carries a schema-level example."""
    if t.kind in ("model", "enum", "alias"):
        return api.named(t.name).example is not MISSING
    if t.kind == "list":
        return _has_example(api, t.args[0])
    return False


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _esc(key: Any) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")
