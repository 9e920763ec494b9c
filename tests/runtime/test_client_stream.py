"""The generated client's typed streams against a real local server (sync and async)."""

from __future__ import annotations

import asyncio
import gc
import json

import pytest
from conftest_client import TOKEN, Server, atoma_sdk, chunk, server_fixture  # noqa: F401

ChatCompletionChunk = atoma_sdk.models.components.ChatCompletionChunk
ChatCompletionsCreateStreamResponseBody = atoma_sdk.models.operations.ChatCompletionsCreateStreamResponseBody

pytestmark = pytest.mark.timeout(30)
MESSAGES = [{"role": "user", "content": "Hi"}]


def sdk(srv: Server, **kw: object) -> atoma_sdk.AtomaSdk:
    return atoma_sdk.AtomaSdk(server_url=srv.url, bearer_auth=TOKEN, **kw)  # type: ignore[arg-type]


def asdk(srv: Server, **kw: object) -> atoma_sdk.AsyncAtomaSdk:
    return atoma_sdk.AsyncAtomaSdk(server_url=srv.url, bearer_auth=TOKEN, **kw)  # type: ignore[arg-type]


def expected(seed: int, n: int) -> list[dict[str, object]]:
    return [chunk(i, seed, n) for i in range(n)]


def dump(event: ChatCompletionsCreateStreamResponseBody) -> object:
    return event.data.model_dump(mode="json", by_alias=True)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_sync_stream_yields_typed_chunks(server: Server, seed: int) -> None:
    with sdk(server) as client:
        stream = client.chat.chat_completions_create_stream(model=f"stream-{seed}-25", messages=MESSAGES)
        assert isinstance(stream, atoma_sdk.EventStream)
        with stream:
            events = list(stream)
        assert stream.response.is_closed
    assert all(isinstance(e, ChatCompletionsCreateStreamResponseBody) for e in events)
    assert all(isinstance(e.data, ChatCompletionChunk) for e in events)
    assert [dump(e) for e in events] == expected(seed, 25)
    assert events[-1].data.usage is not None and events[-1].data.usage.total_tokens == 34
    assert server.state.last_body["stream"] is True
    assert server.state.last_headers["accept"] == "text/event-stream"


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_async_stream_yields_typed_chunks(server: Server, seed: int) -> None:
    async def run() -> list[ChatCompletionsCreateStreamResponseBody]:
        async with asdk(server) as client:
            stream = await client.chat.chat_completions_create_stream(
                model=f"stream-{seed}-25", messages=MESSAGES
            )
            assert isinstance(stream, atoma_sdk.AsyncEventStream)
            async with stream:
                out = [e async for e in stream]
            assert stream.response.is_closed
            return out

    events = asyncio.run(run())
    assert [dump(e) for e in events] == expected(seed, 25)


def test_event_dump_round_trips_wire_form(server: Server) -> None:
    with sdk(server) as client:
        first = next(iter(client.chat.chat_completions_create_stream(model="stream-9-2", messages=MESSAGES)))
    assert first.model_dump(mode="json", by_alias=True) == {"data": chunk(0, 9, 2)}
    assert first.model_fields_set == {"data"}
    assert (
        ChatCompletionsCreateStreamResponseBody.model_validate_json(json.dumps({"data": chunk(0, 9, 2)}))
        == first
    )


# The tests below never call close(): each leaves the stream the way user code does, and
# watches the server see the disconnect while the client (and its connection pool) is still
# open, since closing the client would hang up every connection whatever the stream did.


def test_break_inside_with_closes_connection_sync(server: Server) -> None:
    with sdk(server) as client:
        with client.chat.chat_completions_create_stream(model="endless-sync-break", messages=MESSAGES) as s:
            for i, _ in enumerate(s):
                if i == 3:
                    break
        assert server.wait_disconnect("sync-break")
        assert s.response.is_closed


def test_break_inside_with_closes_connection_async(server: Server) -> None:
    async def run() -> None:
        async with asdk(server) as client:
            stream = await client.chat.chat_completions_create_stream(
                model="endless-async-break", messages=MESSAGES
            )
            async with stream:
                i = 0
                async for _ in stream:
                    i += 1
                    if i == 3:
                        break
            assert await server.await_disconnect("async-break")
            assert stream.response.is_closed

    asyncio.run(run())


def test_exception_in_loop_closes_connection_sync(server: Server) -> None:
    with sdk(server) as client:
        stream = client.chat.chat_completions_create_stream(model="endless-sync-exc", messages=MESSAGES)
        with pytest.raises(KeyError), stream:
            for _ in stream:
                raise KeyError("user code failed")
        assert server.wait_disconnect("sync-exc")
        assert stream.response.is_closed


