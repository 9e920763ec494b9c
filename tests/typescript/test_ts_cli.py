"""The CLI with `--target typescript`: npm package names, `[tool.sdkgen.typescript]`, and the
drift check of a TypeScript tree (changed, extra, hand-edited files exit 1). The CLI's entry point
runs in-process (`sdkgen_here`); the console script runs once, on the committed tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_settings
from tests.helpers import ROOT, sdkgen, sdkgen_here

SPEC = str(ROOT / "spec" / "openapi.yaml")


@pytest.mark.parametrize(
    "package",
    ["Atoma", "-x", "a b", "@scope/", "@/x", "café", "", "_x", ".x", "a/b/c", "@Scope/x", "x" * 215],
)
def test_invalid_npm_package_exits_2_with_one_line(tmp_path: Path, package: str) -> None:
    out = tmp_path / "out"
    proc = sdkgen_here("generate", SPEC, "--target", "typescript", "--out", str(out), f"--package={package}")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"sdkgen: error: --package {package!r}: not a valid npm package name\n"
    assert not out.exists()


@pytest.mark.parametrize("package", ["atoma-sdk", "@scope/name", "a.b_c~d"])
def test_valid_npm_packages_generate_and_check(tmp_path: Path, package: str) -> None:
    out = tmp_path / "out"
    args = [SPEC, "--target", "typescript", "--out", str(out), "--package", package, "-q"]
    assert sdkgen_here("generate", *args).returncode == 0
    assert f'"name": "{package}"' in (out / "package.json").read_text()
    assert sdkgen_here("check", *args).returncode == 0


def test_python_target_still_wants_an_import_name(tmp_path: Path) -> None:
    proc = sdkgen_here("generate", SPEC, "--out", str(tmp_path / "o"), "--package", "atoma-sdk")
    assert proc.returncode == 2 and "not a valid Python import name" in proc.stderr


def test_check_flags_changed_extra_and_missing_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [SPEC, "--target", "typescript", "--out", str(out), "--package", "atoma-sdk", "-q"]
    assert sdkgen_here("generate", *args).returncode == 0
    page = out / "docs" / "models" / "components" / "model.md"
    page.write_text(page.read_text() + "\nedited")
    (out / "src" / "extra.ts").write_text("export {};\n")
    (out / "src" / "models" / "components" / "errorresponse.ts").unlink()
    proc = sdkgen_here("check", *args)
    assert proc.returncode == 1
    assert "hand-edited:" in proc.stdout and "model.md" in proc.stdout
    assert "extra:" in proc.stdout and "extra.ts" in proc.stdout
    assert "missing:" in proc.stdout and "errorresponse.ts" in proc.stdout


def test_target_table_gives_out_and_package() -> None:
    python = load_settings(ROOT)
    typescript = load_settings(ROOT, "typescript")
    assert (python.target, python.package, python.out.name) == ("python", "atoma_sdk", "generated")
    assert (typescript.target, typescript.package, typescript.out.name) == (
        "typescript",
        "atoma-sdk",
        "generated-ts",
    )
    assert typescript.client_class == "AtomaSdk"


def test_a_target_without_a_table_never_writes_into_the_default_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.sdkgen]\nout = "gen"\npackage = "pkg"\n')
    settings = load_settings(tmp_path, "typescript")
    assert settings.out == tmp_path / "gen-typescript"
    assert load_settings(tmp_path).out == tmp_path / "gen"


def test_committed_tree_is_checked_by_the_cli() -> None:
    proc = sdkgen("check", "--target", "typescript", "-q")
    assert proc.returncode == 0, proc.stdout[-3000:]
