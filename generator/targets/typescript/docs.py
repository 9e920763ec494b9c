"""The docs view of the TypeScript SDK: model, enum and alias pages in the reference SDK's format.

Cells, widths and links come from the shared `docs_format`; type cells speak TypeScript
(`*string*`, `[components.X](...)[]`, `Record<string, *any*>`, unions with `\\|`); examples
come from the shared value engine, written as TypeScript with camelCase properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import generator.targets.typescript.deprecation as deprecation
from generator.docs_format import CHECK, MINUS, cell, description, example_cell, json_text, table
from generator.ir import MISSING, Alias, Api, Enum, Model, Named, Operation, Resource, TypeRef, named_ref
from generator.targets.typescript.client import media_choices, overloaded
from generator.targets.typescript.examples import TsExamples, block
from generator.targets.typescript.models import EXTRAS_DOC, enum_keys, multipart_models, prop_key
from generator.targets.typescript.names import TsNames
from generator.targets.typescript.paging import paged
from generator.targets.typescript.results import reading
from generator.targets.typescript.text import ts_string, ts_value

PAGE_PREFIX = "../../"  # from docs/<section>/<folder>/page.md back to docs/
_DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
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
    "any": "any",
    "null": "null",
}


# A binary request body's cell: what `BinaryBody` takes.
BINARY_CELL = (
    "*Uint8Array* | *ArrayBuffer* | *Blob* | *ReadableStream\\<Uint8Array\\>* | "
    "*AsyncIterable\\<Uint8Array\\>*"
)


class TypeCell:
    """Type cells in the reference SDK's TypeScript style."""

    def __init__(self, api: Api, names: TsNames, prefix: str = PAGE_PREFIX, binary: bool = False) -> None:
        self.api = api
        self.names = names
        self.prefix = prefix
        self.binary = binary  # `format: binary` is file content (a multipart body's)

    def file_parts(self) -> TypeCell:
        """The same cells for a multipart body, whose `format: binary` values are file content."""
        return TypeCell(self.api, self.names, self.prefix, binary=True)

    def link(self, ir_name: str) -> str:
        """The relative link to a named type's page."""
        module = self.api.named(ir_name).module
        return f"{self.prefix}models/{module}/{self.names.module(ir_name)}.md"

    def cell(self, t: TypeRef) -> str:
        """The cell for a value of type `t` (`| *null*` when nullable)."""
        text = self._bare(t)
        return f"{text} | *null*" if t.nullable and t.kind not in ("null", "any") else text

    def _bare(self, t: TypeRef) -> str:
        kind = t.kind
        if kind == "bytes" and self.binary:
            return "*Blob* | *Uint8Array* | *string*"
        if kind in _SCALARS:
            return f"*{_SCALARS[kind]}*"
        if kind == "datetime":
            return _DATE
        if kind in ("model", "enum", "alias"):
            module = self.api.named(t.name).module
            return f"[{module}.{self.names.type(t.name)}]({self.link(t.name)})"
        if kind == "list":
            inner = self.cell(t.args[0])
            return f"({inner})[]" if " | " in inner else f"{inner}[]"
        if kind == "map":
            return f"Record<string, {self.cell(t.args[0])}>"
        if kind == "literal":
            return " | ".join(f"*{ts_value(v)}*" for v in t.values)
        if kind == "union":
            return " | ".join(dict.fromkeys(self.cell(a) for a in t.args))
        raise AssertionError(kind)


@dataclass
class Page:
    """One model, enum or alias page."""

    name: str
    description: str
    example: str
    section: str  # Fields | Values | Supported Types
    body: str


