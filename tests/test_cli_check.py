"""`sdkgen generate` / `check` end to end: drift detection, exit codes, determinism.

The console script runs as a process where it is the subject (the committed tree, hash seeds,
`python -m`, pyproject defaults, the shared tree); drift and refusal cases call the same entry
point in-process (`cli`), which is what the script runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import GOLDEN, ROOT, assert_clean_error, sdkgen
from tests.helpers import sdkgen_here as cli

SPEC = GOLDEN / "unions" / "spec.yaml"


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli-check") / "out"
    proc = sdkgen("generate", str(SPEC), "--out", str(out), "--package", "pkg")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture()
def tree(tmp_path: Path, generated_once: Path) -> Path:
    """A fresh tree from `sdkgen generate` (a copy of one generated per module: tests edit it)."""
    out = tmp_path / "out"
    shutil.copytree(generated_once, out)
    return out


def test_committed_generated_tree_is_up_to_date() -> None:
    proc = sdkgen("check")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr


def test_check_passes_on_fresh_tree_and_writes_nothing(tree: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in tree.rglob("*")}
    proc = cli("check", str(SPEC), "--out", str(tree), "--package", "pkg")
    assert proc.returncode == 0, proc.stdout
    assert {p: p.stat().st_mtime_ns for p in tree.rglob("*")} == before


def test_hand_edit_is_flagged_with_a_diff(tree: Path) -> None:
    target = tree / "pkg" / "models" / "components" / "cat.py"
    target.write_text(target.read_text() + "# my tweak\n")
    proc = cli("check", str(SPEC), "--out", str(tree), "--package", "pkg")
    assert proc.returncode == 1
    assert f"hand-edited: {target}" in proc.stdout
    assert "-# my tweak" in proc.stdout


def test_deleted_file_is_flagged_missing(tree: Path) -> None:
    target = tree / "pkg" / "models" / "components" / "dog.py"
    target.unlink()
    proc = cli("check", str(SPEC), "--out", str(tree), "--package", "pkg")
    assert proc.returncode == 1
    assert f"missing: {target}" in proc.stdout


def test_extra_file_is_flagged(tree: Path) -> None:
    extra = tree / "pkg" / "models" / "components" / "stray.py"
    extra.write_text("x = 1\n")
    proc = cli("check", str(SPEC), "--out", str(tree), "--package", "pkg")
    assert proc.returncode == 1
    assert f"extra: {extra}" in proc.stdout


def test_spec_change_is_flagged_changed(tree: Path, tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.read_text().replace("meows: {type: boolean}", "meows: {type: integer}"))
    proc = cli("check", str(spec), "--out", str(tree), "--package", "pkg")
    assert proc.returncode == 1
    assert "changed: " in proc.stdout and "cat.py" in proc.stdout
    assert "+    meows: int | None = None" in proc.stdout


def test_generate_prunes_only_owned_files(tree: Path, tmp_path: Path) -> None:
    mine = tree / "NOTES.txt"
    mine.write_text("keep me")
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.read_text().replace("    AnyOfPlain:", "    AnyOfPlainRenamed:"))
    proc = cli("generate", str(spec), "--out", str(tree), "--package", "pkg")
    assert proc.returncode == 0, proc.stderr
    assert mine.read_text() == "keep me"
    assert not (tree / "pkg" / "models" / "components" / "anyofplain.py").exists()
    assert (tree / "pkg" / "models" / "components" / "anyofplainrenamed.py").exists()


def test_generate_refuses_to_overwrite_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "pyproject.toml").parent.mkdir(parents=True)
    (out / "pyproject.toml").write_text("# mine\n")
    proc = cli("generate", str(SPEC), "--out", str(out), "--package", "pkg")
    assert_clean_error(proc.returncode, proc.stderr, "not written by sdkgen", "pyproject.toml")
    assert (out / "pyproject.toml").read_text() == "# mine\n"
    assert sorted(p.name for p in out.iterdir()) == ["pyproject.toml"]


@pytest.mark.parametrize("package", ["1abc", "class", "with-dash", "", "a.b"])
def test_bad_package_exits_2_with_one_line(tmp_path: Path, package: str) -> None:
    proc = cli("generate", str(SPEC), "--out", str(tmp_path / "o"), "--package", package)
    assert_clean_error(proc.returncode, proc.stderr, "--package")
    assert not (tmp_path / "o").exists()


def test_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for seed in ("0", "1", "4242"):
        out = tmp_path / f"out{seed}"
        spec = ROOT / "spec" / "openapi.yaml"
        proc = sdkgen(
            "generate",
            str(spec),
            "--out",
            str(out),
            "--package",
            "atoma_sdk",
            "--sdk-class",
            "AtomaSdk",
            env={"PYTHONHASHSEED": seed},
        )
        assert proc.returncode == 0, proc.stderr
        trees.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1] == trees[2]


def test_python_dash_m_and_pyproject_defaults(tmp_path: Path) -> None:
    shutil.copy(SPEC, tmp_path / "api.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\nspec = "api.yaml"\nout = "sdk_out"\npackage = "petz"\nsdk_class = "Petz"\n'
    )
    proc = sdkgen("generate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "sdk_out" / "petz" / "models" / "components" / "cat.py").exists()
    assert sdkgen("check", cwd=tmp_path).returncode == 0
