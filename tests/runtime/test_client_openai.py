"""Cross-check: the official `openai` client and the generated SDK read the same streams alike."""

from __future__ import annotations

import asyncio
import importlib

import pytest
from conftest_client import TOKEN, Server, atoma_sdk, server_fixture  # noqa: F401

# On one worker, importing `openai` in the tests: at module level every xdist worker paid its
# 1-2.6 s import while collecting.
pytestmark = [pytest.mark.timeout(30), pytest.mark.xdist_group("openai")]
MESSAGES = [{"role": "user", "content": "Hi"}]


def _openai_chunks(server: Server, model: str) -> list[object]:
    openai = importlib.import_module("openai")
    with openai.OpenAI(base_url=server.url + "/v1", api_key=TOKEN, max_retries=0) as client:
        stream = client.chat.completions.create(model=model, messages=MESSAGES, stream=True)
        return [c.model_dump(mode="json", exclude_unset=True) for c in stream]


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_same_chunks_as_openai_sync(server: Server, seed: int) -> None:
    model = f"stream-{seed}-30"
    theirs = _openai_chunks(server, model)
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN) as sdk:
        ours = [
            e.data.model_dump(mode="json", by_alias=True)
            for e in sdk.chat.chat_completions_create_stream(model=model, messages=MESSAGES)
        ]
    assert len(ours) == 30
    assert ours == theirs


def test_same_chunks_as_openai_async(server: Server) -> None:
    model = "stream-14-30"

    async def both() -> tuple[list[object], list[object]]:
        openai = importlib.import_module("openai")
        async with openai.AsyncOpenAI(base_url=server.url + "/v1", api_key=TOKEN) as client:
            stream = await client.chat.completions.create(
                model=model,
                messages=MESSAGES,
                stream=True,
            )
            theirs = [c.model_dump(mode="json", exclude_unset=True) async for c in stream]
        async with atoma_sdk.AsyncAtomaSdk(server_url=server.url, bearer_auth=TOKEN) as sdk:
            s = await sdk.chat.chat_completions_create_stream(model=model, messages=MESSAGES)
            ours = [e.data.model_dump(mode="json", by_alias=True) async for e in s]
        return theirs, ours

    theirs, ours = asyncio.run(both())
    assert ours == theirs and len(ours) == 30
