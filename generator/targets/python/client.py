"""The client view: IR operations and resources -> the values the client templates print.

Decides every method signature (keyword arguments, annotations, defaults), how each
argument travels (body field, path, query, header, cookie), the URL expression, auth,
the success parser or stream decoder, the per-status error map and each module's imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import generator.targets.python.deprecation as deprecation
import generator.targets.python.streams as streams
from generator import naming
from generator.build import RUNTIME_NAMES
from generator.ir import Api, Field, Model, Operation, Param, Resource, Response, TypeRef
from generator.statuses import ERROR_CLASSES
from generator.targets.base import Files
from generator.targets.python.names import SHADOWABLE_BUILTINS, PyNames, module_name
from generator.targets.python.nesting import bare_levels, link
from generator.targets.python.paging import paging_view
from generator.targets.python.retries import retry_source
from generator.targets.python.settled import dunder_all_order, in_all_order
from generator.targets.python.text import docstring
from generator.targets.python.types import Annotator, default_source, py_literal
from generator.targets.templating import Env

_JSON = ("application/json",)
_ENVELOPE_FIELDS = {"event": "str", "id": "str", "retry": "int"}


class ArgAnnotator(Annotator):
    """Annotations for keyword arguments: every model also accepts a plain dict.

    With `files` on (the fields of a multipart body), a binary string is a file."""

    files = False

    def __init__(self, api: Api, names: PyNames) -> None:
        super().__init__(api, names)
        self.runtime: set[tuple[str, str]] = set()  # (runtime module, name) to import

    def _bare(self, t: TypeRef) -> str:
        if t.kind == "bytes" and self.files:
            self.runtime.add(("_multipart", "FileTypes"))
            return "FileTypes"
        if t.kind == "model":
            self.classes.add(t.name)
            self.typing.add("Any")
            return f"{t.name} | dict[str, Any]"
        if t.kind == "union":
            if any(self._is_any(a) for a in t.args):  # before the members record their imports
                self.typing.add("Any")
                return "Any"
            parts = self._union_parts(t.args)
            # Models first, the dict spelling and None last: reads like the model's annotation.
            tail: list[str] = [p for p in ("dict[str, Any]", "None") if p in parts]
            return " | ".join([p for p in parts if p not in tail] + tail)
        return super()._bare(t)

    def _discriminator_field(self, t: TypeRef) -> str:
        return ""  # a dict argument cannot be told apart by pydantic's tagged union


@dataclass
class ArgView:
    """One keyword argument of a generated method."""

    name: str
    wire: str
    location: str  # body | path | query | header | cookie | raw_body
    annotation: str
    default: str | None  # source after `=`, None when required
    doc: str
    explode: bool = True
    style: str = ""  # a query parameter's non-default style (deepObject, ...), sent to the runtime

    @property
    def declaration(self) -> str:
        """`name: annotation = default`."""
        tail = f" = {self.default}" if self.default is not None else ""
        return f"{self.name}: {self.annotation}{tail}"


@dataclass
class DualView:
    """A dual-mode method: the flag argument and both modes' return types and readers."""

    flag: str  # the flag's argument name
    json_returns: str
    parser: str  # the JSON mode's parser expression
    json_accept: str
    overloads: tuple[tuple[str, str, str], ...] = ()  # (flag declaration, sync, async returns)

    def accept(self, stream_accept: str) -> str:
        """The Accept expression: the stream's media type when the flag is on."""
        return f"{py_literal(stream_accept)} if {self.flag} else {py_literal(self.json_accept)}"


