"""JSON call overhead per request: the generated client against a bare `httpx` call (issue 10 §8).

One chat completion (the embedded spec's `chat_completions_create`: a JSON body in, a
`ChatCompletionResponse` out), the same request bytes and the same canned answer for all:
- `httpx` bare: `client.post(..., json=payload)` then `response.json()`;
- `httpx` + pydantic: the same, then `ChatCompletionResponse.model_validate_json` (the typed
  value the SDK returns);
- the generated `AtomaSdk` (sync), and the `openai` package when installed, on the same
  `httpx.Client` settings.
Two transports: a real local server (uvicorn in a child process, over TCP, keep-alive) and
`httpx.MockTransport` (no I/O: the pure client-side cost, the worst case for the ratio).
Per request: the client process's CPU time (the server runs in another process, so this is
the client-side cost, steadier under machine load) and wall time; medians of batches
interleaved client by client. Run by hand:

    .venv/bin/python benchmarks/calls.py            # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/calls.py --no-append --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "generated"))
sys.path.insert(1, str(ROOT / "benchmarks"))
sys.path.insert(2, str(ROOT / "tests" / "runtime"))

from atoma_sdk import AtomaSdk  # noqa: E402
from atoma_sdk.models.components import ChatCompletionResponse  # noqa: E402
from conftest_client import completion  # noqa: E402
from sse import machine, versions  # noqa: E402

TARGET = 1.3
TOKEN = "bench-token"
MESSAGES = [{"role": "user", "content": "Say hi"}]
ANSWER = json.dumps(completion()).encode()  # the runtime tests' canned completion
PAYLOAD = {"model": "m", "messages": MESSAGES}
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}


def serve(port: int) -> None:
    """The child process: a Starlette app answering the canned completion."""
    import uvicorn  # noqa: PLC0415 - only the child needs it
    from starlette.applications import Starlette  # noqa: PLC0415
    from starlette.requests import Request  # noqa: PLC0415
    from starlette.responses import Response  # noqa: PLC0415
    from starlette.routing import Route  # noqa: PLC0415

    async def chat(request: Request) -> Response:
        await request.body()
        return Response(ANSWER, media_type="application/json")

    app = Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _mock(request: httpx.Request) -> httpx.Response:
    request.read()
    return httpx.Response(200, content=ANSWER, headers={"content-type": "application/json"})


def clients(base: str, transport: httpx.BaseTransport | None) -> dict[str, Callable[[], str]]:
    """One call per client, each returning the completion's id (checked equal)."""

    def http() -> httpx.Client:
        return httpx.Client(transport=transport) if transport else httpx.Client()

    bare = http()
    sdk = AtomaSdk(server_url=base, bearer_auth=TOKEN, retries=0, http_client=http())
    url = f"{base}/v1/chat/completions"

    def bare_json() -> str:
        return str(bare.post(url, json=PAYLOAD, headers=HEADERS).json()["id"])

    def bare_typed() -> str:
        response = bare.post(url, json=PAYLOAD, headers=HEADERS)
        return ChatCompletionResponse.model_validate_json(response.content).id

    def generated() -> str:
        return sdk.chat.chat_completions_create(model="m", messages=MESSAGES).id

    out = {"httpx bare": bare_json, "httpx + pydantic": bare_typed, "generated SDK": generated}
    try:
        import openai  # noqa: PLC0415 - an optional peer

        peer = openai.OpenAI(api_key=TOKEN, base_url=f"{base}/v1", max_retries=0, http_client=http())

        def openai_call() -> str:
            return peer.chat.completions.create(model="m", messages=MESSAGES).id  # type: ignore[arg-type]

        out["openai"] = openai_call
    except ImportError:
        pass
    return out


def measure(calls: dict[str, Callable[[], str]], n: int, runs: int) -> dict[str, tuple[float, float]]:
    """(CPU, wall) median microseconds per call; clients interleaved in batches of `n`."""
    ids = {name: call() for name, call in calls.items()}  # warm up: connections, validators
    assert len(set(ids.values())) == 1, ids
    cpu: dict[str, list[float]] = {name: [] for name in calls}
    wall: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(runs):
        for name, call in calls.items():
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            for _ in range(n):
                call()
            cpu[name].append((time.process_time() - start_cpu) / n * 1e6)
            wall[name].append((time.perf_counter() - start_wall) / n * 1e6)
    return {name: (statistics.median(cpu[name]), statistics.median(wall[name])) for name in calls}


def table(results: dict[str, dict[str, tuple[float, float]]]) -> str:
    rows = [
        "| transport | client | CPU µs per call | × httpx bare | × httpx + pydantic | wall µs per call |",
        "|---|---|---|---|---|---|",
    ]
    for transport, per in results.items():
        bare, typed = per["httpx bare"][0], per["httpx + pydantic"][0]
        for name, (us, wall_us) in per.items():
            rows.append(
                f"| {transport} | {name} | {us:.0f} | {us / bare:.2f} | {us / typed:.2f} | {wall_us:.0f} |"
            )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="calls per batch over the server")
    parser.add_argument("--runs", type=int, default=40, help="batches per client (median)")
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    port = _free_port()
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.post(f"{base}/v1/chat/completions", json=PAYLOAD)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        results: dict[str, Any] = {
            "local server": measure(clients(base, None), args.requests, args.runs),
            "MockTransport": measure(
                clients("http://bench.local", httpx.MockTransport(_mock)), args.requests * 4, args.runs
            ),
        }
    finally:
        child.terminate()
        child.wait(timeout=10)
    text = table(results)
    print(text)
    for transport, per in results.items():
        ratio = per["generated SDK"][0] / per["httpx bare"][0]
        print(f"generated SDK / httpx bare, CPU, {transport}: {ratio:.2f} (target ≤ {TARGET})")
    if not args.no_append:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        argv = " ".join(sys.argv[1:])
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write(
                f"\n## JSON call overhead (benchmarks/calls.py), {stamp}\n\n"
                f"Command: `python benchmarks/calls.py {argv}`  \nMachine: {machine()}  \n"
                f"Versions: {versions()}, pydantic {__import__('pydantic').VERSION}  \n"
                f"Medians of {args.runs} batches per client, interleaved; {args.requests} calls per batch "
                f"over the server, {args.requests * 4} over MockTransport.\n\n{text}\n"
            )


if __name__ == "__main__":
    main()
