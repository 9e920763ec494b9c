"""Load the SSE runtime template as a module, straight from its file; give the golden `streams` and
`wire` packages (committed without their runtime modules) those modules from the templates."""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
STREAMING_PATH = ROOT / "templates" / "python" / "runtime" / "_streaming.py"
MODULE_NAME = "sdk_streaming_under_test"


def load_streaming() -> ModuleType:
    """Import templates/python/runtime/_streaming.py under a name of its own (once)."""
    if MODULE_NAME in sys.modules:
        return sys.modules[MODULE_NAME]
    spec = importlib.util.spec_from_file_location(MODULE_NAME, STREAMING_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module
    spec.loader.exec_module(module)
    return module


def import_golden_package(case: str) -> ModuleType:
    """`<case>_sdk` from tests/golden/<case>/expected, its runtime modules from a scratch folder.

    The package's search path is the committed folder, then a scratch copy of the runtime
    modules exactly as generated (header + template), so every module the golden tree holds
    is the committed one and `__file__` stays in tests/golden.
    """
    from tests.helpers import runtime_sources  # noqa: PLC0415 - needs the project root on sys.path

    package = f"{case}_sdk"
    if package in sys.modules:
        return sys.modules[package]
    committed = ROOT / "tests" / "golden" / case / "expected"
    scratch = Path(tempfile.mkdtemp(prefix=f"golden-runtime-{case}-"))
    atexit.register(shutil.rmtree, scratch, True)
    for rel, text in runtime_sources(package).items():
        (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
        (scratch / rel).write_text(text, encoding="utf-8")
    if str(committed) not in sys.path:
        sys.path.insert(0, str(committed))
    spec = importlib.util.spec_from_file_location(
        package,
        committed / package / "__init__.py",
        submodule_search_locations=[str(committed / package), str(scratch / package)],
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    spec.loader.exec_module(module)
    return module


# test_client_event_union.py imports `streams_sdk` from the golden tree at collection.
import_golden_package("streams")
# test_client_wire.py imports `wire_sdk` likewise.
import_golden_package("wire")


@pytest.fixture(scope="session")
def sse() -> ModuleType:
    return load_streaming()
