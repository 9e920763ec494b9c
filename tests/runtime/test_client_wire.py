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


WIRE = Path(__file__).resolve().parents[1] / "golden" / "wire" / "expected"
if str(WIRE) not in sys.path:
    sys.path.insert(0, str(WIRE))

import wire_sdk  # noqa: E402  (the golden tree, not an installed namesake)
from wire_sdk.models.components import Range  # noqa: E402

FORM_EXPECTED = (
    "name=Ada+L&balance=0&tax_exempt=false&metadata%5Bk+1%5D=v%26x"
    "&expand%5B0%5D=a&expand%5B1%5D=b.c&address%5Bcity%5D=Z%C3%BCrich&address%5Bline%5D%5B0%5D=1"
)


def test_form_body_is_bracket_encoded_sync(server: Server) -> None:
    with wire_sdk.WireSdk(server_url=f"{server.url}/wire", api_key="k", timeout=5) as sdk:
        echo = sdk.customers.create_customer(
            name="Ada L",
            balance=0,
            tax_exempt=False,
            metadata={"k 1": "v&x"},
            expand=["a", "b.c"],
            address={"city": "Zürich", "line": ["1"]},
        )
    assert echo.content_type == "application/x-www-form-urlencoded"
    assert echo.body == FORM_EXPECTED


def test_form_body_omits_unset_and_none_async(server: Server) -> None:
    async def run() -> wire_sdk.Echo:
        async with wire_sdk.AsyncWireSdk(server_url=f"{server.url}/wire", api_key="k", timeout=5) as sdk:
            return await sdk.customers.create_customer(name="x", tax_exempt=True)

    echo = asyncio.run(run())
    assert echo.body == "name=x&tax_exempt=true"


def test_form_body_honours_each_property_encoding(server: Server) -> None:
    with wire_sdk.WireSdk(server_url=f"{server.url}/wire", api_key="k", timeout=5) as sdk:
        echo = sdk.customers.create_customer(
            name="n", expand=["a"], tags=["x", "y"], ids=[1, 2], codes=["p", "q"]
        )
    assert echo.body == "name=n&expand%5B0%5D=a&tags=x&tags=y&ids=1%2C2&codes=p%7Cq"


def test_query_styles_deep_object_and_unexploded_form(server: Server) -> None:
    with wire_sdk.WireSdk(server_url=f"{server.url}/wire", api_key="k", timeout=5) as sdk:
        echo = sdk.charges.list_charges(
            created={"gt": 1, "lte": 5},
            window={"gt": 2},
            spread={"lte": 3},
            ids=[1, 2],
            tag=["a", "b"],
        )
    assert echo.body == ("created%5Bgt%5D=1&created%5Blte%5D=5&window=gt%2C2&lte=3&ids=1%7C2&tag=a&tag=b")


def test_query_object_parameters_given_as_models(server: Server) -> None:
    with wire_sdk.WireSdk(server_url=f"{server.url}/wire", api_key="k", timeout=5) as sdk:
        echo = sdk.charges.list_charges(created=Range(gt=1), window=Range(gt=2, lte=4), spread=Range(lte=3))
    assert echo.body == "created%5Bgt%5D=1&window=gt%2C2%2Clte%2C4&lte=3"


def test_empty_path_parameter_raises_before_calling(server: Server) -> None:
    key = "done-0-1-w3"
    with streams_sdk.StreamsSdk(server_url=f"{server.url}/resume/{key}", api_key="k", timeout=5) as sdk:
        with pytest.raises(ValueError, match="'room' must not be empty"):
            sdk.events.plain_stream(room="", resume=None)
    assert key not in server.state.counts


def test_empty_path_parameter_raises_async(server: Server) -> None:
    async def run() -> None:
        url = f"{server.url}/resume/done-0-1-w4"
        async with streams_sdk.AsyncStreamsSdk(server_url=url, api_key="k", timeout=5) as sdk:
            await sdk.events.plain_stream(room="", resume=None)

    with pytest.raises(ValueError, match="'room' must not be empty"):
        asyncio.run(run())
