"""readOnly / writeOnly: the request shape of a schema and its response shape, as models.

A property marked `readOnly` travels in responses only and one marked `writeOnly` in requests
only; `required` binds only the direction the property travels. One class cannot say both
when such a property is required, so (as Speakeasy's SDKs do) a model with a required
`readOnly` or `writeOnly` property is split: the plain name (`User`) is the response shape,
without the `writeOnly` properties, and `<Name>Input` (`UserInput`) the request shape,
without the `readOnly` ones. Models and aliases that reach a split model are given an Input
twin too, but only those a request reaches (bodies, parameters), so every other schema keeps
exactly the one class it had. A request's own inline schema (an operations model) that no
response carries takes its request shape under its own name, without a twin. Models whose
readOnly/writeOnly properties are all optional stay one class (both directions may leave
those out).

A `readOnly` property that is the discriminator of a union a request carries is sent all the
same (with a note): without it the server could not tell the members apart, and a request
twin without it would leave the union matched by shape alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator import naming
from generator.ir import Alias, Api, Field, Model, Named, Operation, Param, RequestBody, TypeRef
from generator.values import travels

SUFFIX = "Input"


def is_split(model: Model) -> bool:
    """Whether a model has a property one direction requires and the other never carries."""
    return any(f.required and (f.read_only or f.write_only) for f in model.fields)


def split_directions(api: Api, registry: naming.Registry) -> Api:
    """The Api with request twins of the models (and aliases) requests reach that need one."""
    api = _tags_sent(api)
    split = {m.name for m in api.models if is_split(m)}
    if not split:
        return api
    differs = _differing(api, split)
    answered = _response_reach(api)
    inputs: dict[str, str] = {}
    for name in _request_reach(api, split, differs):
        # A request's own inline schema no response carries: its request shape alone.
        own = api.named(name).module == "operations" and name not in answered
        inputs[name] = name if own else registry.claim(name + SUFFIX)
    rename = _Renamer(inputs)
    models: list[Model] = []
    for m in api.models:
        if inputs.get(m.name) == m.name:
            models.append(_request_shape(m, m.name, m.name in split, rename))
        elif m.name in split:
            models.append(_response_shape(m))
        else:
            models.append(m)
        if inputs.get(m.name, m.name) != m.name:
            models.append(_request_shape(m, inputs[m.name], m.name in split, rename))
    aliases: list[Alias] = []
    for a in api.aliases:
        if a.name in inputs:
            twin = replace(a, name=inputs[a.name], target=rename.type(a.target))
            aliases += [twin] if twin.name == a.name else [a, twin]
        else:
            aliases.append(a)
    named: dict[str, Named] = dict(api.by_name)
    twins: list[Named] = [*models, *aliases]
    named.update({n.name: n for n in twins})
    ops = {id(op): _operation(op, rename, named) for op in api.operations}

    def same(op: Operation) -> Operation:
        return ops.get(id(op)) or _operation(op, rename, named)

    resources = tuple(replace(r, operations=tuple(same(o) for o in r.operations)) for r in api.resources)
    return replace(
        api,
        models=tuple(models),
        aliases=tuple(aliases),
        operations=tuple(same(o) for o in api.operations),
        resources=resources,
        by_name=named,
    )


def _tags_sent(api: Api) -> Api:
    """The Api with each readOnly discriminator of a union that requests carry made
    readable both ways (noted)."""
    tags = _request_tags(api)
    if not tags:
        return api
    notes = list(api.notes)
    models = []
    for m in api.models:
        wires = tags.get(m.name, set())
        if any(f.read_only and f.wire in wires for f in m.fields):
            models.append(replace(m, fields=tuple(_sent(m, f, wires, notes) for f in m.fields)))
        else:
            models.append(m)
    if len(notes) == len(api.notes):
        return api
    named: dict[str, Named] = dict(api.by_name)
    named.update({m.name: m for m in models})
    return replace(api, models=tuple(models), notes=tuple(notes), by_name=named)


def _sent(m: Model, f: Field, wires: set[str], notes: list[str]) -> Field:
    if not (f.read_only and f.wire in wires):
        return f
    where = f.loc or m.loc.child("properties", f.wire)
    told = "readOnly, but the discriminator of a union that requests carry: sent in requests too"
    notes.append(f"{where}: {told}")
    return replace(f, read_only=False)


def _request_tags(api: Api) -> dict[str, set[str]]:
    """Model name -> the discriminators of the unions (that requests reach) it is a member of."""
    tags: dict[str, set[str]] = {}
    seen: set[str] = set()
    work = list(_request_types(api))
    while work:
        t = work.pop()
        if t.kind == "union" and t.discriminator:
            for arg in t.args:
                tags.setdefault(arg.name, set()).add(t.discriminator)
        work += t.args
        if t.kind in ("model", "alias") and t.name not in seen:
            seen.add(t.name)
            named = api.by_name.get(t.name)
            if isinstance(named, Model):
                work += [f.type for f in named.fields]
                work += [named.extra_type] if named.extra_type else []
            elif isinstance(named, Alias):
                work.append(named.target)
    return tags


def _request_fields(model: Model, split: set[str]) -> tuple[Field, ...]:
    """The properties a request carries (a split model leaves its readOnly ones out)."""
    if model.name in split:
        return tuple(f for f in model.fields if travels(f, "request"))
    return model.fields


def _refs(t: TypeRef) -> list[str]:
    """The named types a type expression mentions."""
    out = [t.name] if t.kind in ("model", "alias") else []
    for arg in t.args:
        out += _refs(arg)
    return out


def _edges(api: Api, split: set[str]) -> dict[str, list[str]]:
    """Named type -> the named types its request shape mentions."""
    edges: dict[str, list[str]] = {}
    for m in api.models:
        types = [f.type for f in _request_fields(m, split)] + ([m.extra_type] if m.extra_type else [])
        edges[m.name] = [n for t in types for n in _refs(t)]
    for a in api.aliases:
        edges[a.name] = _refs(a.target)
    return edges


def _differing(api: Api, split: set[str]) -> set[str]:
    """The named types whose request shape differs from the plain one: the split models and
    everything that reaches one (a fixpoint, so recursion is no special case)."""
    edges = _edges(api, split)
    users: dict[str, set[str]] = {}
    for src, dsts in edges.items():
        for dst in dsts:
            users.setdefault(dst, set()).add(src)
    differs = set(split)
    work = list(split)
    while work:
        for user in users.get(work.pop(), ()):
            if user not in differs:
                differs.add(user)
                work.append(user)
    return differs


def _request_types(api: Api) -> list[TypeRef]:
    """Every type a request carries: bodies (a `#stream` variant's too) and parameters."""
    out: list[TypeRef] = []
    for op in api.operations:
        for body in (op.body, op.dual.request if op.dual else None):
            if body is not None:
                out.append(body.type)
        out += [p.type for p in op.params]
    return out


def _response_types(api: Api) -> list[TypeRef]:
    """Every type a response (or webhook delivery) carries."""
    out: list[TypeRef] = [w.payload for w in api.webhooks]
    for op in api.operations:
        out += [r.type for r in op.responses if r.type is not None]
        if op.dual is not None and op.dual.response.type is not None:
            out.append(op.dual.response.type)
        if op.stream is not None:
            out += [TypeRef("model", op.stream.model), op.stream.data]
            out += [TypeRef("model", member) for _, member in op.stream.events]
        if op.pagination is not None:
            out.append(op.pagination.item)
    return out


def _response_reach(api: Api) -> set[str]:
    """The named types a response reaches, and every component schema (each is public)."""
    edges = _edges(api, set())
    seen: set[str] = set()
    work = [n for t in _response_types(api) for n in _refs(t)]
    work += [n.name for n in api.by_name.values() if n.module == "components"]
    while work:
        name = work.pop()
        if name not in seen:
            seen.add(name)
            work += edges.get(name, [])
    return seen


def _request_reach(api: Api, split: set[str], differs: set[str]) -> list[str]:
    """The differing named types some request reaches, in the Api's order."""
    edges = _edges(api, split)
    seen: set[str] = set()
    work = [n for t in _request_types(api) for n in _refs(t)]
    while work:
        name = work.pop()
        if name in seen or name not in differs:
            continue
        seen.add(name)
        work += edges.get(name, [])
    order = [m.name for m in api.models] + [a.name for a in api.aliases]
    return [n for n in order if n in seen]


class _Renamer:
    """Points types at the request twins."""

    def __init__(self, inputs: dict[str, str]) -> None:
        self.inputs = inputs

    def type(self, t: TypeRef) -> TypeRef:
        """`t` with every named type that has a request twin replaced by it."""
        name = self.inputs.get(t.name, t.name) if t.kind in ("model", "alias") else t.name
        args = tuple(self.type(a) for a in t.args)
        if name == t.name and args == t.args:
            return t
        return replace(t, name=name, args=args)

    def field(self, f: Field) -> Field:
        """A property, typed for requests."""
        t = self.type(f.type)
        return f if t == f.type else replace(f, type=t)


def _without(example: Any, wires: set[str]) -> Any:
    """A model's example without the properties the shape leaves out."""
    if isinstance(example, dict) and wires & set(example):
        return {k: v for k, v in example.items() if k not in wires}
    return example


def _response_shape(m: Model) -> Model:
    """A split model as responses carry it: without its writeOnly properties."""
    gone = {f.wire for f in m.fields if not travels(f, "response")}
    return replace(
        m,
        fields=tuple(f for f in m.fields if travels(f, "response")),
        example=_without(m.example, gone),
        json_fields=tuple(w for w in m.json_fields if w not in gone),
    )


def _request_shape(m: Model, name: str, split: bool, rename: _Renamer) -> Model:
    """A model's request twin: its readOnly properties left out when it is split itself."""
    gone = {f.wire for f in m.fields if not travels(f, "request")} if split else set()
    fields = tuple(rename.field(f) for f in m.fields if f.wire not in gone)
    extra = rename.type(m.extra_type) if m.extra_type is not None else None
    return replace(
        m,
        name=name,
        fields=fields,
        extra_type=extra,
        example=_without(m.example, gone),
        json_fields=tuple(w for w in m.json_fields if w not in gone),
    )


def _body(body: RequestBody | None, rename: _Renamer, named: dict[str, Named]) -> RequestBody | None:
    if body is None:
        return None
    t = rename.type(body.type)
    model, fields = body.model, body.fields
    if body.model:
        twin = named[t.name]
        assert isinstance(twin, Model)
        model, fields = twin.name, twin.fields
    if (t, model, fields) == (body.type, body.model, body.fields):
        return body
    return replace(body, type=t, model=model, fields=fields)


def _param(p: Param, rename: _Renamer) -> Param:
    t = rename.type(p.type)
    return p if t == p.type else replace(p, type=t)


def _operation(op: Operation, rename: _Renamer, named: dict[str, Named]) -> Operation:
    dual = op.dual
    if dual is not None and dual.request is not None:
        dual = replace(dual, request=_body(dual.request, rename, named))
    return replace(
        op,
        body=_body(op.body, rename, named),
        params=tuple(_param(p, rename) for p in op.params),
        dual=dual,
    )
