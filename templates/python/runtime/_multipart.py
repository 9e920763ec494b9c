"""`multipart/form-data` request bodies: the body's properties as httpx file parts.

httpx writes the parts and streams every file object in 64 KiB chunks, so a large file
is never read into memory. A `pathlib.Path` is opened only while its part is sent and
closed at its end. Each property is one part; per the OpenAPI rules, an array of files
or scalars is one part per item under the same name, an object is a JSON part, and the
spec's `encoding` gives a part its content type.
"""

from __future__ import annotations

import datetime
import enum
import io
import os
from collections.abc import Mapping
from typing import IO, Annotated, Any

from pydantic import (
    BaseModel,
    PlainSerializer,
    PlainValidator,
    SerializationInfo,
    ValidationInfo,
)
from pydantic_core import to_json

from ._media import is_json

__all__ = ["FileContent", "FileInput", "FileTypes", "multipart_parts", "raw_fields"]

FileContent = bytes | IO[bytes] | os.PathLike[str]
# A file: its content alone, or (filename, content) or (filename, content, content type).
FileTypes = (
    FileContent
    | tuple[str | None, FileContent]
    | tuple[str | None, FileContent, str | None]
)


def _file_input(value: Any, info: ValidationInfo) -> Any:
    """A file as a model field holds it: checked, never read (a path stays a path)."""
    if isinstance(value, str) and info.mode == "json":
        return value  # JSON holds no file: its text is kept as sent (a union's URL stays one)
    if isinstance(value, tuple):
        if len(value) not in (2, 3) or not all(
            v is None or isinstance(v, str) for v in (value[0], *value[2:])
        ):
            raise ValueError("a file tuple is (filename, content[, content_type])")
        content = value[1]
    else:
        content = value
    if isinstance(content, str | io.TextIOBase) or not (
        isinstance(content, bytes | bytearray | memoryview | os.PathLike)
        or hasattr(content, "read")
    ):
        raise ValueError(
            "a file is bytes, an open binary file, a pathlib.Path or a "
            f"(filename, content[, content_type]) tuple, not {type(content).__name__}"
        )
    return value


def _file_output(value: Any, info: SerializationInfo) -> Any:
    """Python dumps keep the file as given; JSON names it without reading it."""
    if info.mode != "json" or isinstance(value, str | bytes):
        return value  # bytes: as a `bytes` field dumps them
    if isinstance(value, tuple):
        return [value[0], _file_output(value[1], info), *value[2:]]
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    name = getattr(value, "name", None)
    return name if isinstance(name, str) else None


# A model field of a multipart body's file: what the method's keyword arguments take, kept
# as given (a path or an open file is streamed when the model is sent, never read before).
FileInput = Annotated[
    FileTypes,
    PlainValidator(_file_input),
    PlainSerializer(_file_output, return_type=Any),
]
# per body property: (wire name, style, explode, part content type), as the spec gives them
_Encoding = tuple[tuple[str, str, bool | None, str], ...]
_Part = tuple[str, tuple[str | None, Any, str | None]]
OCTET = "application/octet-stream"


class _PathFile:
    """A file on disk read lazily: opened on the first read, closed at its end.

    httpx learns the length from `seek`/`tell` (a Content-Length without opening) and
    rewinds with `seek(0)` before each attempt, so a retried request sends it again.
    """

    def __init__(self, path: os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.name = self.path
        self._size = os.stat(self.path).st_size  # a missing file fails before sending
        self._file: IO[bytes] | None = None
        self._pos = 0

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}
        self._pos = base[whence] + offset
        if self._file is not None:
            self._file.seek(self._pos)
        return self._pos

    def read(self, size: int = -1) -> bytes:
        if self._file is None:
            self._file = open(self.path, "rb")  # noqa: SIM115 - closed at the end
            self._file.seek(self._pos)
        chunk = self._file.read(size)
        self._pos += len(chunk)
        if not chunk or size < 0:
            self._release()
        return chunk

    def _release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def close(self) -> None:
        self._release()

    def __del__(self) -> None:
        self._release()


def is_file(value: Any) -> bool:
    """Whether `value` is sent as a file part (or a binary body), not as text."""
    return isinstance(value, bytes | bytearray | memoryview | os.PathLike | tuple) or (
        hasattr(value, "read") and not isinstance(value, str)
    )


def file_part(
    value: Any, default_name: str | None, content_type: str
) -> tuple[str | None, Any, str | None]:
    """(filename, content, content type) for one file as httpx sends it."""
    name: str | None = default_name
    ctype: str | None = None
    if isinstance(value, tuple):
        if len(value) not in (2, 3):
            raise TypeError("a file tuple is (filename, content[, content_type])")
        name, value, *rest = value
        ctype = rest[0] if rest else None
    elif isinstance(value, os.PathLike):
        name = os.path.basename(os.fspath(value))
    elif hasattr(value, "read"):
        given = getattr(value, "name", None)
        name = os.path.basename(given) if isinstance(given, str) else default_name
    if isinstance(value, os.PathLike):
        value = _PathFile(value)
    elif isinstance(value, bytearray | memoryview):
        value = bytes(value)
    if isinstance(value, io.TextIOBase | str):
        raise TypeError("a file must be bytes or opened in binary mode, not text")
    return (name, value, ctype or content_type or OCTET)


def _text(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()  # RFC 3339, as in JSON (str() drops the `T`)
    return str(value)


def _one(name: str, value: Any, ctype: str) -> _Part:
    if is_file(value):
        return (name, file_part(value, name, ctype))
    if isinstance(value, dict | BaseModel) or is_json(ctype):
        data = to_json(value, by_alias=True)
        return (name, (None, data, ctype or "application/json"))
    # A part without a filename is a form field; a plain one gets no Content-Type header.
    return (name, (None, _text(value).encode(), ctype or None))


def multipart_parts(body: Any, encoding: _Encoding = ()) -> list[_Part]:
    """The parts of a multipart body: one per property, one per item of an array."""
    types = {name: _part_type(ctype) for name, _, _, ctype in encoding}
    if isinstance(body, BaseModel):
        body = raw_fields(body)
    if not isinstance(body, Mapping):
        raise TypeError(f"a multipart body is an object, not {type(body).__name__}")
    parts: list[_Part] = []
    for name, value in body.items():
        if value is None:
            continue
        ctype = types.get(name, "")
        if isinstance(value, list) and not is_json(ctype):
            parts.extend(_one(name, item, ctype) for item in value if item is not None)
        else:
            parts.append(_one(name, value, ctype))
    return parts


def raw_fields(model: BaseModel) -> dict[str, Any]:
    """A model's set fields by wire name, as they are (a file is not dumped: it is streamed)."""
    fields = type(model).model_fields
    found = {
        fields[name].alias or name: getattr(model, name)
        for name in fields
        if name in model.model_fields_set
    }
    return {**found, **(model.model_extra or {})}


def _part_type(ctype: str) -> str:
    """The spec's `contentType` for a part: the first of a list; none for a wildcard."""
    first = ctype.split(",")[0].strip()
    return "" if "*" in first else first
