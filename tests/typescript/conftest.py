"""Session fixtures of the TypeScript tests: every tree rendered once and compiled by one tsc run
(tests/typescript/build.py), whose JavaScript the node tests then run.

Every module using them carries `pytest.mark.xdist_group("ts")`: one worker builds once."""

from __future__ import annotations

import pytest

from tests.helpers import render_spec
from tests.typescript.build import TsBuild, build_all
from tests.typescript.support import ts_cases, ts_settings


@pytest.fixture(scope="session")
def ts_rendered() -> dict[str, dict[str, str]]:
    """Each golden case's whole output map (runtime included), rendered once."""
    return {case: render_spec(ts_settings(case)) for case in ts_cases()}


@pytest.fixture(scope="session")
def ts_build(ts_rendered: dict[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> TsBuild:
    """Every tree, type-checked with its docs examples and compiled to JavaScript, in one run."""
    return build_all(ts_rendered, tmp_path_factory.mktemp("ts-build"))
