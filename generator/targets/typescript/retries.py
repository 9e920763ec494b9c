"""The TypeScript source of a spec's retry policy: a `RetryConfig` object literal."""

from __future__ import annotations

from generator.ir import RetryPolicy
from generator.targets.typescript.text import ts_string


def retry_source(policy: RetryPolicy) -> str:
    """A `RetryConfig` retrying the policy's codes until its elapsed time runs out (no count)."""
    codes = ", ".join(ts_string(c) for c in policy.status_codes)
    fields = [
        "maxRetries: Number.POSITIVE_INFINITY",
        f"initialDelayMs: {policy.initial_ms}",
        f"maxDelayMs: {policy.max_ms}",
        f"exponent: {_number(policy.exponent)}",
        f"maxElapsedMs: {policy.max_elapsed_ms}",
        f"statusCodes: [{codes}]",
        f"connectionErrors: {'true' if policy.connection_errors else 'false'}",
    ]
    return "{ " + ", ".join(fields) + " }"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
