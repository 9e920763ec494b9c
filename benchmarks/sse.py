"""SSE decoding benchmark, layer 1: our `_streaming.iter_sse` against peer decoders.

Every decoder reads an `httpx.Response` built over the same pre-split chunks, as it
would in real use, and its events are checked equal to ours. Run by hand:

    .venv/bin/python benchmarks/sse.py            # full run, appends to BENCHMARKS.md
    .venv/bin/python benchmarks/sse.py --quick    # fewer events and runs, no append

Peers (the `bench` extra): httpx-sse, sseclient-py, openai, anthropic, atoma-sdk.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import importlib.metadata
import importlib.util
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
STREAMING_PATH = ROOT / "templates" / "python" / "runtime" / "_streaming.py"
KIB = 1024


def load_streaming() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sdk_streaming_under_test", STREAMING_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sse = load_streaming()

# --------------------------------------------------------------------------- streams

DELTAS = [
    "Hello",
    " world",
    ",",
    " café",
    " naïve",
    " — ",
    "日本語",
    " テキスト",
    " 😀",
    " the",
    " quick",
    " brown",
    " fox",
    " jumps",
    " über",
    " Ελληνικά",
    " 🚀🚀",
    ".",
    "\n",
    " résumé",
]


def chat_objects(n_events: int, big_every: int = 0, big_size: int = 0) -> list[dict[str, Any]]:
    """An OpenAI-style chat.completion.chunk stream: role, content deltas, finish+usage."""
    base = {
        "id": "chatcmpl-9x8Yz7WvU6tS5rQ4pO3nM2lK1jI0h",
        "object": "chat.completion.chunk",
        "created": 1718000000,
        "model": "gpt-4o-mini-2024-07-18",
        "system_fingerprint": "fp_0f03d4f0ee",
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**base, "choices": [choice]}

    objs = [chunk({"role": "assistant", "content": "", "refusal": None})]
    for i in range(n_events - 2):
        if big_every and i % big_every == big_every - 1:
            text = ("lorem ipsum dolor sit amet é€ " * (big_size // 30 + 1))[:big_size]
        else:
            text = DELTAS[i % len(DELTAS)]
        objs.append(chunk({"content": text}))
    last = chunk({}, "stop")
    last["usage"] = {"prompt_tokens": 17, "completion_tokens": n_events, "total_tokens": n_events + 17}
    objs.append(last)
    return objs


def multiline_json(obj: dict[str, Any]) -> list[str]:
    """The object as JSON with one top-level key per line."""
    items = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in obj.items()]
    return ["{", *[item + ("," if i < len(items) - 1 else "") for i, item in enumerate(items)], "}"]


def build_stream(variant: str, n_events: int) -> tuple[list[bytes], int]:
    """(one bytes per event, number of events) for a variant."""
    if variant == "large":
        objs = chat_objects(n_events, big_every=max(n_events // 4, 1), big_size=250 * KIB)
    else:
        objs = chat_objects(n_events)
    eol = "\r\n" if variant == "crlf" else "\n"
    events: list[str] = []
    for obj in objs:
        if variant == "multiline":
            lines = multiline_json(obj)
        else:
            lines = [json.dumps(obj, ensure_ascii=False, separators=(",", ":"))]
        events.append("".join(f"data: {line}{eol}" for line in lines) + eol)
    events.append(f"data: [DONE]{eol}{eol}")
    return [e.encode() for e in events], len(events)


def chunked(events: list[bytes], chunking: str) -> list[bytes]:
    if chunking == "event":
        return list(events)
    size = {"64KiB": 64 * KIB, "7B": 7}[chunking]
    raw = b"".join(events)
    return [raw[i : i + size] for i in range(0, len(raw), size)]


class ChunkStream(httpx.SyncByteStream):
    """A response body that yields exactly the given chunks."""

    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._chunks)


def make_response(chunks: list[bytes]) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream; charset=utf-8"},
        stream=ChunkStream(chunks),
        request=httpx.Request("POST", "http://127.0.0.1/v1/chat/completions"),
    )


# -------------------------------------------------------------------------- decoders
# Each takes a response and returns the list of events it decoded (decoder-native).

Pairs = list[tuple[str, Any]]


def run_ours(response: httpx.Response) -> list[Any]:
    # As the generated client reads a stream: raw chunks unless content-encoded.
    return list(sse.iter_sse(sse.iter_body(response)))


def run_ours_iter_bytes(response: httpx.Response) -> list[Any]:
    return list(sse.iter_sse(response.iter_bytes()))


def norm_ours(events: list[Any]) -> Pairs:
    return [(e.event, e.data) for e in events]


def run_httpx_sse(response: httpx.Response) -> list[Any]:
    import httpx_sse

    return list(httpx_sse.EventSource(response).iter_sse())


def run_sseclient(response: httpx.Response) -> list[Any]:
    import sseclient

    return list(sseclient.SSEClient(response.iter_bytes()).events())


def run_openai(response: httpx.Response) -> list[Any]:
    from openai._streaming import SSEDecoder

    return list(SSEDecoder().iter_bytes(response.iter_bytes()))


def run_anthropic(response: httpx.Response) -> list[Any]:
    from anthropic._streaming import SSEDecoder

    return list(SSEDecoder().iter_bytes(response.iter_bytes()))


def run_atoma(response: httpx.Response) -> list[Any]:
    from atoma_sdk.utils.eventstreaming import stream_events

    # No sentinel, so "[DONE]" is decoded too and compared; the decoder callback is
    # the identity: what is timed is atoma's own SSE parsing (it json-decodes data).
    return list(stream_events(response, lambda raw: raw))


def norm_plain(events: list[Any]) -> Pairs:
    return [(e.event or "message", e.data) for e in events]


def norm_atoma(events: list[Any]) -> Pairs:
    out = []
    for raw in events:
        obj = json.loads(raw)
        out.append((obj.get("event") or "message", obj.get("data")))
    return out


def atoma_view(pairs: Pairs) -> Pairs:
    """Our events as atoma presents them: data that looks like JSON is parsed."""
    out = []
    for event, data in pairs:
        if data[:1] in ("{", "[", '"') or data in ("true", "false", "null") or data.isnumeric():
            try:
                data = json.loads(data)
            except ValueError:
                pass
        out.append((event, data))
    return out


def run_floor_iter_bytes(response: httpx.Response) -> list[Any]:
    for _ in response.iter_bytes():
        pass
    return []


def run_floor_split_lf(response: httpx.Response) -> list[Any]:
    return b"".join(response.iter_bytes()).split(b"\n\n")


def run_floor_split_crlf(response: httpx.Response) -> list[Any]:
    return b"".join(response.iter_bytes()).split(b"\r\n\r\n")


PEERS: dict[str, tuple[Callable[[httpx.Response], list[Any]], Callable[[list[Any]], Pairs]]] = {
    "httpx-sse": (run_httpx_sse, norm_plain),
    "sseclient-py": (run_sseclient, norm_plain),
    "openai": (run_openai, norm_plain),
    "anthropic": (run_anthropic, norm_plain),
    "atoma_sdk": (run_atoma, norm_atoma),
}
# A peer whose package is not installed is left out (and named in the output): the
# `bench` extra's atoma-sdk pins an older pydantic, which a venv may not want.
_PEER_MODULES = {
    "httpx-sse": "httpx_sse",
    "sseclient-py": "sseclient",
    "openai": "openai",
    "anthropic": "anthropic",
    "atoma_sdk": "atoma_sdk.utils.eventstreaming",
}


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a missing parent package
        return False


MISSING_PEERS = [name for name, module in _PEER_MODULES.items() if not _installed(module)]
for _name in MISSING_PEERS:
    del PEERS[_name]

# --------------------------------------------------------------------------- timing


@contextlib.contextmanager
def background_load(on: bool) -> Iterator[str]:
    """With `on`, a child process that keeps one core busy for the duration (`--load`):
    every decoder then runs on a machine as loaded as a busy client's. Yields its label."""
    if not on:
        yield "none"
        return
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.2)  # let it reach the spin
        yield "one core kept busy by a spinning process (--load)"
    finally:
        busy.kill()
        busy.wait()


class Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Timeout


Runner = Callable[[httpx.Response], list[Any]]


def time_interleaved(
    runners: dict[str, Runner], chunks: list[bytes], runs: int, budget: float
) -> tuple[dict[str, float | None], dict[str, list[Any]], dict[str, int]]:
    """Median CPU seconds per runner, runs interleaved round-robin so that load from
    other processes falls on all alike. A runner whose run exceeds `budget` seconds
    is stopped (None); one whose runs add up past `budget` stops early."""
    times: dict[str, list[float]] = {name: [] for name in runners}
    results: dict[str, list[Any]] = {}
    dead: set[str] = set()
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(runs):
        for name, run in runners.items():
            if name in dead or (times[name] and sum(times[name]) > budget):
                continue
            response = make_response(chunks)
            gc.collect()
            signal.setitimer(signal.ITIMER_REAL, budget)
            try:
                start = time.process_time()
                out = run(response)
                elapsed = time.process_time() - start
            except Timeout:
                dead.add(name)
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times[name].append(elapsed)
            results.setdefault(name, out)
    medians = {
        name: (statistics.median(ts) if ts and name not in dead else None) for name, ts in times.items()
    }
    return medians, results, {name: len(ts) for name, ts in times.items()}


def bare_split_time(chunks: list[bytes], sep: bytes, runs: int) -> float:
    """Median CPU seconds of `b"".join(chunks).split(sep)` on the chunk list itself."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        b"".join(chunks).split(sep)
        times.append(time.process_time() - start)
    return statistics.median(times)


def fmt_rate(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value >= 1e6:
        return f"{value / 1e6:.2f} M"
    if value >= 1e3:
        return f"{value / 1e3:.1f} k"
    return f"{value:.0f}"


# ---------------------------------------------------------------------- main table


def bench_matrix(
    n_events: int, runs: int, budget: float, variants: list[str], chunkings: list[str]
) -> tuple[list[str], list[str], list[str]]:
    peer_names = list(PEERS)
    head = ["stream", "chunks", "events", "ours ev/s", "ours via iter_bytes ev/s"]
    head += [f"{p} ev/s" for p in peer_names]
    head += ["read only ev/s", "read+split floor ev/s", "bare split ev/s"]
    head += ["ours ÷ best peer", "ours ÷ read+split (time)", "ours ÷ bare split (time)"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    notes: list[str] = []
    misses: list[str] = []
    for variant in variants:
        events, n = build_stream(variant, n_events if variant != "large" else max(n_events // 4, 8))
        split = run_floor_split_crlf if variant == "crlf" else run_floor_split_lf
        for chunking in chunkings:
            chunks = chunked(events, chunking)
            got_chunks = list(make_response(chunks).iter_bytes())
            assert got_chunks == [c for c in chunks if c], "httpx re-chunked the body"
            label = f"{variant}/{chunking}"
            runners: dict[str, Runner] = {"ours": run_ours, "ours/iter_bytes": run_ours_iter_bytes}
            runners.update({name: run for name, (run, _) in PEERS.items()})
            runners.update({"floor/split": split, "floor/iter_bytes": run_floor_iter_bytes})
            medians, results, counts = time_interleaved(runners, chunks, runs, budget)
            t_ours = medians["ours"]
            assert t_ours is not None, f"{label}: ours timed out"
            ours_pairs = norm_ours(results["ours"])
            assert len(ours_pairs) == n, (label, len(ours_pairs), n)
            assert norm_ours(results["ours/iter_bytes"]) == ours_pairs
            rate_ours = n / t_ours
            t_bytes = medians["ours/iter_bytes"]
            peer_rates: dict[str, float | None] = {}
            peer_cells: list[str] = []
            for name, (_, norm) in PEERS.items():
                t = medians[name]
                if t is None:
                    peer_rates[name] = None
                    peer_cells.append(f"timeout >{budget:.0f}s")
                    notes.append(f"{label}: {name} did not finish one run in {budget:.0f} s")
                    continue
                want = atoma_view(ours_pairs) if name == "atoma_sdk" else ours_pairs
                got = norm(results[name])
                cell = fmt_rate(n / t)
                if got != want:
                    bad = next(
                        (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
                        min(len(got), len(want)),
                    )
                    notes.append(
                        f"{label}: {name} decoded differently ({len(got)} vs {len(want)} events, "
                        f"first difference at event {bad}); its rate is shown but not compared"
                    )
                    cell += " ✗"
                    peer_rates[name] = None
                else:
                    peer_rates[name] = n / t
                if counts[name] < runs:
                    cell += f" ({counts[name]} run{'s' if counts[name] > 1 else ''})"
                peer_cells.append(cell)
            t_split = medians["floor/split"]
            t_read = medians["floor/iter_bytes"]
            assert t_split is not None and t_read is not None
            sep = b"\r\n\r\n" if variant == "crlf" else b"\n\n"
            t_bare = bare_split_time(chunks, sep, runs)
            valid = {k: v for k, v in peer_rates.items() if v is not None}
            best_name = max(valid, key=lambda k: valid[k]) if valid else None
            vs_peer = rate_ours / valid[best_name] if best_name else None
            vs_floor = t_ours / t_split
            row = [variant, chunking, str(n), fmt_rate(rate_ours)]
            row.append(fmt_rate(n / t_bytes) if t_bytes else "n/a")
            row += peer_cells
            row += [fmt_rate(n / t_read), fmt_rate(n / t_split), fmt_rate(n / t_bare)]
            row.append(f"{vs_peer:.2f}x ({best_name})" if vs_peer else "n/a")
            row += [f"{vs_floor:.2f}x", f"{t_ours / t_bare:.1f}x"]
            rows.append("| " + " | ".join(row) + " |")
            if vs_peer is not None and t_bytes and best_name and n / t_bytes / valid[best_name] < 1.5:
                ratio = n / t_bytes / valid[best_name]
                notes.append(
                    f"{label}: read through `response.iter_bytes()` ours is {ratio:.2f}x the best "
                    f"peer ({best_name}), under the 1.5x target; through `iter_body` {vs_peer:.2f}x"
                )
            if vs_peer is not None and vs_peer < 1.5:
                misses.append(f"{label}: {vs_peer:.2f}x the best peer ({best_name}), target 1.5x")
            if vs_floor > 2.0:
                misses.append(f"{label}: {vs_floor:.2f}x the read+split floor's time, target 2x")
            if t_ours / t_bare > 2.0:
                misses.append(f"{label}: {t_ours / t_bare:.1f}x the bare split's time, target 2x")
            print(rows[-1], f"  [{len(b''.join(chunks))} bytes, {len(chunks)} chunks]", flush=True)
    return rows, notes, misses


def bench_sizes(runs: int, budget: float, sizes: list[int], total: int) -> list[str]:
    """ns per byte for our decoder as events grow, single-line and 80-char-line data."""
    combos = [(c, shape) for c in ("7B", "64KiB") for shape in ("1 line", "80-char lines")]
    head = ["event size", "events"]
    head += [f"ours ns/B, {c} chunks, {shape}" for c, shape in combos]
    head += ["iter_body alone ns/B, 7B", "iter_body alone ns/B, 64KiB"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def body_only(response: httpx.Response) -> list[Any]:
        for _ in sse.iter_body(response):
            pass
        return []

    for size in sizes:
        n = max(total // size, 3)
        payload = ("abcdefghij klmnopq é€ " * (size // 20 + 1)).encode()[: size - 8]
        payload = payload.decode("utf-8", "ignore").encode()
        single = b"data: " + payload + b"\n\n"
        lines = [payload[i : i + 80] for i in range(0, len(payload), 80)]
        multi = b"".join(b"data: " + line + b"\n" for line in lines) + b"\n"
        label = f"{size // KIB} KiB" if size < KIB * KIB else f"{size // KIB // KIB} MiB"
        cells = [label, str(n)]
        floors: dict[str, str] = {}
        for chunking, shape in combos:
            one = single if shape == "1 line" else multi
            chunks = chunked([one] * n, chunking)
            total_bytes = len(one) * n
            runners: dict[str, Runner] = {"ours": run_ours, "body": body_only}
            medians, results, _ = time_interleaved(runners, chunks, runs, budget)
            t = medians["ours"]
            assert t is not None and len(results["ours"]) == n
            cells.append(f"{t / total_bytes * 1e9:.2f}")
            tf = medians["body"]
            if shape == "1 line" and tf is not None:
                floors[chunking] = f"{tf / total_bytes * 1e9:.2f}"
        cells += [floors.get("7B", "n/a"), floors.get("64KiB", "n/a")]
        rows.append("| " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    return rows


def machine() -> str:
    cpu = platform.processor() or "unknown cpu"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, nproc={os.cpu_count()}, {platform.system()} {platform.machine()}"


def versions() -> str:
    names = ["httpx", "httpx-sse", "sseclient-py", "openai", "anthropic", "atoma-sdk"]
    parts = [f"python {platform.python_version()}"]
    for name in names:
        try:
            parts.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name} missing")
    return ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=3000, help="events per stream")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds allowed per run")
    parser.add_argument("--quick", action="store_true", help="small, fast, no append")
    parser.add_argument("--no-append", action="store_true", help="do not write BENCHMARKS.md")
    parser.add_argument("--only", default="", help="comma-separated variants")
    parser.add_argument("--skip-sizes", action="store_true", help="skip the event-size table")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument("--load", action="store_true", help="keep one core busy meanwhile")
    args = parser.parse_args()
    if args.quick:
        args.events, args.runs, args.budget, args.no_append = 600, 3, 5.0, True

    variants = args.only.split(",") if args.only else ["lf", "crlf", "multiline", "large"]
    chunkings = ["64KiB", "event", "7B"]
    command = "python benchmarks/sse.py " + " ".join(sys.argv[1:])
    print(f"# {command.strip()}\n# {machine()}\n# {versions()}", flush=True)
    with background_load(args.load) as load:
        rows, notes, misses = bench_matrix(args.events, args.runs, args.budget, variants, chunkings)
        size_rows: list[str] = []
        if not args.skip_sizes:
            sizes = [KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB, KIB * KIB]
            total = (1 if args.quick else 4) * KIB * KIB
            size_rows = bench_sizes(args.runs, args.budget, sizes, total)
    for note in notes:
        print("note:", note)
    for miss in misses:
        print("target not met:", miss)

    if args.no_append:
        return
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = [
        f"## SSE decoding (benchmarks/sse.py), {today}",
        "",
        f"- command: `{command.strip()}`",
        f"- machine: {machine()}",
        f"- versions: {versions()}",
        f"- background load: {load}; load average before the run: {os.getloadavg()[0]:.2f}",
        f"- median CPU time (`time.process_time`) of {args.runs} runs per cell, decoders "
        "interleaved round-robin; events/s = events ÷ that time. Streams: OpenAI-style "
        f"`chat.completion.chunk` events ({args.events} per stream; `large` has a quarter as "
        "many, four of them ~250 KiB), LF, CRLF, or data spread over one line per JSON key "
        "(`multiline`); chunks: 64 KiB slices, one event per chunk, 7-byte slices.",
        "- every decoder reads an `httpx.Response` over the same chunks and must decode the "
        "same (event, data) pairs as ours (✗: it did not, and is left out of the ratios). "
        "`ours` reads the body with `_streaming.iter_body` (raw chunks when there is no "
        "Content-Encoding); `ours via iter_bytes` reads "
        "`response.iter_bytes()`, as `_events.py` does at the time of writing and the peers do.",
        "- floors: `read only` = iterating `response.iter_bytes()` and nothing else; "
        "`read+split` = `b''.join(response.iter_bytes()).split(sep)`; `bare split` = "
        "`b''.join(chunks).split(sep)` on the chunk list, no httpx at all; sep = "
        "`\\r\\n\\r\\n` for CRLF and `\\n\\n` otherwise.",
        "- `ours ÷ best peer`: our events/s over the fastest correct peer's (target ≥ 1.5x). "
        "`ours ÷ read+split` / `ours ÷ bare split`: our time over the floor's (target ≤ 2x; "
        "the read+split floor reads the same response as every decoder does, the bare one "
        "pays no per-chunk cost at all).",
        "",
        *rows,
        "",
    ]
    if misses:
        text += ["Targets not met in this run:", "", *[f"- {m}" for m in misses], ""]
    if size_rows:
        text += [
            "Time per byte as events grow (ours, CPU ns per byte of stream; about "
            f"{4 if not args.quick else 1} MiB of events per size; `iter_body alone` is the "
            "cost of reading the response without decoding):",
            "",
            *size_rows,
            "",
        ]
    if notes:
        text += ["Notes:", "", *[f"- {note}" for note in notes], ""]
    out = Path(args.output)
    previous = out.read_text() if out.exists() else "# Benchmarks\n\n"
    out.write_text(previous.rstrip("\n") + "\n\n" + "\n".join(text))
    print(f"appended to {out}")


if __name__ == "__main__":
    main()
