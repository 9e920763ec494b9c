"""SDKs generated from the real specs in ../shared/specs, once per test session.

Several test modules, on either xdist worker, use the generated Mistral or Together SDK, and
rendering one takes seconds. The first to ask renders it into the session's shared temporary
folder (under a file lock, so the workers never render it twice or read it half written);
the others reuse that tree. Package `<name>_sdk`, client class `<Name>`.
"""

from __future__ import annotations

import fcntl
import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator import emit
from generator.config import Settings
from tests.helpers import render_spec, shared_path

SPECS = {"mistral": "mistral-openapi.yaml", "together": "together-openapi.yaml"}


def shared_sdk_tree(name: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(spec, output folder, package) of the SDK generated from shared spec `name`."""
    spec = shared_path("specs", SPECS[name])
    if not spec.exists():
        pytest.skip("../shared/specs is not here")
    # The parent of a worker's base temp folder is shared by every worker of the session;
    # without workers (-n 0) the base folder is the session's own (its parent holds every
    # session on the machine, other checkouts' included: an SDK there may be stale).
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-sdks"
    root.mkdir(exist_ok=True)
    out, package = root / name, f"{name}_sdk"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / ".complete").exists():
            settings = Settings(spec=spec, out=out, package=package, sdk_class=name.capitalize())
            emit.generate(render_spec(settings), out, force=True)
            (out / ".complete").touch()
    return spec, out, package


def shared_sdk(name: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The shared SDK imported, for a fixture to yield; its folder leaves sys.path after."""
    _, out, package = shared_sdk_tree(name, tmp_path_factory)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
