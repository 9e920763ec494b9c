"""Shared pieces of the TypeScript target's tests: golden cases, settings, the node toolchain."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from generator.config import Settings, load_settings
from generator.targets import HEADER
from tests.helpers import GOLDEN, ROOT, golden_cases

TS_GOLDEN = ROOT / "tests" / "golden_ts"
TS_RUNTIME = ROOT / "templates" / "typescript" / "lib"
SPECS = Path(__file__).resolve().parent / "specs"
TOOLCHAIN = ROOT / "ts"
NODE_MODULES = TOOLCHAIN / "node_modules"
TSC = NODE_MODULES / "typescript" / "bin" / "tsc"
SEED_NAME = "chatcompletionscreatestreamresponsebody.md"
COMMITTED_SEED = ROOT / "tests" / "seed" / SEED_NAME
STREAM_PAGE = f"docs/models/operations/{SEED_NAME}"


def _main_checkout() -> Path:
    """The main checkout's root (a worktree shares its git folder), else this one."""
    proc = subprocess.run(
        ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    common = Path(proc.stdout.strip()) if proc.returncode == 0 else ROOT / ".git"
    return common.parent


def shared_seed() -> Path:
    """`../shared/seed/<page>` beside the repository (the main checkout's, from a worktree)."""
    for root in (ROOT, _main_checkout()):
        candidate = root.parent / "shared" / "seed" / SEED_NAME
        if candidate.is_file():
            return candidate
    return ROOT.parent / "shared" / "seed" / SEED_NAME


def ts_cases() -> list[str]:
    """The golden cases: the Python target's specs, rendered by the TypeScript target."""
    return golden_cases()


def ts_runtime_sources() -> dict[str, str]:
    """The runtime every TypeScript SDK ships: header + `templates/typescript/lib/<file>`, by path."""
    return {
        f"src/lib/{path.name}": f"// {HEADER}\n\n{path.read_bytes().decode('utf-8')}"
        for path in sorted(TS_RUNTIME.glob("*.ts"))
    }


def without_ts_runtime(files: dict[str, str]) -> dict[str, str]:
    """The output map minus the runtime: what a TypeScript golden tree commits."""
    runtime = ts_runtime_sources()
    return {path: text for path, text in files.items() if path not in runtime}


def ts_settings(case: str) -> Settings:
    """A golden case's settings: npm package `<case>-sdk`, tree under tests/golden_ts."""
    return Settings(
        spec=GOLDEN / case / "spec.yaml",
        out=TS_GOLDEN / case / "expected",
        package=f"{case}-sdk",
        target="typescript",
    )


def embedded_settings() -> Settings:
    """The embedded spec with `[tool.sdkgen.typescript]` (package atoma-sdk, out generated-ts)."""
    return load_settings(ROOT, "typescript")


def node() -> str:
    """The node executable (the tests need node 18+ and the toolchain in ts/)."""
    exe = shutil.which("node")
    assert exe is not None, "node is not installed"
    return exe


def node_json(script: Path, *args: str) -> Any:
    """Run a node scenario script with `args`; the JSON its last line of output prints."""
    proc = subprocess.run([node(), str(script), *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def ensure_toolchain() -> None:
    """Install ts/'s locked packages (typescript, zod) when they are missing."""
    if (NODE_MODULES / ".package-lock.json").is_file() and TSC.is_file():
        return
    npm = shutil.which("npm")
    assert npm is not None, "npm is not installed"
    subprocess.run(
        [npm, "ci", "--prefix", str(TOOLCHAIN), "--no-audit", "--no-fund"], check=True, timeout=600
    )


def link_node_modules(folder: Path) -> None:
    """Let code under `folder` import zod (node resolves packages upwards from each file)."""
    link = folder / "node_modules"
    if not link.exists():
        link.symlink_to(NODE_MODULES, target_is_directory=True)
