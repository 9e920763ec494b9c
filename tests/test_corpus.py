"""Issue 5: every spec of tests/corpus generates, compiles, imports module by module,
passes `mypy --strict` (one run over all outputs) and regenerates byte-identically."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.corpus_support import compile_all, generate, import_all, mypy_strict, tree

CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass
class Case:
    name: str
    spec: Path
    package: str


def corpus_cases() -> list[Case]:
    """Top-level spec files, plus one folder per multi-file spec (entry: openapi.* / api.*)."""
    cases = []
    for path in sorted(CORPUS.iterdir()):
        if path.is_file() and path.suffix in (".yaml", ".yml", ".json"):
            cases.append(Case(path.stem, path, f"c_{path.stem}"))
        elif path.is_dir() and not path.name.startswith((".", "_")):
            entry = sorted([*path.glob("openapi.*"), *path.glob("api.*")])[0]
            cases.append(Case(path.name, entry, f"c_{path.name}"))
    return cases


CASES = corpus_cases()


@dataclass
class Outcome:
    case: Case
    out: Path
    code: int
    stderr: str
    seconds: float
    identical: bool


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict[str, Outcome]:
    """Generate every corpus spec (and the large one) twice; report timings."""
    root = tmp_path_factory.mktemp("corpus")
    large = root / "large_api.json"
    sys.path.insert(0, str(CORPUS))
    try:
        import make_large  # noqa: PLC0415 - a script next to the specs
    finally:
        sys.path.remove(str(CORPUS))
    make_large.main(str(large))
    cases = [*CASES, Case("large_api", large, "c_large_api")]
    outcomes: dict[str, Outcome] = {}
    for case in cases:
        out = root / case.name
        code, stderr, seconds = generate(case.spec, out / "a", case.package)
        again, _, _ = generate(case.spec, out / "b", case.package)
        same = code == again == 0 and tree(out / "a") == tree(out / "b")
        outcomes[case.name] = Outcome(case, out / "a", code, stderr, seconds, same)
    lines = [f"  {o.case.name:<28} {o.seconds * 1000:8.0f} ms  exit {o.code}" for o in outcomes.values()]
    text = "\ncorpus generation times:\n" + "\n".join(lines)
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(text, file=sys.stderr)
    else:
        print(text, file=sys.stderr)
    return outcomes


def test_corpus_covers_both_versions_and_formats() -> None:
    assert len(CASES) >= 20
    versions, formats = set(), set()
    for case in CASES:
        text = case.spec.read_text(encoding="utf-8")
        versions.add("3.1" if "3.1." in text.split("info")[0] else "3.0")
        formats.add(case.spec.suffix)
    assert versions == {"3.0", "3.1"}
    assert {".yaml", ".json"} <= formats


@pytest.mark.parametrize("name", [c.name for c in CASES] + ["large_api"])
def test_generates_deterministically(generated: dict[str, Outcome], name: str) -> None:
    outcome = generated[name]
    assert outcome.code == 0, outcome.stderr
    assert outcome.identical, "two runs on the same spec gave different trees"
    assert compile_all(outcome.out) == []


@pytest.mark.parametrize("name", [c.name for c in CASES] + ["large_api"])
def test_imports_module_by_module(generated: dict[str, Outcome], name: str) -> None:
    outcome = generated[name]
    assert outcome.code == 0, outcome.stderr
    proc = import_all(outcome.out, outcome.case.package)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_over_all_outputs(
    generated: dict[str, Outcome], tmp_path_factory: pytest.TempPathFactory
) -> None:
    targets = [(o.out, o.case.package) for o in generated.values() if o.code == 0]
    assert len(targets) == len(generated)
    cache = tmp_path_factory.mktemp("mypy") / "cache"
    proc = mypy_strict(targets, cache)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-8000:]


def test_large_spec_is_at_scale(generated: dict[str, Outcome]) -> None:
    outcome = generated["large_api"]
    spec = json.loads(outcome.case.spec.read_text(encoding="utf-8"))
    assert len(spec["components"]["schemas"]) >= 1000
    ops = [m for item in spec["paths"].values() for m in item if m != "parameters"]
    assert len(ops) >= 150
    modules = list((outcome.out / "c_large_api" / "models" / "components").glob("*.py"))
    assert len(modules) >= 1000


def test_callbacks_and_webhooks_are_noted(generated: dict[str, Outcome]) -> None:
    notes = generated["callbacks_webhooks"].stderr
    assert "callbacks are not generated" in notes
    assert "webhooks are not generated" in notes
    assert "webhooks are not generated" in generated["webhooks_only"].stderr
