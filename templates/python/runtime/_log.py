"""Debug logging of requests and responses, credentials redacted.

The logger is the SDK package's own (`logging.getLogger("<package>")`): turn it on with
`logging.getLogger("<package>").setLevel(logging.DEBUG)` and a handler. Authorization,
cookies and every header or query parameter that carries an API key of the spec's
security schemes are shown as `[redacted]`. Bodies are not logged.
"""

from __future__ import annotations

import logging
from typing import Final

import httpx

logger: Final = logging.getLogger(__package__ or __name__)

REDACTED: Final = "[redacted]"
# Headers that carry a credential whatever the spec says.
_SECRET_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie"}
)
# The request extension naming the spec's own credential headers and query parameters.
SECRETS_KEY: Final = "sdkgen_secrets"


def mark_secrets(request: httpx.Request, names: frozenset[str]) -> None:
    """Remember which header and query names (lowercase) of `request` hold credentials."""
    request.extensions[SECRETS_KEY] = names


def log_request(request: httpx.Request) -> None:
    """`POST https://... headers` at DEBUG, credentials redacted."""
    if not logger.isEnabledFor(logging.DEBUG):
        return
    secrets = request.extensions.get(SECRETS_KEY, frozenset())
    url = request.url
    for name in {k for k, _ in url.params.multi_items() if k.lower() in secrets}:
        url = url.copy_set_param(name, REDACTED)
    logger.debug(
        "request: %s %s headers=%s",
        request.method,
        url,
        _headers(request.headers, secrets),
    )


def log_response(response: httpx.Response) -> None:
    """`HTTP 200 for POST https://... headers` at DEBUG, cookies redacted."""
    if not logger.isEnabledFor(logging.DEBUG):
        return
    request = response.request
    logger.debug(
        "response: HTTP %s for %s %s headers=%s",
        response.status_code,
        request.method,
        request.url.copy_with(query=None),
        _headers(response.headers, request.extensions.get(SECRETS_KEY, frozenset())),
    )


def _headers(headers: httpx.Headers, secrets: frozenset[str]) -> dict[str, str]:
    return {
        name: REDACTED if name in _SECRET_HEADERS or name in secrets else value
        for name, value in headers.multi_items()
    }
