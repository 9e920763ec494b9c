"""Peak memory of large bodies through the generated SDK vs bare httpx (issue 10 §8).

    .venv/bin/python benchmarks/wire_memory.py              # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/wire_memory.py --mib 20 --no-append   # a quick smoke run

A local server (starlette + uvicorn, a child process on 127.0.0.1) counts uploaded bytes as
they stream in and serves downloads in 64 KiB chunks, so its memory is not the client's.
Each case runs in a fresh Python process: it imports its client and makes a small warm-up
call of the same kind, then reads `ru_maxrss` before and after the big call; the figure is
the growth of the process's peak RSS. The SDK is the wire golden spec's, generated into
benchmarks/work/. Target: under +20 MiB for a 100 MiB multipart upload and a 100 MiB
binary download.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import resource
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "work" / "wire_memory"
TARGET_MIB = 20
CASES = {
    "multipart upload (Path)": ("sdk-multipart", "sdk-multipart-async", "httpx-multipart"),
    "binary body upload (Path)": ("sdk-binary", "sdk-binary-async", "httpx-binary"),
    "binary download (write_to_file)": ("sdk-download", "sdk-download-async", "httpx-download"),
}
# The control: the same upload given as bytes read whole, and a download read whole; it shows
# the measurement sees a body held in memory.
CONTROL = ("sdk-multipart-bytes", "sdk-download-read")


def serve(port: int) -> None:
    """The server: uploads counted as they arrive, downloads generated chunk by chunk."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    async def count(request: Request) -> Response:
        n = 0
        async for chunk in request.stream():
            n += len(chunk)
        return JSONResponse({"body": str(n), "content_type": request.headers.get("content-type", "")})

    async def chunks(size: int) -> AsyncIterator[bytes]:
        block = bytes(range(256)) * 256  # 64 KiB, not UTF-8
        while size > 0:
            yield block[:size]
            size -= len(block)

    async def download(request: Request) -> Response:
        size = int(request.path_params["name"])
        return StreamingResponse(
            chunks(size), media_type="application/octet-stream", headers={"Content-Length": str(size)}
        )

    app = Starlette(
        routes=[
            Route("/wire/files", count, methods=["POST"]),
            Route("/wire/blobs/{name}", count, methods=["PUT"]),
            Route("/wire/blobs/{name}", download, methods=["GET"]),
        ]
    )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case: str, url: str, path: Path, size: int) -> None:
    """One case in this (fresh) process: warm up small, then measure the big call."""
    import httpx

    sys.path.insert(0, str(WORK))
    import wire_sdk

    small = path.with_suffix(".small")
    out = path.with_suffix(".out")

    def sdk_call(file: Path, n: int) -> int:
        with wire_sdk.WireSdk(server_url=url + "/wire", api_key="k", timeout=120) as sdk:
            if case == "sdk-multipart":
                return int(sdk.files.upload_file(file=file, purpose="batch").body)
            if case == "sdk-multipart-bytes":
                return int(sdk.files.upload_file(file=file.read_bytes(), purpose="batch").body)
            if case == "sdk-download-read":
                return len(sdk.blobs.get_blob(name=str(n)).read())
            if case == "sdk-binary":
                return int(sdk.blobs.put_blob(name="x", request_body=file).body)
            sdk.blobs.get_blob(name=str(n)).write_to_file(out)
            return out.stat().st_size

    async def sdk_async(file: Path, n: int) -> int:
        async with wire_sdk.AsyncWireSdk(server_url=url + "/wire", api_key="k", timeout=120) as sdk:
            if case == "sdk-multipart-async":
                return int((await sdk.files.upload_file(file=file, purpose="batch")).body)
            if case == "sdk-binary-async":
                return int((await sdk.blobs.put_blob(name="x", request_body=file)).body)
            await (await sdk.blobs.get_blob(name=str(n))).write_to_file(out)
            return out.stat().st_size

    def bare(file: Path, n: int) -> int:
        with httpx.Client(timeout=120) as client:
            if case == "httpx-multipart":
                with open(file, "rb") as fh:
                    answer = client.post(
                        url + "/wire/files", files={"file": (file.name, fh)}, data={"purpose": "batch"}
                    )
                return int(answer.json()["body"])
            if case == "httpx-binary":
                with open(file, "rb") as fh:
                    return int(client.put(url + "/wire/blobs/x", content=fh).json()["body"])
            with client.stream("GET", f"{url}/wire/blobs/{n}") as response, open(out, "wb") as fh:
                for chunk in response.iter_bytes():
                    fh.write(chunk)
            return out.stat().st_size

    def call(file: Path, n: int) -> int:
        if case.startswith("httpx"):
            return bare(file, n)
        if case.endswith("-async"):
            return asyncio.run(sdk_async(file, n))
        return sdk_call(file, n)

    call(small, 1 << 20)
    before = peak_mib()
    start = time.perf_counter()
    got = call(path, size)
    seconds = time.perf_counter() - start
    # an upload's count includes the multipart framing: at least the file itself must arrive
    assert got >= size if "multipart" in case else got == size, (case, got, size)
    print(f"{peak_mib() - before:.1f} {before:.1f} {seconds:.2f}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(size: int) -> Path:
    """The SDK under benchmarks/work, and the files to upload."""
    sys.path.insert(0, str(ROOT))
    from generator import emit
    from tests.helpers import golden_settings, render_spec

    settings = golden_settings("wire")
    emit.generate(render_spec(settings), WORK, force=True)
    big = WORK / "upload.bin"
    block = bytes(range(256)) * 4096
    if not big.exists() or big.stat().st_size != size:
        with open(big, "wb") as fh:
            for _ in range(size // len(block)):
                fh.write(block)
            fh.write(block[: size % len(block)])
    big.with_suffix(".small").write_bytes(block[: 1 << 20])
    return big


def measure(mib: int) -> list[tuple[str, list[tuple[float, float, float]]]]:
    size = mib << 20
    big = prepare(size)
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        rows = []
        for label, cases in [*CASES.items(), ("control: held in memory", CONTROL)]:
            results = []
            for case in cases:
                cmd = [sys.executable, __file__, "--case", case, "--url", f"http://127.0.0.1:{port}"]
                cmd += ["--file", str(big), "--size", str(size)]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=600).stdout
                growth, base, secs = (float(x) for x in out.split())
                results.append((growth, base, secs))
                print(f"{case}: +{growth:.1f} MiB (from {base:.1f}), {secs:.2f} s", file=sys.stderr)
            rows.append((label, results))
        return rows
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(mib: int, rows: list[tuple[str, list[Any]]]) -> str:
    import httpx

    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    lines = [
        f"## Large bodies, peak memory (benchmarks/wire_memory.py), {now}",
        "",
        f"Command: `python benchmarks/wire_memory.py --mib {mib}`  ",
        f"Machine: {platform.machine()}, nproc {os.cpu_count()}, load avg {load:.2f}  ",
        f"Versions: Python {platform.python_version()}, httpx {httpx.__version__}  ",
        f"Growth of peak RSS (MiB) of a fresh process over one {mib} MiB call, after a 1 MiB warm-up call of",
        "the same kind; the server is another process. Baseline peak RSS and wall seconds in brackets.",
        "",
        "| case | SDK sync | SDK async | bare httpx | SDK sync / httpx |",
        "|---|---|---|---|---|",
    ]
    worst = 0.0
    *cases, (_, control) = rows
    for label, ((s, sb, ss), (a, ab, as_), (h, hb, hs)) in cases:
        worst = max(worst, s, a)
        ratio = f"{s / h:.2f}" if h > 0.5 else "—"
        lines.append(
            f"| {label} | +{s:.1f} ({sb:.0f}, {ss:.1f} s) | +{a:.1f} ({ab:.0f}, {as_:.1f} s) | "
            f"+{h:.1f} ({hb:.0f}, {hs:.1f} s) | {ratio} |"
        )
    (u, ub, us), (d, db, ds) = control
    lines += [
        "",
        "Control (the same calls holding the body whole): multipart from `bytes` "
        f"+{u:.1f} ({ub:.0f}, {us:.1f} s), download by `read()` +{d:.1f} ({db:.0f}, {ds:.1f} s):",
        "the measurement sees a body held in memory.",
    ]
    verdict = "met" if worst < TARGET_MIB else "NOT met"
    lines += [
        "",
        f"Target (issue 10 §8): under +{TARGET_MIB} MiB for every SDK case: {verdict} (worst +{worst:.1f}).",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mib", type=int, default=100, help="size of the big body (MiB)")
    parser.add_argument("--no-append", action="store_true", help="print only; leave BENCHMARKS.md")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.case:
        run_case(args.case, args.url, Path(args.file), args.size)
        return
    text = report(args.mib, measure(args.mib))
    print(text)
    if not args.no_append:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + text + "\n")
        print("appended to BENCHMARKS.md", file=sys.stderr)


if __name__ == "__main__":
    main()
