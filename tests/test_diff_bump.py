"""`generate --bump`: semver from the API diff, the snapshot codec, and `check` on a bumped tree."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_api
from generator.cli import main
from generator.config import Settings
from generator.diff.bump import next_version
from generator.diff.snapshot import dumps, loads
from generator.diff.surface import surface
from generator.load import load_spec
from tests.helpers import ROOT
from tests.test_diff_groundtruth import BASE


@pytest.mark.parametrize(
    ("version", "level", "expected"),
    [
        ("1.2.3", "major", "2.0.0"),
        ("1.2.3", "minor", "1.3.0"),
        ("1.2.3", "patch", "1.2.4"),
        ("1.2.3", "none", "1.2.3"),
        ("0.4.1", "major", "0.5.0"),  # before 1.0.0: breaking bumps the minor
        ("0.4.1", "minor", "0.4.2"),
        ("0.4.1", "patch", "0.4.2"),
    ],
)
def test_next_version(version: str, level: str, expected: str) -> None:
    assert next_version(version, level) == expected


@pytest.mark.parametrize("spec", [ROOT / "spec" / "openapi.yaml", None], ids=["atoma", "pets"])
def test_snapshot_round_trips(spec: Path | None, tmp_path: Path) -> None:
    if spec is None:
        spec = tmp_path / "pets.yaml"
        spec.write_text(yaml.safe_dump(BASE))
    before = surface(build_api(load_spec(spec), Settings(spec=spec, package="pkg")))
    version, after = loads(dumps("1.0.0", before), "snapshot")
    assert version == "1.0.0" and after == before


def _gen(tmp_path: Path, spec: dict[str, Any], *flags: str) -> int:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec))
    return main(["generate", str(path), "--out", str(tmp_path / "out"), "--package", "pets", "-q", *flags])


def _check(tmp_path: Path) -> int:
    return main(
        ["check", str(tmp_path / "spec.yaml"), "--out", str(tmp_path / "out"), "--package", "pets", "-q"]
    )


def _version(tmp_path: Path) -> str:
    text = (tmp_path / "out" / "pyproject.toml").read_text()
    return next(line for line in text.splitlines() if line.startswith("version = "))


def test_bump_versions_records_and_checks_clean(tmp_path: Path) -> None:
    assert _gen(tmp_path, BASE, "--bump") == 0
    assert _version(tmp_path) == 'version = "1.2.0"' and _check(tmp_path) == 0
    v2 = copy.deepcopy(BASE)
    del v2["components"]["schemas"]["Pet"]["properties"]["tag"]
    assert _gen(tmp_path, v2, "--bump") == 0
    assert _version(tmp_path) == 'version = "2.0.0"' and _check(tmp_path) == 0
    changelog = (tmp_path / "out" / "CHANGELOG.md").read_text()
    assert changelog.startswith("## 2.0.0\n") and "- `components.Pet.tag`: field removed" in changelog
    assert "## 1.2.0" in changelog
    v3 = copy.deepcopy(v2)
    v3["components"]["schemas"]["Pet"]["properties"]["color"] = {"type": "string"}
    assert _gen(tmp_path, v3) == 0  # without --bump: code regenerated, version kept
    assert _version(tmp_path) == 'version = "2.0.0"' and _check(tmp_path) == 0
    assert _gen(tmp_path, v3, "--bump") == 0
    assert _version(tmp_path) == 'version = "2.1.0"' and _check(tmp_path) == 0
    assert _gen(tmp_path, v3, "--bump") == 0  # nothing changed: no bump, no changelog entry
    assert _version(tmp_path) == 'version = "2.1.0"'
    assert (tmp_path / "out" / "CHANGELOG.md").read_text().count("## 2.1.0") == 1


def test_unreadable_snapshot_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _gen(tmp_path, BASE, "--bump") == 0
    (tmp_path / "out" / ".sdkgen-surface.json").write_text("{not json")
    assert _gen(tmp_path, BASE, "--bump") == 2
    err = capsys.readouterr().err
    assert err.startswith("sdkgen: error: ") and "unreadable snapshot" in err and err.count("\n") == 1
