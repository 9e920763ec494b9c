"""The model view: IR models, enums and aliases -> what the model templates print.

Each named type becomes one module holding its TypeScript type, the wire-form type
(`X$Outbound`) and two zod schemas: inbound (wire JSON -> SDK value, wire names mapped to
camelCase) and outbound (SDK value -> wire JSON).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator import naming
from generator.ir import Alias, Api, Enum, Model, Named
from generator.targets.typescript.names import TsNames, keeps_extras
from generator.targets.typescript.text import doc_comment, ts_string, ts_value
from generator.targets.typescript.types import TsTypes

EXTRAS_DOC = "Properties the spec does not name, under their wire names as sent."
_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def prop_key(name: str) -> str:
    """An object-literal key for `name` (a `__proto__` key must be computed to stay a key)."""
    if name == "__proto__":
        return '["__proto__"]'
    return name if _IDENT.match(name) else ts_string(name)


def access(obj: str, name: str) -> str:
    """`obj.name`, or `obj["name"]` when `name` is not an identifier."""
    return f"{obj}.{name}" if _IDENT.match(name) else f"{obj}[{ts_string(name)}]"


@dataclass
class PropView:
    """One property: its declaration in both types, its schemas and its mapping."""

    doc: str
    decl: str  # `name?: T | undefined;`
    wire_decl: str  # `"wire"?: T$Outbound | undefined;`
    inbound: str  # `wire: schema,` entry of the inbound object
    outbound: str  # `name: schema,` entry of the outbound object
    to_sdk: str  # entry of the inbound transform's result
    to_wire: str  # entry of the outbound transform's result


@dataclass
class ExtrasView:
    """How a model keeps the properties it does not name: in one record property, wire keys as sent."""

    doc: str
    decl: str  # `additionalProperties?: { [k: string]: T } | undefined;`
    catchall: str  # the inbound object's schema of every other property
    to_sdk: str  # entry of the inbound transform's result
    outbound: str  # the record's entry in the outbound object
    bag: str  # `v.additionalProperties`: what the outbound transform adds to the wire keys


@dataclass
class ModuleView:
    """One model, enum or alias module."""

    kind: str
    name: str
    doc: str
    imports: list[str] = field(default_factory=list)
    lib: list[str] = field(default_factory=list)
    props: list[PropView] = field(default_factory=list)
    strict: bool = False
    extras: ExtrasView | None = None  # a model that keeps the properties it does not name
    open_shape: str = ""  # the type of a model without fields (a free-form object)
    members: list[tuple[str, str]] = field(default_factory=list)
    enum_helper: str = ""
    type_text: str = ""
    wire_type: str = ""
    inbound: str = ""
    outbound: str = ""


def module_views(api: Api, names: TsNames) -> list[tuple[Named, ModuleView]]:
    """A view per named type, in name order."""
    named: list[Named] = sorted([*api.models, *api.enums, *api.aliases], key=lambda n: n.name)
    files = multipart_models(api)
    return [(n, _view(api, names, n, n.name in files)) for n in named]


def multipart_models(api: Api) -> set[str]:
    """The models that are multipart bodies: their `format: binary` fields take file content."""
    return {
        op.body.model
        for op in api.operations
        if op.body is not None and op.body.model and op.body.content_type.startswith("multipart/")
    }


def _view(api: Api, names: TsNames, named: Named, binary: bool) -> ModuleView:
    types = TsTypes(api, names, binary=binary)
    view = ModuleView("", names.type(named.name), doc_comment(named.description))
    if isinstance(named, Model):
        _model(names, named, types, view)
    elif isinstance(named, Enum):
        _enum(named, view)
    else:
        _alias(named, types, view)
    view.lib = sorted(view.lib + sorted(types.helpers))
    for ref in sorted(types.refs - {named.name}):
        view.imports.append(_import(api, names, named, ref))
    return view


def _import(api: Api, names: TsNames, owner: Named, ref: str) -> str:
    target = api.named(ref)
    ts = names.type(ref)
    parts = [ts] + ([] if isinstance(target, Enum) else [f"{ts}$Outbound"])
    parts += [f"{ts}$inboundSchema", f"{ts}$outboundSchema"]
    folder = "./" if target.module == owner.module else f"../{target.module}/"
    return f"import {{ {', '.join(parts)} }} from {ts_string(folder + names.module(ref) + '.js')};"


def _model(names: TsNames, model: Model, types: TsTypes, view: ModuleView) -> None:
    view.kind = "model"
    view.strict = model.extra == "forbid"
    if not model.fields:
        value = types.type(model.extra_type) if model.extra_type is not None else "any"
        view.open_shape = f"{{ [k: string]: {value} }}"
        view.inbound = f"z.record({types.schema(model.extra_type) if model.extra_type else 'z.any()'})"
        view.outbound = f"z.record({types.schema(model.extra_type, True) if model.extra_type else 'z.any()'})"
        return
    props = names.fields(model, model.fields)
    for f in model.fields:
        name, wire = props[f.wire], f.wire
        # zod (like TypeScript) treats a key of type `any` as optional: say so in the types too.
        loose = not f.required or types.type(f.type) == "any"
        mark = "?" if loose else ""
        tail = " | undefined" if not f.required else ""
        inbound = types.schema(f.type) + ("" if f.required else ".optional()")
        if wire in model.json_fields:
            types.helpers.add("jsonText")
            inbound = f"jsonText({inbound})"
        outbound = types.schema(f.type, True) + ("" if f.required else ".optional()")
        if f.required:
            to_sdk = f"{name}: {access('v', wire)},"
            to_wire = f"{prop_key(wire)}: {access('v', name)},"
        else:
            types.helpers.add("opt")
            to_sdk = f"...opt({ts_string(name)}, {access('v', wire)}),"
            to_wire = f"...opt({ts_string(wire)}, {access('v', name)}),"
        view.props.append(
            PropView(
                doc=doc_comment(f.description, "  "),
                decl=f"{name}{mark}: {types.type(f.type)}{tail};",
                wire_decl=f"{prop_key(wire)}{mark}: {types.type(f.type, True)}{tail};",
                inbound=f"{prop_key(wire)}: {inbound},",
                outbound=f"{name}: {outbound},",
                to_sdk=to_sdk,
                to_wire=to_wire,
            )
        )
    if keeps_extras(model):
        view.extras = _extras(names, model, types)


def _extras(names: TsNames, model: Model, types: TsTypes) -> ExtrasView:
    """The record property of a model whose spec allows other properties (`additionalProperties`)."""
    bag = names.extras(model)
    t = model.extra_type
    value = types.type(t) if t is not None else "any"
    types.helpers.update({"extras", "withExtras", "opt"})
    known = "[" + ", ".join(ts_string(f.wire) for f in model.fields) + "]"
    inbound, outbound = (types.schema(t), types.schema(t, True)) if t is not None else ("z.any()", "z.any()")
    return ExtrasView(
        doc=doc_comment(EXTRAS_DOC, "  "),
        decl=f"{prop_key(bag)}?: {{ [k: string]: {value} }} | undefined;",
        catchall=f".catchall({inbound})",
        to_sdk=f"...opt({ts_string(bag)}, extras<{value}>(v, {known})),",
        outbound=f"{prop_key(bag)}: z.record({outbound}).optional(),",
        bag=access("v", bag),
    )


def _enum(enum: Enum, view: ModuleView) -> None:
    view.kind = "enum"
    view.members = [(key, ts_value(m.value)) for key, m in zip(enum_keys(enum), enum.members, strict=True)]
    view.enum_helper = "openEnum" if enum.open else "closedEnum"
    view.lib.append(view.enum_helper)
    view.type_text = "OpenEnum" if enum.open else "ClosedEnum"
    view.lib.append(view.type_text)
    view.lib.append("sameInput")


def enum_keys(enum: Enum) -> list[str]:
    """The keys of an enum's const object: its values in PascalCase, unique."""
    taken = naming.Registry()
    keys = []
    for m in enum.members:
        key = naming.pascal(str(m.value)) or ("Empty" if m.value == "" else "Value")
        keys.append(taken.claim("Value" + key if key[0].isdigit() else key))
    return keys


def _alias(alias: Alias, types: TsTypes, view: ModuleView) -> None:
    view.kind = "alias"
    cyclic = types.direct_cycle(alias.name)
    target = alias.target
    view.type_text = "any" if cyclic else types.type(target)
    view.wire_type = "any" if cyclic else types.type(target, True)
    view.inbound = "z.any()" if cyclic else types.schema(target)
    view.outbound = "z.any()" if cyclic else types.schema(target, True)
