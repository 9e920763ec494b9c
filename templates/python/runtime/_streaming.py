"""Server-sent events: an incremental decoder for `text/event-stream` bodies.

The rules are those of the WHATWG HTML standard, section "Interpreting an event
stream", and they live in one place, `SSEDecoder`; `iter_sse` and `aiter_sse` only
feed it, and `iter_body` / `aiter_body` read an httpx response's body for them:

    for event in iter_sse(iter_body(response)):
        ...

Standard library only.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from itertools import repeat
from typing import Protocol

__all__ = [
    "DEFAULT_MAX_EVENT_SIZE",
    "SSEDecoder",
    "SSEError",
    "SSEEventTooLargeError",
    "ServerSentEvent",
    "aiter_body",
    "aiter_sse",
    "iter_body",
    "iter_sse",
]

DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024
"""Default cap, in bytes, on one line and on one event's data."""

# What `SSEDecoder._head` says about the start of the next decoded text.
_PLAIN = 0
_STREAM_START = 1  # a byte order mark there is dropped
_AFTER_CR = 2  # a line feed there ends no line: it completes the previous CR LF


class SSEError(Exception):
    """An event stream could not be decoded."""


class SSEEventTooLargeError(SSEError):
    """A line or an event's data grew beyond the decoder's `max_event_size`."""


