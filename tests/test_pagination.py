"""Pagination in the IR (issue 12): x-speakeasy-pagination read as Speakeasy documents it, and the
common list shapes inferred; the wire behaviour is in tests/runtime/test_client_paging.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build_api
from generator.config import Settings
from generator.ir import Api, TypeRef
from generator.load import load_spec
from generator.pagination import json_path
from tests.helpers import golden_settings

MISTRAL = Path("/work/shared/specs/mistral-openapi.yaml")


@pytest.fixture(scope="module")
def paging() -> Api:
    settings = golden_settings("paging")
    return build_api(load_spec(settings.spec), settings)


def test_json_paths() -> None:
    assert json_path("$.data") == ("data",)
    assert json_path("$.data[-1].id") == ("data", -1, "id")
    assert json_path("$['odd key'][0]") == ("odd key", 0)
    assert json_path("$") == ()
    for bad in ("data", "$..data", "$.data[*]", 3, None):
        assert json_path(bad) is None


def test_each_extension_type_and_inferred_shape(paging: Api) -> None:
    kinds = {op.operation_id: op.pagination for op in paging.operations}
    page = kinds["list_by_page"]
    assert page is not None and (page.kind, page.input, page.start, page.limit, page.next) == (
        "page",
        "page",
        1,
        "size",
        ("num_pages",),
    )
    assert page.results == ("result", "things") and page.item == TypeRef("model", "Thing")
    search = kinds["search"]
    assert search is not None and (search.kind, search.input_in, search.next) == (
        "cursor",
        "body",
        ("data", -1, "id"),
    )
    openai = kinds["list_after"]
    assert (
        openai is not None
        and openai.inferred
        and (openai.next, openai.has_more) == (("last_id",), ("has_more",))
    )
    stripe = kinds["list_starting_after"]
    assert stripe is not None and stripe.next == ("data", -1, "id")
    assert kinds["get_one"] is None


def test_an_unusable_extension_is_a_note_and_one_page(paging: Api) -> None:
    broken = next(op for op in paging.operations if op.operation_id == "list_broken")
    assert broken.pagination is None
    assert any(
        "/paths/~1broken/get/x-speakeasy-pagination: input 'missing' is not a query parameter" in n
        for n in paging.notes
    )
    assert not any("x-speakeasy-pagination (" in n for n in paging.notes)  # read, so not "unknown"


def test_mistral_pages_where_its_spec_says() -> None:
    if not MISTRAL.exists():
        pytest.skip("the shared Mistral spec is not here")
    api = build_api(load_spec(MISTRAL), Settings(package="mistral_sdk"))
    paged = {
        op.operation_id: op.pagination
        for op in api.operations
        if op.pagination and not op.pagination.inferred
    }
    assert len(paged) == 2
    for pagination in paged.values():
        assert pagination.kind == "cursor" and pagination.limit == "page_size"
        assert pagination.next == ("next_page_token",)
    assert {p.input for p in paged.values()} == {"page_token", "next_page_token"}


def test_the_typescript_target_pages_every_list_as_python_does() -> None:
    # Each list that pages returns a `Page` in TypeScript (tests/typescript/test_ts_paging.py runs
    # them): no note, no "not supported" line, the same operations as Python's page objects.
    from dataclasses import replace as replaced

    from generator.build import build_api
    from generator.cli import render_for
    from generator.load import load_spec
    from tests.helpers import golden_settings

    settings = golden_settings("paging")
    ts = replaced(settings, target="typescript", package="paging-sdk")
    files, notes = render_for(ts)
    assert not any("the list pages, but" in n for n in notes)
    paged = [op for op in build_api(load_spec(settings.spec), settings).operations if op.pagination]
    sources = "".join(text for path, text in files.items() if path.startswith("src/sdk/"))
    assert "Not supported yet" not in sources
    assert sources.count("return await Page.fetch<") == len(paged) >= 8
