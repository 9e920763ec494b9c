"""Pages of list operations: iterate the items of every page, fetched lazily.

`Paging` says how one operation pages (the spec's `x-speakeasy-pagination`, or a shape
sdkgen recognised); `_next_call` decides the next request from the last response. The
twins `SyncPage` and `AsyncPage` only perform the requests. An async paging method returns
an `AsyncPager`: `await` it for the first page, or `async for` over it for every item.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass, replace
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import urljoin

from ._http import (
    UNSET,
    AsyncHTTP,
    Call,
    RetryConfig,
    SyncHTTP,
    TimeoutTypes,
    Unset,
    _jsonable,
)

__all__ = ["AsyncPage", "AsyncPager", "Paging", "SyncPage"]

R = TypeVar("R")
T = TypeVar("T")
_Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Paging:
    """How an operation pages. Paths run through the JSON body in wire names; `items`
    is the path of `results` through the parsed response in attribute names."""

    kind: Literal["offset", "page", "cursor", "url"]
    results: _Path
    items: _Path
    input: str = ""  # the query parameter or body property that moves
    body: bool = False  # `input` travels in the request body
    start: int = 0  # the first offset or page when the caller passed none
    limit: str = ""  # the request value bounding a page's size
    next: _Path = ()  # the next cursor, the next URL, or the page count
    has_more: _Path = ()  # a flag that is false on the last page


def dig(value: Any, path: _Path) -> Any:
    """The value at `path` (keys, attributes, list indexes); None where it stops."""
    for step in path:
        if value is None:
            return None
        if isinstance(step, int):
            if not isinstance(value, list) or not -len(value) <= step < len(value):
                return None
            value = value[step]
        elif isinstance(value, dict):
            value = value.get(step)
        else:
            value = getattr(value, step, None)
    return value


def _sent(call: Call, name: str, body: bool) -> Any:
    """The value the request sent for `name` (query parameter or body property)."""
    if body:
        sent = _jsonable(call.json) if call.json is not UNSET else {}
        return sent.get(name) if isinstance(sent, dict) else None
    for wire, value, *_ in call.query:
        if wire == name and value is not UNSET:
            return value
    return None


def _with(call: Call, paging: Paging, value: Any) -> Call:
    """The same call with the moving input set to `value`."""
    if paging.body:
        sent = _jsonable(call.json) if call.json is not UNSET else {}
        return replace(call, json={**sent, paging.input: value})
    entry = (paging.input, value, True)
    names = [q[0] for q in call.query]
    if paging.input not in names:  # the spec lists it; kept for a hand-made Call
        return replace(call, query=(*call.query, entry))
    at = names.index(paging.input)  # in place: the query keeps the spec's order
    return replace(call, query=(*call.query[:at], entry, *call.query[at + 1 :]))


def _short(call: Call, paging: Paging, count: int) -> bool:
    """Whether a page of `count` items is the last, when nothing else says so."""
    limit = _sent(call, paging.limit, paging.body) if paging.limit else None
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
        return count < limit
    return count == 0


def _next_call(paging: Paging, call: Call, body: Any, server_url: str) -> Call | None:
    """The request for the page after the one whose JSON body is `body`; None: the last."""
    results = dig(body, paging.results)
    count = len(results) if isinstance(results, list) else 0
    if paging.has_more and not dig(body, paging.has_more):
        return None
    if paging.kind == "url":
        url = dig(body, paging.next)
        if not isinstance(url, str) or not url:
            return None
        return replace(call, path=_relative(url, server_url), query=())
    if paging.kind == "cursor":
        cursor = dig(body, paging.next)
        if cursor is None or cursor == "" or count == 0:
            return None
        return _with(call, paging, cursor)
    sent = _sent(call, paging.input, paging.body)
    current = sent if isinstance(sent, int) else paging.start
    if paging.kind == "page":
        total = dig(body, paging.next) if paging.next else None
        if isinstance(total, int):
            return None if current + 1 > total else _with(call, paging, current + 1)
    if not paging.has_more and _short(call, paging, count):
        return None
    if paging.kind == "page":
        return _with(call, paging, current + 1)
    return _with(call, paging, current + count)


def _relative(url: str, server_url: str) -> str:
    """A next-page URL as a path under the client's server URL."""
    absolute = urljoin(server_url + "/", url)
    rest = absolute[len(server_url) :]
    # Under it at a path boundary: `https://api.example.com.evil/` only shares a prefix.
    if not absolute.startswith(server_url) or rest[:1] not in ("", "/", "?", "#"):
        raise ValueError(f"the next page's URL {url!r} is not under {server_url!r}")
    return rest


