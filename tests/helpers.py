"""Shared helpers for the test suite: render a spec in memory, run the CLI, import output."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

from generator.build import build_api
from generator.config import Settings
from generator.load import load_spec
from generator.targets import HEADER, get_target

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
RUNTIME = ROOT / "templates" / "python" / "runtime"
BIN = Path(sys.executable).parent


def golden_cases() -> list[str]:
    """Every folder under tests/golden holding a spec."""
    return sorted(p.parent.name for p in GOLDEN.glob("*/spec.yaml"))


def golden_settings(case: str) -> Settings:
    """The settings a golden case is generated with: package `<case>_sdk`."""
    return Settings(spec=GOLDEN / case / "spec.yaml", out=GOLDEN / case / "expected", package=f"{case}_sdk")


def render_spec(settings: Settings) -> dict[str, str]:
    """The in-memory output map for a spec."""
    api = build_api(load_spec(settings.spec, settings.overlays, settings.operation_names), settings)
    return get_target(settings.target, settings.templates).render(api).files


def runtime_sources(package: str) -> dict[str, str]:
    """The runtime modules every SDK ships: header + `templates/python/runtime/<file>`, by output path."""
    return {
        f"{package}/{path.name}": f"# {HEADER}\n{path.read_text(encoding='utf-8')}"
        for path in sorted(RUNTIME.glob("*.py"))
    }


def without_runtime(files: dict[str, str], package: str) -> dict[str, str]:
    """The output map minus the runtime modules: what a golden tree commits."""
    runtime = runtime_sources(package)
    return {path: text for path, text in files.items() if path not in runtime}


def run_python(
    code: str, *paths: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter with `paths` first on sys.path."""
    full_env = dict(os.environ, **(env or {}))
    full_env["PYTHONPATH"] = os.pathsep.join(str(p) for p in paths)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=full_env, timeout=timeout
    )


def sdkgen(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `sdkgen` console script."""
    exe = BIN / "sdkgen"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "generator"]
    return subprocess.run(
        [*cmd, *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=dict(os.environ, **(env or {})),
        timeout=300,
    )


def assert_clean_error(code: int, stderr: str, *fragments: str) -> str:
    """Exit 2 and exactly one `sdkgen: error:` line on stderr (no traceback) holding every fragment."""
    assert code == 2, f"expected exit 2, got {code}: {stderr[-2000:]}"
    assert "Traceback" not in stderr, stderr[-4000:]
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr[-4000:]
    line = lines[0]
    assert line.startswith("sdkgen: error: "), line
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    return line


def examples(local: int) -> int:
    """A property test's number of examples: `local`, or a third of it (at least 10) under the
    "ci" hypothesis profile that tests/conftest.py loads when CI=true."""
    return max(10, local // 3) if settings.get_current_profile_name() == "ci" else local


def sdkgen_here(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI's entry point (what the `sdkgen` script runs) called in-process from `cwd` (the
    project root by default), as a finished process: the cheap twin of `sdkgen` when the
    console script itself is not the subject."""
    from tests.corpus_support import run_here  # noqa: PLC0415 - corpus_support imports the CLI

    with contextlib.chdir(cwd or ROOT):
        code, stdout, stderr = run_here(*args)
    return subprocess.CompletedProcess(["sdkgen", *args], code, stdout, stderr)


def shared_path(*parts: str) -> Path:
    """`shared/<parts>` beside the clone (CI lays shared/ there); from a git worktree, beside the
    nearest enclosing folder that has it. `../shared/<parts>` when none has it."""
    for folder in ROOT.parents:
        if (folder / "shared" / Path(*parts)).exists():
            return folder / "shared" / Path(*parts)
    return ROOT.parent / "shared" / Path(*parts)
