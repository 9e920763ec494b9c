"""Generation time per target (issue 14 §6): `sdkgen generate --target python`, `--target
typescript`, and both targets (the two runs a two-target project makes), against the YAML floor.

Each run is its own process; the measure is its CPU time (user + sys of the process and its
children, ruff included), which machine load disturbs far less than wall time. Runs are
interleaved target by target; the table quotes medians. Run by hand:

    .venv/bin/python benchmarks/targets.py              # spec/, synth-1000, the shared Mistral spec
    .venv/bin/python benchmarks/targets.py --runs 5 --specs spec/openapi.yaml
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_spec  # noqa: E402

BIN = Path(sys.executable).parent
FLOOR = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


def cpu_of(cmd: list[str]) -> float:
    """CPU seconds (user + sys) of `cmd` and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def generate(spec: Path, target: str, out: Path) -> list[str]:
    package = "bench-sdk" if target == "typescript" else "bench_sdk"
    return [
        str(BIN / "sdkgen"),
        "generate",
        str(spec),
        "--target",
        target,
        "--out",
        str(out),
        "--package",
        package,
    ]


def measure(spec: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds per column for one spec."""
    samples: dict[str, list[float]] = {"floor": [], "python": [], "typescript": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            samples["floor"].append(cpu_of([sys.executable, "-c", FLOOR, str(spec)]))
            for target in ("python", "typescript"):
                samples[target].append(cpu_of(generate(spec, target, Path(tmp) / f"{target}{n}")))
    medians = {k: statistics.median(v) for k, v in samples.items()}
    medians["both"] = medians["python"] + medians["typescript"]
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--specs", nargs="*", type=Path)
    args = parser.parse_args()
    specs = args.specs or [
        ROOT / "spec" / "openapi.yaml",
        synth_spec.write_spec(1000),
        ROOT.parent / "shared" / "specs" / "mistral-openapi.yaml",
    ]
    print("| spec | floor s | python s | typescript s | both s | ts / python | both / python |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for spec in specs:
        if not spec.exists():
            continue
        m = measure(spec, args.runs)
        print(
            f"| {spec.name} | {m['floor']:.2f} | {m['python']:.2f} | {m['typescript']:.2f} | {m['both']:.2f} "
            f"| {m['typescript'] / m['python']:.2f} | {m['both'] / m['python']:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
