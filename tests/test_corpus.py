"""Issue 5: every spec of tests/corpus generates, compiles, imports module by module,
passes `mypy --strict` (one run over all outputs) and regenerates byte-identically."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.corpus_support import BIN, OVERLOAD_PROBE, MypyRun, Outcome, compile_all, corpus_cases, import_all

CASES = corpus_cases()
# The corpus fixtures (tests/conftest.py) are built once per session: keep this module's
# tests, and the golden mypy test that shares the one mypy run, on one xdist worker.
pytestmark = pytest.mark.xdist_group("corpus")


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
def test_generates_deterministically(corpus: dict[str, Outcome], name: str) -> None:
    outcome = corpus[name]
    assert outcome.code == 0, outcome.stderr
    assert outcome.identical, (
        "a second render in the same process differs from the tree written (sdkgen check failed)"
    )
    assert compile_all(outcome.out) == []


@pytest.mark.parametrize("name", [c.name for c in CASES] + ["large_api"])
def test_imports_module_by_module(
    corpus: dict[str, Outcome], corpus_imports: dict[str, str | None], name: str
) -> None:
    outcome = corpus[name]
    assert outcome.code == 0, outcome.stderr
    package = outcome.case.package
    if package in corpus_imports:
        assert corpus_imports[package] is None, corpus_imports[package]
    else:  # the shared interpreter died before this package: import it alone
        proc = import_all(outcome.out, package)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_over_all_outputs(corpus: dict[str, Outcome], all_trees_mypy: MypyRun) -> None:
    outs = [o.out for o in corpus.values() if o.code == 0]
    assert len(outs) == len(corpus)
    problems = all_trees_mypy.errors_under(outs) + all_trees_mypy.unattributed()
    assert not problems, "\n".join(problems)[-8000:]
    assert all_trees_mypy.returncode in (0, 1), all_trees_mypy.output[-4000:]


def test_large_spec_is_at_scale(corpus: dict[str, Outcome]) -> None:
    outcome = corpus["large_api"]
    spec = json.loads(outcome.case.spec.read_text(encoding="utf-8"))
    assert len(spec["components"]["schemas"]) >= 1000
    ops = [m for item in spec["paths"].values() for m in item if m != "parameters"]
    assert len(ops) >= 150
    modules = list((outcome.out / "c_large_api" / "models" / "components").glob("*.py"))
    assert len(modules) >= 1000


def test_callbacks_are_noted_webhooks_generated(corpus: dict[str, Outcome]) -> None:
    notes = corpus["callbacks_webhooks"].stderr
    assert "callbacks are not generated" in notes
    assert "webhooks are not generated" not in notes  # sdk.webhooks (tests/test_webhooks.py)
    assert "webhooks/ping/post: no JSON request body" in corpus["webhooks_only"].stderr


def test_methods_keep_builtin_type_names(corpus: dict[str, Outcome]) -> None:
    """Issue 12: a method called `list` keeps its name; the class spells the types it shadows
    `builtins.list` / `builtins.dict` (the one mypy run type-checks the tree)."""
    outcome = corpus["methods_builtins"]
    assert outcome.code == 0, outcome.stderr
    text = (outcome.out / outcome.case.package / "resources" / "items.py").read_text()
    assert "    def list(\n" in text and "    def dict(\n" in text and "async def list(\n" in text
    assert "ids: builtins.list[str] | Unset = UNSET," in text
    assert ") -> builtins.dict[str, builtins.list[str]]:" in text
    assert 'kind: Literal["list"] | Unset = UNSET,' in text  # a string literal is never qualified


def test_dual_mode_overloads_type_each_mode(all_trees_mypy: MypyRun) -> None:
    """mypy --strict on user code asserting each mode's type (tests/corpus_support.py's
    overload probe over corpus spec stream_variants.yaml; its calls run in
    tests/runtime/test_client_stream_variants.py)."""
    roots = [r for r in all_trees_mypy.roots if (r / OVERLOAD_PROBE).is_dir()]
    assert len(roots) == 1
    problems = all_trees_mypy.errors_under(roots) + all_trees_mypy.unattributed()
    assert not problems, "\n".join(problems)[-3000:]


def test_corpus_trees_are_ruff_clean(corpus: dict[str, Outcome]) -> None:
    """Every corpus tree passes `ruff check` with its own configuration: among them the shapes the
    real-spec sweep found (realspec_regressions.yaml: an unused import of an unencodable body's
    model, a tab-indented description's docstring)."""
    trees = [str(o.out) for o in corpus.values() if o.code == 0]
    lint = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", *trees],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout[-4000:]
    # ruff's own default rules too (a user's ruff without configuration): one `Literal` per union
    # (PYI030), `__all__` in natural order (RUF022), `default_factory=list` (PIE807).
    isolated = ["--isolated", "--config", "target-version='py311'"]
    lint = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", *isolated, "--output-format", "concise", *trees],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout[-4000:]
    model = (
        corpus["realspec_regressions"].out
        / "c_realspec_regressions"
        / "models"
        / "components"
        / "filelink.py"
    )
    assert 'expires_at: Literal["now", ""] | int | None = None' in model.read_text(encoding="utf-8")


def test_realspec_shapes_keep_their_names(corpus: dict[str, Outcome]) -> None:
    """The resource class moves past the models its module imports; a model named after a runtime
    name the resource imports (`Call`) moves instead; an unencodable body takes the caller's bytes."""
    outcome = corpus["realspec_regressions"]
    package = outcome.out / outcome.case.package
    resource = (package / "resources" / "diagnostic_settings.py").read_text(encoding="utf-8")
    assert "class DiagnosticSettingsResourceResource:" in resource
    assert "from ..models.components.call2 import Call2\n" in resource
    root = (package / "resources" / "_root.py").read_text(encoding="utf-8")
    assert "request_body: BinaryContent | Unset = UNSET," in root and "UploadRequest" not in root
    # a required list with a list default: no `= []` (one list shared by every call)
    assert "addon_slugs: list[str],\n" in root and "tags: list[str],\n" in root
    assert (
        "mapping/attach: $ref file 'models/attach.yml' does not exist or is not a file; "
        "the value is not mapped" in outcome.stderr
    )


def test_realspec_shared_tag_is_matched_member_by_member(corpus: dict[str, Outcome]) -> None:
    """OpenAI's realtime items: a declared discriminator value naming two members (told apart by
    `role`) is noted and the union is plain; each payload still finds its member."""
    outcome = corpus["realspec_regressions"]
    assert "RealtimeItem/discriminator: type 'message' names more than one member" in outcome.stderr
    probe = (
        "from pydantic import TypeAdapter\n"
        f"from {outcome.case.package}.models.components.itemcreated import ItemCreated\n"
        "for item in ({'type': 'message', 'role': 'user'}, {'type': 'message', 'role': 'system'},"
        " {'type': 'function_call', 'name': 'f'}):\n"
        "    print(type(ItemCreated.model_validate({'item': item}).item).__name__)\n"
    )
    proc = subprocess.run([str(BIN / "python"), "-c", probe], capture_output=True, text=True, cwd=outcome.out)
    assert proc.stdout.split() == ["UserMessage", "SystemMessage", "FunctionCallItem"], proc.stderr
