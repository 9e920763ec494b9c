"""Unit tests: small inline specs -> IR (names, types, requiredness, stream bodies)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_api
from generator.config import Settings
from generator.errors import SpecError
from generator.ir import Alias, Api, Enum, Model, TypeRef
from generator.load import load_spec
from generator.targets.python.names import PyNames


def api_of(
    tmp_path: Path, schemas: dict[str, Any], paths: dict[str, Any] | None = None, version: str = "3.1.0"
) -> Api:
    spec = {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": paths or {},
        "components": {"schemas": schemas},
    }
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return build_api(load_spec(path), Settings(package="pkg"))


def model(api: Api, name: str) -> Model:
    found = api.named(name)
    assert isinstance(found, Model)
    return found


def test_required_optional_nullable(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {
            "R": {
                "type": "object",
                "required": ["a", "b"],
                "properties": {
                    "a": {"type": "string"},
                    "b": {"type": ["string", "null"]},
                    "c": {"type": "integer", "nullable": True},
                    "d": {"type": "integer"},
                },
            }
        },
    )
    fields = {f.wire: f for f in model(api, "R").fields}
    assert (fields["a"].required, fields["a"].type.nullable) == (True, False)
    assert (fields["b"].required, fields["b"].type.nullable) == (True, True)
    assert fields["c"].type.nullable is True  # 3.0's `nullable` is honoured leniently in 3.1
    assert fields["d"].required is False


def test_openapi_30_nullable(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {"R": {"type": "object", "properties": {"c": {"type": "integer", "nullable": True}}}},
        version="3.0.3",
    )
    assert model(api, "R").fields[0].type == TypeRef("int", nullable=True)


def test_inline_schemas_are_named_from_parent_and_property(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {
            "Chat": {
                "type": "object",
                "properties": {
                    "role": {"type": "string", "enum": ["a", "b"]},
                    "delta": {"type": "object", "properties": {"x": {"type": "string"}}},
                },
            }
        },
    )
    assert isinstance(api.named("ChatRole"), Enum)
    assert isinstance(api.named("ChatDelta"), Model)


def test_names_are_unique_case_insensitively_and_escaped(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {
            "foo": {"type": "object"},
            "Foo": {"type": "object"},
            "FOO-": {"type": "object"},
            "class": {"type": "object"},
            "1x": {"type": "object"},
        },
    )
    names = sorted(m.name for m in api.models)
    assert names == ["Class", "FOO3", "Foo", "Foo2", "Model1X"]
    assert len({n.lower() for n in names}) == len(names)


def test_field_names_escape_keywords_and_pydantic_attributes(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {
            "M": {
                "type": "object",
                "properties": {"from": {}, "model_dump": {}, "str": {}, "id": {}, "aB": {}, "a_b": {}},
            }
        },
    )
    m = model(api, "M")
    names = [(PyNames(api).field(m, f), f.wire) for f in m.fields]
    assert names == [
        ("from_", "from"),
        ("model_dump_", "model_dump"),
        ("str_", "str"),
        ("id", "id"),
        ("a_b", "aB"),
        ("a_b2", "a_b"),
    ]


def test_discriminated_union_members_get_literal_tags(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {
            "U": {
                "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
                "discriminator": {"propertyName": "t"},
            },
            "A": {"type": "object", "required": ["t"], "properties": {"t": {"type": "string"}}},
            "B": {"type": "object", "required": ["t"], "properties": {"t": {"type": "string"}}},
        },
    )
    assert model(api, "A").fields[0].type == TypeRef("literal", values=("A",))
    alias = api.named("U")
    assert alias.target.discriminator == "t"  # type: ignore[union-attr]


def test_stream_body_wraps_the_envelope(tmp_path: Path) -> None:
    paths = {
        "/s#stream": {
            "post": {
                "operationId": "do_stream",
                "x-speakeasy-sse-sentinel": "[DONE]",
                "responses": {
                    "200": {
                        "description": "Events",
                        "content": {"text/event-stream": {"schema": {"$ref": "#/components/schemas/Env"}}},
                    }
                },
            }
        }
    }
    api = api_of(
        tmp_path,
        {
            "Env": {
                "type": "object",
                "required": ["data"],
                "properties": {"data": {"$ref": "#/components/schemas/Chunk"}},
            },
            "Chunk": {"type": "object", "properties": {"x": {"type": "integer"}}},
        },
        paths,
    )
    op = api.operations[0]
    assert op.path == "/s" and op.stream is not None and op.stream.sentinel == "[DONE]"
    body = model(api, op.stream.model)
    assert body.name == "DoStreamResponseBody" and body.module == "operations"
    assert body.json_fields == ("data",) and body.description == "Events"


def _union_stream(tmp_path: Path, notice_event: dict[str, Any]) -> Api:
    sse = {"text/event-stream": {"schema": {"$ref": "#/components/schemas/Any"}}}
    paths = {
        "/t": {
            "get": {"operationId": "ticker", "responses": {"200": {"description": "Events", "content": sse}}}
        }
    }
    return api_of(
        tmp_path,
        {
            "Any": {
                "anyOf": [
                    {
                        "type": "object",
                        "properties": {
                            "event": {"const": "tick"},
                            "data": {"$ref": "#/components/schemas/Chunk"},
                        },
                    },
                    {"type": "object", "properties": {"event": notice_event, "data": {"type": "string"}}},
                ]
            },
            "Chunk": {"type": "object", "properties": {"x": {"type": "integer"}}},
        },
        paths,
    )


def test_stream_event_union_gets_one_envelope_per_event_name(tmp_path: Path) -> None:
    api = _union_stream(tmp_path, {"type": "string", "enum": ["notice"]})
    stream = api.operations[0].stream
    assert stream is not None
    assert stream.model == "TickerResponseBody"
    assert stream.events == (("tick", "TickerTickEvent"), ("notice", "TickerNoticeEvent"))
    union = api.named("TickerResponseBody")
    assert isinstance(union, Alias) and union.module == "operations"
    assert union.target == TypeRef(
        "union",
        args=(TypeRef("model", "TickerTickEvent"), TypeRef("model", "TickerNoticeEvent")),
        discriminator="event",
    )
    tick, notice = model(api, "TickerTickEvent"), model(api, "TickerNoticeEvent")
    assert tick.json_fields == ("data",) and notice.json_fields == ()
    for member, value in ((tick, "tick"), (notice, "notice")):
        event = next(f for f in member.fields if f.wire == "event")
        assert event.type == TypeRef("literal", values=(value,)) and event.required


def test_stream_union_without_fixed_event_names_stays_one_envelope(tmp_path: Path) -> None:
    api = _union_stream(tmp_path, {"type": "string"})
    stream = api.operations[0].stream
    assert stream is not None and stream.events == ()
    assert isinstance(api.named(stream.model), Model)


@pytest.mark.parametrize(
    "ref", ["https://evil.example/x.yaml", "../outside.yaml#/x", "#/components/schemas/Nope"]
)
def test_bad_refs_are_spec_errors_with_pointers(tmp_path: Path, ref: str) -> None:
    with pytest.raises(SpecError) as info:
        api_of(tmp_path, {"A": {"type": "object", "properties": {"x": {"$ref": ref}}}})
    assert info.value.pointer == "/components/schemas/A/properties/x/$ref"


def test_pure_ref_cycle_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cycle"):
        api_of(tmp_path, {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}})


def test_inline_discriminated_union_tags_members_with_their_own_fixed_values(tmp_path: Path) -> None:
    api = api_of(
        tmp_path,
        {
            "Holder": {
                "type": "object",
                "properties": {
                    "item": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/Text"},
                            {"$ref": "#/components/schemas/Image"},
                        ],
                        "discriminator": {"propertyName": "type"},
                    }
                },
            },
            "Text": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["text"]}},
            },
            "Image": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}}},
        },
    )
    assert model(api, "Text").fields[0].type == TypeRef("literal", values=("text",))
    assert model(api, "Image").fields[0].type == TypeRef("literal", values=("Image",))
    item = model(api, "Holder").fields[0].type
    assert item.kind == "union" and item.discriminator == "type"


def test_multipart_body_kind_and_form_encoding_carried(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"f": {"type": "string"}, "tags": {"type": "array"}}}
    paths = {
        "/up": {
            "post": {
                "operationId": "up",
                "requestBody": {
                    "content": {
                        "multipart/form-data": {"schema": body, "encoding": {"nope": {"contentType": "a/b"}}},
                        "application/json": {"schema": body},
                        "text/plain": {"schema": {"type": "string"}},
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/form": {
            "post": {
                "operationId": "form",
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": body,
                            "encoding": {"tags": {"style": "form", "explode": False}},
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
    }
    api = api_of(tmp_path, {}, paths)
    up = next(op for r in api.resources for op in r.operations if op.path == "/up")
    assert up.body is not None and up.body.kind == "multipart" and up.body.encoding == ()
    assert up.body.offered == (("multipart/form-data", "multipart"), ("application/json", "json"))
    where = "/paths/~1up/post/requestBody/content"
    assert [n.split("#", 1)[1].split(": ")[0] for n in api.notes] == [
        where + "/text~1plain",  # another schema than the first media type's
        where + "/multipart~1form-data/encoding/nope",  # no such property
    ]
    form = next(op for r in api.resources for op in r.operations if op.path == "/form")
    assert form.body is not None
    assert [(e.name, e.style, e.explode) for e in form.body.encoding] == [("tags", "form", False)]


def test_multipart_method_sends_multipart(tmp_path: Path) -> None:
    from generator.targets import get_target

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/up": {
                "post": {
                    "operationId": "up",
                    "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    files = get_target("python", None).render(build_api(load_spec(path), Settings(package="pkg"))).files
    module = "".join(text for name, text in files.items() if "/resources/" in name)
    assert 'content_type="multipart/form-data"' in module and "sent as JSON" not in module
