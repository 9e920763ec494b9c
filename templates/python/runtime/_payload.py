"""Request bodies other than JSON and forms: multipart, binary and text.

A binary body is sent from bytes, an open binary file, a `pathlib.Path` or an iterator
of bytes; files and paths are read in chunks (never whole) and rewound before a retry,
with a Content-Length when their size is known. A text body is sent from a `str`.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from typing import IO, Any

from pydantic import BaseModel

from ._media import essence
from ._multipart import _PathFile, multipart_parts

__all__ = ["BinaryContent", "encode_payload"]

BinaryContent = (
    bytes | IO[bytes] | os.PathLike[str] | Iterable[bytes] | AsyncIterable[bytes]
)
# per body property: (wire name, style, explode, part content type), as the spec gives them
_Encoding = tuple[tuple[str, str, bool | None, str], ...]
MULTIPART = "multipart/form-data"
CHUNK = 64 * 1024


class _Chunks:
    """A file read in chunks from where it stood, again from there on each iteration."""

    def __init__(self, file: Any) -> None:
        self._file = file
        self._start: int | None = int(file.tell()) if _seekable(file) else None

    def size(self) -> int | None:
        """Bytes left to send, when the file can tell."""
        if self._start is None:
            return None
        end = self._file.seek(0, os.SEEK_END)
        self._file.seek(self._start)
        return int(end) - self._start

    def chunks(self) -> Iterator[bytes]:
        if self._start is not None:
            self._file.seek(self._start)
        while chunk := self._file.read(CHUNK):
            yield bytes(chunk)


class _SyncChunks(_Chunks):
    def __iter__(self) -> Iterator[bytes]:
        return self.chunks()


class _AsyncChunks(_Chunks):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        # Disk reads block briefly, as httpx's own multipart file parts do.
        for chunk in self.chunks():
            yield chunk


def _seekable(file: Any) -> bool:
    try:
        return bool(file.seekable()) if hasattr(file, "seekable") else False
    except (OSError, ValueError):
        return False


def encode_payload(
    value: Any,
    content_type: str,
    encoding: _Encoding,
    headers: dict[str, str],
    *,
    is_async: bool,
) -> tuple[Any, Any]:
    """(content, files) for httpx's `build_request`; sets or drops the Content-Type."""
    if essence(content_type) == MULTIPART:
        parts = multipart_parts(value, encoding)
        if not parts:
            # httpx sends no body at all for no parts, but a body was asked for (a required
            # one whose fields are all optional): the closing delimiter alone, RFC 2046's form.
            boundary = os.urandom(16).hex()
            headers["Content-Type"] = f"{MULTIPART}; boundary={boundary}"
            return f"--{boundary}--\r\n".encode(), None
        headers.pop("Content-Type", None)  # httpx writes it, with the boundary
        return None, parts
    if isinstance(value, str):
        return value.encode(), None
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value), None
    if isinstance(value, os.PathLike):
        value = _PathFile(value)
    if hasattr(value, "read"):
        chunks = _AsyncChunks(value) if is_async else _SyncChunks(value)
        size = chunks.size()
        if size is not None:
            headers["Content-Length"] = str(size)
        return chunks, None
    if isinstance(value, Iterable | AsyncIterable) and not isinstance(
        value, BaseModel | Mapping
    ):
        return value, None
    raise TypeError(
        f"a {content_type} body is bytes, a binary file, a path or an iterator of "
        f"bytes, not {type(value).__name__}"
    )
