"""The client view: IR operations and resources -> what the resource and SDK templates print.

Every method takes one request object (body fields and parameters side by side, camelCase) and
per-call `RequestOptions`; the view decides its type, how each property travels (path, query,
header, body), the URL expression, auth, the response parser or event decoder, and error models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import generator.targets.typescript.deprecation as deprecation
from generator.ir import Api, Model, Operation, Resource
from generator.targets.typescript.models import access, prop_key
from generator.targets.typescript.names import TsNames, param_key
from generator.targets.typescript.paging import paged, paging_source
from generator.targets.typescript.params import params_view
from generator.targets.typescript.results import Reading, reading
from generator.targets.typescript.retries import retry_source
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
    content_type: str  # the Content-Type expression: a string, or the caller's choice
    binary: bool  # the body is a `BinaryBody`, sent as its bytes
    encoding: str  # a form body's per-property encoding rows; "" when none
    options_type: str  # `RequestOptions`, or `BodyOptions<...>` when the caller picks the media type
    accept: str
    security: str
    errors: str  # `errorModels({...})` or ""
    warning: str  # the deprecation warning's string literal; "" when current
    returns: str
    result: str  # the statements turning `response` into the result
    # A dual-mode method's overload signatures, and what its
    # body computes first (`const streamed = ...`); Accept as an expression of that.
    overloads: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, request, returns)
    prelude: str = ""
    dual_accept: str = ""
    retry: str = ""  # the operation's own x-speakeasy-retries policy, a `RetryConfig`; "" when none
    error_messages: str = ""  # per error status, its body's flagged message property; "" when none
    paging: str = ""  # a list that pages: its `Paging` literal ("" when none); `result` then parses one page
    page_types: str = ""  # a list that pages: `Item, Response`, the `Page`'s type arguments

    @property
    def accept_expr(self) -> str:
        """The `accept:` expression: the mode's media type for a dual-mode method."""
        return self.dual_accept or ts_string(self.accept)


@dataclass
class Imports:
    """The runtime names a resource module imports, by module of `src/lib/`."""

    http: set[str] = field(default_factory=lambda: {"HTTPClient", "RawMethods", "rawResponses"})
    stream: set[str] = field(default_factory=set)
    responses: set[str] = field(default_factory=set)
    pages: bool = False  # a method returns a `Page`


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
    lib_responses: list[str] = field(default_factory=list)
    lib_pages: bool = False
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
    imports = Imports()
    methods = names.methods(res)
    for op in res.operations:
        view.operations.append(_operation(api, names, types, op, methods[id(op)], imports))
    view.namespaces = sorted({api.named(r).module for r in types.refs})
    view.lib_http = sorted(imports.http)
    view.lib_stream = sorted(imports.stream)
    view.lib_responses = sorted(imports.responses)
    view.lib_pages = imports.pages
    view.zod = any("z." in _source(op) for op in view.operations)
    return view


