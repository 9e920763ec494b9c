"""The HTTP core shared by every generated resource: requests, auth, retries, errors."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime
import email.utils
import enum
import itertools
import json
import random
import re
import time
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Final, Literal, NoReturn, Self, TypeVar
from urllib.parse import quote, urlencode

import httpx
from pydantic import BaseModel

from ._events import (
    AsyncEventStream,
    Decoder,
    EventStream,
    ResumeConfig,
    _reconnectable,
    _Resume,
)
from ._log import log_request, log_response, mark_secrets
from ._media import essence, is_json
from ._multipart import raw_fields
from ._payload import MULTIPART, encode_payload
from ._raw import deliver
from ._responses import (
    AsyncBinaryResponse,
    AsyncLineStream,
    BinaryResponse,
    LineStream,
    check_media,
    declared_media,
    decode_text,
)
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    UnexpectedContentTypeError,
    default_error_class,
)

__all__ = [
    "UNSET",
    "AsyncHTTP",
    "ErrorMap",
    "ExtraBody",
    "ExtraHeaders",
    "ExtraQuery",
    "ResumeConfig",
    "RetryConfig",
    "SecurityDef",
    "SyncHTTP",
    "TimeoutTypes",
    "Unset",
    "encode_path",
    "with_policy",
]

T = TypeVar("T")

TimeoutTypes = float | httpx.Timeout | None
# A call's (or the client's) additions: headers, query values, JSON body fields.
ExtraHeaders = Mapping[str, str]
ExtraQuery = Mapping[str, Any]
ExtraBody = Mapping[str, Any]
_Params = list[tuple[str, str | int | float | bool | None]]
# per body property: (wire name, style, explode, part content type), as the spec gives them
_Encoding = tuple[tuple[str, str, bool | None, str], ...]
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
# Methods whose repetition does no harm (RFC 9110); any other reconnects only when
# the spec marks the operation resumable.
_IDEMPOTENT: Final = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# status -> (error class, model of the error body or None); keys "404", "4XX", "default".
ErrorMap = Mapping[str, tuple[type[APIStatusError], type[BaseModel] | None]]


class Unset:
    """The type of `UNSET`: an argument the caller did not pass (distinct from `None`)."""

    _instance: Unset | None = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance  # type: ignore[return-value]

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset()


@dataclass(frozen=True)
class RetryConfig:
    """Which failures are retried, how often and how long to wait (exponential backoff).

    Retried: the `status_codes` (exact codes, or a class such as "5XX"), and connection
    errors and timeouts when `connection_errors`. The delay before retry n (0-based) is
    `initial_delay * exponent**n`, capped at `max_delay`, with up to 25% random jitter
    taken off; a `Retry-After` header up to `max_retry_after` seconds takes precedence.
    Retrying stops after `max_retries` retries (None: no count) or once the next wait
    would end more than `max_elapsed` seconds after the first attempt (None: no limit).
    A stream is never retried once its response has been handed to the caller.
    """

    max_retries: int | None = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    exponent: float = 2.0
    max_elapsed: float | None = None
    status_codes: tuple[str, ...] = ("429", "5XX")
    connection_errors: bool = True

    def delay(self, attempt: int, headers: httpx.Headers | None) -> float:
        """Seconds to wait before retry number `attempt` (0-based)."""
        after = _retry_after(headers) if headers is not None else None
        if after is not None and 0 <= after <= self.max_retry_after:
            return after
        backoff = min(self.initial_delay * self.exponent**attempt, self.max_delay)
        return backoff * (1 - 0.25 * random.random())

    def retries_status(self, status: int) -> bool:
        """Whether a response with this status is retried."""
        code = str(status)
        return any(c == code or c.upper() == f"{code[0]}XX" for c in self.status_codes)

    def exhausted(self, attempt: int) -> bool:
        """Whether attempt number `attempt` (0-based) is the last by count."""
        return self.max_retries is not None and attempt >= self.max_retries

    def out_of_time(self, started: float, wait: float) -> bool:
        """Whether waiting `wait` more seconds would pass `max_elapsed`."""
        if self.max_elapsed is None:
            return False
        return time.monotonic() - started + wait > self.max_elapsed


def with_policy(retries: int | RetryConfig | Unset, policy: RetryConfig) -> RetryConfig:
    """`retries` as the spec's `policy` reads it: unset keeps the policy, a count
    replaces its count only, a `RetryConfig` replaces it whole."""
    if isinstance(retries, Unset):
        return policy
    if isinstance(retries, RetryConfig):
        return retries
    if retries < 0:
        raise ValueError("retries must be >= 0")
    return dataclasses.replace(policy, max_retries=retries)


_ONCE: Final = RetryConfig(max_retries=0)  # a reconnect attempt: its own outage counts


def _retry_after(headers: httpx.Headers) -> float | None:
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())


@dataclass(frozen=True)
class SecurityDef:
    """How one security scheme's credential travels."""

    kind: Literal["bearer", "basic", "apikey"]
    location: Literal["header", "query", "cookie"]
    name: str  # header, query or cookie name


