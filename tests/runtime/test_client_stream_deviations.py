"""Forward compatibility of typed streams against real local servers (sync and async).

- A data-only chat stream (the embedded spec's SDK) whose server deviates from the spec: an
  event missing a required field, with a value of another type and an unknown key, and one
  whose data is not JSON. Each is still delivered as the stream's model, built leniently
  (raw values kept, `model_dump` gives the payload back), and logged as a warning on the
  SDK's logger; `strict=True` raises `StreamDecodeError` at that event instead. One write
  (the batched validation path falls back event by event) and random writes.
- A union of payloads told apart by `type` (`SPEC` below, generated once per module): an
  unknown `type` is an `UnknownEvent` with the raw text and parsed JSON, strict or not; a
  known one missing a required field is that member, built leniently.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections.abc import AsyncIterator, Iterator
from types import ModuleType
from typing import Any

import pytest
from conftest_client import (  # noqa: F401
    TOKEN,
    Server,
    atoma_sdk,
    chunk,
    deviant_chunk,
    generated_package,
    serve,
    server_fixture,
)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

pytestmark = pytest.mark.timeout(30)
MESSAGES = [{"role": "user", "content": "Hi"}]
Body = atoma_sdk.models.operations.ChatCompletionsCreateStreamResponseBody
Chunk = atoma_sdk.models.components.ChatCompletionChunk
Choice = atoma_sdk.models.components.ChatCompletionChunkChoice


def check_lenient(events: list[Any], records: list[logging.LogRecord]) -> None:
    assert [type(e) for e in events] == [Body] * 4
    first, deviant, not_json, last = events
    assert first.data == Chunk.model_validate(chunk(0, 0, 3))
    assert last.data == Chunk.model_validate(chunk(2, 0, 3))
    # Delivered as the model, nested models built too; the raw payload comes back whole.
    assert isinstance(deviant.data, Chunk) and isinstance(deviant.data.choices[0], Choice)
    assert deviant.data.choices[0].index == "zero" and deviant.data.id == "chatcmpl-0"
    assert deviant.data.model_dump(mode="json", by_alias=True, warnings=False) == deviant_chunk()
    assert "created" not in deviant.data.model_fields_set
    assert not_json.data == "{not json"
    warned = [r for r in records if r.name == "atoma_sdk" and r.levelno == logging.WARNING]
    assert len(warned) == 2, [r.getMessage() for r in records]
    assert "created" in warned[0].getMessage() and '"service_tier": "flex"' in warned[0].getMessage()
    assert "{not json" in warned[1].getMessage()


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_deviating_events_are_delivered_and_logged(
    server: Server, seed: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="atoma_sdk")
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN) as client:
        with client.chat.chat_completions_create_stream(model=f"deviant-{seed}", messages=MESSAGES) as stream:
            events = list(stream)
        assert stream.response.is_closed
    check_lenient(events, caplog.records)


@pytest.mark.parametrize("seed", [0, 4])
def test_deviating_events_are_delivered_and_logged_async(
    server: Server, seed: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="atoma_sdk")

    async def run() -> list[Any]:
        async with atoma_sdk.AsyncAtomaSdk(server_url=server.url, bearer_auth=TOKEN) as client:
            stream = await client.chat.chat_completions_create_stream(
                model=f"deviant-{seed}", messages=MESSAGES
            )
            async with stream:
                return [e async for e in stream]

    check_lenient(asyncio.run(run()), caplog.records)


@pytest.mark.parametrize("seed", [0, 5])
def test_strict_raises_at_the_deviating_event(server: Server, seed: int) -> None:
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN, strict=True) as client:
        stream = client.chat.chat_completions_create_stream(model=f"deviant-{seed}", messages=MESSAGES)
        it = iter(stream)
        assert next(it).data.id == "chatcmpl-0"
        with pytest.raises(atoma_sdk.StreamDecodeError) as info:
            next(it)
        assert json.loads(info.value.data) == deviant_chunk()
        assert stream.response.is_closed


def test_strict_raises_async(server: Server) -> None:
    async def run() -> int:
        got = 0
        async with atoma_sdk.AsyncAtomaSdk(server_url=server.url, bearer_auth=TOKEN, strict=True) as client:
            stream = await client.chat.chat_completions_create_stream(model="deviant-0", messages=MESSAGES)
            with pytest.raises(atoma_sdk.StreamDecodeError):
                async for _ in stream:
                    got += 1
        return got

    assert asyncio.run(run()) == 1


# ------------------------------------------------------------ a union of payloads by `type`

SPEC = """
openapi: 3.1.0
info: {title: Activity, version: 1.0.0}
servers: [{url: https://api.example.com}]
security: [{apiKey: []}]
paths:
  /activity#stream:
    get:
      operationId: activity_stream
      tags: [Events]
      x-speakeasy-sse-sentinel: '[DONE]'
      responses:
        '200':
          description: Trades and quotes, told apart by the payload's type.
          content:
            text/event-stream:
              schema: {$ref: '#/components/schemas/ActivityEnvelope'}
components:
  securitySchemes:
    apiKey: {type: apiKey, in: header, name: X-API-Key}
  schemas:
    ActivityEnvelope:
      type: object
      required: [data]
      properties:
        data:
          oneOf:
            - {$ref: '#/components/schemas/Trade'}
            - {$ref: '#/components/schemas/Quote'}
          discriminator: {propertyName: type}
    Trade:
      type: object
      required: [type, price]
      properties:
        type: {type: string, enum: [trade]}
        price: {type: number}
    Quote:
      type: object
      required: [type, bid, ask]
      properties:
        type: {type: string, enum: [quote]}
        bid: {type: number}
        ask: {type: number}
"""


@pytest.fixture(scope="module")
def activity_sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("activity")
    (folder / "spec.yaml").write_text(SPEC, encoding="utf-8")
    yield from generated_package(folder / "spec.yaml", "activity_sdk", folder / "out")


ACTIVITY = (
    'data: {"type": "trade", "price": 1.5}\n\n'
    'data: {"type": "quote", "bid": 1, "ask": 2}\n\n'
    'data: {"type": "auction", "lot": 7}\n\n'
    'data: {"type": "trade"}\n\n'
    "data: [DONE]\n\n"
)


def make_app() -> Starlette:
    async def activity(request: Request) -> Response:
        seed = int(request.path_params["seed"])
        body = ACTIVITY.encode()

        async def chunks() -> AsyncIterator[bytes]:
            if seed == 0:
                yield body
                return
            rng, i = random.Random(seed), 0
            while i < len(body):
                step = rng.choice([1, 3, 8, 40])
                yield body[i : i + step]
                i += step
                await asyncio.sleep(0)

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return Starlette(routes=[Route("/{seed}/activity", activity, methods=["GET"])])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from serve(make_app())


def check_activity(sdk: ModuleType, events: list[Any]) -> None:
    Trade, Quote = sdk.models.components.Trade, sdk.models.components.Quote
    Unknown = sdk.UnknownEvent
    trade, quote, auction, partial = events
    assert isinstance(trade.data, Trade) and trade.data.price == 1.5
    assert isinstance(quote.data, Quote) and (quote.data.bid, quote.data.ask) == (1, 2)
    assert isinstance(auction, Unknown) and auction.json == {"type": "auction", "lot": 7}
    assert auction.data == '{"type": "auction", "lot": 7}' and "auction" in auction.reason
    assert auction.error is not None
    # A known type missing a required field: delivered as that member, built leniently.
    assert isinstance(partial.data, Trade) and partial.data.model_dump() == {"type": "trade"}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("strict", [False, True])
def test_unknown_type_is_an_unknown_event(
    activity_sdk: ModuleType, base_url: str, seed: int, strict: bool
) -> None:
    url = f"{base_url}/{seed}"
    with activity_sdk.ActivitySdk(server_url=url, api_key="k", strict=strict) as client:
        with client.events.activity_stream() as stream:
            events: list[Any] = []
            if strict:
                with pytest.raises(activity_sdk.StreamDecodeError):
                    events.extend(stream)
                assert len(events) == 3
                return
            events = list(stream)
    check_activity(activity_sdk, events)


@pytest.mark.parametrize("seed", [0, 3])
def test_unknown_type_is_an_unknown_event_async(activity_sdk: ModuleType, base_url: str, seed: int) -> None:
    async def run() -> list[Any]:
        async with activity_sdk.AsyncActivitySdk(server_url=f"{base_url}/{seed}", api_key="k") as client:
            stream = await client.events.activity_stream()
            async with stream:
                return [e async for e in stream]

    check_activity(activity_sdk, asyncio.run(run()))
