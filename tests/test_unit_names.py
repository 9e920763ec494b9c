"""Unit tests of the Python target's identifier rules (generator/targets/python/names.py):
escaping, uniqueness, method overrides, resources, constructor keywords, environment variables."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import naming
from generator.build import build_api
from generator.cli import main
from generator.config import Settings
from generator.errors import UsageError
from generator.ir import Api, Enum, Model
from generator.load import load_spec
from generator.targets import get_target
from generator.targets.python.names import PyNames, attribute_name, check_package, member_name, module_name

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "tags": [{"name": "Chat Things", "description": "chatting"}],
    "components": {
        "securitySchemes": {
            "bearerAuth": {"type": "http", "scheme": "bearer"},
            "server_url": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "日本": {"type": "apiKey", "in": "query", "name": "k"},
        },
        "schemas": {
            "Body": {
                "type": "object",
                "properties": {"from": {"type": "string"}, "aB": {"type": "string"}, "a_b": {}},
            },
            "Color": {"type": "string", "enum": ["red", "Red", "chat.completion", "", "name"]},
        },
    },
    "paths": {
        "/a/{id}": {
            "post": {
                "operationId": "createThing",
                "tags": ["Chat Things"],
                "x-speakeasy-name-override": "make",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "from", "in": "query", "schema": {"type": "string"}},
                    {"name": "timeout", "in": "query", "schema": {"type": "integer"}},
                    {"name": "self", "in": "header", "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Body"}}}
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/b": {
            "get": {
                "operationId": "close",
                "tags": ["chat things"],
                "responses": {"200": {"description": "ok"}},
            },
            "put": {
                "operationId": "make",
                "tags": ["ChatThings"],
                "responses": {"200": {"description": "ok"}},
            },
            "delete": {
                "operationId": "listAll",
                "tags": ["Misc"],
                "responses": {"200": {"description": "ok"}},
            },
        },
        "/c": {"get": {"operationId": "rootCall", "responses": {"200": {"description": "ok"}}}},
    },
}


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Api:
    path = tmp_path_factory.mktemp("names") / "spec.yaml"
    path.write_text(yaml.safe_dump(SPEC, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return build_api(load_spec(path), Settings(package="edge_sdk"))


@pytest.mark.parametrize(
    ("wire", "name"),
    [
        ("from", "from_"),
        ("class", "class_"),
        ("str", "str_"),  # the model modules refer to `str`
        ("model_dump", "model_dump_"),  # a pydantic attribute
        ("model_anything", "model_anything_"),  # pydantic's reserved prefix
        ("schema", "schema_"),
        ("l", "l_"),
        ("_", "field"),
        ("1st", "field_1_st"),
        ("id", "id"),  # builtins that shadow nothing the modules use stay
        ("type", "type"),
        ("bearerAuth", "bearer_auth"),
        ("x" * 90, naming.bounded("x" * 90).lower()),
    ],
)
def test_attribute_names_escape_what_python_reserves(wire: str, name: str) -> None:
    assert attribute_name(wire) == name


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("chat.completion", "CHAT_COMPLETION"),
        ("", "EMPTY"),
        ("name", "NAME_"),
        ("value", "VALUE_"),
        ("1x", "VALUE_1_X"),
        ("日本", "VALUE"),
        (True, "TRUE"),
        (-1.5, "VALUE_MINUS_1_5"),
        (3, "VALUE_3"),
    ],
)
def test_member_names(value: object, name: str) -> None:
    assert member_name(value) == name


def test_module_names_are_lowercased_class_names_never_keywords() -> None:
    assert module_name("ChatChunk") == "chatchunk"
    assert module_name("Class") == "class_"


def test_class_names_stay_clear_of_what_the_modules_import() -> None:
    assert naming.class_name("Field") == "FieldModel"
    assert naming.class_name("none") == "NoneModel"


def test_field_names_are_unique_per_model(api: Api) -> None:
    body = api.named("Body")
    assert isinstance(body, Model)
    assert PyNames(api).fields(body) == {"from": "from_", "aB": "a_b", "a_b": "a_b2"}


def test_enum_members_are_unique_case_insensitively(api: Api) -> None:
    color = api.named("Color")
    assert isinstance(color, Enum)
    names = PyNames(api)
    assert [names.member(color, m) for m in color.members] == [
        "RED",
        "RED2",
        "CHAT_COMPLETION",
        "EMPTY",
        "NAME_",
    ]


def test_parameters_avoid_body_fields_and_method_keywords(api: Api) -> None:
    names = PyNames(api)
    op = api.operations[0]
    assert [names.param(op, p) for p in op.params] == ["id", "from_2", "timeout2", "self_"]


def test_methods_follow_overrides_and_stay_unique_per_resource(api: Api) -> None:
    names = PyNames(api)
    assert [(names.resource_of(op), names.method(op)) for op in api.operations] == [
        ("chat_things", "make"),  # x-speakeasy-name-override
        ("chat_things", "close2"),  # every resource has a `close`
        ("chat_things", "make2"),
        ("misc", "list_all"),
        ("", "root_call"),
    ]


def test_resources_group_tags_by_their_words(api: Api) -> None:
    names = PyNames(api)
    chat, misc, root = api.resources
    assert [names.resource(r) for r in api.resources] == ["chat_things", "misc", ""]
    assert [names.resource_module(r) for r in api.resources] == ["chat_things", "misc", "_root"]
    assert (chat.tag, chat.declared, chat.class_name, chat.description) == (
        "Chat Things",
        True,
        "ChatThings",
        "chatting",
    )
    assert len(chat.operations) == 3
    assert names.resource_label(chat) == "Chat Things"
    assert (misc.tag, misc.declared, names.resource_label(misc)) == ("Misc", False, "misc")
    assert (root.tag, root.class_name) == ("", "Root")


def test_tags_meeting_in_one_attribute_are_one_resource(tmp_path_factory: pytest.TempPathFactory) -> None:
    ok = {"200": {"description": "ok"}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "a", "tags": ["1st"], "responses": ok}},
            "/b": {"get": {"operationId": "b", "tags": ["resource 1st"], "responses": ok}},
            "/c": {"get": {"operationId": "c", "tags": ["x" * 90], "responses": ok}},
        },
    }
    path = tmp_path_factory.mktemp("digits") / "spec.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    api = build_api(load_spec(path), Settings(package="pkg"))
    names = PyNames(api)
    first, long = api.resources
    assert (names.resource(first), first.class_name, len(first.operations)) == (
        "resource_1_st",
        "Resource1St",
        2,
    )
    assert len(names.resource(long)) == naming.MAX_NAME
    assert long.class_name == naming.class_name(names.resource(long))


def test_security_keywords_and_environment_variables(api: Api) -> None:
    names = PyNames(api)
    assert [(n.param, n.env_var) for n in names.schemes] == [
        ("bearer_auth", "EDGE_SDK_BEARER_AUTH"),
        ("server_url2", "EDGE_SDK_SERVER_URL"),  # `server_url` is the constructor's own keyword
        ("auth", "EDGE_SDK_AUTH"),  # a key without ASCII words
    ]
    assert names.scheme(api.security[0]) == names.schemes[0]


def test_names_are_deterministic(api: Api) -> None:
    one, two = PyNames(api), PyNames(api)
    body = api.named("Body")
    assert isinstance(body, Model)
    assert one.fields(body) == two.fields(body)
    assert [one.method(op) for op in api.operations] == [two.method(op) for op in api.operations]


@pytest.mark.parametrize("package", ["class", "a-b", "1abc", "café", "my.pkg", ""])
def test_package_must_be_a_python_import_name(package: str) -> None:
    with pytest.raises(UsageError, match="not a valid Python import name"):
        get_target("python").check_package(package)


@pytest.mark.parametrize("package", ["_private", "httpx", "generator"])
def test_package_must_not_be_reserved(package: str) -> None:
    with pytest.raises(UsageError, match="reserved name"):
        check_package(package)
    check_package("atoma_sdk")


def test_cli_rejects_a_bad_package_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(SPEC, allow_unicode=True), encoding="utf-8")
    limit = sys.getrecursionlimit()  # the CLI raises it; give pytest its own back
    try:
        code = main(["generate", str(spec), "--out", str(tmp_path / "out"), "--package", "class"])
    finally:
        sys.setrecursionlimit(limit)
    assert code == 2
    assert capsys.readouterr().err == "sdkgen: error: --package 'class': not a valid Python import name\n"
    assert not (tmp_path / "out").exists()
