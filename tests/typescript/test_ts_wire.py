"""The TypeScript SDK of tests/typescript/specs/wire.yaml, compiled and run under node against a
real local server (tests/typescript/echo_server.py): the exact bytes it sends, by scenario,
for the same rules the Python runtime follows (forms, query and path styles, headers, cookies),
and models that keep the properties their spec does not name (`additionalProperties`)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.typescript.build import WIRE_PACKAGE, TsBuild
from tests.typescript.echo_server import LABEL, EchoServer, compact, echo_server
from tests.typescript.support import node

SCRIPT = Path(__file__).resolve().parent / "node" / "wire_scenarios.mjs"
pytestmark = pytest.mark.xdist_group("ts")


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with echo_server() as srv:
        yield srv


@pytest.fixture(scope="module")
def results(ts_build: TsBuild, server: EchoServer) -> dict[str, Any]:
    """Every scenario of node/wire_scenarios.mjs, run by one node process."""
    proc = subprocess.run(
        [node(), str(SCRIPT), str(ts_build.dist(WIRE_PACKAGE)), server.url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stdout, proc.stderr[-3000:]
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def ok(results: dict[str, Any], name: str) -> dict[str, Any]:
    """A scenario's result, which must have succeeded."""
    result = dict(results[name])
    assert result.pop("ok"), result
    return result


# -- additionalProperties ----------------------------------------------------------------------


def test_extras_are_kept_inbound_under_their_wire_names(results: dict[str, Any]) -> None:
    label = ok(results, "extrasRoundTrip")["label"]
    assert label == {
        "displayName": "Zoë",
        "colorCode": "#fff",
        "child": {"shortName": "c", "additionalProperties": {"hits": 3, "maxHits": 9}},
        "additionalProperties": {
            "x_extra": {"nested_key": [1, {"deep_key": None}]},
            "camelCase": "kept",
            "ünï": "ç",
        },
    }


def test_extras_round_trip_to_the_same_bytes(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "extrasRoundTrip")
    get, put = server.received["extrasRoundTrip"]
    assert get.method == "GET" and put.method == "POST"
    assert put.body == LABEL.encode() == compact(LABEL)


def test_extras_from_the_caller_are_sent_as_given_and_named_fields_win(
    results: dict[str, Any], server: EchoServer
) -> None:
    ok(results, "extrasFromCaller")
    body = server.only("extrasFromCaller").body
    assert body == (b'{"display_name":"n","child":{"short_name":"s","hits":1},"raw_key":{"innerKey":1}}')


def test_extras_are_validated_by_their_schema(results: dict[str, Any]) -> None:
    assert ok(results, "extrasRejectedByTheirSchema") == {"success": False}
