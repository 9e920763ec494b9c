"""Import benchmark for a spec without tags (Stripe's shape): resources from paths vs one module.

Writes a synthetic untagged spec of N operations (default 470, Stripe's count) over
collections and sub-collections (`/v1/<c>/{id}/<sub>`), each with its own response model,
generates the SDK twice, as sdkgen does now (resources from the paths) and with every
operation on the client (what sdkgen made before: one giant module; `FLAT_LIMIT` raised),
and times in fresh interpreters (.pyc compiled, median of --runs): `import NAME`, and the
first call (client, one resource, one request to a local server). Run by hand:

    .venv/bin/python benchmarks/tagless_import.py            # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/tagless_import.py --no-append
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
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import machine, versions  # noqa: E402

from generator import operations  # noqa: E402
from generator.config import Settings  # noqa: E402
from tests.helpers import render_spec  # noqa: E402

WORK = ROOT / "benchmarks" / "work"
PACKAGE = "tagless_sdk"
FIELDS = ("id", "object", "created", "livemode", "description", "metadata", "status", "amount")


def _param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def spec(n: int) -> dict[str, Any]:
    """`n` or a few more untagged operations: 5 per collection, 4 per sub-collection."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    fields = {f: {"type": "integer" if f in ("created", "amount") else "string"} for f in FIELDS}
    c = 0
    while sum(len(item) for item in paths.values()) < n:
        name = f"collection{c}"
        for base, sub, outer in (
            (f"/v1/{name}", "", []),
            (f"/v1/{name}/{{id}}/items", "Item", [_param("id")]),
        ):
            model = f"Collection{c}{sub}"
            schemas[model] = {"type": "object", "required": ["id"], "properties": fields}
            ref = {"$ref": f"#/components/schemas/{model}"}
            ok = {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}}
            inner = [*outer, _param("one")]
            paths[base] = {
                "get": {"operationId": f"List{model}", "parameters": outer, "responses": ok},
                "post": {"operationId": f"Create{model}", "parameters": outer, "responses": ok},
            }
            paths[base + "/{one}"] = {
                "get": {"operationId": f"Retrieve{model}", "parameters": inner, "responses": ok},
                "delete": {"operationId": f"Delete{model}", "parameters": inner, "responses": ok},
            }
            if not sub:
                paths[base + "/search"] = {"get": {"operationId": f"Search{model}", "responses": ok}}
        c += 1
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tagless", "version": "1"},
        "servers": [{"url": "http://localhost"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def emit(spec_path: Path, out: Path, flat: bool) -> None:
    """Generate the SDK into `out`; `flat`: every operation on the client, as before."""
    limit = operations.FLAT_LIMIT
    operations.FLAT_LIMIT = 10**9 if flat else limit
    try:
        files = render_spec(Settings(spec=spec_path, out=out, package=PACKAGE, sdk_class="Tagless"))
    finally:
        operations.FLAT_LIMIT = limit
    shutil.rmtree(out, ignore_errors=True)
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    compileall.compile_dir(str(out / PACKAGE), quiet=1)


PROBE = r"""
import json, sys, time
t = time.perf_counter()
exec(sys.argv[1])
print(json.dumps({"s": time.perf_counter() - t}))
"""


def probe(out: Path, stmt: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, stmt], cwd=out, env=env, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"probe failed for {stmt!r}:\n{proc.stderr[-2000:]}")
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["s"])


class _Ok(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        data = json.dumps({"id": "x"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--operations", type=int, default=470)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    spec_path = WORK / f"tagless-{args.operations}.yaml"
    spec_path.write_text(yaml.safe_dump(spec(args.operations), sort_keys=False), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    for label, flat, call in (
        ("resources from paths", False, "sdk.collection_0.list_collection_0()"),
        ("one module (before)", True, "sdk.list_collection_0()"),
    ):
        out = WORK / f"tagless-{'flat' if flat else 'paths'}"
        emit(spec_path, out, flat)
        modules = len(list((out / PACKAGE / "resources").glob("*.py"))) - 1
        imp = [probe(out, f"import {PACKAGE}") for _ in range(args.runs)]
        first = [
            probe(out, f"import {PACKAGE}; sdk = {PACKAGE}.Tagless(server_url={url!r}); {call}")
            for _ in range(args.runs)
        ]
        rows.append((label, modules, statistics.median(imp), statistics.median(first)))
    server.shutdown()
    floor = statistics.median(probe(WORK, "import httpx, pydantic") for _ in range(args.runs))
    (_, _, imp_new, first_new), (_, _, imp_old, first_old) = rows
    lines = [
        f"## Tagless SDK import (benchmarks/tagless_import.py), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Command: `python benchmarks/tagless_import.py --operations {args.operations} --runs {args.runs}`  ",
        f"Machine: {machine()}  ",
        f"Versions: {versions()}  ",
        f"Synthetic untagged spec, {args.operations} operations (Stripe's count) over collections and",
        "sub-collections; .pyc compiled; fresh interpreter per sample; medians. First call: import, client,",
        "one resource, one GET to a local server. Targets: import < 0.5 s, first call < 1 s.",
        "",
        "| layout | resource modules | import s | first call s |",
        "|---|---|---|---|",
        *[f"| {label} | {mods} | {imp:.3f} | {first:.3f} |" for label, mods, imp, first in rows],
        "",
        f"- floor: `import httpx, pydantic` alone takes {floor:.3f} s in the same run",
        f"- import: paths / one module = {imp_new / imp_old:.2f}; first call: {first_new / first_old:.2f}",
        f"- import above the floor: paths {imp_new - floor:.3f} s, one module {imp_old - floor:.3f} s",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)


if __name__ == "__main__":
    main()
