"""The typed stream's plain path (raw `data: ` bytes validated as they are) against its
general path (decoded events, one `decode` each): the same items, or the same error,
whatever the chunking, the line ends or the odd event in between.

The general path is the reference: a decoder without `plain` (the `Decoder` protocol
alone, as a user's own decoder) always takes it. The plain path has three ways in, all
exercised here: a read that ends one event is cut by the stream itself (one read per
event, or the read that ends an event begun in earlier reads, with the start of the next
line in it or not), a read that completes several goes through `feed_plain`, and anything
else through the decoder's `feed`."""

from __future__ import annotations

import asyncio
import importlib
import json
import random
from typing import Any

import httpx
import pytest
from conftest_client import atoma_sdk, chunk

EventStream = atoma_sdk.EventStream
DECODER = importlib.import_module("atoma_sdk.resources.chat")._CHAT_COMPLETIONS_CREATE_STREAM_EVENTS


class _Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The body, read by read; `marks`: how many items the reader had taken at each read
    (and at the end), which tells whether each event came as soon as its read did."""

    def __init__(self, chunks: list[bytes], taken: list[Any]) -> None:
        self._chunks = chunks
        self._taken = taken
        self.marks: list[int] = []

    def __iter__(self) -> Any:
        for piece in self._chunks:
            self.marks.append(len(self._taken))
            yield piece
        self.marks.append(len(self._taken))

    async def __aiter__(self) -> Any:
        for piece in self.__iter__():
            yield piece


def _response(body: _Chunks) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        stream=body,
        request=httpx.Request("POST", "http://127.0.0.1/v1/chat/completions"),
    )


class _General:
    """`DECODER` without its plain path."""

    def __init__(self) -> None:
        self.decode = DECODER.decode
        self.sentinel = DECODER.sentinel
        self.recover = DECODER.recover


def _item(item: Any) -> tuple[Any, ...]:
    return (
        type(item).__name__,
        item.model_dump(mode="json", warnings=False),
        item.model_fields_set,
        item.model_extra,
        item.__pydantic_private__,
    )


Read = tuple[list[Any], str, list[int]]  # items, the error, the marks


def _read(chunks: list[bytes], *, general: bool, strict: bool = False, max_size: int = 0) -> Read:
    decoder = _General() if general else DECODER
    items: list[Any] = []
    body = _Chunks(chunks, items)
    stream = EventStream(_response(body), decoder, strict=strict)
    assert (stream._reading.plain is None) is general
    if max_size:
        parser = stream._reading.parser  # as SSEDecoder(max_size) would be
        parser._max = parser._room = max_size
    try:
        for item in stream:
            items.append(_item(item))
    except atoma_sdk.APIError as exc:
        return items, f"{type(exc).__name__}: {exc}", body.marks
    return items, "", body.marks


def _aread(chunks: list[bytes], *, strict: bool = False) -> Read:
    async def run() -> Read:
        items: list[Any] = []
        body = _Chunks(chunks, items)
        stream = atoma_sdk.AsyncEventStream(_response(body), DECODER, strict=strict)
        assert stream._reading.plain is not None
        try:
            async for item in stream:
                items.append(_item(item))
        except atoma_sdk.APIError as exc:
            return items, f"{type(exc).__name__}: {exc}", body.marks
        return items, "", body.marks

    return asyncio.run(run())


def _cuts(raw: bytes, rng: random.Random, parts: list[bytes]) -> list[list[bytes]]:
    """Whole, one read per part (an event or an odd line), two parts a read, reads from
    the middle of one part to the middle of the next, 7-byte, 1-byte (more reads than
    `_WAIT` to a line) and random reads."""
    parts = [part for part in parts if part]
    pairs = [b"".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
    halves = [part[: len(part) // 2] for part in parts] + [b""]
    shifted = [halves[0]] + [p[len(h) :] + n for p, h, n in zip(parts, halves, halves[1:], strict=False)]
    sizes = [[raw], parts, pairs, shifted, [raw[i : i + 7] for i in range(0, len(raw), 7)]]
    sizes.append([raw[i : i + 1] for i in range(len(raw))])
    out, i = [], 0
    while i < len(raw):
        step = rng.choice([1, 2, 3, 7, 16, 64, 300, 5000])
        out.append(raw[i : i + step])
        i += step
    return [*sizes, out]


def _event(i: int) -> bytes:
    return b"data: " + json.dumps(chunk(i, 3, 40), ensure_ascii=False).encode() + b"\n\n"


ODD = [
    b": keep-alive\n\n",
    b"id: 7\n",  # the id line joins the next event
    b"retry: 5\n\n",
    b'data: {"id":"x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []}\r\n\r\n',
    b'data: {"id": "caf\xc3\xa9 \xff", "object": "o", "created": 1, "model": "m", "choices": []}\n\n',
    b'data: {"id": "y", "object": "o", "created": "not a number", "model": "m", "choices": []}\n\n',
    b"data: {\ndata: }\n\n",  # two data lines
    b"\n",  # a lone blank line
    # Sorts below `{"error"`: the stream checks it for the sentinel and an error payload.
    b'data: {"choices": [], "id": "z", "object": "o", "created": 2, "model": "m"}\n\n',
    # A valid chunk, but an error payload all the same (the general path raises it).
    b'data: {"error": {"message": "e"}, "id": "e", "object": "o", "created": 1, "model": "m", '
    b'"choices": []}\n\n',
    b'data: {"id":\r"x", "object": "o", "created": 1, "model": "m", "choices": []}\n\n',  # a lone CR
    b'data: {"id": "cr", "object": "o", "created": 1, "model": "m", "choices": []}\r\r',  # CR ends
    b"data: \n\n",  # empty data: a plain event that is not JSON
    b"data: [DONE]x\n\n",  # not the sentinel
]


def _stream(seed: int) -> tuple[bytes, list[bytes], random.Random]:
    rng = random.Random(seed)
    parts = [_event(i) for i in range(40)]
    for _ in range(rng.randint(0, 6)):
        parts.insert(rng.randint(0, len(parts)), rng.choice(ODD))
    if seed % 3 == 0:
        parts.insert(rng.randint(0, len(parts)), b'data: {"error": {"message": "mid-stream failure"}}\n\n')
    if seed % 4 == 1:
        parts.insert(rng.randint(8, len(parts)), b"data: [DONE]\n\n")  # ends it early
    parts.append(b"data: [DONE]\n\n" if seed % 2 else b"")
    if seed % 5 == 2:
        parts.insert(0, b"\xef\xbb\xbf")  # a byte order mark, dropped at the start only
    return b"".join(parts), parts, rng


@pytest.mark.parametrize("seed", range(16))
def test_plain_path_matches_general_path(seed: int) -> None:
    # The same items (or error), each delivered at the same read.
    raw, parts, rng = _stream(seed)
    whole = _read([raw], general=True)
    assert whole[0] or whole[1], "the stream must yield something or fail"
    for chunks in _cuts(raw, rng, parts):
        expected = _read(chunks, general=True)
        assert expected[:2] == whole[:2]
        assert _read(chunks, general=False) == expected
        assert _aread(chunks) == expected


@pytest.mark.parametrize("seed", range(4))
def test_strict_stream_raises_where_the_general_path_does(seed: int) -> None:
    # Event k deviates: the items before it, then the same `StreamDecodeError`, whether
    # event k arrives alone, with the events around it in one read, or in pieces.
    rng = random.Random(seed)
    parts = [_event(i) for i in range(12)]
    bad = b'data: {"id": "y", "object": "o", "created": "soon", "model": "m", "choices": []}\n\n'
    k = rng.randint(0, len(parts))
    parts.insert(k, bad)
    raw = b"".join(parts)
    for chunks in _cuts(raw, rng, parts):
        expected = _read(chunks, general=True, strict=True)
        assert len(expected[0]) == k and expected[1].startswith("StreamDecodeError: ")
        assert _read(chunks, general=False, strict=True) == expected
        assert _aread(chunks, strict=True) == expected


def test_reads_cut_by_the_stream_itself_or_left_to_the_decoder() -> None:
    # Reads shaped for each way through: the decoder's first read leaves the start of a
    # line that the next read continues with `data: ` (which must not pass for a line of
    # its own), then reads that each end one event, end two, end one and begin the next
    # line, end only a `data: ` line, then its blank line.
    e = [_event(i) for i in range(6)]
    inner = b'data: {"id": "data: 1", "object": "o", "created": 1, "model": "m", "choices": []}\n\n'
    cut = inner.index(b"data: 1")
    reads = [e[0] + inner[:cut], inner[cut:], e[1], e[2] + e[3], e[4] + e[5][:9], e[5][9:-1], b"\n"]
    expected = _read(reads, general=True)
    assert len(expected[0]) == 7 and not expected[1]
    assert _read(reads, general=False) == expected
    assert _aread(reads) == expected


def test_a_line_without_end_meets_the_size_limit_within_a_few_reads() -> None:
    # Reads without a line end wait for one, but not for ever: the decoder sees them (and
    # its size limit fails the stream) after `_WAIT` reads at most.
    line = b'data: {"id": "' + b"x" * 2000
    reads = [line[i : i + 1] for i in range(len(line))]
    for general in (True, False):
        items, error, marks = _read(reads, general=general, max_size=300)
        assert "max_event_size=300" in error
        assert 300 < len(marks) <= 300 + 2 * 65


def test_lines_over_the_size_limit_fail_as_in_the_decoder() -> None:
    # With a limit between the events' sizes, the long event fails the stream whichever
    # path reads it: the same items before it, the same error. (When the decoder sees the
    # long line depends on the reads, so each chunking has its own reference.)
    parts = [_event(0), _event(1), b'data: {"id": "' + b"x" * 400 + b'"}\n\n', _event(2)]
    assert max(map(len, parts[:2])) < 300
    raw = b"".join(parts)
    for chunks in _cuts(raw, random.Random(1), parts):
        expected = _read(chunks, general=True, max_size=300)
        assert "max_event_size=300" in expected[1]
        assert _read(chunks, general=False, max_size=300) == expected
    assert len(_read(parts, general=False, max_size=300)[0]) == 2


def test_plain_path_takes_raw_bytes_and_ends_at_the_sentinel() -> None:
    # Non-ASCII and invalid UTF-8 (replaced, as the text path decodes it) in a plain event.
    raw = b"".join([_event(0), ODD[4], b"data: [DONE]\n\n", _event(1)])
    items, error, _ = _read([raw[i : i + 5] for i in range(0, len(raw), 5)], general=False)
    assert not error
    assert [item[1]["data"]["id"] for item in items] == ["chatcmpl-3", "caf\u00e9 \ufffd"]
    assert items[0][2:] == ({"data"}, {}, None)


def _styled(i: int, end: bytes) -> bytes:
    # Event i with every line end `end` (LF, CRLF or CR).
    return _event(i).replace(b"\n\n", end + end)


def _due(parts: list[bytes], reads: list[bytes]) -> list[int]:
    """Per read, how many events a decoder that looks at every byte has dispatched once the
    read is in: an event is due at the first byte of its blank line's line end."""
    ends, at = [], 0
    for part in parts:
        at += len(part)
        ends.append(at - (2 if part.endswith(b"\r\n") else 1))  # CRLF: due at its CR
    due, seen = [], 0
    for read in reads:
        seen += len(read)
        due.append(sum(end < seen for end in ends))
    return due


