"""Nothing fails silently on the wire (issue 10), through the wire golden SDK against the real
local server, the bytes it received checked exactly: a required body whose fields are all
optional is still sent (an empty multipart body, an empty form, `{}`) and an optional one is
not; a multipart body's model takes files as the method does (a path streamed, not read);
a text response is decoded by its charset, and bytes that do not decode raise."""

from __future__ import annotations

import asyncio
import io
import re
from pathlib import Path

import pydantic
import pytest
from conftest_client import Server, blob, server_fixture  # noqa: F401
from test_client_bodies import async_sdk, disposition, parts, sdk

from tests.runtime.conftest import import_golden_package

wire_sdk = import_golden_package("wire")
from wire_sdk.errors import ResponseDecodeError  # noqa: E402
from wire_sdk.models.components import Upload, UploadPurpose  # noqa: E402

pytestmark = pytest.mark.timeout(20)
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
OCTET = "application/octet-stream"
BAD = b"ok \xff\xfe end"


def empty_multipart(echo: wire_sdk.Echo) -> None:
    """The body is the closing delimiter of the boundary its Content-Type carries, alone."""
    found = re.fullmatch(r"multipart/form-data; boundary=([0-9a-f]{32})", echo.content_type)
    assert found, echo.content_type
    assert echo.body == f"--{found[1]}--\r\n"


def test_a_required_body_without_any_field_is_still_sent_in_each_media_type(server: Server) -> None:
    with sdk(server) as client:
        empty_multipart(client.options.send_options())
        assert server.state.last_headers["content-length"] == str(2 + 32 + 4)
        form = client.options.send_options(content_type=FORM)
        assert (form.body, form.content_type) == ("", FORM)
        assert server.state.last_headers["content-length"] == "0"
        json_body = client.options.send_options(content_type="application/json")
        assert (json_body.body, json_body.content_type) == ("{}", "application/json")


def test_a_required_multipart_body_without_any_field_async(server: Server) -> None:
    async def run() -> wire_sdk.Echo:
        async with async_sdk(server) as client:
            return await client.options.send_options()

    empty_multipart(asyncio.run(run()))


def test_a_required_body_with_a_field_is_sent_as_usual(server: Server) -> None:
    with sdk(server) as client:
        echo = client.options.send_options(note="n")
        assert parts(echo.body, echo.content_type) == [({"Content-Disposition": disposition("note")}, b"n")]
        assert client.options.send_options(count=0, content_type=FORM).body == "count=0"


@pytest.mark.parametrize("media", ["application/json", FORM, MULTIPART])
def test_an_optional_body_without_any_field_is_not_sent(server: Server, media: str) -> None:
    with sdk(server) as client:
        echo = client.options.send_maybe_options(content_type=media)  # type: ignore[arg-type]
    assert (echo.body, echo.content_type) == ("", "")
    assert server.state.last_headers.get("content-length", "0") == "0"


def test_an_optional_body_is_sent_once_a_field_or_an_extra_field_is_given(server: Server) -> None:
    async def run() -> list[wire_sdk.Echo]:
        async with async_sdk(server) as client:
            return [
                await client.options.send_maybe_options(count=2),
                await client.options.send_maybe_options(extra_body={"x": 1}, content_type=FORM),
                await client.options.send_maybe_options(),
            ]

    given, extra, nothing = asyncio.run(run())
    assert (given.body, given.content_type) == ('{"count":2}', "application/json")
    assert (extra.body, extra.content_type) == ("x=1", FORM)
    assert (nothing.body, nothing.content_type) == ("", "")


