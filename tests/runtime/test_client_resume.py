"""Streams that survive a dropped connection (issue 16): the streams golden SDK against the
real local server of `conftest_client`, which cuts each connection at a seeded byte offset
and honours `Last-Event-ID` (or ignores it). The caller sees every event exactly once, in
order, sync and async alike."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import logging
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest_client import (  # noqa: F401
    MAX_CUTS,
    TOKEN,
    Server,
    atoma_sdk,
    cut_offset,
    resume_body,
    server_fixture,
)

EXPECTED = Path(__file__).resolve().parents[1] / "golden" / "streams" / "expected"
if str(EXPECTED) not in sys.path:
    sys.path.insert(0, str(EXPECTED))

import streams_sdk  # noqa: E402  (the golden tree, not an installed namesake)

assert Path(streams_sdk.__file__).is_relative_to(EXPECTED), streams_sdk.__file__

pytestmark = pytest.mark.timeout(20)
N = 12
FAST = streams_sdk.ResumeConfig(max_attempts=MAX_CUTS + 1, initial_delay=0.001, max_delay=0.01)
_uids = itertools.count()


@dataclasses.dataclass
class Seen:
    """What the caller saw of one stream."""

    prices: list[int]
    last_event_id: str
    reconnects: int


def _key(mode: str, seed: int = 0, n: int = N) -> str:
    return f"{mode}-{seed}-{n}-{next(_uids)}"


def _open(sdk: Any, op: str, resume: Any) -> Any:
    kwargs = {} if resume is None else {"resume": resume}
    if op == "post":
        return sdk.events.events_stream(topic="t", **kwargs)
    return sdk.events.plain_stream(room="r", **kwargs)


def read_sync(srv: Server, key: str, op: str, resume: Any = FAST) -> Seen:
    with streams_sdk.StreamsSdk(server_url=f"{srv.url}/resume/{key}", api_key="k", timeout=5) as sdk:
        with _open(sdk, op, resume) as stream:
            prices = [int(event.data.price) for event in stream]
        assert stream.response.is_closed
        return Seen(prices, stream.last_event_id, stream.reconnects)


def read_async(srv: Server, key: str, op: str, resume: Any = FAST) -> Seen:
    async def run() -> Seen:
        url = f"{srv.url}/resume/{key}"
        async with streams_sdk.AsyncStreamsSdk(server_url=url, api_key="k", timeout=5) as sdk:
            stream = await _open(sdk, op, resume)
            async with stream:
                prices = [int(event.data.price) async for event in stream]
            assert stream.response.is_closed
            return Seen(prices, stream.last_event_id, stream.reconnects)

    return asyncio.run(run())


READERS = {"sync": read_sync, "async": read_async}


@pytest.mark.parametrize("twin", READERS)
@pytest.mark.parametrize("op", ["get", "post"])
@pytest.mark.parametrize("mode", ["honour", "replay"])
@pytest.mark.parametrize("seed", range(4))
def test_cut_anywhere_every_event_once_in_order(
    server: Server, twin: str, op: str, mode: str, seed: int
) -> None:
    key = _key(mode, seed)
    seen = READERS[twin](server, key, op)
    assert seen.prices == list(range(N))
    assert seen.last_event_id == str(N - 1)
    requests = server.state.counts[key]
    assert seen.reconnects == requests - 1 >= 1
    sent = server.state.last_event_ids[key]
    assert sent[0] is None  # the first request has nothing to resume from
    resumed_from = [int(i) for i in sent[1:]]  # every reconnect names the last id seen...
    assert resumed_from == sorted(resumed_from)  # ...and goes forward, never back


def test_the_seeded_cuts_cover_every_kind() -> None:
    body = resume_body(0, N, True, True)
    kinds = set()
    for seed in range(4):
        for count in range(1, MAX_CUTS + 1):
            at = cut_offset(body, random.Random(seed * 1000 + count))
            kinds.add(
                "between" if body[at - 2 : at] == b"\n\n" else "event" if body[at - 1] == 10 else "line"
            )
    assert kinds == {"line", "event", "between"}


@pytest.mark.parametrize("twin", READERS)
def test_resumable_post_resumes_by_default(server: Server, twin: str) -> None:
    key = _key("honour", 7)
    assert READERS[twin](server, key, "post", resume=None).prices == list(range(N))


@pytest.mark.parametrize("twin", READERS)
def test_server_retry_is_the_wait(server: Server, twin: str) -> None:
    asked: list[tuple[int, int | None]] = []

    @dataclasses.dataclass(frozen=True)
    class Recorded(streams_sdk.ResumeConfig):
        def delay(self, attempt: int, retry: int | None) -> float:
            asked.append((attempt, retry))
            return super().delay(attempt, retry)

    key = _key("dead")
    with pytest.raises(streams_sdk.errors.InternalServerError):
        READERS[twin](server, key, "get", Recorded(max_attempts=2))
    assert server.state.counts[key] == 3  # the stream, then two reconnect attempts
    assert asked == [(0, 10), (1, 10), (2, 10)]  # the server's `retry: 10` ms every time


@pytest.mark.parametrize("twin", READERS)
@pytest.mark.parametrize("mode", ["stop204", "stopjson"])
def test_server_says_stop(server: Server, twin: str, mode: str) -> None:
    key = _key(mode)
    seen = READERS[twin](server, key, "get")
    assert seen.prices == [0, 1]
    assert seen.reconnects == 1 and server.state.last_event_ids[key] == [None, "1"]


@pytest.mark.parametrize("twin", READERS)
def test_no_id_yet_raises_as_before(server: Server, twin: str) -> None:
    key = _key("noid")
    with pytest.raises(streams_sdk.APIConnectionError):
        READERS[twin](server, key, "get")
    assert server.state.counts[key] == 1


@pytest.mark.parametrize("twin", READERS)
@pytest.mark.parametrize("seed", range(3))
def test_restart_from_the_start_opted_in(server: Server, twin: str, seed: int) -> None:
    key = _key("restart", seed)
    seen = READERS[twin](server, key, "get", dataclasses.replace(FAST, restart=True))
    assert seen.prices == list(range(N))
    assert set(server.state.last_event_ids[key]) == {None}  # nothing to resume from: restarts


@pytest.mark.parametrize("twin", READERS)
def test_resume_off_keeps_a_drop_final(server: Server, twin: str) -> None:
    key = _key("honour", 1)
    with pytest.raises(streams_sdk.APIConnectionError):
        READERS[twin](server, key, "get", resume=False)
    assert server.state.counts[key] == 1


def test_each_reconnect_is_logged(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="streams_sdk")
    seen = read_sync(server, _key("replay", 2), "get")
    lines = [r for r in caplog.records if r.name == "streams_sdk"]
    assert len(lines) == seen.reconnects >= 1
    assert all("Last-Event-ID" in r.getMessage() for r in lines)


def test_client_default_applies_to_safe_methods(server: Server) -> None:
    key = _key("honour", 3)
    url = f"{server.url}/resume/{key}"
    with streams_sdk.StreamsSdk(server_url=url, api_key="k", resume=FAST) as sdk:
        with sdk.events.plain_stream(room="r") as stream:
            assert [int(e.data.price) for e in stream] == list(range(N))
        assert stream.reconnects >= 1


def test_post_not_marked_is_never_repeated(server: Server) -> None:
    messages = [{"role": "user", "content": "Hi"}]
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN, resume=True) as sdk:
        with pytest.raises(ValueError, match="x-sdkgen-resumable"):
            sdk.chat.chat_completions_create_stream(model="cut-x", messages=messages, resume=True)
        model = f"script-resume{next(_uids)}-200cut.ok"
        # A JSON body cut mid-way where a stream was asked for: the read fails, nothing repeats.
        with pytest.raises(atoma_sdk.APIConnectionError):
            with sdk.chat.chat_completions_create_stream(model=model, messages=messages) as stream:
                list(stream)
    assert server.state.counts[model.split("-")[1]] == 1


def test_replay_is_detected_by_id() -> None:
    resume = streams_sdk._events._Resume(streams_sdk.ResumeConfig())
    sse = streams_sdk._streaming.ServerSentEvent
    assert [resume.admit(sse(data="a", id="1")), resume.admit(sse(data="b", id="2"))] == [True, True]
    assert resume.reopened(_sse_response())
    # The server ignored Last-Event-ID: 1 and 2 again, then the new 3; then no more dropping.
    replay = [sse(data="a", id="1"), sse(data="b", id="2"), sse(data="c", id="3"), sse(data="d", id="3")]
    assert [resume.admit(e) for e in replay] == [False, False, True, True]
    assert resume.last_event_id == "3"


def _sse_response() -> Any:
    import httpx

    return httpx.Response(200, headers={"content-type": "text/event-stream; charset=utf-8"})
