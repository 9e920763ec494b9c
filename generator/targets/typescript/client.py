"""The client view: IR operations and resources -> what the resource and SDK templates print.

Every method takes one request object (body fields and parameters side by side, camelCase) and
per-call `RequestOptions`; the view decides its type, how each property travels (path, query,
header, body), the URL expression, auth, the response parser or event decoder, and error models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import generator.targets.typescript.deprecation as deprecation
from generator.ir import Api, Model, Operation, Resource, Response
from generator.targets.typescript.names import TsNames, param_key
from generator.targets.typescript.params import params_view
from generator.targets.typescript.text import doc_comment, ts_string, ts_value
from generator.targets.typescript.types import TsTypes

_JSON = ("application/json",)
MULTIPART_NOTE = (
    "the TypeScript SDK sends multipart bodies of object schemas only: the method throws TypeError "
    "before sending"
)


@dataclass
class OperationView:
    """One method of a resource class."""

    name: str
    doc: str
    request_type: str  # "" when the method takes no request
    request_decl: str
    request_optional: bool
    http_method: str
    path_expr: str
    query: list[str]  # `["wire", value, explode(, "style")]` entries
    headers: list[str]
    cookies: list[str]
    body_expr: str
    content_type: str
    encoding: str  # a form body's per-property encoding rows; "" when none
    accept: str
    security: str
    errors: str  # `errorModels({...})` or ""
    warning: str  # the deprecation warning's string literal; "" when current
    returns: str
    result: str  # the statement turning `response` into the result


@dataclass
class ResourceView:
    """One resource module: one class."""

    class_name: str
    prop: str
    file: str
    doc: str
    operations: list[OperationView] = field(default_factory=list)
    namespaces: list[str] = field(default_factory=list)
    lib_http: list[str] = field(default_factory=list)
    lib_stream: list[str] = field(default_factory=list)
    zod: bool = False


def resource_views(api: Api, names: TsNames) -> list[ResourceView]:
    """A view per resource, in spec order."""
    return [_resource(api, names, r) for r in api.resources]


def _resource(api: Api, names: TsNames, res: Resource) -> ResourceView:
    types = TsTypes(api, names, qualified=True)
    view = ResourceView(
        class_name=names.resource_class(res),
        prop=names.resource_prop(res),
        file=names.resource_file(res),
        doc=doc_comment(res.description or res.tag),
    )
    http = {"HTTPClient", "RequestOptions", "RawMethods", "rawResponses"}
    stream: set[str] = set()
    methods = names.methods(res)
    for op in res.operations:
        view.operations.append(_operation(api, names, types, op, methods[id(op)], http, stream))
    view.namespaces = sorted({api.named(r).module for r in types.refs})
    view.lib_http = sorted(http)
    view.lib_stream = sorted(stream)
    view.zod = any("z." in _source(op) for op in view.operations)
    return view


def _operation(
    api: Api, names: TsNames, types: TsTypes, op: Operation, name: str, http: set[str], stream: set[str]
) -> OperationView:
    props = names.params(op)
    parts: list[str] = []
    body_expr = ""
    content_type = op.body.content_type if op.body is not None else ""
    required_input = any(p.required for p in op.params)
    if op.body is not None and op.body.fields and op.body.model:
        model = api.named(op.body.model)
        assert isinstance(model, Model)
        consts = _consts(names, model)
        base = types.name(model.name)
        if consts:
            keys = " | ".join(ts_string(k) for k, _ in consts)
            fixed = "; ".join(f"{k}?: {v}" for k, v in consts)
            base = f"Omit<{base}, {keys}> & {{ {fixed} }}"
        parts.append(base)
        filled = "".join(f", {k}: {v}" for k, v in consts)
        body_expr = f"{types.name(model.name)}$outboundSchema.parse({{ ...request{filled} }})"
        if not op.body.required:  # an optional body without any field is not sent
            http.add("optionalBody")
            body_expr = f"optionalBody({body_expr})"
        required_input = True
    elif op.body is not None:
        mark = "" if op.body.required else "?"
        parts.append(f"{{ requestBody{mark}: {types.type(op.body.type)} }}")
        body_expr = f"request.requestBody === undefined ? undefined : {_outbound(types, op)}"
        required_input = required_input or op.body.required
    params = []
    for p in op.params:
        mark = "" if p.required else "?"
        tail = "" if p.required else " | undefined"
        doc = doc_comment(p.description, "  ")
        decl = f"  {props[param_key(p)]}{mark}: {types.type(p.type)}{tail};"
        params.append((doc + "\n" if doc else "") + decl)
    if params:
        parts.append("{\n" + "\n".join(params) + "\n}")
    request_type = names.request_type(op) if parts else ""
    wire = params_view(api, types, op, props)
    http.update(wire.helpers)
    returns, result = _result(api, types, op, http, stream)
    notice = deprecation.notice(api, names, op)
    warning = ""
    if notice:
        http.add("warnDeprecated")
        warning = ts_string(f"{deprecation.method_path(api, names, op)} is deprecated: {notice}")
    errors = _errors(api, types, op)
    if errors:
        http.add("errorModels")
    return OperationView(
        name=name,
        doc=doc_comment("\n\n".join(p for p in _texts(api, names, op) if p), "  "),
        request_type=request_type,
        request_decl=" & ".join(parts),
        request_optional=not required_input,
        http_method=op.http_method,
        path_expr=wire.path_expr,
        query=wire.query,
        headers=wire.headers,
        cookies=wire.cookies,
        body_expr=body_expr,
        content_type=content_type,
        encoding=wire.encoding,
        accept="text/event-stream" if op.stream is not None else _accept(op),
        security="[" + ", ".join(ts_string(k) for k in op.security) + "]",
        errors=errors,
        warning=warning,
        returns=returns,
        result=result,
    )


def _accept(op: Operation) -> str:
    """The Accept header: the success media types the spec declares (JSON when none)."""
    declared = dict.fromkeys(c for r in op.responses if r.status.startswith("2") for c in r.content_types)
    return ", ".join(declared) or "application/json"


def _source(op: OperationView) -> str:
    """Every expression an operation prints (to see which imports it needs)."""
    return "\n".join([op.result, op.body_expr, op.path_expr, *op.query, *op.headers, *op.cookies])


def _outbound(types: TsTypes, op: Operation) -> str:
    assert op.body is not None
    return f"{types.schema(op.body.type, outbound=True)}.parse(request.requestBody)"


def _consts(names: TsNames, model: Model) -> list[tuple[str, str]]:
    """Required one-value literal fields (`stream: true`): optional in the request, filled in."""
    props = names.fields(model, model.fields)
    return [
        (props[f.wire], ts_value(f.type.values[0]))
        for f in model.fields
        if f.required and f.type.kind == "literal" and len(f.type.values) == 1 and not f.type.nullable
    ]


def _result(api: Api, types: TsTypes, op: Operation, http: set[str], stream: set[str]) -> tuple[str, str]:
    """(return type, statements turning `response` into it)."""
    if op.stream is not None:
        stream.update({"EventStream", "decodeWith"})
        s = op.stream
        if s.events:
            stream.add("eventUnion")
            members = ", ".join(f"{ts_string(e)}: {types.name(m)}$inboundSchema" for e, m in s.events)
            parse = f"eventUnion({{ {members} }})"
        else:
            parse = f"(raw) => {types.name(s.model)}$inboundSchema.parse(raw)"
        sentinel = f"sentinel: {ts_string(s.sentinel)}, " if s.sentinel else ""
        item = types.name(s.model)
        decoder = f"{{ {sentinel}decode: decodeWith({parse}) }}"
        return f"EventStream<{item}>", f"return new EventStream(response, {decoder}, options?.signal);"
    success: Response | None = op.success
    if success is None or success.type is None:
        return "void", "await response.body?.cancel();"
    ct = success.content_type
    if not (ct in _JSON or ct.endswith("+json")) and success.type.kind == "str":
        http.add("parseText")  # by the response's charset; `response.text()` replaces bad bytes
        return "string", "return await parseText(response);"
    http.add("parseJSON")
    t = success.type
    named = t.kind in ("model", "enum", "alias") and not t.nullable and not types.direct_cycle_ref(t)
    schema = f"{types.name(t.name)}$inboundSchema" if named else types.schema(t)
    return types.type(t), f"return await parseJSON(response, {schema});"


def _errors(api: Api, types: TsTypes, op: Operation) -> str:
    entries = []
    for r in op.responses:
        if r.error_class and r.type is not None and r.type.kind == "model" and r.content_type in _JSON:
            entries.append(f"{ts_string(r.status)}: {types.name(r.type.name)}$inboundSchema")
    return "errorModels({ " + ", ".join(entries) + " })" if entries else ""


def sdk_view(api: Api, names: TsNames, resources: list[ResourceView]) -> dict[str, object]:
    """What the SDK class module prints."""
    schemes = []
    for s in api.security:
        schemes.append(
            {
                "key": ts_string(s.key),
                "option": names.scheme_option(s.key),
                "env": ts_string(names.env_var(s.key)),
                "env_text": names.env_var(s.key),
                "def": f"{{ kind: {ts_string(s.kind)}, location: {ts_string(s.location)}, "
                f"name: {ts_string(s.header)} }}",
                "doc": doc_comment(s.description or f"The {s.key} credential.", "  "),
            }
        )
    root = next((r for r in resources if not r.prop), None)
    return {
        "sdk_class": names.sdk_class,
        "doc": doc_comment(" ".join(f"{api.title} client.".split()) + "\n\n" + api.description),
        "server": ts_string(api.servers[0] if api.servers else "http://localhost"),
        "servers": "[" + ", ".join(ts_string(s) for s in api.servers) + "]",
        "schemes": schemes,
        "resources": [r for r in resources if r.prop],
        "root": root,
    }


def unsupported(api: Api) -> list[str]:
    """Generation notes for what the TypeScript SDK refuses at call time (JSON pointers)."""
    return [
        f"{op.loc.child('requestBody')}: {op.body.content_type}: {MULTIPART_NOTE}"
        for op in api.operations
        if op.body is not None and _multipart(op)
    ]


def _multipart(op: Operation) -> bool:
    """Whether `op` has a multipart body the SDK cannot send (one that is not an object)."""
    body = op.body
    return body is not None and body.content_type.startswith("multipart/") and not body.model


def _texts(api: Api, names: TsNames, op: Operation) -> list[str]:
    """The method's doc comment paragraphs: summary, description, an unsupported body, `@deprecated`."""
    body = f"Not supported yet: {MULTIPART_NOTE}." if _multipart(op) else ""
    return [op.summary, op.description, body, _deprecated(api, names, op)]


def _deprecated(api: Api, names: TsNames, op: Operation) -> str:
    """The JSDoc `@deprecated` tag editors strike the method through with; "" when current."""
    text = deprecation.notice(api, names, op)
    return f"@deprecated {text}" if text else ""
