"""Contract tests on the real specs of ../shared/specs (Mistral, Together) and on spec/ (the
committed generated/ SDK): every operation called through the generated SDK, sync and async,
against `sdkgen mock`, which refuses any request the spec does not allow; each result must have
the method's declared type (the same calls and checks as tests/test_contract.py)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import mock
from generator.build import build_api
from generator.config import Settings
from generator.load import load_spec
from tests.helpers import ROOT, golden_cases, golden_settings
from tests.shared_sdks import shared_sdk_tree
from tests.test_contract import _exercise

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),  # deprecated operations are called too
]

# Calls (operation x offered request media type) that pass, each made sync and async.
EXERCISED = {"mistral": 173, "together": 99, "atoma": 3}
# The golden cases with operations (the others describe models only).
EXERCISED.update(calls=5, nested=6, paging=10, retries=3, streams=3, wire=21)


def _run(name: str, spec: Path, out: Path, package: str) -> None:
    api = build_api(load_spec(spec, (), ()), replace(Settings(), spec=spec, package=package))
    sys.path.insert(0, str(out))
    try:
        with mock.running(api) as url:
            count, failures = _exercise(SimpleNamespace(case=SimpleNamespace(package=package)), url, api)  # type: ignore[arg-type]
    finally:
        sys.path.remove(str(out))
    print(f"\ncontract {name}: {count} operation x media type calls, each sync and async")
    assert not failures, "\n".join(failures)
    assert count == EXERCISED.get(name, 0), count


@pytest.mark.parametrize("name", ["together", "mistral"])
def test_every_real_spec_operation_round_trips_through_the_sdk(
    name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    spec, out, package = shared_sdk_tree(name, tmp_path_factory)
    _run(name, spec, out, package)


def test_every_embedded_spec_operation_round_trips_through_the_committed_sdk() -> None:
    _run("atoma", ROOT / "spec" / "openapi.yaml", ROOT / "generated", "atoma_sdk")


@pytest.mark.parametrize("case", golden_cases())
def test_every_golden_spec_operation_round_trips_through_its_sdk(case: str, golden_trees: Path) -> None:
    settings = golden_settings(case)
    _run(case, settings.spec, golden_trees / case, settings.package)
