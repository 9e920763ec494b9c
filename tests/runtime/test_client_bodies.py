"""Request and response bodies beyond JSON (issue 10): multipart, binary, text, a chosen
media type, binary downloads, JSON lines and undeclared media types, through the wire
golden SDK against the real local server; the bytes the server received, checked exactly."""

from __future__ import annotations

import asyncio
import datetime
import io
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from conftest_client import Server, blob, server_fixture  # noqa: F401

from tests.runtime.conftest import import_golden_package

wire_sdk = import_golden_package("wire")
from wire_sdk.errors import LineDecodeError, UnexpectedContentTypeError  # noqa: E402

pytestmark = pytest.mark.timeout(20)
WIRE_SPEC = Path(__file__).resolve().parents[1] / "golden" / "wire" / "spec.yaml"
Part = tuple[dict[str, str], bytes]


def parts(body: str, content_type: str) -> list[Part]:
    """Split a multipart body (as the echo sends it, latin-1) at its boundary, exactly."""
    media, _, boundary = content_type.partition("; boundary=")
    assert media == "multipart/form-data", content_type
    raw = body.encode("latin-1")
    pieces = raw.split(b"--" + boundary.encode())
    assert pieces[0] == b"" and pieces[-1] == b"--\r\n", (pieces[0], pieces[-1])
    out = []
    for piece in pieces[1:-1]:
        assert piece.startswith(b"\r\n") and piece.endswith(b"\r\n")
        head, _, data = piece[2:-2].partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        out.append((headers, data))
    return out


def disposition(name: str, filename: str | None = None) -> str:
    tail = f'; filename="{filename}"' if filename is not None else ""
    return f'form-data; name="{name}"{tail}'


def sdk(server: Server, base: str = "/wire") -> wire_sdk.WireSdk:
    return wire_sdk.WireSdk(server_url=server.url + base, api_key="k", timeout=5)


def async_sdk(server: Server, base: str = "/wire") -> wire_sdk.AsyncWireSdk:
    return wire_sdk.AsyncWireSdk(server_url=server.url + base, api_key="k", timeout=5)


PAYLOAD = blob(1000)  # not UTF-8


def test_multipart_sends_every_kind_of_part(server: Server) -> None:
    with sdk(server) as client:
        echo = client.files.upload_file(
            file=PAYLOAD,
            purpose="fine-tune",
            count=0,
            flag=False,
            tags=["a", "b"],
            attachments=[("a.bin", b"\x00\xff", "application/x-thing"), ("b.txt", io.BytesIO(b"B"))],
            image=b"\x89PNG",
            note="# title é",
            at=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
            meta={"city": "Zürich", "line": ["1"]},
            source="https://example.com/a.wav",
        )
    got = parts(echo.body, echo.content_type)
    octet = "application/octet-stream"
    assert got == [
        ({"Content-Disposition": disposition("file", "file"), "Content-Type": octet}, PAYLOAD),
        ({"Content-Disposition": disposition("purpose")}, b"fine-tune"),
        ({"Content-Disposition": disposition("count")}, b"0"),
        ({"Content-Disposition": disposition("flag")}, b"false"),
        ({"Content-Disposition": disposition("tags")}, b"a"),
        ({"Content-Disposition": disposition("tags")}, b"b"),
        (
            {
                "Content-Disposition": disposition("attachments", "a.bin"),
                "Content-Type": "application/x-thing",
            },
            b"\x00\xff",
        ),
        ({"Content-Disposition": disposition("attachments", "b.txt"), "Content-Type": octet}, b"B"),
        ({"Content-Disposition": disposition("image", "image"), "Content-Type": "image/png"}, b"\x89PNG"),
        ({"Content-Disposition": disposition("note"), "Content-Type": "text/markdown"}, "# title é".encode()),
        ({"Content-Disposition": disposition("at")}, b"2026-01-02T03:04:05+00:00"),
        (
            {"Content-Disposition": disposition("meta"), "Content-Type": "application/json"},
            json.dumps({"city": "Zürich", "line": ["1"]}, ensure_ascii=False, separators=(",", ":")).encode(),
        ),
        ({"Content-Disposition": disposition("source")}, b"https://example.com/a.wav"),
    ]


