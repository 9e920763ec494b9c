"""Forward compatibility on a real spec: Mistral's conversation stream (sync and async).

Its envelope has a required `event` (an enum of names) and a `data` union of ten event
payloads told apart by `type`. Against a real local server: known events are typed, an
event kind the spec does not list yet is an `UnknownEvent`, and an event missing a required
field is delivered as its member, built leniently, with a warning on the SDK's logger.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from conftest_client import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from tests.shared_sdks import shared_sdk

pytestmark = pytest.mark.timeout(60)
PACKAGE = "mistral_sdk"
BODY = (
    b'event: message.output.delta\ndata: {"type": "message.output.delta", "id": "m1", "content": "Hi"}\n\n'
    b'event: conversation.response.thinking\ndata: {"type": "conversation.response.thinking", "x": 1}\n\n'
    b'event: message.output.delta\ndata: {"type": "message.output.delta", "content": "no id"}\n\n'
    b'event: conversation.response.done\ndata: {"type": "conversation.response.done",'
    b' "usage": {"prompt_tokens": 1}}\n\n'
)


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    yield from shared_sdk("mistral", tmp_path_factory)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    async def conversations(request: Request) -> Response:
        await request.body()

        async def chunks() -> Any:
            for line in BODY.split(b"\n\n")[:-1]:
                yield line + b"\n\n"
                await asyncio.sleep(0)

        return StreamingResponse(chunks(), media_type="text/event-stream")

    yield from serve(Starlette(routes=[Route("/v1/conversations", conversations, methods=["POST"])]))


def check(sdk: ModuleType, events: list[Any], records: list[logging.LogRecord]) -> None:
    components = sdk.models.components
    first, thinking, partial, done = events
    assert isinstance(first.data, components.MessageOutputEvent) and first.data.content == "Hi"
    assert first.event == "message.output.delta"
    assert isinstance(thinking, sdk.UnknownEvent) and thinking.event == "conversation.response.thinking"
    assert thinking.json == {"type": "conversation.response.thinking", "x": 1}
    assert isinstance(partial.data, components.MessageOutputEvent) and partial.data.content == "no id"
    assert "id" not in partial.data.model_fields_set
    assert isinstance(done.data, components.ResponseDoneEvent)
    warned = [r.getMessage() for r in records if r.name == PACKAGE and r.levelno == logging.WARNING]
    assert len(warned) == 1 and "no id" in warned[0]


def test_conversation_stream(sdk: ModuleType, base_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger=PACKAGE)
    with sdk.Mistral(server_url=base_url, api_key="k") as client:
        with client.beta.conversations.agents_api_v_1_conversations_start_stream(inputs="Hi") as stream:
            events = list(stream)
    check(sdk, events, caplog.records)


def test_conversation_stream_async(sdk: ModuleType, base_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger=PACKAGE)

    async def run() -> list[Any]:
        async with sdk.AsyncMistral(server_url=base_url, api_key="k") as client:
            stream = await client.beta.conversations.agents_api_v_1_conversations_start_stream(inputs="Hi")
            async with stream:
                return [e async for e in stream]

    check(sdk, asyncio.run(run()), caplog.records)
