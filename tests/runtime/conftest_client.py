"""A real HTTP server speaking the embedded spec, for the generated client's runtime tests.

Uvicorn + Starlette in a thread on 127.0.0.1 (a free port). The request's `model` picks
the behaviour, so the generated SDK and the official `openai` client can be pointed at
the same server without custom headers:

- `stream-<seed>-<n>`: n chunks with random write boundaries, small delays, comments and
  keep-alives, then `data: [DONE]`;
- `flaky-<key>-<k>`: fail k times with 503 (Retry-After: 0) / 429, then succeed;
- `cut-<key>`: stream two chunks, then drop the connection;
- `malformed`: a chunk whose data is not JSON; `deviant-<seed>`: see `deviant_body` (seed 0:
  one write); `error-event`: an `event: error`;
  `error-payload`: a `data: {"error": ...}` event;
- `endless-<key>`: chunks forever until the client hangs up (recorded in `disconnected`);
- `status-<code>`: that status with an ErrorResponse body;
- `sleep-<seconds>`: answer after a delay (timeouts);
- `script-<key>-<answers>`: the n-th request with this key gets the n-th of the dot-separated
  answers (the last one repeats): `ok`; a status `<code>`, optionally with `ra<seconds>`
  (Retry-After) or `ms<millis>` (retry-after-ms); `<code>cut`, that status with a body cut
  mid-way (a failed read); `<code>stall`, a body that stops for 5 s mid-way; `slow`, no
  answer for 5 s.

For the streams golden SDK (`tests/golden/streams`), `/resume/<mode>-<seed>-<n>-<uid>/...`
serves `plain-stream/<room>` (GET, no sentinel) and `events` (POST, `[DONE]`): n events
with ids 0..n-1 (after a data-less `retry: 10` block), each connection cut at a seeded offset
(inside a line, between an event's lines, or between events) up to `MAX_CUTS` times.
Modes: `honour` continues after `Last-Event-ID`; `replay` ignores it and starts over;
`restart` starts over without ids; `noid` sends no ids; `stop204`, `stopjson` and `dead`
cut after two events and then answer 204, a JSON 200, or 503 for good; `done` sends the
whole stream, ending with `[DONE]` even on the GET. `/capture/...` records the request
(`state.captured`) and answers `state.reply`, for SDKs generated from real specs.
`/wire/...` echoes the request's raw body (latin-1; a GET's query string) and Content-Type,
for the wire golden SDK (`tests/golden/wire`).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import random
import re
import socket
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

GENERATED = Path(__file__).resolve().parents[2] / "generated"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

import atoma_sdk  # noqa: E402  (the generated SDK, not an installed namesake)

assert Path(atoma_sdk.__file__).is_relative_to(GENERATED), atoma_sdk.__file__

TOKEN = "test-token"


@dataclass
class State:
    """What the server saw: request counts per key, headers, disconnects."""

    counts: dict[str, int] = field(default_factory=dict)
    disconnected: set[str] = field(default_factory=set)
    finished: set[str] = field(default_factory=set)
    last_headers: dict[str, str] = field(default_factory=dict)
    last_body: Any = None
    last_event_ids: dict[str, list[str | None]] = field(default_factory=dict)
    # /capture/...: the last request (path, headers, raw body), and the answer (media type, body)
    captured: tuple[str, dict[str, str], bytes] = ("", {}, b"")
    reply: tuple[str, bytes] = ("application/json", b"{}")
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hit(self, key: str) -> int:
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1
            return self.counts[key]


def chunk(i: int, seed: int, n: int) -> dict[str, Any]:
    """The i-th chunk of stream `seed`: content with unicode, a final finish_reason/usage."""
    words = ["Hello", " wörld", " ✓", " 🚀", ' "quoted"', " line\nbreak", " tab\t", " x"]
    delta: dict[str, Any] = {"content": words[(i + seed) % len(words)]}
    if i == 0:
        delta["role"] = "assistant"
    out: dict[str, Any] = {
        "id": f"chatcmpl-{seed}",
        "object": "chat.completion.chunk",
        "created": 1677652288,
        "model": "meta-llama/Llama-3.3-70B-Instruct",
        "system_fingerprint": "fp_1",
        "choices": [
            {
                "index": 0,
                "delta": delta,
                "logprobs": None,
                "finish_reason": "stop" if i == n - 1 else None,
            }
        ],
    }
    if i == n - 1:
        out["usage"] = {"prompt_tokens": 9, "completion_tokens": n, "total_tokens": 9 + n}
    return out


def sse_body(seed: int, n: int) -> bytes:
    """The whole event stream of `stream-<seed>-<n>`, comments and keep-alives included."""
    rng = random.Random(seed)
    parts = [": welcome\n\n"]
    for i in range(n):
        if rng.random() < 0.2:
            parts.append(": keep-alive\n\n")
        end = rng.choice(["\n", "\r\n", "\r"])
        parts.append(f"data: {json.dumps(chunk(i, seed, n))}{end}{end}")
    parts.append("data: [DONE]\n\n")
    return "".join(parts).encode()


def split_randomly(body: bytes, rng: random.Random) -> list[bytes]:
    """Cut `body` at random points (inside UTF-8 sequences too)."""
    out, i = [], 0
    while i < len(body):
        step = rng.choice([1, 2, 3, 7, 16, 64, 300])
        out.append(body[i : i + step])
        i += step
    return out


MAX_CUTS = 4
_FIXED_CUT = ("noid", "stop204", "stopjson", "dead")


def resume_body(start: int, n: int, ids: bool, sentinel: bool) -> bytes:
    """Events start..n-1 of a resumable stream, then the sentinel when the operation has one."""
    # The reconnection time comes in a block of its own, without data, as servers often send
    # it: the standard applies it although no event is dispatched.
    parts = ["retry: 10\n\n"] if start == 0 else []
    for i in range(start, n):
        head = f"id: {i}\n" if ids else ""
        parts.append(f'{head}data: {{"price": {i}}}\n\n')
    if sentinel:
        parts.append("data: [DONE]\n\n")
    return "".join(parts).encode()


def cut_offset(body: bytes, rng: random.Random, floor: int = 1) -> int:
    """Where to cut `body` (at `floor` or later): inside a line, after a line inside an
    event, or between events."""
    between = [m.end() for m in re.finditer(b"\n\n", body)][:-1]
    inside = [m.end() for m in re.finditer(b"\n(?!\n)", body) if m.end() not in between]
    kind = rng.choice(["line", "event", "between"])
    places = {"event": inside, "between": between}.get(kind) or range(1, len(body))
    return rng.choice([p for p in places if floor <= p < len(body)] or [len(body) - 1])


def deviant_chunk() -> dict[str, Any]:
    """Chunk 1 as a server that deviates from the spec sends it: `created` (required)
    missing, an index that is not an integer, a key the spec does not have."""
    out = chunk(1, 0, 3)
    del out["created"]
    out["choices"][0]["index"] = "zero"
    out["service_tier"] = "flex"
    return out


def deviant_body() -> bytes:
    """`deviant-<seed>`: a valid chunk, a deviant one, data that is not JSON, a valid one, `[DONE]`."""
    events = [chunk(0, 0, 3), deviant_chunk()]
    parts = [f"data: {json.dumps(e)}\n\n" for e in events]
    parts += ["data: {not json\n\n", f"data: {json.dumps(chunk(2, 0, 3))}\n\n", "data: [DONE]\n\n"]
    return "".join(parts).encode()


def error_body(status: int, message: str = "boom") -> dict[str, Any]:
    return {"error": {"message": message, "type": f"status_{status}", "param": None, "code": None}}


def completion() -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1677652288,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Hi there"},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }


def make_app(state: State) -> Starlette:
    async def chat(request: Request) -> Response:
        body = await request.json()
        state.last_headers = dict(request.headers)
        state.last_body = body
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return JSONResponse(error_body(401, "Invalid API key provided."), status_code=401)
        model: str = body.get("model", "")
        stream = bool(body.get("stream"))
        if model.startswith("status-"):
            code = int(model.split("-")[1])
            return JSONResponse(error_body(code, f"status {code}"), status_code=code)
        if model.startswith("script-"):
            _, key, answers = model.split("-", 2)
            scripted = await _scripted(answers.split("."), state.hit(key))
            if scripted is not None:
                return scripted
            model = "stream-1-3"
        if model.startswith("flaky-"):
            _, key, times = model.split("-")
            count = state.hit(key)
            if count <= int(times):
                code = 429 if count % 2 == 0 else 503
                return JSONResponse(error_body(code), status_code=code, headers={"Retry-After": "0"})
            model = "stream-1-3"
        if model.startswith("sleep-"):
            state.hit(model)
            await asyncio.sleep(float(model.split("-", 1)[1]))
        if not stream:
            return JSONResponse(completion())
        if model.startswith("stream-"):
            _, seed, n = model.split("-")
            return _stream(_random_writes(sse_body(int(seed), int(n)), int(seed)))
        if model.startswith("cut-"):
            return _stream(_cut())
        if model == "malformed":
            body_ = f"data: {json.dumps(chunk(0, 0, 3))}\n\ndata: {{not json\n\ndata: [DONE]\n\n"
            return _stream(_once(body_.encode()))
        if model.startswith("deviant-"):
            seed = int(model.split("-")[1])
            body_ = deviant_body()
            return _stream(_once(body_) if seed == 0 else _random_writes(body_, seed))
        if model == "error-event":
            body_ = f"data: {json.dumps(chunk(0, 0, 3))}\n\nevent: error\ndata: "
            body_ += json.dumps(error_body(500, "overloaded")) + "\n\n"
            return _stream(_once(body_.encode()))
        if model == "error-payload":
            body_ = f"data: {json.dumps(error_body(500, 'mid-stream failure'))}\n\n"
            return _stream(_once(body_.encode()))
        if model.startswith("endless-"):
            return _stream(_endless(model.split("-", 1)[1]))
        return JSONResponse(error_body(400, f"unknown model {model}"), status_code=400)

    async def _random_writes(body: bytes, seed: int) -> AsyncIterator[bytes]:
        rng = random.Random(seed * 7919)
        for piece in split_randomly(body, rng):
            if rng.random() < 0.05:
                await asyncio.sleep(0.001)
            yield piece

    async def _once(body: bytes) -> AsyncIterator[bytes]:
        yield body

    async def _cut() -> AsyncIterator[bytes]:
        yield f"data: {json.dumps(chunk(0, 0, 3))}\n\n".encode()
        yield f'data: {json.dumps(chunk(1, 0, 3))}\n\ndata: {{"id'.encode()
        await asyncio.sleep(0.01)
        raise RuntimeError("connection cut on purpose")

    async def _endless(key: str) -> AsyncIterator[bytes]:
        i = 0
        try:
            while True:
                yield f"data: {json.dumps(chunk(i, 0, 10**9))}\n\n".encode()
                i += 1
                await asyncio.sleep(0.005)
        finally:
            state.disconnected.add(key)

    async def models(request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return JSONResponse(error_body(401, "Invalid API key provided."), status_code=401)
        return JSONResponse(
            {"object": "list", "data": [{"id": "m1", "object": "model", "created": 1, "owned_by": "atoma"}]}
        )

    async def resumable(request: Request) -> Response:
        key = request.path_params["key"]
        mode, seed, n = key.split("-")[:3]
        count = state.hit(key)
        last = request.headers.get("last-event-id")
        with state.lock:
            state.last_event_ids.setdefault(key, []).append(last)
        if count > 1 and mode in _FIXED_CUT[1:]:
            if mode == "stop204":
                return Response(status_code=204)
            if mode == "stopjson":
                return JSONResponse({"done": True})
            return JSONResponse(error_body(503), status_code=503)
        start = int(last) + 1 if mode == "honour" and last is not None else 0
        sentinel = request.method == "POST" or mode == "done"
        body = resume_body(start, int(n), mode not in ("noid", "restart"), sentinel)
        if mode == "done":  # whole, with `[DONE]` though the GET declares no sentinel
            return _stream(_cut_at(body, None))
        # Block ends, the data-less `retry:` block not counted as an event.
        ends = [m.end() for m in re.finditer(b"\n\n", body)][1 if body.startswith(b"retry:") else 0 :]
        if mode in _FIXED_CUT:
            cut: int | None = ends[1]
        else:
            rng = random.Random(int(seed) * 1000 + count)
            # The first connection delivers an id at least: before one, there is no resuming.
            floor = ends[0] if count == 1 and mode != "restart" else 1
            cut = cut_offset(body, rng, floor) if count <= MAX_CUTS and body else None
        return _stream(_cut_at(body, cut))

    async def _cut_at(body: bytes, cut: int | None) -> AsyncIterator[bytes]:
        yield body if cut is None else body[:cut]
        if cut is not None:
            await asyncio.sleep(0.01)  # let the bytes before the cut reach the client
            raise RuntimeError("connection cut on purpose")

    async def echo(request: Request) -> Response:
        body = request.url.query.encode() if request.method == "GET" else await request.body()
        state.last_headers = dict(request.headers)
        return JSONResponse(
            {"body": body.decode("latin-1"), "content_type": request.headers.get("content-type", "")}
        )

    async def capture(request: Request) -> Response:
        state.captured = (request.url.path, dict(request.headers), await request.body())
        media, body = state.reply
        return Response(body, media_type=media)

    return Starlette(
        routes=[
            *body_routes(echo, state),
            Route("/capture/{rest:path}", capture, methods=["GET", "POST", "PUT"]),
            Route("/wire/customers", echo, methods=["POST"]),
            Route("/wire/charges", echo, methods=["GET"]),
            Route("/resume/{key}/plain-stream/{room}", resumable, methods=["GET"]),
            Route("/resume/{key}/events", resumable, methods=["POST"]),
            Route("/v1/chat/completions", chat, methods=["POST"]),
            Route("/v1/models", models, methods=["GET"]),
        ]
    )


_PERIOD = bytes((i * 7 + 3) % 256 for i in range(256))


def blob(size: int) -> bytes:
    """`size` bytes that are not UTF-8 (every byte value, in a fixed order: byte i is
    (7i + 3) mod 256, which repeats every 256 bytes)."""
    return (_PERIOD * (size // 256 + 1))[:size]


def body_routes(echo: Any, state: State) -> list[Route]:
    """The wire golden SDK's body operations: echoes, a blob, text, JSON lines, XML.

    `GET /wire/blobs/<size>` answers `blob(size)`; `/wire/blobs/json` a JSON body under a
    JSON Content-Type (not declared); `/wire/records?n=k` k JSON lines (n=-1: a bad line);
    `/html/customers` a 200 HTML page where JSON is declared; `/flaky/<key>/...` a 503 to
    the first request of each path, then an echo."""

    async def get_blob(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "json":
            return JSONResponse({"not": "audio"})
        return StreamingResponse(_pieces(blob(int(name))), media_type="application/octet-stream")

    async def flaky(request: Request) -> Response:
        body = await request.body()
        if state.hit(request.url.path) == 1:
            return JSONResponse(error_body(503), status_code=503, headers={"Retry-After": "0"})
        return JSONResponse({"body": body.decode("latin-1"), "content_type": request.headers["content-type"]})

    async def delete_note(request: Request) -> Response:
        if request.path_params["id"] == "gone":
            return Response(status_code=204)
        return JSONResponse({"title": request.path_params["id"]})

    async def text(request: Request) -> Response:
        return Response((await request.body()).decode().upper(), media_type="text/plain")

    async def records(request: Request) -> Response:
        n = int(request.query_params["n"])
        if n == -2:  # a line split across chunks (CRLF ended), then one that is not UTF-8
            pieces = [b'{"id": 0, "name": "r\xc3', b'\xa9"}\r', b'\n{"id": 1, "name": "\xff"}\n']
            return StreamingResponse(_each(pieces), media_type="application/x-ndjson")
        lines = [json.dumps({"id": i, "name": f"r{i}"}) for i in range(max(n, 1))]
        if n < 0:
            lines.append('{"id": "x"}')
        return Response("\n".join(lines) + "\n", media_type="application/x-ndjson")

    async def anything(request: Request) -> Response:
        return Response(blob(10), media_type="image/png")

    async def report(request: Request) -> Response:
        return Response("<note><title>t</title></note>", media_type="application/xml")

    async def charset(request: Request) -> Response:
        # `/charset/<name>/text`: the text back in the charset named, which the Content-Type
        # names too ("none": no charset named; "bad-utf-8": bytes that are not UTF-8).
        name = request.path_params["name"]
        text = (await request.body()).decode()
        if name == "none":
            return Response(text.encode(), headers={"Content-Type": "text/plain"})
        if name == "bad-utf-8":
            return Response(b"ok \xff\xfe end", headers={"Content-Type": "text/plain; charset=utf-8"})
        data = text.encode(name) if name != "x-unknown" else text.encode()
        return Response(data, headers={"Content-Type": f'text/plain; charset="{name}"'})

    async def maybe_text(request: Request) -> Response:
        if request.query_params.get("empty") == "true":
            return Response(status_code=204)
        return Response("é".encode("latin-1"), headers={"Content-Type": "text/plain; charset=latin-1"})

    async def html(request: Request) -> Response:
        return Response("<html>maintenance</html>", media_type="text/html")

    return [
        Route("/wire/files", echo, methods=["POST"]),
        Route("/wire/uploads", echo, methods=["POST"]),
        Route("/wire/options", echo, methods=["POST"]),
        Route("/wire/options/maybe", echo, methods=["POST"]),
        Route("/charset/{name}/text", charset, methods=["POST"]),
        Route("/wire/notes", echo, methods=["POST"]),
        Route("/wire/notes/{id}", delete_note, methods=["DELETE"]),
        Route("/flaky/{key}/files", flaky, methods=["POST"]),
        Route("/flaky/{key}/blobs/{name}", flaky, methods=["PUT"]),
        Route("/wire/blobs/{name}", echo, methods=["PUT"]),
        Route("/wire/blobs/{name}", get_blob, methods=["GET"]),
        Route("/wire/text", text, methods=["POST"]),
        Route("/wire/text/maybe", maybe_text, methods=["GET"]),
        Route("/wire/records", records, methods=["GET"]),
        Route("/wire/anything", anything, methods=["GET"]),
        Route("/wire/report", report, methods=["GET"]),
        Route("/html/customers", html, methods=["POST"]),
    ]


async def _each(pieces: list[bytes]) -> AsyncIterator[bytes]:
    for piece in pieces:
        yield piece
        await asyncio.sleep(0.01)  # each its own chunk on the wire


async def _pieces(body: bytes) -> AsyncIterator[bytes]:
    for i in range(0, len(body), 65536):
        yield body[i : i + 65536]


async def _scripted(answers: list[str], count: int) -> Response | None:
    """The answer a script gives to its `count`-th request; None for `ok`."""
    answer = answers[min(count, len(answers)) - 1]
    if answer == "ok":
        return None
    if answer == "slow":
        await asyncio.sleep(5)
        return None
    found = re.fullmatch(r"(\d{3})(ra|ms|cut|stall)?(\d*)", answer)
    assert found is not None, f"bad script answer {answer!r}"
    code, kind, value = int(found[1]), found[2], found[3]
    if kind in ("cut", "stall"):
        body = _cut_json(code) if kind == "cut" else _stalled_json(code)
        return StreamingResponse(body, status_code=code, media_type="application/json")
    headers = {"ra": {"Retry-After": value}, "ms": {"retry-after-ms": value}}.get(kind or "", {})
    return JSONResponse(error_body(code, f"status {code}"), status_code=code, headers=headers)


async def _cut_json(code: int) -> AsyncIterator[bytes]:
    yield json.dumps(error_body(code)).encode()[:20]
    await asyncio.sleep(0.01)
    raise RuntimeError("connection cut on purpose")


async def _stalled_json(code: int) -> AsyncIterator[bytes]:
    body = json.dumps(error_body(code)).encode()
    yield body[:20]
    await asyncio.sleep(5)
    yield body[20:]


def _stream(chunks: AsyncIterator[bytes]) -> StreamingResponse:
    return StreamingResponse(chunks, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@dataclass
class Server:
    """A running server: its base URL and what it observed."""

    url: str
    state: State

    def wait_disconnect(self, key: str, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if key in self.state.disconnected:
                return True
            time.sleep(0.01)
        return False

    async def await_disconnect(self, key: str, timeout: float = 5.0) -> bool:
        """`wait_disconnect` for a test running on an event loop (which must keep running)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if key in self.state.disconnected:
                return True
            await asyncio.sleep(0.01)
        return False


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def generated_package(spec: Path, package: str, out: Path) -> Iterator[ModuleType]:
    """The SDK generated from `spec` into `out`, imported (for a module fixture to yield)."""
    from generator.cli import render_for  # noqa: PLC0415 - only the tests that generate need it
    from generator.config import Settings  # noqa: PLC0415

    files, _ = render_for(Settings(spec=spec, out=out, package=package))
    for name, text in files.items():
        if name.startswith(f"{package}/"):
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))


def serve(app: Starlette) -> Iterator[str]:
    """Run `app` on 127.0.0.1 (a free port) in a thread; yield its base URL, then stop it."""
    sock = _free_socket()
    config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.01)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session", name="server")
def server_fixture() -> Iterator[Server]:
    """The spec server, started once per session."""
    state = State()
    for url in serve(make_app(state)):
        yield Server(url, state)