@dataclass(frozen=True)
class Call:
    """One operation call, as the generated method describes it."""

    method: str
    path: str
    security: tuple[str, ...] = ()
    # (wire name, value, explode) or, for a style other than form, (..., style)
    query: tuple[tuple[str, Any, bool] | tuple[str, Any, bool, str], ...] = ()
    headers: tuple[tuple[str, Any], ...] = ()
    cookies: tuple[tuple[str, Any], ...] = ()
    json: Any = UNSET
    # The spec's body is optional: one without any field (nor extra field) is not sent. A
    # required one always is: `{}`, an empty form, a multipart body without parts.
    optional_body: bool = False
    content_type: str = "application/json"
    encoding: _Encoding = ()  # the body's per-property `encoding` (form and multipart)
    accept: str = "application/json"
    expect: tuple[str, ...] = ()  # the declared success media types; () checks none
    errors: ErrorMap | None = None
    resumable: bool = False  # the spec's `x-sdkgen-resumable`: safe to repeat
    # The caller's escape hatches: sent as given, after (and over) what the SDK builds.
    extra_headers: ExtraHeaders | None = None
    extra_query: ExtraQuery | None = None
    extra_body: ExtraBody | None = None


def encode_path(
    value: Any, name: str = "", style: str = "simple", explode: bool = False
) -> str:
    """A path parameter in its OpenAPI style (simple, label, matrix), percent-encoded (a `/`
    inside it stays data).

    An empty value raises `ValueError` (`/customers/{id}` with `id=""` would call another
    URL), and so does one that makes a `.` or `..` segment (the URL would resolve to another
    path)."""
    value = _jsonable(value)
    if value is None or value == "" or (isinstance(value, list | dict) and not value):
        raise ValueError(f"path parameter {name or 'value'!r} must not be empty")
    text = _expand_path(value, name, style, explode)
    if re.fullmatch(r"(?:\.|%2e){1,2}", text, re.IGNORECASE):
        raise ValueError(
            f"path parameter {name or 'value'!r} must not make a '.' or '..' segment"
        )
    return text


def _expand_path(value: Any, name: str, style: str, explode: bool) -> str:
    """RFC 6570 expansion of one path parameter (OpenAPI's simple, label, matrix styles)."""

    def enc(item: Any) -> str:
        return quote(_scalar(item), safe="")

    lead = {"label": ".", "matrix": ";"}.get(style, "")
    # Items of an exploded list or object are joined by the style's prefix (`.a.b`, `;x=a;x=b`).
    sep = lead if explode and lead else ","

    def named(text: str) -> str:
        if style == "matrix":
            return f";{name}{'=' if text else ''}{text}"
        return lead + text

    if isinstance(value, list):
        if style == "matrix" and explode:
            return "".join(named(enc(v)) for v in value)
        return named(sep.join(enc(v) for v in value))
    if isinstance(value, dict):
        entries = [
            (quote(str(k), safe=""), enc(v)) for k, v in value.items() if v is not None
        ]
        if explode:
            return lead + sep.join(f"{k}={v}" for k, v in entries)
        return named(",".join(f"{k},{v}" for k, v in entries))
    return named(enc(value))