@dataclass
class OperationView:
    """One method: signature pieces and the `Call` it builds."""

    name: str
    doc: str
    args: list[ArgView]
    http_method: str
    path_expr: str
    security: str
    stream: bool
    returns: str  # the sync return annotation
    async_returns: str
    parser: str  # expression: bytes -> result (non-stream); for `lines`, str -> item
    call: str  # the core's method: request (parsed body), download (binary), lines (JSON lines)
    expect: str  # the declared success media types, a tuple literal; "" checks none
    decoder: str  # module-level EventDecoder constant (stream)
    errors: str  # module-level ErrorMap constant
    body_expr: str  # expression for Call(json=...), "" when no body
    optional_body: bool  # an optional body of keyword arguments: not sent when none is given
    content_type: str  # a literal, or the keyword argument choosing among several
    encoding: str  # expression for Call(encoding=...), "" when the spec gives none
    accept: str
    timeout_arg: str
    retries_arg: str
    resume_arg: str  # streams only
    resumable: bool
    deprecated: bool
    warning: str = ""  # the DeprecationWarning's text (a Python literal), "" when not deprecated
    paging: str = ""  # module-level Paging constant: the method returns a page
    async_page: str = ""  # `AsyncPage[R, T]`: its `pager` is what the async twin returns
    retries_expr: str = ""  # what `retries=` passes on: the argument, or it read by the op's policy
    extras: tuple[str, str, str] = ("extra_headers", "extra_query", "extra_body")  # argument names
    dual: DualView | None = None  # JSON or stream by a body flag: overloads
    fixed_query: tuple[tuple[str, str], ...] = ()  # the path key's own query pairs

    @property
    def accept_expr(self) -> str:
        """The `Call(accept=...)` expression."""
        return self.dual.accept(self.accept) if self.dual else py_literal(self.accept)

    @property
    def stream_call(self) -> bool:
        """The method may return a stream (a stream operation, or a dual one)."""
        return self.stream or self.dual is not None

    @property
    def query(self) -> list[ArgView]:
        """Query parameters."""
        return [a for a in self.args if a.location == "query"]

    @property
    def query_rows(self) -> list[str]:
        """`Call(query=...)`'s rows: the path key's own pairs, then the parameters."""
        rows = [f"({py_literal(k)}, {py_literal(v)}, True)" for k, v in self.fixed_query]
        for a in self.query:
            style = f", {py_literal(a.style)}" if a.style else ""
            rows.append(f"({py_literal(a.wire)}, {a.name}, {a.explode}{style})")
        return rows

    @property
    def headers(self) -> list[ArgView]:
        """Header parameters."""
        return [a for a in self.args if a.location == "header"]

    @property
    def cookies(self) -> list[ArgView]:
        """Cookie parameters."""
        return [a for a in self.args if a.location == "cookie"]


@dataclass
class ConstView:
    """A module-level constant: `name: annotation = value`."""

    name: str
    annotation: str
    value: str


@dataclass
class ResourceView:
    """One resource module: a sync and an async class."""

    attr: str
    module: str
    class_name: str
    async_class_name: str
    doc: str
    operations: list[OperationView] = field(default_factory=list)
    constants: list[ConstView] = field(default_factory=list)
    stdlib: list[str] = field(default_factory=list)
    typing: list[str] = field(default_factory=list)
    pydantic: list[str] = field(default_factory=list)
    http_names: list[str] = field(default_factory=list)
    error_names: list[str] = field(default_factory=list)
    event_names: list[str] = field(default_factory=list)
    paging_names: list[str] = field(default_factory=list)
    imports: list[tuple[str, str]] = field(default_factory=list)  # (relative module, class)
    path: tuple[str, ...] = ()  # the resource's levels (`Resource.path`); () for the untagged
    children: list[ResourceView] = field(default_factory=list)  # the levels reached from it

    @property
    def name(self) -> str:
        """The attribute on its parent (the last of `sdk.beta.conversations`)."""
        return self.attr.rsplit(".", 1)[-1]

    runtime: list[tuple[str, str]] = field(default_factory=list)  # (runtime module, names)
    op_policies: bool = False  # some method has its operation's own retry policy


@dataclass
class SchemeView:
    """A security scheme: its constructor keyword and how it travels."""

    key: str
    param: str
    env_var: str
    kind: str
    location: str
    name: str


