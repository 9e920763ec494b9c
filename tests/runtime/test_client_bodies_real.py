"""Bodies on a real spec (issue 10): Together's file upload, audio transcription and model
download, through the SDK generated from `../shared/specs/together-openapi.yaml`, against
the local server's capture route; the multipart bytes the server received, checked exactly."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest_client import Server, blob, server_fixture  # noqa: F401
from test_client_bodies import disposition, parts

from tests.shared_sdks import shared_sdk

pytestmark = pytest.mark.timeout(60)
FILE_REPLY = {
    "id": "file-1",
    "object": "file",
    "created_at": 1,
    "filename": "train.jsonl",
    "bytes": 3,
    "purpose": "fine-tune",
    "Processed": True,
    "FileType": "jsonl",
    "LineCount": 0,
}


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The Together SDK, generated once per session (tests/shared_sdks.py) and imported."""
    yield from shared_sdk("together", tmp_path_factory)


def test_file_upload_sends_the_file_and_fields(together: ModuleType, server: Server, tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(blob(5000))
    server.state.reply = ("application/json", json.dumps(FILE_REPLY).encode())
    with together.Together(server_url=f"{server.url}/capture", bearer_auth="k") as sdk:
        answer = sdk.files.post_files_upload(purpose="fine-tune", file_name="train.jsonl", file=path)
    where, headers, body = server.state.captured
    assert (where, answer.id) == ("/capture/files/upload", "file-1")
    assert parts(body.decode("latin-1"), headers["content-type"]) == [
        ({"Content-Disposition": disposition("purpose")}, b"fine-tune"),
        ({"Content-Disposition": disposition("file_name")}, b"train.jsonl"),
        (
            {
                "Content-Disposition": disposition("file", "train.jsonl"),
                "Content-Type": "application/octet-stream",
            },
            blob(5000),
        ),
    ]


def test_audio_transcription_file_or_url_async(together: ModuleType, server: Server) -> None:
    server.state.reply = ("application/json", b'{"text": "hello"}')

    async def run() -> list[list[tuple[dict[str, str], bytes]]]:
        seen = []
        async with together.AsyncTogether(server_url=f"{server.url}/capture", bearer_auth="k") as sdk:
            for file in (("clip.wav", b"RIFF\x00\xff", "audio/wav"), "https://example.com/a.wav"):
                answer = await sdk.audio.audio_transcriptions(file=file, temperature=0.5)
                assert answer.text == "hello"
                _, headers, body = server.state.captured
                seen.append(parts(body.decode("latin-1"), headers["content-type"]))
        return seen

    upload, url = asyncio.run(run())
    assert upload == [
        (
            {"Content-Disposition": disposition("file", "clip.wav"), "Content-Type": "audio/wav"},
            b"RIFF\x00\xff",
        ),
        ({"Content-Disposition": disposition("temperature")}, b"0.5"),
    ]
    assert url[0] == ({"Content-Disposition": disposition("file")}, b"https://example.com/a.wav")


def test_model_download_is_streamed_binary(together: ModuleType, server: Server, tmp_path: Path) -> None:
    server.state.reply = ("application/octet-stream", blob(100_000))
    with together.Together(server_url=f"{server.url}/capture", bearer_auth="k") as sdk:
        with sdk.fine_tuning.get_finetune_download(ft_id="ft-1") as download:
            download.write_to_file(tmp_path / "model.tar.zst")
        assert download.response.is_closed
        server.state.reply = ("application/json", b"{}")
        with pytest.raises(together.errors.UnexpectedContentTypeError, match="received application/json"):
            sdk.fine_tuning.get_finetune_download(ft_id="ft-1")
    assert (tmp_path / "model.tar.zst").read_bytes() == blob(100_000)
