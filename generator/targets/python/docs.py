"""The docs view: model, enum and alias pages, a page per resource and the SDK README.

Every table cell, width, link and type string is computed here; the templates under
`templates/python/docs/` only print them. Tables follow the reference SDK's format: one common
width for every column (the longest cell before its newlines become `<br/>`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import generator.targets.python.deprecation as deprecation
import generator.targets.python.streams as streams
from generator import naming
from generator.docs_format import CHECK, MINUS, cell, description, example_cell, table
from generator.docs_format import json_text as _json
from generator.ir import MISSING, Alias, Api, Enum, Model, Named, Operation, Resource, TypeRef, named_ref
from generator.targets.base import HEADER, Files
from generator.targets.python.examples import Examples, Imports, literal
from generator.targets.python.layout import Code, CodeBlocks
from generator.targets.python.models import multipart_models
from generator.targets.python.names import WEBHOOKS_ATTRIBUTE, PyNames, module_name
from generator.targets.python.webhooks import DOCS_PAGE, WEBHOOK_METHODS, docs_context, example_source
from generator.targets.templating import Env

MD_HEADER = f"<!-- {HEADER} -->"
PAGE_PREFIX = "../../"  # from docs/<section>/<folder>/page.md back to docs/
ROOT_PREFIX = "docs/"  # from the SDK README

_PRIMITIVES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "datetime": "datetime",
    "date": "date",
    "time": "time",
    "uuid": "UUID",
    "decimal": "Decimal",
    "any": "Any",
    "null": "None",
}


# -- links ----------------------------------------------------------------------------------------


def page_link(api: Api, name: str, prefix: str = PAGE_PREFIX) -> str:
    """The relative link to a named type's page."""
    return f"{prefix}models/{api.named(name).module}/{module_name(name)}.md"


def model_path(named: Named) -> str:
    """The page of a model, enum or alias in the output map."""
    return f"docs/models/{named.module}/{module_name(named.name)}.md"


def resource_path(resource: Resource, names: PyNames) -> str:
    """The page of a resource in the output map."""
    return f"docs/sdks/{names.resource_module(resource)}/README.md"


# -- type strings -------------------------------------------------------------------------------


class TypeText:
    """Type cells in the reference SDK's Python style: `*Optional[str]*`, `[components.X](...)`,
    `List[[components.X](...)]`, `*OptionalNullable[int]*`."""

    def __init__(self, api: Api, prefix: str = PAGE_PREFIX, files: bool = False) -> None:
        self.api = api
        self.prefix = prefix
        self.files = files  # a multipart body's fields: a binary string is a file
        self._cells: dict[tuple[TypeRef, bool], str] = {}

    def cell(self, t: TypeRef, required: bool = True) -> str:
        """The whole cell for a field or parameter of type `t` (types recur: each is built once)."""
        found = self._cells.get((t, required))
        if found is None:
            found = self._cells[t, required] = self._cell(t, required)
        return found

    def _cell(self, t: TypeRef, required: bool) -> str:
        wrapper = (
            ("Nullable" if t.nullable and t.kind != "null" else "")
            if required
            else ("OptionalNullable" if t.nullable and t.kind != "null" else "Optional")
        )
        if t.kind in ("model", "enum", "alias"):
            inner = self._qualified(t.name)
            text = f"{wrapper}[{inner}]" if wrapper else inner
            return f"[{text}]({page_link(self.api, t.name, self.prefix)})"
        body = self._inner(t.with_nullable(False))
        text = f"{wrapper}[{body}]" if wrapper else body
        return text if "](" in text else f"*{text}*"

    def _qualified(self, name: str) -> str:
        return f"{self.api.named(name).module}.{name}"

    def _inner(self, t: TypeRef) -> str:
        text = self._bare(t)
        return f"Nullable[{text}]" if t.nullable and t.kind not in ("null", "any") else text

    def _bare(self, t: TypeRef) -> str:
        if t.kind == "bytes" and self.files:
            return "FileTypes"
        if t.kind in _PRIMITIVES:
            return _PRIMITIVES[t.kind]
        if t.kind in ("model", "enum", "alias"):
            return f"[{self._qualified(t.name)}]({page_link(self.api, t.name, self.prefix)})"
        if t.kind == "list":
            return f"List[{self._inner(t.args[0])}]"
        if t.kind == "map":
            return f"Dict[str, {self._inner(t.args[0])}]"
        if t.kind == "literal":
            return "Literal[" + ", ".join(literal(v) for v in t.values) + "]"
        if t.kind == "union":
            return "Union[" + ", ".join(self._inner(a) for a in t.args) + "]"
        raise AssertionError(t.kind)


