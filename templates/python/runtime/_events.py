"""Typed event streams: server-sent events decoded into the operation's event model.

`EventStream[T]` (sync) and `AsyncEventStream[T]` (async) own the HTTP response and close
it on every exit path: the end of the stream or its sentinel, an error while reading or
decoding, leaving the `with` block (by `break`, an exception or its end), `close()`, and
the stream being dropped, started or not. They share every decision (`_Reading`) and
differ only in how they fetch a chunk and close.

Forward compatible: servers add event kinds over time, and an older SDK keeps streaming.
An event whose `event:` name (in an event-name union) or discriminator value (in a union
of payloads) the SDK does not know is yielded as an `UnknownEvent`, with its raw text and
parsed JSON; such streams are typed `EventStream[Model | UnknownEvent]`. An event that
deviates from the spec (a missing required field, a value of another type) is still
delivered as its model, built leniently (`_lenient`), and the deviation is logged as a
warning on the SDK's logger; `strict=True` (on the client) raises `StreamDecodeError`
instead. `error` events and `{"error": ...}` payloads raise `APIError`, and the sentinel
(or `[DONE]` in a JSON stream without one) ends the stream.
"""

from __future__ import annotations

import asyncio
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
from itertools import islice
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

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
    "Decoder",
    "EventDecoder",
    "EventStream",
    "EventUnionDecoder",
    "ResumeConfig",
    "UnknownEvent",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
M = TypeVar("M", bound=BaseModel)

DONE = "[DONE]"  # ends a JSON stream whose spec declares no sentinel (never valid JSON)

Decode = Callable[[ServerSentEvent, "httpx.Response | None"], T_co]
# A decoder's fast path for plain events: (validate raw JSON, envelope model, its data
# field, the sentinel as bytes, the least data that is neither the sentinel nor an error
# payload); see `EventDecoder.plain`.
Plain = tuple[Callable[[bytes], Any], "type[BaseModel]", str, bytes, bytes]

# The data of an error payload starts with `_ERROR`; `_ERROR <= data < _ERROR_END` tells
# without slicing.
_ERROR, _ERROR_END = b'{"error"', b'{"error#'
_WAIT = 64  # reads without a line end joined at most before the decoder sees them
_MISSES = 16  # reads in a row the plain path declines before a stream stops trying it


class Decoder(Protocol[T_co]):
    """What a stream needs from its decoder.

    `decode` types one event or raises `StreamDecodeError` (`APIError` for error events);
    `recover` gives the item for an event `decode` could not type (an `UnknownEvent`, or
    the model built leniently) or raises when `strict`.
    """

    @property
    def decode(self) -> Decode[T_co]: ...

    @property
    def sentinel(self) -> str | None: ...

    def recover(
        self,
        sse: ServerSentEvent,
        response: httpx.Response | None,
        error: StreamDecodeError,
        strict: bool,
    ) -> T_co: ...


# Named after the package, so `logging.getLogger("<package>")` configures it.
_log = logging.getLogger(__package__ or __name__)
_new = object.__new__
_CLOSING: set[asyncio.Task[None]] = set()


def _slot_setter(name: str) -> Callable[[Any, Any], None]:
    # A pydantic slot's own setter: cheaper per event than `object.__setattr__`.
    slot = BaseModel.__dict__.get(name)
    setter: Callable[[Any, Any], None] | None = getattr(slot, "__set__", None)
    return setter or (lambda obj, value: object.__setattr__(obj, name, value))


_set_fields = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")


def _assemble(model: type[M], values: dict[str, Any], fields_set: set[str]) -> M:
    """An instance of `model` holding already validated `values`, as pydantic makes one."""
    obj = _new(model)
    vars(obj).update(values)
    _set_fields(obj, fields_set)
    _set_extra(obj, {})
    _set_private(obj, None)
    return obj


