"""Conformance of templates/python/runtime/_streaming.py with WHATWG HTML "Interpreting an
event stream": one case per rule, each decoded whole, split in two at every byte
boundary and one byte at a time, through `iter_sse` and `aiter_sse` alike."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Iterable, Iterator
from types import ModuleType

import httpx
import pytest

Ev = tuple[str, str, str, int | None]


def ev(data: str, event: str = "message", id: str = "", retry: int | None = None) -> Ev:
    return (event, data, id, retry)


# (rule, stream, expected events as (event, data, id, retry))
CASES: list[tuple[str, bytes, list[Ev]]] = [
    # Dispatch and the data buffer.
    ("simple data event", b"data: hello\n\n", [ev("hello")]),
    ("event type defaults to message", b"data: x\n\n", [ev("x", "message")]),
    ("data lines joined by LF", b"data: a\ndata: b\ndata: c\n\n", [ev("a\nb\nc")]),
    ("data lines mixing space and no space", b"data: a\ndata:b\ndata:  c\n\n", [ev("a\nb\n c")]),
    ("empty data lines", b"data:\ndata:\n\n", [ev("\n")]),
    ("empty line without data dispatches nothing", b"\n\n\r\n\r\r\n", []),
    ("comment-only block dispatches nothing", b": hi\n\n:\n\n", []),
    ("unterminated last event is discarded", b"data: a\n\ndata: b\n", [ev("a")]),
    ("unterminated last line is discarded", b"data: a\n\ndata: b", [ev("a")]),
    ("empty stream", b"", []),
    ("several blank lines between events", b"data: a\n\n\n\ndata: b\n\n\n", [ev("a"), ev("b")]),
    ("data buffer reset after dispatch", b"data: a\n\ndata: b\n\n", [ev("a"), ev("b")]),
    # Field parsing.
    ("no space after colon", b"data:x\n\n", [ev("x")]),
    ("only one leading space is removed", b"data:  x \n\n", [ev(" x ")]),
    ("colons inside the value are kept", b"data: a:b: c\n\n", [ev("a:b: c")]),
    ("field without colon is the whole line, empty value", b"data\n\n", [ev("")]),
    ("field names are case-sensitive", b"DATA: x\nData: y\ndata: z\n\n", [ev("z")]),
    ("space before colon makes another field name", b"data : x\n\ndata: y\n\n", [ev("y")]),
    ("unknown fields are ignored", b"foo: bar\ndata: x\nbaz\n\n", [ev("x")]),
    ("comment lines are ignored", b": one\ndata: x\n:two\n\n", [ev("x")]),
    ("a lone colon is a comment", b":\ndata: x\n\n", [ev("x")]),
    ("NUL inside data is kept", b"data: a\x00b\n\n", [ev("a\x00b")]),
    # event.
    ("event sets the type", b"event: add\ndata: 1\n\n", [ev("1", "add")]),
    ("event type reset after dispatch", b"event: a\ndata: 1\n\ndata: 2\n\n", [ev("1", "a"), ev("2")]),
    ("empty event value means message", b"event:\ndata: x\n\n", [ev("x")]),
    ("event without colon means message", b"event\ndata: x\n\n", [ev("x")]),
    ("last event line wins", b"event: a\nevent: b\ndata: x\n\n", [ev("x", "b")]),
    ("event reset by a block without data", b"event: a\n\ndata: x\n\n", [ev("x")]),
    # id.
    ("id sets the last event id", b"id: 1\ndata: a\n\n", [ev("a", id="1")]),
    ("id persists to later events", b"id: 1\ndata: a\n\ndata: b\n\n", [ev("a", id="1"), ev("b", id="1")]),
    ("id after data applies to that event", b"data: a\nid: 7\n\n", [ev("a", id="7")]),
    ("id in a block without data persists", b"id: 5\n\ndata: a\n\n", [ev("a", id="5")]),
    ("id containing NUL is ignored", b"id: 1\n\nid: 2\x003\ndata: a\n\n", [ev("a", id="1")]),
    ("empty id resets the id", b"id: 1\ndata: a\n\nid\ndata: b\n\n", [ev("a", id="1"), ev("b", id="")]),
    ("id keeps spaces after the first", b"id:  x \ndata: a\n\n", [ev("a", id=" x ")]),
    # retry.
    ("retry with ASCII digits", b"retry: 3000\ndata: a\n\n", [ev("a", retry=3000)]),
    ("retry belongs to its own event only", b"retry: 5\ndata: a\n\ndata: b\n\n", [ev("a", retry=5), ev("b")]),
    ("retry leading zeros", b"retry: 007\ndata: a\n\n", [ev("a", retry=7)]),
    (
        "retry that is not only ASCII digits is ignored",
        b"retry: 1x\ndata: a\n\nretry: -1\ndata: b\n\nretry: 1.5\ndata: c\n\n"
        b"retry:\ndata: d\n\nretry:  5\ndata: e\n\nretry: \xd9\xa1\xd9\xa2\ndata: f\n\n"
        b"retry: \xc2\xb2\ndata: g\n\n",
        [ev("a"), ev("b"), ev("c"), ev("d"), ev("e"), ev("f"), ev("g")],
    ),
    ("retry in a block without data is dropped", b"retry: 5\n\ndata: a\n\n", [ev("a")]),
    # Line ends.
    ("CR line ends", b"data: a\rdata: b\r\rdata: c\r\r", [ev("a\nb"), ev("c")]),
    ("CRLF line ends", b"data: a\r\ndata: b\r\n\r\n", [ev("a\nb")]),
    ("CRLF is one line end, not two", b"event: x\r\ndata: a\r\n\r\n", [ev("a", "x")]),
    ("LF CR is two line ends", b"data: a\n\rdata: b\n\n", [ev("a"), ev("b")]),
    (
        "mixed line ends",
        b"data: a\r\n\ndata: b\r\rdata: c\n\r\nid: 1\r\ndata: d\r\r\n",
        [ev("a"), ev("b"), ev("c"), ev("d", id="1")],
    ),
    ("CR CR LF is two line ends", b"data: a\r\r\ndata: b\n\n", [ev("a"), ev("b")]),
    (
        "other Unicode line breaks are not line ends",
        "data: a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i\n\n".encode(),
        [ev("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i")],
    ),
    # Decoding.
    ("UTF-8 multi-byte characters", "data: café € 😀\n\n".encode(), [ev("café € 😀")]),
    ("invalid byte becomes U+FFFD", b"data: a\xffb\n\n", [ev("a\ufffdb")]),
    ("truncated sequence becomes U+FFFD", b"data: \xe2\x82x\n\n", [ev("\ufffdx")]),
    ("truncated sequence before a line end", b"data: \xf0\x9f\n\n", [ev("\ufffd")]),
    ("BOM stripped at stream start", b"\xef\xbb\xbfdata: a\n\n", [ev("a")]),
    (
        "only one BOM is stripped",
        b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n",
        [ev("b")],
    ),
    ("BOM after stream start is not stripped", b"data: a\n\n\xef\xbb\xbfdata: b\n\n", [ev("a")]),
    ("BOM inside a value is kept", b"data: \xef\xbb\xbfx\n\n", [ev("\ufeffx")]),
    # Examples from the standard.
    ("spec: stock ticker", b"data: YHOO\ndata: +2\ndata: 10\n\n", [ev("YHOO\n+2\n10")]),
    (
        "spec: comments and ids",
        b": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
        [ev("first event", id="1"), ev("second event", id=""), ev(" third event", id="")],
    ),
    ("spec: empty data and unterminated end", b"data\n\ndata\ndata\n\ndata:", [ev(""), ev("\n")]),
    ("spec: space after colon is optional", b"data:test\n\ndata: test\n\n", [ev("test"), ev("test")]),
    (
        "spec: event types",
        b"event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n",
        [ev("73857293", "add"), ev("2153", "remove"), ev("113411", "add")],
    ),
]


def chunkings(raw: bytes) -> list[list[bytes]]:
    """The stream whole, split in two at every byte boundary, and byte by byte."""
    out = [[raw]]
    out += [[raw[:i], raw[i:]] for i in range(len(raw) + 1)]
    out.append([raw[i : i + 1] for i in range(len(raw))])
    return out


def as_tuples(events: Iterable[object]) -> list[Ev]:
    return [(e.event, e.data, e.id, e.retry) for e in events]  # type: ignore[attr-defined]


def decode_sync(sse: ModuleType, chunks: list[bytes], **kwargs: int) -> list[Ev]:
    return as_tuples(sse.iter_sse(iter(chunks), **kwargs))


async def _agen(chunks: list[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        await asyncio.sleep(0)
        yield chunk


async def _adecode(sse: ModuleType, chunks: list[bytes], **kwargs: int) -> list[Ev]:
    return as_tuples([e async for e in sse.aiter_sse(_agen(chunks), **kwargs)])


def decode_async(sse: ModuleType, chunks: list[bytes], **kwargs: int) -> list[Ev]:
    return asyncio.run(_adecode(sse, chunks, **kwargs))


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(sse: ModuleType, raw: bytes, expected: list[Ev]) -> None:
    all_chunkings = chunkings(raw)
    for chunks in all_chunkings:
        assert decode_sync(sse, chunks) == expected, chunks

    async def run_all() -> None:
        for chunks in all_chunkings:
            assert await _adecode(sse, chunks) == expected, chunks

    asyncio.run(run_all())


def test_empty_chunks_are_harmless(sse: ModuleType) -> None:
    raw = "\ufeffdata: é\r\n\r\ndata: b\r\r".encode()
    chunks = [b""] + [raw[i : i + 1] + b"" for i in range(len(raw))]
    chunks = [part for c in chunks for part in (c, b"")]
    assert decode_sync(sse, chunks) == [ev("é"), ev("b")]
    assert decode_async(sse, chunks) == [ev("é"), ev("b")]


def test_cr_at_chunk_end_then_lf(sse: ModuleType) -> None:
    chunks = [b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]
    assert decode_sync(sse, chunks) == [ev("a\nb")]
    assert decode_async(sse, chunks) == [ev("a\nb")]


def test_decoder_feed_has_no_flush(sse: ModuleType) -> None:
    decoder = sse.SSEDecoder()
    assert decoder.feed(b"id: 3\ndata: a") == []
    assert decoder.feed(b"\n") == []
    assert decoder.feed(b"\n") == [sse.ServerSentEvent("message", "a", "3", None)]
    assert decoder.feed(b"data: never dispatched\n") == []
    assert decoder.last_event_id == "3"


def test_server_sent_event_value_semantics(sse: ModuleType) -> None:
    event = sse.ServerSentEvent(data="x")
    assert (event.event, event.data, event.id, event.retry) == ("message", "x", "", None)
    assert event == sse.ServerSentEvent("message", "x", "", None)
    assert event != sse.ServerSentEvent("message", "x", "1", None)
    assert event != ("message", "x", "", None)
    assert repr(event) == "ServerSentEvent(event='message', data='x', id='', retry=None)"
    assert not hasattr(event, "__dict__")


# The size cap.


@pytest.mark.parametrize("decode", [decode_sync, decode_async])
def test_cap_oversized_line(sse: ModuleType, decode: object) -> None:
    raw = b"data: " + b"x" * 100 + b"\n\n"
    for chunks in ([raw], [raw[i : i + 7] for i in range(0, len(raw), 7)], [raw[:-2]]):
        with pytest.raises(sse.SSEEventTooLargeError, match="max_event_size=50"):
            decode(sse, chunks, max_event_size=50)  # type: ignore[operator]


@pytest.mark.parametrize("decode", [decode_sync, decode_async])
def test_cap_oversized_comment_line(sse: ModuleType, decode: object) -> None:
    raw = b":" + b"x" * 100 + b"\ndata: a\n\n"
    for chunks in ([raw], [raw[i : i + 7] for i in range(0, len(raw), 7)]):
        with pytest.raises(sse.SSEEventTooLargeError):
            decode(sse, chunks, max_event_size=50)  # type: ignore[operator]


@pytest.mark.parametrize("decode", [decode_sync, decode_async])
@pytest.mark.parametrize("prefix", [b"data: ", b"data:"])
def test_cap_oversized_event_of_small_lines(sse: ModuleType, decode: object, prefix: bytes) -> None:
    raw = (prefix + b"123456789\n") * 20 + b"\n"
    for chunks in ([raw], [raw[i : i + 7] for i in range(0, len(raw), 7)]):
        with pytest.raises(sse.SSEEventTooLargeError, match="max_event_size=50"):
            decode(sse, chunks, max_event_size=50)  # type: ignore[operator]


def test_cap_is_an_sse_error_and_exact_limit_passes(sse: ModuleType) -> None:
    assert issubclass(sse.SSEEventTooLargeError, sse.SSEError)
    assert sse.DEFAULT_MAX_EVENT_SIZE >= 1024 * 1024
    exact = b"data: " + b"x" * 44 + b"\n\n"  # the line is 50 characters
    assert decode_sync(sse, [exact], max_event_size=50) == [ev("x" * 44)]
    lines = b"data: 1234\n" * 10 + b"\n"  # data: 10 * 4 + 9 LFs = 49
    assert decode_sync(sse, [lines], max_event_size=50) == [ev("\n".join(["1234"] * 10))]
    with pytest.raises(ValueError):
        sse.SSEDecoder(0)


def test_cap_counts_each_event_on_its_own(sse: ModuleType) -> None:
    raw = b"data: 0123456789\n" * 3 + b"\n"  # 32 bytes of data per event
    for chunks in ([raw * 10], _seven_byte_chunks(raw * 10)):
        assert len(decode_sync(sse, chunks, max_event_size=40)) == 10


def test_cap_message_says_how_to_raise_it(sse: ModuleType) -> None:
    with pytest.raises(sse.SSEEventTooLargeError) as info:
        decode_sync(sse, [b"data: " + b"x" * 64], max_event_size=10)
    message = str(info.value)
    assert "max_event_size=10" in message and "larger max_event_size" in message


# Large events in tiny chunks must stay linear; no timing here, only that it finishes.


def _seven_byte_chunks(raw: bytes) -> list[bytes]:
    return [raw[i : i + 7] for i in range(0, len(raw), 7)]


def test_one_megabyte_single_line_event_in_tiny_chunks(sse: ModuleType) -> None:
    payload = ("ab€" * 350_000)[:1_000_000]
    raw = b"data: " + payload.encode() + b"\n\ndata: next\n\n"
    assert decode_sync(sse, _seven_byte_chunks(raw)) == [ev(payload), ev("next")]


def test_one_megabyte_many_line_event_in_tiny_chunks(sse: ModuleType) -> None:
    lines = [f"line {i:06d} é" for i in range(70_000)]
    raw = "".join(f"data: {line}\r\n" for line in lines).encode() + b"\r\n"
    assert decode_sync(sse, _seven_byte_chunks(raw)) == [ev("\n".join(lines))]
    assert decode_async(sse, _seven_byte_chunks(raw)) == [ev("\n".join(lines))]


def test_many_events_in_tiny_chunks(sse: ModuleType) -> None:
    raw = b"".join(b'id: %d\ndata: {"n": %d}\n\n' % (i, i) for i in range(20_000))
    got = decode_sync(sse, _seven_byte_chunks(raw))
    assert len(got) == 20_000
    assert got[-1] == ev('{"n": 19999}', id="19999")


# Reading an httpx response.


class _ListStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._chunks)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


def test_iter_body_keeps_chunks_and_decodes_content_coding(sse: ModuleType) -> None:
    chunks = [b"data: a", b"\n", b"", b"\ndata: b\n\n"]
    response = httpx.Response(200, stream=_ListStream(chunks))
    assert list(sse.iter_body(response)) == [c for c in chunks if c]  # not re-chunked

    gzipped = gzip.compress(b"data: zipped\n\n")
    headers = {"content-encoding": "gzip"}
    response = httpx.Response(200, headers=headers, stream=_ListStream([gzipped[:5], gzipped[5:]]))
    assert as_tuples(sse.iter_sse(sse.iter_body(response))) == [ev("zipped")]

    read = httpx.Response(200, content=b"data: read\n\n")  # already read into memory
    assert as_tuples(sse.iter_sse(sse.iter_body(read))) == [ev("read")]


def test_aiter_body_keeps_chunks_and_decodes_content_coding(sse: ModuleType) -> None:
    async def run() -> None:
        chunks = [b"data: a", b"\n", b"\ndata: b\n\n"]
        response = httpx.Response(200, stream=_ListStream(chunks))
        assert [c async for c in sse.aiter_body(response)] == chunks

        gzipped = gzip.compress(b"data: zipped\n\n")
        headers = {"content-encoding": "gzip"}
        response = httpx.Response(200, headers=headers, stream=_ListStream([gzipped]))
        events = [e async for e in sse.aiter_sse(sse.aiter_body(response))]
        assert as_tuples(events) == [ev("zipped")]

    asyncio.run(run())
