"""Dotted tags and x-speakeasy-group are nested resources (issue 12): the golden `nested` SDK
calls its operations through each level, sync and async, against a real local server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import import_golden_package
from local_server import LocalServer, serving

nested_sdk = import_golden_package("nested")
pytestmark = pytest.mark.timeout(20)


def _echo(path: str, query: dict[str, str], body: Any, base: str) -> tuple[int, Any]:
    return 200, {"path": path}


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving(_echo) as srv:
        yield srv


def _calls(sdk: Any) -> list[Any]:
    return [
        sdk.beta.conversations.start,
        lambda: sdk.beta.conversations.messages.list_messages(id="c1"),
        sdk.beta.status,
        sdk.beta.agents.list,
        sdk.labs.tools.list_tools,
        sdk.models.list_models,
    ]


PATHS = ["/conversations", "/conversations/c1/messages", "/beta/status", "/agents", "/labs/tools", "/models"]


def test_each_level_reaches_its_operations(server: LocalServer) -> None:
    server.take()
    with nested_sdk.NestedSdk(server_url=server.url) as sdk:
        assert [call().path for call in _calls(sdk)] == PATHS
        assert sdk.beta.conversations is sdk.beta.conversations  # one object per level
        assert type(sdk.labs).__name__ == "Labs" and not hasattr(sdk, "beta_conversations")
    assert [line.split()[1] for line in server.take()] == PATHS


def test_each_level_reaches_its_operations_async(server: LocalServer) -> None:
    async def run() -> list[str]:
        async with nested_sdk.AsyncNestedSdk(server_url=server.url) as sdk:
            assert type(sdk.beta.conversations).__name__ == "AsyncBetaConversations"
            return [(await call()).path for call in _calls(sdk)]

    assert asyncio.run(run()) == PATHS
