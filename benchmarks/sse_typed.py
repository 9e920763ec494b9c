"""SSE benchmark, layer 2: typed streams end to end against validation alone.

The same synthetic chat stream as `sse.py` (LF variant; 64 KiB slices, one event per chunk,
7-byte slices), read from an `httpx.Response` over the pre-split chunks. Measured:
- `model_validate_json` alone on the payloads (the target's reference),
- `json.loads` + `model_validate` on the payloads,
- our generated client's `EventStream[ChatCompletionsCreateStreamResponseBody]` end to end
  (SSE decoding, sentinel, validation into `ChatCompletionChunk`),
- the `openai` package's own typed `Stream[ChatCompletionChunk]` on the same response.
CPU time, median of several runs; every consumer's chunk ids are checked equal. Run by hand:

    .venv/bin/python benchmarks/sse_typed.py            # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/sse_typed.py --no-append
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "generated"))
sys.path.insert(1, str(ROOT / "benchmarks"))

import openai  # noqa: E402
from atoma_sdk._events import EventStream  # noqa: E402
from atoma_sdk.models.components import ChatCompletionChunk  # noqa: E402
from atoma_sdk.resources import chat as chat_resource  # noqa: E402
from openai.types.chat import ChatCompletionChunk as OpenAIChunk  # noqa: E402
from sse import build_stream, chunked, machine, make_response, versions  # noqa: E402

DECODER = chat_resource._CHAT_COMPLETIONS_CREATE_STREAM_EVENTS
TARGET = 1.15


def payloads(events: list[bytes]) -> list[str]:
    """The `data` text of every event but the sentinel."""
    out = []
    for event in events:
        data = event.decode().removeprefix("data: ").rstrip("\n")
        if data != "[DONE]":
            out.append(data)
    return out


def consumers(chunks: list[bytes], datas: list[str]) -> dict[str, Callable[[], list[str]]]:
    client = openai.OpenAI(api_key="bench", base_url="http://127.0.0.1/v1")

    def validate_json() -> list[str]:
        return [ChatCompletionChunk.model_validate_json(d).id for d in datas]

    def loads_validate() -> list[str]:
        return [ChatCompletionChunk.model_validate(json.loads(d)).id for d in datas]

    def ours() -> list[str]:
        with EventStream(make_response(chunks), DECODER) as stream:
            return [event.data.id for event in stream]

    def openai_stream() -> list[str]:
        stream = openai.Stream(cast_to=OpenAIChunk, response=make_response(chunks), client=client)
        return [chunk.id for chunk in stream]

    return {
        "model_validate_json alone": validate_json,
        "json.loads + model_validate": loads_validate,
        "ours: EventStream end to end": ours,
        "openai Stream": openai_stream,
    }


def measure(fn: Callable[[], list[str]], runs: int) -> tuple[float, list[str]]:
    times, result = [], []
    for _ in range(runs):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    events, n = build_stream("lf", args.events)
    datas = payloads(events)
    rows = []
    for chunking in ("64KiB", "event", "7B"):
        chunks = chunked(events, chunking)
        results: dict[str, tuple[float, list[str]]] = {}
        for name, fn in consumers(chunks, datas).items():
            results[name] = measure(fn, args.runs)
        reference_time, reference_ids = results["model_validate_json alone"]
        for name, (seconds, ids) in results.items():
            assert ids == reference_ids, f"{name} decoded different chunks"
            rows.append(
                f"| {chunking} | {name} | {len(ids) / seconds:,.0f} | {seconds / reference_time:.2f}x |"
            )
            print(rows[-1], flush=True)
    ours = [r for r in rows if "ours" in r]
    worst = max(float(r.split("|")[4].strip().rstrip("x")) for r in ours)
    verdict = "met" if worst <= TARGET else f"not met (worst {worst:.2f}x vs {TARGET}x)"
    table = "\n".join(
        [
            f"## Typed SSE streams (benchmarks/sse_typed.py), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
            "",
            f"Command: `python benchmarks/sse_typed.py {' '.join(sys.argv[1:])}`  ",
            f"Machine: {machine()}  ",
            f"Versions: {versions()}  ",
            f"{n - 1} `chat.completion.chunk` events (LF) + `[DONE]`; CPU time, median of {args.runs}; "
            "ratio = time / time of `model_validate_json` alone on the same payloads.",
            "",
            "| chunks | consumer | chunks/s | time vs model_validate_json |",
            "|---|---|---|---|",
            *rows,
            "",
            f"Target (ours within {TARGET}x of `model_validate_json` alone): {verdict}.",
            "",
        ]
    )
    print(table)
    if not args.no_append:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + table)


if __name__ == "__main__":
    main()
