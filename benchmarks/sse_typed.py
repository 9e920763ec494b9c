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
`PYTHONHASHSEED=0`): one process runs every consumer at every chunking (the reference first
and last), each once as a warm-up and once through `operator.call`, the only function whose
execution callgrind collects (`--toggle-collect`) and after which it dumps the counts, so
that imports, set-up and warm-ups are not counted.

`--read-loops` counts, the same way, instructions per 7-byte read of the stream's per-read
loop alone (a run of reads without a line end, kept until one with a CR or LF) and of the
other ways of writing it tried for issue 15 §2 (`READ_LOOPS`).
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
from itertools import accumulate, compress, count, islice, repeat, tee
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
CHUNKINGS = ("64KiB", "event", "7B")


def child(n_events: int) -> list[tuple[str, str]]:
    """`--child`: every (consumer, chunking) of `--instructions` in turn, each warmed up
    right before its one run inside `operator.call`; the reference first and last."""
    events, _ = build_stream("lf", n_events)
    body, spans = payload_spans(events)
    runs = child_runs()
    for name, chunking in runs:
        chunks = chunked(events, chunking if chunking != "-" else "64KiB")
        fn = consumers(chunks, payloads(events), body, spans, peers=False)[name]
        expected = fn()
        gc.collect()
        assert operator.call(fn) == expected
        gc.collect()
    return runs


def callgrind_totals(child_args: list[str]) -> list[int]:
    """Instructions of each `operator.call` in `sse_typed.py <child_args>` under callgrind
    (`PYTHONHASHSEED=0`; each call dumped on its own), in call order."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--toggle-collect=_operator_call",
            "--dump-after=_operator_call",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            *child_args,
        ]
        subprocess.run(command, env=env, check=True, capture_output=True)
        dumps = sorted(Path(tmp).glob("cg.out.*"), key=lambda f: int(f.name.rsplit(".", 1)[1]))
        totals = []
        for dump in dumps:
            found = re.search(r"^totals: (\d+)", dump.read_text(), re.M)
            assert found is not None, "no totals in the callgrind output"
            totals.append(int(found.group(1)))
        return totals


def instructions(n_events: int) -> list[str]:
    """Instructions per event, consumer by consumer and chunking by chunking (a table).

    One process runs them all, each dumped on its own (`--dump-after`): counts taken in
    separate processes moved by ~5% for the same code with the process's import history."""
    baseline = ["--baseline", BASELINE_PATH] if BASELINE else []
    totals = callgrind_totals(["--child", "--events", str(n_events), *baseline])
    runs = child_runs()
    assert len(totals) == len(runs), f"{len(totals)} dumps for {len(runs)} runs"
    counts: dict[tuple[str, str], float] = {}
    refs = []
    for (name, chunking), total in zip(runs, totals, strict=True):
        if name == REFERENCE:
            refs.append(total / n_events)
        else:
            counts[name, chunking] = total / n_events
    ref = statistics.mean(refs)
    rows = [
        f"Reference first and last: {refs[0]:,.0f} / {refs[1]:,.0f} instructions per event (mean used).",
        "",
        "| consumer | " + " | ".join(CHUNKINGS) + " |",
        "|---|" + "---|" * len(CHUNKINGS),
        f"| {REFERENCE} | " + " | ".join(f"{ref:,.0f} (1.00x)" for _ in CHUNKINGS) + " |",
    ]
    for name in dict.fromkeys(name for name, _ in counts):
        cells = [f"{counts[name, c]:,.0f} ({counts[name, c] / ref:.2f}x)" for c in CHUNKINGS]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def child_runs() -> list[tuple[str, str]]:
    """The (consumer, chunking) order `child` runs them in (without running them)."""
    names = list(INSTRUCTION_CONSUMERS)
    if BASELINE:
        names.append(f"baseline {BASELINE_NAME}: EventStream end to end")
    return [(REFERENCE, "-"), *[(n, c) for n in names[1:] for c in CHUNKINGS], (REFERENCE, "-")]


BASELINE_PATH = ""

# ------------------------------------------------------------------ `--read-loops`
# The per-read loop of `EventStream._events` at 7-byte reads (a run of reads without a line
# end, kept until one with a CR or LF, at most `WAIT` more), alone, in the ways tried for
# issue 15 §2. Each takes the reads and returns what the stream would join per run.
WAIT = 64
_join, _add = b"".join, operator.add
_TO_LF = bytes.maketrans(b"\r", b"\n")
_CR_OR_LF = re.compile(rb"[\r\n]").search
_NO_CR_LF = frozenset(b"\r\n").isdisjoint


def loop_shipped(pieces: list[bytes]) -> list[bytes]:
    out, waiting, body = [], [], iter(pieces)
    for chunk in body:
        if 10 not in chunk and 13 not in chunk:
            waiting.append(chunk)
            for chunk in islice(body, WAIT):
                waiting.append(chunk)
                if 10 in chunk or 13 in chunk:
                    break
            chunk = _join(waiting)
            waiting.clear()
        out.append(chunk)
    return out


_READ_LOOP = """
def run(pieces):
    out, waiting, body = [], [], iter(pieces)
    {setup}
    for chunk in body:
        if not ({test}):
            {keep}
            for chunk in {inner}:
                {keep}
                {stop}
            chunk = _join(waiting)
            waiting.clear()
        out.append(chunk)
    return out
"""
_BREAK = "if {test}:\n                    break"


