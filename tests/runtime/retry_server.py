"""A failing server for retry tests (Python and TypeScript SDKs of the golden `retries` spec):
`/<route>/<status>x<n>-<id>` answers `status` (or drops the connection) n times, then 200 with
the attempt count."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from tests.runtime.local_server import DROP

_counts: dict[str, Iterator[int]] = {}


def answer(path: str, query: dict[str, str], body: Any, base: str) -> tuple[int, Any]:
    """`/<route>/<status>x<n>-<id>`: answer `status` (or drop) n times, then 200."""
    m = re.fullmatch(r"/\w+/(\d+|drop)x(\d+)-\d+", path)
    assert m is not None, path
    n = next(_counts.setdefault(path, itertools.count(1)))
    if n <= int(m[2]):
        problem = {"error": {"message": "try again"}, "detail": "flagged detail", "kind": "new-kind"}
        return (DROP if m[1] == "drop" else int(m[1])), problem
    return 200, {"attempts": n}
