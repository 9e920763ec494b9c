"""Success bodies that are not one JSON value: binary data and JSON lines.

`BinaryResponse` (sync) and `AsyncBinaryResponse` (async) hold an unread response: read
it whole, stream it in chunks or write it to a file without holding it in memory.
`LineStream[T]` and `AsyncLineStream[T]` iterate an `application/x-ndjson` (JSON lines)
body as typed items. Each closes its response on every exit path: the end of the body, a
decode error, leaving the `with` block (`break` included), `close()`, being dropped.

`check_media` refuses a success response whose Content-Type the operation does not
declare, so a wrong body never passes for an empty or garbled result.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Callable,
    Generator,
    Iterator,
)
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
from pydantic import ValidationError

from ._media import essence, is_json
from .errors import LineDecodeError, ResponseDecodeError, UnexpectedContentTypeError

__all__ = [
    "AsyncBinaryResponse",
    "AsyncLineStream",
    "BinaryResponse",
    "LineStream",
    "check_media",
    "declared_media",
    "decode_text",
    "or_none",
]

T = TypeVar("T")
_CLOSING: set[asyncio.Task[None]] = set()


def _matches(media: str, declared: str) -> bool:
    declared = essence(declared)
    if declared in ("", "*/*") or media == declared:
        return True
    if declared.endswith("/*"):
        return media.startswith(declared[:-1])
    return is_json(media) and is_json(declared)


def declared_media(response: httpx.Response, expected: tuple[str, ...]) -> bool:
    """Whether the response's media type is one of `expected` (none expected: any).

    A response without a body (204, or Content-Length 0) or without a Content-Type
    passes: there is nothing to misread, or it is read as the one declared type."""
    if not expected or response.status_code == 204:
        return True
    if response.headers.get("content-length") == "0":
        return True
    media = essence(response.headers.get("content-type", ""))
    return not media or any(_matches(media, declared) for declared in expected)


def check_media(response: httpx.Response, expected: tuple[str, ...]) -> None:
    """Raise `UnexpectedContentTypeError` unless the response's media type is declared
    (`declared_media`); the body is not read, so the error carries none."""
    if not declared_media(response, expected):
        raise UnexpectedContentTypeError(expected=expected, response=response)


def or_none(parse: Callable[[bytes], T]) -> Callable[[bytes], T | None]:
    """`parse`, except that an empty body (a success status without content) is None."""

    def parse_or_none(content: bytes) -> T | None:
        return parse(content) if content else None

    return parse_or_none


def decode_text(response: httpx.Response, content: bytes | None = None) -> str:
    """The response's body (or `content`, a piece of it) as text, in the charset its
    Content-Type names (UTF-8 when it names none).

    Bytes that are not valid in that charset, or a charset Python does not know, raise
    `ResponseDecodeError` (the bytes on it): nothing is replaced or guessed silently."""
    charset = response.charset_encoding or "utf-8"
    data = response.content if content is None else content
    try:
        return data.decode(charset)
    except LookupError:
        problem = f"its charset {charset!r} is not a text encoding Python knows"
    except UnicodeDecodeError as exc:
        problem = f"it is not valid {charset}: {exc.reason} at byte {exc.start}"
    raise ResponseDecodeError(
        f"the response body cannot be read as text: {problem}",
        content=data,
        charset=charset,
        response=response,
    )


class _Lines:
    """The lines of a body arriving in chunks, split at LF (a CR before it is dropped)."""

    def __init__(self) -> None:
        self._pending = bytearray()

    def feed(self, chunk: bytes) -> list[bytes]:
        """The lines `chunk` completes."""
        self._pending += chunk
        if b"\n" not in chunk:
            return []
        *lines, rest = self._pending.split(b"\n")
        self._pending = bytearray(rest)
        return [bytes(line).removesuffix(b"\r") for line in lines]

    def end(self) -> list[bytes]:
        """The last line, when the body does not end with a newline."""
        return [bytes(self._pending).removesuffix(b"\r")] if self._pending else []


def _typed(
    lines: list[bytes], decode: Callable[[str], T], response: httpx.Response
) -> Iterator[T]:
    """The items of complete lines (UTF-8 unless the Content-Type says otherwise); blank
    lines are skipped."""
    for raw in lines:
        line = decode_text(response, raw)
        if line.strip():
            yield _decode_line(decode, line, response)


def _decode_line(decode: Callable[[str], T], line: str, response: httpx.Response) -> T:
    try:
        return decode(line)
    except (ValidationError, ValueError) as exc:
        raise LineDecodeError(
            f"a line of the response could not be decoded: {exc}",
            line=line,
            response=response,
        ) from exc


class _Held:
    """What every body holder shows of its response."""

    response: httpx.Response

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.response.headers

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.response.status_code

    @property
    def content_type(self) -> str:
        """The response's Content-Type header ("" when absent)."""
        return str(self.response.headers.get("content-type", ""))