class TsDocs:
    """Builds every page from one Api with one example engine."""

    def __init__(self, api: Api, names: TsNames) -> None:
        self.api = api
        self.names = names
        self.examples = TsExamples(api, names)
        self.types = TypeCell(api, names)

    def page(self, named: Named) -> Page:
        """The view of a model, enum or alias page."""
        name = self.names.type(named.name)
        value = self.examples.named_value(named)
        code = "\n".join(
            [
                f'import {{ {name} }} from "{self.api.package}/models/{named.module}";',
                "",
                f"let value: {name} = {self.examples.source(value, named_ref(named))};",
            ]
        )
        desc = named.description.strip()
        if isinstance(named, Model):
            return Page(name, desc, code, "Fields", self._fields(named))
        if isinstance(named, Enum):
            pairs = zip(enum_keys(named), named.members, strict=True)
            rows = [[f"`{key}`", cell(json_text(m.value))] for key, m in pairs]
            return Page(name, desc, code, "Values", table(["Name", "Value"], rows))
        return Page(name, desc, code, "Supported Types", self._members(named))

    def _fields(self, model: Model) -> str:
        if not model.fields:
            return "This model declares no fields; it accepts any properties."
        props = self.names.fields(model, model.fields)
        with_example = any(f.example is not MISSING for f in model.fields)
        headers = ["Field", "Type", "Required", "Description"] + (["Example"] if with_example else [])
        types = self.types.file_parts() if model.name in multipart_models(self.api) else self.types
        rows = []
        for f in model.fields:
            row = [
                f"`{props[f.wire]}`",
                cell(types.cell(f.type)),
                CHECK if f.required else MINUS,
                description(f.doc, f.deprecated),
            ]
            if with_example:
                row.append(example_cell(f.example))
            rows.append(row)
        bag = self.names.extras(model)
        if bag:
            value = self.types.cell(model.extra_type) if model.extra_type is not None else "*any*"
            row = [f"`{bag}`", cell(f"Record<string, {value}>"), MINUS, EXTRAS_DOC]
            rows.append(row + ([""] if with_example else []))
        return table(headers, rows)

    def _members(self, alias: Alias) -> str:
        target = alias.target
        members = target.args if target.kind == "union" else (target,)
        lines = []
        for m in members:
            doc = self.api.named(m.name).description if m.kind in ("model", "enum", "alias") else ""
            first = doc.strip().splitlines()[0] if doc.strip() else ""
            lines.append(f"* {cell(self.types.cell(m))}" + (f": {first}" if first else ""))
        return "\n".join(lines)


# -- resource pages and README --------------------------------------------------------------------


@dataclass
class MethodView:
    """One method of a resource page."""

    name: str
    summary: str
    description: str
    deprecated: bool
    example: str
    parameters: str
    response: str
    errors: str
    deprecation: str = ""  # what replaces it and why, when deprecated


@dataclass
class ResourcePage:
    """One resource page."""

    title: str
    prop: str
    description: str
    methods: list[MethodView]


