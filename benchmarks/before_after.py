"""Before/after benchmark: this tree against a git revision, on the 1,000-schema synthetic spec.

The revision's sources come from `git archive` (nothing in the repository changes). Each run
is a whole `python -m generator generate` process; before and after alternate run by run so
machine load hits both alike. Reported: median CPU (user + sys of the process and its ruff
children) and wall time, then for each output the median wall time of `import NAME` and of
`from NAME.models.components import X` in fresh interpreters (CPU time; .pyc compiled first).

    .venv/bin/python benchmarks/before_after.py main             # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/before_after.py main --runs 3 --no-append
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import io
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_spec  # noqa: E402

PACKAGE = "bench_sdk"
# CPU time of the import statement: on a shared machine, wall time mostly measures the load.
PROBE = "import sys, time; t = time.process_time(); exec(sys.argv[1]); print(time.process_time() - t)"


def checkout(rev: str, into: Path) -> Path:
    """The revision's tree under `into` (via `git archive`)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def generate(tree: Path, spec: Path, out: Path) -> tuple[float, float]:
    """(CPU s, wall s) of one generate process run from `tree`'s sources."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "generator", "generate", str(spec), "--out", str(out)]
    cmd += ["--package", PACKAGE, "-q"]
    subprocess.run(cmd, cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)), check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def import_time(out: Path, stmt: str, runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(out))
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", PROBE, stmt], env=env, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rev", help="the revision to compare against, e.g. main")
    parser.add_argument("--schemas", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        spec = synth_spec.write_spec(args.schemas, work=tmp)
        trees = {"before": checkout(args.rev, tmp / "before"), "after": ROOT}
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
        for _ in range(args.runs):
            for key, tree in trees.items():
                runs[key].append(generate(tree, spec, tmp / f"out-{key}"))
        rows = []
        for key in trees:
            out = tmp / f"out-{key}"
            compileall.compile_dir(out, quiet=1)
            model = next(
                p.stem
                for p in sorted((out / PACKAGE / "models" / "components").glob("*.py"))
                if p.stem[0] != "_"
            )
            imp = import_time(out, f"import {PACKAGE}", args.runs)
            one = import_time(out, f"import {PACKAGE}.models.components.{model}", args.runs)
            cpu = statistics.median(c for c, _ in runs[key])
            wall = statistics.median(w for _, w in runs[key])
            rows.append(f"| {key} | {cpu:.2f} | {wall:.2f} | {imp:.3f} | {one:.3f} |")
    head = "| tree | generate CPU s | generate wall s | `import NAME` CPU s | one model module CPU s |\n"
    head += "|---|---:|---:|---:|---:|"
    text = head + "\n" + "\n".join(rows) + "\n"
    print(text)
    if not args.no_append:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        title = f"Before/after {args.rev} (benchmarks/before_after.py, {args.schemas} schemas, {stamp})"
        load = f"load avg {os.getloadavg()[0]:.1f}"
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {title}\n\nMedians of {args.runs} runs; machine shared, {load}.\n\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
