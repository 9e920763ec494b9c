"""A small threaded HTTP server on 127.0.0.1 for wire tests: a function answers each request,
and the server records what it received and when."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Seen:
    """One request: `METHOD path?query body` and when it arrived (monotonic seconds)."""

    line: str
    at: float


DROP = -1  # an answer's status that closes the connection without any response

# (path, query, JSON body, the server's own URL) -> (status or DROP, JSON payload)
Answer = Callable[[str, dict[str, str], Any, str], tuple[int, Any]]


class LocalServer:
    """Serves `answer` until `close()`; `take()` returns and forgets what it saw."""

    def __init__(self, answer: Answer) -> None:
        self.seen: list[Seen] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                owner.seen.append(
                    Seen(f"{self.command} {self.path} {raw.decode()}".rstrip(), time.monotonic())
                )
                url = urlsplit(self.path)
                status, payload = answer(
                    url.path, dict(parse_qsl(url.query)), json.loads(raw or b"{}"), owner.url
                )
                if status == DROP:
                    self.close_connection = True
                    return
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list[str]:
        """The request lines seen since the last call."""
        return [s.line for s in self.take_timed()]

    def take_timed(self) -> list[Seen]:
        """The requests seen since the last call, with their arrival times."""
        seen, self.seen = self.seen, []
        return seen

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def serving(answer: Answer) -> Iterator[LocalServer]:
    """A `LocalServer` for the block (a module fixture yields from it)."""
    server = LocalServer(answer)
    try:
        yield server
    finally:
        server.close()