def test_exception_in_loop_closes_connection_async(server: Server) -> None:
    async def run() -> None:
        async with asdk(server) as client:
            stream = await client.chat.chat_completions_create_stream(
                model="endless-async-exc", messages=MESSAGES
            )
            with pytest.raises(KeyError):
                async with stream:
                    async for _ in stream:
                        raise KeyError("user code failed")
            assert await server.await_disconnect("async-exc")
            assert stream.response.is_closed

    asyncio.run(run())


def test_context_manager_closes_connection_sync(server: Server) -> None:
    with sdk(server) as client:
        with client.chat.chat_completions_create_stream(model="endless-sync-with", messages=MESSAGES) as s:
            next(iter(s))
        assert server.wait_disconnect("sync-with")
        assert s.response.is_closed


@pytest.mark.parametrize("started", [True, False], ids=["started", "unstarted"])
def test_dropped_stream_closes_connection_sync(server: Server, started: bool) -> None:
    key = f"sync-drop-{started}"
    with sdk(server) as client:
        stream = client.chat.chat_completions_create_stream(model=f"endless-{key}", messages=MESSAGES)
        if started:
            for _ in stream:
                break
        response = stream.response
        del stream
        gc.collect()
        assert server.wait_disconnect(key)
        assert response.is_closed


@pytest.mark.parametrize("started", [True, False], ids=["started", "unstarted"])
def test_dropped_stream_closes_connection_async(server: Server, started: bool) -> None:
    key = f"async-drop-{started}"

    async def run() -> None:
        async with asdk(server) as client:
            stream = await client.chat.chat_completions_create_stream(
                model=f"endless-{key}", messages=MESSAGES
            )
            if started:
                async for _ in stream:
                    break
            response = stream.response
            del stream
            gc.collect()  # the close runs as a task on this loop, which must keep running
            assert await server.await_disconnect(key)
            assert response.is_closed

    asyncio.run(run())


def test_connection_cut_mid_stream(server: Server) -> None:
    with sdk(server, retries=3) as client:
        stream = client.chat.chat_completions_create_stream(model="cut-a", messages=MESSAGES)
        got = []
        with pytest.raises(atoma_sdk.APIConnectionError):
            for event in stream:
                got.append(event)
        assert len(got) == 2  # never retried once the stream was handed over
        assert stream.response.is_closed


def test_connection_cut_mid_stream_async(server: Server) -> None:
    async def run() -> int:
        async with asdk(server) as client:
            stream = await client.chat.chat_completions_create_stream(model="cut-b", messages=MESSAGES)
            got = 0
            with pytest.raises(atoma_sdk.APIConnectionError):
                async for _ in stream:
                    got += 1
            return got

    assert asyncio.run(run()) == 2


def test_malformed_json_raises_stream_decode_error_when_strict(server: Server) -> None:
    with sdk(server, strict=True) as client:
        stream = client.chat.chat_completions_create_stream(model="malformed", messages=MESSAGES)
        it = iter(stream)
        assert next(it).data.id == "chatcmpl-0"
        with pytest.raises(atoma_sdk.StreamDecodeError) as info:
            next(it)
        assert info.value.data == "{not json"
        assert info.value.event.data == "{not json"
        assert info.value.event.event == "message"
        assert stream.response.is_closed


def test_malformed_json_async_when_strict(server: Server) -> None:
    async def run() -> atoma_sdk.StreamDecodeError:
        async with asdk(server, strict=True) as client:
            stream = await client.chat.chat_completions_create_stream(model="malformed", messages=MESSAGES)
            with pytest.raises(atoma_sdk.StreamDecodeError) as info:
                async for _ in stream:
                    pass
            return info.value

    assert asyncio.run(run()).data == "{not json"


@pytest.mark.parametrize(
    ("model", "message"), [("error-event", "overloaded"), ("error-payload", "mid-stream failure")]
)
def test_error_event_and_payload_raise_api_error(server: Server, model: str, message: str) -> None:
    with sdk(server) as client:
        stream = client.chat.chat_completions_create_stream(model=model, messages=MESSAGES)
        with pytest.raises(atoma_sdk.APIError) as info:
            list(stream)
        assert not isinstance(info.value, atoma_sdk.StreamDecodeError)
        assert info.value.message == message
        assert info.value.body["error"]["message"] == message
        assert info.value.status_code == 200
        assert stream.response.is_closed


def test_error_status_before_stream(server: Server) -> None:
    with sdk(server) as client:
        with pytest.raises(atoma_sdk.BadRequestError) as info:
            client.chat.chat_completions_create_stream(model="status-400", messages=MESSAGES)
    assert info.value.status_code == 400
    assert info.value.data is not None and info.value.data.error.message == "status 400"


def test_stream_retries_before_first_byte(server: Server) -> None:
    with sdk(server, retries=atoma_sdk.RetryConfig(max_retries=3, initial_delay=0.01)) as client:
        events = list(client.chat.chat_completions_create_stream(model="flaky-s1-2", messages=MESSAGES))
    assert server.state.counts["s1"] == 3
    assert [dump(e) for e in events] == expected(1, 3)
