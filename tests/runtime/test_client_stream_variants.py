"""Speakeasy's `#stream` path variants through generated SDKs: the base method is dual-mode.

`say(...)` returns the model; `say(..., stream=True)` is typed (mypy) and behaves as the stream
of the `#stream` variant: the base request with the flag true, to the base path, Accept
text/event-stream, yielding typed events until the stream ends. The variant keeps its own
method. On a small spec of ours (sdkgen mock and a recording server) and on Mistral's
conversations and audio transcriptions (the session-shared SDK).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest_client import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from generator import emit, mock
from generator.build import build_api
from generator.config import Settings
from generator.ir import Api
from generator.load import load_spec
from tests.helpers import ROOT, render_spec
from tests.shared_sdks import shared_sdk, shared_sdk_tree

pytestmark = [pytest.mark.timeout(120), pytest.mark.xdist_group("variants")]

# The spec is corpus spec stream_variants.yaml: the corpus tests type-check its overloads.
SPEC = (ROOT / "tests" / "corpus" / "stream_variants.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, Api, Path]]:
    """The SDK of SPEC (package `variants_sdk`, client `Variants`), its IR, and its folder."""
    root = tmp_path_factory.mktemp("variants")
    spec, out = root / "spec.yaml", root / "out"
    spec.write_text(SPEC, encoding="utf-8")
    settings = Settings(spec=spec, out=out, package="variants_sdk", sdk_class="Variants")
    emit.generate(render_spec(settings), out, force=True)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("variants_sdk"), build_api(load_spec(spec), settings), out
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "variants_sdk" or m.startswith("variants_sdk.")]:
            del sys.modules[name]


def test_the_docs_show_both_forms(small: tuple[ModuleType, Api, Path]) -> None:
    _, _, out = small
    page = (out / "docs" / "sdks" / "rooms" / "README.md").read_text(encoding="utf-8")
    say, variant = page.split("\n## say\n", 1)[1].split("\n## say_stream\n", 1)
    assert '    res = sdk.rooms.say(room="lobby", text="hello")\n' in say
    assert '    with sdk.rooms.say(room="lobby", text="hello", stream=True) as stream:\n' in say
    assert " ".join(next(ln for ln in say.splitlines() if ln.startswith("| `stream`")).split()) == (
        "| `stream` | *Optional[bool]* | :heavy_minus_sign: | | |"
    )
    reply, events = "components.Reply", "EventStream[operations.SayStreamResponseBody]"
    assert f"**[{reply}](../../models/components/reply.md)**; with `stream=True`, **[{events}]" in say
    assert 'with sdk.rooms.say_stream(room="lobby", text="hello") as stream:' in variant


def _collect(sdk: ModuleType, url: str, twin: str) -> tuple[Any, list[Any], list[Any]]:
    """(say(), the events of say(stream=True), the events of say_stream()) made sync or async."""
    if twin == "sync":
        with sdk.Variants(server_url=url) as client:
            whole = client.rooms.say(room="lobby", text="hi")
            with client.rooms.say(room="lobby", text="hi", stream=True) as stream:
                events = list(stream)
            with client.rooms.say_stream(room="lobby", text="hi") as stream:
                return whole, events, list(stream)

    async def run() -> tuple[Any, list[Any], list[Any]]:
        async with sdk.AsyncVariants(server_url=url) as client:
            whole = await client.rooms.say(room="lobby", text="hi")
            async with await client.rooms.say(room="lobby", text="hi", stream=True) as stream:
                events = [e async for e in stream]
            async with await client.rooms.say_stream(room="lobby", text="hi") as stream:
                return whole, events, [e async for e in stream]

    return asyncio.run(run())


@pytest.mark.parametrize("twin", ["sync", "async"])
def test_against_the_mock_stream_true_yields_typed_events_until_the_end(
    twin: str, small: tuple[ModuleType, Api, Path]
) -> None:
    sdk, api, _ = small
    with mock.running(api) as url:
        whole, events, variant = _collect(sdk, url, twin)
    assert type(whole) is sdk.models.components.Reply and whole.text == "hello there"
    assert len(events) == mock.EVENTS and events == variant
    for event in events:
        assert type(event) is sdk.models.operations.SayStreamResponseBody
        assert type(event.data) is sdk.models.components.Delta and event.data.delta == "hel"


@pytest.fixture(scope="module")
def recorded() -> Iterator[tuple[str, list[tuple[str, str, bytes]]]]:
    """A server recording (path, Accept, raw body); it streams when the body's flag is true."""
    seen: list[tuple[str, str, bytes]] = []

    async def say(request: Request) -> Response:
        body = await request.body()
        seen.append((request.url.path, request.headers.get("accept", ""), body))
        if json.loads(body).get("stream") is not True:
            return Response(b'{"text": "whole"}', media_type="application/json")
        events = b'data: {"delta": "He"}\n\ndata: {"delta": "llo"}\n\ndata: [DONE]\n\n'
        return StreamingResponse(iter([events]), media_type="text/event-stream")

    for url in serve(Starlette(routes=[Route("/rooms/{room}/say", say, methods=["POST"])])):
        yield url, seen


