"""CPU of each generation phase (load, build_api, the Python target's render), this tree against
a git revision, on any specs (issue 15 §1).

Each run is a fresh process that loads, builds and renders in memory (no files written) and
reports `time.process_time()` per phase: the parent's CPU only (ruff runs in children, and is
cached). Before and after alternate run by run so machine load hits both alike; the table
gives medians and minimums (the least disturbed run) of each phase.

    .venv/bin/python benchmarks/phases.py main spec/openapi.yaml benchmarks/work/synth-1000.yaml
    .venv/bin/python benchmarks/phases.py main SPEC... --runs 9 --no-append
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from before_after import checkout  # noqa: E402

PHASES = ("load", "build", "render")
# Run in the tree under test (its sources first on the path); prints {phase: CPU seconds}.
CHILD = """
import json, sys, time
from dataclasses import replace
from pathlib import Path
sys.setrecursionlimit(10_000)
from generator.build import build_api
from generator.cli import get_target
from generator.config import load_settings
from generator.load import load_spec
settings = replace(load_settings(Path.cwd(), None), spec=Path(sys.argv[1]), package="bench_sdk")
target = get_target("python", None)
t0 = time.process_time()
spec = load_spec(settings.spec, settings.overlays, settings.operation_names)
t1 = time.process_time()
api = build_api(spec, settings)
t2 = time.process_time()
target.render(api)
t3 = time.process_time()
print(json.dumps({"load": t1 - t0, "build": t2 - t1, "render": t3 - t2}))
"""


def phases(tree: Path, spec: Path) -> dict[str, float]:
    """CPU seconds per phase of one fresh process running `tree`'s sources."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(spec)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rev", help="the revision to compare against, e.g. main")
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    specs = [s.resolve() for s in args.specs]
    results: dict[tuple[str, str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"before": checkout(args.rev, Path(tmp) / "before"), "after": ROOT}
        for run in range(args.runs):
            for spec in specs:
                order = list(trees.items())
                for key, tree in order if run % 2 == 0 else order[::-1]:
                    for phase, seconds in phases(tree, spec).items():
                        results.setdefault((spec.name, phase, key), []).append(seconds)
    rows = ["| spec | phase | before median s | after median s | after/before | before min s | after min s |"]
    rows.append("|---|---|---:|---:|---:|---:|---:|")
    for spec in specs:
        for phase in PHASES:
            before, after = results[(spec.name, phase, "before")], results[(spec.name, phase, "after")]
            b, a = statistics.median(before), statistics.median(after)
            lows = f"{min(before):.3f} | {min(after):.3f}"
            rows.append(f"| {spec.name} | {phase} | {b:.3f} | {a:.3f} | {a / b:.2f} | {lows} |")
    text = "\n".join(rows) + "\n"
    print(text)
    if not args.no_append:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        load = f"load avg {os.getloadavg()[0]:.1f}"
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write(f"\n## Phases vs {args.rev} (benchmarks/phases.py, {stamp})\n\n")
            fh.write(
                f"In-process CPU per phase, {args.runs} interleaved runs; machine shared, {load}.\n\n{text}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
