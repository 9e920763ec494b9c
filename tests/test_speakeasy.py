"""Speakeasy dialect extensions (issue 12): method renames, and what the IR and both targets make of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_api
from generator.config import Settings, load_settings
from generator.errors import UsageError
from generator.ir import Api, Model
from generator.load import load_spec
from generator.targets.python import deprecation
from generator.targets.python.names import PyNames
from generator.targets.typescript.names import TsNames
from tests.helpers import render_spec, run_python

MISTRAL = Path("/work/shared/specs/mistral-openapi.yaml")


@pytest.fixture(scope="module")
def mistral() -> Api:
    if not MISTRAL.exists():
        pytest.skip("the shared Mistral spec is not here")
    return build_api(load_spec(MISTRAL), Settings(package="mistral_sdk"))


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "tags": ["chat"], "responses": {"200": {"description": "ok"}}, **extra}


def _write(tmp_path: Path, spec: dict[str, Any]) -> Path:
    full = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, **spec}
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(full, sort_keys=False), encoding="utf-8")
    return path


def _build(tmp_path: Path, spec: dict[str, Any]) -> Api:
    return build_api(load_spec(_write(tmp_path, spec)), Settings(package="se_sdk"))


def _emit(tmp_path: Path, spec: dict[str, Any]) -> Path:
    """Render the Python SDK for `spec` into `tmp_path/out` (importable from there)."""
    out = tmp_path / "out"
    for rel, text in render_spec(Settings(spec=_write(tmp_path, spec), out=out, package="se_sdk")).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


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
    assert [py.method(op) for op in api.operations] == ["create", "create_stream", "list", "mine", "other"]
    (chat,) = api.resources
    assert list(ts.methods(chat).values())[:3] == ["create", "createStream", "list"]


PROPS = {
    "components": {
        "schemas": {
            "Fmt": {
                "type": "object",
                "required": ["schema"],
                "properties": {
                    "schema": {
                        "type": "object",
                        "additionalProperties": True,
                        "x-speakeasy-name-override": "schema_definition",
                    },
                    "name": {"type": "string"},
                },
            }
        }
    },
    "paths": {},
}


def test_property_override_renames_the_attribute_and_keeps_the_wire_name(tmp_path: Path) -> None:
    api = _build(tmp_path, PROPS)
    fmt = next(m for m in api.models if m.name == "Fmt")
    assert [f.name_override for f in fmt.fields] == ["schema_definition", ""]
    assert PyNames(api).fields(fmt) == {"schema": "schema_definition", "name": "name"}
    assert TsNames(api).fields(fmt, fmt.fields) == {"schema": "schemaDefinition", "name": "name"}
    code = (
        "from se_sdk.models.components import Fmt\n"
        "m = Fmt.model_validate({'schema': {'a': 1}, 'name': 'n'})\n"
        "assert m.schema_definition.model_dump() == {'a': 1}, m\n"
        "print(m.model_dump_json(by_alias=True))"
    )
    done = run_python(code, _emit(tmp_path, PROPS))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == '{"schema":{"a":1},"name":"n"}'


def test_mistral_json_schema_field_is_schema_definition(mistral: Api) -> None:
    model = mistral.named("JsonSchema")
    assert isinstance(model, Model)
    assert PyNames(mistral).fields(model)["schema"] == "schema_definition"
    assert TsNames(mistral).fields(model, model.fields)["schema"] == "schemaDefinition"


IGNORED = {
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["id", "secret"],
                "properties": {
                    "id": {"type": "string"},
                    "secret": {"type": "string", "x-speakeasy-ignore": True},
                },
            },
            "Both": {"allOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "object"}]},
        }
    },
    "paths": {
        "/t": {
            "get": _op("keep"),
            "post": _op("drop", **{"x-speakeasy-ignore": True}),
            "put": _op("notIgnored", **{"x-speakeasy-ignore": False}),
        }
    },
}


def test_ignore_drops_operations_and_properties_with_one_note_each(tmp_path: Path) -> None:
    api = _build(tmp_path, IGNORED)
    assert [op.operation_id for op in api.operations] == ["keep", "notIgnored"]
    assert {m.name: [f.wire for f in m.fields] for m in api.models} == {"Thing": ["id"], "Both": ["id"]}
    ignored = [n for n in api.notes if "x-speakeasy-ignore" in n]
    assert len(ignored) == 2, ignored
    assert ignored[1].endswith("/paths/~1t/post: x-speakeasy-ignore: the operation is not generated")
    assert ignored[0].endswith("/Thing/properties/secret: x-speakeasy-ignore: the property is not generated")


DEPRECATED = {
    "servers": [{"url": "http://x"}],
    "paths": {
        "/old": {
            "get": _op(
                "oldList",
                deprecated=True,
                **{
                    "x-speakeasy-deprecation-message": "Paging is missing.",
                    "x-speakeasy-deprecation-replacement": "newList",
                },
            )
        },
        "/plain": {"get": _op("plainOld", deprecated=True)},
        "/new": {"get": _op("newList")},
    },
}

CALL = """
import asyncio, warnings, httpx
from se_sdk import SeSdk, AsyncSeSdk
ok = lambda request: httpx.Response(200, json={})
sdk = SeSdk(http_client=httpx.Client(transport=httpx.MockTransport(ok)))
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter("always")
    sdk.chat.old_list()  # line 8
    sdk.chat.plain_old()
    sdk.chat.new_list()
    async def main():
        await AsyncSeSdk(http_client=httpx.AsyncClient(transport=httpx.MockTransport(ok))).chat.old_list()
    asyncio.run(main())