class UnknownEvent:
    """An event this SDK does not know: a kind added by a newer server, or one it cannot
    type. `event`, `data`, `id` and `retry` are the event's own; `json` is `data` parsed
    (None when it is not JSON); `reason` says why it is unknown, and `error` holds the
    validation error when there was one. Match on it with `isinstance` or `case
    UnknownEvent(event=name)`.
    """

    __slots__ = ("data", "error", "event", "id", "json", "reason", "retry")
    __match_args__ = ("event", "data")

    def __init__(
        self,
        sse: ServerSentEvent,
        reason: str,
        *,
        json: Any = None,
        error: ValidationError | None = None,
    ) -> None:
        self.event = sse.event
        self.data = sse.data
        self.id = sse.id
        self.retry = sse.retry
        self.json = json
        self.reason = reason
        self.error = error

    def __repr__(self) -> str:
        return f"UnknownEvent(event={self.event!r}, data={self.data!r}, reason={self.reason!r})"


def _parsed(data: str) -> Any:
    """`data` as JSON, or the text itself when it is not JSON."""
    try:
        return json.loads(data)
    except ValueError:
        return data


def _lenient(tp: Any, value: Any) -> Any:
    from ._lenient import lenient  # loaded with the first deviating event only

    return lenient(tp, value)


