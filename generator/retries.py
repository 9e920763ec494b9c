"""`x-speakeasy-retries` as Speakeasy documents it: strategy `backoff`, its intervals in
milliseconds, the status codes retried (exact or a class such as 5XX), connection errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.ir import RetryPolicy
from generator.load import Loc

KEY = "x-speakeasy-retries"
_CODE = re.compile(r"[1-5](\d\d|XX)")
_DEFAULTS = RetryPolicy(())


def read_policy(node: Any, loc: Loc, note: Callable[[str], None]) -> RetryPolicy | None:
    """The policy at `node[KEY]`; None (with a note when present but unusable) otherwise."""
    raw = node.get(KEY) if isinstance(node, dict) else None
    if raw is None:
        return None
    where = loc.child(KEY)
    if not isinstance(raw, dict) or raw.get("strategy") != "backoff":
        note(f"{where}: only `strategy: backoff` is supported; the default retries apply")
        return None
    codes = raw.get("statusCodes")
    shown = [str(c).upper() for c in codes] if isinstance(codes, list) else []
    bad = [c for c in shown if not _CODE.fullmatch(c)]
    if not shown or bad:
        note(f"{where}/statusCodes: needs status codes such as 429 or 5XX; the default retries apply")
        return None
    found = raw.get("backoff")
    backoff: dict[str, Any] = found if isinstance(found, dict) else {}
    return RetryPolicy(
        status_codes=tuple(dict.fromkeys(shown)),
        initial_ms=_number(backoff, "initialInterval", _DEFAULTS.initial_ms),
        max_ms=_number(backoff, "maxInterval", _DEFAULTS.max_ms),
        max_elapsed_ms=_number(backoff, "maxElapsedTime", _DEFAULTS.max_elapsed_ms),
        exponent=float(_number(backoff, "exponent", _DEFAULTS.exponent)),
        connection_errors=raw.get("retryConnectionErrors") is True,
    )


def _number(node: dict[str, Any], key: str, fallback: Any) -> Any:
    value = node.get(key)
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    return value if ok else fallback
