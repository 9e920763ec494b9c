"""Property tests for templates/python/runtime/_streaming.py: any chunking of a stream decodes
to the same events as the whole stream, sync and async, and those events are the ones
a character-at-a-time reference reading of the standard produces."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from types import ModuleType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import examples

Ev = tuple[str, str, str, int | None]

SETTINGS = settings(
    max_examples=examples(1000),  # a third under CI (tests/helpers.py)
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def reference_decode(raw: bytes) -> list[Ev]:
    """The standard's algorithm, literally, one character at a time."""
    text = raw.decode("utf-8", "replace")
    if text[:1] == "\ufeff":
        text = text[1:]

    lines: list[str] = []
    current = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\r":
            lines.append(current)
            current = ""
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
        elif char == "\n":
            lines.append(current)
            current = ""
        else:
            current += char
        i += 1
    # `current` is an unterminated line: the stream ended inside it, so it is dropped.

    events: list[Ev] = []
    data = ""
    event_type = ""
    last_id = ""
    retry: int | None = None
    for line in lines:
        if line == "":
            if data == "":
                event_type = ""
                retry = None
                continue
            if data.endswith("\n"):
                data = data[:-1]
            events.append((event_type or "message", data, last_id, retry))
            data = ""
            event_type = ""
            retry = None
            continue
        if line[0] == ":":
            continue
        name = ""
        value = ""
        j = 0
        while j < len(line) and line[j] != ":":
            name += line[j]
            j += 1
        if j < len(line):
            value = line[j + 1 :]
            if value[:1] == " ":
                value = value[1:]
        if name == "data":
            data += value + "\n"
        elif name == "event":
            event_type = value
        elif name == "id":
            if "\0" not in value:
                last_id = value
        elif name == "retry":
            if value != "" and all(c in "0123456789" for c in value):
                retry = int(value)
    return events


def as_tuples(events: object) -> list[Ev]:
    return [(e.event, e.data, e.id, e.retry) for e in events]  # type: ignore[attr-defined]


async def _agen(chunks: list[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


async def _adecode(sse: ModuleType, chunks: list[bytes]) -> list[Ev]:
    return as_tuples([e async for e in sse.aiter_sse(_agen(chunks))])


def split_at(raw: bytes, cuts: list[int]) -> list[bytes]:
    bounds = [0, *sorted(set(cuts)), len(raw)]
    return [raw[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


# Streams built from the pieces an event stream is made of.
_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab :\x00\ufeff\x0b\x0c\x1c\x85\u2028\u2029é€😀0123456789"),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    ),
    max_size=12,
)
_name = st.sampled_from(["data", "event", "id", "retry", "", "dat", "DATA", "foo", "\ufeffdata"])
_retry_value = st.one_of(st.integers(0, 10**12).map(str), st.sampled_from(["", " 5", "5x", "٣"]))
_line = st.one_of(
    st.tuples(_name, st.sampled_from([":", ": ", ":  "]), _text).map("".join),
    st.tuples(st.just("retry"), st.sampled_from([":", ": "]), _retry_value).map("".join),
    _name,
    _text.map(lambda t: ":" + t),
    _text,
    st.just(""),
)
_line_end = st.sampled_from(["\n", "\r", "\r\n"])
_junk = st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\x80"])


_field_line = st.one_of(
    st.tuples(st.just("data: "), _text).map("".join),
    st.tuples(st.just("data: "), _text).map("".join),
    st.tuples(st.just("data:"), _text).map("".join),
    st.tuples(st.just("event: "), _text).map("".join),
    st.tuples(st.just("id: "), _text).map("".join),
    st.tuples(st.just("retry: "), _retry_value).map("".join),
    _line,
)


@st.composite
def streams(draw: st.DrawFn) -> bytes:
    """Blocks of field lines ended by blank lines, with odd bytes and line ends mixed in."""
    parts: list[bytes] = []
    if draw(st.booleans()):
        parts.append("\ufeff".encode())
    for _ in range(draw(st.integers(0, 5))):
        for _ in range(draw(st.integers(0, 4))):
            parts.append(draw(_field_line).encode())
            if draw(st.integers(0, 9)) == 0:
                parts.append(draw(_junk))
            parts.append(draw(_line_end).encode())
        parts.append(draw(_line_end).encode())
        if draw(st.integers(0, 4)) == 0:
            parts.append(draw(_line_end).encode())
    if draw(st.booleans()):
        parts.append(draw(_field_line).encode())
    return b"".join(parts)


_raw_bytes = st.lists(
    st.one_of(st.sampled_from([b"\r", b"\n", b":", b" ", b"data", b"id", b"retry", b"1"]), _junk),
    max_size=40,
).map(b"".join)


def plain_decode(sse: ModuleType, chunks: list[bytes]) -> list[Ev]:
    """Decode as a typed stream reads: reads without a line end are joined with the next,
    `feed_plain` takes what it can (its data then stands for `message` events with the last
    event id), `feed` the rest. The decoder's state must follow as `feed` alone leaves it."""
    decoder, alone = sse.SSEDecoder(), sse.SSEDecoder()
    out: list[Ev] = []
    waiting: list[bytes] = []
    for chunk in chunks:
        alone.feed(chunk)
        if 10 not in chunk and 13 not in chunk:
            waiting.append(chunk)
            continue
        chunk = b"".join([*waiting, chunk])
        waiting.clear()
        datas = decoder.feed_plain(chunk)
        if datas is None:
            out += as_tuples(decoder.feed(chunk))
        else:
            out += [("message", d.decode("utf-8", "replace"), decoder.last_event_id, None) for d in datas]
        assert decoder.last_event_id == alone.last_event_id
        assert decoder.reconnection_time == alone.reconnection_time
    return out


def _check(sse: ModuleType, raw: bytes, cuts: list[int]) -> None:
    expected = as_tuples(sse.iter_sse([raw]))
    assert expected == reference_decode(raw)
    chunks = split_at(raw, cuts)
    assert as_tuples(sse.iter_sse(iter(chunks))) == expected
    assert asyncio.run(_adecode(sse, chunks)) == expected
    assert plain_decode(sse, chunks) == expected
    assert plain_decode(sse, [raw[i : i + 7] for i in range(0, len(raw), 7)]) == expected
    one_byte = [raw[i : i + 1] for i in range(len(raw))]
    assert as_tuples(sse.iter_sse(one_byte)) == expected
    for i in range(1, len(raw)):
        assert as_tuples(sse.iter_sse([raw[:i], raw[i:]])) == expected, i


@SETTINGS
@given(data=st.data(), raw=streams())
def test_any_chunking_matches_whole_and_reference(sse: ModuleType, data: st.DataObject, raw: bytes) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(raw)), max_size=8))
    _check(sse, raw, cuts)