def _splits(raw: bytes) -> list[list[bytes]]:
    # 1-byte and 7-byte reads, and reads cut between every CR and the LF after it.
    crlf = [piece + b"\r" for piece in raw.split(b"\r")]
    crlf[-1] = crlf[-1][:-1]
    return [[raw[i : i + n] for i in range(0, len(raw), n)] for n in (1, 7)] + [crlf]


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_each_event_comes_with_the_read_that_ends_it(end: bytes) -> None:
    # Whatever the line ends and however the reads cut them (a CRLF split between two
    # reads included), an event is delivered as soon as the read holding its end is in.
    parts = [_styled(i, end) for i in range(8)]
    for reads in _splits(b"".join(parts)):
        for items, error, marks in (
            _read(reads, general=False),
            _read(reads, general=True),
            _aread(reads),
        ):
            assert not error and len(items) == len(parts)
            assert marks[1:] == _due(parts, reads)


def test_a_cr_only_event_in_an_lf_stream_comes_whole_with_a_later_read() -> None:
    # Once a stream has ended lines with LF alone, small reads are tested for LF only: an
    # event a CR alone ends then comes with the next read that has an LF, or once `_WAIT`
    # reads have waited (documented in `EventStream._events`): the same item in the same
    # order; then CR is tested again, and the next CR-only event comes on time.
    parts = [_event(0), _event(1), _event(2), _styled(3, b"\r"), _styled(4, b"\r"), _event(5)]
    raw = b"".join(parts)
    reads = [raw[i : i + 7] for i in range(0, len(raw), 7)]
    exact = _read([raw], general=True)[0]
    due = _due(parts, reads)
    for items, error, marks in (_read(reads, general=False), _aread(reads)):
        assert not error and items == exact
        late = [i for i, (got, want) in enumerate(zip(marks[1:], due, strict=True)) if got != want]
        assert late, "event 3 waits"
        assert late == list(range(late[0], late[-1] + 1)) and len(late) < 64
        assert due[late[0]] == 4 and all(marks[i + 1] == 3 for i in late)
        assert due.index(5) > late[-1] + 1  # event 4, on time
