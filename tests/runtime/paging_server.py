"""A list server for paging tests (Python and TypeScript SDKs of the golden `paging` spec):
seven things, three at a time, by page, offset, cursor (query or body), next URL and the
inferred shapes."""

from __future__ import annotations

from typing import Any

THINGS = [{"id": f"t{i}", "name": f"thing {i}"} for i in range(7)]
IDS = [t["id"] for t in THINGS]
SIZE = 3


def _after(cursor: str | None) -> int:
    return IDS.index(cursor) + 1 if cursor else 0


def answer(path: str, q: dict[str, str], body: Any, base: str) -> tuple[int, Any]:
    """The body each route answers: seven things, `SIZE` (or the asked size) at a time."""
    if path == "/v1/fail":
        return 500, {"error": "down"}
    if path == "/v1/pages":
        size = int(q.get("size", SIZE))
        page = int(q.get("page", 1))
        return 200, {
            "result": {"things": THINGS[(page - 1) * size : page * size]},
            "num_pages": -(-7 // size),
        }
    if path == "/v1/offsets":
        start, size = int(q.get("offset", 0)), int(q.get("limit", SIZE))
        return 200, {"data": THINGS[start : start + size]}
    if path == "/v1/cursors" and q.get("page_size") == "2" and q.get("page_token") == "4":
        return 500, {"error": "down"}  # the third page of two fails
    if path == "/v1/cursors":
        start = int(q.get("page_token") or 0)
        end = start + int(q.get("page_size", SIZE))
        return 200, {"data": THINGS[start:end], "next_page_token": str(end) if end < 7 else None}
    if path == "/v1/search":
        start = _after(body.get("after"))
        return 200, {"data": THINGS[start : start + SIZE]}
    if path == "/v1/links":
        start = int(q.get("p", 0))
        more = start + SIZE < 7
        # the second link is absolute, the others relative to the host
        link = f"{base}/v1/links?p={start + SIZE}" if start == SIZE else f"/v1/links?p={start + SIZE}"
        return 200, {"data": THINGS[start : start + SIZE], "links": {"next": link if more else None}}
    start = _after(q.get("after") or q.get("starting_after") or q.get("cursor"))
    page = THINGS[start : start + int(q.get("limit", SIZE))]
    more = start + len(page) < 7
    if path == "/v1/openai":
        last = page[-1]["id"] if page else None
        return 200, {"object": "list", "data": page, "first_id": None, "last_id": last, "has_more": more}
    if path == "/v1/stripe":
        return 200, {"data": page, "has_more": more, "url": "/v1/stripe"}
    return 200, {"items": page, "next_cursor": page[-1]["id"] if more else None}