@dataclass
class ClientView:
    """Everything the SDK module and the package `__init__` print."""

    package: str
    sdk_class: str
    async_class: str
    title: str
    doc: str
    server_url: str
    servers: list[str]
    user_agent: str
    schemes: list[SchemeView]
    resources: list[ResourceView]
    error_names: list[str]
    retries: str = ""  # the document's retry policy as `RetryConfig(...)`, "" when none
    webhooks: bool = False  # `sdk.webhooks` verifies and parses deliveries

    @property
    def attached(self) -> list[ResourceView]:
        """Resources reached as attributes of the SDK (`sdk.chat`); deeper ones through them."""
        return [r for r in self.resources if len(r.path) == 1]

    @property
    def op_policies(self) -> bool:
        """Whether some method has its operation's own retry policy (the client then tells the
        core which retries its caller chose, since those outrank such a policy)."""
        return any(r.op_policies for r in self.resources)

    @property
    def retries_given(self) -> str:
        """The expression telling the core what retries the client's caller chose (UNSET when
        they kept the default: the spec's policy, or the count 2)."""
        if self.retries:
            return "UNSET if retries is _RETRIES else retries"
        return "UNSET if retries == 2 and not isinstance(retries, RetryConfig) else retries"

    @property
    def pages(self) -> bool:
        """Whether some method returns a page (the package then exports the page types)."""
        return any(r.paging_names for r in self.resources)

    @property
    def root(self) -> ResourceView | None:
        """The untagged operations' resource, a base class of the SDK classes."""
        return next((r for r in self.resources if not r.attr), None)


def client_view(api: Api, names: PyNames) -> ClientView:
    """The view of the whole client."""
    taken = {a for m in api.models for a in [m.name]} | {e.name for e in api.enums}
    taken |= {a.name for a in api.aliases} | {api.sdk_class, "Async" + api.sdk_class}
    resources = [_resource(api, names, r, taken) for r in api.resources]
    have = {r.path for r in resources}
    for bare in bare_levels(names, have, taken | {r.class_name for r in resources}):
        resources.append(
            ResourceView(
                bare.attr, bare.module, bare.class_name, "Async" + bare.class_name, bare.doc, path=bare.path
            )
        )
    link(resources)
    schemes = [
        SchemeView(s.key, n.param, n.env_var, s.kind, s.location, s.header)
        for s, n in zip(api.security, names.schemes, strict=True)
    ]
    return ClientView(
        package=api.package,
        sdk_class=api.sdk_class,
        async_class="Async" + api.sdk_class,
        title=docstring(api.title),
        doc=docstring(api.description),
        server_url=api.servers[0] if api.servers else "http://localhost",
        servers=list(api.servers),
        user_agent=f"{api.package}/{api.version or '0'} (sdkgen)",
        schemes=schemes,
        resources=resources,
        error_names=list(ERROR_CLASSES),
        retries=retry_source(api.retries) if api.retries is not None else "",
        webhooks=bool(api.webhooks),
    )


def _resource(api: Api, names: PyNames, resource: Resource, taken: set[str]) -> ResourceView:
    base = resource.class_name
    # Not a model's name (the module imports the models it uses), nor a runtime name.
    while {base, "Async" + base} & taken or base in RUNTIME_NAMES:
        base += "Resource"
    taken |= {base, "Async" + base}
    # Untagged operations are methods of the SDK class itself (it inherits this class).
    view = ResourceView(
        attr=names.resource(resource),
        module=names.resource_module(resource),
        class_name=base,
        async_class_name="Async" + base,
        doc=docstring(resource.description or names.resource_label(resource)),
        path=resource.path,
    )
    ann = ArgAnnotator(api, names)
    http: set[str] = {"UNSET", "Call", "RetryConfig", "TimeoutTypes", "Unset"}
    errors: set[str] = set()
    for op in resource.operations:
        view.operations.append(_operation(api, names, op, ann, view, http, errors))
    shadowing = _qualify_shadowed(view)
    extra = ({"warnings"} if any(o.warning for o in view.operations) else set()) | (
        {"builtins"} if shadowing else set()
    )
    view.stdlib = sorted(ann.modules | extra)
    view.typing = sorted(ann.typing)
    view.pydantic = sorted(ann.pydantic)
    view.http_names = sorted(http)
    view.error_names = sorted(errors)
    modules = sorted({m for m, _ in ann.runtime})
    view.runtime = [(m, ", ".join(sorted(n for k, n in ann.runtime if k == m))) for m in modules]
    for cls in sorted(ann.classes):
        named = api.named(cls)
        view.imports.append((f"..models.{named.module}.{module_name(cls)}", cls))
    return view


