"""The example *value* engine, shared by every target's docs: the spec's `example`/`examples`
where present (checked against their own schema), else a sensible value from type, format, enum,
const and default.

`wire_value` decides a JSON value for a type; each target turns such a value into source code
of its own language. Problems with the spec's examples are collected in `warnings`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from generator import graphs, values
from generator.ir import MISSING, Alias, Api, Enum, Field, Model, Named, TypeRef, named_ref

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


def example_sites(api: Api) -> Iterator[tuple[Any, TypeRef, str]]:
    """Every example the spec gives a schema, property or parameter: (example, type, pointer)."""
    named: list[Named] = [*api.models, *api.enums, *api.aliases]
    for n in named:
        if n.example is not MISSING:
            yield n.example, named_ref(n), str(n.loc)
    for m in api.models:
        for f in m.fields:
            if f.example is not MISSING and f.loc is not None:
                yield f.example, f.type, str(f.loc)
    for op in api.operations:
        for i, p in enumerate(op.params):
            if p.example is not MISSING:
                yield p.example, p.type, str(op.loc.child("parameters", i))


class ExampleValues:
    """Example values for one Api; `warnings` lists spec examples that fail their schema.

    `direction` is the way the values travel: in a request a `readOnly` property is left out
    (a `writeOnly` one kept), in a response a `writeOnly` one (a `readOnly` one kept, required
    ones always); without one, both are kept (a model's own page). With `formats`, examples
    and defaults must also be of their schemas' formats (the mock's answers; docs take any string).
    """

    def __init__(self, api: Api, direction: values.Direction = "", formats: bool = False) -> None:
        self.api = api
        self.direction: values.Direction = direction
        self.formats = formats
        self.warnings: list[str] = []
        self._checked: set[str] = set()
        self._stack: list[str] = []
        self._via: set[tuple[str, int]] = set()
        # Model values built outside their reference cycle, by (model, direction): shared, so
        # never mutated (see `_model_value`).
        self._values: dict[tuple[str, values.Direction], Any] = {}
        self._cycles: dict[str, int] | None = None

    # -- validation -----------------------------------------------------------------------

    def _check(self, value: Any, t: TypeRef, pointer: str) -> bool:
        """Whether a spec example fits its schema; warn (once per pointer) when it does not."""
        if values.fits(self.api, value, t, self.direction, formats=self.formats):
            return True  # the common case: no messages to build
        found = values.problems(self.api, value, t, direction=self.direction, formats=self.formats)
        if pointer not in self._checked:
            self._checked.add(pointer)
            more = f" (and {len(found) - 4} more)" if len(found) > 4 else ""
            self.warnings.append(
                f"{pointer}: example does not validate against its schema: " + "; ".join(found[:4]) + more
            )
        return False

    def check_all(self) -> None:
        """Check every example the spec gives (schemas, properties, parameters) once."""
        for example, t, pointer in example_sites(self.api):
            self._check(example, t, pointer)

    @contextmanager
    def directed(self, direction: values.Direction) -> Iterator[None]:
        """Build values travelling `direction` while the block runs."""
        before, self.direction = self.direction, direction
        try:
            yield
        finally:
            self.direction = before

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
        if default is not MISSING and values.fits(self.api, default, t, self.direction, formats=self.formats):
            return default
        return self._build(t, hint)

    def _complete(self, value: Any, t: TypeRef, seen: frozenset[str] = frozenset()) -> Any:
        """Fill in required properties an (otherwise valid) example left to their defaults."""
        if value is None:
            return None
        if t.kind == "alias":
            step = values.follow(self.api, t, seen)
            return self._complete(value, *step) if step is not None else value
        if t.kind == "union":
            arg = values.member(self.api, value, t)
            return self._complete(value, arg, seen) if arg is not None else value
        if t.kind == "list" and isinstance(value, list):
            return [self._complete(v, t.args[0]) for v in value]
        if t.kind == "map" and isinstance(value, dict):
            return {k: self._complete(v, t.args[0]) for k, v in value.items()}
        if t.kind == "model" and isinstance(value, dict):
            model = self._model(t.name)
            out = dict(value)
            for f in model.fields:
                if not values.travels(f, self.direction):
                    out.pop(f.wire, None)
                elif f.wire in out:
                    out[f.wire] = self._complete(out[f.wire], f.type)
                elif f.required and f.type.kind != "literal":
                    out[f.wire] = self.wire_value(f.type, f.example, _pointer(f), f.default, f.wire)
                elif f.required:
                    out[f.wire] = t_literal(f.type)
            return out
        return value

    def _salvage(self, value: Any, t: TypeRef) -> Any:
        """The valid properties of an invalid object example, completed; else MISSING."""
        seen: set[str] = set()
        while t.kind == "alias" and t.name not in seen:  # a cycle of aliases stops at a repeat
            seen.add(t.name)
            t = self._alias(t.name).target
        if t.kind != "model" or not isinstance(value, dict):
            return MISSING
        model = self._model(t.name)
        wires = {f.wire: f for f in model.fields}
        kept = {
            k: v
            for k, v in value.items()
            if (k in wires and values.fits(self.api, v, wires[k].type, self.direction, formats=self.formats))
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
            if enum.example is not MISSING and values.fits(self.api, enum.example, t, formats=self.formats):
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
        # The stack only matters through the types the build meets: none of them is on it when
        # no model or alias being built shares the model's reference cycle (every one on the
        # stack reaches this model, so one this model reaches would share its cycle).
        key = (model.name, self.direction)
        free = self._outside_stack(model.name)
        if free and key in self._values:
            return self._values[key]
        value = self._new_model_value(model)
        if free:
            self._values[key] = value
        return value

    def _outside_stack(self, name: str) -> bool:
        """Whether no model or alias on the stack shares `name`'s reference cycle."""
        if not self._stack:
            return True
        if self._cycles is None:
            self._cycles = graphs.components(self.api)
        cycle = self._cycles.get(name)
        return cycle is not None and all(self._cycles.get(s) != cycle for s in self._stack)

    def _new_model_value(self, model: Model) -> Any:
        if model.example is not MISSING and self._check(model.example, named_ref(model), str(model.loc)):
            return self._complete(model.example, named_ref(model))
        self._stack.append(model.name)
        try:
            out: dict[str, Any] = {}
            for f in model.fields:
                if not values.travels(f, self.direction):
                    continue
                shown = f.example is not MISSING or _has_example(self.api, f.type)
                if f.required or shown:
                    out[f.wire] = self.wire_value(f.type, f.example, _pointer(f), f.default, f.wire)
            return out
        finally:
            self._stack.pop()

    # -- helpers --------------------------------------------------------------------------

    def _model(self, name: str) -> Model:
        named = self.api.named(name)
        assert isinstance(named, Model)
        return named

    def _enum(self, name: str) -> Enum:
        named = self.api.named(name)
        assert isinstance(named, Enum)
        return named

    def _alias(self, name: str) -> Alias:
        named = self.api.named(name)
        assert isinstance(named, Alias)
        return named

    def _pick(self, value: Any, t: TypeRef) -> TypeRef | None:
        """The union member `value` belongs to (the shared checker decides)."""
        return values.member(self.api, value, t)

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


def _pointer(f: Field) -> str:
    """Where a field's example is, for warnings: only formatted when it has one."""
    return str(f.loc) if f.example is not MISSING else ""


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