class _SyncHeld(_Held):
    """Closes its response on `close()`, at the end of `with`, and when dropped."""

    def close(self) -> None:
        """Release the connection without reading the rest."""
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        response = self.__dict__.get("response")
        if response is not None and not response.is_closed:
            response.close()


class _AsyncHeld(_Held):
    """Closes its response on `close()`, at the end of `async with`, and when dropped."""

    async def close(self) -> None:
        """Release the connection without reading the rest."""
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __del__(self) -> None:
        _close_later(self.__dict__.get("response"))


class BinaryResponse(_SyncHeld):
    """A binary success body, not read yet: use it inside `with` (or call `close()`)."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    def read(self) -> bytes:
        """The whole body (held in memory)."""
        try:
            return self.response.read()
        finally:
            self.response.close()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks as it arrives (of `chunk_size` bytes, the last shorter)."""
        try:
            yield from self.response.iter_bytes(chunk_size)
        finally:
            self.response.close()

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Stream the body into the file at `path` (created or truncated)."""
        with open(path, "wb") as file:
            file.writelines(self.iter_bytes())


class AsyncBinaryResponse(_AsyncHeld):
    """`BinaryResponse` for the async client: use it inside `async with`."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    async def read(self) -> bytes:
        """The whole body (held in memory)."""
        try:
            return await self.response.aread()
        finally:
            await self.response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks as it arrives (of `chunk_size` bytes, the last shorter)."""
        try:
            async for chunk in self.response.aiter_bytes(chunk_size):
                yield chunk
        finally:
            await self.response.aclose()

    async def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Stream the body into the file at `path` (created or truncated)."""
        with open(path, "wb") as file:  # noqa: ASYNC230 - local disk writes, as httpx's reads
            async for chunk in self.iter_bytes():
                file.write(chunk)


class LineStream(_SyncHeld, Generic[T]):
    """Typed items, one per line of a JSON lines body: iterate it inside `with`."""

    def __init__(self, response: httpx.Response, decode: Callable[[str], T]) -> None:
        self.response = response
        self._decode = decode
        self._iterator = self._items()

    def _items(self) -> Generator[T, None, None]:
        try:
            lines = _Lines()
            for chunk in self.response.iter_bytes():
                yield from _typed(lines.feed(chunk), self._decode, self.response)
            yield from _typed(lines.end(), self._decode, self.response)
        finally:
            self.response.close()

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return next(self._iterator)

    def close(self) -> None:
        """Stop reading and release the connection."""
        self._iterator.close()
        self.response.close()


class AsyncLineStream(_AsyncHeld, Generic[T]):
    """`LineStream` for the async client: iterate it inside `async with`."""

    def __init__(self, response: httpx.Response, decode: Callable[[str], T]) -> None:
        self.response = response
        self._decode = decode
        self._iterator = self._items()

    async def _items(self) -> AsyncGenerator[T, None]:
        try:
            lines = _Lines()
            async for chunk in self.response.aiter_bytes():
                for item in _typed(lines.feed(chunk), self._decode, self.response):
                    yield item
            for item in _typed(lines.end(), self._decode, self.response):
                yield item
        finally:
            await self.response.aclose()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        """Stop reading and release the connection."""
        await self._iterator.aclose()
        await self.response.aclose()


def _close_later(response: Any) -> None:
    # Closing needs the event loop, so the close is scheduled on it when one runs.
    if response is None or response.is_closed:
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    task = loop.create_task(response.aclose())
    _CLOSING.add(task)  # keep a reference until done (the loop holds tasks weakly)
    task.add_done_callback(_CLOSING.discard)