def _operation(
    api: Api, names: TsNames, types: TsTypes, op: Operation, name: str, imports: Imports
) -> OperationView:
    http = imports.http
    props = names.params(op)
    parts: list[str] = []
    body_expr = ""
    content_type = ts_string(op.body.content_type) if op.body is not None else ""
    options_type = "RequestOptions"
    offered = media_choices(op)
    if len(offered) > 1:
        options_type = "BodyOptions<" + " | ".join(ts_string(m) for m in offered) + ">"
        content_type = f"options?.contentType ?? {content_type}"
    http.add(options_type.split("<", 1)[0])
    required_input = any(p.required for p in op.params)
    dual = op.dual if overloaded(op) else None
    body_model: Model | None = None
    if op.body is not None and op.body.fields and op.body.model:
        named = api.named(op.body.model)
        assert isinstance(named, Model)
        body_model = named
        # A stream method sends its flag true; a dual-mode one sends it as the caller chose.
        flag = dual.flag if dual else op.stream_flag if op.stream is not None else ""
        declared, sent = ("boolean", _STREAMED) if dual else ("true", "true")
        part, filled = _model_part(names, types, body_model, flag, declared, sent)
        parts.append(part)
        body_expr = _parse(types, body_model, filled)
        if not op.body.required:  # an optional body without any field is not sent
            http.add("optionalBody")
            body_expr = f"optionalBody({body_expr})"
        required_input = True
    elif op.body is not None and op.body.kind == "binary":
        # Bytes, a Blob or a byte stream, sent as they come (no schema to check them against).
        mark = "" if op.body.required else "?"
        http.add("BinaryBody")
        parts.append(f"{{ requestBody{mark}: BinaryBody }}")
        body_expr = "request.requestBody"
        required_input = required_input or op.body.required
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
    returns, result = _result(api, types, op, imports)
    paging = page_types = ""
    model = paged(api, op)
    if op.pagination is not None and model is not None:
        # The parse of one page; the page object requests the next ones.
        paging = paging_source(api, names, op.pagination, model)
        page_types = f"{types.type(op.pagination.item)}, {returns}"
        returns = f"Page<{page_types}>"
        assert result.startswith("return await ") and result.endswith(";")
        result = f"(response) => {result.removeprefix('return await ').removesuffix(';')}"
        imports.pages = True
    notice = deprecation.notice(api, names, op)
    warning = ""
    if notice:
        http.add("warnDeprecated")
        warning = ts_string(f"{deprecation.method_path(api, names, op)} is deprecated: {notice}")
    errors = _errors(api, types, op)
    if errors:
        http.add("errorModels")
    view = OperationView(
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
        binary=op.body is not None and op.body.kind == "binary",
        encoding=wire.encoding,
        options_type=options_type,
        accept="text/event-stream" if op.stream is not None else _accept(op),
        security="[" + ", ".join(ts_string(k) for k in op.security) + "]",
        errors=errors,
        warning=warning,
        returns=returns,
        result=result,
        retry=retry_source(op.retries) if op.retries is not None else "",
        error_messages=_error_messages(api, op),
        paging=paging,
        page_types=page_types,
    )
    if dual and body_model is not None:
        _overloads(api, names, types, op, body_model, view, imports)
    return view


_STREAMED = "streamed"  # a dual-mode method's local: whether the caller asked for the stream


def media_choices(op: Operation) -> list[str]:
    """The body's media types the caller may pick from, the default first.

    Those the request's one TypeScript type can carry: bytes (a `BinaryBody`) and values travel
    apart, and a multipart body needs an object model.
    """
    body = op.body
    if body is None or not body.offered:
        return []
    binary = body.kind == "binary"
    rest = [
        m
        for m, kind in body.offered[1:]
        if (kind == "binary") == binary and (kind != "multipart" or bool(body.model))
    ]
    return [body.offered[0][0], *rest]


def overloaded(op: Operation) -> bool:
    """Whether `op` is one dual-mode method with overloads (its flag is in a model body)."""
    body = op.body
    return op.dual is not None and body is not None and bool(body.model) and bool(body.fields)


def _model_part(
    names: TsNames, types: TsTypes, model: Model, flag: str, declared: str, sent: str
) -> tuple[str, str]:
    """A model body's part of the request type, and the properties the method fills in.

    Required one-value literal fields (`object: "chat"`) are optional there and filled in; the
    flag (its wire name, "" for none) is declared `declared` (optional) and sent as `sent`.
    """
    props = names.fields(model, model.fields)
    fixed = [(props[w], v, v) for w, v in _consts(model) if w != flag]
    field_ = next((f for f in model.fields if f.wire == flag), None)
    if field_ is not None:
        natural = not field_.required and types.type(field_.type) == declared
        fixed.append((props[flag], "" if natural else declared, sent))
    base = types.name(model.name)
    omitted = [(k, d) for k, d, _ in fixed if d]
    if omitted:
        keys = " | ".join(ts_string(k) for k, _ in omitted)
        base = f"Omit<{base}, {keys}> & {{ " + "; ".join(f"{prop_key(k)}?: {d}" for k, d in omitted) + " }"
    return base, "".join(f", {prop_key(k)}: {v}" for k, _, v in fixed)


