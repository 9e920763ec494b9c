"""Every TypeScript tree the tests use, written under one folder and compiled by one tsc run:
the golden cases with their runtime from templates/typescript/lib, the committed generated-ts/,
and the hostile, wire, dual (with its type-level checks), read_write_only and webhooks specs' trees."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings
from tests.helpers import ROOT, render_spec
from tests.typescript.support import (
    SPECS,
    embedded_settings,
    ensure_toolchain,
    link_node_modules,
    ts_settings,
)
from tests.typescript.typecheck import typecheck

HOSTILE_PACKAGE = "@evil/hostile-sdk"
WIRE_PACKAGE = "wire-ts-sdk"
DUAL_PACKAGE = "dual-ts-sdk"
# Type-level checks of the dual-mode overloads, compiled inside the dual tree (one failing
# expectation fails the session's one tsc run).
DUAL_TYPES = SPECS / "dual_types.ts"
# Type-level checks of the wire tree's request bodies (binary and text).
WIRE_TYPES = SPECS / "wire_types.ts"
RW_PACKAGE = "rw-ts-sdk"
WEBHOOKS_PACKAGE = "wh-ts-sdk"
WEBHOOKS_SPEC = ROOT / "tests" / "corpus" / "webhooks_openai.yaml"
# Type-level checks of `sdk.webhooks` (the headers and bodies it takes, the event it resolves to).
WEBHOOKS_TYPES = SPECS / "webhooks_types.ts"


@dataclass
class TsBuild:
    """The trees (package -> folder under `work`) and the one tsc run over them."""

    work: Path
    trees: dict[str, Path]
    proc: subprocess.CompletedProcess[str]

    def dist(self, package: str) -> Path:
        """The compiled `src/` of one tree (holding `index.js`)."""
        assert self.proc.returncode == 0, (self.proc.stdout + self.proc.stderr)[-6000:]
        return self.work / "dist" / self.trees[package].relative_to(self.work) / "src"


def _write(files: dict[str, str], folder: Path) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def build_all(rendered: dict[str, dict[str, str]], work: Path) -> TsBuild:
    """Write every tree under `work` (golden cases from `rendered`, by case) and compile them."""
    ensure_toolchain()
    trees = {ts_settings(c).package: _write(files, work / "trees" / c) for c, files in rendered.items()}
    embedded = work / "trees" / "generated-ts"
    shutil.copytree(embedded_settings().out, embedded, ignore=shutil.ignore_patterns(".sdkgen-manifest.json"))
    trees["atoma-sdk"] = embedded
    for package, spec, folder in (
        (HOSTILE_PACKAGE, SPECS / "hostile.yaml", "hostile"),
        (WIRE_PACKAGE, SPECS / "wire.yaml", "wire-ts"),
        (DUAL_PACKAGE, SPECS / "dual.yaml", "dual-ts"),
        (RW_PACKAGE, SPECS / "read_write_only.yaml", "read-write-only"),
        (WEBHOOKS_PACKAGE, WEBHOOKS_SPEC, "webhooks"),
    ):
        settings = Settings(spec=spec, out=work / "unused", package=package, target="typescript")
        trees[package] = _write(render_spec(settings), work / "trees" / folder)
    shutil.copyfile(DUAL_TYPES, trees[DUAL_PACKAGE] / "src" / DUAL_TYPES.name)
    shutil.copyfile(WIRE_TYPES, trees[WIRE_PACKAGE] / "src" / WIRE_TYPES.name)
    shutil.copyfile(WEBHOOKS_TYPES, trees[WEBHOOKS_PACKAGE] / "src" / WEBHOOKS_TYPES.name)
    link_node_modules(work)
    return TsBuild(work, trees, typecheck(trees, work))
