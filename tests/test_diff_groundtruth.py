"""Ground truth for `sdkgen diff`: breaking means the old SDK's usage program fails mypy.

Each pair changes one thing in a small spec. The usage program written from the OLD SDK
(tests/diff_usage.py) is type-checked against the NEW SDK (and, as a control, against the
OLD one, where it must pass). A pair must be reported breaking by `sdkgen diff` exactly when
its program fails. Every pair is checked in the session's one `mypy --strict` run, with the
corpus and golden trees (tests/conftest.py): one mypy start, one analysis of pydantic and httpx.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_api
from generator.config import Settings
from generator.diff.compare import Change, compare
from generator.diff.surface import surface
from generator.ir import Api
from generator.load import load_spec
from generator.targets import get_target
from tests.corpus_support import MypyRun
from tests.diff_usage import usage_program
from tests.runtime_shim import shimmed

Spec = dict[str, Any]
SDK_CLASS = "Client"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


BASE: Spec = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1.2.0", "description": "A pet store."},
    "servers": [{"url": "https://api.example.com"}],
    "security": [{"bearerAuth": []}],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "summary": "List pets",
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "number"},
                        "description": "How many.",
                    },
                    {"name": "status", "in": "query", "schema": _ref("PetStatus")},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": _ref("PetList")}},
                    },
                    "404": {
                        "description": "none",
                        "content": {"application/json": {"schema": _ref("Error")}},
                    },
                },
            },
            "post": {
                "operationId": "createPet",
                "tags": ["pets"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("NewPet")}},
                },
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": _ref("Pet")}}}
                },
            },
        },
        "/pets/{petId}": {
            "get": {
                "operationId": "getPet",
                "tags": ["pets"],
                "parameters": [
                    {"name": "petId", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": _ref("Pet")}}}
                },
            }
        },
        "/users/me": {
            "get": {
                "operationId": "getMe",
                "tags": ["users"],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": _ref("User")}}}
                },
            }
        },
        "/health": {"get": {"operationId": "health", "responses": {"204": {"description": "up"}}}},
    },
    "components": {
        "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Pet": {
                "type": "object",
                "description": "A pet.",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "integer"},
                    "name": {"type": "string", "description": "Its name."},
                    "tag": {"type": "string"},
                    "status": _ref("PetStatus"),
                    "weight": {"type": "number"},
                },
            },
            "NewPet": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "tag": {"type": "string"},
                    "age": {"type": "integer", "default": 1},
                },
            },
            "PetStatus": {"type": "string", "enum": ["available", "sold"]},
            "PetList": {"type": "array", "items": _ref("Pet")},
            "User": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}},
            "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
        },
    },
}

Mutation = Callable[[Spec], None]
_DELETE = object()
P = "components.schemas"
LIMIT = "paths./pets.get.parameters.0"
OK_JSON = "responses.200.content.application/json.schema"


def _set(path: str, value: Any) -> Mutation:
    """A mutation that sets the dotted `path` (list indexes as numbers) to `value`, or deletes it."""

    def apply(spec: Spec) -> None:
        *head, last = path.split(".")
        node: Any = spec
        for part in head:
            node = node[int(part)] if isinstance(node, list) else node[part]
        key: Any = int(last) if isinstance(node, list) else last
        if value is _DELETE:
            del node[key]
        else:
            node[key] = copy.deepcopy(value)

    return apply


def _all(*mutations: Mutation) -> Mutation:
    def apply(spec: Spec) -> None:
        for m in mutations:
            m(spec)

    return apply


def _append(path: str, value: Any) -> Mutation:
    def apply(spec: Spec) -> None:
        node: Any = spec
        for part in path.split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        node.append(value)

    return apply


_ERROR_OUT = _set("paths./pets.get.responses.404", _DELETE)
_INT = {"type": "integer"}

# name -> (mutation making the old spec from BASE or None for BASE itself, mutation making the new one)
PAIRS: dict[str, tuple[Mutation | None, Mutation]] = {
    "removed_field": (None, _set(f"{P}.Pet.properties.tag", _DELETE)),
    "optional_to_required_param": (None, _set(f"{LIMIT}.required", True)),
    "required_to_optional_param": (_set(f"{LIMIT}.required", True), _set(f"{LIMIT}.required", False)),
    "param_type_narrowed": (None, _set(f"{LIMIT}.schema", _INT)),
    "param_type_widened": (_set(f"{LIMIT}.schema", _INT), _set(f"{LIMIT}.schema", {"type": "number"})),
    "param_enum_to_string": (None, _set("paths./pets.get.parameters.1.schema", {"type": "string"})),
    "enum_member_removed": (None, _set(f"{P}.PetStatus.enum", ["available"])),
    "enum_member_added": (None, _set(f"{P}.PetStatus.enum", ["available", "sold", "lost"])),
    "enum_closed": (None, _set(f"{P}.PetStatus.x-sdkgen-enum", "closed")),
    "method_renamed": (None, _set("paths./pets.get.operationId", "listAllPets")),
    "method_renamed_by_override": (None, _set("paths./pets/{petId}.get.x-speakeasy-name-override", "fetch")),
    "method_moved_to_new_tag": (None, _set("paths./pets/{petId}.get.tags", ["animals"])),
    "resource_removed": (None, _set("paths./users/me", _DELETE)),
    "root_method_removed": (None, _set("paths./health", _DELETE)),
    "new_optional_param": (
        None,
        _append("paths./pets.get.parameters", {"name": "offset", "in": "query", "schema": _INT}),
    ),
    "new_required_param": (
        None,
        _append(
            "paths./pets.get.parameters",
            {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}},
        ),
    ),
    "new_model": (None, _set(f"{P}.Toy", {"type": "object", "properties": {"name": {"type": "string"}}})),
    "removed_model": (None, _all(_ERROR_OUT, _set(f"{P}.Error", _DELETE))),
    "description_changed": (None, _set(f"{P}.Pet.properties.name.description", "The pet's name.")),
    "summary_changed": (None, _set("paths./pets.get.summary", "List every pet")),
    "new_optional_field": (None, _set(f"{P}.Pet.properties.color", {"type": "string"})),
    "new_required_field": (
        None,
        _all(_set(f"{P}.User.properties.email", {"type": "string"}), _append(f"{P}.User.required", "email")),
    ),
    "field_type_widened": (None, _set(f"{P}.Pet.properties.id", {"type": ["integer", "string"]})),
    "field_type_narrowed": (None, _set(f"{P}.Pet.properties.weight", _INT)),
    "field_now_nullable": (None, _set(f"{P}.User.properties.login", {"type": ["string", "null"]})),
    "field_now_optional": (None, _set(f"{P}.User.required", [])),
    "field_renamed_on_wire": (
        None,
        _all(
            _set(f"{P}.Pet.properties.tag", _DELETE), _set(f"{P}.Pet.properties.petTag", {"type": "string"})
        ),
    ),
    "return_widened": (
        None,
        _set(f"paths./users/me.get.{OK_JSON}", {"oneOf": [_ref("User"), _ref("Error")]}),
    ),
    "return_narrowed": (
        _set(f"paths./users/me.get.{OK_JSON}", {"oneOf": [_ref("User"), _ref("Error")]}),
        _set(f"paths./users/me.get.{OK_JSON}", _ref("User")),
    ),
    "return_removed": (None, _set("paths./users/me.get.responses.200", {"description": "ok"})),
    "return_added": (
        None,
        _set(
            "paths./health.get.responses",
            {"200": {"description": "ok", "content": {"application/json": {"schema": _ref("User")}}}},
        ),
    ),
    "default_changed": (None, _set(f"{P}.NewPet.properties.age.default", 2)),
    "server_changed": (None, _set("servers", [{"url": "https://api2.example.com"}])),
    "auth_removed": (None, _all(_set("security", []), _set("components.securitySchemes", {}))),
    "auth_added": (
        None,
        _set("components.securitySchemes.apiKey", {"type": "apiKey", "in": "header", "name": "X-Key"}),
    ),
    "error_added": (
        None,
        _set(
            "paths./pets.get.responses.500",
            {"description": "boom", "content": {"application/json": {"schema": _ref("Error")}}},
        ),
    ),
    "alias_changed": (None, _set(f"{P}.PetList", {"type": "array", "items": {"type": "string"}})),
    "path_changed": (
        None,
        _all(_set("paths./me", BASE["paths"]["/users/me"]), _set("paths./users/me", _DELETE)),
    ),
    "param_wire_name_changed": (None, _set(f"{LIMIT}.name", "Limit")),
    "no_change": (None, lambda spec: None),
}

# The level of the most severe change a pair must report besides breaking (which mypy decides).
NOT_BREAKING = {
    "description_changed": "fix",
    "summary_changed": "fix",
    "no_change": "none",
}


def _spec(mutation: Mutation | None) -> Spec:
    spec = copy.deepcopy(BASE)
    if mutation is not None:
        mutation(spec)
    return spec


def _api(path: Path, package: str) -> Api:
    return build_api(load_spec(path), Settings(spec=path, package=package, sdk_class=SDK_CLASS))


def _write_sdk(root: Path, api: Api) -> dict[str, str]:
    """Write the SDK, its runtime modules re-exporting one shared copy (tests/runtime_shim.py;
    the mypy run provides that copy)."""
    files = get_target("python", None).render(api).files
    for rel, text in files.items():
        if rel.startswith(api.package + "/"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(shimmed(rel, text, api.package), encoding="utf-8")
    return files


class GroundTruth:
    """For every pair: the changes `diff` reports and the mypy errors of its usage program.

    The SDKs and programs are written under `root`; `folder` and `mypy_args` put them in the
    session's one mypy run, and `read` sorts that run's errors by pair.
    """

    def __init__(self, root: Path) -> None:
        self.changes: dict[str, list[Change]] = {}
        self.errors: dict[str, list[str]] = {name: [] for name in PAIRS}
        self.control: dict[str, list[str]] = {}
        self.runtime: list[str] = []  # mypy's errors in the shared runtime copy
        self.folder = root / "sdks"
        self.packages: list[str] = []
        olds: dict[str, str] = {}  # old spec JSON -> its package
        old_sdks: dict[str, dict[str, str]] = {}  # package -> its files
        (root / "specs").mkdir()
        self.folder.mkdir()
        for name, (old_m, new_m) in PAIRS.items():
            old_path, new_path = (
                self._spec_file(root, f"{name}-old", _spec(old_m)),
                self._spec_file(root, f"{name}-new", _spec(new_m)),
            )
            self.changes[name] = compare(surface(_api(old_path, "pets")), surface(_api(new_path, "pets")))
            key = old_path.read_text()
            if key not in olds:
                olds[key] = pkg = f"o_{len(olds)}"
                old_sdks[pkg] = _write_sdk(self.folder, _api(old_path, pkg))
                self.packages.append(pkg)
                self.control[pkg] = []
                (self.folder / f"ctl_{pkg}.py").write_text(usage_program(old_sdks[pkg], pkg, SDK_CLASS, pkg))
            pkg = olds[key]
            _write_sdk(self.folder, _api(new_path, f"n_{name}"))
            self.packages.append(f"n_{name}")
            program = usage_program(old_sdks[pkg], pkg, SDK_CLASS, f"n_{name}")
            (self.folder / f"use_{name}.py").write_text(program)

    @staticmethod
    def _spec_file(root: Path, name: str, spec: Spec) -> Path:
        path = root / "specs" / f"{name}.json"
        path.write_text(json.dumps(spec, indent=1, sort_keys=True))
        return path

    def mypy_args(self) -> list[str]:
        """The SDKs (`-p`) and the usage programs (`-m`) for the mypy command line."""
        programs = sorted(p.stem for p in self.folder.glob("*.py"))
        return [*(a for pkg in self.packages for a in ("-p", pkg)), *(a for m in programs for a in ("-m", m))]

    def read(self, run: MypyRun) -> None:
        """Sort the run's errors about this folder by pair (or control), and the runtime's."""
        assert run.returncode in (0, 1), run.output[-4000:]
        assert self.folder in run.roots
        prefix = f"{self.folder}{os.sep}"
        for line in run.output.splitlines():
            if ": note:" in line:
                continue
            if line.startswith(f"{run.shared}{os.sep}"):
                self.runtime.append(line)
            if not line.startswith(prefix):
                continue
            match = re.match(r"(?:use_(\w+)\.py|n_(\w+)/|ctl_(o_\d+)\.py|(o_\d+)/)", line[len(prefix) :])
            if match is None:
                continue
            pair, new_pkg, ctl, old_pkg = match.groups()
            if pair or new_pkg:
                self.errors[pair or new_pkg].append(line)
            else:
                self.control[ctl or old_pkg].append(line)


# The pairs are type-checked in the corpus group's one mypy run: keep them on its xdist worker.
pytestmark = pytest.mark.xdist_group("corpus")


@pytest.fixture(scope="session")
def truth(diff_truth: GroundTruth, all_trees_mypy: MypyRun) -> GroundTruth:
    """Every pair generated and diffed (tests/conftest.py), its errors read from the one run."""
    diff_truth.read(all_trees_mypy)
    return diff_truth


def test_usage_programs_pass_against_their_own_sdk(truth: GroundTruth, all_trees_mypy: MypyRun) -> None:
    assert truth.control and all(not errors for errors in truth.control.values()), truth.control
    assert not truth.runtime, truth.runtime
    assert not all_trees_mypy.unattributed(), all_trees_mypy.unattributed()[-40:]


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_breaking_is_exactly_what_mypy_rejects(truth: GroundTruth, pair: str) -> None:
    breaking = [c for c in truth.changes[pair] if c.level == "breaking"]
    errors = truth.errors[pair]
    assert bool(breaking) == bool(errors), (
        f"diff says {breaking or 'not breaking'}; mypy says {errors or 'clean'}"
    )


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_every_change_is_reported(truth: GroundTruth, pair: str) -> None:
    changes = truth.changes[pair]
    if pair in NOT_BREAKING:
        top = changes[0].level if changes else "none"
        assert top == NOT_BREAKING[pair], changes
    else:
        assert changes, "a real change went unreported"
