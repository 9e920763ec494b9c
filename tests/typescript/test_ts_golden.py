"""TypeScript golden trees: each golden spec renders exactly its committed tree under tests/golden_ts
(runtime left out: every case is checked once to ship templates/typescript/lib verbatim),
generated-ts/ is the embedded spec's tree, and every tree (with the hostile and wire specs')
passes `tsc --strict` together with every TypeScript example in its docs.
Refresh with `make golden`."""

from __future__ import annotations

import pytest

from generator import emit
from tests.helpers import render_spec
from tests.typescript.build import TsBuild
from tests.typescript.support import (
    TS_RUNTIME,
    embedded_settings,
    ts_cases,
    ts_runtime_sources,
    ts_settings,
    without_ts_runtime,
)

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