class Usage:
    """Runnable TypeScript examples calling the SDK, built from the shared example values."""

    def __init__(self, api: Api, names: TsNames, examples: TsExamples) -> None:
        self.api = api
        self.names = names
        self.examples = examples

    def client(self, extra: str = "") -> list[str]:
        """The import and the client construction, credentials from the environment."""
        cls = self.names.sdk_class
        options = [
            f'  {self.names.scheme_option(s.key)}: process.env["{self.names.env_var(s.key)}"] ?? "",'
            for s in self.api.security
        ]
        if extra:
            options.append(f"  {extra},")
        construct = (
            [f"const sdk = new {cls}({{", *options, "});"] if options else [f"const sdk = new {cls}();"]
        )
        return [f'import {{ {cls} }} from "{self.api.package}";', "", *construct]

    def request(self, op: Operation, streamed: bool = False) -> str:
        """The request object of a call: required parameters and body fields with example values
        (and a dual-mode method's flag, true, when `streamed`)."""
        items: list[str] = []
        props = self.names.params(op)
        for p in op.params:
            if p.required:
                value = self.examples.wire_value(p.type, p.example, str(op.loc), p.default, p.wire)
                items.append(f"{props[(p.location, p.wire)]}: {self.examples.source(value, p.type, 2)}")
        body = op.body
        if body is not None and body.fields and body.model:
            model = self.api.named(body.model)
            assert isinstance(model, Model)
            fields = self.names.fields(model, model.fields)
            for f in body.fields:
                if not f.required or f.type.kind == "literal" or f.read_only:
                    continue
                value = self.examples.wire_value(f.type, f.example, str(f.loc), f.default, f.wire)
                items.append(f"{fields[f.wire]}: {self.examples.source(value, f.type, 2)}")
            if streamed and op.dual is not None:
                items.append(f"{prop_key(fields[op.dual.flag])}: true")
        elif body is not None and body.required and body.kind == "binary":
            items.append('requestBody: new TextEncoder().encode("example")')
        elif body is not None and body.required:
            value = self.examples.wire_value(body.type)
            items.append(f"requestBody: {self.examples.source(value, body.type, 2)}")
        if not items and not (op.body is not None or op.params):
            return ""
        return block("{", "}", items, 1)

    def call(
        self, op: Operation, res: Resource, options: str = "", raw: bool = False, streamed: bool = False
    ) -> str:
        """The expression calling `op` on the client (with per-call `options` source, if any;
        through `withRawResponse` when `raw`; a dual-mode method's stream when `streamed`)."""
        prop = self.names.resource_prop(res)
        method = ("withRawResponse." if raw else "") + self.names.methods(res)[id(op)]
        target = f"sdk.{prop}.{method}" if prop else f"sdk.{method}"
        request = self.request(op, streamed)
        if options and not request and (op.body is not None or op.params):
            request = "{}"
        args = ", ".join(a for a in (request, options) if a)
        return f"await {target}({args})"

    def example(self, op: Operation, res: Resource) -> str:
        """A whole example: construct the client, call, print (streams are iterated)."""
        lines = [*self.client(), "", "async function run() {"]
        if overloaded(op):
            lines += [
                "  // The whole answer...",
                f"  const result = {self.call(op, res)};",
                "",
                "  console.log(result);",
            ]
            lines += ["", "  // ...or streamed as it is produced."]
            lines += [f"  const stream = {self.call(op, res, streamed=True)};", ""]
            lines += ["  for await (const event of stream) {", "    console.log(event.data);", "  }"]
            return "\n".join([*lines, "}", "", "run();"])
        lines.append(f"  const result = {self.call(op, res)};")
        kind = reading(op.success, op.responses).kind
        if paged(self.api, op) is not None:  # every item; the pages after the first as the loop reaches them
            lines += ["", "  for await (const item of result) {", "    console.log(item);", "  }"]
        elif op.stream is not None:
            lines += ["", "  for await (const event of result) {", "    console.log(event.data);", "  }"]
        elif kind == "binary":  # streamed to disk, never held whole
            lines += ["", f'  await result.writeToFile("{self.names.methods(res)[id(op)]}.out");']
        elif kind == "lines":
            lines += ["", "  for await (const item of result) {", "    console.log(item);", "  }"]
        else:
            lines += ["", "  console.log(result);"]
        return "\n".join([*lines, "}", "", "run();"])


def errors_table(api: Api, op: Operation) -> str:
    """The Errors table of a method: the error classes thrown per status."""
    by_class: dict[str, list[str]] = {}
    content: dict[str, str] = {}
    for r in op.responses:
        if r.error_class:
            by_class.setdefault(r.error_class, []).append(r.status)
            content.setdefault(r.error_class, r.content_type or "*/*")
    rows = [
        [f"`{cls}`", cell(", ".join(codes)), cell(content[cls].replace("*", "\\*"))]
        for cls, codes in by_class.items()
    ]
    rows.append(["`APIError`", "4XX, 5XX", "\\*/\\*"])
    return table(["Error Type", "Status Code", "Content Type"], rows)