_QUOTED = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")


def _qualify_shadowed(view: ResourceView) -> bool:
    """A method named after a builtin type (`list`) shadows it in the class body, so the class's
    annotations spell those types `builtins.list`; whether any annotation needed it."""
    shadowed = sorted({op.name for op in view.operations} & SHADOWABLE_BUILTINS)
    if not shadowed:
        return False
    word = re.compile(rf"(?<![.\w])({'|'.join(shadowed)})\b")
    changed: list[str] = []

    def qualify(text: str) -> str:
        # Only outside string literals: `Literal["list"]` stays as it is.
        parts = _QUOTED.split(text)
        out = "".join(p if i % 2 else word.sub(r"builtins.\1", p) for i, p in enumerate(parts))
        if out != text:
            changed.append(out)
        return out

    for op in view.operations:
        op.returns, op.async_returns = qualify(op.returns), qualify(op.async_returns)
        for arg in op.args:
            arg.annotation = qualify(arg.annotation)
        if op.dual is not None:
            op.dual.json_returns = qualify(op.dual.json_returns)
            op.dual.overloads = tuple((qualify(f), qualify(s), qualify(a)) for f, s, a in op.dual.overloads)
    return bool(changed)


def _operation(
    api: Api,
    names: PyNames,
    op: Operation,
    ann: ArgAnnotator,
    res: ResourceView,
    http: set[str],
    errors: set[str],
) -> OperationView:
    args: list[ArgView] = []
    body_expr = ""
    content_type = "application/json"
    if op.body is not None:
        content_type = py_literal(op.body.content_type)
        kinds = {kind for _, kind in op.body.offered}
        ann.files = "multipart" in kinds
        if op.body.fields:
            for f in op.body.fields:
                if f.read_only:
                    continue
                args.append(
                    _arg(
                        api,
                        ann,
                        names.body_field(op, f),
                        f.wire,
                        "body",
                        f.type,
                        f.required,
                        default_source(f, api, names),
                        f.description,
                    )
                )
            http.add("strip_unset")
            if ann.files:  # files cannot pass through the model: the runtime reads each part
                pairs = ", ".join(f"{py_literal(a.wire)}: {a.name}" for a in args)
                body_expr = f"strip_unset({{{pairs}}})"
            else:
                ann.classes.add(op.body.model)
                pairs = ", ".join(f"{py_literal(a.name)}: {a.name}" for a in args)
                body_expr = f"{_body_model(op, args, ann)}.model_validate(strip_unset({{{pairs}}}))"
            ann.files = False
        else:
            # A raw body (or one no media type can encode: the caller sends its bytes) is not
            # typed by its schema: nothing of the schema is imported.
            raw = kinds <= {"binary", "text"}
            arg = _arg(
                api,
                ann,
                "request_body",
                "",
                "raw_body",
                TypeRef("str") if raw else op.body.type,
                op.body.required,
                None,
                op.body.description,
            )
            ann.files = False
            if raw:
                arg.annotation = _raw_annotation(kinds, ann, op.body.required)
            args.append(arg)
            body_expr = "request_body"
    for p in op.params:
        args.append(_param(api, names, ann, names.param(op, p), p))
    taken = {a.name for a in args}
    timeout_arg = _free("timeout", taken)
    retries_arg = _free("retries", taken)
    resume_arg = _free("resume", taken)
    if op.body is not None and len(op.body.offered) > 1:
        ann.typing.add("Literal")
        choices = ", ".join(py_literal(m) for m, _ in op.body.offered)
        chooser = _free("content_type", taken)
        args.append(ArgView(chooser, "", "choice", f"Literal[{choices}]", content_type, ""))
        content_type = chooser
    extras = (_free("extra_headers", taken), _free("extra_query", taken), _free("extra_body", taken))
    http.update(("ExtraHeaders", "ExtraQuery", "ExtraBody"))
    path_expr = _path_expr(op, args, http)
    method = names.method(op)
    prefix = naming.upper_snake(method)
    errors_name = f"_{prefix}_ERRORS"
    res.constants.append(ConstView(errors_name, "ErrorMap", _error_map(api, op, ann, errors)))
    http.add("ErrorMap")
    parser = decoder = paging = expect = async_page = ""
    call = "request"
    if op.stream is not None:
        decoder = f"_{prefix}_EVENTS"
        model = op.stream.model
        ann.classes.add(model)
        kind = "EventUnionDecoder" if op.stream.events else "EventDecoder"
        item = streams.item_annotation(api, op.stream)
        if item != model:
            res.event_names.append(streams.UNKNOWN)
        if item != model and kind == "EventDecoder":
            kind = "Decoder"  # typed as what it yields: `Model | UnknownEvent`
            res.event_names.append("EventDecoder")
        res.event_names.append(kind)
        typed = f"{kind}[{item if kind == 'Decoder' else model}]"
        res.constants.append(ConstView(decoder, typed, _decoder_expr(api, names, op, ann, res)))
        http.add("ResumeConfig")
        returns = f"EventStream[{item}]"
        async_returns = f"AsyncEventStream[{item}]"
        res.event_names.extend(["EventStream", "AsyncEventStream"])
        accept = "text/event-stream"
    else:
        returns, async_returns, parser, call = _parser(api, op.success, ann, res, prefix, http)
        bodiless = any(r.status.startswith("2") and not r.content_type for r in op.responses)
        declared = dict.fromkeys(c for r in op.responses if r.status.startswith("2") for c in r.content_types)
        expect = repr(tuple(declared)) if declared else ""
        accept = ", ".join(declared) or "application/json"
        if (
            call == "request"
            and op.pagination is not None
            and _model_of(api, op.success.type if op.success else None)
        ):
            pages = paging_view(api, names, op.pagination, returns, ann)
            paging = f"_{prefix}_PAGING"
            res.constants.append(ConstView(paging, "Paging", pages.constant))
            res.paging_names = ["AsyncPage", "AsyncPager", "Paging", "SyncPage"]
            async_page = pages.async_page
            returns, async_returns = pages.returns, pages.async_returns
        elif call == "text" and bodiless:
            returns = async_returns = "str | None"
            call = "text_or_none"
        elif call == "request" and returns != "None" and bodiless:
            # Another success status (204, say) has no content: it reads as None.
            ann.runtime.add(("_responses", "or_none"))
            returns = async_returns = f"{returns} | None"
            parser = f"or_none({parser})"
    dual = _dual(api, op, args, ann, res, prefix, http, returns, async_returns)
    if dual is None and op.stream_flag:
        _ask_for_stream(op.stream_flag, args, ann)
    if dual is not None:
        returns = f"{dual.json_returns} | {returns}"
        async_returns = f"{dual.json_returns} | {async_returns}"
    res.event_names = sorted(set(res.event_names))
    security = "(" + "".join(f"{py_literal(k)}, " for k in op.security).rstrip(" ") + ")"
    notice = deprecation.notice(api, names, op)
    doc_parts = [p for p in (op.summary, op.description, notice and f"Deprecated: {notice}") if p]
    if op.body is not None and not op.body.offered:
        doc_parts.append(f"Not supported: a {op.body.content_type} body of this schema cannot be encoded.")
    return OperationView(
        name=method,
        doc=docstring("\n\n".join(doc_parts)),
        args=args,
        http_method=op.http_method,
        path_expr=path_expr,
        fixed_query=op.fixed_query,
        security=security,
        stream=op.stream is not None,
        returns=returns,
        async_returns=async_returns,
        parser=parser,
        call=call,
        expect=expect,
        decoder=decoder,
        errors=errors_name,
        body_expr=body_expr,
        optional_body=op.body is not None and bool(op.body.fields) and not op.body.required,
        content_type=content_type,
        encoding=_encoding(op),
        accept=accept,
        timeout_arg=timeout_arg,
        retries_arg=retries_arg,
        resume_arg=resume_arg,
        resumable=op.resumable,
        deprecated=op.deprecated,
        warning=py_literal(f"{method} is deprecated: {notice}") if notice else "",
        paging=paging,
        async_page=async_page,
        retries_expr=_retries_expr(op, res, http, prefix, retries_arg),
        extras=extras,
        dual=dual,
    )


