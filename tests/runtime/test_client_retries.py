"""x-speakeasy-retries means its exact policy (issue 12): the golden `retries` SDK against a
real local server that fails as each test asks, counting and timing the attempts.

The document's policy retries 5XX and connection errors with waits of 50, 100, 200, 200 ...
ms for up to 3 s; `own_policy` replaces it: 429 and 503 only, every 5 ms, for up to 1 s (room for a loaded
machine's slow attempts: 200 ms failed a suite run once)."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from conftest import import_golden_package
from local_server import LocalServer, serving
from retry_server import answer

retries_sdk = import_golden_package("retries")
pytestmark = pytest.mark.timeout(20)
_keys = itertools.count()


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving(answer) as srv:
        yield srv


@pytest.fixture
def sdk(server: LocalServer) -> Iterator[Any]:
    server.take()
    with retries_sdk.RetriesSdk(server_url=server.url, timeout=5) as client:
        yield client


def _key(status: str, times: int) -> str:
    return f"{status}x{times}-{next(_keys)}"


def test_listed_statuses_are_retried_until_success(sdk: Any, server: LocalServer) -> None:
    assert sdk.calls.global_policy(key=_key("503", 3)).attempts == 4
    assert len(server.take()) == 4


def test_a_status_the_policy_does_not_list_is_not_retried(sdk: Any, server: LocalServer) -> None:
    with pytest.raises(retries_sdk.RateLimitError):
        sdk.calls.global_policy(key=_key("429", 1))  # the document lists 5XX only
    assert len(server.take()) == 1
    with pytest.raises(retries_sdk.InternalServerError):
        sdk.calls.own_policy(key=_key("500", 1))  # the operation lists 429 and 503 only
    assert len(server.take()) == 1


def test_the_operation_policy_replaces_the_document_one(sdk: Any, server: LocalServer) -> None:
    assert sdk.calls.own_policy(key=_key("429", 2)).attempts == 3
    with pytest.raises(retries_sdk.APIConnectionError):
        sdk.calls.own_policy(key=_key("drop", 1))  # no retryConnectionErrors at this level
    assert len(server.take()) == 3 + 1


def test_connection_errors_are_retried_when_the_policy_says_so(sdk: Any, server: LocalServer) -> None:
    assert sdk.calls.global_policy(key=_key("drop", 2)).attempts == 3
    assert len(server.take()) == 3


def test_the_backoff_waits_grow_by_the_exponent_up_to_the_max_interval(sdk: Any, server: LocalServer) -> None:
    assert sdk.calls.global_policy(key=_key("503", 5)).attempts == 6
    times = [s.at for s in server.take_timed()]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # 50, 100, 200, 200, 200 ms, each with up to 25% jitter taken off, plus the request's own
    # time (generous: a loaded machine); uncapped, the last two would be 400 and 800 ms
    for gap, wait in zip(gaps, [0.050, 0.100, 0.200, 0.200, 0.200], strict=True):
        assert 0.75 * wait - 0.002 <= gap <= wait + 0.150, (gaps, wait)


def test_retrying_stops_at_the_max_elapsed_time(sdk: Any, server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(retries_sdk.APIStatusError) as caught:
        sdk.calls.own_policy(key=_key("503", 10_000))
    ended = time.monotonic()
    seen = server.take_timed()
    assert caught.value.status_code == 503 and len(seen) >= 2
    # it gives up only when the next 3.75-5 ms wait would pass 1 s, and never waits past it
    assert ended - started >= 1.000 - 0.005
    assert seen[-1].at - started <= 1.000 + 0.060


def test_a_call_count_keeps_the_policy_and_a_config_replaces_it(sdk: Any, server: LocalServer) -> None:
    with pytest.raises(retries_sdk.InternalServerError):
        sdk.calls.global_policy(key=_key("503", 5), retries=1)
    assert len(server.take()) == 2
    with pytest.raises(retries_sdk.RateLimitError):
        sdk.calls.own_policy(key=_key("429", 5), retries=retries_sdk.RetryConfig(max_retries=0))
    assert len(server.take()) == 1
    config = retries_sdk.RetryConfig(max_retries=3, initial_delay=0.001, status_codes=("429",))
    assert sdk.calls.global_policy(key=_key("429", 2), retries=config).attempts == 3


def test_the_flagged_field_is_the_error_message(sdk: Any, server: LocalServer) -> None:
    with pytest.raises(retries_sdk.BadRequestError) as caught:
        sdk.calls.own_policy(key=_key("400", 1))
    assert str(caught.value) == "HTTP 400: flagged detail"  # x-speakeasy-error-message
    assert caught.value.data.kind == "new-kind"  # x-speakeasy-unknown-values: allow keeps it
    with pytest.raises(retries_sdk.InternalServerError) as plain:
        sdk.calls.global_policy(key=_key("500", 9), retries=0)
    assert str(plain.value) == "HTTP 500: try again"  # no flagged field: the usual reading


def test_async_follows_the_same_policy(server: LocalServer) -> None:
    async def run() -> int:
        async with retries_sdk.AsyncRetriesSdk(server_url=server.url, timeout=5) as sdk:
            with pytest.raises(retries_sdk.RateLimitError):
                await sdk.calls.global_policy(key=_key("429", 1))
            return int((await sdk.calls.own_policy(key=_key("503", 2))).attempts)

    server.take()
    assert asyncio.run(run()) == 3
    assert len(server.take()) == 1 + 3


def test_an_unusable_policy_is_a_note_and_the_default_applies() -> None:
    from generator.build import build_api
    from generator.load import load_spec
    from tests.helpers import golden_settings

    settings = golden_settings("retries")
    api = build_api(load_spec(settings.spec), settings)
    assert any("/paths/~1odd/get/x-speakeasy-retries: only `strategy: backoff`" in n for n in api.notes)
    odd = next(op for op in api.operations if op.operation_id == "odd_policy")
    assert odd.retries is None and api.retries is not None and api.retries.status_codes == ("5XX",)


def test_a_client_config_outranks_the_operation_policy(server: LocalServer) -> None:
    server.take()
    none = retries_sdk.RetryConfig(max_retries=0)
    with retries_sdk.RetriesSdk(server_url=server.url, timeout=5, retries=none) as client:
        with pytest.raises(retries_sdk.RateLimitError):
            client.calls.own_policy(key=_key("429", 2))  # the spec's own policy would retry 429
        assert len(server.take()) == 1
        # a call's own retries still come first
        assert client.calls.own_policy(key=_key("429", 2), retries=2).attempts == 3
        assert len(server.take()) == 3
    with retries_sdk.RetriesSdk(server_url=server.url, timeout=5, retries=1) as client:
        with pytest.raises(retries_sdk.RateLimitError):  # a count keeps the operation's policy
            client.calls.own_policy(key=_key("429", 5))
        assert len(server.take()) == 2


def test_a_target_that_does_not_apply_the_policies_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both targets apply the policies (TypeScript: tests/typescript/test_ts_retries.py); a target
    # that did not would have each policy noted by its pointer.
    from generator.cli import render_for
    from generator.targets.typescript.target import TypeScriptTarget
    from tests.helpers import golden_settings

    settings = golden_settings("retries")
    ts = replace(settings, target="typescript", package="retries-sdk")
    for each in (settings, ts):
        assert not any("is not applied" in n for n in render_for(each)[1])
    monkeypatch.setattr(TypeScriptTarget, "applies_retry_policies", False)
    told = "x-speakeasy-retries is not applied by the typescript target; the client's retries apply"
    assert [n for n in render_for(ts)[1] if "is not applied" in n] == [
        f"spec.yaml#/x-speakeasy-retries: {told}",
        f"spec.yaml#/paths/~1own~1{{key}}/get/x-speakeasy-retries: {told}",
    ]
