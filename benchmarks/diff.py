"""`sdkgen diff` of two versions of a large spec vs one `sdkgen generate` (issue 13 §5).

The new version is the synthetic spec with deterministic edits: a property removed from
every tenth object, one added to every seventh, descriptions reworded, one operation
dropped. Both commands run as whole processes, interleaved run by run; the table quotes
medians and the ratio diff / generate (the target is under 2x). Run by hand:

    .venv/bin/python benchmarks/diff.py                     # 1,000 and 3,000 schemas, 3 runs
    .venv/bin/python benchmarks/diff.py --scales 100 --runs 1
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_spec  # noqa: E402

BIN = Path(sys.executable).parent
WORK = ROOT / "benchmarks" / "work"


def edited(spec: dict[str, Any]) -> dict[str, Any]:
    """The next version of `spec`: removals, additions and docs changes spread across it."""
    objects = [s for s in spec["components"]["schemas"].values() if s.get("properties")]
    for i, schema in enumerate(objects):
        props = schema["properties"]
        if i % 10 == 0 and len(props) > 1:
            props.pop(next(reversed(props)))
        if i % 7 == 0:
            props["added_in_v2"] = {"type": "string", "description": "New in v2."}
        if i % 5 == 0:
            schema["description"] = f"Reworded in v2. {schema.get('description', '')}"
    spec["paths"].pop(next(iter(spec["paths"])))
    return spec


def specs(n: int) -> tuple[Path, Path]:
    """The synthetic spec of `n` schemas and its edited version."""
    old = synth_spec.write_spec(n)
    new = WORK / f"synth-{n}-v2.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    spec = yaml.load(old.read_text(encoding="utf-8"), Loader=loader)
    new.write_text(yaml.dump(edited(spec), Dumper=dumper, sort_keys=False, width=100), encoding="utf-8")
    return old, new


def timed(cmd: list[str]) -> tuple[float, str]:
    """Wall time of one process, and its stdout."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=WORK)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.strip()}")
    return took, done.stdout


def bench(n: int, runs: int) -> tuple[float, float, dict[str, int]]:
    """Median seconds of generate (fresh output folder) and diff, and the diff's counts."""
    old, new = specs(n)
    sdkgen = str(BIN / "sdkgen")
    out = WORK / f"diff-bench-{n}"
    gen_times, diff_times, counts = [], [], {}
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        gen_times.append(
            timed([sdkgen, "generate", str(old), "--out", str(out), "--package", "synth", "-q"])[0]
        )
        took, text = timed([sdkgen, "diff", str(old), str(new), "--package", "synth", "--format", "json"])
        diff_times.append(took)
        counts = json.loads(text)["counts"]
    shutil.rmtree(out, ignore_errors=True)
    return statistics.median(gen_times), statistics.median(diff_times), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| schemas | generate (s) | diff (s) | diff / generate | breaking / feature / fix |")
    print("|---:|---:|---:|---:|---|")
    for n in args.scales:
        gen, diff, counts = bench(n, args.runs)
        found = " / ".join(str(counts[k]) for k in ("breaking", "feature", "fix"))
        print(f"| {n:,} | {gen:.2f} | {diff:.2f} | {diff / gen:.2f}x | {found} |", flush=True)


if __name__ == "__main__":
    main()