class EventDecoder(Generic[M]):
    """Turns one `ServerSentEvent` into the event model `M`.

    `payload` is the type of the `data` text (JSON), None when `data` is plain text. When
    the envelope is plain (its fields are `data` plus any of `event`/`id`/`retry`, all
    decoder-typed), the model is assembled around the validated payload without a second
    validation pass; otherwise the whole envelope goes through one `model_validate_json`
    call. `open`: an event whose envelope `event` or payload `discriminator` value no
    member declares is an `UnknownEvent`, not a deviation (the stream is typed for it).
    """

    __slots__ = (
        "_built",
        "_defaults",
        "_discriminator",
        "_fast",
        "_model",
        "_names",
        "_open",
        "_payload",
        "_payload_type",
        "_plain",
        "_plain_data",
        "_tags",
        "sentinel",
    )

    def __init__(
        self,
        model: type[M],
        payload: Any = None,
        *,
        sentinel: str = "",
        data: str = "data",
        event: str = "",
        id: str = "",
        retry: str = "",
        plain: bool = True,
        open: bool = False,
        discriminator: str = "",
    ) -> None:
        self._model = model
        self._payload_type = payload
        self.sentinel: str | None = sentinel or None
        self._names = (data, event, id, retry)
        self._fast = (
            plain
            and payload is not None
            and model.__pydantic_post_init__ is None
            and not model.__private_attributes__
        )
        self._plain_data = self._fast and not (event or id or retry)
        self._open = open
        self._discriminator = discriminator
        self._built: Decode[M] | None = None
        self._payload: Callable[[str | bytes], Any] | None = None
        self._tags: frozenset[Any] | None = None
        self._defaults: dict[str, Any] = {}
        self._plain: Plain | None = None

    def __call__(
        self, sse: ServerSentEvent, response: httpx.Response | None = None
    ) -> M:
        """The event model for `sse`; raises `APIError` for error events and payloads."""
        return self.decode(sse, response)

    @property
    def decode(self) -> Decode[M]:
        """Types one event; built on first use, so importing an SDK builds no validator."""
        built = self._built
        if built is None:
            built = self._built = self._build()
        return built

    def _build(self) -> Decode[M]:
        payload = self._payload_type
        if isinstance(payload, type) and issubclass(payload, BaseModel):
            # The model's validator itself (built now if deferred): `model_validate_json`
            # is a Python wrapper around the same call, paid once per event.
            self._payload = payload.__pydantic_validator__.validate_json
        elif payload is not None:
            self._payload = TypeAdapter(payload).validate_json
        self._defaults = {
            name: field.get_default(call_default_factory=True)
            for name, field in self._model.model_fields.items()
            if not field.is_required()
        }
        if self._plain_data:
            assert self._payload is not None
            sentinel = (self.sentinel or DONE).encode()
            # Data from `above` on sorts after both: one comparison clears most events.
            above = max(_ERROR_END, sentinel + b"\x00")
            self._plain = (self._payload, self._model, self._names[0], sentinel, above)
            return self._data_only(self._model, self._payload, self._names[0])
        return self._general

    @property
    def plain(self) -> Plain | None:
        """What a stream needs to type a plain event (`data: ` only) from its raw data:
        (validate, model, data field, sentinel, above); None when this decoder has no such
        path. Data that sorts from `above` on is neither the sentinel nor an error payload.

        The sentinel is `[DONE]` when none is declared: a JSON stream ends there (it is
        never valid JSON, see `_Reading.items`)."""
        if self._built is None:
            self._built = self._build()
        return self._plain

    def _data_only(
        self, model: type[M], payload: Callable[[str | bytes], Any], name: str
    ) -> Decode[M]:
        # The hot path of every chat stream: one validation, four slot writes, no lookups
        # (`_assemble` inlined: a call per event costs more than the writes).
        new, fields, extra, private = _new, _set_fields, _set_extra, _set_private

        def decode(sse: ServerSentEvent, response: httpx.Response | None) -> M:
            data = sse.data
            if sse.event == "error" or data.startswith('{"error"'):
                return self._general(sse, response)
            try:
                value = payload(data)
            except ValidationError as exc:
                raise _decode_failure(sse, response, exc) from exc
            obj = new(model)
            vars(obj)[name] = value
            fields(obj, {name})
            extra(obj, {})
            private(obj, None)
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
        return _assemble(self._model, values, fields_set)

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

    def recover(
        self,
        sse: ServerSentEvent,
        response: httpx.Response | None,
        error: StreamDecodeError,
        strict: bool,
    ) -> M:
        """The item for an event that did not validate: an `UnknownEvent` for a kind an
        open stream does not know; else, unless `strict`, the model built leniently."""
        cause = error.__cause__
        invalid = cause if isinstance(cause, ValidationError) else None
        value = _parsed(sse.data) if self._payload_type is not None else sse.data
        reason = self._unknown(sse, value, invalid)
        if reason:
            _log.debug("unknown stream event (%s): %r", reason, sse.data)
            unknown: Any = UnknownEvent(
                sse,
                reason,
                json=None if value is sse.data else value,
                error=invalid,
            )
            return cast(
                M, unknown
            )  # only open streams get here, typed `M | UnknownEvent`
        if strict:
            raise error
        _log.warning(
            "stream event %r deviates from the spec; delivered unvalidated: %s; data: %r",
            sse.event,
            _summary(invalid) if invalid is not None else error.message,
            sse.data,
        )
        data_name, event_name, id_name, retry_name = self._names
        raw: dict[str, Any] = {data_name: value}
        if event_name:
            raw[event_name] = sse.event
        if id_name and sse.id:
            raw[id_name] = sse.id
        if retry_name and sse.retry is not None:
            raw[retry_name] = sse.retry
        aliases = {f.alias or n: n for n, f in self._model.model_fields.items()}
        built: M = _lenient(self._model, {aliases.get(k, k): v for k, v in raw.items()})
        return built

    def _unknown(
        self, sse: ServerSentEvent, value: Any, invalid: ValidationError | None
    ) -> str:
        """Why the event is of a kind this open stream does not know ("" when it is not)."""
        if not self._open or invalid is None:
            return ""
        event_name = self._names[1]
        locs = {error["loc"][:1] for error in invalid.errors()}
        if event_name and locs == {(event_name,)}:
            return f"unknown event name {sse.event!r}"
        key = self._discriminator
        if key and isinstance(value, dict):
            if self._tags is None:
                from ._lenient import union_tags

                self._tags = union_tags(self._payload_type, key) or frozenset()
            if self._tags and value.get(key) not in self._tags:
                return f"unknown {key} {value.get(key)!r}"
        return ""


def _summary(error: ValidationError, shown: int = 3) -> str:
    """The first few of a validation error's problems, one line."""
    problems = error.errors()
    parts = [
        f"{'.'.join(map(str, p['loc'])) or 'value'}: {p['msg']}"
        for p in problems[:shown]
    ]
    more = len(problems) - shown
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


