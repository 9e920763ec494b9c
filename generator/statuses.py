"""The error classes a generated client raises, and which documented status raises which.

One table for the operation builder (each error response's class), the client views (what
the package exports) and `build_api` (names no generated class may take). The Python runtime
(`templates/python/runtime/errors.py`) ships byte for byte and cannot import this module, so
it keeps a literal copy; tests/test_error_table.py holds the two equal.
"""

from __future__ import annotations

# Documented statuses with a class of their own, in the order the runtime lists them.
STATUS_ERRORS: tuple[tuple[str, str], ...] = (
    ("400", "BadRequestError"),
    ("401", "AuthenticationError"),
    ("403", "PermissionDeniedError"),
    ("404", "NotFoundError"),
    ("409", "ConflictError"),
    ("422", "UnprocessableEntityError"),
    ("429", "RateLimitError"),
)
SERVER_ERROR = "InternalServerError"  # every 5XX status without a class of its own
STATUS_ERROR = "APIStatusError"  # any other error status; the base of the classes above
# The root of the hierarchy and the failures that come without a status.
OTHER_ERRORS = (
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "StreamDecodeError",
    "UnexpectedContentTypeError",
    "LineDecodeError",
    "ResponseDecodeError",
)

ERROR_CLASSES: tuple[str, ...] = tuple(
    sorted({cls for _, cls in STATUS_ERRORS} | {SERVER_ERROR, STATUS_ERROR, *OTHER_ERRORS})
)

_BY_STATUS = dict(STATUS_ERRORS)


def error_class(status: str) -> str:
    """The class raised for a documented error status (`404`, `5XX`, `DEFAULT`...)."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status.startswith("5"):  # 500..599 and the 5XX range
        return SERVER_ERROR
    return STATUS_ERROR
