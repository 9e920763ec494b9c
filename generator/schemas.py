"""JSON Schema (OpenAPI 3.0/3.1 dialects) -> IR types, models, enums and aliases.

A two-pass symbol table: every component schema is named before any is converted, so a
reference can be typed before its target is built (recursion needs no special case).
"""

from __future__ import annotations

from collections import deque
from typing import Any

from generator import naming, nodes
from generator.errors import SpecError
from generator.ir import (
    MISSING,
    Alias,
    Enum,
    EnumMember,
    Field,
    Model,
    ModuleKind,
    Named,
    TypeRef,
    named_ref,
)
from generator.load import Loc, Spec, is_data_key

_FORMATS: dict[str, dict[str, str]] = {
    "string": {
        "date-time": "datetime",
        "date": "date",
        "time": "time",
        "uuid": "uuid",
        "binary": "bytes",
        "decimal": "decimal",
    },
    "integer": {},
    "number": {},
}
_PRIMITIVE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
MAX_DEPTH = 1200
_OBJECT_KEYS = ("properties", "additionalProperties", "patternProperties", "required")
# A node's place in the spec: (its key, the parent's place), None above the root.
_Place = tuple[str | int, "_Place"] | None


def _schema_children(
    node: dict[Any, Any], place: _Place, data: dict[Any, bool], nested: Loc
) -> list[tuple[Any, _Place]]:
    """The containers below a node that may hold schemas, with their places."""
    out: list[tuple[Any, _Place]] = []
    for key, value in node.items():
        if isinstance(value, (dict, list)):
            skip = data.get(key)
            if skip is None:
                skip = data[key] = is_data_key(key, nested)
            if not skip:
                out.append((value, (key, place)))
    return out


def _parts(place: _Place) -> list[str | int]:
    """The reference tokens of a place, root first."""
    parts: list[str | int] = []
    while place is not None:
        parts.append(place[0])
        place = place[1]
    return parts[::-1]