class EventUnionDecoder(Generic[T]):
    """Dispatches each event on its `event:` name to that member's `EventDecoder`.

    `T` is the union of the member models. An `error` event raises `APIError`; an event
    name the spec does not declare is an `UnknownEvent` (forward compatible: new server
    event kinds do not break older SDKs).
    """

    __slots__ = ("_members", "sentinel")

    def __init__(
        self, members: dict[str, EventDecoder[Any]], *, sentinel: str = ""
    ) -> None:
        self._members = members
        self.sentinel: str | None = sentinel or None

    def decode(
        self, sse: ServerSentEvent, response: httpx.Response | None = None
    ) -> T | UnknownEvent:
        """The member model for `sse`, or an `UnknownEvent` for an undeclared name."""
        member = self._members.get(sse.event)
        if member is not None:
            value: T = member.decode(sse, response)
            return value
        if sse.event == "error":
            raise _error_event(sse, response)
        _log.debug("unknown stream event name %r", sse.event)
        value_json = _parsed(sse.data)
        return UnknownEvent(
            sse,
            f"unknown event name {sse.event!r}",
            json=None if value_json is sse.data else value_json,
        )

    __call__ = decode

    def recover(
        self,
        sse: ServerSentEvent,
        response: httpx.Response | None,
        error: StreamDecodeError,
        strict: bool,
    ) -> T | UnknownEvent:
        """The member's recovery of an event it could not type."""
        recovered: T = self._members[sse.event].recover(sse, response, error, strict)
        return recovered


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
        "_recover",
        "_sentinel",
        "_strict",
        "ended",
        "feed",
        "feed_plain",
        "parser",
        "plain",
        "response",
        "resume",
    )

    def __init__(
        self,
        response: httpx.Response,
        decoder: Decoder[T],
        resume: _Resume | None,
        strict: bool = False,
    ) -> None:
        self._decode = decoder.decode
        self._recover = decoder.recover
        self._sentinel = decoder.sentinel
        self._strict = strict
        self.resume = resume
        # The fast path for plain events (`Plain`), where the decoder has one; a
        # resumable stream needs each event's id, so it takes the general path.
        plain: Plain | None = getattr(decoder, "plain", None)
        self.plain = plain if resume is None else None
        self.restart(response)

    def restart(self, response: httpx.Response) -> None:
        """Read `response` next: a fresh connection, a fresh event stream."""
        self.response = response
        self.parser = parser = SSEDecoder()
        if self.resume is not None:
            # The reconnection time is the stream's, not one connection's: read it live.
            self.resume.reconnection = lambda: parser.reconnection_time
        self.feed = parser.feed  # a chunk of the body -> the events it completes
        # A chunk -> the raw data of the plain events it completes, or None: use `feed`.
        self.feed_plain = parser.feed_plain if self.plain is not None else None
        self.ended = False  # the sentinel came: read no further

    def event(self, data: bytes) -> list[ServerSentEvent]:
        """A plain event the fast path could not type, for `items` to take."""
        text = data.decode("utf-8", "replace")
        return [ServerSentEvent("message", text, self.parser.last_event_id)]

    @property
    def last_event_id(self) -> str:
        """The last event id delivered (without resume: the last one parsed)."""
        resume = self.resume
        return resume.last_event_id if resume else self.parser.last_event_id

    def items(self, events: list[ServerSentEvent]) -> Iterator[T]:
        """The items of `events`, in order.

        Lazily: an event that fails to decode raises only once the items before it were
        taken, as if the events had arrived one chunk each. (A generator rather than a
        list: each item is freed as soon as the caller drops it, which keeps the garbage
        collector's young generation small; measured faster than building the list.)
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
            except StreamDecodeError as exc:
                # Without a declared sentinel, `[DONE]` (never valid JSON) ends a JSON stream:
                # OpenAI-style APIs end this way whether or not their spec says so.
                if sse.data == DONE:
                    if sentinel is None:
                        self.ended = True
                        return
                    raise
                item = self._recover(sse, response, exc, self._strict)
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

    `strict=True` raises `StreamDecodeError` for an event that deviates from the spec
    (by default it is delivered, built leniently, and logged).

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
        strict: bool = False,
    ) -> None:
        self.response = response
        self._reading = _Reading(response, decoder, resume, strict)
        self._reconnect = reconnect  # the core's reconnect; None: a drop is final
        self._iterator = self._events()

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return self._iterator.__next__()

    def _events(self) -> Generator[T, None, None]:
        # One frame per event on the common path (`AsyncEventStream` reads the same way):
        # - a read without a line end only waits, with the reads after it up to one that
        #   has a line end (`_WAIT` reads more at most: then the decoder, which checks
        #   the size, gets them, a long line);
        # - once two reads in a row that ended lines had no CR (`lf_only`: a stream that
        #   ends its lines with LF, as every server seen does; two, so that the LF of a
        #   CRLF cut between reads never counts), reads are tested for LF alone, which
        #   saves a fifth of the cost of the many small reads of a slow stream. A CR-only
        #   line end in such a stream is then found with the next read that has an LF (or
        #   after `_WAIT` reads): its event comes that much later, unchanged, and the
        #   stream tests for CR again from there. Events, their order and content never
        #   change; CR-only and CRLF streams are read as before;
        # - a read that ends one plain event (its `data: ` line, the blank line, perhaps
        #   the start of the next line), with nothing of the decoder's in the way
        #   (`ready`), is cut here: its data typed, the start of the next line kept;
        # - the plain events of any other read come from `feed_plain`, raw;
        # - anything else goes through `feed` and `_Reading.items`.
        reading = self._reading
        new, fields, extra, private = _new, _set_fields, _set_extra, _set_private
        error, error_end, join = _ERROR, _ERROR_END, b"".join
        waiting: list[bytes] = []  # reads that end no line yet, or the start of one
        while True:
            response, feed, plain = reading.response, reading.feed, reading.feed_plain
            parser = reading.parser
            limit = parser.max_event_size
            if reading.plain is not None:
                validate, model, name, sentinel, above = reading.plain
            failure = None
            misses = 0
            waiting.clear()
            ready = False  # the decoder is clean and holds nothing: reads cut here
            lf_only = lf_before = False  # reads tested for LF alone (see above)
            try:
                body = iter_body(response, empty=True)
                for chunk in body:
                    if 10 not in chunk and (lf_only or 13 not in chunk):
                        waiting.append(chunk)
                        for chunk in islice(body, _WAIT):  # (a loop of their own)
                            waiting.append(chunk)
                            if 10 in chunk or (not lf_only and 13 in chunk):
                                break
                        chunk = join(waiting)
                        waiting.clear()
                    elif waiting:  # the line the last read began
                        waiting.append(chunk)
                        chunk = join(waiting)
                        waiting.clear()
                    clean = 13 not in chunk
                    if not clean:
                        lf_only = lf_before = False
                    elif not lf_only and 10 in chunk:  # (not a run cut at `_WAIT`)
                        lf_only, lf_before = lf_before, True
                    if ready:
                        head, lf, tail = chunk.partition(b"\n")  # the first line, ...
                        data = head.removeprefix(b"data: ")
                        cut = False
                        if data is not head and clean and len(chunk) <= limit:
                            if tail == b"\n":  # ... then the blank line ends the read
                                cut = True
                            elif not tail:  # ... its blank line to come: it waits
                                if lf:
                                    waiting.append(chunk)
                                    continue
                            else:
                                rest = tail.removeprefix(b"\n")
                                if rest is not tail and 10 not in rest:
                                    waiting.append(rest)  # ... a line begun: it waits
                                    cut = True
                        if cut:
                            if data >= above or not (
                                data == sentinel or error <= data < error_end
                            ):
                                try:
                                    value = validate(data)
                                except ValidationError:
                                    pass  # decided below, as any other event
                                else:
                                    obj: Any = new(model)
                                    obj.__dict__[name] = value
                                    fields(obj, {name})
                                    extra(obj, {})
                                    private(obj, None)
                                    yield obj
                                    continue
                            elif data == sentinel:
                                reading.ended = True
                                return
                            yield from reading.items(reading.event(data))
                            if reading.ended:
                                return
                            continue
                    datas = plain(chunk) if plain is not None else None
                    if datas is None:
                        ready = False
                        if plain is not None:
                            misses += 1
                            if misses > _MISSES:  # not a plain stream after all
                                plain = None
                        events = feed(chunk)
                        if events:
                            yield from reading.items(events)
                            if reading.ended:
                                return
                        continue
                    misses = 0
                    ready = parser.idle
                    for data in datas:
                        if data >= above or not (
                            data == sentinel or error <= data < error_end
                        ):
                            try:
                                value = validate(data)
                            except ValidationError:
                                pass
                            else:
                                obj = new(model)
                                obj.__dict__[name] = value
                                fields(obj, {name})
                                extra(obj, {})
                                private(obj, None)
                                yield obj
                                continue
                        elif data == sentinel:
                            reading.ended = True
                            return
                        yield from reading.items(reading.event(data))
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

    `strict=True` raises `StreamDecodeError` for an event that deviates from the spec
    (by default it is delivered, built leniently, and logged).

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
        strict: bool = False,
    ) -> None:
        self.response = response
        self._reading = _Reading(response, decoder, resume, strict)
        self._reconnect = reconnect  # the core's reconnect; None: a drop is final
        self._iterator = self._events()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def _events(self) -> AsyncGenerator[T, None]:
        # As `EventStream._events`, which says why it reads this way.
        reading = self._reading
        new, fields, extra, private = _new, _set_fields, _set_extra, _set_private
        error, error_end, join = _ERROR, _ERROR_END, b"".join
        waiting: list[bytes] = []  # reads that end no line yet, or the start of one
        while True:
            response, feed, plain = reading.response, reading.feed, reading.feed_plain
            parser = reading.parser
            limit = parser.max_event_size
            if reading.plain is not None:
                validate, model, name, sentinel, above = reading.plain
            failure = None
            misses = 0
            waiting.clear()
            ready = False  # the decoder is clean and holds nothing: reads cut here
            lf_only = lf_before = False  # reads tested for LF alone (see above)
            try:
                body = aiter_body(response, empty=True)
                async for chunk in body:
                    if 10 not in chunk and (lf_only or 13 not in chunk):
                        waiting.append(chunk)
                        budget = _WAIT
                        async for chunk in body:
                            waiting.append(chunk)
                            if 10 in chunk or (not lf_only and 13 in chunk):
                                break
                            budget -= 1
                            if not budget:
                                break
                        chunk = join(waiting)
                        waiting.clear()
                    elif waiting:  # the line the last read began
                        waiting.append(chunk)
                        chunk = join(waiting)
                        waiting.clear()
                    clean = 13 not in chunk
                    if not clean:
                        lf_only = lf_before = False
                    elif not lf_only and 10 in chunk:  # (not a run cut at `_WAIT`)
                        lf_only, lf_before = lf_before, True
                    if ready:
                        head, lf, tail = chunk.partition(b"\n")  # the first line, ...
                        data = head.removeprefix(b"data: ")
                        cut = False
                        if data is not head and clean and len(chunk) <= limit:
                            if tail == b"\n":  # ... then the blank line ends the read
                                cut = True
                            elif not tail:  # ... its blank line to come: it waits
                                if lf:
                                    waiting.append(chunk)
                                    continue
                            else:
                                rest = tail.removeprefix(b"\n")
                                if rest is not tail and 10 not in rest:
                                    waiting.append(rest)  # ... a line begun: it waits
                                    cut = True
                        if cut:
                            if data >= above or not (
                                data == sentinel or error <= data < error_end
                            ):
                                try:
                                    value = validate(data)
                                except ValidationError:
                                    pass  # decided below, as any other event
                                else:
                                    obj: Any = new(model)
                                    obj.__dict__[name] = value
                                    fields(obj, {name})
                                    extra(obj, {})
                                    private(obj, None)
                                    yield obj
                                    continue
                            elif data == sentinel:
                                reading.ended = True
                                return
                            for item in reading.items(reading.event(data)):
                                yield item
                            if reading.ended:
                                return
                            continue
                    datas = plain(chunk) if plain is not None else None
                    if datas is None:
                        ready = False
                        if plain is not None:
                            misses += 1
                            if misses > _MISSES:  # not a plain stream after all
                                plain = None
                        events = feed(chunk)
                        if events:
                            for item in reading.items(events):
                                yield item
                            if reading.ended:
                                return
                        continue
                    misses = 0
                    ready = parser.idle
                    for data in datas:
                        if data >= above or not (
                            data == sentinel or error <= data < error_end
                        ):
                            try:
                                value = validate(data)
                            except ValidationError:
                                pass
                            else:
                                obj = new(model)
                                obj.__dict__[name] = value
                                fields(obj, {name})
                                extra(obj, {})
                                private(obj, None)
                                yield obj
                                continue
                        elif data == sentinel:
                            reading.ended = True
                            return
                        for item in reading.items(reading.event(data)):
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