# -- pages --------------------------------------------------------------------------------------


@dataclass
class Page:
    """One model, enum or alias page."""

    name: str
    description: str
    example: Code
    section: str  # Fields | Values | Supported Types
    body: str


class Docs:
    """Builds every page from one Api with one example engine."""

    def __init__(self, api: Api, names: PyNames) -> None:
        self.api = api
        self.names = names
        self.examples = Examples(api, names)
        self.types = TypeText(api)
        self.file_types = TypeText(api, files=True)  # a multipart body's model: files in binary fields
        self.multipart = multipart_models(api)
        self.blocks = CodeBlocks()

    # model pages

    def page(self, named: Named) -> Page:
        """The view of a model, enum or alias page."""
        imports = Imports()
        value = self.examples.named_value(named)
        source = self.examples.source(value, named_ref(named), imports)
        imports.add(self.api, named.name)
        target = "value" if not isinstance(named, Alias) else f"value: {named.name}"
        code = self.blocks.add("\n".join([*imports.lines(), "", f"{target} = {source}"]))
        desc = named.description.strip()
        if isinstance(named, Model):
            return Page(named.name, desc, code, "Fields", self._fields(named))
        if isinstance(named, Enum):
            rows = [
                [
                    f"`{self.names.member(named, m)}`",
                    cell(_json(m.value) if not isinstance(m.value, str) else m.value),
                ]
                for m in named.members
            ]
            return Page(named.name, desc, code, "Values", table(["Name", "Value"], rows))
        return Page(named.name, desc, code, "Supported Types", self._members(named))

    def _fields(self, model: Model) -> str:
        if not model.fields:
            return "This model declares no fields; it accepts any properties."
        with_example = any(f.example is not MISSING for f in model.fields)
        headers = ["Field", "Type", "Required", "Description"] + (["Example"] if with_example else [])
        rows = []
        types = self.file_types if model.name in self.multipart else self.types
        for f in model.fields:
            row = [
                f"`{self.names.field(model, f)}`",
                types.cell(f.type, f.required),
                CHECK if f.required else MINUS,
                description(f.doc, f.deprecated),
            ]
            if with_example:
                row.append(example_cell(f.example))
            rows.append(row)
        return table(headers, rows)

    def _members(self, alias: Alias) -> str:
        target = alias.target
        members = target.args if target.kind == "union" else (target,)
        lines = []
        for m in members:
            text = self.types.cell(m)
            doc = self.api.named(m.name).description if m.kind in ("model", "enum", "alias") else ""
            first = doc.strip().splitlines()[0] if doc.strip() else ""
            lines.append(f"* {text}" + (f": {first}" if first else ""))
        return "\n".join(lines)

    # resource pages and README

    def call(self, op: Operation, async_: bool) -> tuple[str, Imports]:
        """Flat source of `sdk.<resource>.<method>(...)` with example arguments."""
        imports = Imports()
        args: list[str] = []
        for p in op.params:
            if p.required:
                value = self.examples.wire_value(p.type, p.example, str(op.loc), p.default, p.wire)
                args.append(f"{self.names.param(op, p)}={self.examples.source(value, p.type, imports)}")
        if op.body is not None and not op.body.fields and op.body.required:
            raw = b"example" if op.body.kind == "binary" else "example" if op.body.kind == "text" else None
            value = raw if raw is not None else self.examples.wire_value(op.body.type, MISSING, str(op.loc))
            args.append(
                f"request_body={value!r}"
                if raw is not None
                else f"request_body={self.examples.source(value, op.body.type, imports)}"
            )
        if op.body is not None:
            for f in op.body.fields:
                if not f.required or f.read_only or f.type.kind == "literal" and f.default is not MISSING:
                    continue  # a readOnly property is not an argument: the server sets it
                value = self.examples.wire_value(f.type, f.example, str(f.loc), f.default, f.wire)
                args.append(f"{self.names.body_field(op, f)}={self.examples.source(value, f.type, imports)}")
        prefix = "await " if async_ else ""
        resource = self.names.resource_of(op)
        owner = f"sdk.{resource}" if resource else "sdk"  # untagged: methods of the SDK class
        return f"{prefix}{owner}.{self.names.method(op)}(" + ", ".join(args) + ")", imports

    def client_args(self) -> str:
        """The constructor keywords of the examples: one per security scheme, from the env."""
        return ", ".join(f'{n.param}=os.getenv("{n.env_var}", "")' for n in self.names.schemes)

    def usage(self, op: Operation, async_: bool = False) -> Code:
        """A whole runnable example calling `op` (streams iterate inside a context manager)."""
        cls = ("Async" if async_ else "") + self.api.sdk_class
        a = "async " if async_ else ""
        pad = "    " if async_ else ""
        opener = f"{pad}{a}with {cls}({self.client_args()}) as sdk:"
        kind = op.success.kind if op.success is not None and op.stream is None else ""
        if op.dual is not None:
            call, imports = self.call(op, async_)
            body = [
                f"{pad}    # The whole answer...",
                f"{pad}    res = {call}",
                "",
                f"{pad}    print(res)",
                "",
                f"{pad}    # ...or streamed as it is produced.",
                f"{pad}    {a}with {with_flag(call, self.flag(op))} as stream:",
                f"{pad}        {a}for event in stream:",
                f"{pad}            print(event.data)",
            ]
        elif kind == "binary":
            call, imports = self.call(op, async_)
            wait = "await " if async_ else ""
            body = [
                f"{pad}    {a}with {call} as res:",
                f"{pad}        {wait}res.write_to_file({self.names.method(op) + '.out'!r})",
            ]
        elif op.stream is not None or kind == "ndjson":
            call, imports = self.call(op, async_)
            body = [
                f"{pad}    {a}with {call} as stream:",
                f"{pad}        {a}for event in stream:",
                f"{pad}            print(event.data)"
                if op.stream is not None
                else f"{pad}            print(event)",
            ]
        elif op.pagination is not None:
            call, imports = self.call(op, async_)
            body = [
                f"{pad}    res = {call}",
                "",
                f"{pad}    # the pages after the first are fetched as the loop reaches them",
                f"{pad}    {a}for item in res:",
                f"{pad}        print(item)",
            ]
        else:
            call, imports = self.call(op, async_)
            body = [f"{pad}    res = {call}", "", f"{pad}    print(res)"]
        if async_:
            imports.modules.add("asyncio")
        if self.api.security:
            imports.modules.add("os")
        lines = imports.lines({self.api.package: {cls}})
        if async_:
            lines += ["", "", "async def main() -> None:", opener, *body, "", "", "asyncio.run(main())"]
        else:
            lines += ["", opener, *body]
        return self.blocks.add("\n".join(lines))

    def flag(self, op: Operation) -> str:
        """The argument that switches a dual-mode method to the stream."""
        assert op.dual is not None and op.body is not None
        return self.names.body_field(op, next(f for f in op.body.fields if f.wire == op.dual.flag))

    def parameters(self, op: Operation, types: TypeText) -> str:
        """The Parameters table of a method."""
        names = self.names
        fields = [
            (names.param(op, p), p.type, p.required, p.description, p.example, p.deprecated)
            for p in op.params
        ]
        body = op.body
        rows_text: dict[str, str] = {}  # parameter -> its Type cell, where not `types.cell`
        if body is not None:
            # A dual-mode method's flag is a plain bool, even where the JSON mode's schema fixes it
            # to false (a `#stream` variant's base).
            flag = op.dual.flag if op.dual is not None else None
            fields += [
                (
                    names.body_field(op, f),
                    TypeRef("bool") if f.wire == flag else f.type,
                    f.required,
                    f.doc,
                    f.example,
                    f.deprecated,
                )
                for f in body.fields
            ]
            if not body.fields:
                fields.append(("request_body", body.type, body.required, body.description, MISSING, False))
                kinds = {kind for _, kind in body.offered}
                if kinds <= {"binary", "text"}:  # none offered: the caller's bytes
                    raw = "str" if kinds == {"text"} else "BinaryContent"
                    rows_text["request_body"] = f"*{raw}*" if body.required else f"*Optional[{raw}]*"
            if len(body.offered) > 1:
                choices = ", ".join(literal(m) for m, _ in body.offered)
                fields.append(
                    ("content_type", TypeRef("str"), False, "The request body's media type.", MISSING, False)
                )
                rows_text["content_type"] = f"*Optional[Literal[{choices}]]*"
        if not fields:
            return "This method takes no parameters."
        if body is not None and any(kind == "multipart" for _, kind in body.offered):
            types = TypeText(self.api, types.prefix, files=True)
        with_example = any(ex is not MISSING for *_, ex, _ in fields)
        headers = ["Parameter", "Type", "Required", "Description"] + (["Example"] if with_example else [])
        rows = []
        for name, t, required, doc, ex, dep in fields:
            shown = rows_text.get(name) or types.cell(t, required)
            row = [f"`{name}`", shown, CHECK if required else MINUS, description(doc, dep)]
            if with_example:
                row.append(example_cell(ex))
            rows.append(row)
        return table(headers, rows)

    def response(self, op: Operation, prefix: str = PAGE_PREFIX) -> str:
        """The linked response type of a method."""
        if op.stream is not None:
            model = op.stream.model
            link = page_link(self.api, model, prefix)
            unknown = f" | {streams.UNKNOWN}" if streams.is_open(self.api, op.stream) else ""
            stream = f"**[EventStream[{self.api.named(model).module}.{model}{unknown}]]({link})**"
            if op.dual is None or op.dual.response.type is None:
                return stream
            whole = TypeText(self.api, prefix).cell(op.dual.response.type)
            return f"**{whole}**; with `{self.flag(op)}=True`, {stream}"
        success = op.success
        if success is None or success.type is None and success.kind in ("", "json"):
            return "**None**"
        text = TypeText(self.api, prefix)
        if op.pagination is not None and success.type is not None:
            return (
                f"**SyncPage** of {text.cell(op.pagination.item)} (async: an `AsyncPager`, iterated with "
                "`async for` or awaited for the first `AsyncPage`): iterating it yields the items of "
                "every page. Each page reads as its response, "
                f"{text.cell(success.type)}; `.iter_pages()`, `.has_next_page()` and `.next_page()` step "
                "through the pages."
            )
        if success.kind == "binary":
            methods = "`read()`, `iter_bytes()`, `write_to_file()`"
            return f"**BinaryResponse** ({methods}; async: `AsyncBinaryResponse`)"
        if success.kind == "text":
            return "***str***"
        cell_text = text.cell(success.type or TypeRef("any"))
        if success.kind == "ndjson":
            return f"**LineStream[{cell_text.strip('*')}]** (one item per line; async: `AsyncLineStream`)"
        if any(r.status.startswith("2") and not r.content_type for r in op.responses):
            return f"**{cell_text}**, or **None** for a success status without content"
        return f"**{cell_text}**"

    def errors(self, op: Operation) -> str:
        """The Errors table: status codes mapped to the error classes raised."""
        by_class: dict[str, list[str]] = {}
        content: dict[str, str] = {}
        for r in op.responses:
            if r.error_class:
                by_class.setdefault(r.error_class, []).append(r.status)
                content.setdefault(r.error_class, r.content_type or "*/*")
        rows = [
            [f"`errors.{cls}`", cell(", ".join(codes)), cell(content[cls].replace("*", "\\*"))]
            for cls, codes in by_class.items()
        ]
        # The catch-all, as the reference SDKs end the table: any other failure is an APIError.
        rows.append(["`errors.APIError`", "4XX, 5XX", "\\*/\\*"])
        return table(["Error Type", "Status Code", "Content Type"], rows)

    def resource(self, res: Resource) -> ResourceView:
        """The view of one resource page."""
        methods = [
            MethodView(
                self.names.method(op),
                op.summary.strip(),
                op.description.strip(),
                op.deprecated,
                self.usage(op),
                self.parameters(op, self.types),
                self.response(op),
                self.errors(op),
                resume=resume_note(op),
                deprecation=deprecation.notice(self.api, self.names, op),
            )
            for op in res.operations
        ]
        return ResourceView(
            naming.pascal(self.names.resource_label(res)) or res.class_name,
            self.names.resource(res),
            res.description.strip(),
            methods,
        )


