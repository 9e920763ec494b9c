"""Run many small Python scripts in one interpreter, each with its own verdict.

Starting an interpreter and importing pydantic costs more than most docs examples do, so a
batch runs one after another in a single process: each script gets fresh globals, its own
captured stdout and its own traceback (a failing prelude fails every script). A script the
batch never finished (the process died or hung) is run again alone, so a failure is always
reported against the script that caused it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RUNNER = r"""
import contextlib, io, json, os, runpy, sys, traceback
jobs, results = sys.argv[1], sys.argv[2]
try:
    exec(compile(os.environ.get("BATCH_PRELUDE", ""), "<prelude>", "exec"), {"__name__": "__prelude__"})
    broken = ""
except BaseException:
    broken = "the prelude failed, so no script ran:\n" + traceback.format_exc()
with open(jobs, encoding="utf-8") as f:
    scripts = json.load(f)
with open(results, "a", encoding="utf-8") as out:
    for name, path in scripts:
        stdout = io.StringIO()
        error = broken
        try:
            if broken:
                continue
            with contextlib.redirect_stdout(stdout):
                runpy.run_path(path, run_name="__main__")
        except SystemExit as exc:
            if exc.code not in (0, None):
                error = f"SystemExit({exc.code!r})"
        except BaseException:
            error = traceback.format_exc()
        finally:
            out.write(json.dumps({"name": name, "stdout": stdout.getvalue(), "error": error}) + "\n")
            out.flush()
"""


@dataclass
class Result:
    """One script's verdict: what it printed and its traceback ('' when it ran to the end)."""

    stdout: str
    error: str


def run_batch(
    scripts: list[tuple[str, str]],
    folder: Path,
    paths: list[Path],
    env: dict[str, str] | None = None,
    prelude: str = "",
    timeout: float = 300,
    alone_timeout: float = 60,
) -> dict[str, Result]:
    """Run each (name, code) in one interpreter with `paths` on PYTHONPATH; verdicts by name."""
    folder.mkdir(parents=True, exist_ok=True)
    jobs = []
    for n, (name, code) in enumerate(scripts):
        path = folder / f"script_{n}.py"
        path.write_text(code, encoding="utf-8")
        jobs.append((name, str(path)))
    full_env = dict(os.environ, **(env or {}))
    full_env["PYTHONPATH"] = os.pathsep.join(str(p) for p in paths)
    full_env["BATCH_PRELUDE"] = prelude
    results: dict[str, Result] = {}
    pending = jobs
    while pending:
        done, _ = _run(pending, folder, full_env, timeout)
        results.update(done)
        pending = [job for job in pending if job[0] not in results]
        if pending:
            # The batch stopped early: the first unfinished script was running when it did.
            # Its verdict comes from a run alone; the others go on in a new batch.
            (name, path), pending = pending[0], pending[1:]
            alone, crash = _run([(name, path)], folder, full_env, alone_timeout)
            results[name] = alone.get(name) or Result("", f"the interpreter died running it ({crash})")
    return results


def _run(
    jobs: list[tuple[str, str]], folder: Path, env: dict[str, str], timeout: float
) -> tuple[dict[str, Result], str]:
    """One interpreter over `jobs`: the verdicts it wrote, and how it ended if it died."""
    run = len(list(folder.glob("jobs_*.json")))
    spec, out = folder / f"jobs_{run}.json", folder / f"results_{run}.jsonl"
    spec.write_text(json.dumps(jobs), encoding="utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, "-c", RUNNER, str(spec), str(out)],
            capture_output=True,
            text=True,
            env=env,
            cwd=folder,
            timeout=timeout,
        )
        ending = f"exit {proc.returncode}: {proc.stderr[-3000:]}"
    except subprocess.TimeoutExpired:
        ending = f"timed out after {timeout} s"
    return _read(out), ending


def _read(path: Path) -> dict[str, Result]:
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:  # a line cut short by a crash
            continue
        found[row["name"]] = Result(row["stdout"], row["error"])
    return found
