"""IR types -> TypeScript type text and zod schema expressions, both directions.

Inbound values are what the server sends (wire names, JSON); outbound schemas take the SDK's
TypeScript values (camelCase properties, `Date`s) and give the wire form. Every named type a
module refers to is recorded in `refs` for its imports.
"""

from __future__ import annotations

from typing import Any

from generator.ir import Alias, Api, Model, TypeRef
from generator.targets.typescript.names import TsNames
from generator.targets.typescript.text import ts_string, ts_value

_SCALARS = {
    "str": "string",
    "uuid": "string",
    "date": "string",
    "time": "string",
    "bytes": "string",
    "decimal": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "datetime": "Date",
    "any": "any",
    "null": "null",
}
_ZOD = {
    "str": "z.string()",
    "uuid": "z.string()",
    "date": "z.string()",
    "time": "z.string()",
    "bytes": "z.string()",
    "int": "z.number()",
    "float": "z.number()",
    "bool": "z.boolean()",
    "any": "z.any()",
    "null": "z.null()",
}
NAMED = ("model", "enum", "alias")
BINARY = "Blob | Uint8Array | string"  # what a multipart body's file part takes


class TsTypes:
    """Type text and schemas for one module; `refs` collects the named types it uses."""

    def __init__(self, api: Api, names: TsNames, qualified: bool = False, binary: bool = False) -> None:
        self.api = api
        self.names = names
        self.qualified = qualified  # `components.X` (client modules import the namespaces)
        self.binary = binary  # `format: binary` is file content (a multipart body's), not text
        self.refs: set[str] = set()
        self.helpers: set[str] = set()

    # -- type text -----------------------------------------------------------------------

    def type(self, t: TypeRef, outbound: bool = False) -> str:
        """The TypeScript type of `t` (`| null` when nullable)."""
        text = self._bare(t, outbound)
        if t.nullable and text not in ("any", "null"):
            text = f"{text} | null"
        return text

    def _bare(self, t: TypeRef, outbound: bool) -> str:
        kind = t.kind
        if kind == "bytes" and self.binary:
            return BINARY
        if kind in _SCALARS:
            return "string" if outbound and kind == "datetime" else _SCALARS[kind]
        if kind in NAMED:
            if kind == "alias" and self.direct_cycle(t.name):
                return "any"
            self.refs.add(t.name)
            name = self.name(t.name)
            return f"{name}$Outbound" if outbound and kind != "enum" else name
        if kind == "list":
            return f"Array<{self.type(t.args[0], outbound)}>"
        if kind == "map":
            return f"{{ [k: string]: {self.type(t.args[0], outbound)} }}"
        if kind == "literal":
            return " | ".join(dict.fromkeys(ts_value(v) for v in t.values)) or "never"
        if kind == "union":
            members = [self.type(a, outbound) for a in t.args]
            if "any" in members:
                return "any"
            return " | ".join(dict.fromkeys(members))
        raise AssertionError(kind)

    def name(self, ir_name: str) -> str:
        """A named type's TypeScript name, namespace-qualified in client modules."""
        self.refs.add(ir_name)
        ts = self.names.type(ir_name)
        return f"{self.api.named(ir_name).module}.{ts}" if self.qualified else ts

    def direct_cycle_ref(self, t: TypeRef) -> bool:
        """Whether `t` is an alias with no finite type (rendered as `any`)."""
        return t.kind == "alias" and self.direct_cycle(t.name)

    def direct_cycle(self, name: str) -> bool:
        """Whether an alias reaches itself through unions and aliases only (no finite type)."""
        seen: set[str] = set()
        todo = [TypeRef("alias", name)]
        while todo:
            t = todo.pop()
            if t.kind == "union":
                todo.extend(t.args)
            elif t.kind == "alias":
                if t.name in seen:
                    if t.name == name:
                        return True
                    continue
                seen.add(t.name)
                target = self.api.named(t.name)
                assert isinstance(target, Alias)
                todo.append(target.target)
        return False

    # -- zod schemas ---------------------------------------------------------------------

    def schema(self, t: TypeRef, outbound: bool = False) -> str:
        """A zod schema for `t`: inbound parses wire JSON, outbound serialises SDK values."""
        text = self._schema(t, outbound)
        if t.nullable and t.kind not in ("any", "null"):
            text = f"{text}.nullable()"
        return text

    def _schema(self, t: TypeRef, outbound: bool) -> str:
        kind = t.kind
        if kind == "bytes" and self.binary:
            self.helpers.add("binary")
            return "binary"
        if kind in _ZOD:
            return _ZOD[kind]
        if kind == "decimal":
            self.helpers.add("decimal")
            return "decimal"
        if kind == "datetime":
            self.helpers.add("dateTimeOut" if outbound else "dateTimeIn")
            return "dateTimeOut" if outbound else "dateTimeIn"
        if kind in NAMED:
            if kind == "alias" and self.direct_cycle(t.name):
                return "z.any()"
            self.refs.add(t.name)
            suffix = "$outboundSchema" if outbound else "$inboundSchema"
            return f"z.lazy(() => {self.name(t.name)}{suffix})"
        if kind == "list":
            return f"z.array({self.schema(t.args[0], outbound)})"
        if kind == "map":
            return f"z.record({self.schema(t.args[0], outbound)})"
        if kind == "literal":
            return _literals(t.values)
        if kind == "union":
            return self._union(t, outbound)
        raise AssertionError(kind)

    def _union(self, t: TypeRef, outbound: bool) -> str:
        if any(a.kind == "any" for a in t.args):
            return "z.any()"
        tags = self.discriminator(t)
        if tags is not None:
            prop, by_tag = tags
            self.helpers.add("discriminated")
            wire_or_camel = prop[1] if outbound else prop[0]
            entries = ", ".join(f"{ts_string(k)}: {self.schema(v, outbound)}" for k, v in by_tag)
            return f"discriminated({ts_string(wire_or_camel)}, {{ {entries} }})"
        members = list(dict.fromkeys(self.schema(a, outbound) for a in t.args))
        return members[0] if len(members) == 1 else "z.union([" + ", ".join(members) + "])"

    def discriminator(self, t: TypeRef) -> tuple[tuple[str, str], list[tuple[str, TypeRef]]] | None:
        """((wire, camel) property, [(tag, member)]) when every member has a required literal tag."""
        if not t.discriminator:
            return None
        props: set[str] = set()
        by_tag: list[tuple[str, TypeRef]] = []
        for arg in t.args:
            model = self.api.named(arg.name) if arg.kind == "model" else None
            if not isinstance(model, Model):
                return None
            f = next((f for f in model.fields if f.wire == t.discriminator), None)
            if f is None or f.type.kind != "literal" or not f.required:
                return None
            if not all(isinstance(v, str) for v in f.type.values):
                return None
            props.add(self.names.fields(model, model.fields)[f.wire])
            by_tag.extend((str(v), arg) for v in f.type.values)
        tags = [tag for tag, _ in by_tag]
        if len(props) != 1 or len(set(tags)) != len(tags):
            return None
        return (t.discriminator, props.pop()), by_tag


def _literals(values: tuple[Any, ...]) -> str:
    parts = ["z.null()" if v is None else f"z.literal({ts_value(v)})" for v in values]
    if not parts:
        return "z.never()"
    return parts[0] if len(parts) == 1 else "z.union([" + ", ".join(parts) + "])"