def with_flag(call: str, flag: str) -> str:
    """`sdk.x.create(a=1)` with the stream flag on: `sdk.x.create(a=1, stream=True)`."""
    return with_args(call, f"{flag}=True")


def with_args(call: str, args: str) -> str:
    """`sdk.x.create(a=1)` with more keyword arguments: `sdk.x.create(a=1, b=2)`."""
    head = call[:-1]
    return f"{head}{'' if head.endswith('(') else ', '}{args})"


@dataclass
class MethodView:
    """One method of a resource page."""

    name: str
    summary: str
    description: str
    deprecated: bool
    example: Code
    parameters: str
    response: str
    errors: str
    resume: str = ""  # streams only: what `resume=` does for this method
    deprecation: str = ""  # what replaces it and why, when deprecated


# Methods whose repetition is harmless; the runtime's `_IDEMPOTENT` says the same.
_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


def resume_note(op: Operation) -> str:
    """The resume paragraph of a streaming method's page ("" for other methods)."""
    if op.stream is None:
        return ""
    if op.resumable:
        return (
            "The API marks this stream resumable: a dropped connection is reopened with "
            "`Last-Event-ID` and the stream goes on where it stopped (on by default; pass "
            "`resume=False` to turn it off, or a `ResumeConfig` to tune it)."
        )
    if op.http_method in _IDEMPOTENT:
        return (
            "Pass `resume=True` (or a `ResumeConfig`) to reopen a dropped connection with "
            "`Last-Event-ID` and go on where the stream stopped."
        )
    return (
        f"This {op.http_method} stream is not marked resumable, so a dropped connection is "
        "never reopened (that would repeat the request); `resume=True` raises `ValueError`."
    )


