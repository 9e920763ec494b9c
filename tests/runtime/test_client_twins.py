"""The sync and async clients are twins: the same script of server answers gives the same
requests, the same waits and the same outcome, and every response the client does not hand
out is closed exactly once. Against the real local server of `conftest_client`."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest_client import TOKEN, Server, atoma_sdk, server_fixture  # noqa: F401

pytestmark = pytest.mark.timeout(60)
MESSAGES = [{"role": "user", "content": "Hi"}]
TWINS = ["sync", "async"]
_keys = itertools.count()


@dataclasses.dataclass(frozen=True)
class Recorded(atoma_sdk.RetryConfig):
    """A retry policy that records each wait the client asks it for: (attempt, seconds)."""

    asked: list[tuple[int, float]] = dataclasses.field(default_factory=list, compare=False)

    def delay(self, attempt: int, headers: httpx.Headers | None) -> float:
        seconds = super().delay(attempt, headers)
        self.asked.append((attempt, seconds))
        return seconds


@dataclasses.dataclass(frozen=True)
class Scenario:
    script: str  # the server's answers, see `conftest_client`
    retries: int
    stream: bool
    outcome: str  # "ok", or the error class and its status code
    requests: int  # how many requests the server saw
    waits: list[tuple[int, float]]  # (attempt, seconds) asked of the retry policy


# With initial_delay=0 every backoff is 0.0, so a non-zero wait can only come from a header.
SCENARIOS = {
    "retry-after-then-ok": Scenario("503ra0.429ms20.ok", 3, False, "ok", 3, [(0, 0.0), (1, 0.02)]),
    "retry-after-over-the-cap-ignored": Scenario("503ra3600.ok", 1, False, "ok", 2, [(0, 0.0)]),
    "cut-body-is-a-connection-error": Scenario("200cut.200cut.ok", 2, False, "ok", 3, [(0, 0.0), (1, 0.0)]),
    "timeout-retried": Scenario("slow.ok", 1, False, "ok", 2, [(0, 0.0)]),
    "5xx-exhausted": Scenario("500.502.503.ok", 2, False, "InternalServerError 503", 3, [(0, 0.0), (1, 0.0)]),
    "cuts-exhausted": Scenario("200cut", 1, False, "APIConnectionError None", 2, [(0, 0.0)]),
    "timeouts-exhausted": Scenario("slow", 1, False, "APITimeoutError None", 2, [(0, 0.0)]),
    "4xx-not-retried": Scenario("400.ok", 3, False, "BadRequestError 400", 1, []),
    "retried-then-4xx": Scenario("429ra0.404", 3, False, "NotFoundError 404", 2, [(0, 0.0)]),
    "no-retries": Scenario("503ra0.ok", 0, False, "InternalServerError 503", 1, []),
    "stream-retried-before-handover": Scenario("503ms10.ok", 2, True, "ok", 2, [(0, 0.01)]),
    "stream-never-retried-after-handover": Scenario("200cut.ok", 3, True, "APIConnectionError None", 1, []),
    "stream-error-body-cut": Scenario("500cut.ok", 0, True, "APIConnectionError None", 1, []),
}


def _outcome(exc: atoma_sdk.APIError) -> str:
    return f"{type(exc).__name__} {exc.status_code}"


def _call_sync(srv: Server, model: str, retries: Recorded, stream: bool) -> str:
    with atoma_sdk.AtomaSdk(server_url=srv.url, bearer_auth=TOKEN, retries=retries, timeout=1.5) as sdk:
        try:
            if stream:
                with sdk.chat.chat_completions_create_stream(model=model, messages=MESSAGES) as events:
                    assert len(list(events)) == 3
            else:
                assert sdk.chat.chat_completions_create(model=model, messages=MESSAGES).id == "chatcmpl-1"
        except atoma_sdk.APIError as exc:
            return _outcome(exc)
    return "ok"


async def _call_async(srv: Server, model: str, retries: Recorded, stream: bool) -> str:
    async with atoma_sdk.AsyncAtomaSdk(
        server_url=srv.url, bearer_auth=TOKEN, retries=retries, timeout=1.5
    ) as sdk:
        try:
            if stream:
                events = await sdk.chat.chat_completions_create_stream(model=model, messages=MESSAGES)
                async with events:
                    assert len([e async for e in events]) == 3
            else:
                result = await sdk.chat.chat_completions_create(model=model, messages=MESSAGES)
                assert result.id == "chatcmpl-1"
        except atoma_sdk.APIError as exc:
            return _outcome(exc)
    return "ok"


def _call(twin: str, srv: Server, model: str, retries: Recorded, stream: bool) -> str:
    if twin == "sync":
        return _call_sync(srv, model, retries, stream)
    return asyncio.run(_call_async(srv, model, retries, stream))


@pytest.mark.parametrize("twin", TWINS)
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_retries_follow_the_script_alike(server: Server, name: str, twin: str) -> None:
    case = SCENARIOS[name]
    key = f"t{next(_keys)}"
    retries = Recorded(max_retries=case.retries, initial_delay=0.0)
    start = time.monotonic()
    outcome = _call(twin, server, f"script-{key}-{case.script}", retries, case.stream)
    elapsed = time.monotonic() - start
    assert (outcome, server.state.counts[key], retries.asked) == (case.outcome, case.requests, case.waits)
    assert elapsed >= sum(seconds for _, seconds in case.waits)  # each wait was slept


def _count_closes(response: httpx.Response, closes: list[httpx.Response]) -> None:
    """Record every close() / aclose() call made on `response`, by anyone."""
    close, aclose = response.close, response.aclose

    def counted_close() -> None:
        closes.append(response)
        close()

    async def counted_aclose() -> None:
        closes.append(response)
        await aclose()

    response.close = counted_close  # type: ignore[method-assign]
    response.aclose = counted_aclose  # type: ignore[method-assign]


class CountingClient(httpx.Client):
    """An httpx client that keeps each response it sends and counts its closes."""

    def __init__(self) -> None:
        super().__init__()
        self.responses: list[httpx.Response] = []
        self.closes: list[httpx.Response] = []

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = super().send(request, **kwargs)
        _count_closes(response, self.closes)
        self.responses.append(response)
        return response


class AsyncCountingClient(httpx.AsyncClient):
    """`CountingClient` for the async twin."""

    def __init__(self) -> None:
        super().__init__()
        self.responses: list[httpx.Response] = []
        self.closes: list[httpx.Response] = []

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = await super().send(request, **kwargs)
        _count_closes(response, self.closes)
        self.responses.append(response)
        return response


def _with_counting_client(
    twin: str, srv: Server, call: Callable[[Any], Any]
) -> tuple[BaseException, CountingClient | AsyncCountingClient]:
    """Run `call(sdk)` on the twin's SDK over a counting client; return what it raised."""
    if twin == "sync":
        client = CountingClient()
        with atoma_sdk.AtomaSdk(server_url=srv.url, bearer_auth=TOKEN, http_client=client) as sdk:
            with pytest.raises(atoma_sdk.APIError) as info:
                call(sdk)
        client.close()
        return info.value, client

    async def run() -> tuple[BaseException, AsyncCountingClient]:
        aclient = AsyncCountingClient()
        async with atoma_sdk.AsyncAtomaSdk(server_url=srv.url, bearer_auth=TOKEN, http_client=aclient) as sdk:
            with pytest.raises(atoma_sdk.APIError) as info:
                await call(sdk)
        await aclient.aclose()
        return info.value, aclient

    return asyncio.run(run())


