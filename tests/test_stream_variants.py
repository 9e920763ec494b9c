"""Speakeasy's `#stream` path variants in the IR: the base operation becomes dual-mode (the
variant's stream on the base, sent to the base path), or stays as it is with a note."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_api
from generator.config import Settings
from generator.diff import snapshot
from generator.diff.compare import compare
from generator.diff.surface import surface
from generator.diff.terms import dual_term, equivalent, is_subtype, stream_term
from generator.ir import Api, Operation, TypeRef
from generator.load import load_spec
from tests.helpers import shared_path
from tests.test_unit_ir import api_of

BASE_REQUEST = {
    "allOf": [
        {"$ref": "#/components/schemas/SayBase"},
        {"type": "object", "properties": {"stream": {"type": "boolean", "enum": [False], "default": False}}},
    ]
}
STREAM_REQUEST = {
    "allOf": [
        {"$ref": "#/components/schemas/SayBase"},
        {"type": "object", "properties": {"stream": {"type": "boolean", "enum": [True], "default": True}}},
    ]
}
SCHEMAS: dict[str, Any] = {
    "SayBase": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
    "SayRequest": BASE_REQUEST,
    "SayStreamRequest": STREAM_REQUEST,
    "Reply": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
    "Event": {
        "type": "object",
        "required": ["data"],
        "properties": {"data": {"type": "object", "properties": {"delta": {"type": "string"}}}},
    },
}
ROOM = {"name": "room", "in": "path", "required": True, "schema": {"type": "string"}}
VARIANT = "#/paths/~1rooms~1{room}~1say#stream/post"


def _op(op_id: str, request: str, media: str, schema: str) -> dict[str, Any]:
    return {
        "operationId": op_id,
        "parameters": [ROOM],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{request}"}}},
        },
        "responses": {
            "200": {
                "description": op_id,
                "content": {media: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
            },
            "422": {"description": "bad", "content": {"application/json": {"schema": {"type": "object"}}}},
        },
    }


def _paths() -> dict[str, Any]:
    return {
        "/rooms/{room}/say": {"post": _op("say", "SayRequest", "application/json", "Reply")},
        "/rooms/{room}/say#stream": {
            "post": _op("say_stream", "SayStreamRequest", "text/event-stream", "Event")
        },
    }


def _build(tmp_path: Path, paths: dict[str, Any], schemas: dict[str, Any] = SCHEMAS) -> Api:
    return api_of(tmp_path, schemas, paths)


def _ops(api: Api) -> dict[str, Operation]:
    return {op.operation_id: op for op in api.operations}


def test_the_base_becomes_dual_with_the_variants_stream(tmp_path: Path) -> None:
    api = _build(tmp_path, _paths())
    ops = _ops(api)
    say, variant = ops["say"], ops["say_stream"]
    assert say.dual is not None and say.dual.variant == "say_stream" and say.dual.flag == "stream"
    assert say.path == variant.path == "/rooms/{room}/say" and say.http_method == "POST"
    assert say.stream is variant.stream is not None  # one stream body, built once
    assert say.dual.response.type == TypeRef("model", "Reply")
    assert say.dual.response.content_type == "application/json"
    assert say.success is not None and say.success.kind == "sse"
    assert say.success.content_types == ("application/json", "text/event-stream")
    # The base's flag only allows false: the stream mode sends the variant's request model.
    assert say.dual.request is not None and say.dual.request.model == "SayStreamRequest"
    # The variant keeps its own method, as Speakeasy's SDKs have it.
    assert variant.dual is None and variant.stream_flag == "stream"
    assert [r.status for r in say.responses] == ["200", "422"]
    assert not [n for n in api.notes if "#stream" in n]


def test_a_plain_boolean_flag_needs_no_request_of_its_own(tmp_path: Path) -> None:
    schemas = copy.deepcopy(SCHEMAS)
    schemas["SayRequest"]["allOf"][1]["properties"]["stream"] = {"type": "boolean", "default": False}
    say = _ops(_build(tmp_path, _paths(), schemas))["say"]
    assert say.dual is not None and say.dual.request is None


def test_the_extension_names_the_flag(tmp_path: Path) -> None:
    schemas = copy.deepcopy(SCHEMAS)
    for name in ("SayRequest", "SayStreamRequest"):
        schemas[name]["allOf"][1]["properties"]["live"] = schemas[name]["allOf"][1]["properties"].pop(
            "stream"
        )
    for named in (("/rooms/{room}/say", "/rooms/{room}/say#stream"), ("/rooms/{room}/say#stream",)):
        paths = _paths()
        for key in named:  # on both, or on the variant alone
            paths[key]["post"]["x-speakeasy-stream-request-field"] = "live"
        say = _ops(_build(tmp_path, paths, schemas))["say"]
        assert say.dual is not None and say.dual.flag == "live"


def _unpaired(api: Api) -> None:
    ops = _ops(api)
    assert ops["say"].dual is None and ops["say"].stream is None
    assert ops["say_stream"].stream is not None


def _refused(tmp_path: Path, paths: dict[str, Any], schemas: dict[str, Any], reason: str) -> None:
    api = _build(tmp_path, paths, schemas)
    notes = [n for n in api.notes if VARIANT in n]
    assert len(notes) == 1 and reason in notes[0], api.notes
    assert "\n" not in notes[0]
    if "say" in _ops(api):
        _unpaired(api)


def test_a_variant_without_a_base_is_a_method_of_its_own_and_says_so(tmp_path: Path) -> None:
    paths = _paths()
    del paths["/rooms/{room}/say"]
    _refused(tmp_path, paths, SCHEMAS, "no POST operation at '/rooms/{room}/say' to pair")
    paths = _paths()
    paths["/rooms/{room}/say"]["put"] = paths["/rooms/{room}/say"].pop("post")
    _refused(tmp_path, paths, SCHEMAS, "no POST operation")


def test_a_base_answering_text_is_not_paired(tmp_path: Path) -> None:
    paths = _paths()
    paths["/rooms/{room}/say"]["post"]["responses"]["200"]["content"] = {
        "text/plain": {"schema": {"type": "string"}}
    }
    _refused(tmp_path, paths, SCHEMAS, "the base operation does not answer JSON")


def test_a_base_without_a_boolean_flag_is_not_paired(tmp_path: Path) -> None:
    schemas = copy.deepcopy(SCHEMAS)
    schemas["SayRequest"]["allOf"][1]["properties"]["stream"] = {"type": "string"}
    _refused(tmp_path, _paths(), schemas, "the base request has no boolean 'stream' field")
    del schemas["SayRequest"]["allOf"][1]["properties"]["stream"]
    _refused(tmp_path, _paths(), schemas, "the base request has no boolean 'stream' field")


def test_a_variant_request_without_the_flag_pairs_when_the_base_can_send_it_true(tmp_path: Path) -> None:
    schemas = copy.deepcopy(SCHEMAS)
    del schemas["SayStreamRequest"]["allOf"][1]["properties"]["stream"]
    _refused(tmp_path, _paths(), schemas, "the base request's 'stream' may not be true and the variant's")
    schemas["SayRequest"]["allOf"][1]["properties"]["stream"] = {"type": "boolean"}
    say = _ops(_build(tmp_path, _paths(), schemas))["say"]
    assert say.dual is not None and say.dual.request is None  # the base's model sends it true


def test_a_variant_flag_that_cannot_be_true_is_not_paired(tmp_path: Path) -> None:
    schemas = copy.deepcopy(SCHEMAS)
    schemas["SayStreamRequest"]["allOf"][1]["properties"]["stream"] = {"type": "string"}
    _refused(tmp_path, _paths(), schemas, "the variant's request has a 'stream' field that may not be true")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"text": {"type": "integer"}}, "their request bodies differ at 'text'"),
        ({"topic": {"type": "string"}}, "the variant's request requires 'topic'"),
    ],
)
def test_incompatible_requests_are_not_paired(tmp_path: Path, change: dict[str, Any], reason: str) -> None:
    schemas = copy.deepcopy(SCHEMAS)
    extra = schemas["SayStreamRequest"]["allOf"][1]
    extra["properties"].update(change)
    extra["required"] = list(change)
    _refused(tmp_path, _paths(), schemas, reason)


def test_differing_parameters_are_not_paired(tmp_path: Path) -> None:
    paths = _paths()
    paths["/rooms/{room}/say#stream"]["post"]["parameters"] = [
        ROOM,
        {"name": "n", "in": "query", "required": True, "schema": {"type": "integer"}},
    ]
    _refused(tmp_path, paths, SCHEMAS, "their parameters differ")


def test_the_mistral_variants_pair_with_their_bases() -> None:
    spec = shared_path("specs", "mistral-openapi.yaml")
    if not spec.exists():
        pytest.skip("../shared/specs is not here")
    api = build_api(load_spec(spec), Settings(package="mistral_sdk"))
    paired = {op.path: op.dual.variant for op in api.operations if op.dual is not None and op.dual.variant}
    assert paired == {
        "/v1/conversations": "agents_api_v1_conversations_start_stream",
        "/v1/conversations/{conversation_id}": "agents_api_v1_conversations_append_stream",
        "/v1/conversations/{conversation_id}/restart": "agents_api_v1_conversations_restart_stream",
        "/v1/audio/transcriptions": "audio_api_v1_transcriptions_post_stream",
    }
    assert not [n for n in api.notes if "#stream" in n]


# -- sdkgen diff: a method gaining its stream mode keeps its return ----------------------------


def _changes(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    before = surface(_build(tmp_path / "old", old))
    after = surface(_build(tmp_path / "new", new))
    return [(c.level, c.key, c.action, c.detail) for c in compare(before, after)]


def test_gaining_a_stream_variant_is_a_feature_and_losing_it_breaks(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    alone = _paths()
    del alone["/rooms/{room}/say#stream"]
    gained = _changes(tmp_path, alone, _paths())
    # `say` keeps its return (its default mode); the stream mode is the flag widened to bool.
    assert gained == [
        ("feature", "client.say_stream", "added", ""),
        ("feature", "client.say(stream=)", "changed", "type widened"),
        ("feature", "operations.SayStreamResponseBody", "added", ""),
        ("feature", "operations.SayStream422ResponseBody", "added", ""),
    ]
    dual = surface(_build(tmp_path / "new", _paths()))
    assert snapshot.loads(snapshot.dumps("1.0.0", dual), "surface")[1] == dual  # `generate --bump`
    lost = _changes(tmp_path, _paths(), alone)
    assert {(level, key) for level, key, _, _ in lost} == {
        ("breaking", "client.say_stream"),
        ("breaking", "client.say(stream=)"),
        ("breaking", "operations.SayStreamResponseBody"),
        ("breaking", "operations.SayStream422ResponseBody"),
    }


def test_a_dual_methods_modes_are_compared_each() -> None:
    whole, other = frozenset({("class", "Reply")}), frozenset({("class", "Other")})
    dual = dual_term(whole, stream_term("Event"))
    assert equivalent(dual, whole)  # its default mode is the plain return
    assert not is_subtype(dual, other) and not is_subtype(other, dual)
    assert not equivalent(dual, dual_term(whole, stream_term("Changed")))
    assert is_subtype(dual_term(whole, stream_term("E")), dual_term(whole | other, stream_term("E")))
    assert not is_subtype(dual_term(whole | other, stream_term("E")), dual_term(whole, stream_term("E")))
