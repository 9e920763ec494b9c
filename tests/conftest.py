"""Session-wide setup: the hypothesis profile, compiled templates shared by in-process renders,
and fixtures built once per session (per xdist worker): the golden trees rendered with their
runtime, the corpus generated, imported and type-checked together with every other tree."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import pytest
from hypothesis import HealthCheck, settings

from generator.targets import templating
from tests.corpus_support import (
    MypyRun,
    Outcome,
    generate_corpus,
    import_many,
    missing_name_probe,
    mypy_strict,
    overload_probe,
)
from tests.helpers import ROOT, golden_cases, golden_settings, render_spec

if TYPE_CHECKING:
    from tests.test_diff_groundtruth import GroundTruth

# -- hypothesis ----------------------------------------------------------------------------------
# Local runs keep each property test's own budget; under CI=true the "ci" profile is loaded,
# which prints a reproduction blob on failure and makes `helpers.examples` scale budgets down.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")


# -- xdist ---------------------------------------------------------------------------------------


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the CPUs. Many tests wait (on a local server, a node or
    mypy child, a retry's timeout); a third worker on 2 cores filled that time: the whole suite
    from a fresh clone took 168 s instead of 189 s (BENCHMARKS.md, "Test suite")."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cpus + 1


GROUPS_IGNORED = (
    "pytest-xdist ignored this test's xdist_group mark (its node id has no @<group> suffix), so "
    "every worker would build the group's costly fixtures again: check the pytest / pytest-xdist "
    "versions pinned in pyproject.toml"
)


TWO_GROUPS = (
    "this test carries two xdist_group marks (e.g. its module's and its own): pytest-xdist joins "
    "them into a group of their own, so another worker builds both groups' costly fixtures "
    "again; give it one group (move it to the module of the group whose fixtures it uses)"
)


_UNTAGGED: set[str] = set()
_TWO_GROUPS: set[str] = set()
# The longest single tests (measured): scheduled first, so none of them is the last to finish.
# Only the order changes; a name that no longer exists is simply not matched.
LONG_FIRST = (
    "tests/test_corpus.py::",  # the corpus group: generation, imports and the one mypy run
    "tests/typescript/test_ts_golden.py::test_every_tree_and_docs_example_passes_tsc_strict",
    "tests/test_hostile.py::test_5mb_description_is_bounded",
    "tests/test_fuzz.py::",
    "tests/test_overlay.py::test_overlay_on_the_real_mistral_spec",
    "tests/test_lint_generator.py::test_generator_passes_mypy_strict",
    "tests/runtime/test_sse_property.py::",
    "tests/test_packaging.py::test_wheel_ships_templates_and_runs_from_another_folder",
    "tests/typescript/test_ts_determinism.py::test_output_is_byte_identical_across_hash_seeds",
)


@pytest.hookimpl(trylast=True)  # after pytest-xdist has tagged the grouped tests
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the longest single tests first (the same order in every xdist worker); under
    `--dist loadgroup`, note the grouped tests that xdist did not tag: they fail."""
    rank = {prefix: n for n, prefix in enumerate(LONG_FIRST)}

    def key(item: pytest.Item) -> int:
        return next((n for prefix, n in rank.items() if item.nodeid.startswith(prefix)), len(rank))

    items.sort(key=key)
    if os.environ.get("PYTEST_XDIST_WORKER") and getattr(config.option, "loadgroup", False):
        grouped = [i.nodeid for i in items if i.get_closest_marker("xdist_group")]
        _UNTAGGED.update(nodeid for nodeid in grouped if "@" not in nodeid)
    _TWO_GROUPS.update(i.nodeid for i in items if len(list(i.iter_markers("xdist_group"))) > 1)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.nodeid in _UNTAGGED:
        pytest.fail(GROUPS_IGNORED)
    if item.nodeid in _TWO_GROUPS:
        pytest.fail(TWO_GROUPS)


# -- templates -------------------------------------------------------------------------------------


