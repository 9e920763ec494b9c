"""`sdkgen check` decided by a remembered render (`generator/remembered.py`): only a byte-identical
tree of unchanged inputs is passed without rendering; anything else renders and reports as before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import cli, remembered
from tests.helpers import sdkgen_here

SPEC = """\
openapi: 3.1.0
info: {title: Pets, version: "1.0"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: {$ref: "parts.yaml#/Pet"}
"""
PARTS = """\
Pet:
  type: object
  properties:
    name: {type: string}
"""


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A spec with an external `$ref` file, generated once, and a cache folder of its own."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SDKGEN_NO_CACHE", raising=False)
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "parts.yaml").write_text(PARTS)
    assert run(tmp_path, "generate").returncode == 0
    return tmp_path


def run(root: Path, command: str) -> object:
    return sdkgen_here(command, str(root / "spec.yaml"), "--out", str(root / "out"), "--package", "pets")


def no_render(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("rendered")

    monkeypatch.setattr(cli, "_render", refuse)


def test_unchanged_inputs_and_tree_check_without_rendering(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_render(monkeypatch)
    proc = run(project, "check")
    assert proc.returncode == 0, proc.stderr
    assert "is up to date" in proc.stdout


def test_regenerating_unchanged_inputs_over_their_tree_renders_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*")}
    no_render(monkeypatch)
    proc = run(project, "generate")
    assert proc.returncode == 0, proc.stderr
    assert "0 changed" in proc.stdout
    assert {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*")} == before


def test_regenerating_over_a_hand_edit_renders_and_restores(project: Path) -> None:
    target = project / "out" / "pets" / "models" / "components" / "pet.py"
    original = target.read_bytes()
    target.write_bytes(original + b"# tweak\n")
    proc = run(project, "generate")
    assert proc.returncode == 0, proc.stderr
    assert "1 changed" in proc.stdout
    assert target.read_bytes() == original


@pytest.mark.parametrize("change", ["edit", "delete", "extra", "fifo"])
def test_any_difference_in_the_tree_renders_and_reports(project: Path, change: str) -> None:
    target = project / "out" / "pets" / "models" / "components" / "pet.py"
    assert target.is_file()
    if change == "edit":
        target.write_text(target.read_text() + "# tweak\n")
    elif change == "delete":
        target.unlink()
    elif change == "extra":
        (project / "out" / "notes.txt").write_text("mine\n")
    else:
        target.unlink()
        os.mkfifo(target)  # must not be opened (it would block)
    proc = run(project, "check")
    assert proc.returncode == 1
    label = {"edit": "hand-edited", "delete": "missing", "extra": "extra", "fifo": "missing"}[change]
    assert f"{label}: " in proc.stdout


def test_a_changed_ref_file_is_not_taken_from_memory(project: Path) -> None:
    (project / "parts.yaml").write_text(PARTS + "    age: {type: integer}\n")
    proc = run(project, "check")
    assert proc.returncode == 1
    assert "pets/models/components/pet.py" in proc.stdout


def test_the_typescript_target_is_remembered_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("--out", str(project / "ts"), "--package", "pets-sdk", "--target", "typescript")
    assert sdkgen_here("generate", str(project / "spec.yaml"), *args).returncode == 0
    no_render(monkeypatch)
    assert sdkgen_here("check", str(project / "spec.yaml"), *args).returncode == 0


def test_other_tools_or_settings_miss(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_machinery", lambda: remembered.Machinery("another ruff", ()))
    rendered: list[bool] = []
    real = cli._render
    monkeypatch.setattr(cli, "_render", lambda *a: rendered.append(True) or real(*a))
    assert run(project, "check").returncode == 0
    assert rendered == [True]
    proc = sdkgen_here(
        "check",
        str(project / "spec.yaml"),
        "--out",
        str(project / "out"),
        "--package",
        "pets",
        "--sdk-class",
        "Zoo",
    )
    assert proc.returncode == 1
    assert rendered == [True, True]


def test_a_damaged_entry_is_ignored(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (entry,) = (project / "cache" / "remembered").iterdir()
    entry.write_bytes(entry.read_bytes().replace(b'"notes"', b'"notez"'))
    (project / "out" / ".sdkgen-inputs").unlink()  # nor the tree's own record (test_tree_record)
    rendered: list[bool] = []
    real = cli._render
    monkeypatch.setattr(cli, "_render", lambda *a: rendered.append(True) or real(*a))
    assert run(project, "check").returncode == 0
    assert rendered == [True]


def test_cache_off_remembers_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SDKGEN_NO_CACHE", "1")
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "parts.yaml").write_text(PARTS)
    assert run(tmp_path, "generate").returncode == 0
    assert not (tmp_path / "cache").exists()


def test_a_bumped_tree_always_renders(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "out" / ".sdkgen-surface.json").write_text("{}")
    no_render(monkeypatch)
    with pytest.raises(AssertionError, match="rendered"):
        run(project, "check")


def test_entries_are_pruned_oldest_first(tmp_path: Path) -> None:
    folder = tmp_path / "remembered"
    folder.mkdir()
    for i in range(remembered._KEEP + 3):
        path = folder / f"{i:03}.json"
        path.write_text("{}")
        os.utime(path, (i, i))
    remembered._prune(str(folder))
    left = sorted(p.name for p in folder.iterdir())
    assert left == [f"{i:03}.json" for i in range(3, remembered._KEEP + 3)]
    shutil.rmtree(folder)
