"""`sdkgen check` on a machine that never rendered the inputs (a fresh CI runner: no user cache)
decided by the tree's own record (`generator/tree_record.py`): a byte-identical tree of
unchanged inputs passes without rendering, wherever the project was cloned; anything else
(a hand edit, an edited manifest, another spec or `$ref` file, another sdkgen, a damaged
record) renders and reports as before, and `check` never writes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator import cli, remembered
from tests.helpers import sdkgen_here
from tests.test_remembered import PARTS, SPEC

RECORD = ".sdkgen-inputs"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A spec with an external `$ref` file, generated with the user cache off (as CI is)."""
    monkeypatch.setenv("SDKGEN_NO_CACHE", "1")
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "parts.yaml").write_text(PARTS)
    monkeypatch.chdir(tmp_path)
    assert run("generate").returncode == 0
    return tmp_path


def run(command: str, *extra: str) -> object:
    return sdkgen_here(command, "spec.yaml", "--out", "out", "--package", "pets", *extra, cwd=Path.cwd())


def counting(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    rendered: list[bool] = []
    real = cli._render
    monkeypatch.setattr(cli, "_render", lambda *a: rendered.append(True) or real(*a))
    return rendered


def test_generate_records_its_inputs_and_check_needs_no_render(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = json.loads((project / "out" / RECORD).read_text())
    assert record["inputs"] == {"parts.yaml": remembered.sha_file(project / "parts.yaml")}
    before = (project / "out" / RECORD).stat().st_mtime_ns
    rendered = counting(monkeypatch)
    proc = run("check")
    assert proc.returncode == 0 and "is up to date" in proc.stdout
    assert rendered == []
    assert (project / "out" / RECORD).stat().st_mtime_ns == before  # check writes nothing


def test_a_clone_elsewhere_checks_from_the_record(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path_factory.mktemp("clone") / "repo"
    shutil.copytree(project, clone)
    monkeypatch.chdir(clone)
    rendered = counting(monkeypatch)
    assert run("check").returncode == 0
    assert rendered == []


@pytest.mark.parametrize("change", ["edit", "edit with manifest", "delete", "extra", "ref file", "spec"])
def test_any_difference_renders_and_reports(
    project: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    out = project / "out"
    target = out / "pets" / "models" / "components" / "pet.py"
    if change.startswith("edit"):
        target.write_text(target.read_text() + "# mine\n")
        if change == "edit with manifest":  # the manifest made to agree: the record still binds it
            manifest = json.loads((out / ".sdkgen-manifest.json").read_text())
            manifest["files"]["pets/models/components/pet.py"] = remembered.sha_file(target)
            (out / ".sdkgen-manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    elif change == "delete":
        target.unlink()
    elif change == "extra":
        (out / "pets" / "mine.py").write_text("x = 1\n")
    elif change == "ref file":
        (project / "parts.yaml").write_text(PARTS + "    age: {type: integer}\n")
    else:
        (project / "spec.yaml").write_text(SPEC.replace("listPets", "listAnimals"))
    rendered = counting(monkeypatch)
    proc = run("check")
    assert proc.returncode == 1 and rendered == [True]
    label = {"delete": "missing", "extra": "extra", "ref file": "changed", "spec": "changed"}
    assert f"{label.get(change, 'hand-edited' if change == 'edit' else 'changed')}: " in proc.stdout


@pytest.mark.parametrize("damage", ["garbage", "other key", "removed"])
def test_a_record_that_does_not_hold_renders_and_passes(
    project: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    path = project / "out" / RECORD
    if damage == "garbage":
        path.write_text("{")
    elif damage == "other key":
        path.write_text(path.read_text().replace('"key": "', '"key": "0'))
    else:
        path.unlink()
    rendered = counting(monkeypatch)
    proc = run("check")
    assert proc.returncode == 0 and "extra" not in proc.stdout
    assert rendered == [True]


def test_another_sdkgen_or_setting_renders(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cli._machinery()
    other = remembered.Machinery(real.tools, real.folders, real.portable + "|another ruff")
    monkeypatch.setattr(cli, "_machinery", lambda: other)
    rendered = counting(monkeypatch)
    assert run("check").returncode == 0 and rendered == [True]
    assert run("check", "--sdk-class", "Zoo").returncode == 1 and rendered == [True, True]


def test_generate_rewrites_the_record_and_keeps_no_stale_one(project: Path) -> None:
    path = project / "out" / RECORD
    (project / "spec.yaml").write_text(SPEC.replace("the pets", "all the pets"))
    old = path.read_text()
    assert run("generate").returncode == 0
    assert path.read_text() != old and json.loads(path.read_text())["key"] != json.loads(old)["key"]
    assert not [name for name in os.listdir(project / "out") if name.endswith(".tmp")]


def test_generate_from_the_user_cache_leaves_a_record_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A tree generated (and remembered) before it had a record, or whose record was deleted:
    # the next generate, though it renders nothing, writes the record.
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SDKGEN_NO_CACHE", raising=False)
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "parts.yaml").write_text(PARTS)
    monkeypatch.chdir(tmp_path)
    assert run("generate").returncode == 0
    first = (tmp_path / "out" / RECORD).read_text()
    (tmp_path / "out" / RECORD).unlink()
    rendered = counting(monkeypatch)
    assert run("generate").returncode == 0 and rendered == []
    assert (tmp_path / "out" / RECORD).read_text() == first