def _body_model(op: Operation, args: list[ArgView], ann: ArgAnnotator) -> str:
    """The model validating the body: a `#stream` variant's own in the stream mode."""
    assert op.body is not None
    if op.dual is None or op.dual.request is None or not op.dual.request.model:
        return op.body.model
    ann.classes.add(op.dual.request.model)
    flag = next(a.name for a in args if a.location == "body" and a.wire == op.dual.flag)
    return f"({op.dual.request.model} if {flag} else {op.body.model})"


def _ask_for_stream(wire: str, args: list[ArgView], ann: ArgAnnotator) -> None:
    """A stream method sends its body's stream flag, true: the server's default may be JSON."""
    flag = next(a for a in args if a.location == "body" and a.wire == wire)
    flag.annotation, flag.default = "Literal[True]", "True"
    ann.typing.add("Literal")


def _dual(
    api: Api,
    op: Operation,
    args: list[ArgView],
    ann: ArgAnnotator,
    res: ResourceView,
    prefix: str,
    http: set[str],
    stream_returns: str,
    async_stream_returns: str,
) -> DualView | None:
    """The overloads of a dual-mode method; the flag argument becomes a plain `bool = False`."""
    if op.dual is None:
        return None
    flag = next(a for a in args if a.location == "body" and a.wire == op.dual.flag)
    # Always sent: the server's default mode is not ours to guess.
    flag.annotation, flag.default = "bool", "False"
    json_returns, _, parser, _ = _parser(api, op.dual.response, ann, res, prefix, http)
    ann.typing.update(("Literal", "overload"))
    return DualView(
        flag=flag.name,
        json_returns=json_returns,
        parser=parser,
        json_accept=op.dual.response.content_type,
        overloads=(
            (f"{flag.name}: Literal[False] = False", json_returns, json_returns),
            (f"{flag.name}: Literal[True]", stream_returns, async_stream_returns),
            # A flag known only at run time: either.
            (
                f"{flag.name}: bool",
                f"{json_returns} | {stream_returns}",
                f"{json_returns} | {async_stream_returns}",
            ),
        ),
    )


