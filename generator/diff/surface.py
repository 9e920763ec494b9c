"""The public API of the Python SDK for one IR: every name user code can touch.

Each entry is keyed by how user code spells it (`client.chat.create(model=)`,
`components.Message.role`), carries the type a caller sees as a term, the facts whose
change matters at run time (`props`) and the prose that only documents it (`docs`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from generator.diff import pynames
from generator.diff.terms import NONE, Term, dual_term, stream_term, term, with_none
from generator.ir import Api, Enum, Field, Model, Operation, Param, Resource, TypeRef
from generator.targets.python import streams
from generator.targets.python.client import ArgAnnotator
from generator.targets.python.types import Annotator, default_source

Kind = Literal[
    "resource", "method", "arg", "model", "field", "enum", "member", "alias", "auth", "server", "error"
]
Role = Literal["in", "out", "both", ""]
_JSON = ("application/json",)


@dataclass(frozen=True)
class Entry:
    """One public name of the SDK and what can change about it."""

    kind: Kind
    key: str
    parent: str = ""  # the key of the entry this one belongs to
    wire: str = ""  # its identity in the spec, to tell a rename from a removal
    annotation: str = ""
    term: Term | None = None
    role: Role = ""  # arguments flow in, return values out, model fields both ways
    required: bool = False
    props: tuple[tuple[str, Any], ...] = ()
    docs: tuple[tuple[str, str], ...] = ()


Surface = dict[str, Entry]


def surface(api: Api) -> Surface:
    """Every public name of the Python SDK generated from `api`."""
    out: Surface = {}
    _client(api, out)
    for resource in api.resources:
        _resource(api, resource, out)
    for model in api.models:
        _model(api, model, out)
    for enum in api.enums:
        _enum(api, enum, out)
    ann = Annotator(api, pynames.names(api))
    for alias in api.aliases:
        t, annotation = term(api, alias.target), ann.annotation(alias.target)
        entry = Entry("alias", f"{alias.module}.{alias.name}", annotation=annotation, term=t, role="both")
        _add(out, _with_docs(entry, description=alias.description))
    return out


def _add(out: Surface, entry: Entry) -> None:
    out[entry.key] = entry


def _with_docs(entry: Entry, **docs: str) -> Entry:
    return replace(entry, docs=tuple((k, v) for k, v in docs.items() if v))


def _client(api: Api, out: Surface) -> None:
    servers = ", ".join(api.servers)
    default = api.servers[0] if api.servers else "http://localhost"
    entry = Entry("server", "client(server_url=)", props=(("default", default), ("servers", servers)))
    # The title and description are the client class's docstring.
    _add(out, _with_docs(entry, title=api.title, description=api.description))
    for scheme in api.security:
        param = pynames.auth_param(api, scheme)
        props = (
            ("env", pynames.auth_env(api, scheme)),
            ("kind", scheme.kind),
            ("sent in", f"{scheme.location} {scheme.header}"),
        )
        entry = Entry("auth", f"client({param}=)", wire=scheme.key, props=props)
        _add(out, _with_docs(entry, description=scheme.description))


def _resource(api: Api, resource: Resource, out: Surface) -> None:
    attr = pynames.resource_attr(api, resource)
    key = f"client.{attr}" if attr else "client"
    if attr:
        entry = Entry("resource", key, wire=resource.tag, props=(("class", resource.class_name),))
        _add(out, _with_docs(entry, description=resource.description))
    ann = ArgAnnotator(api, pynames.names(api))
    for op in resource.operations:
        # Untagged methods sit on the client itself: no resource entry to belong to.
        _method(api, op, f"{key}.{pynames.method_name(api, op)}", key if attr else "", ann, out)


def _method(api: Api, op: Operation, key: str, parent: str, ann: ArgAnnotator, out: Surface) -> None:
    annotation, t = _returns(api, op)
    endpoint = f"{op.http_method.upper()} {op.endpoint}"
    entry = Entry("method", key, parent, endpoint, annotation, t, "out", props=(("endpoint", endpoint),))
    _add(
        out,
        _with_docs(entry, summary=op.summary, description=op.description, deprecated=_flag(op.deprecated)),
    )
    for arg in _args(api, op, key, ann):
        _add(out, arg)
    for r in op.responses:
        if r.error_class:
            model = (
                r.type.name
                if r.type is not None and r.type.kind == "model" and r.content_type in _JSON
                else ""
            )
            props = (("class", r.error_class), ("body", model or "-"))
            _add(out, Entry("error", f"{key} raises {r.status}", key, props=props))


def _flag(value: bool) -> str:
    return "yes" if value else ""


def _returns(api: Api, op: Operation) -> tuple[str, Term]:
    """The return annotation and term, as the client view decides them."""
    if op.stream is not None:
        item = streams.item_annotation(api, op.stream)
        stream = f"EventStream[{item}]", stream_term(op.stream.model, item != op.stream.model)
        if op.dual is None:
            return stream
        whole = _returns(api, replace(op, success=op.dual.response, stream=None, dual=None))
        return f"{whole[0]} | {stream[0]}", dual_term(whole[1], stream[1])
    success = op.success
    if success is None or success.type is None:
        return "None", NONE
    t = success.type
    json_body = success.content_type in _JSON or success.content_type.endswith("+json")
    if not json_body and t.kind == "str":
        return "str", term(api, t)
    return Annotator(api, pynames.names(api)).annotation(t), term(api, t)


def _args(api: Api, op: Operation, method: str, ann: ArgAnnotator) -> list[Entry]:
    """Keyword arguments in signature order: body fields (or the raw body), then parameters."""
    out = []
    body = op.body
    if body is not None and body.fields:
        flag = op.dual.flag if op.dual is not None else None
        for f in body.fields:
            if f.wire == flag:  # a dual-mode method's flag: `bool = False`, as the client has it
                name = pynames.body_field(api, op, f)
                f = replace(f, type=TypeRef("bool"))
                out.append(_arg(api, ann, method, name, f"body:{f.wire}", f, False, "False"))
            elif not f.read_only:  # the server sets these; the client view leaves them out
                name = pynames.body_field(api, op, f)
                out.append(_arg(api, ann, method, name, f"body:{f.wire}", f, f.required, None))
    elif body is not None:
        raw = Field("", body.type, body.required, description=body.description)
        out.append(_arg(api, ann, method, "request_body", "body", raw, body.required, None))
    for p in op.params:
        out.append(_param(api, ann, op, method, p))
    return out


def _param(api: Api, ann: ArgAnnotator, op: Operation, method: str, p: Param) -> Entry:
    as_field = Field(p.wire, p.type, p.required, description=p.description, default=p.default)
    default = default_source(as_field, api, pynames.names(api))
    # A required non-path parameter with a usable spec default is an optional keyword.
    keeps_default = p.required and p.default is not None and default is not None and p.location != "path"
    name = pynames.param_arg(api, op, p)
    return _arg(
        api, ann, method, name, f"{p.location}:{p.wire}", as_field, p.required and not keeps_default, default
    )


def _arg(
    api: Api,
    ann: ArgAnnotator,
    method: str,
    name: str,
    wire: str,
    f: Field,
    required: bool,
    default: str | None,
) -> Entry:
    # Optional arguments also take UNSET; callers pass the value type, so `| Unset` is left out.
    props = (("default", default if default is not None else "-"), ("sent as", wire))
    entry = Entry(
        "arg",
        f"{method}({name}=)",
        method,
        wire,
        ann.annotation(f.type),
        term(api, f.type, arg=True),
        "in",
        required,
        props,
    )
    return _with_docs(entry, description=f.description, deprecated=_flag(f.deprecated))


def _model(api: Api, model: Model, out: Surface) -> None:
    key = f"{model.module}.{model.name}"
    props = (("extra", model.extra),)
    _add(
        out,
        _with_docs(
            Entry("model", key, props=props),
            description=model.description,
            deprecated=_flag(model.deprecated),
        ),
    )
    ann = Annotator(api, pynames.names(api))
    for f in model.fields:
        _add(out, _field(api, model, f, key, ann))


def _field(api: Api, model: Model, f: Field, parent: str, ann: Annotator) -> Entry:
    """A model attribute: read as its annotation, passed to the constructor by its wire name."""
    annotation, t = ann.annotation(f.type), term(api, f.type)
    default = default_source(f, api, pynames.names(api))
    if default is None and not f.required:
        default = "None"
    # The model view widens an optional field defaulting to None with `| None`.
    if not f.required and default == "None" and not f.type.nullable and annotation not in ("Any", "None"):
        annotation, t = f"{annotation} | None", with_none(t)
    props = (("constructor keyword", f.wire), ("default", default or "-"))
    key = f"{parent}.{pynames.field_attr(api, model, f)}"
    entry = Entry("field", key, parent, f.wire, annotation, t, "both", default is None, props)
    return _with_docs(entry, description=f.description, deprecated=_flag(f.deprecated))


def _enum(api: Api, enum: Enum, out: Surface) -> None:
    key = f"{enum.module}.{enum.name}"
    props = (("open", "open" if enum.open else "closed"), ("base", enum.base))
    _add(out, _with_docs(Entry("enum", key, props=props), description=enum.description))
    for m in enum.members:
        mkey = f"{key}.{pynames.member_name(api, enum, m)}"
        _add(out, Entry("member", mkey, key, repr(m.value), props=(("value", repr(m.value)),)))
