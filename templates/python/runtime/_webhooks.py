"""Standard Webhooks verification: a delivery's id, timestamp and signature, checked without I/O.

A sender signs `{webhook-id}.{webhook-timestamp}.{body}` with HMAC-SHA256 under the shared
secret and sends `webhook-signature: v1,<base64> [v1,<base64> ...]` (several entries while
a secret rotates). A delivery verifies when any `v1` entry matches and its timestamp lies
within the tolerance of now, in either direction (a replayed or forged-ahead delivery fails).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Mapping

from .errors import APIError

__all__ = ["DEFAULT_TOLERANCE", "WebhookVerificationError", "verify_signature"]

DEFAULT_TOLERANCE = 300.0
"""Seconds a delivery's timestamp may differ from now (Standard Webhooks recommends 5 minutes)."""

_SECRET_PREFIX = "whsec_"


class WebhookVerificationError(APIError):
    """A webhook delivery that does not verify: a header is missing, the signature does not
    match, or the timestamp is outside the tolerance window."""


def verify_signature(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str | bytes,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bytes:
    """Check a delivery's signature and timestamp; return its body as bytes.

    `secret` is the signing secret as the API shows it (base64, optionally `whsec_`-prefixed),
    or the raw key as bytes. `headers` may be any mapping (names are matched case-insensitively).
    Raises `WebhookVerificationError` when the delivery does not verify.
    """
    if not tolerance >= 0:  # a NaN would let any timestamp through
        raise ValueError(f"tolerance must be a number of seconds, not {tolerance!r}")
    payload = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    lowered = {str(k).lower(): v for k, v in headers.items()}
    msg_id = _header(lowered, "webhook-id")
    stamp = _header(lowered, "webhook-timestamp")
    signatures = _header(lowered, "webhook-signature")
    try:
        sent = int(stamp)
    except ValueError:
        raise WebhookVerificationError(
            f"webhook-timestamp {stamp!r} is not a Unix time"
        ) from None
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance:
        age = "too old" if sent < current else "too far in the future"
        raise WebhookVerificationError(
            f"webhook-timestamp {sent} is {age} (tolerance {tolerance:g} s)"
        )
    signed = msg_id.encode("utf-8") + b"." + stamp.encode("utf-8") + b"." + payload
    expected = base64.b64encode(hmac.new(_key(secret), signed, hashlib.sha256).digest())
    # Entries are space-separated; ", " too, as a delivery's repeated header lines are joined.
    for entry in signatures.split():
        version, _, value = entry.rstrip(",").partition(",")
        if version == "v1" and hmac.compare_digest(value.encode("utf-8"), expected):
            return payload
    raise WebhookVerificationError("no v1 entry of webhook-signature matches the body")


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if not value:
        raise WebhookVerificationError(f"the delivery has no {name} header")
    return value


def _key(secret: str | bytes) -> bytes:
    """The HMAC key: the base64 secret decoded (after any `whsec_` prefix), or raw bytes."""
    if isinstance(secret, bytes):
        key = secret
    else:
        try:
            key = base64.b64decode(secret.removeprefix(_SECRET_PREFIX), validate=True)
        except (binascii.Error, ValueError):
            raise WebhookVerificationError(
                "the webhook secret is not base64 (as `whsec_...` secrets are)"
            ) from None
    if not key:  # anyone can sign with an empty key
        raise WebhookVerificationError("the webhook secret is empty")
    return key