def _retries_expr(op: Operation, res: ResourceView, http: set[str], prefix: str, arg: str) -> str:
    """The method's `retries` argument, read by the operation's own policy when it has one."""
    if op.retries is None:
        return arg
    name = f"_{prefix}_RETRIES"
    res.constants.append(ConstView(name, "RetryConfig", retry_source(op.retries)))
    res.op_policies = True
    return f"self._http.policy({arg}, {name})"


def _encoding(op: Operation) -> str:
    """The body's per-property `encoding` as a Python literal; "" when there is none."""
    if op.body is None or not op.body.encoding:
        return ""
    rows = [(e.name, e.style, e.explode, e.content_type) for e in op.body.encoding]
    return repr(tuple(rows))


def _free(name: str, taken: set[str]) -> str:
    while name in taken:
        name = "request_" + name
    return name


def _arg(
    api: Api,
    ann: ArgAnnotator,
    name: str,
    wire: str,
    location: str,
    t: TypeRef,
    required: bool,
    default: str | None,
    description: str,
) -> ArgView:
    annotation = ann.annotation(t)
    if required and _mutable(default):
        default = None  # a list or dict as a keyword's default is shared by calls (ruff B006)
    if not required and default is None:
        annotation += " | Unset"
        default = "UNSET"
    elif not required and default is not None:
        # Optional with a spec default: unset leaves it to the server, the default documents it.
        annotation += " | Unset"
        default = "UNSET"
    return ArgView(name, wire, location, annotation, default, docstring(description))


def _param(api: Api, names: PyNames, ann: ArgAnnotator, name: str, p: Param) -> ArgView:
    default = default_source(Field(p.wire, p.type, p.required, default=p.default), api, names)
    if p.required and default is not None and not _mutable(default) and p.location != "path":
        arg = ArgView(name, p.wire, p.location, ann.annotation(p.type), default, docstring(p.description))
    else:
        arg = _arg(api, ann, name, p.wire, p.location, p.type, p.required, None, p.description)
    arg.explode = p.explode
    arg.style = p.style if p.style not in ("", "form") else ""
    return arg


