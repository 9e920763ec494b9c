"""Path parameters in every OpenAPI path style (issue 10 §1): simple, label and matrix, exploded
or not, percent-encoded; an empty value or one that makes a `.` or `..` segment is refused
before anything is sent. Checked on the exact request line a real local server receives, and
on the runtime's expansion table (RFC 6570's own examples, as the TypeScript runtime does)."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from local_server import LocalServer, serving

from generator import emit
from generator.config import Settings
from tests.helpers import render_spec

pytestmark = pytest.mark.timeout(60)


def _param(name: str, style: str, explode: bool, items: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}} if items else {"type": "string"}
    return {
        "name": name,
        "in": "path",
        "required": True,
        "style": style,
        "explode": explode,
        "schema": schema,
    }


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Paths", "version": "1"},
    "paths": {
        "/p/{plain}/{dotted}/{dots}/{semi}/{semis}": {
            "get": {
                "operationId": "getStyled",
                "tags": ["styled"],
                "parameters": [
                    _param("plain", "simple", False, items=True),
                    _param("dotted", "label", False),
                    _param("dots", "label", True, items=True),
                    _param("semi", "matrix", False),
                    _param("semis", "matrix", True, items=True),
                ],
                "responses": {"204": {"description": "done"}},
            }
        }
    },
}


def _answer(path: str, q: dict[str, str], body: Any, base: str) -> tuple[int, Any]:
    return 204, None


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("paths")
    spec = out / "spec.json"
    spec.write_text(json.dumps(SPEC))
    emit.generate(
        render_spec(Settings(spec=spec, out=out / "sdk", package="paths_sdk")), out / "sdk", force=True
    )
    sys.path.insert(0, str(out / "sdk"))
    try:
        yield importlib.import_module("paths_sdk")
    finally:
        sys.path.remove(str(out / "sdk"))


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving(_answer) as srv:
        yield srv


ARGS = {"plain": ["a b", "c/d"], "dotted": "x", "dots": ["y", "z"], "semi": "s", "semis": ["m", "n"]}
SENT = "GET /p/a%20b,c%2Fd/.x/.y.z/;semi=s/;semis=m;semis=n"


def test_each_style_on_the_wire_sync(sdk: ModuleType, server: LocalServer) -> None:
    with sdk.PathsSdk(server_url=server.url) as client:
        client.styled.get_styled(**ARGS)
    assert server.take() == [SENT]


def test_each_style_on_the_wire_async(sdk: ModuleType, server: LocalServer) -> None:
    async def run() -> None:
        async with sdk.AsyncPathsSdk(server_url=server.url) as client:
            await client.styled.get_styled(**ARGS)

    asyncio.run(run())
    assert server.take() == [SENT]


@pytest.mark.parametrize("value", ["", ".", "..", []])
def test_empty_and_dot_segments_are_refused_before_sending(
    sdk: ModuleType, server: LocalServer, value: Any
) -> None:
    with sdk.PathsSdk(server_url=server.url) as client, pytest.raises(ValueError, match="'plain' must not"):
        client.styled.get_styled(**{**ARGS, "plain": value})
    assert server.take() == []


# RFC 6570 §3.2.7-3.2.8 examples (list = red, green, blue; keys = semi ";", dot ".", comma ",").
LIST = ["red", "green", "blue"]
KEYS = {"semi": ";", "dot": ".", "comma": ","}
TABLE = [
    ("simple", False, LIST, "red,green,blue"),
    ("simple", True, LIST, "red,green,blue"),
    ("simple", False, KEYS, "semi,%3B,dot,.,comma,%2C"),
    ("simple", True, KEYS, "semi=%3B,dot=.,comma=%2C"),
    ("label", False, "x", ".x"),
    ("label", False, LIST, ".red,green,blue"),
    ("label", True, LIST, ".red.green.blue"),
    ("label", False, KEYS, ".semi,%3B,dot,.,comma,%2C"),
    ("label", True, KEYS, ".semi=%3B.dot=..comma=%2C"),
    ("matrix", False, "x", ";v=x"),
    ("matrix", False, LIST, ";v=red,green,blue"),
    ("matrix", True, LIST, ";v=red;v=green;v=blue"),
    ("matrix", False, KEYS, ";v=semi,%3B,dot,.,comma,%2C"),
    ("matrix", True, KEYS, ";semi=%3B;dot=.;comma=%2C"),
]


@pytest.mark.parametrize(("style", "explode", "value", "text"), TABLE)
def test_expansion_table(sdk: ModuleType, style: str, explode: bool, value: Any, text: str) -> None:
    http = importlib.import_module("paths_sdk._http")
    assert http.encode_path(value, "v", style, explode) == text


def test_runtime_file_is_the_shipped_one(sdk: ModuleType) -> None:
    shipped = Path(sdk.__file__).parent / "_http.py"
    template = Path(__file__).resolve().parents[2] / "templates" / "python" / "runtime" / "_http.py"
    assert shipped.read_text().endswith(template.read_text())