def _parse(types: TsTypes, model: Model, filled: str) -> str:
    """The outbound body: the request's properties (and those filled in) through the model's schema."""
    return f"{types.name(model.name)}$outboundSchema.parse({{ ...request{filled} }})"


def _overloads(
    api: Api,
    names: TsNames,
    types: TsTypes,
    op: Operation,
    model: Model,
    view: OperationView,
    imports: Imports,
) -> None:
    """Make `view` a dual-mode method: `{ flag: true }` the stream, else the JSON answer; the flag
    always sent, Accept by mode (a `#stream` variant's request model sent in the stream mode)."""
    assert op.dual is not None and op.stream is not None
    flag = names.fields(model, model.fields)[op.dual.flag]
    whole, whole_result = _success(types, reading(op.dual.response, (op.dual.response,)), imports)
    json_type = ts_string(op.dual.response.content_type)
    streamed, streamed_result = view.returns, view.result
    mark = "?" if view.request_optional else ""
    request = view.request_type
    # The stream mode takes the same request (as Python's overloads do); a `#stream` variant's
    # own model sends it when the base's refuses a true flag.
    stream_request = f"{request} & {{ {prop_key(flag)}: true }}"
    own = op.dual.request
    if own is not None and own.model and own.fields:
        variant = api.named(own.model)
        assert isinstance(variant, Model)
        _, filled = _model_part(names, types, variant, op.dual.flag, "true", "true")
        _, whole_filled = _model_part(names, types, model, op.dual.flag, "boolean", "false")
        view.body_expr = (
            f"{_STREAMED} ? {_parse(types, variant, filled)} : {_parse(types, model, whole_filled)}"
        )
    texts = [p for p in _texts(api, names, op) if p]
    view.overloads = [
        (doc_comment("\n\n".join([*texts, mode]), "  "), decl, returns)
        for mode, decl, returns in (
            (
                "The whole answer.",
                f"request{mark}: {request} & {{ {prop_key(flag)}?: false | undefined }}",
                whole,
            ),
            (
                f"With `{flag}: true`, the answer as it is produced: a typed event stream.",
                f"request: {stream_request}",
                streamed,
            ),
            (
                f"The whole answer, or with `{flag}: true` its event stream.",
                f"request{mark}: {request}",
                f"{whole} | {streamed}",
            ),
        )
    ]
    view.returns = f"{whole} | {streamed}"
    view.prelude = f"const {_STREAMED} = {access('request', flag)} === true;"
    view.dual_accept = f"{_STREAMED} ? {ts_string(view.accept)} : {json_type}"
    view.result = (
        f"if ({_STREAMED}) {{\n      {streamed_result}\n    }}\n"
        f"    // A server that streams anyway is an error (closed unread), never a stream read as JSON.\n"
        f"    {whole_result}"
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


def _consts(model: Model) -> list[tuple[str, str]]:
    """Required one-value literal fields (`object: "chat"`): (wire name, the value)."""
    return [
        (f.wire, ts_value(f.type.values[0]))
        for f in model.fields
        if f.required and f.type.kind == "literal" and len(f.type.values) == 1 and not f.type.nullable
    ]


def _result(api: Api, types: TsTypes, op: Operation, imports: Imports) -> tuple[str, str]:
    """(return type, statements turning `response` into it)."""
    stream = imports.stream
    if op.stream is not None:
        stream.update({"openStream", "decodeWith"})
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
        stream.add("EventStream")
        return f"EventStream<{item}>", f"return await openStream(response, {decoder}, options?.signal);"
    return _success(types, reading(op.success, op.responses), imports)


def _success(types: TsTypes, read: Reading, imports: Imports) -> tuple[str, str]:
    """(return type, statements) of a success read whole, unread, or without content."""
    expected = "[" + ", ".join(ts_string(c) for c in read.expected) + "]"
    responses = imports.responses
    if read.kind == "none":
        if not read.expected:
            return "void", "await response.body?.cancel();"
        responses.add("discard")
        return "void", f"await discard(response, {expected});"
    if read.kind == "binary":
        responses.update({"BinaryResponse", "download"})
        return "BinaryResponse", f"return await download(response, {expected}, options?.signal);"
    absent = " | undefined" if read.optional else ""
    if read.kind == "text":  # by the response's charset; `response.text()` replaces bad bytes
        parse = "parseTextOrUndefined" if read.optional else "parseText"
        responses.add(parse)
        return f"string{absent}", f"return await {parse}(response, {expected});"
    assert read.type is not None
    t = read.type
    named = t.kind in ("model", "enum", "alias") and not t.nullable and not types.direct_cycle_ref(t)
    schema = f"{types.name(t.name)}$inboundSchema" if named else types.schema(t)
    if read.kind == "lines":
        responses.update({"LineStream", "openLines"})
        call = f"openLines(response, {schema}, {expected}, options?.signal)"
        return f"LineStream<{types.type(t)}>", f"return await {call};"
    parse = "parseJSONOrUndefined" if read.optional else "parseJSON"
    responses.add(parse)
    return f"{types.type(t)}{absent}", f"return await {parse}(response, {schema}, {expected});"


def _error_messages(api: Api, op: Operation) -> str:
    """`{ "4XX": "detail" }`: per error status, the wire name of its model's flagged message
    property (`x-speakeasy-error-message`, a string); "" when none is flagged."""
    entries = []
    for r in op.responses:
        if r.error_class and r.type is not None and r.type.kind == "model" and r.content_type in _JSON:
            model = api.named(r.type.name)
            flagged = next(
                (f for f in getattr(model, "fields", ()) if f.error_message and f.type.kind == "str"), None
            )
            if flagged is not None:
                entries.append(f"{ts_string(r.status)}: {ts_string(flagged.wire)}")
    return "{ " + ", ".join(entries) + " }" if entries else ""


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
        "retries": retry_source(api.retries) if api.retries is not None else "2",
        "retries_doc": (
            "Retries, a count or a `RetryConfig` (outranking every operation's x-speakeasy-retries policy); "
            "default: the spec's policy."
            if api.retries is not None
            else "Retries of connection errors, timeouts, 429 and 5XX: a count or a `RetryConfig`; default 2."
        ),
    }