def _read_loop(
    *,
    test: str = "10 in chunk or 13 in chunk",
    inner: str = "islice(body, WAIT)",
    keep: str = "waiting.append(chunk)",
    setup: str = "pass",
    stop: str = _BREAK,
) -> Callable[[list[bytes]], list[bytes]]:
    """`loop_shipped` with one part written otherwise, compiled from source so that the part
    stands inline, as it would in `EventStream._events`."""
    source = _READ_LOOP.format(setup=setup, test=test, keep=keep, inner=inner, stop=stop.format(test=test))
    namespace = dict(globals())
    exec(compile(source, f"<read loop: {test}>", "exec"), namespace)
    run: Callable[[list[bytes]], list[bytes]] = namespace["run"]
    return run


def loop_bytearray(pieces: list[bytes]) -> list[bytes]:
    out, buf, body = [], bytearray(), iter(pieces)
    for chunk in body:
        if 10 not in chunk and 13 not in chunk:
            buf += chunk
            for chunk in islice(body, WAIT):
                buf += chunk
                if 10 in chunk or 13 in chunk:
                    break
            chunk = bytes(buf)
            del buf[:]
        out.append(chunk)
    return out


def loop_concat(pieces: list[bytes]) -> list[bytes]:
    out, body = [], iter(pieces)
    for chunk in body:
        if 10 not in chunk and 13 not in chunk:
            line = chunk
            for chunk in islice(body, WAIT):
                line += chunk
                if 10 in chunk or 13 in chunk:
                    break
            chunk = line
        out.append(chunk)
    return out


def loop_accumulate(pieces: list[bytes]) -> list[bytes]:
    out, body = [], iter(pieces)
    for chunk in body:
        if 10 not in chunk and 13 not in chunk:
            first = chunk
            for chunk in accumulate(islice(body, WAIT), _add, initial=first):
                if 10 in chunk or 13 in chunk:
                    break
        out.append(chunk)
    return out


def loop_c_pipeline(pieces: list[bytes]) -> list[bytes]:
    # Tests and keeping in C: tee'd reads, `contains` on each for LF and CR, the first hit's
    # position from `compress(count(1), …)`, the run taken from the third copy.
    out, body = [], iter(pieces)
    contains, or_, lf, cr = operator.contains, operator.or_, repeat(10), repeat(13)
    for chunk in body:
        if 10 not in chunk and 13 not in chunk:
            a, b, c = tee(islice(body, WAIT), 3)
            hits = compress(count(1), map(or_, map(contains, a, lf), map(contains, b, cr)))
            waiting = [chunk]
            waiting.extend(islice(c, next(hits, WAIT)))
            chunk = _join(waiting)
        out.append(chunk)
    return out


READ_LOOPS: dict[str, Callable[[list[bytes]], list[bytes]]] = {
    "shipped: `10 in chunk or 13 in chunk`, append, islice": loop_shipped,
    "LF test only (inexact: a CR-ended event waits)": _read_loop(test="10 in chunk"),
    "no islice (inexact: no bound before the size check)": _read_loop(inner="body"),
    "one islice per stream (inexact: bounds the stream, not each run)": _read_loop(
        setup="capped = islice(body, len(pieces))", inner="capped"
    ),
    "`if 10 not in chunk and 13 not in chunk: continue`": _read_loop(
        stop="if not ({test}):\n                    continue\n                break"
    ),
    "`append` bound to a local": _read_loop(setup="append = waiting.append", keep="append(chunk)"),
    "`10 in chunk.translate(CR->LF)`": _read_loop(test="10 in chunk.translate(_TO_LF)"),
    "compiled `[\\r\\n]` search": _read_loop(test="_CR_OR_LF(chunk)"),
    "`not frozenset(b'\\r\\n').isdisjoint(chunk)`": _read_loop(test="not _NO_CR_LF(chunk)"),
    "`chunk.splitlines()[0] is not chunk`": _read_loop(test="chunk.splitlines()[0] is not chunk"),
    "bytearray `+=`": loop_bytearray,
    "bytes `+=`": loop_concat,
    "`accumulate(…, add)`, tests on the running line": loop_accumulate,
    "tee + map(contains) + compress, all in C": loop_c_pipeline,
}


def read_loops_child(n_events: int) -> None:
    """`--read-loops-child`: every read loop once inside `operator.call`, after a warm-up."""
    events, _ = build_stream("lf", n_events)
    pieces = chunked(events, "7B")
    expected = loop_shipped(pieces)
    for run in READ_LOOPS.values():
        assert run(pieces) == expected
        gc.collect()
        operator.call(run, pieces)


def read_loops(n_events: int) -> list[str]:
    """Instructions per 7-byte read of each read loop (a table)."""
    events, _ = build_stream("lf", n_events)
    reads = len(chunked(events, "7B"))
    totals = callgrind_totals(["--read-loops-child", "--events", str(n_events)])
    shipped = totals[0] / reads
    rows = ["| read loop (7-byte reads) | instructions per read | vs shipped |", "|---|---|---|"]
    for name, total in zip(READ_LOOPS, totals, strict=True):
        rows.append(f"| {name} | {total / reads:,.0f} | {total / reads - shipped:+,.0f} |")
    return rows


def main() -> None:
    global BASELINE_PATH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--load", action="store_true", help="keep one core busy meanwhile")
    parser.add_argument("--baseline", help="a copy of another generated atoma_sdk to A/B against")
    parser.add_argument("--instructions", action="store_true", help="callgrind counts per event")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--read-loops", action="store_true", help="callgrind counts per 7-byte read of the read loops tried"
    )
    parser.add_argument("--read-loops-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        load_baseline(args.baseline)
        BASELINE_PATH = args.baseline
    if args.child:
        child(args.events)
        return
    if args.read_loops_child:
        read_loops_child(args.events)
        return
    if args.read_loops:
        print("\n".join(read_loops(args.events if args.events != 5000 else 300)))
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
