"""List operations page (issue 12): the golden `paging` SDK against a real local server
that pages seven items three at a time, checking each request the server receives."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import import_golden_package
from local_server import LocalServer, serving
from paging_server import IDS, answer

from tests.helpers import shared_path
from tests.shared_sdks import shared_sdk

paging_sdk = import_golden_package("paging")
pytestmark = pytest.mark.timeout(20)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving(answer) as srv:
        yield srv


@pytest.fixture
def sdk(server: LocalServer) -> Iterator[Any]:
    server.take()
    with paging_sdk.PagingSdk(server_url=server.url + "/v1", retries=0) as client:
        yield client


def test_page_numbers_stop_at_the_page_count(sdk: Any, server: LocalServer) -> None:
    assert [t.id for t in sdk.ext.list_by_page(size=3)] == IDS
    assert server.take() == [
        "GET /v1/pages?size=3",
        "GET /v1/pages?page=2&size=3",
        "GET /v1/pages?page=3&size=3",
    ]


def test_offsets_advance_by_the_items_received_and_stop_on_a_short_page(
    sdk: Any, server: LocalServer
) -> None:
    assert [t.id for t in sdk.ext.list_by_offset(limit=3)] == IDS
    assert server.take() == [
        "GET /v1/offsets?limit=3",
        "GET /v1/offsets?offset=3&limit=3",
        "GET /v1/offsets?offset=6&limit=3",
    ]


def test_offsets_without_a_limit_stop_on_an_empty_page(sdk: Any, server: LocalServer) -> None:
    assert [t.id for t in sdk.ext.list_by_offset(offset=5)] == IDS[5:]
    assert server.take() == ["GET /v1/offsets?offset=5", "GET /v1/offsets?offset=7"]


def test_cursor_from_the_response_until_it_is_null(sdk: Any, server: LocalServer) -> None:
    assert [t.id for t in sdk.ext.list_by_cursor(page_size=3)] == IDS
    assert server.take() == [
        "GET /v1/cursors?page_size=3",
        "GET /v1/cursors?page_token=3&page_size=3",
        "GET /v1/cursors?page_token=6&page_size=3",
    ]


def test_a_body_cursor_from_the_last_item_keeps_the_other_fields(sdk: Any, server: LocalServer) -> None:
    assert [t.id for t in sdk.ext.search(query="q")] == IDS
    assert server.take() == [
        'POST /v1/search {"query":"q"}',
        'POST /v1/search {"query":"q","after":"t2"}',
        'POST /v1/search {"query":"q","after":"t5"}',
        'POST /v1/search {"query":"q","after":"t6"}',
    ]


def test_next_urls_relative_and_absolute(sdk: Any, server: LocalServer) -> None:
    assert [t.id for t in sdk.ext.list_by_link()] == IDS
    assert server.take() == ["GET /v1/links", "GET /v1/links?p=3", "GET /v1/links?p=6"]


@pytest.mark.parametrize(
    ("method", "path", "param"),
    [
        ("list_after", "openai", "after"),
        ("list_starting_after", "stripe", "starting_after"),
    ],
)
def test_inferred_has_more_lists(sdk: Any, server: LocalServer, method: str, path: str, param: str) -> None:
    assert [t.id for t in getattr(sdk.inferred, method)(limit=3)] == IDS
    assert server.take() == [
        f"GET /v1/{path}?limit=3",
        f"GET /v1/{path}?{param}=t2&limit=3",
        f"GET /v1/{path}?{param}=t5&limit=3",
    ]


def test_inferred_next_cursor(sdk: Any, server: LocalServer) -> None:
    assert [t.id for t in sdk.inferred.list_next_cursor()] == IDS
    assert server.take() == [
        "GET /v1/next-cursor",
        "GET /v1/next-cursor?cursor=t2",
        "GET /v1/next-cursor?cursor=t5",
    ]


def test_pages_one_at_a_time_and_the_response_fields(sdk: Any, server: LocalServer) -> None:
    page = sdk.inferred.list_after(limit=3)
    assert server.take() == ["GET /v1/openai?limit=3"]  # nothing more until asked
    assert type(page) is paging_sdk.SyncPage
    assert [t.id for t in page.items] == IDS[:3]
    assert page.has_more is True and page.last_id == "t2" and page.response.object == "list"
    assert page.has_next_page()
    second = page.next_page()
    assert second is not None and [t.id for t in second.items] == IDS[3:6]
    assert server.take() == ["GET /v1/openai?after=t2&limit=3"]
    sizes = [len(p.items) for p in page.iter_pages()]
    assert sizes == [3, 3, 1]
    last = list(page.iter_pages())[-1]
    assert not last.has_next_page() and last.next_page() is None


def test_async_iterates_every_item_lazily(server: LocalServer) -> None:
    async def run() -> tuple[list[str], list[str], list[int]]:
        async with paging_sdk.AsyncPagingSdk(server_url=server.url + "/v1", retries=0) as sdk:
            page = await sdk.ext.list_by_cursor(page_size=3)
            first = server.take()
            ids = [t.id async for t in page]
            sizes = [len(p.items) async for p in page.iter_pages()]
            return first, ids, sizes

    server.take()
    first, ids, sizes = asyncio.run(run())
    assert first == ["GET /v1/cursors?page_size=3"]
    assert ids == IDS and sizes == [3, 3, 1]
    assert server.take()[:2] == [
        "GET /v1/cursors?page_token=3&page_size=3",
        "GET /v1/cursors?page_token=6&page_size=3",
    ]


def test_a_failing_next_page_raises_while_iterating(sdk: Any, server: LocalServer) -> None:
    page = sdk.ext.list_by_link()
    # the next link points at a failing route: the error surfaces when the loop reaches it
    page._call = page._call.__class__("GET", "/fail")
    items = iter(page)
    assert [next(items).id for _ in range(3)] == IDS[:3]
    with pytest.raises(paging_sdk.InternalServerError):
        next(items)


# -- the real Mistral spec: its x-speakeasy-pagination method pages on the wire ----------------

MISTRAL = shared_path("specs", "mistral-openapi.yaml")
AGENT = {
    "model": "mistral-small",
    "name": "a",
    "version": 1,
    "versions": [1],
    "created_at": "2025-01-01T00:00:00Z",
    "updated_at": "2025-01-01T00:00:00Z",
    "deployment_chat": False,
    "source": "api",
}


def _agents(path: str, q: dict[str, str], body: Any, base: str) -> tuple[int, Any]:
    start = int(q.get("page_token") or 0)
    end = start + int(q["page_size"])
    page = [{**AGENT, "id": f"ag{i}"} for i in range(start, min(end, 5))]
    return 200, {"object": "list", "data": page, "next_page_token": str(end) if end < 5 else None}


@pytest.mark.timeout(180)  # renders the whole Mistral SDK (seconds; more on a loaded machine)
def test_mistral_agents_page_by_its_cursor(tmp_path_factory: pytest.TempPathFactory) -> None:
    for sdk_module in shared_sdk("mistral", tmp_path_factory):
        with serving(_agents) as srv, sdk_module.Mistral(server_url=srv.url, api_key="k") as sdk:
            page = sdk.beta.agents.agents_api_v_1_agents_list_pages(page_size=2)
            assert [a.id for a in page] == [f"ag{i}" for i in range(5)]
            assert [line.split()[1] for line in srv.take()] == [
                "/v1/agents/pages?page_size=2",
                "/v1/agents/pages?page_size=2&page_token=2",
                "/v1/agents/pages?page_size=2&page_token=4",
            ]


def test_raw_response_of_a_paging_method_parses_as_the_page(sdk: Any, server: LocalServer) -> None:
    raw = sdk.ext.with_raw_response.list_by_page(size=3)
    assert raw.status_code == 200
    assert server.take() == ["GET /v1/pages?size=3"]
    page = raw.parse()
    assert [t.id for t in page] == IDS  # the page, iterating on to the next pages
    assert server.take() == ["GET /v1/pages?page=2&size=3", "GET /v1/pages?page=3&size=3"]


def test_raw_response_of_a_paging_method_async(server: LocalServer) -> None:
    async def run() -> list[str]:
        server.take()
        async with paging_sdk.AsyncPagingSdk(server_url=server.url + "/v1", retries=0) as client:
            raw = await client.ext.with_raw_response.list_by_page(size=3)
            assert raw.status_code == 200
            return [t.id async for t in raw.parse()]

    assert asyncio.run(run()) == IDS


def test_async_paging_iterates_without_an_await(server: LocalServer) -> None:
    async def run() -> tuple[list[str], list[str]]:
        server.take()
        async with paging_sdk.AsyncPagingSdk(server_url=server.url + "/v1", retries=0) as client:
            every = [t.id async for t in client.ext.list_by_page(size=3)]  # no await: the pager
            first = await client.ext.list_by_page(size=3)  # awaited: the first page
            return every, [t.id for t in first.items]

    every, first = asyncio.run(run())
    assert every == IDS and first == IDS[:3]
    assert server.take() == [
        "GET /v1/pages?size=3",
        "GET /v1/pages?page=2&size=3",
        "GET /v1/pages?page=3&size=3",
        "GET /v1/pages?size=3",
    ]


def test_items_that_are_not_a_list_raise_instead_of_an_empty_page() -> None:
    import importlib

    pagination = importlib.import_module("paging_sdk._pagination")
    http = importlib.import_module("paging_sdk._http")
    paging = pagination.Paging("cursor", results=("data",), items=("data",), input="after")
    call = http.Call("GET", "/things", security=())
    empty = pagination.SyncPage({"data": None}, {"data": None}, call, paging, "http://x", (http.UNSET, 0))
    assert empty.items == []  # an absent list is no items
    with pytest.raises(TypeError, match="items at data are a str, not a list"):
        pagination.SyncPage({"data": "x"}, {"data": "x"}, call, paging, "http://x", (http.UNSET, 0))


def test_a_next_url_is_followed_only_under_the_server_url() -> None:
    # At a path boundary: a shared prefix (the server's host name with more after it) would send
    # the request, and its credentials, to another host.
    relative = importlib.import_module("paging_sdk._pagination")._relative
    base = "https://api.example.com/v1"
    assert relative("/v1/links?p=2", base) == "/links?p=2"
    assert relative("https://api.example.com/v1/links?p=3", base) == "/links?p=3"
    for elsewhere in ("https://api.example.com.evil/x", "https://api.example.com/v10/x"):
        with pytest.raises(ValueError, match="is not under"):
            relative(elsewhere, base)
