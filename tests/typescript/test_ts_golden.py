"""TypeScript golden trees: each golden spec renders exactly its committed tree under tests/golden_ts
(runtime left out: every case is checked once to ship templates/typescript/lib verbatim),
generated-ts/ is the embedded spec's tree, output is deterministic, and every tree (with the
hostile and wire specs') passes `tsc --strict` together with every TypeScript example in its docs.
Refresh with `make golden`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator import emit
from generator.config import Settings
from tests.helpers import ROOT, render_spec
from tests.typescript.build import TsBuild
from tests.typescript.support import (
    SPECS,
    TS_RUNTIME,
    embedded_settings,
    ts_cases,
    ts_runtime_sources,
    ts_settings,
    without_ts_runtime,
)

HOSTILE = SPECS / "hostile.yaml"
pytestmark = pytest.mark.xdist_group("ts")


@pytest.mark.parametrize("case", ts_cases())
def test_golden_tree_matches(case: str, ts_rendered: dict[str, dict[str, str]]) -> None:
    settings = ts_settings(case)
    report = emit.check(without_ts_runtime(ts_rendered[case]), settings.out)
    assert report.clean, (
        f"{case}: run `make golden` and review: changed={report.changed} "
        f"missing={report.missing} extra={report.extra}\n" + "\n".join(report.diffs)[:4000]
    )


def test_every_case_ships_the_templates_runtime(ts_rendered: dict[str, dict[str, str]]) -> None:
    expected = ts_runtime_sources()
    assert {f"src/lib/{p.name}" for p in TS_RUNTIME.glob("*.ts")} == expected.keys()
    assert {"src/lib/http.ts", "src/lib/schemas.ts", "src/lib/sse.ts", "src/lib/stream.ts"} <= expected.keys()
    for case, files in ts_rendered.items():
        for path, text in expected.items():
            assert files.get(path) == text, f"{case}: {path} is not header + templates/typescript/lib/"
        committed = ts_settings(case).out / "src" / "lib"
        assert not committed.exists(), f"{case}: the golden tree must not commit the runtime"
    embedded = embedded_settings().out
    for path, text in expected.items():
        assert (embedded / path).read_bytes() == text.encode("utf-8"), path


def test_committed_tree_of_the_embedded_spec_is_current() -> None:
    settings = embedded_settings()
    report = emit.check(render_spec(settings), settings.out)
    assert report.clean, f"changed={report.changed} missing={report.missing} extra={report.extra}"


def test_every_tree_and_docs_example_passes_tsc_strict(ts_build: TsBuild) -> None:
    proc = ts_build.proc
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-6000:]
    examples = list((ts_build.work / "examples").rglob("*.ts"))
    assert len(examples) > 100  # every model page, resource page and README block is in
    assert (ts_build.dist("atoma-sdk") / "index.js").is_file()


_DIGEST = """
import hashlib, sys
from generator.config import load_settings
from pathlib import Path
from tests.helpers import render_spec
from tests.typescript.support import ts_settings
h = hashlib.sha256()
for s in (load_settings(Path('.'), 'typescript'), ts_settings('unions'), ts_settings('names')):
    for path, text in sorted(render_spec(s).items()):
        h.update(path.encode() + b"\\0" + text.encode() + b"\\0")
print(h.hexdigest())
"""


def test_output_is_byte_identical_across_hash_seeds() -> None:
    digests = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-c", _DIGEST], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        digests.add(proc.stdout.strip())
    assert len(digests) == 1


def test_hostile_text_cannot_escape_literals_or_comments() -> None:
    files = render_spec(
        Settings(spec=HOSTILE, out=ROOT / "unused", package="hostile-sdk", target="typescript")
    )
    source = "\n".join(t for p, t in files.items() if p.endswith(".ts"))
    assert "\u2028" not in source and "\u2029" not in source
    # `</` is escaped in every literal; inside doc comments it is inert text.
    raw = [ln for ln in source.split("\n") if "</script>" in ln]
    assert raw and all(ln.lstrip().startswith("*") for ln in raw), raw
    weird = files["src/models/components/weird.ts"]
    assert '["__proto__"]: z.string(),' in weird
    assert "export type Weird = {" in weird and "fooBar2" in weird
    assert "/* nested *\\/ comment *\\/ end" in weird  # escaped: the comment cannot end early
    assert '"line\\u2028sep"' in files["src/models/components/mode.ts"]
    renamed = files["src/models/components/errormodel.ts"]
    assert "export type ErrorModel = {" in renamed