@dataclass
class ResourceView:
    """One resource page."""

    title: str
    name: str
    description: str
    methods: list[MethodView] = field(default_factory=list)


def readme_view(api: Api, docs: Docs) -> dict[str, Any]:
    """Everything the SDK README prints."""
    stream_op = next((op for op in api.operations if op.stream is not None), None)
    first = stream_op or (api.operations[0] if api.operations else None)
    names = docs.names
    auth_rows = [
        [f"`{n.param}`", s.kind if s.kind != "apikey" else "apiKey", f"`{n.env_var}`", cell(s.description)]
        for s, n in zip(api.security, names.schemes, strict=True)
    ]
    resources = [
        (
            names.resource(r),
            resource_path(r, names),
            [(names.method(op), cell(op.summary).replace("\n", " ")) for op in r.operations],
        )
        for r in api.resources
    ]
    if api.webhooks:
        resources.append((WEBHOOKS_ATTRIBUTE, DOCS_PAGE, list(WEBHOOK_METHODS)))
    errors: dict[str, list[str]] = {}
    for op in api.operations:
        for r in op.responses:
            if r.error_class and r.status not in errors.setdefault(r.error_class, []):
                errors[r.error_class].append(r.status)
    error_rows = [[f"`errors.{c}`", ", ".join(s)] for c, s in errors.items()]
    error_table = table(["Error Type", "Status Code"], error_rows) if errors else ""
    return {
        "title": " ".join(f"{api.title} Python SDK".split()),
        "description": api.description.strip(),
        "dist": api.package.replace("_", "-"),
        "package": api.package,
        "sdk_class": api.sdk_class,
        "sync_example": docs.usage(first) if first else "",
        "async_example": docs.usage(first, async_=True) if first else "",
        "stream": stream_op is not None,
        "uploads": any(op.body is not None and op.body.kind not in ("json", "form") for op in api.operations),
        "downloads": any(
            op.success is not None and op.success.kind in ("binary", "ndjson") for op in api.operations
        ),
        "auth_table": table(["Name", "Type", "Environment Variable", "Description"], auth_rows)
        if auth_rows
        else "",
        "security": names.schemes,
        "resources": resources,
        "servers": api.servers,
        "error_table": error_table,
        "error_example": error_example(api, docs),
        "raw_example": raw_example(api, docs),
        **readme_blocks(api, docs),
    }


