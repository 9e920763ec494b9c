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
import gc
import json
import os
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
from sse import background_load, build_stream, chunked, machine, make_response, versions  # noqa: E402

DECODER = chat_resource._CHAT_COMPLETIONS_CREATE_STREAM_EVENTS
TARGETS = {"64KiB": 1.15, "event": 1.15, "7B": 2.0}  # issue 15 §2


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


def measure_interleaved(
    named: dict[str, Callable[[], list[str]]], runs: int
) -> dict[str, tuple[float, list[str]]]:
    """(median CPU seconds, result) per consumer, runs interleaved round-robin so that load
    from other processes falls on all alike."""
    times: dict[str, list[float]] = {name: [] for name in named}
    results: dict[str, list[str]] = {}
    for _ in range(runs):
        for name, fn in named.items():
            gc.collect()
            start = time.process_time()
            results[name] = fn()
            times[name].append(time.process_time() - start)
    return {name: (statistics.median(times[name]), results[name]) for name in named}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--load", action="store_true", help="keep one core busy meanwhile")
    args = parser.parse_args()
    events, n = build_stream("lf", args.events)
    datas = payloads(events)
    rows = []
    with background_load(args.load) as load:
        for chunking in ("64KiB", "event", "7B"):
            chunks = chunked(events, chunking)
            named = consumers(chunks, datas)
            results = measure_interleaved(named, args.runs)
            reference_time, reference_ids = results["model_validate_json alone"]
            for name, (seconds, ids) in results.items():
                assert ids == reference_ids, f"{name} decoded different chunks"
                ratio = seconds / reference_time
                rows.append(f"| {chunking} | {name} | {len(ids) / seconds:,.0f} | {ratio:.2f}x |")
                print(rows[-1], flush=True)
    verdicts = []
    for r in rows:
        cells = [c.strip() for c in r.split("|")]
        if "ours" in cells[2]:
            ratio, target = float(cells[4].rstrip("x")), TARGETS[cells[1]]
            verdicts.append(
                f"{cells[1]} {ratio:.2f}x vs {target}x: {'met' if ratio <= target else 'not met'}"
            )
    verdict = "; ".join(verdicts)
    table = "\n".join(
        [
            f"## Typed SSE streams (benchmarks/sse_typed.py), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
            "",
            f"Command: `python benchmarks/sse_typed.py {' '.join(sys.argv[1:])}`  ",
            f"Machine: {machine()}  ",
            f"Versions: {versions()}  ",
            f"Background load: {load}; load average before the run: {os.getloadavg()[0]:.2f}  ",
            f"{n - 1} `chat.completion.chunk` events (LF) + `[DONE]`; CPU time, median of {args.runs}; "
            "ratio = time / time of `model_validate_json` alone on the same payloads; "
            "consumers interleaved run by run.",
            "",
            "| chunks | consumer | chunks/s | time vs model_validate_json |",
            "|---|---|---|---|",
            *rows,
            "",
            f"Targets (ours vs `model_validate_json` alone): {verdict}.",
            "",
        ]
    )
    print(table)
    if not args.no_append:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + table)


if __name__ == "__main__":
    main()