def test_a_multipart_model_takes_a_path_and_streams_it(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(blob(100_000))
    upload = Upload(
        file=path,
        purpose=UploadPurpose.BATCH,
        attachments=[("a.txt", io.BytesIO(b"A"), "text/plain"), b"\x00\xff"],
        image=("i.png", path),
    )
    assert upload.file is path  # kept as given: the file is read only while it is sent
    with sdk(server) as client:
        echo = client.files.upload_either(request_body=upload)
    assert "content-length" in server.state.last_headers  # sized from the file, not buffered
    octet, unnamed = OCTET, disposition("attachments", "attachments")
    assert parts(echo.body, echo.content_type) == [
        ({"Content-Disposition": disposition("file", "train.jsonl"), "Content-Type": octet}, blob(100_000)),
        ({"Content-Disposition": disposition("purpose")}, b"batch"),
        ({"Content-Disposition": disposition("attachments", "a.txt"), "Content-Type": "text/plain"}, b"A"),
        ({"Content-Disposition": unnamed, "Content-Type": octet}, b"\0\xff"),
        ({"Content-Disposition": disposition("image", "i.png"), "Content-Type": octet}, blob(100_000)),
    ]


def test_a_multipart_model_with_extra_fields_keeps_its_files(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(blob(10))
    with sdk(server) as client:
        upload = Upload(file=path, purpose="batch")
        echo = client.files.upload_either(request_body=upload, extra_body={"x": "1"})
    assert parts(echo.body, echo.content_type) == [
        ({"Content-Disposition": disposition("file", "a.bin"), "Content-Type": OCTET}, blob(10)),
        ({"Content-Disposition": disposition("purpose")}, b"batch"),
        ({"Content-Disposition": disposition("x")}, b"1"),
    ]


def test_a_multipart_model_async_with_an_open_file(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "clip.wav"
    path.write_bytes(blob(3000))

    async def run() -> wire_sdk.Echo:
        with open(path, "rb") as opened:
            upload = Upload(file=opened, purpose="fine-tune", source="https://example.com/a")
            async with async_sdk(server) as client:
                return await client.files.upload_either(request_body=upload)

    echo = asyncio.run(run())
    assert parts(echo.body, echo.content_type) == [
        (
            {"Content-Disposition": disposition("file", "clip.wav"), "Content-Type": OCTET},
            blob(3000),
        ),
        ({"Content-Disposition": disposition("purpose")}, b"fine-tune"),
        ({"Content-Disposition": disposition("source")}, b"https://example.com/a"),
    ]


@pytest.mark.parametrize("value", ["some text", 3, ("only-a-name",), io.StringIO("t")])
def test_a_multipart_model_refuses_what_is_not_a_file(value: object) -> None:
    with pytest.raises(pydantic.ValidationError, match="file"):
        Upload(file=value, purpose="batch")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "charset,expected",
    [("latin-1", "café ☕"), ("utf-16", "café ☕"), ("none", "café ☕"), ("cp1252", "café €")],
)
def test_a_text_response_is_decoded_by_its_charset(server: Server, charset: str, expected: str) -> None:
    sent = expected if charset != "latin-1" else "café"
    with sdk(server, f"/charset/{charset}") as client:
        assert client.texts.echo_text(request_body=sent) == sent


def test_text_that_does_not_decode_raises_with_the_bytes(server: Server) -> None:
    with sdk(server, "/charset/bad-utf-8") as client:
        with pytest.raises(ResponseDecodeError, match="not valid utf-8: invalid start byte at byte 3") as e:
            client.texts.echo_text(request_body="x")
        raw = client.texts.with_raw_response.echo_text(request_body="x")
    assert (e.value.content, e.value.charset, e.value.status_code, e.value.body) == (BAD, "utf-8", 200, BAD)
    with pytest.raises(ResponseDecodeError):
        raw.parse()


def test_an_unknown_charset_raises_async(server: Server) -> None:
    async def run() -> str:
        async with async_sdk(server, "/charset/x-unknown") as client:
            return await client.texts.echo_text(request_body="plain")

    with pytest.raises(ResponseDecodeError, match="charset 'x-unknown' is not a text encoding") as caught:
        asyncio.run(run())
    assert caught.value.content == b"plain"


def test_a_text_response_or_none(server: Server) -> None:
    with sdk(server) as client:
        assert (client.texts.maybe_text(), client.texts.maybe_text(empty=True)) == ("é", None)

    async def run() -> tuple[str | None, str | None]:
        async with async_sdk(server) as client:
            return await client.texts.maybe_text(), await client.texts.maybe_text(empty=True)

    assert asyncio.run(run()) == ("é", None)


def test_a_json_line_that_is_not_utf8_raises_with_its_bytes(server: Server) -> None:
    seen = []
    with sdk(server) as client, pytest.raises(ResponseDecodeError, match="not valid utf-8") as e:
        for record in client.texts.list_records(n=-2):
            seen.append(record.name)
    assert (seen, e.value.content) == (["ré"], b'{"id": 1, "name": "\xff"}')

    async def run() -> list[str]:
        names = []
        async with async_sdk(server) as client:
            async with await client.texts.list_records(n=-2) as stream:
                async for record in stream:
                    names.append(record.name)
        return names

    with pytest.raises(ResponseDecodeError, match="invalid start byte at byte 19"):
        asyncio.run(run())
