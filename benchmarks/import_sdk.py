"""Import benchmark: the SDK generated from the 1,000-schema synthetic spec.

Measures, each in a fresh interpreter (median of several runs, .pyc files compiled first
as after `pip install`): a bare interpreter, `import NAME`, `from NAME.models.components
import X` for one model, constructing the client, and, for scale, touching every model.
Wall time of the import statement (perf_counter inside the process), peak RSS
(ru_maxrss) and its delta vs the bare interpreter, tracemalloc peak (separate run), how
many of the SDK's model modules were loaded, and the heaviest imports by `-X importtime`.
Run by hand:

    .venv/bin/python benchmarks/import_sdk.py            # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/import_sdk.py --no-append
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_spec  # noqa: E402
from generate import machine, versions  # noqa: E402

BIN = Path(sys.executable).parent
PACKAGE = "bench_sdk"
TARGET_S, TARGET_MB = 0.2, 60.0
SLOW_S = 5.0

PROBE = r"""
import json, resource, sys, time
mode, pkg, stmt = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "tracemalloc":
    import tracemalloc
    tracemalloc.start()
before = set(sys.modules)
t = time.perf_counter()
exec(stmt)
took = time.perf_counter() - t
peak = tracemalloc.get_traced_memory()[1] if mode == "tracemalloc" else 0
new = [m for m in set(sys.modules) - before]
models = [m for m in new if m.startswith(pkg + ".models.") and not m.endswith("__init__")
          and m.count(".") >= 3]
print(json.dumps({"s": took, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "traced": peak, "modules": len(new), "model_modules": len(models),
                  "pkg_modules": sorted(m for m in new if m.startswith(pkg))[:50]}))
"""


def probe(out: Path, stmt: str, mode: str = "plain") -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, mode, PACKAGE, stmt], cwd=out, env=env, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"probe failed for {stmt!r}:\n{proc.stderr}")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def importtime(out: Path, stmt: str, top: int = 12) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the heaviest imports under `stmt`."""
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", stmt], cwd=out, env=env, capture_output=True, text=True
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = (p.strip() for p in line[len("import time:") :].split("|"))
        rows.append((int(self_us), int(cum_us), name))
    rows.sort(key=lambda r: -r[1])
    return rows[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()

    spec = synth_spec.WORK / f"synth-{args.schemas}.yaml"
    if not spec.exists():
        synth_spec.write_spec(args.schemas)
    out = synth_spec.WORK / f"import-sdk-{args.schemas}"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(
        [
            str(BIN / "sdkgen"),
            "generate",
            str(spec),
            "--out",
            str(out),
            "--package",
            PACKAGE,
            "--sdk-class",
            "BenchSdk",
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
    )
    compileall.compile_dir(str(out / PACKAGE), quiet=1)
    components = out / PACKAGE / "models" / "components"
    # A model with many dependencies shows what one import really pulls in.
    model = max(
        (p for p in components.glob("*.py") if p.name != "__init__.py"),
        key=lambda p: (p.read_text(encoding="utf-8").count("\nfrom ."), p.name),
    )
    cls = next(
        line.split("class ", 1)[1].split("(")[0]
        for line in model.read_text().splitlines()
        if line.startswith("class ")
    )
    n_models = sum(1 for p in components.glob("*.py") if p.name != "__init__.py")
    cases = [
        ("bare interpreter", "pass"),
        (f"import {PACKAGE}", f"import {PACKAGE}"),
        (f"from {PACKAGE}.models.components import {cls}", f"from {PACKAGE}.models.components import {cls}"),
        (f"import {PACKAGE}; client constructed", f"import {PACKAGE}; {PACKAGE}.BenchSdk(bearer_auth='x')"),
        (
            f"all {n_models} component models (for scale)",
            f"import {PACKAGE}.models.components as c; [getattr(c, n) for n in c.__all__]",
        ),
    ]
    rows = []
    base_rss = None
    details: dict[str, dict[str, object]] = {}
    for label, stmt in cases:
        samples = [probe(out, stmt)]
        slow = float(samples[0]["s"]) > SLOW_S  # type: ignore[arg-type]
        # A pathological import is not repeated (nor re-run under tracemalloc): one run says enough.
        samples += [probe(out, stmt) for _ in range(0 if slow else args.runs - 1)]
        traced = {"traced": float("nan")} if slow else probe(out, stmt, "tracemalloc")
        secs = statistics.median(float(s["s"]) for s in samples)  # type: ignore[arg-type]
        rss = statistics.median(float(s["maxrss_kb"]) for s in samples) / 1024  # type: ignore[arg-type]
        if base_rss is None:
            base_rss = rss
        details[label] = samples[0]
        rows.append(
            (
                label,
                secs,
                rss,
                rss - base_rss,
                float(traced["traced"]) / 2**20,  # type: ignore[arg-type]
                samples[0]["modules"],
                samples[0]["model_modules"],
            )
        )
        print(f"{label}: {secs * 1000:.1f} ms, {rss:.1f} MB", file=sys.stderr)

    start = dt.datetime.now(dt.UTC)
    lines = [
        f"## SDK import (benchmarks/import_sdk.py), {start:%Y-%m-%d %H:%M} UTC",
        "",
        f"Command: `{' '.join(['python benchmarks/import_sdk.py', *sys.argv[1:]])}`  ",
        f"Machine: {machine()}  ",
        f"Versions: {versions()}  ",
        f"SDK generated from `synth-{args.schemas}.yaml` ({n_models} component model modules), .pyc "
        f"compiled; each row a fresh interpreter, median of {args.runs}. Time: the statement alone "
        "(perf_counter). RSS: ru_maxrss of the process; delta vs the bare interpreter. tracemalloc: "
        "peak Python allocations during the statement (nan: a statement slower than "
        f"{SLOW_S:.0f} s runs once, without tracemalloc). Targets: `import {PACKAGE}` < {TARGET_S} s "
        f"and < {TARGET_MB:.0f} MB.",
        "",
        "| statement | time ms | peak RSS MB | RSS delta MB | tracemalloc peak MB | modules loaded | "
        "model modules loaded |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, secs, rss, delta, traced_mb, mods, model_mods in rows:
        lines.append(
            f"| `{label}` | {secs * 1000:.1f} | {rss:.1f} | {delta:.1f} | {traced_mb:.1f} | "
            f"{mods} | {model_mods} |"
        )
    imp = rows[1]
    verdict_t = "met" if imp[1] < TARGET_S else f"NOT met ({imp[1] / TARGET_S:.1f}× the target)"
    verdict_m = "met" if imp[3] < TARGET_MB else f"NOT met ({imp[3]:.0f} MB)"
    lines += [
        "",
        f"`import {PACKAGE}`: time target {verdict_t}; memory target (RSS delta) {verdict_m}; "
        f"{imp[6]} of {n_models} model modules loaded eagerly.",
        "",
        f"Heaviest imports under `import {PACKAGE}` (`-X importtime`, cumulative µs):",
        "",
    ]
    for self_us, cum_us, name in importtime(out, f"import {PACKAGE}"):
        lines.append(f"- `{name.strip()}`: {cum_us} µs cumulative ({self_us} self)")
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        bench = ROOT / "BENCHMARKS.md"
        existing = bench.read_text(encoding="utf-8") if bench.exists() else ""
        with bench.open("a", encoding="utf-8") as fh:
            fh.write(
                ("# Benchmarks\n" if not existing else "" if existing.endswith("\n") else "\n")
                + "\n"
                + text
                + "\n"
            )
        print("appended to BENCHMARKS.md", file=sys.stderr)


if __name__ == "__main__":
    main()
