"""Raw responses: `resource.with_raw_response.method(...)` gives status, headers and the value.

The raw view calls the ordinary method with a capture slot set in a context variable; the
HTTP core, seeing the slot, hands the response and a parser to it instead of parsing. So
the raw and the plain call share every step (building, retries, errors) but the last.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx

__all__ = ["RawResponse", "async_raw", "deliver", "raw"]

T = TypeVar("T")
P = ParamSpec("P")

_CAPTURE: ContextVar[list[RawResponse[Any]] | None] = ContextVar(
    "sdkgen_raw_capture", default=None
)


class RawResponse(Generic[T]):
    """One call's HTTP response and its value, parsed on demand (once).

    For a stream, `parse()` gives the open stream; iterate or close it as usual.
    """

    def __init__(self, response: httpx.Response, parse: Callable[[], T]) -> None:
        self.http_response = response
        self._parse = parse
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (`x-request-id` or `request-id`)."""
        headers = self.http_response.headers
        found: str | None = headers.get("x-request-id") or headers.get("request-id")
        return found

    def parse(self) -> T:
        """The value the plain call returns."""
        if not self._parsed:
            self._parsed.append(self._parse())
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}]>"


def deliver(response: httpx.Response, parse: Callable[[], T]) -> T:
    """The parsed value, or, inside a raw call, None after handing both to the raw view."""
    slot = _CAPTURE.get()
    if slot is None:
        return parse()
    slot.append(RawResponse(response, parse))
    return cast(T, None)  # the raw view returns the captured response, never this


def _captured(
    slot: list[RawResponse[Any]], method: Callable[..., Any]
) -> RawResponse[Any]:
    """The one response the call handed to the raw view; a clear error if it gave none."""
    if len(slot) != 1:
        name = getattr(method, "__qualname__", repr(method))
        raise RuntimeError(
            f"{name} gave {len(slot)} responses to with_raw_response, not 1"
        )
    return slot[0]


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """`method`, returning the `RawResponse` instead of the parsed value."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        slot: list[RawResponse[Any]] = []
        token = _CAPTURE.set(slot)
        try:
            method(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return cast(RawResponse[T], _captured(slot, method))

    return call


def async_raw(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The async twin of `raw`."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        slot: list[RawResponse[Any]] = []
        token = _CAPTURE.set(slot)
        try:
            await method(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return cast(RawResponse[T], _captured(slot, method))

    return call
