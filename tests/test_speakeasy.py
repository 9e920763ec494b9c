"""Speakeasy dialect extensions (issue 12): method renames, and what the IR and both targets make of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.build import build_api
from generator.config import Settings
from generator.ir import Api
from generator.load import load_spec
from generator.targets.python.names import PyNames
from generator.targets.typescript.names import TsNames


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "tags": ["chat"], "responses": {"200": {"description": "ok"}}, **extra}


def _build(tmp_path: Path, spec: dict[str, Any]) -> Api:
    full = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, **spec}
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(full, sort_keys=False), encoding="utf-8")
    return build_api(load_spec(path), Settings(package="se_sdk"))


RENAMES = {
    "x-speakeasy-name-override": [
        {"operationId": "chat_completions_create", "methodNameOverride": "create"},
        {"operationId": "chat_completions_create_stream", "methodNameOverride": "create_stream"},
        {"operationId": "^list.*", "methodNameOverride": "list"},
        {"operationId": "own", "methodNameOverride": "ignored"},
    ],
    "paths": {
        "/a": {"post": _op("chat_completions_create")},
        "/s": {"post": _op("chat_completions_create_stream")},
        "/b": {"get": _op("listThings"), "post": _op("own", **{"x-speakeasy-name-override": "mine"})},
        "/c": {"get": _op("other")},
    },
}


def test_top_level_list_names_methods_and_operation_level_wins(tmp_path: Path) -> None:
    api = _build(tmp_path, RENAMES)
    assert [op.name for op in api.operations] == ["create", "create_stream", "list", "mine", "other"]
    assert [op.operation_id for op in api.operations][:2] == [
        "chat_completions_create",
        "chat_completions_create_stream",
    ]
    py, ts = PyNames(api), TsNames(api)
    assert [py.method(op) for op in api.operations] == ["create", "create_stream", "list_", "mine", "other"]
    (chat,) = api.resources
    assert list(ts.methods(chat).values())[:3] == ["create", "createStream", "list"]