def readme_blocks(api: Api, docs: Docs) -> dict[str, Code]:
    """The README's fixed examples: credentials, retries, timeouts, the server URL."""
    cls, head = api.sdk_class, f"from {api.package} import {api.sdk_class}"
    server = api.servers[0] if api.servers else "http://localhost:8080"
    blocks = {
        "retries_example": [head, "", f"with {cls}(retries=3) as sdk:", "    pass"],
        "timeout_example": [head, "", f"with {cls}(timeout=30.0) as sdk:", "    pass"],
        "server_example": [head, "", f"with {cls}(server_url={literal(server)}) as sdk:", "    pass"],
    }
    if api.security:
        names = ", ".join(f"`{n.env_var}`" for n in docs.names.schemes)
        blocks["auth_example"] = [
            "import os",
            "",
            head,
            "",
            "# Explicitly...",
            f"sdk = {cls}({docs.client_args()})",
            "sdk.close()",
            "",
            f"# ...or from the environment ({names}).",
            f"sdk = {cls}()",
            "sdk.close()",
        ]
    return {key: docs.blocks.add("\n".join(lines)) for key, lines in blocks.items()}


def simplest_plain(api: Api) -> Operation | None:
    """The non-streaming operation with the fewest arguments: the README's small examples call it."""
    plain = [op for op in api.operations if op.stream is None]
    if not plain:
        return None
    return min(plain, key=lambda o: len(o.params) + len(o.body.fields if o.body else ()))


