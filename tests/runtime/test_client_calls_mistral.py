"""Dual mode on a real spec: Mistral's chat completions (JSON or SSE by `stream`), through the
SDK generated from ../shared/specs/mistral-openapi.yaml, sync and async, against a recording
server: the flag is always in the body, Accept matches, and a JSON answer never becomes an
empty stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest_client import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.shared_sdks import shared_sdk

pytestmark = pytest.mark.timeout(120)
MESSAGES = [{"role": "user", "content": "Hi"}]
USAGE = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
CHOICE = {"index": 0, "message": {"role": "assistant", "content": "whole"}, "finish_reason": "stop"}
WHOLE = {
    "id": "c1",
    "object": "chat.completion",
    "model": "m",
    "created": 1,
    "usage": USAGE,
    "choices": [CHOICE],
}


def _chunk(text: str) -> str:
    choice = {"index": 0, "delta": {"content": text}, "finish_reason": None}
    return json.dumps({"id": "c1", "model": "m", "choices": [choice]})


@pytest.fixture(scope="module")
def mistral(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The Mistral SDK, generated once per session (tests/shared_sdks.py) and imported."""
    yield from shared_sdk("mistral", tmp_path_factory)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[Any]]]:
    seen: list[Any] = []

    async def chat(request: Request) -> Response:
        body = await request.body()
        seen[:] = [json.loads(body), request.headers.get("accept")]
        if json.loads(body)["model"] == "liar" or json.loads(body)["stream"] is False:
            return JSONResponse(WHOLE)
        events = "".join(f"data: {_chunk(t)}\n\n" for t in ("He", "llo"))
        return StreamingResponse(iter([events.encode()]), media_type="text/event-stream")

    for url in serve(Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])):
        yield url, seen


def _texts(events: Any) -> list[str]:
    return [e.data.choices[0].delta.content for e in events]


@pytest.mark.parametrize("twin", ["sync", "async"])
def test_mistral_chat_is_whole_by_default_and_streams_with_stream_true(
    twin: str, mistral: Any, served: tuple[str, list[Any]]
) -> None:
    url, seen = served
    whole_accepts: list[Any] = []

    def sync() -> tuple[Any, list[str]]:
        with mistral.Mistral(server_url=url, api_key="k") as sdk:
            whole = sdk.chat.chat_completion_v_1_chat_completions_post(model="m", messages=MESSAGES)
            whole_accepts.extend(seen)
            with sdk.chat.chat_completion_v_1_chat_completions_post(
                model="m", messages=MESSAGES, stream=True
            ) as s:
                return whole, _texts(s)

    async def asynchronous() -> tuple[Any, list[str]]:
        async with mistral.AsyncMistral(server_url=url, api_key="k") as sdk:
            whole = await sdk.chat.chat_completion_v_1_chat_completions_post(model="m", messages=MESSAGES)
            whole_accepts.extend(seen)
            s = await sdk.chat.chat_completion_v_1_chat_completions_post(
                model="m", messages=MESSAGES, stream=True
            )
            async with s:
                return whole, [e.data.choices[0].delta.content async for e in s]

    whole, texts = sync() if twin == "sync" else asyncio.run(asynchronous())
    assert whole.choices[0].message.content == "whole"
    assert whole_accepts == [{"model": "m", "stream": False, "messages": MESSAGES}, "application/json"]
    assert texts == ["He", "llo"]
    assert seen == [{"model": "m", "stream": True, "messages": MESSAGES}, "text/event-stream"]


def test_mistral_json_answer_to_a_stream_request_is_an_error_not_an_empty_stream(
    mistral: Any, served: tuple[str, list[Any]]
) -> None:
    url, _ = served
    with mistral.Mistral(server_url=url, api_key="k") as sdk:
        with pytest.raises(mistral.UnexpectedContentTypeError) as caught:
            sdk.chat.chat_completion_v_1_chat_completions_post(model="liar", messages=MESSAGES, stream=True)
    assert caught.value.body == WHOLE
