"""The generated client's non-streaming calls, auth, retries, timeouts and typed errors."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from conftest_client import TOKEN, Server, atoma_sdk, server_fixture  # noqa: F401

pytestmark = pytest.mark.timeout(30)
MESSAGES = [{"role": "user", "content": "Hi"}]
FAST = atoma_sdk.RetryConfig(max_retries=3, initial_delay=0.01, max_delay=0.05)


def test_non_stream_call_returns_model(server: Server) -> None:
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN) as sdk:
        result = sdk.chat.chat_completions_create(model="plain", messages=MESSAGES, temperature=0.5)
    comps = atoma_sdk.models.components
    assert isinstance(result, comps.ChatCompletionResponse)
    assert result.choices[0].message.content == "Hi there"
    # Only the arguments passed go on the wire, and the stream flag (the method is dual-mode,
    # its `#stream` variant's stream when true); models and dicts are both accepted.
    whole = {"model": "plain", "messages": MESSAGES, "temperature": 0.5, "stream": False}
    assert server.state.last_body == whole
    assert server.state.last_headers["content-type"] == "application/json"


def test_model_arguments_and_list_resource(server: Server) -> None:
    comps = atoma_sdk.models.components
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN) as sdk:
        sdk.chat.chat_completions_create(
            model="plain", messages=[comps.UserMessage(role="user", content="Hi")]
        )
        listed = sdk.models.models_list()
    assert server.state.last_body == {"model": "plain", "messages": MESSAGES, "stream": False}
    assert [m.id for m in listed.data] == ["m1"]


def test_auth_from_environment(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATOMA_SDK_BEARER_AUTH", TOKEN)
    with atoma_sdk.AtomaSdk(server_url=server.url) as sdk:
        assert sdk.models.models_list().object == "list"
    monkeypatch.delenv("ATOMA_SDK_BEARER_AUTH")
    with atoma_sdk.AtomaSdk(server_url=server.url) as sdk:
        with pytest.raises(atoma_sdk.AuthenticationError) as info:
            sdk.models.models_list()
    assert info.value.status_code == 401
    assert info.value.data is not None
    assert info.value.data.error.message == "Invalid API key provided."
    assert info.value.body["error"]["type"] == "status_401"


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (400, "BadRequestError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
    ],
)
def test_error_statuses_map_to_classes(server: Server, code: int, cls: str) -> None:
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN, retries=0) as sdk:
        with pytest.raises(getattr(atoma_sdk, cls)) as info:
            sdk.chat.chat_completions_create(model=f"status-{code}", messages=MESSAGES)
    err = info.value
    assert isinstance(err, atoma_sdk.APIStatusError) and isinstance(err, atoma_sdk.APIError)
    assert err.status_code == code and err.headers["content-type"] == "application/json"
    assert err.body["error"]["message"] == f"status {code}"


def test_retries_then_succeeds_sync(server: Server) -> None:
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN, retries=FAST) as sdk:
        result = sdk.chat.chat_completions_create(model="flaky-h1-3", messages=MESSAGES)
    assert result.id == "chatcmpl-1"
    assert server.state.counts["h1"] == 4


def test_retries_exhausted_raise_last_error(server: Server) -> None:
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN) as sdk:
        with pytest.raises(atoma_sdk.RateLimitError):  # the 4th answer of 5 failures: a 429
            sdk.chat.chat_completions_create(model="flaky-h2-5", messages=MESSAGES, retries=FAST)
    assert server.state.counts["h2"] == 4


def test_retries_async(server: Server) -> None:
    async def run() -> str:
        async with atoma_sdk.AsyncAtomaSdk(server_url=server.url, bearer_auth=TOKEN, retries=FAST) as sdk:
            return (await sdk.chat.chat_completions_create(model="flaky-h3-2", messages=MESSAGES)).id

    assert asyncio.run(run()) == "chatcmpl-1"
    assert server.state.counts["h3"] == 3


def test_retry_after_header_is_honoured() -> None:
    config = atoma_sdk.RetryConfig(initial_delay=5)
    assert config.delay(0, httpx.Headers({"retry-after": "0.2"})) == 0.2
    assert config.delay(0, httpx.Headers({"retry-after-ms": "30"})) == 0.03
    assert 3.75 <= config.delay(0, httpx.Headers({"retry-after": "junk"})) <= 5
    assert 6 <= config.delay(1, None) <= 8  # capped, minus up to 25% jitter
    assert config.delay(10, None) <= 8


def test_connection_errors_are_retried_then_raised() -> None:
    calls = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectError("refused", request=request)

    client = httpx.Client(transport=httpx.MockTransport(refuse))
    sdk = atoma_sdk.AtomaSdk(server_url="http://x", bearer_auth=TOKEN, http_client=client)
    with pytest.raises(atoma_sdk.APIConnectionError):
        sdk.models.models_list(retries=FAST)
    assert len(calls) == 4
    sdk.close()
    assert not client.is_closed  # the caller's client stays theirs
    client.close()


def test_timeout_raises_api_timeout_error(server: Server) -> None:
    with atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN, timeout=0.1) as sdk:
        start = time.monotonic()
        with pytest.raises(atoma_sdk.APITimeoutError):
            sdk.chat.chat_completions_create(model="sleep-1", messages=MESSAGES, retries=0)
        assert time.monotonic() - start < 0.9
        # A per-call timeout overrides the client's.
        result = sdk.chat.chat_completions_create(model="sleep-0.2", messages=MESSAGES, timeout=5, retries=0)
    assert result.id == "chatcmpl-1"


def test_user_supplied_http_client(server: Server) -> None:
    with httpx.Client(headers={"x-extra": "1"}) as client:
        sdk = atoma_sdk.AtomaSdk(server_url=server.url, bearer_auth=TOKEN, http_client=client)
        sdk.models.models_list()
        sdk.close()
        assert not client.is_closed


def test_user_supplied_async_client(server: Server) -> None:
    async def run() -> bool:
        async with httpx.AsyncClient() as client:
            async with atoma_sdk.AsyncAtomaSdk(
                server_url=server.url, bearer_auth=TOKEN, http_client=client
            ) as sdk:
                await sdk.models.models_list()
            return client.is_closed

    assert asyncio.run(run()) is False


def test_default_server_and_exports() -> None:
    import inspect

    sig = inspect.signature(atoma_sdk.AtomaSdk.__init__)
    assert sig.parameters["server_url"].default == "https://api.atoma.network"
    assert {"bearer_auth", "timeout", "retries", "http_client"} <= set(sig.parameters)
    for name in ("EventStream", "AsyncEventStream", "APIError", "StreamDecodeError", "models"):
        assert hasattr(atoma_sdk, name)