@pytest.mark.parametrize("twin", ["sync", "async"])
def test_the_wire_has_the_flag_and_accept_of_each_mode(
    twin: str, small: tuple[ModuleType, Api, Path], recorded: tuple[str, list[tuple[str, str, bytes]]]
) -> None:
    sdk, _, _ = small
    url, seen = recorded
    seen.clear()
    whole, events, variant = _collect(sdk, url, twin)
    assert whole.text == "whole"
    assert [e.data.delta for e in events] == [e.data.delta for e in variant] == ["He", "llo"]
    assert seen == [
        ("/rooms/lobby/say", "application/json", b'{"text":"hi","stream":false}'),
        ("/rooms/lobby/say", "text/event-stream", b'{"text":"hi","stream":true}'),
        ("/rooms/lobby/say", "text/event-stream", b'{"text":"hi","stream":true}'),
    ]


# -- Mistral ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mistral(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    yield from shared_sdk("mistral", tmp_path_factory)


@pytest.fixture(scope="module")
def mistral_api(tmp_path_factory: pytest.TempPathFactory) -> Api:
    spec, _, package = shared_sdk_tree("mistral", tmp_path_factory)
    return build_api(load_spec(spec), Settings(spec=spec, package=package, sdk_class="Mistral"))


def test_mistral_base_methods_carry_the_stream_overload(mistral: ModuleType) -> None:
    resources = f"{mistral.__name__}.resources"
    conversations = importlib.import_module(f"{resources}.beta__conversations").BetaConversations
    transcriptions = importlib.import_module(f"{resources}.audio__transcriptions").AsyncAudioTranscriptions
    pairs = [
        (conversations.agents_api_v_1_conversations_start, "EventStream[AgentsApiV1ConversationsStartStream"),
        (
            conversations.agents_api_v_1_conversations_append,
            "EventStream[AgentsApiV1ConversationsAppendStream",
        ),
        (
            conversations.agents_api_v_1_conversations_restart,
            "EventStream[AgentsApiV1ConversationsRestartStream",
        ),
        (
            transcriptions.audio_api_v_1_transcriptions_post,
            "AsyncEventStream[AudioApiV1TranscriptionsPostStream",
        ),
    ]
    for method, stream in pairs:
        whole, streamed, either = (inspect.signature(o) for o in typing.get_overloads(method))
        assert whole.parameters["stream"].annotation == "Literal[False]"
        assert streamed.parameters["stream"].annotation == "Literal[True]"
        assert either.parameters["stream"].annotation == "bool"
        assert "EventStream" not in whole.return_annotation
        assert streamed.return_annotation.startswith(stream), streamed.return_annotation


def test_mistral_start_against_the_mock(mistral: ModuleType, mistral_api: Api) -> None:
    events_type = mistral.models.operations.AgentsApiV1ConversationsStartStreamResponseBody
    with mock.running(mistral_api) as url, mistral.Mistral(server_url=url, api_key="k") as sdk:
        conversations = sdk.beta.conversations
        whole = conversations.agents_api_v_1_conversations_start(inputs="hi")
        with conversations.agents_api_v_1_conversations_start(inputs="hi", stream=True) as stream:
            events = list(stream)
        appended = conversations.agents_api_v_1_conversations_append(conversation_id="c1", inputs="more")
        # The flag as a multipart part: the mock routes it to the `#stream` variant too.
        transcriptions = sdk.audio.transcriptions
        transcribed = transcriptions.audio_api_v_1_transcriptions_post(model="v", file_url="https://a.b/c")
        with transcriptions.audio_api_v_1_transcriptions_post(
            model="v", file_url="https://a.b/c", stream=True
        ) as stream:
            heard = list(stream)
    components, operations = mistral.models.components, mistral.models.operations
    assert type(whole) is type(appended) is components.ConversationResponse
    assert type(transcribed) is components.TranscriptionResponse
    for got, envelope in (
        (events, events_type),
        (heard, operations.AudioApiV1TranscriptionsPostStreamResponseBody),
    ):
        assert len(got) == mock.EVENTS
        assert all(isinstance(e, typing.get_args(envelope) or envelope) for e in got), got


