"""Lists that page in the TypeScript SDK: the golden `paging` tree, compiled and run under node
against a real local server that lists seven things three at a time (the server and the
expectations of tests/runtime/test_client_paging.py for Python): every item across the pages,
the exact request of each next page, and where paging stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.runtime.local_server import LocalServer, serving
from tests.runtime.paging_server import IDS, answer
from tests.typescript.build import TsBuild
from tests.typescript.support import node_json, ts_settings

SCRIPT = Path(__file__).resolve().parent / "node" / "paging_scenarios.mjs"
pytestmark = pytest.mark.xdist_group("ts")


@pytest.fixture(scope="module")
def results(ts_build: TsBuild) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Every scenario's result, and the request lines the server saw per scenario."""
    server: LocalServer
    with serving(answer) as server:
        got = node_json(SCRIPT, str(ts_build.dist(ts_settings("paging").package)), server.url)
        seen = server.take()
    lines: dict[str, list[str]] = {}
    for line in seen:
        if line.startswith("GET /mark/"):
            current = lines.setdefault(line.removeprefix("GET /mark/"), [])
        else:
            current.append(line)
    return got, lines


@pytest.mark.parametrize(
    ("scenario", "requests"),
    [
        ("byPage", ["GET /v1/pages?size=3", "GET /v1/pages?page=2&size=3", "GET /v1/pages?page=3&size=3"]),
        (
            "byOffset",
            [
                "GET /v1/offsets?limit=3",
                "GET /v1/offsets?offset=3&limit=3",
                "GET /v1/offsets?offset=6&limit=3",
            ],
        ),
        (
            "byCursor",
            [
                "GET /v1/cursors?page_size=3",
                "GET /v1/cursors?page_token=3&page_size=3",
                "GET /v1/cursors?page_token=6&page_size=3",
            ],
        ),
        (
            "byBodyCursor",
            [
                'POST /v1/search {"query":"q"}',
                'POST /v1/search {"query":"q","after":"t2"}',
                'POST /v1/search {"query":"q","after":"t5"}',
                'POST /v1/search {"query":"q","after":"t6"}',
            ],
        ),
        ("byLink", ["GET /v1/links", "GET /v1/links?p=3", "GET /v1/links?p=6"]),
        (
            "openai",
            ["GET /v1/openai?limit=3", "GET /v1/openai?after=t2&limit=3", "GET /v1/openai?after=t5&limit=3"],
        ),
        (
            "stripe",
            [
                "GET /v1/stripe?limit=3",
                "GET /v1/stripe?starting_after=t2&limit=3",
                "GET /v1/stripe?starting_after=t5&limit=3",
            ],
        ),
        (
            "nextCursor",
            ["GET /v1/next-cursor", "GET /v1/next-cursor?cursor=t2", "GET /v1/next-cursor?cursor=t5"],
        ),
    ],
)
def test_every_item_across_the_pages_and_each_next_request(
    results: tuple[dict[str, Any], dict[str, list[str]]], scenario: str, requests: list[str]
) -> None:
    got, lines = results
    assert got[scenario] == IDS
    assert lines[scenario] == requests


def test_offsets_without_a_limit_stop_on_an_empty_page(
    results: tuple[dict[str, Any], dict[str, list[str]]],
) -> None:
    got, lines = results
    assert got["byOffsetNoLimit"] == IDS[5:]
    assert lines["byOffsetNoLimit"] == ["GET /v1/offsets?offset=5", "GET /v1/offsets?offset=7"]


def test_pages_one_at_a_time(results: tuple[dict[str, Any], dict[str, list[str]]]) -> None:
    got, lines = results
    assert got["oneAtATime"] == {
        "first": {"items": IDS[:3], "lastId": "t2", "more": True},
        "second": IDS[3:6],
        "sizes": [3, 3, 1],
        "lastMore": False,
        "lastNext": None,
    }
    first, second, third = (f"GET /v1/openai?{q}limit=3" for q in ("", "after=t2&", "after=t5&"))
    # nextPage() once, then iterPages() from the first page again: the last page asks for no more
    assert lines["oneAtATime"] == [first, second, second, third]


def test_a_failing_next_page_throws_while_iterating(
    results: tuple[dict[str, Any], dict[str, list[str]]],
) -> None:
    got, lines = results
    assert got["failingNextPage"] == {"ids": IDS[:4], "error": "InternalServerError", "status": 500}
    assert lines["failingNextPage"] == [
        "GET /v1/cursors?page_size=2",
        "GET /v1/cursors?page_token=2&page_size=2",
        "GET /v1/cursors?page_token=4&page_size=2",
    ]


def test_the_raw_response_of_a_paging_method_is_the_first_page(
    results: tuple[dict[str, Any], dict[str, list[str]]],
) -> None:
    got, lines = results
    assert got["raw"] == {"status": 200, "first": IDS[:3], "every": IDS}
    assert lines["raw"] == [f"GET /v1/pages?{q}size=3" for q in ("", "page=2&", "page=3&")]


def test_a_next_url_is_followed_only_under_the_server_url(
    results: tuple[dict[str, Any], dict[str, list[str]]],
) -> None:
    got, _ = results
    assert got["nextUrlBoundary"] == [
        "/links?p=2",
        "/links?p=3",
        'refused: the next page\'s URL "https://api.example.com.evil/x" is not under "https://api.example.com/v1"',
        'refused: the next page\'s URL "https://api.example.com/v10/x" is not under "https://api.example.com/v1"',
    ]
