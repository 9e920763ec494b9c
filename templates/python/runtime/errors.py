"""The exceptions the client raises: one base class, one class per failure kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._streaming import ServerSentEvent

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "LineDecodeError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "StreamDecodeError",
    "UnexpectedContentTypeError",
    "UnprocessableEntityError",
]


class APIError(Exception):
    """Base of every error this SDK raises.

    `status_code`, `headers` and `body` (the decoded JSON, else the text) are set when a
    response was received; `None` when the request never got one.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        headers: httpx.Headers | None = None,
        body: Any = None,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.headers = headers
        self.body = body
        self.request = request

    @property
    def status(self) -> int | None:
        """Alias of `status_code`."""
        return self.status_code

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (`x-request-id` or `request-id`), for support tickets."""
        if self.headers is None:
            return None
        found: str | None = self.headers.get("x-request-id") or self.headers.get(
            "request-id"
        )
        return found


class APIStatusError(APIError):
    """The server answered with an error status.

    `data` holds the body validated into the spec's error model when it matched, else `None`.
    """

    status_code: int
    headers: httpx.Headers

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Any = None,
        data: Any = None,
    ) -> None:
        super().__init__(
            message,
            status_code=response.status_code,
            headers=response.headers,
            body=body,
            request=response.request,
        )
        self.response = response
        self.data = data


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 5xx."""


class APIConnectionError(APIError):
    """The request could not be sent, or the connection failed while reading the response."""

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, request=request)


class StreamDecodeError(APIError):
    """An event of a stream could not be decoded: `data` is the raw text, `event` the event."""

    def __init__(
        self,
        message: str,
        *,
        data: str,
        event: ServerSentEvent,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=response.status_code if response is not None else None,
            headers=response.headers if response is not None else None,
            body=data,
            request=response.request if response is not None else None,
        )
        self.data = data
        self.event = event


class UnexpectedContentTypeError(APIError):
    """A success response in a media type the call cannot read: one the operation does not
    declare, or JSON where a stream was asked for (and the reverse).

    `expected` lists the media types the call accepts, `received` the response's media type
    ("" when it has none); `body` holds what came when it was read (the decoded JSON, else the
    text), so nothing the server sent is lost.
    """

    def __init__(
        self, *, expected: tuple[str, ...], response: httpx.Response, body: Any = None
    ) -> None:
        received = (
            response.headers.get("content-type", "").partition(";")[0].strip().lower()
        )
        super().__init__(
            f"expected a response of type {' or '.join(expected)}, received "
            f"{received or 'no Content-Type'} (HTTP {response.status_code})",
            status_code=response.status_code,
            headers=response.headers,
            body=body,
            request=response.request,
        )
        self.expected = expected
        self.received = received
        self.response = response


class LineDecodeError(APIError):
    """A line of a JSON lines body could not be decoded: `line` is its raw text."""

    def __init__(self, message: str, *, line: str, response: httpx.Response) -> None:
        super().__init__(
            message,
            status_code=response.status_code,
            headers=response.headers,
            body=line,
            request=response.request,
        )
        self.line = line


class ResponseDecodeError(APIError):
    """A text success body (or a line of a JSON lines body) that cannot be read as its
    Content-Type says: bytes not valid in its charset, or a charset Python does not know.
    `content` holds the raw bytes (also `body`), `charset` the charset they were read in
    (UTF-8 when none was named)."""

    def __init__(
        self,
        message: str,
        *,
        content: bytes,
        charset: str,
        response: httpx.Response,
    ) -> None:
        super().__init__(
            message,
            status_code=response.status_code,
            headers=response.headers,
            body=content,
            request=response.request,
        )
        self.content = content
        self.charset = charset
        self.response = response


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def default_error_class(status: int) -> type[APIStatusError]:
    """The error class for a status the spec does not document."""
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    return InternalServerError if status >= 500 else APIStatusError