def _scalar(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel):
        return value.model_dump_json(by_alias=True)
    if isinstance(value, list | tuple):
        return ",".join(_scalar(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_scalar(v)}" for k, v in value.items())
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _query(
    items: Iterable[tuple[str, Any, bool] | tuple[str, Any, bool, str]],
) -> _Params:
    out: _Params = []
    for name, value, explode, *style in items:
        if value is UNSET or value is None:
            continue
        if isinstance(value, BaseModel):  # an object parameter: its set fields
            value = {k: v for k, v in _jsonable(value).items() if v is not None}
        if style == ["deepObject"] and isinstance(value, dict):
            _form(_jsonable(value), name, out)  # created[gt]=1
        elif (
            style
            and style[0] in _DELIMITERS
            and not explode
            and isinstance(value, list | tuple)
        ):
            out.append((name, _DELIMITERS[style[0]].join(_scalar(v) for v in value)))
        elif isinstance(value, list | tuple) and explode:
            out.extend((name, _scalar(v)) for v in value)
        elif isinstance(value, dict) and explode:
            out.extend((str(k), _scalar(v)) for k, v in value.items())
        else:
            out.append((name, _scalar(value)))
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    return value


FORM = "application/x-www-form-urlencoded"


def _form(value: Any, name: str, out: _Params) -> None:
    """`value` as form fields named in the bracket convention: `a[b]=v`, `a[0]=v`.

    The convention Stripe and Rails read; booleans are `true`/`false`, None is omitted."""
    if value is None or value is UNSET:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            _form(v, f"{name}[{k}]" if name else str(k), out)
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _form(v, f"{name}[{i}]", out)
    else:
        out.append((name, _scalar(value)))


_DELIMITERS: Final = {"spaceDelimited": " ", "pipeDelimited": "|"}


def encode_form(body: Any, encoding: _Encoding = ()) -> bytes:
    """An `application/x-www-form-urlencoded` body: the object's fields, brackets nested.

    A property whose spec `encoding` names a `style` (or `explode`) other than deepObject
    is sent that way instead: `form` repeats an exploded array's name (`a=1&a=2`), spreads
    an exploded object's keys, and joins an unexploded one with commas (`a=1,2`)."""
    how = {name: (style, explode) for name, style, explode, _ in encoding}
    out: _Params = []
    value = _jsonable(body)
    if not isinstance(value, dict):
        _form(value, "", out)
        return urlencode(out).encode()
    for key, item in value.items():
        style, explode = how.get(key, ("", None))
        if not style and explode is None or style == "deepObject" or item is None:
            _form(item, str(key), out)
        elif style in _DELIMITERS and explode is not True and isinstance(item, list):
            out.append((key, _DELIMITERS[style].join(_scalar(v) for v in item)))
        elif explode is False:
            out.append((key, _scalar(item)))
        elif isinstance(item, list):
            out.extend((key, _scalar(v)) for v in item)
        elif isinstance(item, dict):
            out.extend((str(k), _scalar(v)) for k, v in item.items() if v is not None)
        else:
            out.append((key, _scalar(item)))
    return urlencode(out).encode()


def strip_unset(values: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments the caller actually passed."""
    return {k: v for k, v in values.items() if v is not UNSET}


def _body_of(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def _status_error(response: httpx.Response, errors: ErrorMap | None) -> APIStatusError:
    """The typed error for an error response whose body has been read."""
    status = response.status_code
    entry = None
    if errors:
        code = str(status)
        entry = errors.get(code) or errors.get(f"{code[0]}XX") or errors.get("DEFAULT")
    cls, model = entry if entry is not None else (default_error_class(status), None)
    if cls is APIStatusError:
        cls = default_error_class(status)
    body = _body_of(response)
    data = None
    if model is not None:
        try:
            data = model.model_validate_json(response.content)
        except ValueError:
            data = None
    message = f"HTTP {status}"
    flagged = _flagged_message(data)
    if flagged:
        message += f": {flagged}"
    elif isinstance(body, dict):
        detail = body.get("error", body)
        if isinstance(detail, dict) and isinstance(detail.get("message"), str):
            message += f": {detail['message']}"
        elif isinstance(detail, str):
            message += f": {detail}"
    elif isinstance(body, str) and body:
        message += f": {body[:200]}"
    return cls(message, response=response, body=body, data=data)


def _flagged_message(data: BaseModel | None) -> str:
    """The error body's field the spec marks as its message (x-speakeasy-error-message)."""
    name = getattr(type(data), "__sdk_error_message__", None)
    text = getattr(data, name, None) if isinstance(name, str) else None
    return text if isinstance(text, str) else ""


def _connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(f"Connection error: {exc}", request=request)


# The steps of one call. `_exchange` decides them all; `SyncHTTP` and `AsyncHTTP` only
# perform each one (blocking or awaited), so the twins cannot drift apart again.
@dataclass(frozen=True)
class _Send:
    request: httpx.Request


@dataclass(frozen=True)
class _Sleep:
    seconds: float


@dataclass(frozen=True)
class _Read:
    response: httpx.Response


@dataclass(frozen=True)
class _Close:
    response: httpx.Response


@dataclass(frozen=True)
class _Done:
    response: httpx.Response | None  # handed to the caller; None: a stream is over


_IO = _Send | _Sleep | _Read | _Close
# A core answers `_Send` with the response and the other steps with None, or throws in
# the exception the step's I/O raised.
_Steps = Generator[_IO, httpx.Response | None, httpx.Response]
_Plan = Generator[_IO | _Done, httpx.Response | None, None]


def _call(
    request: httpx.Request, config: RetryConfig, errors: ErrorMap | None
) -> _Plan:
    """One call: the exchange, then its success response handed out."""
    yield _Done((yield from _exchange(request, config, errors)))


def _reconnection(
    resume: _Resume,
    request: httpx.Request,
    errors: ErrorMap | None,
    failure: APIError,
) -> _Plan:
    """Every decision of reopening a dropped stream: whether, when, and when to stop."""
    resume.begin(failure)
    while True:
        yield _Sleep(resume.wait(failure))
        try:
            response = yield from _exchange(resume.request(request), _ONCE, errors)
        except APIError as exc:
            if not _reconnectable(exc):
                raise
            failure = exc
            continue
        if resume.reopened(response):
            yield _Done(response)
        else:
            yield _Close(response)
            yield _Done(None)
        return


def _exchange(
    request: httpx.Request, config: RetryConfig, errors: ErrorMap | None
) -> _Steps:
    """Every decision of one call: retry or not, how long to wait, when to close, which error."""
    started = time.monotonic()
    for attempt in itertools.count():
        last = config.exhausted(attempt)
        log_request(request)
        try:
            response = yield _Send(request)
        except httpx.TransportError as exc:
            retry = not last and config.connection_errors
            wait = _next_wait(config, attempt, None, started) if retry else None
            if wait is None:
                raise _connection_error(exc, request) from exc
            yield _Sleep(wait)
            continue
        assert response is not None  # a core answers a send with its response
        log_response(response)
        if response.is_success:
            # Handed out: from here on a stream is the caller's, never retried.
            return response
        retry = not last and config.retries_status(response.status_code)
        wait = _next_wait(config, attempt, response.headers, started) if retry else None
        if wait is None:
            yield from _fail(response, request, errors)
        else:
            yield _Close(
                response
            )  # before the wait, so the connection is free meanwhile
            yield _Sleep(wait)
    raise AssertionError("unreachable: itertools.count() never ends")


def _next_wait(
    config: RetryConfig, attempt: int, headers: httpx.Headers | None, started: float
) -> float | None:
    """The wait before the next attempt; None when it would pass the policy's time."""
    wait = config.delay(attempt, headers)
    return None if config.out_of_time(started, wait) else wait


def _fail(
    response: httpx.Response, request: httpx.Request, errors: ErrorMap | None
) -> Generator[_IO, httpx.Response | None, NoReturn]:
    """Read the error body, close the response once, raise the typed error."""
    try:
        yield _Read(response)
    except GeneratorExit:
        raise  # the caller's coroutine is being torn down: no more I/O may run
    except BaseException as exc:
        yield _Close(response)
        if isinstance(exc, httpx.TransportError):
            raise _connection_error(exc, request) from exc
        raise
    yield _Close(response)
    raise _status_error(response, errors)


class _Base:
    """State shared by the sync and async cores."""

    def __init__(
        self,
        *,
        server_url: str,
        credentials: Mapping[str, str | None],
        schemes: Mapping[str, SecurityDef],
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig,
        user_agent: str,
        resume: bool | ResumeConfig = False,
        default_headers: ExtraHeaders | None = None,
        default_query: ExtraQuery | None = None,
        strict: bool = False,
        retries_given: int | RetryConfig | Unset = UNSET,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self._credentials = dict(credentials)
        self._schemes = dict(schemes)
        # The header and query names the spec's schemes put credentials in: never logged.
        self._secrets = frozenset(
            s.name.lower() for s in self._schemes.values() if s.kind == "apikey"
        )
        self.timeout: TimeoutTypes = (
            DEFAULT_TIMEOUT if isinstance(timeout, Unset) else timeout
        )
        self.retries = _retry_config(retries)
        # What the client's caller chose, if anything: it outranks an operation's spec policy.
        self.retries_given = retries_given
        self.resume = resume
        self.strict = strict  # streams raise on events that deviate from the spec
        self._user_agent = user_agent
        self.default_headers = dict(default_headers or {})
        self.default_query = dict(default_query or {})

    def _timeout(self, timeout: TimeoutTypes | Unset) -> TimeoutTypes:
        return self.timeout if isinstance(timeout, Unset) else timeout

    def _retries(self, retries: int | RetryConfig | Unset) -> RetryConfig:
        return self.retries if isinstance(retries, Unset) else _retry_config(retries)

    def policy(
        self, retries: int | RetryConfig | Unset, policy: RetryConfig
    ) -> RetryConfig:
        """A call's retries under its operation's own spec policy: the call's `retries`, else
        what the client's caller gave, else the policy (a count keeps the policy's backoff and
        status codes, a `RetryConfig` replaces it whole)."""
        return with_policy(
            self.retries_given if isinstance(retries, Unset) else retries, policy
        )

    def _resume(
        self, call: Call, resume: bool | ResumeConfig | Unset
    ) -> _Resume | None:
        """The stream's resume state, or None when a drop must stay final."""
        allowed = call.resumable or call.method in _IDEMPOTENT
        default = self.resume
        if isinstance(resume, Unset):
            # The spec's flag turns resume on; the client's default applies where allowed.
            wanted = (default or call.resumable) if allowed else False
        elif resume and not allowed:
            raise ValueError(
                f"resume=True would repeat a {call.method} request that the API does "
                "not mark resumable (x-sdkgen-resumable)"
            )
        else:
            wanted = resume
        if not wanted:
            return None
        if isinstance(wanted, ResumeConfig):
            return _Resume(wanted)
        return _Resume(default if isinstance(default, ResumeConfig) else ResumeConfig())

    def _build(
        self,
        client: httpx.Client | httpx.AsyncClient,
        call: Call,
        timeout: TimeoutTypes | Unset,
    ) -> httpx.Request:
        headers: dict[str, str] = {
            "Accept": call.accept,
            "User-Agent": self._user_agent,
            **self.default_headers,
        }
        params = _query(call.query)
        if self.default_query:  # the operation's own parameters win over the defaults
            params = _override(_query(_extra_query(self.default_query)), params)
        cookies: dict[str, str] = {}
        for name, value in call.headers:
            if value is not UNSET and value is not None:
                headers[name] = _scalar(value)
        for name, value in call.cookies:
            if value is not UNSET and value is not None:
                cookies[name] = _scalar(value)
        self._authenticate(call.security, headers, params, cookies)
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if call.extra_query:
            params = _override(params, _query(_extra_query(call.extra_query)))
        multipart = essence(call.content_type) == MULTIPART
        body = _with_extra_body(call.json, call.extra_body, files=multipart)
        if call.optional_body and _no_fields(body):
            body = UNSET
        content: Any = None
        files: Any = None
        if body is not UNSET:
            headers["Content-Type"] = call.content_type
            if call.content_type.partition(";")[0].strip().lower() == FORM:
                content = encode_form(body, call.encoding)
            elif not is_json(call.content_type):  # multipart, binary, text
                content, files = encode_payload(
                    body,
                    call.content_type,
                    call.encoding,
                    headers,
                    is_async=isinstance(client, httpx.AsyncClient),
                )
            else:
                content = json.dumps(
                    _jsonable(body), ensure_ascii=False, separators=(",", ":")
                ).encode()
        headers.update(call.extra_headers or {})
        request = client.build_request(
            call.method,
            self.server_url + call.path,
            params=params or None,
            headers=headers,
            content=content,
            files=files,
            timeout=self._timeout(timeout),
        )
        mark_secrets(request, self._secrets)
        return request

    def _authenticate(
        self,
        security: tuple[str, ...],
        headers: dict[str, str],
        params: _Params,
        cookies: dict[str, str],
    ) -> None:
        # Any one of the operation's schemes will do: use the first that has a credential.
        for key in security:
            value = self._credentials.get(key)
            scheme = self._schemes.get(key)
            if not value or scheme is None:
                continue
            if scheme.kind == "bearer":
                headers["Authorization"] = f"Bearer {value}"
            elif scheme.kind == "basic":
                headers["Authorization"] = (
                    "Basic " + base64.b64encode(value.encode()).decode()
                )
            elif scheme.location == "query":
                params.append((scheme.name, value))
            elif scheme.location == "cookie":
                cookies[scheme.name] = value
            else:
                headers[scheme.name] = value
            return


def _extra_query(values: Mapping[str, Any]) -> list[tuple[str, Any, bool]]:
    """Extra query values as exploded form parameters (a list repeats the name)."""
    return [(name, value, True) for name, value in values.items()]


def _override(params: _Params, extra: _Params) -> _Params:
    """`params` with every name `extra` sets replaced by the extra values."""
    names = {name for name, _ in extra}
    return [p for p in params if p[0] not in names] + extra


def _with_extra_body(
    body: Any, extra: Mapping[str, Any] | None, *, files: bool = False
) -> Any:
    """The body with the caller's extra fields merged in (they win); extra alone without one.

    With `files` (a multipart body), a model's fields are taken as they are: a file in one
    stays the file (a JSON dump would turn a path into its name)."""
    if not extra:
        return body
    if body is UNSET:
        return dict(extra)
    if isinstance(
        body, Mapping
    ):  # the fields as the method built them (files stay files)
        return {**body, **extra}
    if files and isinstance(body, BaseModel):
        return {**raw_fields(body), **extra}
    value = _jsonable(body)
    if not isinstance(value, dict):
        raise TypeError(
            "extra_body needs an object body (JSON, form or multipart) to merge into"
        )
    return {**value, **_jsonable(dict(extra))}


def _no_fields(body: Any) -> bool:
    """Whether a body built from keyword arguments carries no field at all."""
    if isinstance(body, BaseModel):
        return not body.model_fields_set and not body.model_extra
    return isinstance(body, Mapping) and not body


def _wrong_media(call: Call, response: httpx.Response) -> bool:
    """A success in a media type the call cannot read: JSON for a stream, a stream for JSON."""
    header: str = response.headers.get("content-type", "")
    received = header.partition(";")[0].strip().lower()
    if not received:
        return False
    if call.accept == SSE:
        return received != SSE
    return received == SSE and call.accept != SSE


def _media_error(
    call: Call, response: httpx.Response, expected: tuple[str, ...] = ()
) -> UnexpectedContentTypeError:
    """The error for a success the call cannot read, its body read and kept in the error."""
    accepted = expected or tuple(a.strip() for a in call.accept.split(","))
    return UnexpectedContentTypeError(
        expected=accepted, response=response, body=_body_of(response)
    )


def _unreadable(
    call: Call, response: httpx.Response
) -> UnexpectedContentTypeError | None:
    """For a read success body: the error when the call cannot read its media type (a stream
    for JSON, or one the operation does not declare), else None."""
    if _wrong_media(call, response):
        return _media_error(call, response)
    if not declared_media(response, call.expect):
        return _media_error(call, response, call.expect)
    return None


SSE: Final = "text/event-stream"


def _retry_config(retries: int | RetryConfig) -> RetryConfig:
    if isinstance(retries, RetryConfig):
        return retries
    if retries < 0:
        raise ValueError("retries must be >= 0")
    return RetryConfig(max_retries=retries)


class SyncHTTP(_Base):
    """The synchronous core: one `httpx.Client` (the caller's, or one it owns)."""

    def __init__(
        self, *, http_client: httpx.Client | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._owns_client = http_client is None
        self.client = http_client if http_client is not None else httpx.Client()

    def close(self) -> None:
        """Close the connection pool (not a client the caller passed in)."""
        if self._owns_client:
            self.client.close()

    def send(
        self,
        call: Call,
        *,
        stream: bool,
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig | Unset,
    ) -> httpx.Response:
        """Send with retries; return a success response or raise the typed error."""
        request = self._build(self.client, call, timeout)
        response = self._drive(
            _call(request, self._retries(retries), call.errors), stream
        )
        assert response is not None  # `_call` always hands a response out
        return response

    def _drive(self, plan: _Plan, stream: bool) -> httpx.Response | None:
        step = next(plan)
        while not isinstance(step, _Done):
            try:
                result = self._perform(step, stream)
            except BaseException as exc:  # noqa: BLE001
                # What a failed step means is the plan's decision; it re-raises the rest.
                step = plan.throw(exc)
            else:
                step = plan.send(result)
        return step.response

    def _perform(self, step: _IO, stream: bool) -> httpx.Response | None:
        if isinstance(step, _Send):
            return self.client.send(step.request, stream=stream)
        if isinstance(step, _Sleep):
            time.sleep(step.seconds)
        elif isinstance(step, _Read):
            step.response.read()
        else:
            step.response.close()
        return None

    def request(
        self,
        call: Call,
        parse: Callable[[bytes], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> T:
        """A non-streaming call: the parsed success body."""
        response = self._read(call, timeout, retries)
        return deliver(response, lambda: parse(response.content))

    def text(
        self,
        call: Call,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> str:
        """A text success body, decoded in the charset its Content-Type names."""
        response = self._read(call, timeout, retries)
        return deliver(response, lambda: decode_text(response))

    def text_or_none(
        self,
        call: Call,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> str | None:
        """`text`, except that a success without content (a 204, say) is None."""
        response = self._read(call, timeout, retries)
        return deliver(
            response, lambda: decode_text(response) if response.content else None
        )

    def _read(
        self,
        call: Call,
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig | Unset,
    ) -> httpx.Response:
        """A success response, read, in a media type the call can read."""
        response = self.send(call, stream=False, timeout=timeout, retries=retries)
        error = _unreadable(call, response)
        if error is not None:
            raise error
        return response

    def download(
        self,
        call: Call,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> BinaryResponse:
        """A binary success body, not read yet."""
        response = self._unread(call, timeout, retries)
        return deliver(response, lambda: BinaryResponse(response))

    def lines(
        self,
        call: Call,
        decode: Callable[[str], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> LineStream[T]:
        """A JSON lines success body, as typed items."""
        response = self._unread(call, timeout, retries)
        return deliver(response, lambda: LineStream(response, decode))

    def _unread(
        self,
        call: Call,
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig | Unset,
    ) -> httpx.Response:
        response = self.send(call, stream=True, timeout=timeout, retries=retries)
        try:
            check_media(response, call.expect)
        except BaseException:
            response.close()
            raise
        return response

    def stream(
        self,
        call: Call,
        decoder: Decoder[T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
        resume: bool | ResumeConfig | Unset = UNSET,
    ) -> EventStream[T]:
        """A streaming call: retried until the response arrives; then, with resume on,
        reopened after a drop."""
        state = self._resume(call, resume)
        request = self._build(self.client, call, timeout)
        response = self._drive(
            _call(request, self._retries(retries), call.errors), True
        )
        assert response is not None  # `_call` always hands a response out
        if _wrong_media(call, response):
            try:
                response.read()
            except httpx.TransportError as exc:
                raise _connection_error(exc, request) from exc
            finally:
                response.close()
            raise _media_error(call, response)
        if state is None:
            return deliver(
                response, lambda: EventStream(response, decoder, strict=self.strict)
            )

        def reconnect(failure: APIError) -> httpx.Response | None:
            plan = _reconnection(state, request, call.errors, failure)
            return self._drive(plan, True)

        return deliver(
            response,
            lambda: EventStream(
                response, decoder, resume=state, reconnect=reconnect, strict=self.strict
            ),
        )


class AsyncHTTP(_Base):
    """The asynchronous core: one `httpx.AsyncClient` (the caller's, or one it owns)."""

    def __init__(
        self, *, http_client: httpx.AsyncClient | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._owns_client = http_client is None
        self.client = http_client if http_client is not None else httpx.AsyncClient()

    async def close(self) -> None:
        """Close the connection pool (not a client the caller passed in)."""
        if self._owns_client:
            await self.client.aclose()

    async def send(
        self,
        call: Call,
        *,
        stream: bool,
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig | Unset,
    ) -> httpx.Response:
        """Send with retries; return a success response or raise the typed error."""
        request = self._build(self.client, call, timeout)
        plan = _call(request, self._retries(retries), call.errors)
        response = await self._drive(plan, stream)
        assert response is not None  # `_call` always hands a response out
        return response

    async def _drive(self, plan: _Plan, stream: bool) -> httpx.Response | None:
        step = next(plan)
        while not isinstance(step, _Done):
            try:
                result = await self._perform(step, stream)
            except BaseException as exc:  # noqa: BLE001
                # What a failed step means is the plan's decision; it re-raises the rest.
                step = plan.throw(exc)
            else:
                step = plan.send(result)
        return step.response

    async def _perform(self, step: _IO, stream: bool) -> httpx.Response | None:
        if isinstance(step, _Send):
            return await self.client.send(step.request, stream=stream)
        if isinstance(step, _Sleep):
            await asyncio.sleep(step.seconds)
        elif isinstance(step, _Read):
            await step.response.aread()
        else:
            await step.response.aclose()
        return None

    async def request(
        self,
        call: Call,
        parse: Callable[[bytes], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> T:
        """A non-streaming call: the parsed success body."""
        response = await self._read(call, timeout, retries)
        return deliver(response, lambda: parse(response.content))

    async def text(
        self,
        call: Call,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> str:
        """A text success body, decoded in the charset its Content-Type names."""
        response = await self._read(call, timeout, retries)
        return deliver(response, lambda: decode_text(response))

    async def text_or_none(
        self,
        call: Call,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> str | None:
        """`text`, except that a success without content (a 204, say) is None."""
        response = await self._read(call, timeout, retries)
        return deliver(
            response, lambda: decode_text(response) if response.content else None
        )

    async def _read(
        self,
        call: Call,
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig | Unset,
    ) -> httpx.Response:
        """A success response, read, in a media type the call can read."""
        response = await self.send(call, stream=False, timeout=timeout, retries=retries)
        error = _unreadable(call, response)
        if error is not None:
            raise error
        return response

    async def download(
        self,
        call: Call,
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> AsyncBinaryResponse:
        """A binary success body, not read yet."""
        response = await self._unread(call, timeout, retries)
        return deliver(response, lambda: AsyncBinaryResponse(response))

    async def lines(
        self,
        call: Call,
        decode: Callable[[str], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
    ) -> AsyncLineStream[T]:
        """A JSON lines success body, as typed items."""
        response = await self._unread(call, timeout, retries)
        return deliver(response, lambda: AsyncLineStream(response, decode))

    async def _unread(
        self,
        call: Call,
        timeout: TimeoutTypes | Unset,
        retries: int | RetryConfig | Unset,
    ) -> httpx.Response:
        response = await self.send(call, stream=True, timeout=timeout, retries=retries)
        try:
            check_media(response, call.expect)
        except BaseException:
            await response.aclose()
            raise
        return response

    async def stream(
        self,
        call: Call,
        decoder: Decoder[T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        retries: int | RetryConfig | Unset = UNSET,
        resume: bool | ResumeConfig | Unset = UNSET,
    ) -> AsyncEventStream[T]:
        """A streaming call: retried until the response arrives; then, with resume on,
        reopened after a drop."""
        state = self._resume(call, resume)
        request = self._build(self.client, call, timeout)
        plan = _call(request, self._retries(retries), call.errors)
        response = await self._drive(plan, True)
        assert response is not None  # `_call` always hands a response out
        if _wrong_media(call, response):
            try:
                await response.aread()
            except httpx.TransportError as exc:
                raise _connection_error(exc, request) from exc
            finally:
                await response.aclose()
            raise _media_error(call, response)
        if state is None:
            return deliver(
                response,
                lambda: AsyncEventStream(response, decoder, strict=self.strict),
            )

        async def reconnect(failure: APIError) -> httpx.Response | None:
            plan = _reconnection(state, request, call.errors, failure)
            return await self._drive(plan, True)

        return deliver(
            response,
            lambda: AsyncEventStream(
                response, decoder, resume=state, reconnect=reconnect, strict=self.strict
            ),
        )


class _Lifecycle:
    """Context-manager plumbing for the generated sync SDK class."""

    _http: SyncHTTP

    def close(self) -> None:
        """Release the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _AsyncLifecycle:
    """Context-manager plumbing for the generated async SDK class."""

    _http: AsyncHTTP

    async def close(self) -> None:
        """Release the connection pool."""
        await self._http.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def parse_none(content: bytes) -> None:
    """A success response without a documented body."""
    del content
