"""Recursive models (self and mutual, across modules) validate whichever module loads first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_python

PAYLOAD = {"name": "Ann", "books": [{"title": "T", "author": {"name": "Ann", "books": []}}]}


@pytest.mark.parametrize("first", ["author", "book"])
def test_mutual_recursion_validates_and_round_trips(first: str, golden_trees: Path) -> None:
    code = (
        f"import recursion_sdk.models.components.{first}\n"
        "from recursion_sdk.models.components import Author, Book\n"
        f"a = Author.model_validate({PAYLOAD!r})\n"
        "assert isinstance(a.books[0], Book) and isinstance(a.books[0].author, Author)\n"
        f"assert a.model_dump(by_alias=True) == {PAYLOAD!r}, a.model_dump()\n"
        "print('ok')\n"
    )
    proc = run_python(code, golden_trees / "recursion")
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-2000:]


def test_self_recursion_through_array_map_and_union(golden_trees: Path) -> None:
    node = {"children": [{"by_name": {"x": {"parent": None}}}], "parent": {"children": []}}
    code = (
        "from recursion_sdk.models.components import Node\n"
        f"n = Node.model_validate({node!r})\n"
        "assert n.children[0].by_name['x'].parent is None\n"
        f"assert n.model_dump() == {node!r}, n.model_dump()\n"
        "print('ok')\n"
    )
    proc = run_python(code, golden_trees / "recursion")
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-2000:]