def _mutable(default: str | None) -> bool:
    """Whether a default's source is a list or dict display (no default of a keyword, then)."""
    return default is not None and default.startswith(("[", "{"))


def _path_expr(op: Operation, args: list[ArgView], http: set[str]) -> str:
    by_wire = {a.wire: a for a in args if a.location == "path"}
    pieces: list[str] = []
    rest = op.path
    while "{" in rest and "}" in rest.split("{", 1)[1]:
        head, tail = rest.split("{", 1)
        wire, rest = tail.split("}", 1)
        if head:
            pieces.append(py_literal(head))
        arg = by_wire.get(wire)
        if arg is None:
            pieces.append(py_literal("{" + wire + "}"))
        else:
            http.add("encode_path")
            styled = arg.style not in ("", "simple") or arg.explode
            style = f", {arg.style or 'simple'!r}, {arg.explode}" if styled else ""
            pieces.append(f"encode_path({arg.name}, {arg.wire!r}{style})")
    if rest or not pieces:
        pieces.append(py_literal(rest))
    return " + ".join(pieces)


def _model_of(api: Api, t: TypeRef | None) -> str:
    if t is not None and t.kind == "model" and not t.nullable:
        return t.name
    return ""


def _error_map(api: Api, op: Operation, ann: ArgAnnotator, errors: set[str]) -> str:
    entries = []
    for r in op.responses:
        if not r.error_class:
            continue
        cls = r.error_class
        errors.add(cls)
        model = _model_of(api, r.type) if r.content_type in _JSON else ""
        if model:
            ann.classes.add(model)
        entries.append(f"{py_literal(r.status)}: ({cls}, {model or 'None'})")
    return "{" + ", ".join(entries) + "}"


def _parser(
    api: Api, success: Response | None, ann: ArgAnnotator, res: ResourceView, prefix: str, http: set[str]
) -> tuple[str, str, str, str]:
    """(sync return, async return, parser expression, core method) of a non-streaming call."""
    if success is None or success.type is None and success.kind in ("", "json"):
        http.add("parse_none")
        return "None", "None", "parse_none", "request"
    if success.kind == "binary":
        ann.runtime |= {("_responses", "BinaryResponse"), ("_responses", "AsyncBinaryResponse")}
        return "BinaryResponse", "AsyncBinaryResponse", "", "download"
    if success.kind == "text":  # decoded by the response's charset: the core reads it
        return "str", "str", "", "text"
    annotation, parse = _json_parser(api, success.type or TypeRef("any"), ann, res, prefix)
    if success.kind == "ndjson":
        ann.runtime |= {("_responses", "LineStream"), ("_responses", "AsyncLineStream")}
        return f"LineStream[{annotation}]", f"AsyncLineStream[{annotation}]", parse, "lines"
    return annotation, annotation, parse, "request"


def _json_parser(api: Api, t: TypeRef, ann: ArgAnnotator, res: ResourceView, prefix: str) -> tuple[str, str]:
    """(annotation, parser of JSON text) for a JSON value of type `t`."""
    model = _model_of(api, t)
    if model:
        ann.classes.add(model)
        return model, f"{model}.model_validate_json"
    plain = Annotator(api, ann.names)
    annotation = plain.annotation(t)
    ann.classes |= plain.classes
    ann.modules |= plain.modules
    ann.typing |= plain.typing
    ann.pydantic |= plain.pydantic
    ann.pydantic.add("TypeAdapter")
    name = f"_{prefix}_RESPONSE"
    res.constants.append(ConstView(name, f"TypeAdapter[{annotation}]", f"TypeAdapter({annotation})"))
    return annotation, f"{name}.validate_json"


def _raw_annotation(kinds: set[str], ann: ArgAnnotator, required: bool) -> str:
    """A whole binary or text body: what the caller may pass."""
    text = "str" if kinds == {"text"} else "BinaryContent"
    if text == "BinaryContent":
        ann.runtime.add(("_payload", "BinaryContent"))
    return text if required else f"{text} | Unset"


