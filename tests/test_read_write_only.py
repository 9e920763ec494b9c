"""Required readOnly / writeOnly properties (issue 10): a schema used both ways is two models.

`User` requires its readOnly `id` (responses only) and its writeOnly `password` (requests
only), so the request side is `UserInput` (no `id`) and the response side `User` (no
`password`); models and aliases a request reaches that hold a `User` get an Input twin too,
and nothing else changes. The generated SDK is called against a recording local server (the
exact JSON sent, the answer parsed) and against `sdkgen mock`, which checks each direction.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator import emit, mock
from generator.build import build_api
from generator.config import Settings
from generator.ir import Api, Model, TypeRef
from generator.load import load_spec
from tests.helpers import render_spec
from tests.runtime.local_server import LocalServer, serving
from tests.typescript.support import SPECS

pytestmark = pytest.mark.timeout(60)
SPEC = SPECS / "read_write_only.yaml"

# What the recording server answers (no `password` anywhere) and the exact request lines the
# calls of either SDK must send (no `id` anywhere); the TypeScript test makes the same calls.
ANSWERS: dict[str, Any] = {
    "/users": {"id": "u1", "name": "Ann", "friends": [{"id": "u2", "name": "Bob"}]},
    "/teams": {"name": "t", "members": [{"id": "u1", "name": "Ann"}], "lead": {"id": "u3", "name": "Cy"}},
    "/members": [{"id": "u1", "name": "Ann"}],
    "/sessions": None,
}
SENT = [
    'POST /users {"password":"s3cr3t","name":"Ann","friends":[{"password":"p2","name":"Bob"}]}',
    'POST /teams {"name":"t","members":[{"password":"p","name":"Ann"}],"lead":{"password":"q","name":"Cy"}}',
    'POST /members [{"password":"p","name":"Ann"}]',
    'POST /sessions {"login":"ann"}',
]


def _settings(tmp: Path) -> Settings:
    return replace(Settings(), spec=SPEC, out=tmp / "out", package="rw_sdk", sdk_class="Rw")


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return _settings(tmp_path_factory.mktemp("rw"))


@pytest.fixture(scope="module")
def api(settings: Settings) -> Api:
    return build_api(load_spec(settings.spec, (), ()), settings)


@pytest.fixture(scope="module")
def sdk(settings: Settings) -> Iterator[ModuleType]:
    emit.generate(render_spec(settings), settings.out, force=True)
    sys.path.insert(0, str(settings.out))
    try:
        yield importlib.import_module("rw_sdk")
    finally:
        sys.path.remove(str(settings.out))


def _fields(api: Api, name: str) -> dict[str, tuple[TypeRef, bool]]:
    model = api.named(name)
    assert isinstance(model, Model)
    return {f.wire: (f.type, f.required) for f in model.fields}


def test_a_schema_with_required_read_and_write_only_properties_is_two_models(api: Api) -> None:
    user, user_in = TypeRef("model", "User"), TypeRef("model", "UserInput")
    assert _fields(api, "User") == {
        "id": (TypeRef("str"), True),
        "name": (TypeRef("str"), True),
        "friends": (TypeRef("list", args=(user,)), False),
    }
    assert _fields(api, "UserInput") == {
        "password": (TypeRef("str"), True),
        "name": (TypeRef("str"), True),
        "friends": (TypeRef("list", args=(user_in,)), False),
    }
    # Transitively, only what a request reaches: arrays, unions and aliases holding a User.
    assert _fields(api, "TeamInput")["members"][0] == TypeRef("list", args=(user_in,))
    assert _fields(api, "TeamInput")["lead"][0].args == (user_in, TypeRef("model", "Bot"))
    assert _fields(api, "Team")["members"][0] == TypeRef("list", args=(user,))
    members_in = api.named("MembersInput")
    assert getattr(members_in, "target", None) == TypeRef("list", args=(user_in,))
    names = {m.name for m in api.models} | {a.name for a in api.aliases}
    twins = {"UserInput", "TeamInput", "MembersInput"}
    assert names - twins == {"User", "Bot", "Team", "Members", "Plain", "Audit", "CreateSessionRequestBody"}
    # A request's own inline schema that no response carries: its request shape, one model.
    assert list(_fields(api, "CreateSessionRequestBody")) == ["login"]
    # Optional readOnly/writeOnly properties keep the one model, carrying both.
    assert set(_fields(api, "Plain")) == {"id", "secret", "name"}
    ops = {op.operation_id: op for op in api.operations}
    body = ops["createUser"].body
    assert body is not None and body.model == "UserInput" and body.type == user_in
    assert [f.wire for f in body.fields] == ["password", "name", "friends"]
    assert ops["createUser"].success is not None and ops["createUser"].success.type == user
    assert ops["putMembers"].body is not None and ops["putMembers"].body.type == TypeRef(
        "alias", "MembersInput"
    )


def test_the_exact_json_sent_and_the_answer_parsed(sdk: ModuleType) -> None:
    server: LocalServer
    with serving(lambda path, query, body, url: (200, ANSWERS[path])) as server:
        components = importlib.import_module("rw_sdk.models.components")
        with sdk.Rw(server_url=server.url) as client:
            user = client.create_user(
                password="s3cr3t", name="Ann", friends=[{"password": "p2", "name": "Bob"}]
            )
            team = client.create_team(
                name="t",
                members=[components.UserInput(password="p", name="Ann")],
                lead={"password": "q", "name": "Cy"},
            )
            members = client.put_members(request_body=[{"password": "p", "name": "Ann"}])
            client.create_session(login="ann")
        sent = server.take()
    assert sent == SENT
    assert type(user) is components.User and (user.id, user.name) == ("u1", "Ann")
    assert type(user.friends[0]) is components.User and user.friends[0].id == "u2"
    assert "password" not in components.User.model_fields and "id" not in components.UserInput.model_fields
    assert type(team) is components.Team and type(team.lead) is components.User and team.lead.id == "u3"
    assert [type(m) for m in members] == [components.User] and members[0].id == "u1"


def test_the_mock_checks_both_directions_and_the_sdk_agrees(sdk: ModuleType, api: Api) -> None:
    with mock.running(api) as url, sdk.Rw(server_url=url) as client:
        user = client.create_user(password="s3cr3t", name="Ann")
        assert user.id and "password" not in json.loads(user.model_dump_json())
        team = client.create_team(name="t", members=[{"password": "p", "name": "Ann"}])
        assert all(m.id for m in team.members)
        client.create_session(login="ann")  # the mock refuses a request without a required property
        plain = client.post_plain(name="n", secret="s")
        assert plain.name


def test_a_twin_name_the_spec_already_uses_is_made_unique(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    user = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "readOnly": True}}}
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}
    post = {"operationId": "createUser", "requestBody": body, "responses": {"204": {"description": "ok"}}}
    taken = {"type": "object", "properties": {"x": {"type": "string"}}}
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "t", "version": "1"},
                "paths": {"/users": {"post": post}},
                "components": {"schemas": {"User": user, "UserInput": taken}},
            }
        )
    )
    built = build_api(load_spec(spec, (), ()), replace(Settings(), spec=spec))
    assert list(_fields(built, "UserInput")) == ["x"]
    assert list(_fields(built, "UserInput2")) == []
    assert built.operations[0].body is not None and built.operations[0].body.model == "UserInput2"


PETS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
components:
  schemas:
    Pet:
      oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
      discriminator: {propertyName: kind}
"""
PET = """
    {0}:
      type: object
      required: [kind, id, name]
      properties:
        kind: {{type: string, enum: [{0}], readOnly: true}}
        id: {{type: string, readOnly: true}}
        name: {{type: string}}
"""