class SchemaBuilder:
    """Converts schemas into TypeRefs, registering named types as it meets them."""

    def __init__(self, spec: Spec, registry: naming.Registry, open_enums: bool = True) -> None:
        self.spec = spec
        self._registry = registry
        self.open_enums = open_enums
        self.names: dict[Loc, str] = {}
        self._named: dict[str, Named] = {}  # in build order: the order the IR lists them
        self._notes: list[str] = []
        self._building: set[Loc] = set()
        # Named targets of `$ref`s are built from this queue, not recursively: a chain of
        # thousands of references must not become thousands of stack frames.
        self._queue: deque[tuple[str, Any, Loc, ModuleKind]] = deque()
        self._queued: set[str] = set()
        # Unnamed `$ref` targets being expanded inline: a guard against reference loops.
        self._following: set[Loc] = set()
        self._literals: dict[Loc, dict[str, list[Any]]] = {}
        self._depth = 0

    # -- the public interface the operation builder and `build_api` use -----------------------
    def claim(self, wanted: str) -> str:
        """A class name unique across every named type (`wanted`, else `wanted2`, ...)."""
        return self._registry.claim(wanted)

    def add(self, named: Named) -> None:
        """Record a named type built elsewhere (an operation's stream envelope or union)."""
        assert named.name not in self._named, named.name
        self._named[named.name] = named

    def get(self, name: str) -> Named | None:
        """The named type called `name`, if it is built already."""
        return self._named.get(name)

    def built(self) -> list[Named]:
        """Every named type, in the order it was built."""
        return list(self._named.values())

    def note(self, text: str) -> None:
        """Record a spec feature sdkgen leaves out (printed as a note, never an error)."""
        if text not in self._notes:  # a schema built twice (allOf, a shared $ref) notes once
            self._notes.append(text)

    @property
    def notes(self) -> tuple[str, ...]:
        """The notes recorded so far."""
        return tuple(self._notes)

    # -- pass 1: names -------------------------------------------------------------------
    def register_components(self) -> None:
        """Name every component schema, in spec order, before converting any."""
        schemas = (self.spec.root.get("components") or {}).get("schemas") or {}
        if not isinstance(schemas, dict):
            raise Loc(self.spec.main_file, "/components/schemas").error("must be a mapping")
        base = Loc(self.spec.main_file, "/components/schemas")
        for key in schemas:
            self.names[base.child(key)] = self.claim(naming.class_name(key))
        self._walk_discriminators()

    def _walk_discriminators(self) -> None:
        """Find every discriminated union, inline ones included, in components and paths."""
        root = Loc(self.spec.main_file, "")
        nested = root.child("paths")  # every node below the root is nested (`is_data_key`)
        seen: set[int] = set()
        data: dict[Any, bool] = {}  # whether a key holds data, by key (keys recur everywhere)
        # A node's place is (key, parent's place): its JSON pointer is only joined where a
        # discriminator is found, not for each of the spec's nodes.
        stack: list[tuple[Any, _Place]] = [
            (self.spec.root.get(key), (key, None)) for key in ("paths", "components")
        ]
        while stack:
            node, place = stack.pop()
            if isinstance(node, list):
                stack.extend([(v, (i, place)) for i, v in enumerate(node) if isinstance(v, (dict, list))])
                continue
            if not isinstance(node, dict) or id(node) in seen:
                continue
            seen.add(id(node))
            if "discriminator" in node:
                self._collect_discriminators(node, root.child(*_parts(place)))
            stack.extend(_schema_children(node, place, data, nested))

    def build_components(self) -> None:
        """Convert every component schema (and, through them, their inline schemas)."""
        base = Loc(self.spec.main_file, "/components/schemas")
        schemas = (self.spec.root.get("components") or {}).get("schemas") or {}
        for key, node in schemas.items():
            loc = base.child(key)
            self._build_named(self.names[loc], node, loc, "components")
            self.drain()

    def drain(self) -> None:
        """Build every named schema that references have queued so far."""
        while self._queue:
            name, node, loc, module = self._queue.popleft()
            self._build_named(name, node, loc, module)

    def _collect_discriminators(self, node: Any, loc: Loc) -> None:
        """Record `Literal` values that discriminated unions require of their members."""
        if not isinstance(node, dict):
            return
        disc = node.get("discriminator")
        members = node.get("oneOf") or node.get("anyOf")
        if not isinstance(disc, dict) or not isinstance(members, list):
            return
        prop = disc.get("propertyName")
        if not isinstance(prop, str):
            raise loc.child("discriminator").error("discriminator needs a 'propertyName' string")
        mapping = disc.get("mapping") or {}
        if not isinstance(mapping, dict):
            raise loc.child("discriminator", "mapping").error("'mapping' must be a mapping")
        mapped: set[Loc] = set()
        for value, ref in mapping.items():
            if isinstance(ref, str):
                at = loc.child("discriminator", "mapping", value)
                try:
                    target = self.spec.target(_mapping_ref(ref), at)
                except SpecError as exc:  # a hint only: the union is built from its members
                    self.note(f"{exc.file}#{exc.pointer}: {exc.message}; the value is not mapped")
                    continue
                mapped.add(target)
                self._literals.setdefault(target, {}).setdefault(prop, []).append(value)
        key_name = "oneOf" if node.get("oneOf") else "anyOf"
        for i, member in enumerate(members):
            if isinstance(member, dict) and isinstance(member.get("$ref"), str):
                target = self.spec.target(member["$ref"], loc.child(key_name, i))
                if target not in mapped and target in self.names:
                    value = _fixed_value(self.spec.get(target), prop)
                    if value is MISSING:  # the spec's rule: the schema's name is the value
                        value = target.pointer.rsplit("/", 1)[-1]
                    self._literals.setdefault(target, {}).setdefault(prop, []).append(value)

    # -- named types -----------------------------------------------------------------------
    def _build_named(self, name: str, node: Any, loc: Loc, module: ModuleKind) -> None:
        if name in self._named or loc in self._building:
            return
        self._building.add(loc)
        try:
            built = self._convert_named(name, node, loc, module)
        finally:
            self._building.discard(loc)
        self._named[name] = built

    def _convert_named(self, name: str, node: Any, loc: Loc, module: ModuleKind) -> Named:
        description = nodes.text(node, "description") or nodes.text(node, "title")
        example = nodes.example(node)
        if not isinstance(node, dict):
            return Alias(name, module, description, TypeRef("any"), loc, example)
        if "$ref" in node and len(set(node) - {"description", "title", "$ref"}) == 0:
            return Alias(name, module, description, self.type_of(node, loc, name), loc, example)
        nullable = _nullable(node)
        if _is_enum(node):
            return self._enum(name, node, loc, module, description, example)
        if self._is_object(node, loc):
            return self.model(name, node, loc, module, description, example)
        target = self._type_body(node, loc, name)
        return Alias(
            name, module, description, target.with_nullable(nullable or target.nullable), loc, example
        )

    def _is_object(self, node: dict[str, Any], loc: Loc, seen: frozenset[int] = frozenset()) -> bool:
        if isinstance(node.get("allOf"), list):
            if id(node) in seen:  # `A: {allOf: [$ref A]}` says nothing about A's shape
                return False
            inner = seen | {id(node)}
            return any(self._is_object_like(m, loc, inner) for m in node["allOf"])
        if node.get("oneOf") or node.get("anyOf"):
            return bool(node.get("properties"))
        types = _types(node)
        if "object" in types or (not types and any(k in node for k in _OBJECT_KEYS)):
            props, extra = node.get("properties"), node.get("additionalProperties")
            only_map = not props and isinstance(extra, dict) and extra != {}
            return not only_map and not node.get("patternProperties")
        return False

    def _is_object_like(self, member: Any, loc: Loc, seen: frozenset[int]) -> bool:
        if isinstance(member, dict) and "$ref" in member:
            member, loc = self.spec.deref(member, loc)
        return isinstance(member, dict) and (self._is_object(member, loc, seen) or "properties" in member)

    def model(
        self, name: str, node: dict[str, Any], loc: Loc, module: ModuleKind, description: str, example: Any
    ) -> Model:
        """Convert an object schema (allOf members merged) into a Model."""
        props: dict[str, tuple[Any, Loc]] = {}
        required: set[str] = set()
        extra: Any = True
        declared = False
        for part, part_loc in self._flatten_all_of(node, loc, set()):
            for key, sub in (part.get("properties") or {}).items():
                props[key] = (sub, part_loc.child("properties", key))
            req = part.get("required") or []
            required.update(r for r in req if isinstance(r, str))
            if "additionalProperties" in part:
                extra = part["additionalProperties"]
                declared = True
            if not description:
                description = nodes.text(part, "description")
            if example is MISSING:
                example = nodes.example(part)
        literals = self._literals.get(loc, {})
        fields = self._fields(name, props, required, literals)
        extra_mode: Any = "forbid" if extra is False else "allow"
        extra_type = None
        if isinstance(extra, dict) and extra:
            extra_type = self.type_of(extra, loc.child("additionalProperties"), name + "Value")
        return Model(
            name,
            module,
            description,
            fields,
            loc,
            extra_mode,
            extra_type,
            example,
            deprecated=bool(node.get("deprecated")),
            extra_declared=declared and extra is not False,
        )

    def _flatten_all_of(
        self, node: dict[str, Any], loc: Loc, seen: set[Loc]
    ) -> list[tuple[dict[str, Any], Loc]]:
        if loc in seen:
            return []
        seen.add(loc)
        parts: list[tuple[dict[str, Any], Loc]] = []
        for i, member in enumerate(node.get("allOf") or []):
            member_loc = loc.child("allOf", i)
            if isinstance(member, dict) and "$ref" in member:
                member, member_loc = self.spec.deref(member, member_loc)
            if isinstance(member, dict):
                parts.extend(self._flatten_all_of(member, member_loc, seen))
        parts.append((node, loc))
        return parts

    def _fields(
        self,
        owner: str,
        props: dict[str, tuple[Any, Loc]],
        required: set[str],
        literals: dict[str, list[Any]],
    ) -> tuple[Field, ...]:
        fields = []
        for wire, (sub, sub_loc) in props.items():
            if nodes.flag(sub, "x-speakeasy-ignore"):
                self.note(f"{sub_loc}: x-speakeasy-ignore: the property is not generated")
                continue
            hint = owner + naming.pascal(wire)
            if wire in literals:
                ftype = TypeRef("literal", values=tuple(dict.fromkeys(literals[wire])))
            else:
                ftype = self.type_of(sub, sub_loc, hint)
            own = nodes.text(sub, "description")
            fields.append(
                Field(
                    wire=wire,
                    type=ftype,
                    required=wire in required,
                    description=own,
                    doc=own or self.description_of(sub, sub_loc),
                    default=nodes.default(sub),
                    example=nodes.example(sub),
                    deprecated=nodes.flag(sub, "deprecated"),
                    read_only=nodes.flag(sub, "readOnly"),
                    write_only=nodes.flag(sub, "writeOnly"),
                    loc=sub_loc,
                    name_override=nodes.text(sub, "x-speakeasy-name-override"),
                    error_message=nodes.flag(sub, "x-speakeasy-error-message"),
                )
            )
        return tuple(fields)

    def description_of(self, node: Any, loc: Loc) -> str:
        """The description of a schema, following `$ref`s and single-member wrappers."""
        for _ in range(32):
            if not isinstance(node, dict):
                return ""
            if nodes.text(node, "description"):
                return nodes.text(node, "description")
            if "$ref" in node:
                node, loc = self.spec.deref(node, loc)
                continue
            members = [
                m
                for m in (node.get("oneOf") or node.get("anyOf") or node.get("allOf") or [])
                if not _is_null_schema(m)
            ]
            if len(members) != 1:
                return ""
            node = members[0]
        return ""

    def _enum(
        self, name: str, node: dict[str, Any], loc: Loc, module: ModuleKind, description: str, example: Any
    ) -> Enum:
        values = [v for v in _unique(node["enum"]) if v is not None]
        kind: Any = _enum_kind(values) or "str"
        members = [EnumMember(value) for value in values]
        flag = node.get("x-sdkgen-enum")
        # Speakeasy's enums are closed unless `x-speakeasy-unknown-values: allow` opens one.
        unknown = node.get("x-speakeasy-unknown-values")
        if unknown == "allow" and flag not in ("open", "closed"):
            flag = "open"
        elif unknown is not None and unknown != "allow":
            self.note(f"{loc.child('x-speakeasy-unknown-values')}: only `allow` is defined; ignored")
        is_open = self.open_enums if flag not in ("open", "closed") else flag == "open"
        return Enum(name, module, description, tuple(members), kind, is_open, loc, example)

    # -- types -------------------------------------------------------------------------------
    def type_of(self, node: Any, loc: Loc, hint: str) -> TypeRef:
        """The type of a schema found at `loc`; inline objects and enums are named `hint`."""
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise loc.error(f"schema nesting deeper than {MAX_DEPTH} levels")
            if node is True or node == {} or node is None:
                return TypeRef("any")
            if not isinstance(node, dict):
                if node is False:
                    return TypeRef("any")
                raise loc.error(f"a schema must be a mapping, found {type(node).__name__}")
            if isinstance(node.get("$ref"), str):
                return self._ref(node, loc, hint)
            if _is_enum(node):
                return self._inline_named(node, loc, hint)
            if self._is_object(node, loc):
                return self._inline_named(node, loc, hint)
            return self._type_body(node, loc, hint)
        finally:
            self._depth -= 1

    def _ref(self, node: dict[str, Any], loc: Loc, hint: str) -> TypeRef:
        target = self.spec.target(node["$ref"], loc.child("$ref"))
        nullable = _nullable(node)
        if target not in self.names and self._nameable(target):
            token = target.pointer.rsplit("/", 1)[-1] or target.file.rsplit("/", 1)[-1].split(".")[0]
            self.names[target] = self.claim(naming.class_name(token))
        if target in self.names:
            name = self.names[target]
            target_node = self.spec.get(target)
            module: ModuleKind = "components"
            built = self._named.get(name)
            if built is None and name not in self._queued:
                self._queued.add(name)
                self._queue.append((name, target_node, target, module))
            kind: Any = named_ref(built).kind if built else self._pending_kind(target_node, target)
            # Enum and Model carry no nullability of their own: the reference takes it on.
            nullable = nullable or (kind in ("enum", "model") and _nullable(target_node))
            return TypeRef(kind, name, nullable=nullable)
        if target in self._following:
            return TypeRef("any", nullable=nullable)
        self._following.add(target)
        try:
            resolved = self.type_of(self.spec.get(target), target, hint)
        finally:
            self._following.discard(target)
        return resolved.with_nullable(nullable or resolved.nullable)

    def _nameable(self, target: Loc) -> bool:
        parts = target.pointer.split("/")
        return (
            (len(parts) == 4 and parts[1] == "components" and parts[2] == "schemas")
            or (target.file != self.spec.main_file and len(parts) <= 2)
            or (len(parts) == 3 and parts[1] in ("definitions", "$defs"))
        )

    def _pending_kind(self, node: Any, loc: Loc) -> Any:
        if not isinstance(node, dict):
            return "alias"
        if _is_enum(node):
            return "enum"
        return "model" if self._is_object(node, loc) else "alias"

    def _inline_named(self, node: dict[str, Any], loc: Loc, hint: str) -> TypeRef:
        if loc not in self.names:
            self.names[loc] = self.claim(naming.class_name(hint))
        name = self.names[loc]
        module: ModuleKind = "operations" if "/paths/" in loc.pointer else "components"
        self._build_named(name, node, loc, module)
        built = self._named.get(name)
        kind: Any = "enum" if isinstance(built, Enum) else "model"
        if built is None:
            kind = self._pending_kind(node, loc)
        return TypeRef(kind, name, nullable=_nullable(node))

    def _type_body(self, node: dict[str, Any], loc: Loc, hint: str) -> TypeRef:
        nullable = _nullable(node)
        if "const" in node:
            if node["const"] is None:
                return TypeRef("null", nullable=True)
            if isinstance(node["const"], list | dict):  # no Literal can hold a structure
                return TypeRef("any")
            return TypeRef("literal", values=(node["const"],), nullable=nullable)
        if isinstance(node.get("enum"), list) and node["enum"]:
            if any(isinstance(v, list | dict) for v in node["enum"]):
                return TypeRef("any")
            values = tuple(_unique(node["enum"]))
            non_null = tuple(v for v in values if v is not None)
            if not non_null:
                return TypeRef("null", nullable=True)
            return TypeRef("literal", values=non_null, nullable=nullable or None in values)
        for key in ("oneOf", "anyOf"):
            if isinstance(node.get(key), list) and node[key]:
                return self._union(node, key, loc, hint)
        if isinstance(node.get("allOf"), list) and node["allOf"]:
            members = [m for m in node["allOf"] if not _is_null_schema(m)]
            if len(members) == 1:
                inner = self.type_of(members[0], loc.child("allOf", node["allOf"].index(members[0])), hint)
                return inner.with_nullable(nullable or inner.nullable)
        types = [t for t in _types(node) if t != "null"]
        if len(types) > 1:
            args = tuple(self._single(dict(node, type=t), loc, hint) for t in types)
            return TypeRef("union", args=args, nullable=nullable)
        return self._single(node, loc, hint).with_nullable(nullable)

    def _single(self, node: dict[str, Any], loc: Loc, hint: str) -> TypeRef:
        types = [t for t in _types(node) if t != "null"]
        kind = types[0] if types else ""
        if kind in _PRIMITIVE:
            fmt = str(node.get("format") or "")
            mapped: Any = _FORMATS.get(kind, {}).get(fmt, _PRIMITIVE[kind])
            return TypeRef(mapped, format=fmt)
        if kind == "array" or (not kind and "items" in node):
            item = node.get("items", True)
            if isinstance(item, list):  # 3.0 tuple form / prefixItems-like: accept any member
                return TypeRef("list", args=(TypeRef("any"),))
            return TypeRef("list", args=(self.type_of(item, loc.child("items"), hint),))
        if kind == "object" or any(k in node for k in _OBJECT_KEYS):
            values = [node.get("additionalProperties", True)]
            values += list((node.get("patternProperties") or {}).values())
            typed = [v for v in values if isinstance(v, dict) and v]
            if len(typed) == 1:
                extra_loc = loc.child("additionalProperties")
                return TypeRef("map", args=(self.type_of(typed[0], extra_loc, hint + "Value"),))
            return TypeRef("map", args=(TypeRef("any"),))
        if kind == "null" or node.get("type") == "null":
            return TypeRef("null", nullable=True)
        return TypeRef("any")

    def _union(self, node: dict[str, Any], key: str, loc: Loc, hint: str) -> TypeRef:
        members = node[key]
        nullable = _nullable(node) or any(_is_null_schema(m) for m in members)
        args: list[TypeRef] = []
        weight: dict[TypeRef, int] = {}
        for i, member in enumerate(members):
            if _is_null_schema(member):
                continue
            title = nodes.text(member, "title")
            member_hint = hint + (naming.pascal(title) if title else _member_suffix(member, i))
            member_type = self.type_of(member, loc.child(key, i), member_hint)
            nullable = nullable or member_type.nullable
            member_type = member_type.with_nullable(False)
            if member_type not in args:
                args.append(member_type)
                weight[member_type] = self._specificity(member, loc.child(key, i))
        if not args:
            return TypeRef("null", nullable=True)
        if len(args) == 1:
            return args[0].with_nullable(nullable)
        disc = node.get("discriminator")
        prop = disc.get("propertyName", "") if isinstance(disc, dict) else ""
        prop = prop or self._inferred_discriminator(members, loc.child(key))
        if prop and not all(a.kind == "model" for a in args):
            prop = ""
        if prop and isinstance(disc, dict) and self._tag_clash(members, key, prop, loc):
            prop = ""
        if any(a.kind == "any" for a in args):
            return TypeRef("any", nullable=nullable)
        if not prop:  # first match wins (zod, pydantic's fallback): the most specific model first
            slots = [i for i, a in enumerate(args) if a.kind == "model"]
            ordered = sorted((args[i] for i in slots), key=lambda a: -weight[a])
            for i, arg in zip(slots, ordered, strict=True):
                args[i] = arg
        return TypeRef("union", args=tuple(args), nullable=nullable, discriminator=prop)

    def _tag_clash(self, members: list[Any], key: str, prop: str, loc: Loc) -> bool:
        """Whether two members of a declared discriminated union carry one tag value (OpenAI's
        realtime items: three `message` members told apart by `role`); noted, and the union is
        then matched member by member."""
        owner: dict[Any, Loc] = {}
        for i, member in enumerate(members):
            at = loc.child(key, i)
            if isinstance(member, dict) and isinstance(member.get("$ref"), str):
                at = self.spec.target(member["$ref"], at)
                values = set(self._literals.get(at, {}).get(prop, ()))
            else:
                values = set()
            values = values or {self._member_tags(member, at).get(prop)} - {None}
            for value in values:
                if owner.setdefault(value, at) != at:
                    self.note(
                        f"{loc.child('discriminator')}: {prop} {value!r} names more than one member; "
                        "the union is matched member by member"
                    )
                    return True
        return False

    def _specificity(self, member: Any, loc: Loc) -> int:
        """How much a member demands: its required properties plus its fixed tags."""
        required, tags = self._member_shape(member, loc)
        return len(required) + len(tags)

    def _inferred_discriminator(self, members: list[Any], loc: Loc) -> str:
        """A required property every member fixes to a distinct value, else ""."""
        return distinct_tag(
            [self._member_tags(m, loc.child(i)) for i, m in enumerate(members) if not _is_null_schema(m)]
        )

    def _member_tags(self, member: Any, loc: Loc) -> dict[str, str]:
        """The required properties a member schema (allOf merged) fixes to one string."""
        return self._member_shape(member, loc)[1]

    def _member_shape(self, member: Any, loc: Loc) -> tuple[set[str], dict[str, str]]:
        """A member's required properties and those it fixes to one string (allOf merged)."""
        if isinstance(member, dict) and "$ref" in member:
            member, loc = self.spec.deref(member, loc)
        if not isinstance(member, dict):
            return set(), {}
        props: dict[str, Any] = {}
        required: set[str] = set()
        for part, _ in self._flatten_all_of(member, loc, set()):
            props.update(part.get("properties") or {})
            required.update(r for r in part.get("required") or [] if isinstance(r, str))
        fixed = {k: nodes.fixed_string(v) for k, v in props.items() if k in required}
        return required, {k: v for k, v in fixed.items() if v is not None}


