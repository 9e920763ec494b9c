"""SSE benchmark, layer 2: typed streams end to end against validation alone.

The same synthetic chat stream as `sse.py` (LF variant; 64 KiB slices, one event per chunk,
7-byte slices), read from an `httpx.Response` over the pre-split chunks. Measured:
- `model_validate_json` alone on fresh per-event bytes (the target's reference): each run
  slices every event's data out of the body as received, as the least any consumer of the
  network pays (see `payload_spans`),
- `model_validate_json` on the same `str` objects every run (the reference before
  2026-12-01, kept as a row so that nothing is hidden): pydantic reads a `str`'s cached
  UTF-8 form, which CPython keeps after the first run for every non-ASCII text (half of
  these payloads), so from the second run on it skips an encode that bytes arriving from
  a network never let anyone skip,
- `json.loads` + `model_validate` on the payloads,
- our generated client's `EventStream[ChatCompletionsCreateStreamResponseBody]` end to end
  (SSE decoding, sentinel, validation into `ChatCompletionChunk`),
- the `openai` package's own typed `Stream[ChatCompletionChunk]` on the same response.
CPU time, median of several runs; every consumer's chunk ids are checked equal. Run by hand:

    .venv/bin/python benchmarks/sse_typed.py            # appends to BENCHMARKS.md
    .venv/bin/python benchmarks/sse_typed.py --no-append
    .venv/bin/python benchmarks/sse_typed.py --instructions   # callgrind, load-independent

`--instructions` counts instructions per event instead (valgrind's callgrind, 1,000 events,
`PYTHONHASHSEED=0`): each consumer runs in a process of its own, once as a warm-up and once
through `operator.call`, the only function whose execution callgrind collects
(`--toggle-collect`), so that imports, set-up and the warm-up are not counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import json
import operator
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "generated"))
sys.path.insert(1, str(ROOT / "benchmarks"))

import pydantic  # noqa: E402
import pydantic_core  # noqa: E402
from atoma_sdk._events import EventStream  # noqa: E402
from atoma_sdk.models.components import ChatCompletionChunk  # noqa: E402
from atoma_sdk.resources import chat as chat_resource  # noqa: E402
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


def payload_spans(events: list[bytes]) -> tuple[bytes, list[tuple[int, int]]]:
    """The body as received (the events joined) and where each event's data lies in it,
    every event but the sentinel. Slicing `body[start:end]` makes fresh bytes each run,
    as a network read does: nothing cached from an earlier run can be reused."""
    spans = []
    pos = 0
    for event in events:
        start, end = pos + len(b"data: "), pos + len(event.rstrip(b"\n"))
        if event[start - pos : end - pos] != b"[DONE]":
            spans.append((start, end))
        pos += len(event)
    return b"".join(events), spans


REFERENCE = "model_validate_json alone (fresh bytes)"


def consumers(
    chunks: list[bytes],
    datas: list[str],
    body: bytes,
    spans: list[tuple[int, int]],
    *,
    peers: bool = True,
) -> dict[str, Callable[[], list[str]]]:
    """Every consumer by name (`peers=False`: without `openai`, whose import alone takes
    minutes under callgrind)."""

    def validate_fresh() -> list[str]:
        return [ChatCompletionChunk.model_validate_json(body[a:b]).id for a, b in spans]

    def validate_json() -> list[str]:
        return [ChatCompletionChunk.model_validate_json(d).id for d in datas]

    def loads_validate() -> list[str]:
        return [ChatCompletionChunk.model_validate(json.loads(d)).id for d in datas]

    def ours() -> list[str]:
        with EventStream(make_response(chunks), DECODER) as stream:
            return [event.data.id for event in stream]

    def baseline() -> list[str]:
        assert BASELINE is not None
        stream_type, decoder = BASELINE
        with stream_type(make_response(chunks), decoder) as stream:
            return [event.data.id for event in stream]

    if peers:
        import openai
        from openai.types.chat import ChatCompletionChunk as OpenAIChunk

        client = openai.OpenAI(api_key="bench", base_url="http://127.0.0.1/v1")

    def openai_stream() -> list[str]:
        stream = openai.Stream(cast_to=OpenAIChunk, response=make_response(chunks), client=client)
        return [chunk.id for chunk in stream]

    return {
        REFERENCE: validate_fresh,
        "model_validate_json, same str every run (old reference)": validate_json,
        "json.loads + model_validate": loads_validate,
        "ours: EventStream end to end": ours,
        **({f"baseline {BASELINE_NAME}: EventStream end to end": baseline} if BASELINE else {}),
        **({"openai Stream": openai_stream} if peers else {}),
    }


BASELINE: tuple[Any, Any] | None = None
BASELINE_NAME = ""


def load_baseline(path: str) -> None:
    """`--baseline DIR`: DIR is a copy of another generated `atoma_sdk` (e.g. main's), under
    any package name; its `EventStream` runs in the same interleaved rounds (an A/B)."""
    global BASELINE, BASELINE_NAME
    package = Path(path).resolve()
    sys.path.insert(0, str(package.parent))
    events = importlib.import_module(f"{package.name}._events")
    chat = importlib.import_module(f"{package.name}.resources.chat")
    BASELINE = (events.EventStream, chat._CHAT_COMPLETIONS_CREATE_STREAM_EVENTS)
    BASELINE_NAME = f"`{package.name}`"


def measure_interleaved(
    named: dict[str, Callable[[], list[str]]], runs: int
) -> dict[str, tuple[float, list[str]]]:
    """(median CPU seconds, result) per consumer, runs interleaved so that load from other
    processes falls on all alike: every round runs each consumer once, in an order shuffled
    round by round (seeded), so that none always follows the same neighbour (a fixed order
    left the reference always right after the allocation-heavy `openai` row)."""
    times: dict[str, list[float]] = {name: [] for name in named}
    results: dict[str, list[str]] = {}
    order = list(named.items())
    shuffle = random.Random(15).shuffle
    for _ in range(runs):
        shuffle(order)
        for name, fn in order:
            gc.collect()
            start = time.process_time()
            results[name] = fn()
            times[name].append(time.process_time() - start)
    return {name: (statistics.median(times[name]), results[name]) for name in named}


INSTRUCTION_CONSUMERS = [REFERENCE, "ours: EventStream end to end"]


def child(chunking: str, name: str, n_events: int) -> None:
    """`--child`: one consumer, warmed up, then run once inside `operator.call`."""
    events, _ = build_stream("lf", n_events)
    body, spans = payload_spans(events)
    fn = consumers(chunked(events, chunking), payloads(events), body, spans, peers=False)[name]
    expected = fn()
    gc.collect()
    assert operator.call(fn) == expected


def instructions(n_events: int) -> list[str]:
    """Instructions per event, consumer by consumer and chunking by chunking (a table)."""
    names = list(INSTRUCTION_CONSUMERS)
    if BASELINE:
        names.insert(1, f"baseline {BASELINE_NAME}: EventStream end to end")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    counts: dict[tuple[str, str], float] = {}
    chunkings = ("64KiB", "event", "7B")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for chunking in chunkings if name != REFERENCE else chunkings[:1]:
                out = Path(tmp) / "callgrind.out"
                command = [
                    "valgrind",
                    "--tool=callgrind",
                    "--toggle-collect=_operator_call",
                    f"--callgrind-out-file={out}",
                    sys.executable,
                    __file__,
                    "--child",
                    chunking,
                    name,
                    "--events",
                    str(n_events),
                    *(["--baseline", BASELINE_PATH] if BASELINE else []),
                ]
                subprocess.run(command, env=env, check=True, capture_output=True)
                totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M)
                assert totals is not None, "no totals in the callgrind output"
                counts[name, chunking] = int(totals.group(1)) / n_events
                print(f"{name} / {chunking}: {counts[name, chunking]:,.0f}", flush=True)
    ref = counts[REFERENCE, "64KiB"]
    rows = [
        "| consumer | " + " | ".join(chunkings) + " |",
        "|---|" + "---|" * len(chunkings),
        f"| {REFERENCE} | " + " | ".join(f"{ref:,.0f} (1.00x)" for _ in chunkings) + " |",
    ]
    for name in names:
        if name == REFERENCE:
            continue
        cells = [f"{counts[name, c]:,.0f} ({counts[name, c] / ref:.2f}x)" for c in chunkings]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


BASELINE_PATH = ""


def main() -> None:
    global BASELINE_PATH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--load", action="store_true", help="keep one core busy meanwhile")
    parser.add_argument("--baseline", help="a copy of another generated atoma_sdk to A/B against")
    parser.add_argument("--instructions", action="store_true", help="callgrind counts per event")
    parser.add_argument("--child", nargs=2, metavar=("CHUNKING", "CONSUMER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        load_baseline(args.baseline)
        BASELINE_PATH = args.baseline
    if args.child:
        chunking, name = args.child
        child(chunking, name, args.events)
        return
    if args.instructions:
        rows = instructions(args.events if args.events != 5000 else 1000)
        print("\n".join(rows))
        print(f"pydantic {pydantic.VERSION}, pydantic-core {pydantic_core.__version__}")
        return
    events, n = build_stream("lf", args.events)
    datas = payloads(events)
    body, spans = payload_spans(events)
    assert [body[a:b].decode() for a, b in spans] == datas
    rows = []
    with background_load(args.load) as load:
        for chunking in ("64KiB", "event", "7B"):
            chunks = chunked(events, chunking)
            named = consumers(chunks, datas, body, spans)
            results = measure_interleaved(named, args.runs)
            reference_time, reference_ids = results[REFERENCE]
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
            f"Versions: {versions()}, pydantic {pydantic.VERSION}, "
            f"pydantic-core {pydantic_core.__version__}  ",
            f"Background load: {load}; load average before the run: {os.getloadavg()[0]:.2f}  ",
            f"{n - 1} `chat.completion.chunk` events (LF) + `[DONE]`; CPU time, median of {args.runs}; "
            "ratio = time / time of `model_validate_json` alone on the same payloads as fresh "
            "bytes (sliced from the body each run; the old reference, the same `str` objects "
            "every run, is a row of its own); consumers interleaved run by run.",
            "",
            "| chunks | consumer | chunks/s | time vs model_validate_json |",
            "|---|---|---|---|",
            *rows,
            "",
            f"Targets (ours vs `model_validate_json` alone on fresh bytes): {verdict}.",
            "",
        ]
    )
    print(table)
    if not args.no_append:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + table)


if __name__ == "__main__":
    main()
