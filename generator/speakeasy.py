"""Speakeasy extensions sdkgen reads, and a note naming the ones it does not."""

from __future__ import annotations

from collections import Counter
from typing import Any

PREFIX = "x-speakeasy-"
KNOWN = frozenset(
    {
        "x-speakeasy-name-override",
        "x-speakeasy-ignore",
        "x-speakeasy-deprecation-message",
        "x-speakeasy-deprecation-replacement",
        "x-speakeasy-sse-sentinel",
        "x-speakeasy-pagination",
        "x-speakeasy-retries",
        "x-speakeasy-group",
        "x-speakeasy-unknown-values",
        "x-speakeasy-error-message",
        "x-speakeasy-stream-request-field",
    }
)


def unknown_keys(root: Any) -> Counter[str]:
    """How many places use each `x-speakeasy-*` key sdkgen does not read."""
    counts: Counter[str] = Counter()
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # a node shared by several parents is one place
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            for key, value in node.items():  # one pass over the items (most of the spec's nodes)
                if isinstance(value, (dict, list)):
                    stack.append(value)
                if isinstance(key, str) and key.startswith(PREFIX) and key not in KNOWN:
                    counts[key] += 1
        elif isinstance(node, list):
            stack.extend([v for v in node if isinstance(v, (dict, list))])
    return counts


def unknown_note(where: str, root: Any) -> str | None:
    """One note listing the unused keys and how many places use each; None when there are none."""
    counts = unknown_keys(root)
    if not counts:
        return None
    listed = ", ".join(f"{k} ({n} place{'s' if n > 1 else ''})" for k, n in sorted(counts.items()))
    return f"{where}: Speakeasy extensions sdkgen does not use are ignored: {listed}"