def test_a_read_only_discriminator_of_a_request_union_is_sent(tmp_path: Path) -> None:
    # Cat and Dog have the same other properties: only `kind` tells the server (and the
    # request union) which one a body is, so it is sent though readOnly, with a note; the
    # readOnly `id` is still left out of requests.
    spec = tmp_path / "pets.yaml"
    spec.write_text(PETS + PET.format("Cat") + PET.format("Dog"))
    settings = replace(Settings(), spec=spec, out=tmp_path / "out", package="pets_sdk", sdk_class="Pets")
    built = build_api(load_spec(spec, (), ()), settings)
    assert [n for n in built.notes if "readOnly" in n] == [
        f"{spec.name}#/components/schemas/{name}/properties/kind: readOnly, but the discriminator "
        "of a union that requests carry: sent in requests too"
        for name in ("Cat", "Dog")
    ]
    assert list(_fields(built, "DogInput")) == ["kind", "name"]
    emit.generate(render_spec(settings), settings.out, force=True)
    sys.path.insert(0, str(settings.out))
    try:
        sdk = importlib.import_module("pets_sdk")
        components = importlib.import_module("pets_sdk.models.components")
        answer = {"kind": "Dog", "id": "d1", "name": "Rex"}
        with serving(lambda path, query, body, url: (200, answer)) as server:
            with sdk.Pets(server_url=server.url) as client:
                pet = client.create_pet(request_body={"kind": "Dog", "name": "Rex"})
            sent = server.take()
        assert sent == ['POST /pets {"kind":"Dog","name":"Rex"}']
        assert type(pet) is components.Dog and pet.id == "d1"
        with mock.running(built) as url, sdk.Pets(server_url=url) as client:
            assert (
                type(client.create_pet(request_body=components.CatInput(kind="Cat", name="Tom")))
                is components.Cat
            )
    finally:
        sys.path.remove(str(settings.out))
        for name in [m for m in sys.modules if m.split(".")[0] == "pets_sdk"]:
            del sys.modules[name]
