"""Golden trees: each spec under tests/golden renders exactly its committed tree, and that
tree imports, type-checks (mypy --strict) and is ruff-clean. Refresh with `make golden`."""

from __future__ import annotations

import subprocess

import pytest

from generator import emit
from tests.helpers import BIN, GOLDEN, ROOT, golden_cases, golden_settings, render_spec, run_python

CASES = golden_cases()


def test_there_are_enough_golden_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES)
def test_golden_tree_matches(case: str) -> None:
    settings = golden_settings(case)
    report = emit.check(render_spec(settings), settings.out)
    assert report.clean, (
        f"{case}: run `make golden` and review: changed={report.changed} "
        f"missing={report.missing} extra={report.extra}\n" + "\n".join(report.diffs)[:4000]
    )


@pytest.mark.parametrize("case", CASES)
def test_golden_modules_import(case: str) -> None:
    out = GOLDEN / case / "expected"
    package = f"{case}_sdk"
    modules = sorted(
        ".".join(p.relative_to(out).with_suffix("").parts).removesuffix(".__init__")
        for p in (out / package).rglob("*.py")
    )
    # Each module alone in a fresh interpreter would be slow; import them one after another,
    # in reverse order too, so import cycles are exercised from both ends.
    code = (
        "import importlib, sys\n"
        f"mods = {modules!r}\n"
        "for order in (mods, list(reversed(mods))):\n"
        "    for m in order:\n"
        "        importlib.import_module(m)\n"
        "    for m in [k for k in sys.modules if k.split('.')[0] == mods[0].split('.')[0]]:\n"
        "        del sys.modules[m]\n"
        "print('ok')\n"
    )
    proc = run_python(code, out)
    assert proc.returncode == 0, proc.stderr[-3000:]


def _trees() -> list[str]:
    return [str(GOLDEN / c / "expected" / f"{c}_sdk") for c in CASES]


def test_golden_and_generated_trees_pass_mypy_strict() -> None:
    trees = [*_trees(), str(ROOT / "generated" / "atoma_sdk")]
    proc = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "--cache-dir=/dev/null", *trees],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:]


@pytest.mark.parametrize("isolated", [True, False], ids=["ruff-defaults", "generated-config"])
def test_golden_and_generated_trees_are_ruff_clean(isolated: bool) -> None:
    trees = [*_trees(), str(ROOT / "generated")]
    flag = ["--isolated"] if isolated else []
    lint = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", *flag, *trees], capture_output=True, text=True, cwd=ROOT
    )
    assert lint.returncode == 0, lint.stdout[-4000:]
    fmt = subprocess.run(
        [str(BIN / "ruff"), "format", "--check", "--no-cache", *flag, *trees],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert fmt.returncode == 0, fmt.stdout[-4000:]