CONVERSATION_EVENTS = (
    b'event: message.output.delta\ndata: {"type": "message.output.delta", "id": "m1", "content": "Hi"}\n\n'
    b'event: conversation.response.done\ndata: {"type": "conversation.response.done",'
    b' "usage": {"prompt_tokens": 1}}\n\n'
)
TRANSCRIPTION_EVENTS = (
    b'event: transcription.text.delta\ndata: {"type": "transcription.text.delta", "text": "Hel"}\n\n'
    b'event: transcription.text.delta\ndata: {"type": "transcription.text.delta", "text": "lo"}\n\n'
)


@pytest.fixture(scope="module")
def mistral_recorded() -> Iterator[tuple[str, list[tuple[str, str, str, bytes]]]]:
    """Records (path, Accept, Content-Type, raw body) and streams, as Mistral's server does."""
    seen: list[tuple[str, str, str, bytes]] = []

    async def record(request: Request) -> Response:
        body = await request.body()
        headers = request.headers
        seen.append((request.url.path, headers.get("accept", ""), headers.get("content-type", ""), body))
        events = TRANSCRIPTION_EVENTS if "audio" in request.url.path else CONVERSATION_EVENTS
        return StreamingResponse(iter([events]), media_type="text/event-stream")

    paths = ["/v1/conversations", "/v1/conversations/{id}", "/v1/audio/transcriptions"]
    for url in serve(Starlette(routes=[Route(p, record, methods=["POST"]) for p in paths])):
        yield url, seen


def test_mistral_start_and_append_stream_to_the_base_path(
    mistral: ModuleType, mistral_recorded: tuple[str, list[tuple[str, str, str, bytes]]]
) -> None:
    url, seen = mistral_recorded
    seen.clear()
    with mistral.Mistral(server_url=url, api_key="k") as sdk:
        conversations = sdk.beta.conversations
        with conversations.agents_api_v_1_conversations_start(inputs="hi", stream=True) as stream:
            started = [e.data for e in stream]
        with conversations.agents_api_v_1_conversations_append(
            conversation_id="c1", inputs="more", stream=True
        ) as stream:
            appended = [e.data for e in stream]
    components = mistral.models.components
    for events in (started, appended):
        assert [type(e) for e in events] == [components.MessageOutputEvent, components.ResponseDoneEvent]
        assert events[0].content == "Hi"
    assert seen == [
        ("/v1/conversations", "text/event-stream", "application/json", b'{"inputs":"hi","stream":true}'),
        ("/v1/conversations/c1", "text/event-stream", "application/json", b'{"inputs":"more","stream":true}'),
    ]


def test_mistral_transcription_streams_from_a_multipart_request(
    mistral: ModuleType, mistral_recorded: tuple[str, list[tuple[str, str, str, bytes]]]
) -> None:
    url, seen = mistral_recorded
    seen.clear()

    async def run() -> list[Any]:
        async with mistral.AsyncMistral(server_url=url, api_key="k") as sdk:
            stream = await sdk.audio.transcriptions.audio_api_v_1_transcriptions_post(
                model="voxtral", file_url="https://example.com/a.mp3", stream=True
            )
            async with stream:
                return [e.data async for e in stream]

    texts = [d.text for d in asyncio.run(run())]
    assert texts == ["Hel", "lo"]
    ((path, accept, ctype, body),) = seen
    assert (path, accept) == ("/v1/audio/transcriptions", "text/event-stream")
    assert ctype.startswith("multipart/form-data; boundary=")
    assert b'name="stream"\r\n\r\ntrue\r\n' in body and b'name="model"\r\n\r\nvoxtral\r\n' in body
