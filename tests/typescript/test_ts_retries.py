"""x-speakeasy-retries in the TypeScript SDK: the golden `retries` tree, compiled and run under
node against a real local server that fails as each scenario asks, counting the attempts (the
same policies and expectations as tests/runtime/test_client_retries.py for Python)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from tests.runtime.local_server import LocalServer, serving
from tests.runtime.retry_server import answer
from tests.typescript.build import TsBuild
from tests.typescript.support import node_json, ts_settings

SCRIPT = Path(__file__).resolve().parent / "node" / "retry_scenarios.mjs"
pytestmark = pytest.mark.xdist_group("ts")


@pytest.fixture(scope="module")
def results(ts_build: TsBuild) -> tuple[dict[str, Any], dict[str, int]]:
    """Every scenario's result, and the attempts the server saw per scenario key's route."""
    server: LocalServer
    with serving(answer) as server:
        got = node_json(SCRIPT, str(ts_build.dist(ts_settings("retries").package)), server.url)
        seen = server.take_timed()
    attempts: dict[str, int] = {}
    for each in seen:
        key = each.line.split()[1].rsplit("-", 1)[-1]
        attempts[key] = attempts.get(key, 0) + 1
    _times.extend(each.at for each in seen if each.line.split()[1].endswith("-0"))
    return got, attempts


_times: list[float] = []  # when the attempts of the first scenario (key 0) arrived


def test_the_document_policy_retries_what_it_lists(results: tuple[dict[str, Any], dict[str, int]]) -> None:
    got, _ = results
    assert got["documentRetries5XX"]["attempts"] == 4
    assert got["documentRetriesDrops"]["attempts"] == 3
    assert got["documentSkips429"] == {
        "ok": False,
        "name": "RateLimitError",
        "status": 429,
        "message": "429: try again",
        "ms": got["documentSkips429"]["ms"],
    }


def test_the_backoff_waits_grow_by_the_exponent(results: tuple[dict[str, Any], dict[str, int]]) -> None:
    # The document's 50, 100, 200 ms (exponent 2), each with up to 25% jitter taken off, plus
    # the request's own time (generous: a loaded machine).
    gaps = [b - a for a, b in itertools.pairwise(_times)]
    for gap, wait in zip(gaps, [0.050, 0.100, 0.200], strict=True):
        assert 0.75 * wait - 0.002 <= gap <= wait + 0.150, (gaps, wait)


def test_the_operation_policy_replaces_the_document_one(
    results: tuple[dict[str, Any], dict[str, int]],
) -> None:
    got, _ = results
    assert got["operationRetries429"]["attempts"] == 3
    assert got["operationSkips500"]["status"] == 500 and not got["operationSkips500"]["ok"]
    assert got["operationSkipsDrops"]["name"] == "APIConnectionError"  # no retryConnectionErrors here


def test_retrying_stops_at_the_max_elapsed_time(results: tuple[dict[str, Any], dict[str, int]]) -> None:
    got, attempts = results
    stopped = got["operationStopsInTime"]
    assert stopped["status"] == 503 and 1000 - 5 <= stopped["ms"] <= 1000 + 500
    assert attempts[str(6)] > 10  # every 5 ms: many attempts in the second (scenario key 6)


def test_a_call_count_keeps_the_policy_and_a_client_config_outranks_it(
    results: tuple[dict[str, Any], dict[str, int]],
) -> None:
    got, attempts = results
    assert got["callCountUnderPolicy"]["status"] == 429 and attempts[str(7)] == 2
    assert got["clientConfigOutranks"]["status"] == 429 and attempts[str(10)] == 1


def test_the_flagged_field_is_the_error_message(results: tuple[dict[str, Any], dict[str, int]]) -> None:
    got, _ = results
    assert got["flaggedMessage"]["message"] == "400: flagged detail"  # x-speakeasy-error-message
    assert got["plainMessage"]["message"] == "500: try again"  # no flagged field: the usual reading
