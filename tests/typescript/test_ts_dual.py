"""Dual-mode methods of the TypeScript SDK (tests/typescript/specs/dual.yaml): a body flag
(`stream`) and Speakeasy's `#stream` pair. `complete({...})` resolves to the model and
`complete({..., stream: true})` to the typed event stream (tsc checks both, in the session's one run:
specs/dual_types.ts); under node against sdkgen mock behind a recorder, each mode sends its flag
explicitly with its own Accept, and a success in the other media type throws instead of reading as
an empty stream."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator import mock
from generator.build import build_api
from generator.config import Settings
from generator.load import load_spec
from tests.helpers import render_spec
from tests.runtime.conftest_client import serve
from tests.typescript.build import DUAL_PACKAGE, DUAL_TYPES, TsBuild
from tests.typescript.support import SPECS, node

SCRIPT = Path(__file__).resolve().parent / "node" / "dual_scenarios.mjs"
SPEC = SPECS / "dual.yaml"
pytestmark = pytest.mark.xdist_group("ts")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CHUNKS = b'data: {"delta":"He"}\n\ndata: {"delta":"llo"}\n\ndata: [DONE]\n\n'
FORCED = {"json": ("application/json", b'{"text":"whole"}'), "sse": ("text/event-stream", CHUNKS)}


@dataclass
class Received:
    """One request as it arrived: method, path, Accept, Content-Type and the body bytes."""

    method: str
    path: str
    accept: str
    content_type: str
    body: bytes


def recorder(app: App, seen: dict[str, list[Received]]) -> App:
    """`app` behind a recorder filing each request under its `x-scenario` header; `x-answer:
    json|sse` answers that media type instead of asking `app` (a server ignoring the flag)."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        got = Received(
            scope["method"], scope["path"], headers.get("accept", ""), headers.get("content-type", ""), body
        )
        seen.setdefault(headers.get("x-scenario", ""), []).append(got)
        forced = FORCED.get(headers.get("x-answer", ""))
        if forced is not None:
            ctype, payload = forced
            await send(
                {"type": "http.response.start", "status": 200, "headers": [(b"content-type", ctype.encode())]}
            )
            await send({"type": "http.response.body", "body": payload})
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await app(scope, replay, send)

    return wrapped