class ServerSentEvent:
    """One dispatched event."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self,
        event: str = "message",
        data: str = "",
        id: str = "",
        retry: int | None = None,
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (
            self.event == other.event
            and self.data == other.data
            and self.id == other.id
            and self.retry == other.retry
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        fields = f"event={self.event!r}, data={self.data!r}, id={self.id!r}"
        return f"ServerSentEvent({fields}, retry={self.retry!r})"


def _too_large(what: str, limit: int) -> SSEEventTooLargeError:
    return SSEEventTooLargeError(
        f"{what} is longer than max_event_size={limit} bytes; "
        "pass a larger max_event_size to iter_sse()/aiter_sse()/SSEDecoder() "
        "if the server legitimately sends events this large"
    )


def _line_too_long(limit: int) -> SSEEventTooLargeError:
    return _too_large("A line of the event stream", limit)


def _data_too_long(limit: int) -> SSEEventTooLargeError:
    return _too_large("The data of one event", limit)


class SSEDecoder:
    """Incremental event-stream decoder: feed it bytes, get back complete events.

    Text that does not yet end in a blank line is kept, not dispatched; at the end
    of the stream it is simply dropped, as the standard says.

    Lines are split as bytes and decoded afterwards: CR and LF never occur inside
    a UTF-8 sequence and a U+FFFD replacement never spans them, so this decodes
    exactly as decoding the whole stream first would, and a multi-byte character
    cut by a chunk boundary needs no decoder state.

    `_lines` states the field rules, line by line. The other paths are shortcuts
    for the shapes that dominate real streams (whole events made only of `data: `
    lines) and hand anything else to `_lines`.
    """

    __slots__ = (
        "_clean",
        "_data",
        "_data_len",
        "_event",
        "_head",
        "_id",
        "_max",
        "_pending",
        "_retry",
        "_room",
        "reconnection_time",
    )

    def __init__(self, max_event_size: int = DEFAULT_MAX_EVENT_SIZE) -> None:
        if max_event_size < 1:
            raise ValueError("max_event_size must be a positive number of bytes")
        self._max = max_event_size
        self._head = _STREAM_START
        # Bytes after the last line end, in pieces so that tiny chunks are joined
        # once, when their line is complete, rather than once per chunk.
        self._pending: list[bytes] = []
        self._room = max_event_size  # what the pending line may still grow by
        # The event being built: its data lines, their size (each counted with
        # its LF), its type and its own retry. `_id` outlives events.
        self._data: list[bytes] = []
        self._data_len = 0
        self._event = ""
        self._id = ""
        self._retry: int | None = None
        # The stream's reconnection time (ms): set by any `retry:` line, even in a block
        # that dispatches no event, as the standard says; None until the server sends one.
        self.reconnection_time: int | None = None
        # No event begun and no special start: a chunk may be taken whole.
        self._clean = False

    @property
    def last_event_id(self) -> str:
        """The last event id seen so far ("" until one is set)."""
        return self._id

    @property
    def max_event_size(self) -> int:
        """The cap, in bytes, on one line and on one event's data."""
        return self._max

    @property
    def idle(self) -> bool:
        """Nothing under way: no event begun, no bytes kept, the stream's start behind.
        The next bytes begin a line of a new event, so a reader that finds in them one
        whole `data: ` line and its blank line may take that event itself (and keep the
        bytes after it, which `feed` or `feed_plain` gets with the next chunk)."""
        return self._clean and not self._pending

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode the next chunk of the body; return the events it completes."""
        pending = self._pending
        if 10 not in chunk and 13 not in chunk:
            # No line end: nothing to do until one arrives.
            pending.append(chunk)
            room = self._room - len(chunk)
            self._room = room
            if room < 0:
                raise _line_too_long(self._max)
            return []

        if pending:
            pending.append(chunk)
            buf = b"".join(pending)
            pending.clear()
        else:
            if self._clean and chunk[:6] == b"data: " and len(chunk) <= self._max:
                # The most common chunk of all: one whole one-line event.
                size = len(chunk)
                nl = chunk.find(b"\n")
                if nl == size - 2 and chunk[-1] == 10 and 13 not in chunk:
                    data = chunk[6:-2].decode("utf-8", "replace")
                    return [ServerSentEvent("message", data, self._id)]
                crlf = nl == size - 3 and chunk[-2:] == b"\r\n"
                if crlf and chunk.find(b"\r") == size - 4:
                    data = chunk[6:-4].decode("utf-8", "replace")
                    return [ServerSentEvent("message", data, self._id)]
            buf = chunk

        if self._head:
            head = self._head
            self._head = _PLAIN
            if head == _STREAM_START:
                if buf[:3] == b"\xef\xbb\xbf":
                    buf = buf[3:]
            elif buf[:1] == b"\n" and self._room == self._max:
                # The LF of a CR LF whose CR ended the previous chunk (with no
                # other byte in between).
                buf = buf[1:]
        if 13 in buf:
            if buf[-1] == 13:
                self._head = _AFTER_CR
            parts = buf.split(b"\r")
            after_cr = parts[1:]
            if min(after_cr) >= b"\n" and max(after_cr) < b"\x0b":
                buf = b"".join(parts)  # every CR is in a CR LF: drop the CRs
            else:
                buf = b"\n".join(buf.split(b"\r\n"))
                if 13 in buf:
                    buf = buf.replace(b"\r", b"\n")  # a lone CR is a line end too

        # From here on `buf` is complete lines, each ended by an LF.
        end = buf.rfind(b"\n") + 1
        if end < len(buf):
            tail = buf[end:]
            pending.append(tail)
            self._room = self._max - len(tail)
            if self._room < 0:
                raise _line_too_long(self._max)
        else:
            self._room = self._max
        if not end:
            return []
        if end > self._max and max(map(len, buf[:end].split(b"\n"))) > self._max:
            raise _line_too_long(self._max)
        nl = buf.find(b"\n")
        if nl == end - 1 and buf[:6] == b"data: ":
            # Just one data line (as when lines arrive one by one): whatever the
            # state, it only adds to the data of the event being built.
            self._data.append(buf[6:nl])
            self._data_len += end - 6
            if self._data_len > self._max + 1:
                raise _data_too_long(self._max)
            self._clean = False
            return []
        if end < len(buf):
            buf = buf[:end]
        events: list[ServerSentEvent] = []
        if self._data or self._event or self._retry is not None:
            # Finish the event begun earlier, up to and with its blank line.
            # Line by line with `find` rather than `split`: the lines may be large
            # and `split` looks at every byte in a slower loop than memchr's.
            lines = []
            start = 0
            while nl != start:  # `nl` ends the line that begins at `start`
                lines.append(buf[start:nl])
                start = nl + 1
                if start == end:  # no blank line yet
                    self._lines(lines, events)
                    return events
                nl = buf.find(b"\n", start)
            lines.append(b"")  # the blank line, which dispatches
            self._lines(lines, events)
            start += 1
            if start < end:
                self._complete(buf[start:], events)
        else:
            self._complete(buf, events)
        busy = self._data or self._event or self._retry is not None
        self._clean = not (busy or self._head)
        return events

    def feed_plain(self, chunk: bytes) -> list[bytes] | None:
        """`feed` for the common stream, whose every event is one `data: ` line.

        When the events that `chunk` completes are all such events, their data, as
        undecoded bytes (each a `message` event with `last_event_id`); None when anything
        else is in the way (then nothing was consumed, and the caller gives `chunk` to
        `feed`). A typed stream validates the bytes as they are: no decode to text that
        the JSON parser would encode again.
        """
        if not self._clean and self._head != _STREAM_START:
            # An event under way. (The stream's start is no obstacle: a plain buffer
            # starts with `data: `, so there is no byte order mark to drop.)
            return None
        pending = self._pending
        if pending:
            pending.append(chunk)
            buf = b"".join(pending)
            pending.pop()
        else:
            buf = chunk
        # Every plain buffer starts with `data: ` (`b"data: " <= buf < b"data:!"` says so
        # without a slice); CR line ends are for `feed`.
        if 13 in buf or not b"data: " <= buf < b"data:!":
            return None
        if buf[-1] == 10 and buf[-2] == 10:  # ends with an event, as most reads do
            last = buf[6:-2]
            rest = b""
            if len(buf) > self._max:
                return None
        else:
            end = buf.rfind(b"\n\n") + 2
            if end > self._max:
                return None
            last = buf[6 : end - 2] if end > 1 else b""
            rest = buf[end:] if end > 1 else buf
        if 10 not in last:
            datas = [last] if rest is not buf else []  # one event (the usual), or none
        else:
            datas = last.split(b"\n\ndata: ")
            # Plain iff every LF was in a separator (an event's end).
            if 10 in b"".join(datas):
                return None
        if rest:
            # The next event's start waits; a data line of it may too (it only counts
            # once the event is dispatched), any other line goes through `feed` now.
            nl = rest.find(b"\n")
            if nl >= 0 and (nl != len(rest) - 1 or rest[:6] != b"data: "):
                return None
            if len(rest) > self._max:
                return None
            pending.clear()
            pending.append(rest)
            self._room = self._max - (
                len(rest) - 1 - nl
            )  # what the last line may grow by
        elif pending:
            pending.clear()
            self._room = self._max
        if not self._clean:  # the stream's start, now behind
            self._head = _PLAIN
            self._clean = True
        return datas

    def _complete(self, buf: bytes, events: list[ServerSentEvent]) -> None:
        """Apply `buf`, LF-terminated lines that start an event, to the state."""
        # Fast paths for events of one `data: ` line. Leading ones are found with
        # `find` (memchr speed, whatever their size) until a small one is met...
        size = len(buf)
        find = buf.find
        startswith = buf.startswith
        last_id = self._id
        pos = 0
        while True:
            nl = find(b"\n", pos) + 1
            if nl == size or buf[nl] != 10 or not startswith(b"data: ", pos):
                break
            data = buf[pos + 6 : nl - 1].decode("utf-8", "replace")
            events.append(ServerSentEvent("message", data, last_id))
            small = nl - pos < 4096
            pos = nl + 1
            if pos == size:
                return
            if small:
                # ...then the rest in bulk, if lines alternate between
                # `data: ...` and blank.
                nl = find(b"\n", pos) + 1
                if nl < size and buf[nl] == 10:
                    lines = buf[pos:].split(b"\n")
                    lines.pop()
                    n = len(lines)
                    stop = n - (n & 1)
                    heads = lines[0:stop:2]
                    # (Every head starts with `data: ` iff all sort in between.)
                    if (
                        lines[1:stop:2].count(b"") * 2 == stop
                        and min(heads) >= b"data: "
                        and max(heads) < b"data:!"
                    ):
                        texts = [line[6:].decode("utf-8", "replace") for line in heads]
                        sse = ServerSentEvent
                        events += map(sse, repeat("message"), texts, repeat(last_id))
                        if stop < n:
                            self._lines(lines[stop:], events)
                        return
                break
        if pos:
            buf = buf[pos:]

        blocks = buf.split(b"\n\n")
        rest = blocks.pop()
        for block in blocks:
            if block[:6] == b"data: ":
                if 10 not in block:
                    data = block[6:].decode("utf-8", "replace")
                    events.append(ServerSentEvent("message", data, self._id))
                    continue
                # Several `data: ` lines, and no other line?
                values = block[6:].split(b"\ndata: ")
                if 10 not in b"".join(values):
                    raw = b"\n".join(values)
                    if len(raw) > self._max:
                        raise _data_too_long(self._max)
                    data = raw.decode("utf-8", "replace")
                    events.append(ServerSentEvent("message", data, self._id))
                    continue
            elif block[:7] == b"event: ":
                # `event: ...` then one `data: ...` line, as typed streams send.
                nl = block.find(b"\n")
                two = nl > 0 and block.find(b"\n", nl + 1) < 0
                if two and block.startswith(b"data: ", nl + 1):
                    name = block[7:nl].decode("utf-8", "replace") or "message"
                    data = block[nl + 7 :].decode("utf-8", "replace")
                    events.append(ServerSentEvent(name, data, self._id))
                    continue
            lines = block.split(b"\n")
            lines.append(b"")
            self._lines(lines, events)
        if rest:
            self._lines(rest[:-1].split(b"\n"), events)

    def _lines(self, lines: list[bytes], events: list[ServerSentEvent]) -> None:
        """Apply complete lines (without their line ends) to the decoder state."""
        data = self._data
        size = self._data_len
        limit = self._max + 1
        for line in lines:
            if line[:6] == b"data: ":
                value = line[6:]
            elif not line:
                # A blank line dispatches the event, if it has any data.
                if data:
                    text = b"\n".join(data).decode("utf-8", "replace")
                    event = self._event or "message"
                    events.append(ServerSentEvent(event, text, self._id, self._retry))
                    data = self._data = []
                    size = 0
                self._event = ""
                self._retry = None
                continue
            elif line[0] == 58:  # ":", a comment
                continue
            else:
                name, _, value = line.partition(b":")
                if value[:1] == b" ":
                    value = value[1:]
                if name != b"data":
                    if name == b"event":
                        self._event = value.decode("utf-8", "replace")
                    elif name == b"id":
                        if 0 not in value:
                            self._id = value.decode("utf-8", "replace")
                    elif name == b"retry" and value.isdigit():  # ASCII digits only
                        self._retry = self.reconnection_time = int(value)
                    continue
            data.append(value)
            size += len(value) + 1
            if size > limit:
                raise _data_too_long(self._max)
        self._data_len = size


def iter_sse(
    chunks: Iterable[bytes], *, max_event_size: int = DEFAULT_MAX_EVENT_SIZE
) -> Iterator[ServerSentEvent]:
    """Yield the events of an event-stream body given as chunks of bytes."""
    feed = SSEDecoder(max_event_size).feed
    for chunk in chunks:
        events = feed(chunk)
        if events:
            yield from events


async def aiter_sse(
    chunks: AsyncIterable[bytes], *, max_event_size: int = DEFAULT_MAX_EVENT_SIZE
) -> AsyncIterator[ServerSentEvent]:
    """Yield the events of an event-stream body given as async chunks of bytes."""
    feed = SSEDecoder(max_event_size).feed
    async for chunk in chunks:
        events = feed(chunk)
        if events:
            for event in events:
                yield event


class _Response(Protocol):
    """What `iter_body` and `aiter_body` need of a response (httpx's has it)."""

    @property
    def headers(self) -> Mapping[str, str]: ...

    is_stream_consumed: bool

    @property
    def is_closed(self) -> bool: ...

    @property
    def stream(self) -> object:
        """The transport's byte stream, under httpx's own iterators."""


class _SyncResponse(_Response, Protocol):
    def iter_raw(self) -> Iterator[bytes]: ...

    def iter_bytes(self) -> Iterator[bytes]: ...


class _AsyncResponse(_Response, Protocol):
    def aiter_raw(self) -> AsyncIterator[bytes]: ...

    def aiter_bytes(self) -> AsyncIterator[bytes]: ...


def _reads_raw(response: _Response) -> bool:
    # Without a content coding the raw stream is the body itself; reading it raw
    # skips a decoding layer that costs more per chunk than our decoder does.
    coding = response.headers.get("content-encoding", "").strip().lower()
    return coding in ("", "identity") and not response.is_stream_consumed


def iter_body(response: _SyncResponse, *, empty: bool = False) -> Iterator[bytes]:
    """The body of an httpx-like response, chunk by chunk as it arrives.

    `empty=True`: the transport's empty chunks may come through too (for a reader to
    whom they are harmless, as to `SSEDecoder`: not filtering them saves a step a chunk).
    """
    if not _reads_raw(response):
        return response.iter_bytes()
    stream = response.stream
    if isinstance(stream, Iterable) and not response.is_closed:
        # The transport's chunks themselves: `iter_raw` only counts and re-lists each one,
        # at a cost per chunk above our decoder's. The caller closes the response.
        response.is_stream_consumed = True
        return iter(stream) if empty else filter(None, stream)
    return response.iter_raw()


def aiter_body(
    response: _AsyncResponse, *, empty: bool = False
) -> AsyncIterator[bytes]:
    """The body of an async httpx-like response, chunk by chunk as it arrives
    (`empty`: as for `iter_body`)."""
    if not _reads_raw(response):
        return response.aiter_bytes()
    stream = response.stream
    if isinstance(stream, AsyncIterable) and not response.is_closed:
        response.is_stream_consumed = True  # as in `iter_body`
        return aiter(stream) if empty else _nonempty(stream)
    return response.aiter_raw()


async def _nonempty(chunks: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        if chunk:
            yield chunk
