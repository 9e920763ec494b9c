"""The runtime's literal error table (shipped verbatim, so it cannot import the generator)
says what generator/statuses.py says: same classes, same statuses, same fallbacks."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator import statuses

ERRORS_PATH = Path(__file__).resolve().parents[1] / "templates" / "python" / "runtime" / "errors.py"
MODULE_NAME = "sdk_errors_under_test"


@pytest.fixture(scope="module")
def runtime() -> ModuleType:
    """templates/python/runtime/errors.py imported under a name of its own."""
    spec = importlib.util.spec_from_file_location(MODULE_NAME, ERRORS_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[MODULE_NAME]
    return module


def test_status_table_matches(runtime: ModuleType) -> None:
    table = [(str(status), cls.__name__) for status, cls in runtime.STATUS_ERRORS.items()]
    assert table == list(statuses.STATUS_ERRORS)


def test_exports_and_classes_match(runtime: ModuleType) -> None:
    assert runtime.__all__ == list(statuses.ERROR_CLASSES)
    defined = {
        name
        for name, obj in vars(runtime).items()
        if inspect.isclass(obj) and issubclass(obj, Exception) and obj.__module__ == MODULE_NAME
    }
    assert defined == set(statuses.ERROR_CLASSES)


def test_fallbacks_match(runtime: ModuleType) -> None:
    for status in range(400, 600):
        assert runtime.default_error_class(status).__name__ == statuses.error_class(str(status)), status
    assert statuses.error_class("5XX") == runtime.default_error_class(599).__name__
    assert statuses.error_class("4XX") == statuses.error_class("DEFAULT") == statuses.STATUS_ERROR


def test_status_classes_derive_from_the_status_error(runtime: ModuleType) -> None:
    base = getattr(runtime, statuses.STATUS_ERROR)
    for _, name in statuses.STATUS_ERRORS:
        assert issubclass(getattr(runtime, name), base)
    assert issubclass(getattr(runtime, statuses.SERVER_ERROR), base)
    assert not any(issubclass(getattr(runtime, name), base) for name in statuses.OTHER_ERRORS)
