"""Dual-mode operations and the escape hatches of every call (issue 10, items 3 and 5):
the golden `calls` SDK against a real local server that records the exact request."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from conftest import import_golden_package
from conftest_client import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

calls_sdk = import_golden_package("calls")

pytestmark = pytest.mark.timeout(20)
KEY = "secret-key-123"
TWINS = ["sync", "async"]


@dataclass
class Seen:
    """The last request the server received, as bytes and headers on the wire."""

    method: str = ""
    target: bytes = b""  # raw path and query
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        found = [v.decode("latin-1") for k, v in self.headers if k == name.lower().encode()]
        return found[-1] if found else None

    def all(self, name: str) -> list[str]:
        return [v.decode("latin-1") for k, v in self.headers if k == name.lower().encode()]


def _sse() -> StreamingResponse:
    body = 'data: {"delta": "He"}\n\ndata: {"delta": "llo"}\n\ndata: [DONE]\n\n'
    return StreamingResponse(iter([body.encode()]), media_type="text/event-stream")


def make_app(seen: Seen) -> Starlette:
    async def record(request: Request) -> dict[str, Any]:
        seen.method = request.method
        query = request.scope["query_string"]
        seen.target = request.scope["raw_path"] + (b"?" + query if query else b"")
        seen.headers = list(request.scope["headers"])
        seen.body = await request.body()
        return json.loads(seen.body) if seen.body else {}

    async def dual(request: Request) -> Response:
        body = await record(request)
        flag = bool(body.get("stream", body.get("live")))
        if body.get("model") == "missing":
            return JSONResponse({"detail": "no such model"}, 404, headers={"request-id": "req-404"})
        if body.get("model") == "liar":  # answers the other mode than asked
            flag = not flag
        if flag:
            return _sse()
        return JSONResponse({"id": "c1", "text": "whole"}, headers={"x-request-id": "req-1"})

    async def echo(request: Request) -> Response:
        await record(request)
        payload = {
            "method": seen.method,
            "path": request.scope["raw_path"].decode(),
            "query": request.scope["query_string"].decode(),
            "body": seen.body.decode(),
        }
        return JSONResponse(payload, headers={"x-request-id": "req-echo", "set-cookie": "s=1"})

    return Starlette(
        routes=[
            Route("/completions", dual, methods=["POST"]),
            Route("/generate", dual, methods=["POST"]),
            Route("/watch", dual, methods=["POST"]),
            Route("/items/{item_id}", echo, methods=["GET"]),
            Route("/items", echo, methods=["POST"]),
        ]
    )


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, Seen]]:
    seen = Seen()
    for url in serve(make_app(seen)):
        yield url, seen


def run(twin: str, url: str, body: Callable[[Any], Any], **options: Any) -> Any:
    """`body(sdk)` with the sync client, or awaited with the async one; its result."""
    options.setdefault("api_key", KEY)
    if twin == "sync":
        with calls_sdk.CallsSdk(server_url=url, timeout=5, **options) as sdk:
            return body(sdk)

    async def main() -> Any:
        async with calls_sdk.AsyncCallsSdk(server_url=url, timeout=5, **options) as sdk:
            result = body(sdk)
            return await result if isinstance(result, Awaitable) else result

    return asyncio.run(main())


async def _drain(stream: Any) -> list[str]:
    async with stream:
        return [event.data.delta async for event in stream]


def _deltas(twin: str, stream: Any) -> Any:
    if twin == "sync":
        with stream:
            return [event.data.delta for event in stream]
    return _drain(stream)


# Dual-mode operations: the flag picks the model or the stream, always sent, Accept matching.


@pytest.mark.parametrize("twin", TWINS)
def test_dual_mode_default_is_the_json_model_with_the_flag_sent_false(
    twin: str, served: tuple[str, Seen]
) -> None:
    url, seen = served
    result = run(twin, url, lambda sdk: sdk.completions.create_completion(model="m", prompt="p"))
    assert isinstance(result, calls_sdk.models.components.Completion)
    assert result.text == "whole"
    assert seen.body == b'{"model":"m","prompt":"p","stream":false}'
    assert seen.header("accept") == "application/json"


@pytest.mark.parametrize("twin", TWINS)
def test_dual_mode_stream_true_is_the_typed_stream(twin: str, served: tuple[str, Seen]) -> None:
    url, seen = served

    async def a(sdk: Any) -> list[str]:
        return await _deltas(
            twin, await sdk.completions.create_completion(model="m", prompt="p", stream=True)
        )

    def s(sdk: Any) -> list[str]:
        return _deltas(twin, sdk.completions.create_completion(model="m", prompt="p", stream=True))

    assert run(twin, url, s if twin == "sync" else a) == ["He", "llo"]
    assert seen.body == b'{"model":"m","prompt":"p","stream":true}'
    assert seen.header("accept") == "text/event-stream"


@pytest.mark.parametrize("twin", TWINS)
def test_dual_mode_flag_named_by_the_speakeasy_extension(twin: str, served: tuple[str, Seen]) -> None:
    url, seen = served
    result = run(twin, url, lambda sdk: sdk.completions.generate(prompt="p", live=False))
    assert result.id == "c1"
    assert seen.body == b'{"prompt":"p","live":false}'
    assert seen.header("accept") == "application/json"


@pytest.mark.parametrize("twin", TWINS)
@pytest.mark.parametrize("stream", [False, True])
def test_dual_mode_answer_in_the_other_media_type_is_a_clear_error(
    twin: str, stream: bool, served: tuple[str, Seen]
) -> None:
    url, _ = served
    with pytest.raises(calls_sdk.UnexpectedContentTypeError) as caught:
        run(twin, url, lambda sdk: sdk.completions.create_completion(model="liar", prompt="p", stream=stream))
    error = caught.value
    expected = "text/event-stream" if stream else "application/json"
    assert error.expected == (expected,)
    assert error.received.startswith("application/json" if stream else "text/event-stream")
    assert error.status_code == 200
    if stream:  # the JSON that came is kept, not lost
        assert error.body == {"id": "c1", "text": "whole"}
        assert error.request_id == "req-1"
    else:
        assert "data: [DONE]" in error.body


@pytest.mark.parametrize("twin", TWINS)
def test_a_stream_only_method_sends_its_optional_stream_flag_true(
    twin: str, served: tuple[str, Seen]
) -> None:
    url, seen = served

    async def a(sdk: Any) -> list[str]:
        return await _deltas(twin, await sdk.completions.watch(topic="t"))

    def s(sdk: Any) -> list[str]:
        return _deltas(twin, sdk.completions.watch(topic="t"))

    assert run(twin, url, s if twin == "sync" else a) == ["He", "llo"]
    assert seen.body == b'{"topic":"t","stream":true}'
    assert seen.header("accept") == "text/event-stream"


# Escape hatches.


@pytest.mark.parametrize("twin", TWINS)
def test_extra_headers_query_and_body_reach_the_wire(twin: str, served: tuple[str, Seen]) -> None:
    url, seen = served
    run(
        twin,
        url,
        lambda sdk: sdk.items.create_item(
            name="n",
            size=2,
            extra_headers={"X-Extra": "1", "Accept": "application/json; v=2"},
            extra_query={"dry_run": True, "tag": ["a", "b"]},
            extra_body={"size": 3, "note": {"k": "ü"}},
        ),
    )
    assert seen.body == '{"name":"n","size":3,"note":{"k":"ü"}}'.encode()
    assert seen.target == b"/items?dry_run=true&tag=a&tag=b"
    assert seen.header("x-api-key") == KEY
    assert seen.header("x-extra") == "1"
    assert seen.all("accept") == ["application/json; v=2"]


@pytest.mark.parametrize("twin", TWINS)
def test_default_headers_and_query_with_every_call_and_the_call_wins(
    twin: str, served: tuple[str, Seen]
) -> None:
    url, seen = served
    run(
        twin,
        url,
        lambda sdk: sdk.items.get_item(
            item_id="a b", expand=True, x_trace="t", extra_headers={"X-Team": "call"}, extra_query={"v": "2"}
        ),
        default_headers={"X-Team": "client", "X-Org": "o"},
        default_query={"v": "1", "region": "eu", "expand": "never"},
    )
    assert seen.method == "GET"
    assert seen.target == b"/items/a%20b?region=eu&expand=true&v=2"
    assert seen.all("x-team") == ["call"]
    assert seen.header("x-org") == "o"
    assert seen.header("x-trace") == "t"
    assert seen.body == b""


@pytest.mark.parametrize("twin", TWINS)
def test_user_agent_names_the_sdk_its_version_and_sdkgen(twin: str, served: tuple[str, Seen]) -> None:
    url, seen = served
    run(twin, url, lambda sdk: sdk.items.get_item(item_id="1"))
    assert seen.header("user-agent") == "calls_sdk/2.3.0 (sdkgen)"


@pytest.mark.parametrize("twin", TWINS)
def test_raw_response_gives_status_headers_and_the_parsed_value(twin: str, served: tuple[str, Seen]) -> None:
    url, _ = served
    raw = run(twin, url, lambda sdk: sdk.items.with_raw_response.get_item(item_id="7"))
    assert isinstance(raw, calls_sdk.RawResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == raw.request_id == "req-echo"
    echo = raw.parse()
    assert echo.path == "/items/7"
    assert raw.parse() is echo


@pytest.mark.parametrize("twin", TWINS)
def test_raw_response_of_a_stream_parses_to_the_open_stream(twin: str, served: tuple[str, Seen]) -> None:
    url, _ = served

    async def a(sdk: Any) -> tuple[Any, list[str]]:
        raw = await sdk.completions.with_raw_response.create_completion(model="m", prompt="p", stream=True)
        return raw, await _deltas(twin, raw.parse())

    def s(sdk: Any) -> tuple[Any, list[str]]:
        raw = sdk.completions.with_raw_response.create_completion(model="m", prompt="p", stream=True)
        return raw, _deltas(twin, raw.parse())

    raw, deltas = run(twin, url, s if twin == "sync" else a)
    assert raw.headers["content-type"].startswith("text/event-stream")
    assert deltas == ["He", "llo"]


@pytest.mark.parametrize("twin", TWINS)
def test_errors_carry_status_headers_parsed_body_and_request_id(twin: str, served: tuple[str, Seen]) -> None:
    url, _ = served
    with pytest.raises(calls_sdk.NotFoundError) as caught:
        run(twin, url, lambda sdk: sdk.completions.create_completion(model="missing", prompt="p"))
    error = caught.value
    assert error.status_code == 404
    assert error.headers["request-id"] == error.request_id == "req-404"
    assert error.body == {"detail": "no such model"}
    assert error.data.detail == "no such model"


@pytest.mark.parametrize("twin", TWINS)
def test_debug_log_redacts_credentials(
    twin: str, served: tuple[str, Seen], caplog: pytest.LogCaptureFixture
) -> None:
    url, _ = served
    caplog.set_level(logging.DEBUG, logger="calls_sdk")
    run(
        twin,
        url,
        lambda sdk: sdk.items.get_item(
            item_id="1", extra_headers={"Cookie": "sid=abc", "X-Api-Key": "other"}
        ),
        api_key="",
        query_key=KEY,
    )
    lines = [r.getMessage() for r in caplog.records if r.name == "calls_sdk"]
    assert len(lines) == 2, lines
    request, response = lines
    assert request.startswith(f"request: GET {url}/items/1?")
    assert "key=%5Bredacted%5D" in request
    assert "'x-api-key': '[redacted]'" in request and "'cookie': '[redacted]'" in request
    assert response.startswith(f"response: HTTP 200 for GET {url}/items/1 ")
    assert "'set-cookie': '[redacted]'" in response and "'x-request-id': 'req-echo'" in response
    assert all(KEY not in line and "sid=abc" not in line and "other" not in line for line in lines)


def test_raw_view_of_a_call_that_hands_no_response_is_a_clear_error() -> None:
    def no_http() -> int:
        return 1

    with pytest.raises(RuntimeError, match="gave 0 responses to with_raw_response"):
        calls_sdk._raw.raw(no_http)()
