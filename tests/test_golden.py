"""Golden trees: each spec under tests/golden renders exactly its committed tree, and that
tree imports, type-checks (mypy --strict) and is ruff-clean. Refresh with `make golden`.

A committed tree leaves out the runtime modules (the same in every SDK): one test checks that
every case renders them as header + `templates/python/runtime/<file>`, and the import, mypy and
ruff checks run on full trees rendered once per session into a temporary folder.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator import emit
from tests.batch import Result, run_batch
from tests.corpus_support import PROBE, MypyRun
from tests.helpers import (
    BIN,
    ROOT,
    RUNTIME,
    golden_cases,
    golden_settings,
    runtime_sources,
    without_runtime,
)

CASES = golden_cases()


def test_there_are_enough_golden_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES)
def test_golden_tree_matches(case: str, golden_files: dict[str, dict[str, str]]) -> None:
    settings = golden_settings(case)
    report = emit.check(without_runtime(golden_files[case], settings.package), settings.out)
    assert report.clean, (
        f"{case}: run `make golden` and review: changed={report.changed} hand_edited={report.hand_edited} "
        f"missing={report.missing} extra={report.extra}\n" + "\n".join(report.diffs)[:4000]
    )


def test_every_case_ships_the_templates_runtime(golden_files: dict[str, dict[str, str]]) -> None:
    names = sorted(p.name for p in RUNTIME.glob("*.py"))
    assert {"_base.py", "_events.py", "_http.py", "_streaming.py", "errors.py"} <= set(names)
    for case, files in golden_files.items():
        package = golden_settings(case).package
        expected = runtime_sources(package)
        missing = sorted(expected.keys() - files.keys())
        assert not missing, f"{case}: runtime modules not rendered: {missing}"
        for path, text in expected.items():
            assert files[path] == text, f"{case}: {path} is not header + templates/python/runtime/"


def _import_script(out: Path, package: str) -> str:
    """Import every module of the package one after another, then again in reverse order (so
    import cycles are exercised from both ends), forgetting the package in between."""
    modules = sorted(
        ".".join(p.relative_to(out).with_suffix("").parts).removesuffix(".__init__")
        for p in (out / package).rglob("*.py")
    )
    return (
        "import importlib, sys\n"
        f"mods = {modules!r}\n"
        "for order in (mods, list(reversed(mods))):\n"
        "    for m in order:\n"
        "        importlib.import_module(m)\n"
        "    for m in [k for k in sys.modules if k.split('.')[0] == mods[0].split('.')[0]]:\n"
        "        del sys.modules[m]\n"
    )


@pytest.fixture(scope="module")
def golden_imports(golden_trees: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    """Every golden package imported in one fresh interpreter (tests/batch.py), by case."""
    scripts = [(case, _import_script(golden_trees / case, f"{case}_sdk")) for case in CASES]
    folder = tmp_path_factory.mktemp("golden-imports")
    return run_batch(scripts, folder, [golden_trees / case for case in CASES])


# One worker runs the module's one import batch (each worker running a case would run it again).
@pytest.mark.xdist_group("golden-imports")
@pytest.mark.parametrize("case", CASES)
def test_golden_modules_import(case: str, golden_imports: dict[str, Result]) -> None:
    assert not golden_imports[case].error, golden_imports[case].error[-3000:]


def _trees(golden_trees: Path) -> list[str]:
    return [str(golden_trees / c / f"{c}_sdk") for c in CASES]


@pytest.mark.xdist_group("corpus")  # shares the one mypy run with the corpus tests
def test_golden_and_generated_trees_pass_mypy_strict(golden_trees: Path, all_trees_mypy: MypyRun) -> None:
    roots = [golden_trees / c for c in CASES] + [ROOT / "generated"]
    # includes the probe importing missing names from the lazy indexes (tests/conftest.py)
    roots += [r for r in all_trees_mypy.roots if (r / PROBE).is_dir()]
    problems = all_trees_mypy.errors_under(roots) + all_trees_mypy.unattributed()
    assert not problems, "\n".join(problems)[-8000:]
    assert all_trees_mypy.returncode in (0, 1), all_trees_mypy.output[-4000:]


@pytest.mark.parametrize("isolated", [True, False], ids=["ruff-defaults", "generated-config"])
def test_golden_and_generated_trees_are_ruff_clean(isolated: bool, golden_trees: Path) -> None:
    trees = [*_trees(golden_trees), str(ROOT / "generated")]
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
