"""OpenAPI Overlay 1.0: the merge rules, removal, bad overlays (exit 2, one line, a pointer),
and overlays applied by `generate`/`check` from the flag or `[tool.sdkgen]`, on a real spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import Settings
from generator.errors import SpecError
from generator.load import load_spec
from generator.overlay import apply_overlay
from tests.helpers import GOLDEN, render_spec, sdkgen_here, shared_path
from tests.shared_sdks import shared_sdk_tree

MISTRAL = shared_path("specs", "mistral-openapi.yaml")
SPEC = GOLDEN / "streams" / "spec.yaml"


def _overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


def _apply(doc: dict[str, Any], *actions: dict[str, Any]) -> list[str]:
    return apply_overlay(doc, _overlay(*actions), "o.yaml")


def test_update_merges_objects_concatenates_arrays_and_replaces_primitives() -> None:
    doc = {"info": {"title": "A", "contact": {"name": "x"}}, "tags": [{"name": "a"}]}
    _apply(
        doc,
        {"target": "$", "update": {"info": {"title": "B", "contact": {"url": "u"}}, "tags": [{"name": "b"}]}},
    )
    assert doc == {
        "info": {"title": "B", "contact": {"name": "x", "url": "u"}},
        "tags": [{"name": "a"}, {"name": "b"}],
    }


def test_update_on_an_array_appends_one_entry() -> None:
    doc: dict[str, Any] = {"tags": [{"name": "a"}]}
    _apply(doc, {"target": "$.tags", "update": {"name": "b"}})
    assert doc["tags"] == [{"name": "a"}, {"name": "b"}]


def test_filter_targets_every_match_without_sharing_the_update() -> None:
    doc = {"paths": {"/a": {"get": {"operationId": "x"}, "post": {"operationId": "y"}}}}
    _apply(doc, {"target": "$.paths.*[?@.operationId]", "update": {"x-meta": {"n": 1}}})
    get, post = doc["paths"]["/a"]["get"], doc["paths"]["/a"]["post"]
    assert get["x-meta"] == post["x-meta"] == {"n": 1}
    assert get["x-meta"] is not post["x-meta"]


def test_remove_deletes_map_entries_and_list_items_in_any_order() -> None:
    doc = {
        "paths": {"/a": {}, "/b": {}},
        "tags": [{"n": 0}, {"n": 1, "x": True}, {"n": 2}, {"n": 3, "x": True}],
    }
    _apply(doc, {"target": "$.paths['/a']", "remove": True}, {"target": "$.tags[?@.x]", "remove": True})
    assert doc == {"paths": {"/b": {}}, "tags": [{"n": 0}, {"n": 2}]}


def test_actions_apply_in_order() -> None:
    doc: dict[str, Any] = {"paths": {"/a": {"get": {}}}}
    _apply(
        doc, {"target": "$.paths['/a']", "remove": True}, {"target": "$.paths", "update": {"/a": {"put": {}}}}
    )
    assert doc == {"paths": {"/a": {"put": {}}}}


def test_a_target_that_selects_nothing_is_a_note_not_an_error() -> None:
    doc = {"paths": {}}
    notes = _apply(doc, {"target": "$.paths['/gone']", "update": {"x": 1}})
    assert notes == ["o.yaml#/actions/0: target \"$.paths['/gone']\" selects nothing; action skipped"]
    assert doc == {"paths": {}}


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        (
            {"overlay": "2.0.0", "info": {}, "actions": []},
            "o.yaml#/overlay: unsupported Overlay version '2.0.0'",
        ),
        (_overlay(), "o.yaml#/actions: 'actions' must be a non-empty list"),
        (_overlay({"target": "paths"}), "o.yaml#/actions/0/target: 'target' must be a JSONPath query"),
        (_overlay({"target": "$.[", "remove": True}), "o.yaml#/actions/0/target: invalid JSONPath '$.['"),
        (_overlay({"target": "$.info"}), "o.yaml#/actions/0: an action needs 'update' or 'remove: true'"),
        (
            _overlay({"target": "$.info", "remove": "yes"}),
            "o.yaml#/actions/0/remove: 'remove' must be true or false",
        ),
        (
            _overlay({"target": "$.info.title", "update": "B"}),
            "o.yaml#/actions/0/target: the target selects a primitive",
        ),
        (
            _overlay({"target": "$.info", "update": ["B"]}),
            "o.yaml#/actions/0/update: the target is an object",
        ),
        (
            _overlay({"target": "$", "remove": True}),
            "o.yaml#/actions/0/target: cannot remove the whole document",
        ),
    ],
)
def test_bad_overlays_name_the_place(overlay: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError) as caught:
        apply_overlay({"info": {"title": "A"}}, overlay, "o.yaml")
    assert str(caught.value).startswith(message), caught.value


def _rename(operation_id: str, name: str) -> dict[str, Any]:
    target = f"$.paths.*[?@.operationId == '{operation_id}']"
    return {"target": target, "update": {"x-speakeasy-name-override": name}}


def test_overlay_on_the_real_mistral_spec(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    overlay = tmp_path / "mistral-overlay.yaml"
    actions = [
        _rename("chat_completion_v1_chat_completions_post", "complete"),
        {"target": "$.paths['/v1/fim/completions']", "remove": True},
    ]
    overlay.write_text(yaml.safe_dump(_overlay(*actions)), encoding="utf-8")
    settings = Settings(spec=MISTRAL, out=tmp_path / "out", package="mistral_sdk", overlays=(overlay,))
    files = render_spec(settings)
    chat = files["mistral_sdk/resources/chat.py"]
    assert "def complete(" in chat and "def chat_completion_v_1_chat_completions_post(" not in chat
    assert "mistral_sdk/resources/fim.py" not in files  # its only operation was removed
    _, plain, _ = shared_sdk_tree("mistral", tmp_path_factory)  # the spec without the overlay
    assert "/v1/fim/completions" in (plain / "mistral_sdk" / "resources" / "fim.py").read_text(
        encoding="utf-8"
    )
    assert load_spec(MISTRAL, (overlay,)).notes == []


def test_generate_and_check_apply_overlays_from_flag_and_config(tmp_path: Path) -> None:
    overlay = tmp_path / "rename.json"
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    first_op = next(op for item in spec["paths"].values() for op in item.values() if "operationId" in op)
    overlay.write_text(json.dumps(_overlay(_rename(first_op["operationId"], "renamed_by_overlay"))), "utf-8")
    out = tmp_path / "out"
    base = ["--out", str(out), "--package", "pkg"]
    proc = sdkgen_here("generate", str(SPEC), *base, "--overlay", str(overlay))
    assert proc.returncode == 0, proc.stderr
    assert any("def renamed_by_overlay(" in p.read_text() for p in (out / "pkg" / "resources").glob("*.py"))
    assert sdkgen_here("check", str(SPEC), *base, "--overlay", str(overlay)).returncode == 0
    assert sdkgen_here("check", str(SPEC), *base).returncode == 1  # without the overlay the tree is stale
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.sdkgen]\nspec = "{SPEC}"\nout = "out"\npackage = "pkg"\n'
        'sdk_class = "AtomaSdk"\noverlays = ["rename.json"]\n'
    )
    proc = sdkgen_here("check", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr


def test_a_bad_overlay_exits_2_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    overlay = tmp_path / "bad.yaml"
    overlay.write_text("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: '$.paths[?'\n")
    out = tmp_path / "out"
    args = ["--out", str(out), "--package", "pkg", "--overlay", str(overlay)]
    proc = sdkgen_here("generate", str(SPEC), *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("sdkgen: error: bad.yaml#/actions/0/target: invalid JSONPath")
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    assert not out.exists()
    missing = sdkgen_here("generate", str(SPEC), "--out", str(out), "--overlay", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and missing.stderr.strip() == "sdkgen: error: nope.yaml#: no such file"


def test_config_names_operations_for_specs_without_extensions(tmp_path: Path) -> None:
    head = f'[tool.sdkgen]\nspec = "{SPEC}"\nout = "out"\npackage = "pkg"\n\n[tool.sdkgen.operations]\n'
    (tmp_path / "pyproject.toml").write_text(head + 'ticker_stream = { name = "ticks" }\n')
    proc = sdkgen_here("generate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    resource = (tmp_path / "out" / "pkg" / "resources" / "events.py").read_text()
    assert "def ticks(" in resource and "def ticker_stream(" not in resource
    (tmp_path / "pyproject.toml").write_text(head + 'tickr_stream = { name = "ticks" }\n')
    proc = sdkgen_here("check", cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        proc.stderr
        == "sdkgen: error: [tool.sdkgen.operations] 'tickr_stream': no operation has this operationId\n"
    )
    (tmp_path / "pyproject.toml").write_text(head + 'ticker_stream = "ticks"\n')
    proc = sdkgen_here("check", cwd=tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert "[tool.sdkgen.operations] 'ticker_stream': expected { name = \"method_name\" }" in proc.stderr
    (tmp_path / "pyproject.toml").write_text(
        head + 'ticker_stream = { name = "ticks", group = "live.events" }\n'
    )
    proc = sdkgen_here("generate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    nested = (tmp_path / "out" / "pkg" / "resources" / "live__events.py").read_text()
    assert (
        "def ticks(" in nested
        and "def events(" in (tmp_path / "out" / "pkg" / "resources" / "live.py").read_text()
    )
