"""A real HTTP server on 127.0.0.1 for the TypeScript wire tests: it records every request
exactly as received (method, request target, headers, body bytes) under the request's
`x-scenario` header, and answers the routes of tests/typescript/specs/wire.yaml."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# What GET /labels/{id} answers: known fields in spec order, then properties the spec does not
# name (nested, non-ASCII, a key that looks like a camelCase property), compact JSON.
LABEL = (
    '{"display_name":"Zoë","color_code":"#fff","child":{"short_name":"c","hits":3,"maxHits":9},'
    '"x_extra":{"nested_key":[1,{"deep_key":null}]},"camelCase":"kept","ünï":"ç"}'
)
TICKS = b"".join(b'data: {"price":%d}\n\n' % i for i in range(3)) + b"data: [DONE]\n\n"
# GET /ticks/lines: JSON lines, CRLF and LF ended, a blank line, the last one unterminated.
TICK_LINES = b'{"price":0}\r\n{"price":1}\n\n{"price":2}'

# GET /text/<name>: (Content-Type, bytes): the charset the Content-Type names, or none (UTF-8).
TEXTS = {
    "latin1": ('text/plain; charset="ISO-8859-1"', "café".encode("latin-1")),
    "utf16": ("text/plain; charset=utf-16", "café ☕".encode("utf-16")),
    "none": ("text/plain", "café ☕".encode()),
    "bad": ("text/plain; charset=utf-8", b"ok \xff\xfe end"),
    "unknown": ("text/plain; charset=x-unknown", b"plain"),
}


@dataclass
class Received:
    """One request as it arrived."""

    method: str
    target: str  # path and query, as sent
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        """The value of a header (first one), by case-insensitive name."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@dataclass
class EchoServer:
    """The server's address and what it received, by scenario."""

    url: str
    received: dict[str, list[Received]] = field(default_factory=dict)

    def only(self, scenario: str) -> Received:
        """The one request a scenario sent."""
        got = self.received.get(scenario, [])
        assert len(got) == 1, f"{scenario}: {len(got)} requests"
        return got[0]


def _handler(server: EchoServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
            pass

        def _answer(self) -> None:
            if self.headers.get("transfer-encoding", "").lower() == "chunked":
                body = self._chunked()
            else:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
            got = Received(self.command, self.path, list(self.headers.items()), body)
            server.received.setdefault(self.headers.get("x-scenario", ""), []).append(got)
            path = self.path.split("?", 1)[0]
            if path.startswith("/labels/"):
                self._send(200, "application/json", LABEL.encode())
            elif path.startswith("/text/"):
                self._send(200, *TEXTS[path.removeprefix("/text/")])
            elif path == "/ticks":
                self._send(200, "text/event-stream", TICKS)
            elif path == "/ticks/lines":
                self._send(200, "application/jsonl", TICK_LINES)
            elif path == "/ping" and self.headers.get("x-scenario") == "pingHtml":
                self._send(200, "text/html", b"<p>maintenance</p>")
            else:
                self._send(200, "application/json", b'{"ok":true}')

        def _chunked(self) -> bytes:
            """A chunked body, its chunks joined (trailers skipped)."""
            chunks = []
            while size := int(self.rfile.readline().split(b";", 1)[0], 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)

        def _send(self, status: int, ctype: str, payload: bytes) -> None:
            self.send_response(status)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    return Handler


@contextmanager
def echo_server() -> Iterator[EchoServer]:
    """Run the server on a free port of 127.0.0.1 until the block ends."""
    state = EchoServer("")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def compact(text: str) -> bytes:
    """JSON text re-serialised the way `JSON.stringify` writes it."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")).encode()
