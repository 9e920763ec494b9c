"""A/B of `sdkgen generate` and `check`: this tree against another checkout (e.g. main), with
the YAML floor, interleaved run by run on each spec; prints medians (wall and CPU) as a table.

    .venv/bin/python benchmarks/ab_generate.py --base /work/main --runs 5 SPEC...

Each tool is its own process under `/usr/bin/time` (wall, user + sys CPU of the process and
the children it waited for: ruff, the forked docs worker; peak RSS of the largest one).
The base runs as `PYTHONPATH=BASE python -m generator` with this venv, with whatever caches it
has (filled by a first run). "new cold" runs with `SDKGEN_NO_CACHE=1` (no compiled templates,
no ruff results cached: a fresh CI machine); "new warm" with a cache folder that an earlier run
of the same spec filled (a user regenerating, or checking what they generated). The first run
of each spec also checks that base and new write identical trees.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = (
    "import sys, yaml\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "yaml.load(text, Loader=yaml.CSafeLoader)\n"
)
VARIANTS = ("base", "new cold", "new warm")


def timed(cmd: list[str], env: dict[str, str], cwd: str) -> dict[str, float]:
    """wall, cpu (user + sys, waited-for children included) and rss_mb of one process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        proc = subprocess.run(
            ["/usr/bin/time", "-o", tf.name, "-f", "%e %U %S %M", *cmd],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
        )
        fields = tf.read().split()[-4:]
    if proc.returncode not in (0,):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    wall, user, system, rss = (float(x) for x in fields)
    return {"wall": wall, "cpu": user + system, "rss_mb": rss / 1024}


def sdkgen(variant: str, command: str, spec: Path, out: Path, base: Path, cache: Path) -> dict[str, float]:
    """One `generate` (into a fresh folder) or `check` (of the tree generate left)."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "SDKGEN_PARALLEL", "SDKGEN_NO_CACHE", "SDKGEN_CACHE_DIR"):
        env.pop(name, None)
    if variant == "base":
        env["PYTHONPATH"] = str(base)
        env["SDKGEN_CACHE_DIR"] = f"{cache}-base"
    elif variant == "new cold":
        env["SDKGEN_NO_CACHE"] = "1"
    else:
        env["SDKGEN_CACHE_DIR"] = str(cache)
    if command == "generate":
        shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "generator", command, str(spec), "--out", str(out)]
    cmd += ["--package", "bench_sdk", "--sdk-class", "BenchSdk", "--quiet"]
    # cwd outside both trees: `python -m` puts the cwd first on sys.path.
    return timed(cmd, env, tempfile.gettempdir())


def same_tree(a: Path, b: Path) -> bool:
    """Whether two trees hold the same files with the same bytes."""
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in cmp.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="+", type=lambda p: Path(p).resolve())
    parser.add_argument("--base", type=Path, required=True, help="checkout to compare against")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--log", type=Path, help="append every sample here as JSON lines")
    args = parser.parse_args()
    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="sdkgen-ab-", dir=ROOT / "benchmarks") as tmp:
        work = Path(tmp)
        for spec in args.specs:
            rows = results.setdefault(spec.name, {})
            cache = work / f"cache-{spec.stem}"
            # Fill the caches once, outside the samples.
            sdkgen("new warm", "generate", spec, work / "warmup", args.base, cache)
            sdkgen("base", "generate", spec, work / "warmup", args.base, cache)
            for run in range(args.runs):
                samples = {"floor": timed([sys.executable, "-c", FLOOR, str(spec)], dict(os.environ), tmp)}
                for variant in VARIANTS:
                    out = work / variant.replace(" ", "-")
                    samples[f"{variant} generate"] = sdkgen(variant, "generate", spec, out, args.base, cache)
                    samples[f"{variant} check"] = sdkgen(variant, "check", spec, out, args.base, cache)
                if run == 0:
                    for variant in VARIANTS[1:]:
                        out = work / variant.replace(" ", "-")
                        if not same_tree(work / "base", out):
                            raise SystemExit(f"{spec.name}: {variant} output differs from base")
                for name, sample in samples.items():
                    rows.setdefault(name, []).append(sample)
                    record = {"spec": spec.name, "run": run, "tool": name, **sample}
                    if args.log:
                        with args.log.open("a") as log:
                            log.write(json.dumps(record) + "\n")
                load = os.getloadavg()[0]
                done = f"{spec.name} run {run + 1}/{args.runs} done, load {load:.2f}"
                print(done, file=sys.stderr, flush=True)
    print(table(results))


def table(results: dict[str, dict[str, list[dict[str, float]]]]) -> str:
    """Markdown: medians of wall and CPU per tool, and the ratios the issue asks for."""

    def med(rows: dict[str, list[dict[str, float]]], tool: str, key: str) -> float:
        return statistics.median(s[key] for s in rows[tool])

    lines = [
        "| spec | variant | floor wall / cpu s | generate wall / cpu s | check wall / cpu s "
        "| gen/floor wall / cpu | check/gen wall / cpu | RSS MB gen / check |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for spec, rows in results.items():
        fw, fc = med(rows, "floor", "wall"), med(rows, "floor", "cpu")
        for variant in VARIANTS:
            gw, gc = med(rows, f"{variant} generate", "wall"), med(rows, f"{variant} generate", "cpu")
            cw, cc = med(rows, f"{variant} check", "wall"), med(rows, f"{variant} check", "cpu")
            gr, cr = med(rows, f"{variant} generate", "rss_mb"), med(rows, f"{variant} check", "rss_mb")
            lines.append(
                f"| {spec} | {variant} | {fw:.2f} / {fc:.2f} | {gw:.2f} / {gc:.2f} | {cw:.2f} / {cc:.2f} "
                f"| {gw / fw:.2f} / {gc / fc:.2f} | {cw / gw:.2f} / {cc / gc:.2f} | {gr:.0f} / {cr:.0f} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