def test_multipart_streams_a_path_and_an_open_file(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(blob(200_000))
    with sdk(server) as client, open(path, "rb") as opened:
        echo = client.files.upload_file(file=path, purpose="batch", attachments=[opened])
    assert "content-length" in server.state.last_headers  # sized from the files, not buffered
    (file_headers, file_body), purpose, (att_headers, att_body) = parts(echo.body, echo.content_type)
    assert file_headers["Content-Disposition"] == disposition("file", "data.jsonl")
    assert file_body == att_body == blob(200_000)
    assert att_headers["Content-Disposition"] == disposition("attachments", "data.jsonl")
    assert purpose == ({"Content-Disposition": disposition("purpose")}, b"batch")


def test_a_retried_upload_sends_its_files_again(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "r.bin"
    path.write_bytes(PAYLOAD)
    with sdk(server, "/flaky/sync") as client, open(path, "rb") as opened:
        upload = client.files.upload_file(file=path, purpose="batch", attachments=[opened])
        blob_echo = client.blobs.put_blob(name="x", request_body=path)
    assert [data for _, data in parts(upload.body, upload.content_type)] == [PAYLOAD, b"batch", PAYLOAD]
    assert blob_echo.body.encode("latin-1") == PAYLOAD
    assert server.state.counts["/flaky/sync/files"] == server.state.counts["/flaky/sync/blobs/x"] == 2

    async def run() -> wire_sdk.Echo:
        async with async_sdk(server, "/flaky/async") as client:
            return await client.blobs.put_blob(name="x", request_body=io.BytesIO(PAYLOAD))

    assert asyncio.run(run()).body.encode("latin-1") == PAYLOAD
    assert server.state.counts["/flaky/async/blobs/x"] == 2


def test_multipart_async_with_a_path_tuple(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(PAYLOAD)

    async def run() -> wire_sdk.Echo:
        async with async_sdk(server) as client:
            return await client.files.upload_file(file=("clip.wav", path, "audio/wav"), purpose="batch")

    echo = asyncio.run(run())
    assert parts(echo.body, echo.content_type)[0] == (
        {"Content-Disposition": disposition("file", "clip.wav"), "Content-Type": "audio/wav"},
        PAYLOAD,
    )


def test_multipart_refuses_a_text_file(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("x")
    with sdk(server) as client, open(path) as text, pytest.raises(TypeError, match="binary mode"):
        client.files.upload_file(file=text, purpose="batch")  # type: ignore[arg-type]


def test_a_success_status_without_content_is_none(server: Server) -> None:
    with sdk(server) as client:
        assert client.files.delete_note(id="n1") == wire_sdk.models.components.Note(title="n1")
        assert client.files.delete_note(id="gone") is None

    async def run() -> object:
        async with async_sdk(server) as client:
            return await client.files.delete_note(id="gone")

    assert asyncio.run(run()) is None


def test_the_caller_chooses_among_declared_media_types(server: Server) -> None:
    with sdk(server) as client:
        default = client.files.create_note(title="t é", pinned=True)
        form = client.files.create_note(
            title="t é", pinned=True, content_type="application/x-www-form-urlencoded"
        )
    assert (default.content_type, default.body) == (
        "application/json",
        '{"title":"t é","pinned":true}'.encode().decode("latin-1"),
    )
    assert (form.content_type, form.body) == (
        "application/x-www-form-urlencoded",
        "title=t+%C3%A9&pinned=true",
    )


def _chunks() -> Iterator[bytes]:
    yield PAYLOAD[:10]
    yield PAYLOAD[10:]


def test_binary_body_from_bytes_file_path_and_iterator(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(PAYLOAD)
    received = []
    with sdk(server) as client:
        for body in (PAYLOAD, io.BytesIO(PAYLOAD), path, _chunks()):
            echo = client.blobs.put_blob(name="x", request_body=body)
            received.append((echo.content_type, echo.body.encode("latin-1"), server.state.last_headers))
    for ctype, data, _ in received:
        assert (ctype, data) == ("application/octet-stream", PAYLOAD)
    assert [h.get("content-length") for *_, h in received] == ["1000", "1000", "1000", None]
    assert received[3][2]["transfer-encoding"] == "chunked"


def test_binary_body_async_from_path_and_async_iterator(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(PAYLOAD)

    async def chunks() -> AsyncIterator[bytes]:
        yield PAYLOAD[:1]
        yield PAYLOAD[1:]

    async def run() -> list[bytes]:
        async with async_sdk(server) as client:
            one = await client.blobs.put_blob(name="x", request_body=path)
            two = await client.blobs.put_blob(name="x", request_body=chunks())
        return [one.body.encode("latin-1"), two.body.encode("latin-1")]

    assert asyncio.run(run()) == [PAYLOAD, PAYLOAD]


def test_text_body_and_text_response(server: Server) -> None:
    with sdk(server) as client:
        assert client.texts.echo_text(request_body="héllo") == "HÉLLO"

    async def run() -> str:
        async with async_sdk(server) as client:
            return await client.texts.echo_text(request_body="ß")

    assert asyncio.run(run()) == "SS"


def test_binary_download_reads_streams_and_writes(server: Server, tmp_path: Path) -> None:
    with sdk(server) as client:
        whole = client.blobs.get_blob(name="300000")
        assert whole.headers["content-type"] == "application/octet-stream"
        assert whole.read() == blob(300_000)
        assert whole.response.is_closed
        with client.blobs.get_blob(name="300000") as chunked:
            sizes = [len(c) for c in chunked.iter_bytes(100_000)]
        assert sizes == [100_000] * 3
        client.blobs.get_blob(name="300000").write_to_file(tmp_path / "out.bin")
        with client.blobs.get_blob(name="300000") as early:
            first = next(early.iter_bytes(10))
        assert early.response.is_closed and len(first) == 10
        anything = client.blobs.get_anything()
        assert (anything.content_type, anything.read()) == ("image/png", blob(10))
    assert (tmp_path / "out.bin").read_bytes() == blob(300_000)


def test_binary_download_async(server: Server, tmp_path: Path) -> None:
    async def run() -> tuple[bytes, int, bool]:
        async with async_sdk(server) as client:
            whole = await (await client.blobs.get_blob(name="70000")).read()
            async with await client.blobs.get_blob(name="70000") as chunked:
                count = len([c async for c in chunked.iter_bytes(7000)])
            await (await client.blobs.get_blob(name="70000")).write_to_file(tmp_path / "o.bin")
            return whole, count, chunked.response.is_closed

    assert asyncio.run(run()) == (blob(70_000), 10, True)
    assert (tmp_path / "o.bin").read_bytes() == blob(70_000)


def test_an_undeclared_content_type_raises_naming_both(server: Server) -> None:
    with sdk(server) as client:
        with pytest.raises(UnexpectedContentTypeError) as info:
            client.blobs.get_blob(name="json")
        assert info.value.expected == ("application/octet-stream", "audio/mpeg")
        assert info.value.received == "application/json"
        assert "application/octet-stream or audio/mpeg" in str(info.value)
    with (
        sdk(server, "/html") as client,
        pytest.raises(UnexpectedContentTypeError, match="received text/html"),
    ):
        client.customers.create_customer(name="x")

    async def run() -> None:
        async with async_sdk(server) as client:
            await client.blobs.get_blob(name="json")

    with pytest.raises(UnexpectedContentTypeError, match="received application/json"):
        asyncio.run(run())


def test_json_lines_are_typed_items_closed_on_break(server: Server) -> None:
    with sdk(server) as client:
        records = list(client.texts.list_records(n=3))
        with client.texts.list_records(n=5) as stream:
            first = next(iter(stream))
        assert stream.response.is_closed and first.id == 0
        with pytest.raises(LineDecodeError) as info:
            list(client.texts.list_records(n=-1))
    assert [(r.id, r.name) for r in records] == [(0, "r0"), (1, "r1"), (2, "r2")]
    assert info.value.line == '{"id": "x"}'


def test_json_lines_async(server: Server) -> None:
    async def run() -> list[int]:
        async with async_sdk(server) as client:
            async with await client.texts.list_records(n=4) as stream:
                return [r.id async for r in stream]

    assert asyncio.run(run()) == [0, 1, 2, 3]


def test_an_undecodable_structured_response_is_binary(server: Server) -> None:
    with sdk(server) as client:
        assert client.texts.get_report().read() == b"<note><title>t</title></note>"


def test_bad_body_input_is_a_note_naming_the_pointer() -> None:
    from generator.build import build_api
    from generator.config import Settings
    from generator.load import load_spec

    api = build_api(load_spec(WIRE_SPEC), Settings(spec=WIRE_SPEC, package="wire_sdk"))
    pointers = [n.split(": ", 1)[0].split("#", 1)[1] for n in api.notes]
    assert "/paths/~1files/post/requestBody/content/multipart~1form-data/encoding/ghost" in pointers
    assert "/paths/~1notes/post/requestBody/content/application~1xml" in pointers
    assert "/paths/~1report/get/responses/200/content/application~1xml" in pointers


def test_raw_response_of_a_download_and_a_line_stream(server: Server) -> None:
    with sdk(server) as client:
        raw = client.blobs.with_raw_response.get_blob(name="1000")
        assert raw.status_code == 200 and raw.headers["content-type"] == "application/octet-stream"
        with raw.parse() as body:  # the unread BinaryResponse, as the plain call returns it
            assert body.read() == blob(1000)
        lines = client.texts.with_raw_response.list_records(n=3)
        assert lines.status_code == 200
        with lines.parse() as stream:
            assert len(list(stream)) == 3


def test_an_alternative_media_types_own_encoding_is_a_note(tmp_path: Path) -> None:
    from generator.build import build_api
    from generator.config import Settings
    from generator.load import load_spec

    schema = {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x": {
                "post": {
                    "operationId": "send",
                    "requestBody": {
                        "content": {
                            "multipart/form-data": {
                                "schema": schema,
                                "encoding": {"tags": {"contentType": "text/plain"}},
                            },
                            "application/x-www-form-urlencoded": {
                                "schema": schema,
                                "encoding": {"tags": {"style": "form", "explode": False}},
                            },
                        }
                    },
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    api = build_api(load_spec(path), Settings(spec=path, package="p"))
    where = "/paths/~1x/post/requestBody/content/application~1x-www-form-urlencoded/encoding"
    wanted = f"{where}: only multipart/form-data's encoding is applied"
    assert any(wanted in note for note in api.notes), api.notes
    assert [m for m, _ in api.operations[0].body.offered] == [
        "multipart/form-data",
        "application/x-www-form-urlencoded",
    ]