def _reader(parse: Callable[[bytes], R]) -> Callable[[bytes], tuple[R, Any]]:
    """The typed response, and its JSON for the paging decisions."""

    def read(content: bytes) -> tuple[R, Any]:
        return parse(content), json.loads(content)

    return read


class _Page(Generic[R, T]):
    """What both twins hold: the response, its items, and the next request if any."""

    response: R
    items: list[T]

    def __init__(
        self,
        response: R,
        body: Any,
        call: Call,
        paging: Paging,
        server_url: str,
        options: tuple[TimeoutTypes | Unset, int | RetryConfig | Unset],
    ) -> None:
        self.response = response
        found = dig(response, paging.items)
        if found is not None and not isinstance(found, list):
            # Never an empty page in place of items the SDK cannot read.
            raise TypeError(
                f"the page's items at {'.'.join(map(str, paging.items))} are a "
                f"{type(found).__name__}, not a list"
            )
        self.items = list(found or ())
        self._call = _next_call(paging, call, body, server_url)
        self._paging = paging
        self._options = options

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self._call is not None

    def __getattr__(self, name: str) -> Any:
        # The page reads as its response: `page.has_more`, `page.total`, ...
        if name.startswith("_") or name in ("response", "items"):
            raise AttributeError(name)
        return getattr(self.response, name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, next={self._call is not None})"


class SyncPage(_Page[R, T]):
    """One page of a list; iterating it yields the items of this page and every next one."""

    _http: SyncHTTP
    _parse: Callable[[bytes], R]

    @classmethod
    def fetch(
        cls,
        http: SyncHTTP,
        call: Call,
        parse: Callable[[bytes], R],
        paging: Paging,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> SyncPage[R, T]:
        """Request the page `call` describes."""

        # The page is built by the parser the core calls, so a raw view's `.parse()` (which
        # calls it later) gives the page too.
        def page_of(content: bytes) -> SyncPage[R, T]:
            response, body = _reader(parse)(content)
            page: SyncPage[R, T] = cls(
                response, body, call, paging, http.server_url, (timeout, retries)
            )
            page._http, page._parse = http, parse
            return page

        return http.request(call, page_of, timeout=timeout, retries=retries)

    def next_page(self) -> SyncPage[R, T] | None:
        """The next page (one request), or None after the last."""
        if self._call is None:
            return None
        timeout, retries = self._options
        return SyncPage.fetch(
            self._http,
            self._call,
            self._parse,
            self._paging,
            timeout=timeout,
            retries=retries,
        )

    def iter_pages(self) -> Iterator[SyncPage[R, T]]:
        """This page, then each next one, fetched as the loop reaches it."""
        page: SyncPage[R, T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_Page[R, T]):
    """One page of a list; `async for` yields the items of this page and every next one."""

    _http: AsyncHTTP
    _parse: Callable[[bytes], R]

    @classmethod
    async def fetch(
        cls,
        http: AsyncHTTP,
        call: Call,
        parse: Callable[[bytes], R],
        paging: Paging,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> AsyncPage[R, T]:
        """Request the page `call` describes."""

        def page_of(content: bytes) -> AsyncPage[R, T]:
            response, body = _reader(parse)(content)
            page: AsyncPage[R, T] = cls(
                response, body, call, paging, http.server_url, (timeout, retries)
            )
            page._http, page._parse = http, parse
            return page

        return await http.request(call, page_of, timeout=timeout, retries=retries)

    @classmethod
    def pager(
        cls,
        http: AsyncHTTP,
        call: Call,
        parse: Callable[[bytes], R],
        paging: Paging,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> AsyncPager[R, T]:
        """The page `call` describes, requested when awaited or iterated."""
        return AsyncPager(
            lambda: cls.fetch(
                http, call, parse, paging, timeout=timeout, retries=retries
            )
        )

    async def next_page(self) -> AsyncPage[R, T] | None:
        """The next page (one request), or None after the last."""
        if self._call is None:
            return None
        timeout, retries = self._options
        return await AsyncPage.fetch(
            self._http,
            self._call,
            self._parse,
            self._paging,
            timeout=timeout,
            retries=retries,
        )

    async def iter_pages(self) -> AsyncIterator[AsyncPage[R, T]]:
        """This page, then each next one, fetched as the loop reaches it."""
        page: AsyncPage[R, T] | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPager(Generic[R, T]):
    """What an async paging method returns: `await` it for the first page (an `AsyncPage`),
    or `async for` over it, no await needed, for the items of every page."""

    def __init__(self, fetch: Callable[[], Awaitable[AsyncPage[R, T]]]) -> None:
        self._fetch = fetch

    def __await__(self) -> Generator[Any, None, AsyncPage[R, T]]:
        return self._fetch().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._fetch()
        async for item in page:
            yield item
