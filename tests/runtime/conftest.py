"""Load the SSE runtime template as a module, straight from its file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

STREAMING_PATH = Path(__file__).resolve().parents[2] / "templates" / "python" / "runtime" / "_streaming.py"
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


@pytest.fixture(scope="session")
def sse() -> ModuleType:
    return load_streaming()