def raw_example(api: Api, docs: Docs) -> Code | str:
    """Default headers, a call's extra headers and query, and its raw response."""
    op = simplest_plain(api)
    if op is None:
        return ""
    call, imports = docs.call(op, False)
    owner, _, method = call.partition("(")[0].rpartition(".")
    extras = 'extra_headers={"X-Trace": "docs"}, extra_query={"verbose": "true"}'
    raw_call = with_args(f"{owner}.with_raw_response.{method}(" + call.partition("(")[2], extras)
    lines = imports.lines({api.package: {api.sdk_class}})
    code = [
        *lines,
        "",
        f'with {api.sdk_class}(default_headers={{"X-Team": "docs"}}) as sdk:',
        f"    raw = {raw_call}",
        '    print(raw.status_code, raw.headers.get("content-type"), raw.request_id)',
        "    res = raw.parse()",
    ]
    return docs.blocks.add("\n".join(code))


def error_example(api: Api, docs: Docs) -> Code | str:
    """A call with a wrong credential, catching the error it raises."""
    op = simplest_plain(api)
    if op is None:
        return ""
    call, imports = docs.call(op, False)
    args = ", ".join(f'{n.param}="not-a-valid-key"' for n in docs.names.schemes)
    errors = {"APIError", "APIStatusError"}
    lines = imports.lines({api.package: {api.sdk_class}, f"{api.package}.errors": errors})
    code = [
        *lines,
        "",
        f"with {api.sdk_class}({args}) as sdk:",
        "    try:",
        f"        res = {call}",
        "    except APIStatusError as exc:  # the server answered with an error status",
        "        print(exc.status_code, exc.data)",
        "    except APIError as exc:  # no response: connection failure or timeout",
        "        print(exc)",
    ]
    return docs.blocks.add("\n".join(code))


@dataclass
class DocsPages:
    """Every docs page's view; their code blocks print once `blocks` are laid out."""

    views: dict[str, tuple[str, dict[str, Any]]]  # path: (template, context)
    blocks: CodeBlocks
    warnings: tuple[str, ...]  # spec examples that fail their schema

    def render(self, env: Env) -> Files:
        """Every docs page and the README."""
        return {path: _finish(env.render(name, **context)) for path, (name, context) in self.views.items()}


def docs_pages(api: Api, names: PyNames) -> DocsPages:
    """The view of every docs page and the README, and the spec examples that fail their schema."""
    docs = Docs(api, names)
    docs.examples.check_all()
    views: dict[str, tuple[str, dict[str, Any]]] = {}
    everything: list[Named] = [*api.models, *api.enums, *api.aliases]
    for named in sorted(everything, key=lambda n: (n.module, n.name)):
        views[model_path(named)] = ("docs/model.md.jinja", {"page": docs.page(named)})
    for res in api.resources:
        views[resource_path(res, names)] = ("docs/resource.md.jinja", {"res": docs.resource(res)})
    if api.webhooks:
        example = docs.blocks.add(example_source(api))
        views[DOCS_PAGE] = ("docs/webhooks.md.jinja", docs_context(api, example, docs.types.cell))
    views["README.md"] = ("docs/readme.md.jinja", readme_view(api, docs))
    return DocsPages(views, docs.blocks, tuple(dict.fromkeys(docs.examples.warnings)))


def _finish(text: str) -> str:
    """The header goes in the first code block (as a comment) or, lacking one, on top as HTML;
    pages end without a trailing newline, like the reference SDK's."""
    text = text.rstrip("\n")
    if "\n```" not in text and not text.startswith("```"):
        return f"{MD_HEADER}\n{text}"
    return text