for w in seen:
    print(w.category.__name__, w.lineno, w.message)
"""


def test_deprecation_reaches_docstring_docs_and_a_warning_at_the_caller(tmp_path: Path) -> None:
    api = _build(tmp_path, DEPRECATED)
    old, plain, new = api.operations
    assert (old.deprecated, old.deprecation_message, old.replacement) == (
        True,
        "Paging is missing.",
        "newList",
    )
    assert (plain.deprecated, plain.deprecation_message, new.deprecated) == (True, "", False)
    out = _emit(tmp_path, DEPRECATED)
    expected = "Paging is missing. Use `chat.new_list` instead."
    assert f"Deprecated: {expected}" in (out / "se_sdk/resources/chat.py").read_text()
    assert f"> :warning: **DEPRECATED**: {expected}" in (out / "docs/sdks/chat/README.md").read_text()
    done = run_python(CALL, out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"DeprecationWarning 8 old_list is deprecated: {expected}",
        "DeprecationWarning 9 plain_old is deprecated: this method will be removed in a future release.",
        f"DeprecationWarning 12 old_list is deprecated: {expected}",
    ]


def test_mistral_deprecated_agents_list_points_at_its_replacement(mistral: Api) -> None:
    op = next(o for o in mistral.operations if o.operation_id == "agents_api_v1_agents_list")
    text = deprecation.notice(mistral, PyNames(mistral), op)
    # The spec names a replacement it does not define: the notice quotes its operationId.
    assert text == (
        "Some features such as agent sharing are not supported by this endpoint."
        " Use `v1_agents_list_pages` instead."
    )


AUTH = {
    "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
    "security": [{"bearerAuth": []}],
    "paths": {"/a": {"get": _op("a")}},
}


def test_env_prefix_names_credential_variables_in_both_targets(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\npackage = "atoma_sdk"\nenv_prefix = "AtomaSDK"\n', encoding="utf-8"
    )
    settings = load_settings(tmp_path)
    assert settings.env_prefix == "ATOMASDK"
    api = build_api(load_spec(_write(tmp_path, AUTH)), settings)
    assert [s.env_var for s in PyNames(api).schemes] == ["ATOMASDK_BEARER_AUTH"]
    assert TsNames(api).env_var("bearerAuth") == "ATOMASDK_BEARER_AUTH"
    plain = _build(tmp_path, AUTH)
    assert [s.env_var for s in PyNames(plain).schemes] == ["SE_SDK_BEARER_AUTH"]
    assert TsNames(plain).env_var("bearerAuth") == "SE_SDK_BEARER_AUTH"


@pytest.mark.parametrize("bad", ['"1X"', '"A-B"', "3", '""'])
def test_env_prefix_must_be_a_variable_name(tmp_path: Path, bad: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.sdkgen]\nenv_prefix = {bad}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="env_prefix"):
        load_settings(tmp_path)


UNKNOWN = {
    "x-speakeasy-widget": {"strategy": "backoff"},
    "x-speakeasy-name-override": [],
    "paths": {
        "/a": {"get": _op("a", **{"x-speakeasy-widget": {}, "x-speakeasy-gadget": "g", "x-other": 1})},
        "/b": {"get": _op("b", **{"x-speakeasy-ignore": False})},
    },
}


def test_unknown_speakeasy_keys_make_one_note(tmp_path: Path) -> None:
    api = _build(tmp_path, UNKNOWN)
    assert [n for n in api.notes if "Speakeasy" in n] == [
        "spec.yaml: Speakeasy extensions sdkgen does not use are ignored:"
        " x-speakeasy-gadget (1 place), x-speakeasy-widget (2 places)"
    ]
    assert not [n for n in _build(tmp_path, RENAMES).notes if "Speakeasy" in n]


def test_mistral_uses_no_speakeasy_key_sdkgen_ignores(mistral: Api) -> None:
    assert not [n for n in mistral.notes if "Speakeasy" in n or "x-speakeasy" in n]


def test_typescript_docs_and_jsdoc_name_the_replacement(tmp_path: Path) -> None:
    settings = Settings(
        spec=_write(tmp_path, DEPRECATED), out=tmp_path / "ts", package="se-sdk", target="typescript"
    )
    pages = [text for rel, text in render_spec(settings).items() if rel.startswith("docs/sdks/")]
    shown = "\n".join(pages)
    assert "> :warning: **DEPRECATED**: Paging is missing. Use `chat.newList` instead." in shown
    assert "> :warning: **DEPRECATED**: this method will be removed in a future release." in shown
    client = render_spec(settings)["src/sdk/chat.ts"]
    assert "   * @deprecated Paging is missing. Use `chat.newList` instead.\n" in client
