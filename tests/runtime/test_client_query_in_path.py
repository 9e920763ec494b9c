"""A query written into a path key (`/charges?beta=true&v=2`, as Anthropic's spec writes its beta
endpoints beside the plain ones): its pairs travel with every call, before the operation's own
parameters, the client's defaults and a call's extras. httpx replaces a URL's query with
`params=`, so a query left in the path was dropped as soon as any parameter was sent.

The wire golden SDK (tests/golden/wire) against a real local server (the exact request line),
and against `sdkgen mock`, which must route a call to the operation whose path-key query it
carries (the plain `listCharges` and the beta one share the path and method).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import mock
from generator.build import build_api
from generator.config import Settings
from generator.load import load_spec
from tests.runtime.local_server import serving

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "wire"
if str(GOLDEN / "expected") not in sys.path:
    sys.path.insert(0, str(GOLDEN / "expected"))

import wire_sdk  # noqa: E402  (the golden tree, not an installed namesake)

pytestmark = pytest.mark.timeout(60)


def _beta(path: str, query: dict[str, str], body: Any, url: str) -> tuple[int, Any]:
    return 200, {"beta_only": "yes"}


def test_the_path_keys_query_is_sent_with_and_without_parameters() -> None:
    with serving(_beta) as server:
        with wire_sdk.WireSdk(server_url=server.url, api_key="k", timeout=5) as sdk:
            assert sdk.charges.list_charges_beta().beta_only == "yes"
            sdk.charges.list_charges_beta(limit=5)
            sdk.charges.list_charges_beta(limit=5, extra_query={"trace": "t 1"})
        with wire_sdk.WireSdk(
            server_url=server.url, api_key="k", timeout=5, default_query={"region": "eu"}
        ) as sdk:
            sdk.charges.list_charges_beta()
        sent = [seen.line for seen in server.seen]
    assert sent == [
        "GET /charges?beta=true&v=2",
        "GET /charges?beta=true&v=2&limit=5",
        "GET /charges?beta=true&v=2&limit=5&trace=t+1",
        "GET /charges?region=eu&beta=true&v=2",
    ]


def test_the_path_keys_query_is_sent_async() -> None:
    async def run() -> str:
        async with wire_sdk.AsyncWireSdk(server_url=server.url, api_key="k", timeout=5) as sdk:
            return (await sdk.charges.list_charges_beta(limit=1)).beta_only

    with serving(_beta) as server:
        assert asyncio.run(run()) == "yes"
        assert [seen.line for seen in server.seen] == ["GET /charges?beta=true&v=2&limit=1"]


def test_the_mock_routes_by_the_path_keys_query() -> None:
    spec = GOLDEN / "spec.yaml"
    api = build_api(load_spec(spec), Settings(spec=spec, package="wire_sdk"))
    beta = next(op for op in api.operations if op.operation_id == "listChargesBeta")
    assert (beta.path, beta.fixed_query, beta.endpoint) == (
        "/charges",
        (("beta", "true"), ("v", "2")),
        "/charges?beta=true&v=2",
    )
    with mock.running(api) as url, wire_sdk.WireSdk(server_url=url, api_key="k", timeout=5) as sdk:
        # `beta_only` is required: the plain operation's answer would not parse.
        assert isinstance(sdk.charges.list_charges_beta(limit=2).beta_only, str)
        assert isinstance(sdk.charges.list_charges(ids=[1]), wire_sdk.models.components.Echo)


def test_a_pair_a_declared_parameter_names_is_left_to_it_with_a_note(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n"
        "  /items?beta=true&mode=fast&flag:\n    get:\n      operationId: listItems\n"
        "      parameters: [{name: mode, in: query, schema: {type: string}}]\n"
        "      responses: {'204': {description: none}}\n"
    )
    api = build_api(load_spec(spec), Settings(spec=spec))
    (op,) = api.operations
    assert (op.path, op.endpoint) == ("/items", "/items?beta=true&flag")
    assert op.fixed_query == (("beta", "true"), ("flag", ""))
    (note,) = [n for n in api.notes if "query" in n]
    assert "/paths/~1items?beta=true&mode=fast&flag" in note and "'mode'" in note