def unsupported(api: Api) -> list[str]:
    """Generation notes for what the TypeScript SDK refuses at call time (JSON pointers)."""
    notes = [
        f"{op.loc.child('requestBody')}: {op.body.content_type}: {MULTIPART_NOTE}"
        for op in api.operations
        if op.body is not None and _multipart(op)
    ]
    for op in api.operations:
        kept = media_choices(op)
        for m, _ in op.body.offered if op.body is not None else ():
            if m not in kept:
                where = op.loc.child("requestBody", "content", m)
                notes.append(
                    f"{where}: the TypeScript SDK cannot send it with {kept[0]}'s request type; "
                    "the media type is not offered"
                )
    return notes


def _multipart(op: Operation) -> bool:
    """Whether `op` has a multipart body the SDK cannot send (one that is not an object)."""
    body = op.body
    return body is not None and body.content_type.startswith("multipart/") and not body.model


def _texts(api: Api, names: TsNames, op: Operation) -> list[str]:
    """The method's doc comment paragraphs: summary, description, what is not supported yet
    (a body), `@deprecated`."""
    body = f"Not supported yet: {MULTIPART_NOTE}." if _multipart(op) else ""
    return [op.summary, op.description, body, _deprecated(api, names, op)]


def _deprecated(api: Api, names: TsNames, op: Operation) -> str:
    """The JSDoc `@deprecated` tag editors strike the method through with; "" when current."""
    text = deprecation.notice(api, names, op)
    return f"@deprecated {text}" if text else ""
