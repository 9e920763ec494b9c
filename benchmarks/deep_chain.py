"""Depth benchmark (issue 11): a chain of inline object schemas N levels deep.

For each depth: `sdkgen generate` in-process (seconds), then in a fresh interpreter the
import of the top model's module (seconds, .pyc compiled first; model modules loaded), validating an N-deep
payload, and dumping it back (each: ok, or the exception it raised). Run by hand:

    .venv/bin/python benchmarks/deep_chain.py                  # 200, 500, 1000; appends to BENCHMARKS.md
    .venv/bin/python benchmarks/deep_chain.py --depths 200 --no-append
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from generator.cli import main as sdkgen  # noqa: E402

PACKAGE = "deep_sdk"

PROBE = r"""
import json, sys, time
depth = int(sys.argv[1])
t = time.perf_counter()
from deep_sdk.models.components.root import Root
out = {"import_s": time.perf_counter() - t,
       "modules": sum(m.startswith("deep_sdk.models.components.") for m in sys.modules)}
payload = {"leaf": "x"}
for i in range(depth):
    payload = {"v": i, "next": payload}
def outcome(step):
    try:
        return "ok" if step() else "wrong"
    except Exception as exc:
        return type(exc).__name__
t = time.perf_counter()
holder = {}
out["validate"] = outcome(lambda: holder.setdefault("m", Root.model_validate(payload)))
out["validate_s"] = time.perf_counter() - t
out["dump"] = outcome(lambda: holder["m"].model_dump(exclude_unset=True) == payload) if "m" in holder else "-"
print(json.dumps(out))
"""


def chain_spec(depth: int) -> str:
    """The spec as text: built flat, so no encoder recurses `depth` levels."""
    inner = '{"type": "object", "properties": {"leaf": {"type": "string"}}}'
    head = '{"type": "object", "properties": {"v": {"type": "integer"}, "next": '
    schema = head * depth + inner + "}}" * depth
    return (
        '{"openapi": "3.1.0", "info": {"title": "deep", "version": "1"}, "paths": {}, '
        f'"components": {{"schemas": {{"Root": {schema}}}}}}}'
    )


def measure(depth: int, tmp: Path) -> dict[str, object]:
    spec = tmp / f"deep{depth}.json"
    spec.write_text(chain_spec(depth), encoding="utf-8")
    out = tmp / f"out{depth}"
    start = time.perf_counter()
    code = sdkgen(["generate", str(spec), "--out", str(out), "--package", PACKAGE, "--quiet"])
    row: dict[str, object] = {"depth": depth, "generate_s": time.perf_counter() - start, "exit": code}
    compileall.compile_dir(out, quiet=1)  # as after `pip install`: imports do not compile
    env = dict(os.environ, PYTHONPATH=str(out))
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(depth)], capture_output=True, text=True, env=env, timeout=900
    )
    lines = proc.stdout.strip().splitlines()
    row.update(json.loads(lines[-1]) if proc.returncode == 0 and lines else {"crash": proc.returncode})
    return row


def table(rows: list[dict[str, object]]) -> str:
    head = "| depth | generate s | import s | model modules | validate | validate s | dump |\n"
    head += "|---:|---:|---:|---:|---|---:|---|\n"
    body = ""
    for r in rows:
        if "crash" in r:
            body += f"| {r['depth']} | {r['generate_s']:.2f} | crashed (exit {r['crash']}) | | | | |\n"
            continue
        body += (
            f"| {r['depth']} | {r['generate_s']:.2f} | {r['import_s']:.2f} | {r['modules']} | {r['validate']}"
            f" | {r['validate_s']:.3f} | {r['dump']} |\n"
        )
    return head + body


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--depths", type=int, nargs="+", default=[200, 500, 1000])
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(d, Path(tmp)) for d in args.depths]
    text = table(rows)
    print(text)
    if not args.no_append:
        load = os.getloadavg()[0]
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write(
                f"\n## Deep inline chains (benchmarks/deep_chain.py, {stamp}, load avg {load:.1f})\n\n{text}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
