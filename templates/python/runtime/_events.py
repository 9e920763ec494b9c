"""Typed event streams: server-sent events decoded into the operation's event model.

`EventStream[T]` (sync) and `AsyncEventStream[T]` (async) own the HTTP response and close
it on every exit path: the end of the stream or its sentinel, an error while reading or
decoding, leaving the `with` block (by `break`, an exception or its end), `close()`, and
the stream being dropped, started or not. They share every decision (`_Reading`) and
differ only in how they fetch a chunk and close.

When the spec declares an event-name union (one envelope per `event:` name), an
`EventUnionDecoder` dispatches each event on its name. An event whose name the spec does
not declare is skipped, not an error: servers add event kinds over time, and an older SDK
should keep streaming the ones it knows. `error` events still raise `APIError`, and the
sentinel still ends the stream.
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
import random
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
)
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Literal, Protocol, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from ._streaming import (
    ServerSentEvent,
    SSEDecoder,
    SSEError,
    aiter_body,
    iter_body,
)
from .errors import APIConnectionError, APIError, APITimeoutError, StreamDecodeError

__all__ = [
    "AsyncEventStream",
    "EventDecoder",
    "EventStream",
    "EventUnionDecoder",
    "ResumeConfig",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
M = TypeVar("M", bound=BaseModel)


class _Skip(enum.Enum):
    SKIP = enum.auto()


SKIP: Literal[_Skip.SKIP] = _Skip.SKIP  # what a decoder returns for an event it skips
DONE = "[DONE]"  # ends a JSON stream whose spec declares no sentinel (never valid JSON)


class Decoder(Protocol[T_co]):
    """What a stream needs from its decoder: a `decode` callable and the sentinel."""

    @property
    def decode(
        self,
    ) -> Callable[
        [ServerSentEvent, httpx.Response | None], T_co | Literal[_Skip.SKIP]
    ]: ...

    @property
    def sentinel(self) -> str | None: ...


# Named after the package, so `logging.getLogger("<package>")` configures it.
_log = logging.getLogger(__package__ or __name__)
_new = object.__new__
_CLOSING: set[asyncio.Task[None]] = set()
_set = object.__setattr__


class EventDecoder(Generic[M]):
    """Turns one `ServerSentEvent` into the event model `M`.

    `payload` validates the `data` text (JSON) into the payload type. When the envelope is
    plain (its fields are `data` plus any of `event`/`id`/`retry`, all decoder-typed), the
    model is assembled around the validated payload without a second validation pass;
    otherwise the whole envelope goes through one `model_validate_json` call.
    """

    __slots__ = (
        "_defaults",
        "_fast",
        "_model",
        "_names",
        "_payload",
        "decode",
        "sentinel",
    )

    def __init__(
        self,
        model: type[M],
        payload: Callable[[str], Any] | None,
        *,
        sentinel: str = "",
        data: str = "data",
        event: str = "",
        id: str = "",
        retry: str = "",
        plain: bool = True,
    ) -> None:
        self._model = model
        self._payload = payload
        self.sentinel: str | None = sentinel or None
        self._names = (data, event, id, retry)
        self._fast = (
            plain
            and payload is not None
            and model.__pydantic_post_init__ is None
            and not model.__private_attributes__
        )
        self._defaults: dict[str, Any] = {
            name: field.get_default(call_default_factory=True)
            for name, field in model.model_fields.items()
            if not field.is_required()
        }
        self.decode: Callable[[ServerSentEvent, httpx.Response | None], M] = (
            self._general
        )
        if self._fast and not (event or id or retry):
            self.decode = self._data_only(model, payload, data)  # type: ignore[arg-type]

    def __call__(
        self, sse: ServerSentEvent, response: httpx.Response | None = None
    ) -> M:
        """The event model for `sse`; raises `APIError` for error events and payloads."""
        return self.decode(sse, response)

    def _data_only(
        self, model: type[M], payload: Callable[[str], Any], name: str
    ) -> Callable[[ServerSentEvent, httpx.Response | None], M]:
        # The hot path of every chat stream: one validation, four slot writes, no lookups.
        new, put = _new, _set

        def decode(sse: ServerSentEvent, response: httpx.Response | None) -> M:
            data = sse.data
            if sse.event == "error" or data.startswith('{"error"'):
                return self._general(sse, response)
            try:
                value = payload(data)
            except ValidationError as exc:
                raise _decode_failure(sse, response, exc) from exc
            obj = new(model)
            put(obj, "__dict__", {name: value})
            put(obj, "__pydantic_fields_set__", {name})
            put(obj, "__pydantic_extra__", {})
            put(obj, "__pydantic_private__", None)
            return obj

        return decode

    def _general(self, sse: ServerSentEvent, response: httpx.Response | None) -> M:
        data = sse.data
        if sse.event == "error":
            raise _error_event(sse, response)
        if data.startswith('{"error"'):
            _raise_error_payload(sse, response)
        if not self._fast:
            return self._slow(sse, response)
        try:
            payload = self._payload(data)  # type: ignore[misc]
        except ValidationError as exc:
            raise _decode_failure(sse, response, exc) from exc
        data_name, event_name, id_name, retry_name = self._names
        if event_name or id_name or retry_name:
            values = dict(self._defaults)
            values[data_name] = payload
            fields_set = {data_name}
            if event_name:
                values[event_name] = sse.event
                fields_set.add(event_name)
            if id_name and sse.id:
                values[id_name] = sse.id
                fields_set.add(id_name)
            if retry_name and sse.retry is not None:
                values[retry_name] = sse.retry
                fields_set.add(retry_name)
        else:
            values = {data_name: payload}
            fields_set = {data_name}
        obj = _new(self._model)
        _set(obj, "__dict__", values)
        _set(obj, "__pydantic_fields_set__", fields_set)
        _set(obj, "__pydantic_extra__", {})
        _set(obj, "__pydantic_private__", None)
        return obj

    def _slow(self, sse: ServerSentEvent, response: httpx.Response | None) -> M:
        data_name, event_name, id_name, retry_name = self._names
        data = sse.data if self._payload is not None else json.dumps(sse.data)
        parts = [f'"{data_name}":{data}']
        if event_name:
            parts.append(f'"{event_name}":{json.dumps(sse.event)}')
        if id_name and sse.id:
            parts.append(f'"{id_name}":{json.dumps(sse.id)}')
        if retry_name and sse.retry is not None:
            parts.append(f'"{retry_name}":{sse.retry}')
        try:
            return self._model.model_validate_json("{" + ",".join(parts) + "}")
        except ValidationError as exc:
            raise _decode_failure(sse, response, exc) from exc


class EventUnionDecoder(Generic[T]):
    """Dispatches each event on its `event:` name to that member's `EventDecoder`.

    `T` is the union of the member models. An `error` event raises `APIError`; an event
    name the spec does not declare is skipped (forward compatible: new server event kinds
    do not break older SDKs).
    """

    __slots__ = ("_members", "sentinel")

    def __init__(
        self, members: dict[str, EventDecoder[Any]], *, sentinel: str = ""
    ) -> None:
        self._members = {name: member.decode for name, member in members.items()}
        self.sentinel: str | None = sentinel or None

    def decode(
        self, sse: ServerSentEvent, response: httpx.Response | None = None
    ) -> T | Literal[_Skip.SKIP]:
        """The member model for `sse`, or `SKIP` for an undeclared event name."""
        member = self._members.get(sse.event)
        if member is not None:
            value: T = member(sse, response)
            return value
        if sse.event == "error":
            raise _error_event(sse, response)
        return SKIP

    __call__ = decode


def _error_event(sse: ServerSentEvent, response: httpx.Response | None) -> APIError:
    try:
        body: Any = json.loads(sse.data)
    except ValueError:
        body = sse.data
    return _api_error(body, response)


def _raise_error_payload(sse: ServerSentEvent, response: httpx.Response | None) -> None:
    try:
        body = json.loads(sse.data)
    except ValueError:
        return
    if isinstance(body, dict) and "error" in body:
        raise _api_error(body, response)


def _api_error(body: Any, response: httpx.Response | None) -> APIError:
    message = "the server sent an error event"
    if isinstance(body, dict):
        detail = body.get("error", body)
        if isinstance(detail, dict) and isinstance(detail.get("message"), str):
            message = detail["message"]
        elif isinstance(detail, str):
            message = detail
    return APIError(
        message,
        status_code=response.status_code if response is not None else None,
        headers=response.headers if response is not None else None,
        body=body,
        request=response.request if response is not None else None,
    )


def _decode_failure(
    sse: ServerSentEvent, response: httpx.Response | None, exc: ValidationError
) -> APIError:
    try:
        body = json.loads(sse.data)
    except ValueError:
        return StreamDecodeError(
            f"malformed JSON in event data: {exc.errors()[0]['msg']}",
            data=sse.data,
            event=sse,
            response=response,
        )
    if isinstance(body, dict) and "error" in body:
        return _api_error(body, response)
    return StreamDecodeError(
        f"event data does not match the expected type: {exc}",
        data=sse.data,
        event=sse,
        response=response,
    )


def _transport_error(exc: Exception, response: httpx.Response) -> APIError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=response.request)
    if isinstance(exc, SSEError):
        return APIError(
            str(exc), status_code=response.status_code, request=response.request
        )
    return APIConnectionError(
        f"connection failed mid-stream: {exc}", request=response.request
    )


@dataclass(frozen=True)
class ResumeConfig:
    """How a dropped stream reconnects (`resume=`): waits, attempts and time per outage.

    The wait before reconnect attempt n (0-based) is the server's last `retry:` when it
    sent one, else `initial_delay * 2**n` capped at `max_delay`, with up to 25% random
    jitter taken off. An outage ends with the connection error after `max_attempts`
    failed attempts, or when the next wait would take it past `max_elapsed` seconds.
    Without an event id a stream cannot resume; `restart=True` then reconnects without
    `Last-Event-ID` and drops as many events as were already delivered (for servers
    that replay the same events from the start).
    """

    max_attempts: int = 5
    max_elapsed: float = 60.0
    initial_delay: float = 0.5
    max_delay: float = 8.0
    restart: bool = False

    def delay(self, attempt: int, retry: int | None) -> float:
        """Seconds to wait before reconnect attempt `attempt` (0-based)."""
        if retry is not None:
            return retry / 1000  # the server's reconnection time, in milliseconds
        backoff = min(self.initial_delay * 2.0**attempt, self.max_delay)
        return backoff * (1 - 0.25 * random.random())


class _Resume:
    """A resumable stream's decisions, without I/O: which events are new to the caller,
    whether and when to reconnect, with which `Last-Event-ID`, and when to stop."""

    def __init__(
        self, config: ResumeConfig, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.config = config
        self.last_event_id = ""  # of the last event delivered
        self.retry: int | None = None  # the server's last `retry:`, in milliseconds
        # The current connection's reconnection time, from its decoder (None: none sent).
        self.reconnection: Callable[[], int | None] = lambda: None
        self.reconnects = 0
        self._clock = clock
        self._seen: set[str] = set()  # every id delivered: a replay shows up in it
        self._delivered = 0
        self._catching_up = False  # drop replayed events until the first new id
        self._skip = 0  # events still to drop after a restart from the start
        self._progressed = True  # a new event since the last outage began
        self._attempt = 0
        self._since = 0.0

    def admit(self, sse: ServerSentEvent) -> bool:
        """Whether `sse` is new to the caller; it counts as delivered when it is."""
        if self._skip:
            self._skip -= 1
            return False
        if self._catching_up:
            # An event without an id cannot be told from a replay: drop it.
            if not sse.id or sse.id in self._seen:
                return False
            self._catching_up = False
        if sse.id:
            self._seen.add(sse.id)
            self.last_event_id = sse.id
        if sse.retry is not None:
            self.retry = sse.retry
        self._delivered += 1
        self._progressed = True
        return True

    def can_resume(self) -> bool:
        """Whether a reconnect can continue where the caller is."""
        return bool(self.last_event_id) or self.config.restart

    def begin(self, failure: APIError) -> None:
        """A connection failed: raise `failure` unless the stream can resume."""
        if not self.can_resume():
            raise failure
        if self._progressed:
            # Only a reconnect that delivered something resets the budget, so a server
            # that accepts and drops every reconnect still runs out of attempts.
            self._progressed = False
            self._attempt = 0
            self._since = self._clock()

    def wait(self, failure: APIError) -> float:
        """Seconds before the next attempt; raises `failure` once the budget is spent."""
        config = self.config
        sent = self.reconnection()
        if sent is not None:
            self.retry = sent  # kept for the connections after this one
        delay = config.delay(self._attempt, self.retry)
        elapsed = self._clock() - self._since
        if self._attempt >= config.max_attempts or elapsed + delay > config.max_elapsed:
            raise failure
        self._attempt += 1
        self.reconnects += 1
        _log.info(
            "stream interrupted (%s); reconnect %d in %.3f s with Last-Event-ID %r",
            failure,
            self.reconnects,
            delay,
            self.last_event_id,
        )
        return delay

    def request(self, original: httpx.Request) -> httpx.Request:
        """The reconnect request: `original` plus the `Last-Event-ID` to continue after."""
        headers = original.headers.copy()
        if self.last_event_id:
            headers["Last-Event-ID"] = self.last_event_id
        return httpx.Request(
            original.method,
            original.url,
            headers=headers,
            content=original.content,
            extensions=original.extensions,
        )

    def reopened(self, response: httpx.Response) -> bool:
        """Whether the reconnect's answer continues the stream.

        A 204 or an answer that is not an event stream is the server saying "stop
        reconnecting" (as the HTML standard's EventSource reads it).
        """
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if response.status_code == 204 or media.lower() != "text/event-stream":
            return False
        self._catching_up = bool(self.last_event_id)
        self._skip = 0 if self.last_event_id else self._delivered
        return True


def _reconnectable(exc: APIError) -> bool:
    """Whether a failed reconnect attempt is worth another one."""
    status = exc.status_code
    return isinstance(exc, APIConnectionError) or status == 429 or (status or 0) >= 500


class _Reading(Generic[T]):
    """A stream's decisions, without its I/O: which events become items, and where the
    stream ends. `EventStream` and `AsyncEventStream` only fetch chunks and close."""

    __slots__ = (
        "_decode",
        "_parser",
        "_sentinel",
        "ended",
        "feed",
        "response",
        "resume",
    )

    def __init__(
        self, response: httpx.Response, decoder: Decoder[T], resume: _Resume | None
    ) -> None:
        self._decode = decoder.decode
        self._sentinel = decoder.sentinel
        self.resume = resume
        self.restart(response)

    def restart(self, response: httpx.Response) -> None:
        """Read `response` next: a fresh connection, a fresh event stream."""
        self.response = response
        self._parser = parser = SSEDecoder()
        if self.resume is not None:
            # The reconnection time is the stream's, not one connection's: read it live.
            self.resume.reconnection = lambda: parser.reconnection_time
        self.feed = self._parser.feed  # a chunk of the body -> the events it completes
        self.ended = False  # the sentinel came: read no further

    @property
    def last_event_id(self) -> str:
        """The last event id delivered (without resume: the last one parsed)."""
        resume = self.resume
        return resume.last_event_id if resume else self._parser.last_event_id

    def items(self, events: list[ServerSentEvent]) -> Iterator[T]:
        """The items of `events`, in order.

        Lazily: an event that fails to decode raises only once the items before it were
        taken, as if the events had arrived one chunk each.
        """
        decode, sentinel, response = self._decode, self._sentinel, self.response
        admit = self.resume.admit if self.resume is not None else None
        for sse in events:
            if sse.data == sentinel:
                self.ended = True
                return
            if admit is not None and not admit(sse):
                continue
            try:
                item = decode(sse, response)
            except StreamDecodeError:
                # Without a declared sentinel, `[DONE]` (never valid JSON) ends a JSON stream:
                # OpenAI-style APIs end this way whether or not their spec says so.
                if sentinel is None and sse.data == DONE:
                    self.ended = True
                    return
                raise
            if item is not SKIP:
                yield item

    def dropped(self, exc: httpx.TransportError) -> APIError:
        """The error for a connection that failed mid-stream."""
        error = _transport_error(exc, self.response)
        error.__cause__ = exc
        return error

    def unfinished(self) -> APIError | None:
        """After the body ended: an error to reconnect on, or None for a clean end.

        Only a stream that has a sentinel can tell a cut body from a finished one, and
        only a resumable one treats it as a drop (without resume it ends as before).
        """
        resume = self.resume
        if self.ended or not self._sentinel or resume is None:
            return None
        if not resume.can_resume():
            return None
        message = f"the stream ended before its {self._sentinel!r} sentinel"
        return APIConnectionError(message, request=self.response.request)


def _unclosed(
    stream: EventStream[Any] | AsyncEventStream[Any],
) -> httpx.Response | None:
    # A stream dropped before its first item never ran its generator's `finally`; one whose
    # `__init__` failed has no response at all.
    response: httpx.Response | None = stream.__dict__.get("response")
    return response if response is not None and not response.is_closed else None


class _Visible:
    """What a stream shows of its reading: the last event id and the reconnects."""

    _reading: _Reading[Any]

    @property
    def last_event_id(self) -> str:
        """The id of the last event delivered ("" until one had an id)."""
        return self._reading.last_event_id

    @property
    def reconnects(self) -> int:
        """How many times the stream reconnected after a drop."""
        resume = self._reading.resume
        return resume.reconnects if resume is not None else 0


class EventStream(_Visible, Generic[T]):
    """A stream of typed events: iterate it, ideally inside `with`.

    With resume on, a dropped connection is reopened with `Last-Event-ID` and the
    stream goes on: no event twice, none lost, in order.
    """

    def __init__(
        self,
        response: httpx.Response,
        decoder: Decoder[T],
        *,
        resume: _Resume | None = None,
        reconnect: Callable[[APIError], httpx.Response | None] | None = None,
    ) -> None:
        self.response = response
        self._reading = _Reading(response, decoder, resume)
        self._reconnect = reconnect  # the core's reconnect; None: a drop is final
        self._iterator = self._events()

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return self._iterator.__next__()

    def _events(self) -> Generator[T, None, None]:
        reading = self._reading
        while True:
            response, feed = reading.response, reading.feed
            failure = None
            try:
                for chunk in iter_body(response):
                    events = feed(chunk)
                    if events:  # most small chunks complete none: skip the generator
                        yield from reading.items(events)
                        if reading.ended:
                            return
            except httpx.TransportError as exc:
                failure = reading.dropped(exc)
            except SSEError as exc:
                raise _transport_error(exc, response) from exc
            finally:
                response.close()
            reopened = self._resumed(failure or reading.unfinished())
            if reopened is None:
                return
            self.response = reopened
            reading.restart(reopened)

    def _resumed(self, failure: APIError | None) -> httpx.Response | None:
        # The next response to read, or None when the stream is over.
        if failure is None:
            return None
        if self._reconnect is None:
            raise failure
        return self._reconnect(failure)

    def close(self) -> None:
        """Stop the stream and release its connection."""
        self._iterator.close()
        self.response.close()

    def __enter__(self) -> EventStream[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        response = _unclosed(self)
        if response is not None:
            response.close()


class AsyncEventStream(_Visible, Generic[T]):
    """An async stream of typed events: iterate it, ideally inside `async with`.

    With resume on, a dropped connection is reopened with `Last-Event-ID` and the
    stream goes on: no event twice, none lost, in order.
    """

    def __init__(
        self,
        response: httpx.Response,
        decoder: Decoder[T],
        *,
        resume: _Resume | None = None,
        reconnect: Callable[[APIError], Awaitable[httpx.Response | None]] | None = None,
    ) -> None:
        self.response = response
        self._reading = _Reading(response, decoder, resume)
        self._reconnect = reconnect  # the core's reconnect; None: a drop is final
        self._iterator = self._events()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def _events(self) -> AsyncGenerator[T, None]:
        reading = self._reading
        while True:
            response, feed = reading.response, reading.feed
            failure = None
            try:
                async for chunk in aiter_body(response):
                    events = feed(chunk)
                    if events:  # most small chunks complete none: skip the generator
                        for item in reading.items(events):
                            yield item
                        if reading.ended:
                            return
            except httpx.TransportError as exc:
                failure = reading.dropped(exc)
            except SSEError as exc:
                raise _transport_error(exc, response) from exc
            finally:
                await response.aclose()
            reopened = await self._resumed(failure or reading.unfinished())
            if reopened is None:
                return
            self.response = reopened
            reading.restart(reopened)

    async def _resumed(self, failure: APIError | None) -> httpx.Response | None:
        # The next response to read, or None when the stream is over.
        if failure is None:
            return None
        if self._reconnect is None:
            raise failure
        return await self._reconnect(failure)

    async def close(self) -> None:
        """Stop the stream and release its connection."""
        await self._iterator.aclose()
        await self.response.aclose()

    aclose = close

    def __del__(self) -> None:
        # Closing needs the event loop, so the close is scheduled on it when one runs.
        response = _unclosed(self)
        if response is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        task = loop.create_task(response.aclose())
        _CLOSING.add(task)  # keep a reference until done (the loop holds tasks weakly)
        task.add_done_callback(_CLOSING.discard)

    async def __aenter__(self) -> AsyncEventStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
