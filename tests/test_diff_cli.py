"""`sdkgen diff` end to end: exit codes, --fail-on, the three formats, git sources, bad input."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from tests.test_diff_groundtruth import BASE


def _write(path: Path, spec: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _variant(**edits: Any) -> dict[str, Any]:
    """BASE with Pet's properties edited (None deletes one) and the summary maybe changed."""
    spec = copy.deepcopy(BASE)
    props = spec["components"]["schemas"]["Pet"]["properties"]
    for name, value in edits.items():
        if name == "summary":
            spec["paths"]["/pets"]["get"]["summary"] = value
        elif value is None:
            del props[name]
        else:
            props[name] = value
    return spec


@pytest.fixture
def specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding old.yaml and the variants the tests need."""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "old.yaml", BASE)
    _write(tmp_path / "breaking.yaml", _variant(tag=None))
    _write(tmp_path / "feature.yaml", _variant(color={"type": "string"}))
    _write(tmp_path / "docs.yaml", _variant(summary="Every pet"))
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args, "--package", "pets"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("new", "fail_on", "code"),
    [
        ("old.yaml", "any", 0),
        ("breaking.yaml", "breaking", 1),
        ("feature.yaml", "breaking", 0),
        ("feature.yaml", "minor", 1),
        ("docs.yaml", "minor", 0),
        ("docs.yaml", "any", 1),
    ],
)
def test_exit_code_follows_fail_on(
    specs: Path, capsys: pytest.CaptureFixture[str], new: str, fail_on: str, code: int
) -> None:
    assert _run(capsys, "old.yaml", new, "--fail-on", fail_on)[0] == code


def test_text_report_names_the_change_and_the_bump(specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "old.yaml", "breaking.yaml")
    assert code == 1 and not err
    assert "components.Pet.tag: field removed" in out
    assert "implied bump: major" in out


def test_markdown_report_is_a_pr_comment(specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "old.yaml", "feature.yaml", "--format", "markdown")
    assert out.startswith("## SDK API diff: minor bump")
    assert "### Features (1)" in out and "| `components.Pet.color` | field added |" in out


def test_json_report_is_stable(specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, first, _ = _run(capsys, "old.yaml", "breaking.yaml", "--format", "json")
    _, second, _ = _run(capsys, "old.yaml", "breaking.yaml", "--format", "json")
    assert first == second
    doc = json.loads(first)
    assert doc["schema"] == "sdkgen-diff/1" and doc["bump"] == "major"
    assert doc["counts"] == {"breaking": 1, "feature": 0, "fix": 0}
    assert doc["changes"] == [
        {
            "level": "breaking",
            "kind": "field",
            "action": "removed",
            "name": "components.Pet.tag",
            "detail": "",
            "old": "str | None",
            "new": "",
            "behaviour": False,
            "message": "field removed",
        }
    ]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_git_revision_with_relative_refs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = copy.deepcopy(BASE)
    pet = spec["components"]["schemas"]["Pet"]
    pet["properties"]["status"] = {"$ref": "openapi.yaml#/components/schemas/PetStatus"}
    spec["components"]["schemas"]["Pet"] = {"$ref": "./pet.yaml"}
    _write(tmp_path / "spec" / "openapi.yaml", spec)
    _write(tmp_path / "spec" / "pet.yaml", pet)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    del pet["properties"]["tag"]
    _write(tmp_path / "spec" / "pet.yaml", pet)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "git:HEAD:spec/openapi.yaml", "spec/openapi.yaml")
    assert code == 1 and not err and ".tag: field removed" in out  # (the external schema is named Pet2)
    monkeypatch.chdir(tmp_path / "spec")  # paths are relative to the working folder, as in git
    code, out, _ = _run(capsys, "git:HEAD:openapi.yaml", "git:HEAD:openapi.yaml")
    assert code == 0 and "no changes" in out


@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("missing.yaml", "missing.yaml: no such spec file"),
        ("git:HEAD", "expected git:REV:path"),
        ("git:no-such-rev:old.yaml", "git:no-such-rev:old.yaml: git "),
        ("bad.yaml", "bad.yaml"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    specs: Path, capsys: pytest.CaptureFixture[str], old: str, message: str
) -> None:
    (specs / "bad.yaml").write_text("openapi: 2.0\n")
    _git(specs, "init", "-q")
    code, out, err = _run(capsys, old, "old.yaml")
    assert code == 2 and not out
    assert err.startswith("sdkgen: error: ") and message in err and err.count("\n") == 1


def test_bad_package_exits_2(specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["diff", "old.yaml", "old.yaml", "--package", "class"])
    assert code == 2 and "not a valid Python import name" in capsys.readouterr().err


def test_invalid_spec_at_a_git_revision_is_named_by_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spec.yaml").write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: []\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "bad")
    _write(tmp_path / "good.yaml", BASE)
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "git:HEAD:spec.yaml", "good.yaml")
    assert code == 2 and err.startswith("sdkgen: error: git:HEAD:spec.yaml#/paths: ")
    assert "sdkgen-diff-" not in err and err.count("\n") == 1
