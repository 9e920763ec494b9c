"""The Python source of a spec's retry policy: a `RetryConfig(...)` expression."""

from __future__ import annotations

from generator.ir import RetryPolicy
from generator.targets.python.types import py_literal


def retry_source(policy: RetryPolicy) -> str:
    """`RetryConfig(...)` retrying the policy's codes until its elapsed time runs out (no count)."""
    codes = ", ".join(py_literal(c) for c in policy.status_codes)
    codes = f"({codes},)" if len(policy.status_codes) == 1 else f"({codes})"
    args = [
        "max_retries=None",
        f"initial_delay={policy.initial_ms / 1000!r}",
        f"max_delay={policy.max_ms / 1000!r}",
        f"exponent={float(policy.exponent)!r}",
        f"max_elapsed={policy.max_elapsed_ms / 1000!r}",
        f"status_codes={codes}",
        f"connection_errors={policy.connection_errors}",
    ]
    return f"RetryConfig({', '.join(args)})"
