"""The generated TypeScript SDK (generated-ts/, compiled by tsc) under node against a real local
server (tests/runtime/conftest_client.py: uvicorn on 127.0.0.1): streaming, errors, retries,
timeouts, cancellation; and the Python SSE conformance cases run against the TypeScript decoder."""

from __future__ import annotations

import base64
import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.runtime.conftest_client import TOKEN, Server, chunk, server_fixture  # noqa: F401
from tests.runtime.test_sse_conformance import CASES
from tests.typescript.build import TsBuild
from tests.typescript.support import node

SCRIPTS = Path(__file__).resolve().parent / "node"
# The SDK is compiled once per session with every other tree (tests/typescript/build.py).
pytestmark = pytest.mark.xdist_group("ts")


@pytest.fixture(scope="module")
def dist(ts_build: TsBuild) -> Path:
    """generated-ts/ compiled by the session's one tsc run."""
    return ts_build.dist("atoma-sdk")


def run(dist: Path, server: Server, scenario: str) -> dict[str, Any]:
    """One scenario of node/client_scenarios.mjs; its JSON result."""
    proc = subprocess.run(
        [node(), str(SCRIPTS / "client_scenarios.mjs"), str(dist), server.url, scenario],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result.pop("ok"), result.get("error")
    return result


def test_stream_yields_typed_chunks_until_the_sentinel(dist: Path, server: Server) -> None:
    result = run(dist, server, "stream")
    assert result["contents"] == [chunk(i, 7, 20)["choices"][0]["delta"]["content"] for i in range(20)]
    assert result["id"] == "chatcmpl-7"


def test_plain_call_parses_camel_case_model(dist: Path, server: Server) -> None:
    assert run(dist, server, "create") == {"content": "Hi there"}
    assert server.state.last_body["max_completion_tokens"] == 5
    # The dual-mode method without its flag: sent false, JSON asked for.
    assert server.state.last_body["stream"] is False
    assert server.state.last_headers["accept"] == "application/json"


def test_dual_mode_method_streams_with_its_flag(dist: Path, server: Server) -> None:
    result = run(dist, server, "createStream")
    assert result["contents"] == [chunk(i, 7, 20)["choices"][0]["delta"]["content"] for i in range(20)]
    assert result["id"] == "chatcmpl-7"
    assert server.state.last_body["stream"] is True
    assert server.state.last_headers["accept"] == "text/event-stream"


def test_request_is_sent_in_wire_names_with_the_const_filled_in(dist: Path, server: Server) -> None:
    run(dist, server, "outbound")
    body = server.state.last_body
    assert body["stream"] is True and body["max_completion_tokens"] == 7
    assert body["stream_options"] == {"include_usage": True}
    assert "maxCompletionTokens" not in body and "streamOptions" not in body
    assert server.state.last_headers["authorization"] == f"Bearer {TOKEN}"
    assert server.state.last_headers["accept"] == "text/event-stream"


def test_get_operation_and_credentials_from_the_environment(dist: Path, server: Server) -> None:
    assert run(dist, server, "models") == {"ids": ["m1"], "ownedBy": "atoma"}
    assert run(dist, server, "envAuth") == {"ids": ["m1"]}


def test_error_statuses_raise_typed_errors_with_parsed_bodies(dist: Path, server: Server) -> None:
    unauthorized = run(dist, server, "unauthorized")
    assert unauthorized["name"] == "AuthenticationError" and unauthorized["status"] == 401
    assert unauthorized["message"] == "Invalid API key provided."
    assert json.loads(unauthorized["body"])["error"]["message"] == "Invalid API key provided."
    assert run(dist, server, "notFound") == {"name": "NotFoundError", "status": 404}
    assert run(dist, server, "serverError") == {
        "name": "InternalServerError",
        "status": 500,
        "type": "status_500",
    }


def test_retries_honour_retry_after_and_then_succeed(dist: Path, server: Server) -> None:
    assert run(dist, server, "retries") == {"events": 3}
    assert server.state.counts["ts"] == 3


def test_timeout_raises_api_timeout_error(dist: Path, server: Server) -> None:
    result = run(dist, server, "timeout")
    assert result["name"] == "APITimeoutError" and result["ms"] < 2500


@pytest.mark.parametrize("scenario,key", [("breakCloses", "tsbreak"), ("abortCloses", "tsabort")])
def test_break_and_abort_close_the_connection(dist: Path, server: Server, scenario: str, key: str) -> None:
    result = run(dist, server, scenario)
    assert result.get("events", result.get("seen")) in (2, 3)
    deadline = time.monotonic() + 10
    while key not in server.state.disconnected and time.monotonic() < deadline:
        time.sleep(0.02)
    assert key in server.state.disconnected


def test_stream_failures(dist: Path, server: Server) -> None:
    assert run(dist, server, "cut") == {"name": "APIConnectionError", "seen": 2}
    assert run(dist, server, "malformed") == {"name": "StreamDecodeError", "seen": 1}
    assert run(dist, server, "errorEvent") == {"name": "APIError", "message": "overloaded"}
    assert run(dist, server, "iterateOnce") == {"name": "APIError"}


def _ev(data: str, event: str = "message", id: str = "", retry: int | None = None) -> list[Any]:
    return [event, data, id, retry]


# The size-cap cases of tests/runtime/test_sse_conformance.py, with the same limits.
CAPS: list[tuple[str, bytes, int, Any]] = [
    ("oversized line", b"data: " + b"x" * 100 + b"\n\n", 50, "too large"),
    ("oversized unterminated line", b"data: " + b"x" * 100, 50, "too large"),
    ("oversized comment line", b":" + b"x" * 100 + b"\ndata: a\n\n", 50, "too large"),
    ("oversized event of small lines", b"data: 123456789\n" * 20 + b"\n", 50, "too large"),
    ("same without spaces", b"data:123456789\n" * 20 + b"\n", 50, "too large"),
    ("exact limit line", b"data: " + b"x" * 44 + b"\n\n", 50, [_ev("x" * 44)]),
    ("exact limit data", b"data: 1234\n" * 10 + b"\n", 50, [_ev("\n".join(["1234"] * 10))]),
    (
        "each event counted alone",
        (b"data: 0123456789\n" * 3 + b"\n") * 10,
        40,
        [_ev("\n".join(["0123456789"] * 3))] * 10,
    ),
]


def test_python_sse_conformance_cases_pass_on_the_typescript_decoder(dist: Path, tmp_path: Path) -> None:
    cases = {
        "rules": [
            {"name": name, "raw": base64.b64encode(raw).decode(), "expected": [list(e) for e in expected]}
            for name, raw, expected in CASES
        ],
        "caps": [
            {"name": name, "raw": base64.b64encode(raw).decode(), "max": limit, "expected": expected}
            for name, raw, limit, expected in CAPS
        ],
    }
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases), encoding="utf-8")
    proc = subprocess.run(
        [node(), str(SCRIPTS / "sse_cases.mjs"), str(dist), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert result["rules"] == len(CASES) >= 60 and result["caps"] == len(CAPS)
    assert result["failures"] == [], json.dumps(result["failures"][:5], indent=1)[:4000]