# -- schema helpers -------------------------------------------------------------------------


def distinct_tag(tags: list[dict[str, Any]]) -> str:
    """The first property that every member's tags fix to a value no other member has, else ""."""
    if len(tags) < 2:
        return ""
    for prop in tags[0]:
        values = [t.get(prop) for t in tags]
        if None not in values and len(set(values)) == len(values):
            return prop
    return ""


def _fixed_value(node: Any, prop: str) -> Any:
    """The one value a member schema itself fixes for `prop` (`const` or a one-value enum)."""
    props = node.get("properties") if isinstance(node, dict) else None
    value = nodes.fixed_string(props.get(prop) if isinstance(props, dict) else None)
    return MISSING if value is None else value


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _nullable(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    if node.get("nullable") is True or "null" in _types(node):
        return True
    if isinstance(node.get("enum"), list) and None in node["enum"]:
        return True
    for key in ("oneOf", "anyOf"):
        members = node.get(key)
        if members and any(_is_null_schema(m) for m in members):
            return True
    return False


def _is_null_schema(node: Any) -> bool:
    return isinstance(node, dict) and (
        node.get("type") == "null"
        or ("const" in node and node["const"] is None)
        or node.get("enum") == [None]
    )


def _is_enum(node: dict[str, Any]) -> bool:
    """An enum class; a single value is a `Literal` tag instead (an open enum would accept any)."""
    if "enum" not in node or _enum_kind(node["enum"]) is None:
        return False
    return len([v for v in _unique(node["enum"]) if v is not None]) > 1


def _enum_kind(values: Any) -> str | None:
    if not isinstance(values, list):
        return None
    present = [v for v in values if v is not None]
    if not present:
        return None
    if all(isinstance(v, str) for v in present):
        return "str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    return None  # mixed, boolean or structured values: a Literal union instead


def _unique(values: list[Any]) -> list[Any]:
    """Distinct enum values in order; `1`, `1.0` and `True` stay distinct, as in JSON."""
    seen: dict[tuple[str, Any], Any] = {}
    for value in values:
        value = _hashable(value)
        seen.setdefault((type(value).__name__, value), value)
    return list(seen.values())


def _hashable(value: Any) -> Any:
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, sort_keys=True)
    return value


def _mapping_ref(ref: str) -> str:
    """A discriminator mapping value: a `$ref`, or (OpenAPI shorthand) a bare schema name."""
    if "#" in ref or "/" in ref or ref.endswith((".yaml", ".yml", ".json")):
        return ref
    return f"#/components/schemas/{ref}"


def _member_suffix(member: Any, index: int) -> str:
    """Name an untitled inline union member by what it is, not by its position."""
    if isinstance(member, dict):
        if "enum" in member:
            return "Enum"
        if "properties" in member or member.get("type") == "object":
            return "Object"
        if isinstance(member.get("type"), str):
            return naming.pascal(member["type"])
    return f"Option{index + 1}"
