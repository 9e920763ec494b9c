"""The TypeScript SDK of tests/typescript/specs/read_write_only.yaml, compiled and run under node
against a recording local server: a request model (`UserInput`) sent without the readOnly `id`
and with the writeOnly `password`, and answers without `password` parsed as `User`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.runtime.local_server import serving
from tests.test_read_write_only import ANSWERS, SENT
from tests.typescript.build import RW_PACKAGE, TsBuild
from tests.typescript.support import node

SCRIPT = Path(__file__).resolve().parent / "node" / "read_write_only.mjs"
pytestmark = pytest.mark.xdist_group("ts")


def test_request_twins_sent_and_answers_parsed(ts_build: TsBuild) -> None:
    with serving(lambda path, query, body, url: (200, ANSWERS[path])) as server:
        proc = subprocess.run(
            [node(), str(SCRIPT), str(ts_build.dist(RW_PACKAGE)), server.url],
            capture_output=True,
            text=True,
            timeout=60,
        )
        sent = server.take()
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sent == SENT
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {
        "user": ANSWERS["/users"],
        "team": ANSWERS["/teams"],
        "members": ANSWERS["/members"],
    }
