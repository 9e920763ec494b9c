"""Event-name unions: the streams golden SDK against a real local server (sync and async).

`ticker_stream` declares a oneOf of envelopes told apart by `event:` (`tick` with a JSON
`Tick`, `notice` with a string). The client dispatches on the event name, yields names the
spec does not declare as `UnknownEvent`, raises on `error` events and stops at the `[DONE]`
sentinel.
"""

from __future__ import annotations

import asyncio
import random
import socket
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

EXPECTED = Path(__file__).resolve().parents[1] / "golden" / "streams" / "expected"
if str(EXPECTED) not in sys.path:
    sys.path.insert(0, str(EXPECTED))

import streams_sdk  # noqa: E402  (the golden tree, not an installed namesake)

assert Path(streams_sdk.__file__).is_relative_to(EXPECTED), streams_sdk.__file__

ops = streams_sdk.models.operations
Tick = streams_sdk.models.components.Tick
TickEvent = ops.TickerStreamTickEvent
NoticeEvent = ops.TickerStreamNoticeEvent

pytestmark = pytest.mark.timeout(30)

# Every kind of event the union must handle, in order; nothing after the sentinel may surface.
BODY = (
    ": welcome\n\n"
    'event: tick\ndata: {"price": 1.5}\n\n'
    "event: notice\ndata: market closes soon\n\n"
    'event: halt\ndata: {"reason": "a future event kind"}\n\n'
    ": keep-alive\n\n"
    'id: 7\r\nevent: tick\r\ndata: {"price": 2, "venue": "XNYS"}\r\n\r\n'
    'data: {"price": 3}\n\n'  # no event name: "message", undeclared, unknown
    "event: notice\rdata: line one\rdata: läne two ✓\r\r"
    "data: [DONE]\n\n"
    'event: tick\ndata: {"price": 99}\n\n'
)
ERROR_BODY = 'event: tick\ndata: {"price": 1}\n\nevent: error\ndata: {"error": {"message": "halted"}}\n\n'


def split_randomly(body: bytes, rng: random.Random) -> list[bytes]:
    """Cut `body` at random points (inside UTF-8 sequences and CRLF pairs too)."""
    out, i = [], 0
    while i < len(body):
        step = rng.choice([1, 2, 3, 5, 8, 13, 64])
        out.append(body[i : i + step])
        i += step
    return out


def make_app() -> Starlette:
    async def ticker(request: Request) -> Response:
        mode = request.path_params["mode"]
        body = (ERROR_BODY if mode == "error" else BODY).encode()
        seed = int(mode.removeprefix("seed-")) if mode.startswith("seed-") else 0

        async def chunks() -> AsyncIterator[bytes]:
            for piece in split_randomly(body, random.Random(seed)):
                yield piece
                await asyncio.sleep(0)

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return Starlette(routes=[Route("/{mode}/ticker", ticker, methods=["GET"])])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(make_app(), log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
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


def check(events: list[Any]) -> None:
    Unknown = streams_sdk.UnknownEvent
    kinds = [TickEvent, NoticeEvent, Unknown, TickEvent, Unknown, NoticeEvent]
    assert [type(e) for e in events] == kinds
    first, notice, halt, second, message, multi = events
    assert (halt.event, halt.data) == ("halt", '{"reason": "a future event kind"}')
    assert halt.json == {"reason": "a future event kind"} and "halt" in halt.reason
    assert (message.event, message.json, message.id) == ("message", {"price": 3}, "7")
    match halt:
        case streams_sdk.UnknownEvent(event="halt", data=data):
            assert "future" in data
        case _:
            raise AssertionError(halt)
    assert first.event == "tick" and isinstance(first.data, Tick) and first.data.price == 1.5
    assert first.id is None
    assert notice.event == "notice" and notice.data == "market closes soon"
    assert isinstance(second.data, Tick) and second.data.price == 2 and second.id == "7"
    assert second.data.model_dump()["venue"] == "XNYS"  # unknown payload fields are kept
    assert multi.data == "line one\nläne two ✓"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_sync_union_dispatches_and_yields_unknown(base_url: str, seed: int) -> None:
    with streams_sdk.StreamsSdk(server_url=f"{base_url}/seed-{seed}", api_key="k") as sdk:
        with sdk.events.ticker_stream() as stream:
            assert isinstance(stream, streams_sdk.EventStream)
            events = list(stream)
        assert stream.response.is_closed
    check(events)


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_async_union_dispatches_and_yields_unknown(base_url: str, seed: int) -> None:
    async def run() -> list[Any]:
        async with streams_sdk.AsyncStreamsSdk(server_url=f"{base_url}/seed-{seed}", api_key="k") as sdk:
            stream = await sdk.events.ticker_stream()
            assert isinstance(stream, streams_sdk.AsyncEventStream)
            async with stream:
                events = [event async for event in stream]
            assert stream.response.is_closed
            return events

    check(asyncio.run(run()))


def test_error_event_raises_api_error(base_url: str) -> None:
    with streams_sdk.StreamsSdk(server_url=f"{base_url}/error", api_key="k") as sdk:
        seen: list[Any] = []
        with pytest.raises(streams_sdk.APIError, match="halted"):
            with sdk.events.ticker_stream() as stream:
                seen.extend(stream)
    assert [type(e) for e in seen] == [TickEvent]


def test_error_event_raises_api_error_async(base_url: str) -> None:
    async def run() -> None:
        async with streams_sdk.AsyncStreamsSdk(server_url=f"{base_url}/error", api_key="k") as sdk:
            stream = await sdk.events.ticker_stream()
            with pytest.raises(streams_sdk.APIError, match="halted"):
                async with stream:
                    async for _ in stream:
                        pass

    asyncio.run(run())
