"""`sdkgen mock`: a real HTTP server answering every operation of a spec from its IR.

Each request is checked against its operation: credentials for its `security` (401 naming
the schemes when no alternative is met), then required parameters, the body's presence and
media type, and every value (parameters by style and explode, JSON, form and multipart
bodies) read by its type and judged by the one checker `values.problems`, string and number
`format`s included (`generator.formats`); a mismatch is answered 400 `{"error": reason}`.
Otherwise the first 2xx response is answered with its own example when it has one that fits
(formats included), else values from the shared engine (`ExampleValues`), in its media kind:
JSON, SSE events ending with the stream's sentinel, NDJSON lines, text, bytes, or 204 without content.

Starlette and uvicorn are imported only when a server is built: they are not dependencies
of the generator itself.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from generator import media, values
from generator.errors import UsageError
from generator.example_values import ExampleValues, example_sites
from generator.ir import (
    MISSING,
    Alias,
    Api,
    Enum,
    Field,
    Model,
    Operation,
    Param,
    RequestBody,
    Response,
    SecurityScheme,
    TypeRef,
)

if TYPE_CHECKING:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response as WebResponse

MISSING_WEB = "sdkgen mock needs starlette and uvicorn: pip install starlette uvicorn"
EVENTS = 3  # events of an SSE answer, lines of an NDJSON one
BINARY = b"sdkgen mock bytes\x00\xff"


@dataclass(frozen=True)
class Answer:
    """What the mock sends back: status, media type ("" without content) and the body bytes."""

    status: int
    content_type: str = ""
    body: bytes = b""


def app(api: Api) -> Starlette:
    """The starlette application serving every operation of `api` (one route per path and method)."""
    try:
        from starlette.applications import Starlette
        from starlette.routing import Route
    except ImportError as exc:
        raise UsageError(MISSING_WEB) from exc
    answers = Answers(api)
    groups: dict[tuple[str, str], list[Operation]] = {}
    for op in api.operations:
        groups.setdefault((op.http_method.upper(), op.path), []).append(op)
    # A concrete path wins over a template that would also match it (`/agents/pages` before
    # `/agents/{id}`), as OpenAPI requires; starlette tries routes in order.
    ordered = sorted(groups.items(), key=lambda item: _specificity(item[0][1]))
    routes = [
        Route(_template(ops[0]), _endpoint(api, answers, ops), methods=[method])
        for (method, _), ops in ordered
    ]
    return Starlette(routes=routes)


def _specificity(path: str) -> tuple[int, ...]:
    """Sorts paths so that at the first segment where two differ, a literal comes first."""
    return tuple(int("{" in segment) for segment in path.split("/"))


def _template(op: Operation) -> str:
    """The starlette path of `op`: parameters renamed `p0`, `p1`... (any wire name routes)."""
    out, index = [], 0
    for text, is_param in op.path_parts():
        if is_param:
            out.append(f"{{p{index}}}")
            index += 1
        else:
            out.append(text)
    return "".join(out)


def _endpoint(
    api: Api, answers: Answers, ops: list[Operation]
) -> Callable[[Request], Awaitable[WebResponse]]:
    from starlette.responses import Response as WebResponse

    async def endpoint(request: Request) -> WebResponse:
        raw = await request.body()
        ctype = request.headers.get("content-type", "")
        parsed: Any = None
        if raw and media.is_json(ctype):
            try:
                parsed = json.loads(raw)
            except ValueError as exc:
                return _error(f"request body: not JSON ({exc})")
        # The stream flag may travel in a JSON body or as a form field or part (`stream=true`).
        fields = parsed if isinstance(parsed, dict) else _true_fields(ctype, raw)
        op = _variant(_by_query(ops, request), fields)
        denied = _credential_problem(api, op, request)
        if denied:
            return _error(denied, 401)
        reason = _param_problem(api, op, request) or _body_problem(api, op, ctype, raw, parsed)
        if reason:
            return _error(reason)
        flag = op.dual.flag if op.dual is not None else ""
        asked = bool(flag) and isinstance(fields, dict) and fields.get(flag) is True
        answer = answers.of(op, streamed=asked or op.dual is None)
        headers = {"content-type": answer.content_type} if answer.content_type else {}
        return WebResponse(answer.body, status_code=answer.status, headers=headers)

    return endpoint


def _error(reason: str, status: int = 400) -> WebResponse:
    from starlette.responses import JSONResponse

    return JSONResponse({"error": reason}, status_code=status)


def _by_query(ops: list[Operation], request: Request) -> list[Operation]:
    """Of the operations sharing a path and method, those whose path key's own query
    (`/v1/files?beta=true`) the request carries, the most specific first; the plain ones when
    none fits."""
    query = request.query_params
    fits = [op for op in ops if all(value in query.getlist(name) for name, value in op.fixed_query)]
    most = max((len(op.fixed_query) for op in fits), default=0)
    return [op for op in fits if len(op.fixed_query) == most] or ops


def _variant(ops: list[Operation], body: Any) -> Operation:
    """Of the operations sharing a path and method (Speakeasy's `#stream` variants), the one the
    body asks for: the stream when its flag is true, else the other."""
    flagged = isinstance(body, dict)
    chosen = next((op for op in ops if op.stream_flag and flagged and body.get(op.stream_flag) is True), None)
    return chosen or next((op for op in ops if not op.stream_flag), ops[0])


def _credential_problem(api: Api, op: Operation, request: Request) -> str:
    """Why the request lacks the credentials every alternative of the operation's `security`
    needs ("" when one is met, or the operation allows anonymous calls)."""
    alternatives = op.security_requirements
    if not alternatives or any(not keys for keys in alternatives):
        return ""
    schemes = {s.key: s for s in api.security}
    if any(all(_presented(schemes.get(k), request) for k in keys) for keys in alternatives):
        return ""
    wanted = " or ".join(" and ".join(_wanted(schemes.get(k), k) for k in keys) for keys in alternatives)
    return f"missing or malformed credentials: expected {wanted}"


def _presented(scheme: SecurityScheme | None, request: Request) -> bool:
    """Whether the request carries a well-formed credential of `scheme` (an undeclared one is
    not checked: the generator notes it)."""
    if scheme is None:
        return True
    if scheme.kind == "apikey":
        where = {"header": request.headers, "query": request.query_params, "cookie": request.cookies}
        return bool(where[scheme.location].get(scheme.header))
    kind, _, token = request.headers.get("authorization", "").strip().partition(" ")
    token = token.strip()
    if scheme.kind == "bearer":
        return kind.lower() == "bearer" and _B64TOKEN.fullmatch(token) is not None
    try:
        decoded = base64.b64decode(token, validate=True).decode("utf-8")
    except ValueError:
        return False
    return kind.lower() == "basic" and ":" in decoded


# RFC 6750 §2.1: a bearer token is one b64token (what OAuth servers issue, JWTs included).
_B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


def _wanted(scheme: SecurityScheme | None, key: str) -> str:
    if scheme is None or scheme.kind == "bearer":
        return f"{key} (Authorization: Bearer <token>)"
    if scheme.kind == "basic":
        return f"{key} (Authorization: Basic <base64 of user:password>)"
    return f"{key} (API key in {scheme.location} {scheme.header!r})"


def _param_problem(api: Api, op: Operation, request: Request) -> str:
    """Why a parameter is missing or its value (each item of an array, each property of an
    object) does not fit its type ("" when none)."""
    slots = [wire for wire, is_param in op.path_parts() if is_param]
    for p in op.params:
        if p.location == "path":
            text = request.path_params.get(f"p{slots.index(p.wire)}") if p.wire in slots else None
            raw = _path_value(text, p, _shape(api, p.type))
        elif p.location == "query":
            raw = _query_value(api, op, p, request)
        else:
            where = request.headers if p.location == "header" else request.cookies
            raw = _delimited(where.get(p.wire), ",", _shape(api, p.type), p.explode)
        if raw is None:
            if p.required:
                return f"required {p.location} parameter {p.wire!r} is missing"
            continue
        found = values.problems(api, _typed(api, raw, p.type), p.type, direction="request", formats=True)
        if found:
            return f"{p.location} parameter {p.wire!r}: {found[0].removeprefix('/: ')}"
    return ""


# A value as the wire spells it (text, a list of values, an object of them), before its type reads it.
Raw = Any


def _shape(api: Api, t: TypeRef) -> str:
    """How a parameter travels: "list", "object" or "scalar" (aliases and nullable unions seen through)."""
    for _ in range(32):
        if t.kind == "alias":
            named = api.named(t.name)
            t = named.target if isinstance(named, Alias) else t
        elif t.kind == "union" and len([a for a in t.args if a.kind != "null"]) == 1:
            t = next(a for a in t.args if a.kind != "null")
        else:
            break
    return "list" if t.kind == "list" else "object" if t.kind in ("model", "map") else "scalar"


def _delimited(text: str | None, sep: str, shape: str, explode: bool) -> Raw | None:
    """A simple-style (or non-exploded form) value: items joined by `sep`; an object's
    `k,v,k,v` (or, exploded, `k=v,k=v`)."""
    if text is None or shape == "scalar":
        return text
    items = [item.strip() if sep == "," else item for item in text.split(sep)] if text else []
    if shape == "list":
        return list(items)
    if explode:
        return {k: v for k, _, v in (item.partition("=") for item in items)}
    return dict(zip(items[::2], items[1::2], strict=False))


def _path_value(text: str | None, p: Param, shape: str) -> Raw | None:
    """A path value without its label (`.v`) or matrix (`;name=v`) prefix, split by its style."""
    if text is None:
        return None
    if p.style == "label":
        text = text.removeprefix(".")
        return _delimited(text, "." if p.explode else ",", shape, p.explode)
    if p.style == "matrix":
        if p.explode and shape == "list":
            return [part.removeprefix(f"{p.wire}=") for part in text.split(";") if part]
        text = text.removeprefix(f";{p.wire}=") if shape != "object" or not p.explode else text.lstrip(";")
        return _delimited(text, ";" if p.explode and shape == "object" else ",", shape, p.explode)
    return _delimited(text, ",", shape, p.explode)


_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


def _query_value(api: Api, op: Operation, p: Param, request: Request) -> Raw | None:
    """A query parameter's value by its style: repeated keys, delimited, deepObject brackets,
    or (an exploded form object) its properties as keys of their own."""
    query = request.query_params
    shape = _shape(api, p.type)
    if p.style == "deepObject" or shape == "object" and any(k.startswith(p.wire + "[") for k in query):
        nested = _brackets((k, v) for k, v in query.multi_items() if k.startswith(p.wire + "["))
        return nested.get(p.wire)
    if shape == "list":
        if p.explode:
            given = query.getlist(p.wire)
            return list(given) if given else None
        return _delimited(query.get(p.wire), _DELIMITERS.get(p.style, ","), shape, False)
    if shape == "object" and p.explode:
        others = {q.wire for q in op.params if q.location == "query"}
        target = _model_of(api, p.type)
        keys = {f.wire for f in target.fields} if target is not None else None
        spread = {k: v for k, v in query.items() if (k in keys if keys is not None else k not in others)}
        return spread or None
    return _delimited(query.get(p.wire), ",", shape, False)


def _model_of(api: Api, t: TypeRef) -> Model | None:
    """The model `t` names (through aliases), if it names one."""
    for _ in range(32):
        named = api.named(t.name) if t.kind in ("model", "alias") else None
        if isinstance(named, Model):
            return named
        if not isinstance(named, Alias):
            return None
        t = named.target
    return None


def _brackets(pairs: Iterable[tuple[str, str]]) -> dict[str, Raw]:
    """Form pairs in the bracket convention (`a[b]=v`, `x[0]=v`) nested as objects; a key given
    more than once (`a=1&a=2`, or `a[]=1&a[]=2`) collects its values in a list."""
    out: dict[str, Raw] = {}
    for key, value in pairs:
        head, _, rest = key.partition("[")
        path = [head, *(rest.removesuffix("]").split("][") if rest else [])]
        listed = len(path) > 1 and path[-1] == ""
        if listed:
            path.pop()
        node: dict[str, Raw] = out
        for step in path[:-1]:
            child = node.get(step)
            if not isinstance(child, dict):
                child = node[step] = {}
            node = child
        last = path[-1]
        if last not in node:
            node[last] = [value] if listed else value
        else:
            before = node[last]
            node[last] = [*before, value] if isinstance(before, list) else [before, value]
    return out


def _typed(api: Api, raw: Any, t: TypeRef, depth: int = 0) -> Any:
    """The JSON value a wire value stands for, read by its type: text to an integer, number or
    boolean where the type wants one, `x[0]`-keyed objects to arrays; as it came when unreadable
    (the checker then says why)."""
    if depth > 32:
        return raw
    kind = t.kind
    if kind == "alias":
        named = api.named(t.name)
        return _typed(api, raw, named.target, depth + 1) if isinstance(named, Alias) else raw
    if kind == "union":
        members = [a for a in t.args if a.kind != "null"] or list(t.args)
        tries = [(_typed(api, raw, a, depth + 1), a) for a in members]
        fitting = (v for v, a in tries if values.fits(api, v, a, "request", formats=True))
        return next(fitting, tries[0][0] if tries else raw)
    if kind == "list":
        if isinstance(raw, dict) and all(k.isdigit() for k in raw):
            raw = [raw[k] for k in sorted(raw, key=int)]
        items = raw if isinstance(raw, list) else [raw]
        return [_typed(api, item, t.args[0], depth + 1) for item in items]
    if isinstance(raw, list) and len(raw) == 1:
        return _typed(api, raw[0], t, depth + 1)  # one value, sent once
    if kind in ("model", "map") and isinstance(raw, str):
        try:
            return json.loads(raw)  # a JSON part of a multipart body
        except ValueError:
            return raw
    if kind == "map" and isinstance(raw, dict):
        return {k: _typed(api, v, t.args[0], depth + 1) for k, v in raw.items()}
    if kind == "model" and isinstance(raw, dict):
        model = api.named(t.name)
        assert isinstance(model, Model)
        wires = {f.wire: f.type for f in model.fields}
        extra = model.extra_type
        return {
            k: _typed(api, v, wires[k], depth + 1)
            if k in wires
            else _typed(api, v, extra, depth + 1)
            if extra is not None
            else v
            for k, v in raw.items()
        }
    return _scalar(api, raw, t) if isinstance(raw, str) else raw


_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def _scalar(api: Api, text: str, t: TypeRef) -> Any:
    """The JSON value a scalar's text stands for, read by its type (as it came when unreadable)."""
    named = api.named(t.name) if t.kind == "enum" else None
    kind = named.base if isinstance(named, Enum) else t.kind
    if t.kind == "literal" and t.values and not isinstance(t.values[0], str):
        kind = "bool" if isinstance(t.values[0], bool) else "float"
    if kind in ("int", "float"):
        if _INTEGER.fullmatch(text):
            return int(text)  # exact: a float would round an int64 past 2**53
        if not _NUMBER.fullmatch(text):  # JSON's numbers only: not `nan`, `inf`, `1_0` or ` 1`
            return text
        number = float(text)
        if number.is_integer():  # `2.0` is an integer, as in JSON Schema
            return int(number)
        return number if kind == "float" else text
    return {"true": True, "false": False}.get(text, text) if kind == "bool" else text


def _body_problem(api: Api, op: Operation, ctype: str, raw: bytes, parsed: Any) -> str:
    """Why the request body does not match the operation's ("" when it does)."""
    body = op.body
    if body is None:
        return ""
    if not raw and media.essence(ctype) != "application/x-www-form-urlencoded":  # an empty form has no fields
        return "request body is required" if body.required else ""
    offered = body.offered or ((body.content_type, body.kind),)
    kind = next((k for m, k in offered if _matches(ctype, m)), None)
    if kind is None:
        declared = ", ".join(m for m, _ in offered)
        return f"Content-Type {ctype or '(none)'!r} is not one of the declared {declared}"
    if kind == "json":
        found = values.problems(api, parsed, body.type, direction="request", formats=True)
        return "request body: " + "; ".join(found[:4]) if found else ""
    if kind == "form":
        fields = _form_fields(body, raw)
        for f in body.fields:
            if f.required and f.wire not in fields and _sent(f):
                empty = _unwritten(api, f.type)
                if empty is None:
                    return f"request body: required field {f.wire!r} is missing"
                fields[f.wire] = empty
    elif kind == "multipart":
        parts = _parts(ctype, raw)
        if parts is None:
            return "request body: not a multipart/form-data body (no boundary or no parts)"
        missing = [f.wire for f in body.fields if f.required and f.wire not in parts and _sent(f)]
        if missing:
            return f"request body: required part {missing[0]!r} is missing"
        wrong = _part_type_problem(body, parts)
        if wrong:
            return wrong
        fields = _part_fields(api, body, parts)
    else:
        return ""
    found = values.problems(api, _typed(api, fields, body.type), body.type, direction="request", formats=True)
    return "request body: " + "; ".join(found[:4]) if found else ""


def _unwritten(api: Api, t: TypeRef) -> Any:
    """The value a form field absent from the body may be: an empty object or list (a form has
    no way to write one, so Stripe's required hashes of optional keys arrive as nothing) when
    the type takes it, else None."""
    empties: tuple[Any, ...] = ({}, [])
    for empty in empties:
        if not values.problems(api, empty, t, direction="request"):
            return empty
    return None


def _true_fields(ctype: str, raw: bytes) -> dict[str, bool] | None:
    """The fields of a form or multipart body whose value is `true` (flags asking for a stream)."""
    if media.essence(ctype) == "application/x-www-form-urlencoded":
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
        return {k: True for k, v in pairs if v == "true"}
    if media.essence(ctype) != "multipart/form-data":
        return None
    parts = _parts(ctype, raw) or {}
    return {name: True for name, found in parts.items() if [p.text for p in found] == ["true"]}


def _sent(f: Field) -> bool:
    """Whether a body property is part of a request (a `readOnly` one is not)."""
    return values.travels(f, "request")


def _form_fields(body: RequestBody, raw: bytes) -> dict[str, Raw]:
    """A form body's fields: brackets nested, each property's `encoding` style undone."""
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    fields = _brackets(pairs)
    for part in body.encoding:
        value = fields.get(part.name)
        if isinstance(value, str) and part.style in _DELIMITERS and part.explode is not True:
            fields[part.name] = value.split(_DELIMITERS[part.style])
        elif isinstance(value, str) and part.explode is False:
            fields[part.name] = value.split(",")
    return fields


@dataclass(frozen=True)
class Part:
    """One part of a multipart body: its text (bytes decoded) and whether it is a file."""

    text: str
    is_file: bool
    content_type: str


def _parts(ctype: str, raw: bytes) -> dict[str, list[Part]] | None:
    """The parts of a multipart/form-data body by field name; None when it is not one."""
    from email import message_from_bytes, policy

    if "boundary=" not in ctype:
        return None
    message = message_from_bytes(
        b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + raw, policy=policy.HTTP
    )
    if not message.is_multipart():
        boundary = message.get_boundary()
        # A body of no parts is the closing delimiter alone (RFC 2046's grammar asks for one
        # part, but clients send this for a form with no fields, as browsers do).
        return {} if boundary and raw.strip() == f"--{boundary}--".encode("latin-1") else None
    out: dict[str, list[Part]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        is_file = part.get_filename() is not None
        out.setdefault(name, []).append(
            Part(
                data.decode("utf-8", "replace"),
                is_file,
                part.get_content_type() if part["content-type"] else "",
            )
        )
    return out


def _part_type_problem(body: RequestBody, parts: dict[str, list[Part]]) -> str:
    """Why a part's Content-Type is not one its `encoding` lists ("" when every part's is; a
    part without an `encoding.contentType` takes any)."""
    for enc in body.encoding:
        allowed = [m.strip() for m in enc.content_type.split(",") if m.strip()]
        for part in parts.get(enc.name, []) if allowed else []:
            if not any(_matches(part.content_type or "text/plain", m) for m in allowed):
                given, listed = part.content_type or "(none)", ", ".join(allowed)
                return f"request body: part {enc.name!r}: Content-Type {given!r} is not one of {listed}"
    return ""


def _part_fields(api: Api, body: RequestBody, parts: dict[str, list[Part]]) -> dict[str, Raw]:
    """A multipart body's fields as wire values: a binary field takes any part (a file or
    text), an array one part per item (or one JSON part), an object one JSON part."""
    types = {f.wire: f.type for f in body.fields}
    out: dict[str, Raw] = {}
    for name, given in parts.items():
        t = types.get(name)
        listed = t is not None and _shape(api, t) == "list"
        if t is not None and _binary(api, t):
            items: list[Raw] = [p.text for p in given]
        else:
            items = [_part_value(p) for p in given]
        if listed and len(items) == 1 and isinstance(items[0], list):
            out[name] = items[0]
        else:
            out[name] = items if listed or len(items) > 1 else items[0]
    return out


def _part_value(part: Part) -> Raw:
    """A part's text, or the value of a JSON part."""
    if media.is_json(part.content_type):
        try:
            return json.loads(part.text)
        except ValueError:
            return part.text
    return part.text


def _binary(api: Api, t: TypeRef) -> bool:
    """Whether a multipart field holds file content (`format: binary`, or an array of them)."""
    for _ in range(32):
        if t.kind == "alias":
            named = api.named(t.name)
            if not isinstance(named, Alias):
                return False
            t = named.target
        elif t.kind == "list":
            t = t.args[0]
        else:
            break
    return t.kind == "bytes" or t.format == "binary"


def _matches(ctype: str, declared: str) -> bool:
    """Whether the request's media type is the declared one (`type/*` and `*/*` match a family)."""
    got, want = media.essence(ctype), media.essence(declared)
    if want in ("*/*", got):
        return True
    return want.endswith("/*") and got.startswith(want[:-1])


class Answers:
    """The answer of each operation, built once from the shared example engine."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.examples = ExampleValues(api, "response", formats=True)
        self._cache: dict[tuple[int, bool], Answer] = {}

    def of(self, op: Operation, streamed: bool = True) -> Answer:
        """The answer to a valid call of `op` (its JSON mode unless `streamed`, for dual operations)."""
        key = (id(op), streamed)
        if key not in self._cache:
            response = op.dual.response if op.dual is not None and not streamed else op.success
            self._cache[key] = self._answer(op, response)
        return self._cache[key]

    def _answer(self, op: Operation, response: Response | None) -> Answer:
        if response is None or not response.kind and not response.content_type:
            return Answer(204)
        status = int(response.status) if response.status.isdigit() else 200
        ctype = response.content_type
        if response.kind == "sse" and op.stream is not None:
            return Answer(status, ctype, self._events(op))
        value = self._value(response)
        if response.kind == "json":
            return Answer(status, ctype, _json(value))
        if response.kind == "ndjson":
            return Answer(status, ctype, b"".join(_json(value) + b"\n" for _ in range(EVENTS)))
        if response.kind == "text":
            return Answer(status, ctype, str(value if isinstance(value, str) else "example").encode())
        concrete = ctype if "*" not in ctype else "application/octet-stream"
        return Answer(status, concrete, BINARY)

    def _value(self, response: Response) -> Any:
        """The response's own example when it fits its schema, else one derived from the schema."""
        if response.type is None:  # no schema: the example as it is, if any
            return response.example if response.example is not MISSING else {}
        if given_example(self.api, response)[0]:
            return response.example
        return self.examples.wire_value(response.type)

    def _events(self, op: Operation) -> bytes:
        """A few SSE events whose data is an example payload, then the sentinel when declared."""
        assert op.stream is not None
        named = op.stream.events or (("", ""),)
        blocks = []
        for i in range(EVENTS):
            event, envelope = named[i % len(named)]
            head = f"event: {event}\n" if event else ""
            data = self._data(self._payload_type(envelope) or op.stream.data)
            lines = "".join(f"data: {line}\n" for line in data.split("\n"))
            blocks.append(f"{head}{lines}\n")
        if op.stream.sentinel:
            blocks.append(f"data: {op.stream.sentinel}\n\n")
        return "".join(blocks).encode()

    def _payload_type(self, envelope: str) -> TypeRef | None:
        """The `data` type of one event-union member's envelope model."""
        if not envelope:
            return None
        model = self.api.named(envelope)
        fields = model.fields if isinstance(model, Model) else ()
        return next((f.type for f in fields if f.wire == "data"), None)

    def _data(self, t: TypeRef) -> str:
        value = self.examples.wire_value(t)
        return value if isinstance(value, str) and t.kind == "str" else json.dumps(value)


def given_example(api: Api, response: Response) -> tuple[bool, str]:
    """Whether the mock answers `response`'s own example (its media type's `example`, or first
    named `examples` entry), and a note when it has one that does not fit its schema."""
    if (
        response.example is MISSING
        or response.type is None
        or response.kind not in ("json", "ndjson", "text")
    ):
        return False, ""
    found = values.problems(api, response.example, response.type, direction="response", formats=True)
    if not found:
        return True, ""
    return False, (
        f"{response.example_at}: the example does not fit the response schema ({found[0]}); "
        "the mock answers values derived from the schema"
    )


def notes(api: Api) -> list[str]:
    """What the mock cannot answer as the spec says: response examples that do not fit, and
    examples of schemas, properties and parameters that fit but for a `format` (the build
    notes the others)."""
    out = []
    for op in api.operations:
        for response in (op.success, op.dual.response if op.dual is not None else None):
            if response is not None and given_example(api, response)[1]:
                out.append(given_example(api, response)[1])
    for example, t, pointer in example_sites(api):
        if values.fits(api, example, t) and not values.fits(api, example, t, formats=True):
            found = values.problems(api, example, t, formats=True)[0]
            out.append(
                f"{pointer}: the example is not of its format ({found}); the mock refuses it in a "
                "request and does not answer it"
            )
    return list(dict.fromkeys(out))


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def serve(api: Api, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Run the mock of `api` on host:port (0: a free port) until interrupted; `announce` gets its URL."""
    server, sock = _server(api), listen(host, port)
    announce(url_of(sock))
    server.run(sockets=[sock])


@contextmanager
def running(api: Api, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """The mock of `api` served from a thread while the block runs (e.g. a test fixture); gives its URL."""
    server, sock = _server(api), listen(host, port)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the mock server did not start")
        time.sleep(0.01)
    try:
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, sending small answers at once (Nagle's delay off)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit it: without it a header write and a body write wait for
    # the client's delayed ACK, some 40 ms a request.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
        # Listening before the URL is announced: a client that connects at once waits in the
        # backlog until the server accepts, instead of being refused.
        sock.listen(2048)
    except OSError as exc:
        raise UsageError(f"--host {host} --port {port}: cannot listen ({exc.strerror})") from exc
    return sock


def url_of(sock: socket.socket) -> str:
    """The base URL of a bound socket."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _server(api: Api) -> uvicorn.Server:
    try:
        import uvicorn
    except ImportError as exc:
        raise UsageError(MISSING_WEB) from exc
    config = uvicorn.Config(app(api), log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
    return uvicorn.Server(config)