@SETTINGS
@given(data=st.data(), raw=_raw_bytes)
def test_arbitrary_bytes_match_reference(sse: ModuleType, data: st.DataObject, raw: bytes) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(raw)), max_size=8))
    _check(sse, raw, cuts)


@SETTINGS
@given(
    events=st.lists(st.tuples(_text, st.lists(_text, min_size=1, max_size=4)), max_size=10),
    line_end=_line_end,
    size=st.integers(1, 16),
)
def test_fixed_size_chunks_roundtrip(
    sse: ModuleType, events: list[tuple[str, list[str]]], line_end: str, size: int
) -> None:
    # An encoder's view: what we write is what we read back, whatever the chunk size.
    stream = "".join(
        f"event: {name}{line_end}" + "".join(f"data: {line}{line_end}" for line in lines) + line_end
        for name, lines in events
    )
    raw = stream.encode()
    chunks = [raw[i : i + size] for i in range(0, len(raw), size)]
    expected = [(name or "message", "\n".join(lines), "", None) for name, lines in events]
    assert as_tuples(sse.iter_sse(chunks)) == expected
    assert asyncio.run(_adecode(sse, chunks)) == expected


# Longer streams, so that the decoder's bulk paths (many events per chunk, events
# far larger than a chunk, runs of one-line events broken by other shapes) are hit.
_value = st.text(
    alphabet=st.sampled_from('ab é€😀:{}" 0123456789'),
    min_size=0,
    max_size=40,
)
_event_shape = st.one_of(
    _value.map(lambda v: [f"data: {v}"]),
    _value.map(lambda v: [f"data: {v}"]),
    _value.map(lambda v: [f"data: {v}"]),
    st.lists(_value, min_size=2, max_size=5).map(lambda vs: [f"data: {v}" for v in vs]),
    st.tuples(_value, _value).map(lambda t: [f"event: {t[0]}", f"data: {t[1]}"]),
    st.tuples(_value, _value).map(lambda t: [f"id: {t[0]}", f"data:{t[1]}"]),
    st.integers(4000, 9000).map(lambda n: [f"data: {'x€' * (n // 2)}"]),
    st.just([": keep-alive"]),
    st.just(["retry: 1500", "data: r"]),
)


@settings(SETTINGS, max_examples=examples(150))
@given(
    data=st.data(),
    events=st.lists(_event_shape, min_size=1, max_size=60),
    line_end=_line_end,
)
def test_bulk_streams_match_reference(
    sse: ModuleType, data: st.DataObject, events: list[list[str]], line_end: str
) -> None:
    raw = "".join(line_end.join(lines) + line_end * 2 for lines in events).encode()
    if data.draw(st.booleans()):
        raw += b"data: unfinished" + line_end.encode()
    expected = reference_decode(raw)
    assert as_tuples(sse.iter_sse([raw])) == expected
    size = data.draw(st.sampled_from([7, 100, 1000, 4096, 65536]))
    fixed = [raw[i : i + size] for i in range(0, len(raw), size)]
    assert as_tuples(sse.iter_sse(fixed)) == expected
    cuts = data.draw(st.lists(st.integers(0, len(raw)), max_size=6))
    chunks = split_at(raw, cuts)
    assert as_tuples(sse.iter_sse(chunks)) == expected
    assert asyncio.run(_adecode(sse, chunks)) == expected
    assert plain_decode(sse, fixed) == expected
    assert plain_decode(sse, chunks) == expected