def _decoder_expr(api: Api, names: PyNames, op: Operation, ann: ArgAnnotator, res: ResourceView) -> str:
    stream = op.stream
    assert stream is not None
    if not stream.events:
        return _envelope_decoder(api, names, stream.model, ann, stream.sentinel)
    members = []
    for event, member in stream.events:
        ann.classes.add(member)
        res.event_names.append("EventDecoder")
        members.append(f"{py_literal(event)}: {_envelope_decoder(api, names, member, ann, None)}")
    return "EventUnionDecoder({" + ", ".join(members) + f"}}, sentinel={py_literal(stream.sentinel)})"


def _envelope_decoder(api: Api, names: PyNames, name: str, ann: ArgAnnotator, sentinel: str | None) -> str:
    """`EventDecoder(...)` for one envelope model; `sentinel` None for a union member."""
    model = api.named(name)
    assert isinstance(model, Model)
    attributes = names.fields(model)
    data = next(f for f in model.fields if f.wire == "data")
    found = {"event": "", "id": "", "retry": ""}
    plain = True
    for f in model.fields:
        if f is data:
            continue
        expected = _ENVELOPE_FIELDS.get(f.wire)
        if sentinel is None and f.wire == "event" and f.type.kind == "literal":
            found["event"] = attributes[f.wire]  # a union member: dispatch already matched its one value
            continue
        if expected is not None:
            found[f.wire] = attributes[f.wire]  # the decoder fills it from the event, typed or not
        if expected is None or f.type.kind != expected or f.required:
            plain = False
    payload = "None"
    if "data" in model.json_fields:
        # The payload's type: the runtime builds its validators on first use.
        plain_ann = Annotator(api, names)
        payload = plain_ann.annotation(data.type)
        ann.classes |= plain_ann.classes
        ann.modules |= plain_ann.modules
        ann.typing |= plain_ann.typing
        ann.pydantic |= plain_ann.pydantic
    else:
        plain = False
    args = [name, payload]
    if sentinel is not None:
        args.append(f"sentinel={py_literal(sentinel)}")
    args.append(f"data={py_literal(attributes[data.wire])}")
    args += [f"{k}={py_literal(v)}" for k, v in found.items() if v]
    if not plain:
        args.append("plain=False")
    if streams.envelope_is_open(api, name, member=sentinel is None):
        args.append("open=True")
    key = streams.resolved(api, data.type).discriminator
    if key and "data" in model.json_fields:
        args.append(f"discriminator={py_literal(key)}")
    return "EventDecoder(" + ", ".join(args) + ")"


def init_exports(view: ClientView) -> list[str]:
    """Names the package `__init__` exports, sorted."""
    names = [
        view.sdk_class,
        view.async_class,
        *view.error_names,
        "EventStream",
        "AsyncEventStream",
        "BinaryContent",
        "BinaryResponse",
        "AsyncBinaryResponse",
        "FileTypes",
        "LineStream",
        "AsyncLineStream",
        "RawResponse",
        "ResumeConfig",
        streams.UNKNOWN,
        "RetryConfig",
        "UNSET",
        "Unset",
        "models",
        *(["SyncPage", "AsyncPage", "AsyncPager"] if view.pages else []),
        *(["WebhookVerificationError"] if view.webhooks else []),
    ]
    return dunder_all_order(names)


def render_client(api: Api, names: PyNames, env: Env) -> Files:
    """The client modules and the package `__init__`."""
    view = client_view(api, names)
    files: Files = {}
    pkg = api.package
    files[f"{pkg}/sdk.py"] = env.render("client/sdk.py.jinja", view=view)
    # A lazy index: `import NAME` must not import every resource and, through them, every model.
    lazy = [(n, r.module) for r in view.resources for n in (r.class_name, r.async_class_name)]
    files[f"{pkg}/resources/__init__.py"] = env.render(
        "models/init.py.jinja",
        exports=in_all_order(lazy),
        doc=f"The resources of the {view.title} SDK, one module per tag.",
    )
    for res in view.resources:
        files[f"{pkg}/resources/{res.module}.py"] = env.render("client/resource.py.jinja", view=view, res=res)
    files[f"{pkg}/__init__.py"] = env.render(
        "package/init.py.jinja", api=api, view=view, exports=init_exports(view)
    )
    return files
