"""Every fenced ```python block of generated/docs/** and generated/README.md runs.

Model examples construct and validate their models. Client examples (those naming the SDK
class) run against a real local HTTP server that answers the spec's operations: the runner
points every client at it (`server_url`) and sets the credential variable. The examples of
one tree run in one interpreter (tests/batch.py), each still passing or failing on its own.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from generator import naming
from tests.batch import Result, run_batch
from tests.helpers import ROOT, golden_cases

OUT = ROOT / "generated"
PACKAGE, SDK_CLASS = "atoma_sdk", "AtomaSdk"
TOKEN = "docs-example-token"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)
# The examples of generated/ run in one module-scoped batch: keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("docs-examples")

# Runs once before the examples: every client built by them talks to the test server.
PRELUDE = f"""
import os
import {PACKAGE}
assert {PACKAGE}.__file__.startswith(os.environ["DOCS_OUT"]), {PACKAGE}.__file__
url = os.environ["DOCS_SERVER_URL"]
for name in ("{SDK_CLASS}", "Async{SDK_CLASS}"):
    cls = getattr({PACKAGE}, name)
    def patched(self, *args, __init=cls.__init__, **kwargs):
        kwargs["server_url"] = url
        __init(self, *args, **kwargs)
    cls.__init__ = patched
"""


def _blocks() -> list[tuple[str, str]]:
    pages = sorted(OUT.glob("docs/**/*.md")) + [OUT / "README.md"]
    out = []
    for page in pages:
        rel = page.relative_to(OUT).as_posix()
        for n, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), start=1):
            out.append((f"{rel}#{n}", match.group(1)))
    return out


BLOCKS = _blocks()


def _is_client(code: str) -> bool:
    return re.search(rf"\b(Async)?{SDK_CLASS}\b", code) is not None


# -- the local server -------------------------------------------------------------------------

COMPLETION = {
    "id": "chatcmpl-123",
    "object": "chat.completion",
    "created": 1677652288,
    "model": "meta-llama/Llama-3.3-70B-Instruct",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11},
}
MODELS = {
    "object": "list",
    "data": [
        {
            "id": "meta-llama/Llama-3.3-70B-Instruct",
            "object": "model",
            "created": 1730930595,
            "owned_by": "atoma",
        }
    ],
}


def _chunk(content: str, finish: str | None = None) -> str:
    choice = {"index": 0, "delta": {"role": "assistant", "content": content}, "finish_reason": finish}
    return json.dumps(
        {
            "id": "chatcmpl-123",
            "object": "chat.completion.chunk",
            "created": 1677652288,
            "model": "meta-llama/Llama-3.3-70B-Instruct",
            "choices": [choice],
        }
    )


def _unauthorized(request: Request) -> Response | None:
    if request.headers.get("authorization") != f"Bearer {TOKEN}":
        error = {
            "message": "Invalid API key provided.",
            "type": "invalid_request_error",
            "param": None,
            "code": "invalid_api_key",
        }
        return JSONResponse({"error": error}, status_code=401)
    return None


async def chat(request: Request) -> Response:
    denied = _unauthorized(request)
    if denied is not None:
        return denied
    body = await request.json()
    if not body.get("stream"):
        return JSONResponse(COMPLETION)

    async def events() -> AsyncIterator[bytes]:
        for part, finish in (("Hel", None), ("lo!", "stop")):
            yield f"data: {_chunk(part, finish)}\n\n".encode()
        yield b"data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


async def models(request: Request) -> Response:
    return _unauthorized(request) or JSONResponse(MODELS)


APP = Starlette(
    routes=[
        Route("/v1/chat/completions", chat, methods=["POST"]),
        Route("/v1/models", models, methods=["GET"]),
    ]
)


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(APP, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the example server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)
    sock.close()


# -- the examples -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    """Every example of generated/ run in one interpreter, by name."""
    env = {"DOCS_OUT": str(OUT), "DOCS_SERVER_URL": server_url, "ATOMA_SDK_BEARER_AUTH": TOKEN}
    return run_batch(BLOCKS, tmp_path_factory.mktemp("docs-examples"), [OUT], env=env, prelude=PRELUDE)


def _check(name: str, code: str, results: dict[str, Result]) -> str:
    result = results[name]
    assert not result.error, f"example {name} failed:\n{code}\n--- error ---\n{result.error[-3000:]}"
    return result.stdout


MODEL_CASES = [(n, c) for n, c in BLOCKS if not _is_client(c)]
CLIENT_CASES = [(n, c) for n, c in BLOCKS if _is_client(c)]


def test_there_are_examples_for_every_page() -> None:
    pages = {n.split("#")[0] for n, _ in BLOCKS}
    assert len(pages) == len(list(OUT.glob("docs/**/*.md"))) + 1
    assert len(MODEL_CASES) >= 40 and len(CLIENT_CASES) >= 5


@pytest.mark.parametrize("name,code", MODEL_CASES, ids=[n for n, _ in MODEL_CASES])
def test_model_example_runs(name: str, code: str, results: dict[str, Result]) -> None:
    _check(name, code, results)


@pytest.mark.parametrize("name,code", CLIENT_CASES, ids=[n for n, _ in CLIENT_CASES])
def test_client_example_runs(name: str, code: str, results: dict[str, Result]) -> None:
    out = _check(name, code, results)
    if "for event in stream" in code:  # both chunks of the served stream came through, typed
        # (a dual-mode example prints the whole answer first: a `chat.completion`, not a chunk)
        assert out.count("ChatCompletionChunk(") == 2 or out.count("'chat.completion.chunk'") == 2, out


# -- the golden cases' model examples (their clients have no server here) ----------------------


def _golden_blocks(case: str, out: Path) -> list[tuple[str, str]]:
    sdk_class = naming.pascal(f"{case}_sdk")
    blocks = []
    for page in sorted(out.glob("docs/**/*.md")):
        for n, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), start=1):
            if not re.search(rf"\b(Async)?{sdk_class}\b", match.group(1)):
                blocks.append((f"{case}:{page.relative_to(out).as_posix()}#{n}", match.group(1)))
    return blocks


@pytest.fixture(scope="module")
def golden_blocks(golden_trees: Path) -> dict[str, list[tuple[str, str]]]:
    """Each golden case's model examples (name, code), by case."""
    return {case: _golden_blocks(case, golden_trees / case) for case in golden_cases()}


@pytest.fixture(scope="module")
def golden_results(
    golden_blocks: dict[str, list[tuple[str, str]]],
    golden_trees: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Result]:
    """The model examples of every golden case run in one interpreter (each case's package has
    its own name), by example name."""
    scripts = [block for blocks in golden_blocks.values() for block in blocks]
    trees = [golden_trees / case for case in golden_blocks]
    return run_batch(scripts, tmp_path_factory.mktemp("golden-examples"), trees, timeout=300)


@pytest.mark.parametrize("case", golden_cases())
def test_golden_model_examples_run(
    case: str, golden_blocks: dict[str, list[tuple[str, str]]], golden_results: dict[str, Result]
) -> None:
    blocks = golden_blocks[case]
    assert blocks, f"{case}: no model examples"
    failures = [f"{name}\n{golden_results[name].error}" for name, _ in blocks if golden_results[name].error]
    assert not failures, "failing examples:\n" + "\n\n".join(failures)[-6000:]
