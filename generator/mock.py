"""`sdkgen mock`: a real HTTP server answering every operation of a spec from its IR.

Each request is checked against its operation (required parameters, the body's presence,
media type and, for JSON, its schema through the one checker `values.problems`) and answered
400 `{"error": reason}` when it does not match; otherwise the first 2xx response is answered
with example values from the shared engine (`ExampleValues`) in its media kind: JSON, SSE
events ending with the stream's sentinel, NDJSON lines, text, bytes, or 204 without content.

Starlette and uvicorn are imported only when a server is built: they are not dependencies
of the generator itself.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from generator import media, values
from generator.errors import UsageError
from generator.example_values import ExampleValues
from generator.ir import Api, Enum, Model, Operation, Response, TypeRef

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
        op = _variant(ops, parsed)
        reason = _param_problem(api, op, request) or _body_problem(api, op, ctype, raw, parsed)
        if reason:
            return _error(reason)
        flag = op.dual.flag if op.dual is not None else ""
        asked = bool(flag) and isinstance(parsed, dict) and parsed.get(flag) is True
        answer = answers.of(op, streamed=asked or op.dual is None)
        headers = {"content-type": answer.content_type} if answer.content_type else {}
        return WebResponse(answer.body, status_code=answer.status, headers=headers)

    return endpoint


def _error(reason: str) -> WebResponse:
    from starlette.responses import JSONResponse

    return JSONResponse({"error": reason}, status_code=400)


def _variant(ops: list[Operation], body: Any) -> Operation:
    """Of the operations sharing a path and method (Speakeasy's `#stream` variants), the one the
    body asks for: the stream when its flag is true, else the other."""
    flagged = isinstance(body, dict)
    chosen = next((op for op in ops if op.stream_flag and flagged and body.get(op.stream_flag) is True), None)
    return chosen or next((op for op in ops if not op.stream_flag), ops[0])


def _param_problem(api: Api, op: Operation, request: Request) -> str:
    """Why a parameter is missing or its value does not fit its (scalar) type ("" when none)."""
    slots = [wire for wire, is_param in op.path_parts() if is_param]
    for p in op.params:
        if p.location == "path":
            text = request.path_params.get(f"p{slots.index(p.wire)}") if p.wire in slots else None
            text = _unstyled(text, p.style, p.wire)
        elif p.location == "query":
            text = request.query_params.get(p.wire)
            if text is None and any(k.startswith(p.wire + "[") for k in request.query_params.keys()):
                continue  # deepObject: an object, not checked further
        elif p.location == "header":
            text = request.headers.get(p.wire)
        else:
            text = request.cookies.get(p.wire)
        if text is None:
            if p.required:
                return f"required {p.location} parameter {p.wire!r} is missing"
            continue
        found = values.problems(api, _scalar(api, text, p.type), p.type) if _is_scalar(p.type) else []
        if found:
            return f"{p.location} parameter {p.wire!r}: {found[0].removeprefix('/: ')}"
    return ""


def _unstyled(text: str | None, style: str, wire: str) -> str | None:
    """A scalar path value without its label (`.v`) or matrix (`;name=v`) prefix."""
    if text is not None and style == "label":
        return text.removeprefix(".")
    if text is not None and style == "matrix":
        return text.removeprefix(f";{wire}=")
    return text


_SCALAR_KINDS = frozenset({"str", "int", "float", "bool", "enum", "literal", "uuid", "date", "datetime"})


def _is_scalar(t: TypeRef) -> bool:
    """Whether a parameter's value is one plain string on the wire (whatever its style)."""
    return t.kind in _SCALAR_KINDS


def _scalar(api: Api, text: str, t: TypeRef) -> Any:
    """The JSON value a parameter's text stands for, read by its type (as it came when unreadable)."""
    named = api.named(t.name) if t.kind == "enum" else None
    kind = named.base if isinstance(named, Enum) else t.kind
    if t.kind == "literal" and t.values and not isinstance(t.values[0], str):
        kind = "bool" if isinstance(t.values[0], bool) else "float"
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            number = float(text)
            return int(number) if number.is_integer() else number
    except ValueError:
        return text
    return {"true": True, "false": False}.get(text, text) if kind == "bool" else text


def _body_problem(api: Api, op: Operation, ctype: str, raw: bytes, parsed: Any) -> str:
    """Why the request body does not match the operation's ("" when it does)."""
    body = op.body
    if body is None:
        return ""
    if not raw:
        return "request body is required" if body.required else ""
    offered = body.offered or ((body.content_type, body.kind),)
    kind = next((k for m, k in offered if _matches(ctype, m)), None)
    if kind is None:
        declared = ", ".join(m for m, _ in offered)
        return f"Content-Type {ctype or '(none)'!r} is not one of the declared {declared}"
    if kind == "json":
        found = values.problems(api, parsed, body.type)
        return "request body: " + "; ".join(found[:4]) if found else ""
    if kind == "form":
        keys = parse_qs(raw.decode("latin-1"), keep_blank_values=True).keys()
        missing = [f.wire for f in body.fields if f.required and not _has_key(keys, f.wire)]
        return f"request body: required field {missing[0]!r} is missing" if missing else ""
    if kind == "multipart":
        names = _part_names(ctype, raw)
        if names is None:
            return "request body: not a multipart/form-data body (no boundary or no parts)"
        missing = [f.wire for f in body.fields if f.required and f.wire not in names]
        return f"request body: required part {missing[0]!r} is missing" if missing else ""
    return ""


def _part_names(ctype: str, raw: bytes) -> set[str] | None:
    """The field names of a multipart/form-data body; None when it is not one."""
    from email import message_from_bytes, policy

    if "boundary=" not in ctype:
        return None
    message = message_from_bytes(
        b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + raw, policy=policy.HTTP
    )
    if not message.is_multipart():
        return None
    names = (part.get_param("name", header="content-disposition") for part in message.iter_parts())
    return {name for name in names if isinstance(name, str)}


def _has_key(keys: Any, wire: str) -> bool:
    """Whether a form body holds `wire`, plainly or in the bracket convention (`wire[k]`)."""
    return any(k == wire or k.startswith(wire + "[") for k in keys)


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
        self.examples = ExampleValues(api)
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
        value = self.examples.wire_value(response.type) if response.type is not None else {}
        if response.kind == "json":
            return Answer(status, ctype, _json(value))
        if response.kind == "ndjson":
            return Answer(status, ctype, b"".join(_json(value) + b"\n" for _ in range(EVENTS)))
        if response.kind == "text":
            return Answer(status, ctype, str(value if isinstance(value, str) else "example").encode())
        concrete = ctype if "*" not in ctype else "application/octet-stream"
        return Answer(status, concrete, BINARY)

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
