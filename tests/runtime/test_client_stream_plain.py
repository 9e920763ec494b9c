"""The typed stream's plain path (raw `data: ` bytes validated as they are) against its
general path (decoded events, one `decode` each): the same items, or the same error,
whatever the chunking, the line ends or the odd event in between.

The general path is the reference: a decoder without `plain` (the `Decoder` protocol
alone, as a user's own decoder) always takes it."""

from __future__ import annotations

import importlib
import json
import random
from typing import Any

import httpx
import pytest
from conftest_client import atoma_sdk, chunk

EventStream = atoma_sdk.EventStream
DECODER = importlib.import_module("atoma_sdk.resources.chat")._CHAT_COMPLETIONS_CREATE_STREAM_EVENTS


class _Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Any:
        return iter(self._chunks)


def _response(chunks: list[bytes]) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        stream=_Chunks(chunks),
        request=httpx.Request("POST", "http://127.0.0.1/v1/chat/completions"),
    )


class _General:
    """`DECODER` without its plain path."""

    def __init__(self) -> None:
        self.decode = DECODER.decode
        self.sentinel = DECODER.sentinel
        self.recover = DECODER.recover


def _read(chunks: list[bytes], *, general: bool) -> tuple[list[Any], str]:
    stream = EventStream(_response(chunks), _General() if general else DECODER)
    assert (stream._reading.plain is None) is general
    items: list[Any] = []
    try:
        for item in stream:
            items.append(
                (
                    type(item).__name__,
                    item.model_dump(mode="json", warnings=False),
                    item.model_fields_set,
                    item.model_extra,
                    item.__pydantic_private__,
                )
            )
    except atoma_sdk.APIError as exc:
        return items, f"{type(exc).__name__}: {exc}"
    return items, ""


def _cuts(raw: bytes, rng: random.Random) -> list[list[bytes]]:
    sizes = [[raw], [raw[i : i + 7] for i in range(0, len(raw), 7)]]
    sizes.append([raw[i : i + 1] for i in range(len(raw))])
    out, i = [], 0
    while i < len(raw):
        step = rng.choice([1, 2, 3, 7, 16, 64, 300, 5000])
        out.append(raw[i : i + step])
        i += step
    return [*sizes, out]


def _event(i: int) -> bytes:
    return b"data: " + json.dumps(chunk(i, 3, 40), ensure_ascii=False).encode() + b"\n\n"


ODD = [
    b": keep-alive\n\n",
    b"id: 7\n",  # the id line joins the next event
    b"retry: 5\n\n",
    b'data: {"id":"x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []}\r\n\r\n',
    b'data: {"id": "caf\xc3\xa9 \xff", "object": "o", "created": 1, "model": "m", "choices": []}\n\n',
    b'data: {"id": "y", "object": "o", "created": "not a number", "model": "m", "choices": []}\n\n',
    b"data: {\ndata: }\n\n",  # two data lines
    b"\n",  # a lone blank line
]


@pytest.mark.parametrize("seed", range(12))
def test_plain_path_matches_general_path(seed: int) -> None:
    rng = random.Random(seed)
    parts = [_event(i) for i in range(40)]
    for _ in range(rng.randint(0, 6)):
        parts.insert(rng.randint(0, len(parts)), rng.choice(ODD))
    if seed % 3 == 0:
        parts.append(b'data: {"error": {"message": "mid-stream failure"}}\n\n')
    parts.append(b"data: [DONE]\n\n" if seed % 2 else b"")
    raw = b"".join(parts)
    expected = _read([raw], general=True)
    assert expected[0], "the stream must yield something"
    for chunks in _cuts(raw, rng):
        assert _read(chunks, general=False) == expected


def test_plain_path_takes_raw_bytes_and_ends_at_the_sentinel() -> None:
    # Non-ASCII and invalid UTF-8 (replaced, as the text path decodes it) in a plain event.
    raw = b"".join([_event(0), ODD[4], b"data: [DONE]\n\n", _event(1)])
    items, error = _read([raw[i : i + 5] for i in range(0, len(raw), 5)], general=False)
    assert not error
    assert [item[1]["data"]["id"] for item in items] == ["chatcmpl-3", "caf\u00e9 \ufffd"]
    assert items[0][2:] == ({"data"}, {}, None)