@pytest.fixture(scope="module")
def recorded(ts_build: TsBuild) -> Iterator[tuple[dict[str, Any], dict[str, list[Received]]]]:
    """Every scenario of node/dual_scenarios.mjs (one node process), and what the server received."""
    api = build_api(load_spec(SPEC), Settings(spec=SPEC, package=DUAL_PACKAGE, target="typescript"))
    seen: dict[str, list[Received]] = {}
    for url in serve(recorder(mock.app(api), seen)):  # type: ignore[arg-type]
        proc = subprocess.run(
            [node(), str(SCRIPT), str(ts_build.dist(DUAL_PACKAGE)), url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0 and proc.stdout, proc.stderr[-3000:]
        yield json.loads(proc.stdout.strip().splitlines()[-1]), seen


def only(seen: dict[str, list[Received]], scenario: str) -> Received:
    got = seen.get(scenario, [])
    assert len(got) == 1, f"{scenario}: {len(got)} requests"
    return got[0]


def ok(results: dict[str, Any], name: str) -> dict[str, Any]:
    result = dict(results[name])
    assert result.pop("ok"), result
    return result


MOCK_EVENTS = [{"event": "message", "data": {"delta": "hel"}}] * mock.EVENTS  # the mock's, from examples


def test_the_type_checks_ran_with_the_sdk(ts_build: TsBuild) -> None:
    # Compiled in the one tsc run (whose success ts_build.dist asserts): both modes typed apart.
    compiled = ts_build.dist(DUAL_PACKAGE) / DUAL_TYPES.with_suffix(".js").name
    assert compiled.is_file()


@pytest.mark.parametrize(
    "scenario,body",
    [
        ("completeWhole", b'{"prompt":"hi","max_tokens":3,"stream":false,"request_kind":"completion"}'),
        ("completeFalse", b'{"prompt":"hi","stream":false,"request_kind":"completion"}'),
        ("sayWhole", b'{"text":"hi","stream":false}'),
    ],
)
def test_without_the_flag_the_whole_answer_with_the_flag_sent_false(
    recorded: tuple[dict[str, Any], dict[str, list[Received]]], scenario: str, body: bytes
) -> None:
    results, seen = recorded
    assert ok(results, scenario) == {"stream": False, "value": {"text": "hello there"}}
    got = only(seen, scenario)
    path = "/rooms/lobby/say" if scenario.startswith("say") else "/completions"
    assert (got.method, got.path, got.accept, got.content_type) == (
        "POST",
        path,
        "application/json",
        "application/json",
    )
    assert got.body == body


@pytest.mark.parametrize(
    "scenario,path,body",
    [
        (
            "completeStream",
            "/completions",
            b'{"prompt":"hi","max_tokens":3,"stream":true,"request_kind":"completion"}',
        ),
        ("completeRuntimeFlag", "/completions", b'{"prompt":"hi","stream":true,"request_kind":"completion"}'),
        # The base path, as the `#stream` variant's request (the base's refuses `stream: true`).
        ("sayStream", "/rooms/lobby/say", b'{"text":"hi","stream":true}'),
        ("sayVariant", "/rooms/lobby/say", b'{"text":"hi","stream":true}'),
        ("watch", "/watch", b'{"topic":"news","stream":true}'),
    ],
)
def test_with_the_flag_typed_events_until_the_end(
    recorded: tuple[dict[str, Any], dict[str, list[Received]]], scenario: str, path: str, body: bytes
) -> None:
    results, seen = recorded
    assert ok(results, scenario) == {"stream": True, "events": MOCK_EVENTS}
    got = only(seen, scenario)
    assert (got.path, got.accept, got.body) == (path, "text/event-stream", body)


def test_with_raw_response_keeps_the_stream(
    recorded: tuple[dict[str, Any], dict[str, list[Received]]],
) -> None:
    results, _ = recorded
    assert ok(results, "rawStream") == {
        "status": 200,
        "contentType": "text/event-stream",
        "stream": True,
        "events": MOCK_EVENTS,
    }


@pytest.mark.parametrize(
    "scenario,expected,received,body",
    [
        ("streamAnsweredWhole", ["text/event-stream"], "application/json", '{"text":"whole"}'),
        ("watchAnsweredWhole", ["text/event-stream"], "application/json", '{"text":"whole"}'),
        ("wholeAnsweredStreamed", ["application/json"], "text/event-stream", ""),
    ],
)
def test_an_answer_in_the_other_mode_throws_never_an_empty_stream(
    recorded: tuple[dict[str, Any], dict[str, list[Received]]],
    scenario: str,
    expected: list[str],
    received: str,
    body: str,
) -> None:
    results, _ = recorded
    result = results[scenario]
    assert (result["ok"], result["name"], result["statusCode"]) == (False, "UnexpectedContentTypeError", 200)
    assert (result["expected"], result["received"], result["body"]) == (expected, received, body)
    assert result["message"] == f"expected a response of type {expected[0]}, received {received} (HTTP 200)"


def test_the_docs_show_both_forms() -> None:
    files = render_spec(
        Settings(spec=SPEC, out=SPEC.parent / "unused", package=DUAL_PACKAGE, target="typescript")
    )
    page = files["docs/sdks/rooms/README.md"]
    say = page.split("\n## say\n", 1)[1].split("\n## sayStream\n", 1)[0]
    assert "  // The whole answer...\n  const result = await sdk.rooms.say({\n" in say
    assert '    text: "hello",\n    stream: true,\n  });\n\n  for await (const event of stream) {' in say
    assert " ".join(next(ln for ln in say.splitlines() if ln.startswith("| `request.stream`")).split()) == (
        "| `request.stream` | *boolean* | :heavy_minus_sign: | | |"
    )
    assert (
        "**Promise\\<[components.Reply](../../models/components/reply.md)\\>**; with `stream: true`, "
        "**Promise\\<EventStream\\<[operations.SayStreamResponseBody]"
    ) in say
