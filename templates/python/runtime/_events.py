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
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
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

__all__ = ["AsyncEventStream", "EventDecoder", "EventStream", "EventUnionDecoder"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
M = TypeVar("M", bound=BaseModel)


class _Skip(enum.Enum):
    SKIP = enum.auto()


SKIP: Literal[_Skip.SKIP] = _Skip.SKIP  # what a decoder returns for an event it skips


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


class _Reading(Generic[T]):
    """A stream's decisions, without its I/O: which events become items, and where the
    stream ends. `EventStream` and `AsyncEventStream` only fetch chunks and close."""

    __slots__ = ("_decode", "_response", "_sentinel", "ended", "feed")

    def __init__(self, response: httpx.Response, decoder: Decoder[T]) -> None:
        self.feed = SSEDecoder().feed  # a chunk of the body -> the events it completes
        self._decode = decoder.decode
        self._sentinel = decoder.sentinel
        self._response = response
        self.ended = False  # the sentinel came: read no further

    def items(self, events: list[ServerSentEvent]) -> Iterator[T]:
        """The items of `events`, in order.

        Lazily: an event that fails to decode raises only once the items before it were
        taken, as if the events had arrived one chunk each.
        """
        decode, sentinel, response = self._decode, self._sentinel, self._response
        for sse in events:
            if sse.data == sentinel:
                self.ended = True
                return
            item = decode(sse, response)
            if item is not SKIP:
                yield item


def _unclosed(
    stream: EventStream[Any] | AsyncEventStream[Any],
) -> httpx.Response | None:
    # A stream dropped before its first item never ran its generator's `finally`; one whose
    # `__init__` failed has no response at all.
    response: httpx.Response | None = stream.__dict__.get("response")
    return response if response is not None and not response.is_closed else None


class EventStream(Generic[T]):
    """A stream of typed events: iterate it, ideally inside `with`."""

    def __init__(self, response: httpx.Response, decoder: Decoder[T]) -> None:
        self.response = response
        self._decoder = decoder
        self._iterator = self._events()

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return self._iterator.__next__()

    def _events(self) -> Generator[T, None, None]:
        response = self.response
        reading = _Reading(response, self._decoder)
        feed = reading.feed
        try:
            for chunk in iter_body(response):
                events = feed(chunk)
                if events:  # most small chunks complete none: skip the generator then
                    yield from reading.items(events)
                    if reading.ended:
                        break
        except (httpx.TransportError, SSEError) as exc:
            raise _transport_error(exc, response) from exc
        finally:
            response.close()

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


class AsyncEventStream(Generic[T]):
    """An async stream of typed events: iterate it, ideally inside `async with`."""

    def __init__(self, response: httpx.Response, decoder: Decoder[T]) -> None:
        self.response = response
        self._decoder = decoder
        self._iterator = self._events()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def _events(self) -> AsyncGenerator[T, None]:
        response = self.response
        reading = _Reading(response, self._decoder)
        feed = reading.feed
        try:
            async for chunk in aiter_body(response):
                events = feed(chunk)
                if events:  # most small chunks complete none: skip the generator then
                    for item in reading.items(events):
                        yield item
                    if reading.ended:
                        break
        except (httpx.TransportError, SSEError) as exc:
            raise _transport_error(exc, response) from exc
        finally:
            await response.aclose()

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
