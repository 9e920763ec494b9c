"""Every operation works on the wire (issue 10): what a real local server receives and
answers, through the generated SDKs."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from conftest_client import Server, server_fixture  # noqa: F401

EXPECTED = Path(__file__).resolve().parents[1] / "golden" / "streams" / "expected"
if str(EXPECTED) not in sys.path:
    sys.path.insert(0, str(EXPECTED))

import streams_sdk  # noqa: E402  (the golden tree, not an installed namesake)

pytestmark = pytest.mark.timeout(20)


def test_done_ends_a_json_stream_without_a_declared_sentinel_sync(server: Server) -> None:
    url = f"{server.url}/resume/done-0-5-w1"
    with streams_sdk.StreamsSdk(server_url=url, api_key="k", timeout=5) as sdk:
        with sdk.events.plain_stream(room="r", resume=None) as stream:
            prices = [int(event.data.price) for event in stream]
        assert stream.response.is_closed
    assert prices == list(range(5))


def test_done_ends_a_json_stream_without_a_declared_sentinel_async(server: Server) -> None:
    async def run() -> list[int]:
        url = f"{server.url}/resume/done-0-5-w2"
        async with streams_sdk.AsyncStreamsSdk(server_url=url, api_key="k", timeout=5) as sdk:
            stream = await sdk.events.plain_stream(room="r", resume=None)
            async with stream:
                prices = [int(event.data.price) async for event in stream]
            assert stream.response.is_closed
            return prices

    assert asyncio.run(run()) == list(range(5))