_BINARY = (
    "the unread body: `bytes()`, `text()`, `for await` its chunks, `iterBytes(size)`, "
    "`writeToFile(path)`, `body`"
)
_LINES = "one item per line, `for await` them"


class ResourceDocs:
    """The resource pages and the README of the TypeScript SDK."""

    def __init__(self, docs: TsDocs) -> None:
        self.api = docs.api
        self.names = docs.names
        self.types = docs.types
        self.usage = Usage(docs.api, docs.names, docs.examples)

    def page(self, res: Resource) -> ResourcePage:
        """The view of one resource page."""
        methods = self.names.methods(res)
        views = [
            MethodView(
                methods[id(op)],
                op.summary.strip(),
                op.description.strip(),
                op.deprecated,
                self.usage.example(op, res),
                self.parameters(op),
                self.response(op),
                errors_table(self.api, op),
                deprecation.notice(self.api, self.names, op),
            )
            for op in res.operations
        ]
        title = self.names.resource_class(res)
        return ResourcePage(title, self.names.resource_prop(res), res.description.strip(), views)

    def parameters(self, op: Operation) -> str:
        """The Parameters table: the request's properties, then `options`."""
        props = self.names.params(op)
        rows_in: list[tuple[str, TypeRef, bool, str, Any, bool]] = [
            (
                f"request.{props[(p.location, p.wire)]}",
                p.type,
                p.required,
                p.description,
                p.example,
                p.deprecated,
            )
            for p in op.params
        ]
        body = op.body
        if body is not None and body.fields and body.model:
            model = self.api.named(body.model)
            assert isinstance(model, Model)
            fields = self.names.fields(model, model.fields)
            # A dual-mode method's flag is a boolean, even where the JSON mode's schema fixes it.
            flag = op.dual.flag if overloaded(op) and op.dual is not None else None
            rows_in += [
                (
                    f"request.{fields[f.wire]}",
                    TypeRef("bool") if f.wire == flag else f.type,
                    f.required and f.wire != flag,
                    f.doc,
                    f.example,
                    f.deprecated,
                )
                for f in body.fields
            ]
        elif body is not None:
            rows_in.append(
                ("request.requestBody", body.type, body.required, body.description, MISSING, False)
            )
        multipart = body is not None and body.content_type.startswith("multipart/")
        types = self.types.file_parts() if multipart else self.types
        with_example = any(ex is not MISSING for *_, ex, _ in rows_in)
        headers = ["Parameter", "Type", "Required", "Description"] + (["Example"] if with_example else [])
        rows = []
        for name, t, required, doc, ex, dep in rows_in:
            binary = name == "request.requestBody" and body is not None and body.kind == "binary"
            shown = BINARY_CELL if binary else types.cell(t)
            row = [f"`{name}`", cell(shown), CHECK if required else MINUS, description(doc, dep)]
            rows.append(row + ([example_cell(ex)] if with_example else []))
        options = ["`options`", "RequestOptions", MINUS]
        options.append("Per-call timeout, retries, abort signal and headers.")
        offered = media_choices(op)
        if len(offered) > 1:  # the caller picks the body's media type
            picks = " or ".join(f"`{ts_string(m)}`" for m in offered)
            options[1] = "BodyOptions"
            options[3] = (
                "Per-call timeout, retries, abort signal, headers, and `contentType`, the media type "
                f"the body is sent as: {picks} (default the first)."
            )
        rows.append(options + ([""] if with_example else []))
        return table(headers, rows)

    def response(self, op: Operation) -> str:
        """The linked response type of a method."""
        if op.stream is not None:
            model = op.stream.model
            link = f"[{self.api.named(model).module}.{self.names.type(model)}]({self.types.link(model)})"
            stream = f"**Promise\\<EventStream\\<{link}\\>\\>**"
            if not overloaded(op) or op.dual is None or op.dual.response.type is None:
                return stream
            whole = f"**Promise\\<{self.types.cell(op.dual.response.type)}\\>**"
            return f"{whole}; with `{self._flag(op)}: true`, {stream}"
        read = reading(op.success, op.responses)
        if op.pagination is not None and read.type is not None and paged(self.api, op) is not None:
            return (
                f"**Promise\\<Page\\<{self.types.cell(op.pagination.item)}, "
                f"{self.types.cell(read.type)}\\>\\>**: "
                "`for await` over the page yields the items of every page, each next page requested as the "
                "loop reaches it; `.data` is the page's response, `.items` its items, and `iterPages()`, "
                "`hasNextPage()` and `nextPage()` step through the pages."
            )
        absent = " | *undefined*" if read.optional else ""
        if read.kind == "binary":
            return f"**Promise\\<BinaryResponse\\>** ({_BINARY})"
        if read.kind == "text":
            return f"**Promise\\<*string*{absent}\\>**"
        if read.type is None:
            return "**Promise\\<void\\>**"
        if read.kind == "lines":
            return f"**Promise\\<LineStream\\<{self.types.cell(read.type)}\\>\\>** ({_LINES})"
        return f"**Promise\\<{self.types.cell(read.type)}{absent}\\>**"

    def _flag(self, op: Operation) -> str:
        """A dual-mode method's flag property."""
        assert op.dual is not None and op.body is not None
        model = self.api.named(op.body.model)
        assert isinstance(model, Model)
        return self.names.fields(model, model.fields)[op.dual.flag]

    def readme(self) -> dict[str, Any]:
        """Everything the SDK README prints."""
        api, names = self.api, self.names
        pairs = [(op, r) for r in api.resources for op in r.operations]
        first = next((p for p in pairs if p[0].stream is not None), pairs[0] if pairs else None)
        resources = [
            (
                names.resource_class(r),
                f"docs/sdks/{names.resource_file(r)}/README.md",
                [(names.methods(r)[id(op)], cell(op.summary).replace("\n", " ")) for op in r.operations],
            )
            for r in api.resources
        ]
        auth_rows = [
            [
                f"`{names.scheme_option(s.key)}`",
                s.kind if s.kind != "apikey" else "apiKey",
                f"`{names.env_var(s.key)}`",
                cell(s.description),
            ]
            for s in api.security
        ]
        # (A dual-mode method called without its flag answers whole.)
        plain = [p for p in pairs if p[0].stream is None or overloaded(p[0])]
        return {
            "title": " ".join(f"{api.title} TypeScript SDK".split()),
            "description": api.description.strip(),
            "package": api.package,
            "sdk_class": names.sdk_class,
            "example": self.usage.example(*first) if first else "",
            "stream": first is not None and first[0].stream is not None,
            "dual_flag": self._flag(first[0]) if first is not None and overloaded(first[0]) else "",
            "downloads": any(
                reading(op.success, op.responses).kind in ("binary", "lines")
                for op, _ in pairs
                if op.stream is None
            ),
            "resources": resources,
            "auth_table": table(["Option", "Type", "Environment Variable", "Description"], auth_rows)
            if auth_rows
            else "",
            "client": "\n".join(self.usage.client()),
            "client_body": "\n".join(self.usage.client()[2:]),
            "retries_client": "\n".join(self.usage.client("retries: { maxRetries: 3, initialDelayMs: 500 }")),
            "timeout_client": "\n".join(self.usage.client("timeoutMs: 30_000")),
            "error_call": self.usage.call(*plain[0]) if plain else "",
            "abort_call": self.usage.call(*plain[0], "{ signal: controller.signal, timeoutMs: 10_000 }")
            if plain
            else "",
            "raw_call": self.usage.call(*plain[0], raw=True) if plain else "",
            "server": api.servers[0] if api.servers else "http://localhost:8080",
        }
