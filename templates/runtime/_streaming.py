"""Server-sent events: an incremental decoder for `text/event-stream` bodies.

The rules are those of the WHATWG HTML standard, section "Interpreting an event
stream", and they live in one place, `SSEDecoder`; `iter_sse` and `aiter_sse` only
feed it. Standard library only.
"""

from __future__ import annotations

from codecs import utf_8_decode
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator

__all__ = [
    "DEFAULT_MAX_EVENT_SIZE",
    "SSEDecoder",
    "SSEError",
    "SSEEventTooLargeError",
    "ServerSentEvent",
    "aiter_sse",
    "iter_sse",
]

DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024
"""Default cap, in characters, on one line and on one event's data."""

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
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, "
            f"id={self.id!r}, retry={self.retry!r})"
        )


def _too_large(what: str, limit: int) -> SSEEventTooLargeError:
    return SSEEventTooLargeError(
        f"{what} is longer than max_event_size={limit} characters; "
        "pass a larger max_event_size to iter_sse()/aiter_sse()/SSEDecoder() "
        "if the server legitimately sends events this large"
    )


class SSEDecoder:
    """Incremental event-stream decoder: feed it bytes, get back complete events.

    Text that does not yet end in a blank line is kept, not dispatched; at the end
    of the stream it is simply dropped, as the standard says.
    """

    __slots__ = (
        "_data",
        "_data_len",
        "_event",
        "_head",
        "_id",
        "_line",
        "_line_len",
        "_max",
        "_pending_bytes",
        "_retry",
    )

    def __init__(self, max_event_size: int = DEFAULT_MAX_EVENT_SIZE) -> None:
        if max_event_size < 1:
            raise ValueError("max_event_size must be a positive number of characters")
        self._max = max_event_size
        # Bytes of a UTF-8 sequence cut by a chunk boundary.
        self._pending_bytes = b""
        self._head = _STREAM_START
        # The unterminated last line, in pieces so tiny chunks are joined once.
        self._line: list[str] = []
        self._line_len = 0
        # The event being built: data lines, their length (each counted with its
        # LF), the event type and this event's retry; `_id` outlives events.
        self._data: list[str] = []
        self._data_len = 0
        self._event = ""
        self._id = ""
        self._retry: int | None = None

    @property
    def last_event_id(self) -> str:
        """The last event id seen so far ("" until one is set)."""
        return self._id

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode the next chunk of the body; return the events it completes."""
        if self._pending_bytes or not chunk or chunk[-1] >= 0x80:
            text = self._decode_split(chunk)
        else:
            # Ends in ASCII: no UTF-8 sequence can continue into the next chunk.
            text = chunk.decode("utf-8", "replace")
        if not text:
            return []
        if self._head:
            text = self._strip_head(text)
            if not text:
                return []
        if "\r" in text:
            if text[-1] == "\r":
                self._head = _AFTER_CR
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        line = self._line
        if "\n" not in text:
            line.append(text)
            self._line_len += len(text)
            if self._line_len > self._max:
                raise _too_large("A line of the event stream", self._max)
            return []
        if line:
            line.append(text)
            text = "".join(line)
            line.clear()
            self._line_len = 0
        if len(text) > self._max:
            self._check_line_lengths(text)

        events: list[ServerSentEvent] = []
        blocks = text.split("\n\n")
        tail = blocks.pop()
        if blocks:
            last_id = self._id
            start = 0
            if self._data or self._event or self._retry is not None:
                # The first block finishes an event begun in an earlier chunk.
                self._lines(blocks[0].split("\n"), events)
                self._dispatch(events)
                last_id = self._id
                start = 1
            for block in blocks[start:] if start else blocks:
                # Fast path: the whole event is `data: ...` lines.
                if block[:6] == "data: ":
                    if "\n" not in block:
                        events.append(ServerSentEvent("message", block[6:], last_id))
                        continue
                    if block.count("\n") == block.count("\ndata: "):
                        data = block[6:].replace("\ndata: ", "\n")
                        if len(data) > self._max:
                            raise _too_large("The data of one event", self._max)
                        events.append(ServerSentEvent("message", data, last_id))
                        continue
                self._lines(block.split("\n"), events)
                self._dispatch(events)
                last_id = self._id
        if tail:
            cut = tail.rfind("\n")
            if cut >= 0:
                self._lines(tail[:cut].split("\n"), events)
                tail = tail[cut + 1 :]
                if not tail:
                    return events
            line.append(tail)
            self._line_len = len(tail)
        return events

    def _decode_split(self, chunk: bytes) -> str:
        # The incremental form of the UTF-8 codec: an incomplete sequence at the
        # end is kept for the next chunk; invalid bytes become U+FFFD.
        data = self._pending_bytes + chunk if self._pending_bytes else chunk
        text, used = utf_8_decode(data, "replace", False)
        self._pending_bytes = data[used:]
        return text

    def _strip_head(self, text: str) -> str:
        head = self._head
        self._head = _PLAIN
        if head == _STREAM_START:
            return text[1:] if text[0] == "\ufeff" else text
        return text[1:] if text[0] == "\n" else text

    def _check_line_lengths(self, text: str) -> None:
        if max(map(len, text.split("\n"))) > self._max:
            raise _too_large("A line of the event stream", self._max)

    def _lines(self, lines: list[str], events: list[ServerSentEvent]) -> None:
        """Apply complete lines (without their line ends) to the decoder state."""
        for line in lines:
            if not line:
                self._dispatch(events)
                continue
            if line[0] == ":":
                continue
            name, colon, value = line.partition(":")
            if colon and value[:1] == " ":
                value = value[1:]
            if name == "data":
                self._data.append(value)
                self._data_len += len(value) + 1
                if self._data_len > self._max + 1:
                    raise _too_large("The data of one event", self._max)
            elif name == "event":
                self._event = value
            elif name == "id":
                if "\0" not in value:
                    self._id = value
            elif name == "retry" and value.isascii() and value.isdigit():
                self._retry = int(value)

    def _dispatch(self, events: list[ServerSentEvent]) -> None:
        if self._data:
            events.append(
                ServerSentEvent(
                    self._event or "message",
                    "\n".join(self._data),
                    self._id,
                    self._retry,
                )
            )
            self._data = []
            self._data_len = 0
        self._event = ""
        self._retry = None


def iter_sse(
    chunks: Iterable[bytes], *, max_event_size: int = DEFAULT_MAX_EVENT_SIZE
) -> Iterator[ServerSentEvent]:
    """Yield the events of an event-stream body given as chunks of bytes."""
    feed = SSEDecoder(max_event_size).feed
    for chunk in chunks:
        yield from feed(chunk)


async def aiter_sse(
    chunks: AsyncIterable[bytes], *, max_event_size: int = DEFAULT_MAX_EVENT_SIZE
) -> AsyncIterator[ServerSentEvent]:
    """Yield the events of an event-stream body given as async chunks of bytes."""
    feed = SSEDecoder(max_event_size).feed
    async for chunk in chunks:
        for event in feed(chunk):
            yield event
