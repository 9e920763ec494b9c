"""Dual-mode operations in the IR: a success answering JSON or SSE, chosen by a boolean body flag."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.ir import TypeRef
from tests.test_unit_ir import api_of

STREAM = {
    "type": "object",
    "properties": {"data": {"type": "object", "properties": {"t": {"type": "string"}}}},
}
WHOLE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}


def _paths(body: dict[str, Any], op_extra: dict[str, Any] | None = None) -> dict[str, Any]:
    content = {
        "application/json": {"schema": {"$ref": "#/components/schemas/Whole"}},
        "text/event-stream": {},
    }
    content["text/event-stream"] = {"schema": {"$ref": "#/components/schemas/Chunk"}}
    return {
        "/gen": {
            "post": {
                "operationId": "gen",
                **(op_extra or {}),
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": {"200": {"description": "ok", "content": content}},
            }
        }
    }


def _api(tmp_path: Path, body: dict[str, Any], op_extra: dict[str, Any] | None = None) -> Any:
    return api_of(tmp_path, {"Whole": WHOLE, "Chunk": STREAM}, _paths(body, op_extra))


def test_boolean_stream_field_makes_the_operation_dual(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"prompt": {"type": "string"}, "stream": {"type": "boolean"}}}
    api = _api(tmp_path, body)
    (op,) = api.operations
    assert op.stream is not None and op.dual is not None
    assert op.dual.flag == "stream"
    assert op.dual.response.type == TypeRef("model", "Whole")
    assert op.dual.response.content_type == "application/json"


def test_the_speakeasy_extension_names_the_flag(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"stream": {"type": "boolean"}, "live": {"type": "boolean"}}}
    (op,) = _api(tmp_path, body, {"x-speakeasy-stream-request-field": "live"}).operations
    assert op.dual is not None and op.dual.flag == "live"


def test_without_a_boolean_flag_the_method_stays_a_stream_and_says_so(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"stream": {"type": "string"}}}
    api = _api(tmp_path, body)
    (op,) = api.operations
    assert op.stream is not None and op.dual is None
    assert any("/paths/~1gen/post" in n and "no boolean 'stream' field" in n for n in api.notes)


def test_a_stream_only_operation_records_its_flag_to_send_true(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"stream": {"type": "boolean"}}}
    content = {"text/event-stream": {"schema": {"$ref": "#/components/schemas/Chunk"}}}
    paths = _paths(body)
    paths["/gen"]["post"]["responses"]["200"]["content"] = content
    (op,) = api_of(tmp_path, {"Chunk": STREAM}, paths).operations
    assert op.dual is None and op.stream_flag == "stream"