class _SharedTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the session.

    Every `sdkgen generate` run in-process (fuzz, corpus, regeneration) builds a new Jinja
    environment and would compile every template again: two thirds of a small spec's
    generation time. Jinja checks each template's source checksum, so output is unchanged.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _SharedTemplates()
_env_init = templating.Env.__init__


def _env_init_sharing_templates(self: templating.Env, *args: object, **kwargs: object) -> None:
    _env_init(self, *args, **kwargs)  # type: ignore[arg-type]
    jinja = getattr(self, "jinja", None)
    if isinstance(jinja, jinja2.Environment):
        jinja.bytecode_cache = _TEMPLATES


templating.Env.__init__ = _env_init_sharing_templates  # type: ignore[method-assign]


# -- golden trees ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def golden_files() -> dict[str, dict[str, str]]:
    """Every golden case rendered in memory, runtime modules included (once per session)."""
    return {case: render_spec(golden_settings(case)) for case in golden_cases()}


@pytest.fixture(scope="session")
def golden_trees(golden_files: dict[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full golden trees (the committed ones leave the runtime out) under `<root>/<case>/`."""
    root = tmp_path_factory.mktemp("golden-trees")
    for case, files in golden_files.items():
        for rel, text in files.items():
            path = root / case / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


# -- corpus --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict[str, Outcome]:
    """Every corpus spec (and the large one) generated twice, once per session; prints timings."""
    outcomes = generate_corpus(tmp_path_factory.mktemp("corpus"))
    lines = [f"  {o.case.name:<28} {o.seconds * 1000:8.0f} ms  exit {o.code}" for o in outcomes.values()]
    text = "\ncorpus generation times (templates compiled once per session):\n" + "\n".join(lines)
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(text, file=sys.stderr)
    else:
        print(text, file=sys.stderr)
    return outcomes


@pytest.fixture(scope="session")
def diff_truth(tmp_path_factory: pytest.TempPathFactory) -> GroundTruth:
    """Every pair of tests/test_diff_groundtruth.py generated and diffed, once per session; its
    usage programs are type-checked in the one mypy run below."""
    from tests.test_diff_groundtruth import GroundTruth  # noqa: PLC0415 - the pairs live there

    return GroundTruth(tmp_path_factory.mktemp("diff-truth"))


@pytest.fixture(scope="session")
def corpus_checks(
    corpus: dict[str, Outcome],
    golden_trees: Path,
    diff_truth: GroundTruth,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[CorpusChecks]:
    """The import run and the mypy run, started together: both are child processes, so they
    overlap on the two cores instead of one waiting for the other. The mypy run also checks
    the diff ground truth's programs: one mypy start and one analysis of pydantic and httpx
    instead of two (7 s of CPU)."""
    outs = [(o.out, o.case.package) for o in corpus.values() if o.code == 0]
    trees = [*outs, *[(golden_trees / case, f"{case}_sdk") for case in golden_cases()]]
    trees.append((ROOT / "generated", "atoma_sdk"))
    trees.append(missing_name_probe(tmp_path_factory.mktemp("mypy-probe")))
    trees.append(overload_probe(tmp_path_factory.mktemp("mypy-overloads")))
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield CorpusChecks(
            imports=pool.submit(
                import_many, outs, tmp_path_factory.mktemp("corpus-imports") / "results.jsonl"
            ),
            mypy=pool.submit(
                mypy_strict,
                trees,
                tmp_path_factory.mktemp("mypy"),
                folders=[(diff_truth.folder, diff_truth.mypy_args())],
            ),
        )


@dataclass
class CorpusChecks:
    imports: Future[dict[str, str | None]]
    mypy: Future[MypyRun]


@pytest.fixture(scope="session")
def corpus_imports(corpus_checks: CorpusChecks) -> dict[str, str | None]:
    """Every generated corpus package imported in one interpreter: package -> failures or None."""
    return corpus_checks.imports.result()


@pytest.fixture(scope="session")
def all_trees_mypy(corpus_checks: CorpusChecks) -> MypyRun:
    """One `mypy --strict` run over the corpus outputs, the golden trees, generated/ and the diff
    ground truth's SDKs and usage programs."""
    return corpus_checks.mypy.result()