@pytest.mark.parametrize("twin", TWINS)
def test_responses_not_handed_out_are_closed_exactly_once(server: Server, twin: str) -> None:
    # A retried 503 (closed unread before the wait), then a 500 whose body breaks off while
    # the client reads it: httpx's own reader closes neither, so every close is the client's.
    model = f"script-c{next(_keys)}{twin}-503ra0.500cut"
    retries = atoma_sdk.RetryConfig(max_retries=1, initial_delay=0.0)

    def call(sdk: Any) -> Any:
        return sdk.chat.chat_completions_create_stream(model=model, messages=MESSAGES, retries=retries)

    error, client = _with_counting_client(twin, server, call)
    assert type(error) is atoma_sdk.APIConnectionError
    assert [r.status_code for r in client.responses] == [503, 500]
    assert all(r.is_closed for r in client.responses)
    assert [sum(c is r for c in client.closes) for r in client.responses] == [1, 1]


@pytest.mark.parametrize("twin", TWINS)
@pytest.mark.parametrize("stream", [True, False], ids=["stream", "plain"])
def test_error_response_is_read_then_closed(server: Server, twin: str, stream: bool) -> None:
    def call(sdk: Any) -> Any:
        create = sdk.chat.chat_completions_create_stream if stream else sdk.chat.chat_completions_create
        return create(model="status-400", messages=MESSAGES)

    error, client = _with_counting_client(twin, server, call)
    assert isinstance(error, atoma_sdk.BadRequestError)
    assert error.response is client.responses[0] and error.response.is_closed
    assert error.status_code == 400 and error.headers["content-type"] == "application/json"
    assert error.body["error"]["message"] == "status 400"
    assert error.data is not None and error.data.error.message == "status 400"


def test_cancelled_while_reading_an_error_body_closes_it(server: Server) -> None:
    # Only the async twin can be interrupted mid-read in practice (a timeout, a task group):
    # the half-read response must still be closed, or its connection stays checked out.
    model = f"script-x{next(_keys)}-500stall"

    async def run() -> AsyncCountingClient:
        client = AsyncCountingClient()
        async with atoma_sdk.AsyncAtomaSdk(
            server_url=server.url, bearer_auth=TOKEN, http_client=client, retries=0
        ) as sdk:
            call = sdk.chat.chat_completions_create_stream(model=model, messages=MESSAGES)
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(call, 1.0)  # the body stalls for 5 s
        await client.aclose()
        return client

    client = asyncio.run(run())
    assert [r.status_code for r in client.responses] == [500]  # cancelled after the send
    assert client.responses[0].is_closed
    assert client.closes == client.responses


def test_a_torn_down_call_asks_for_no_more_io() -> None:
    # A coroutine closed mid-read (GeneratorExit) must not await again, not even to close.
    http = atoma_sdk._http
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(500, request=request)
    plan = http._exchange(request, atoma_sdk.RetryConfig(max_retries=0), None)
    assert next(plan) == http._Send(request)
    assert plan.send(response) == http._Read(response)
    with pytest.raises(GeneratorExit):
        plan.throw(GeneratorExit())
