"""The TypeScript target's output is byte-identical across hash seeds, and hostile spec text cannot
escape a string literal or a doc comment. (Kept apart from test_ts_golden.py: these need no
compiled tree, so they run on any worker.)"""

from __future__ import annotations

import os
import subprocess
import sys

from generator.config import Settings
from tests.helpers import ROOT, render_spec
from tests.typescript.support import SPECS

HOSTILE = SPECS / "hostile.yaml"

_DIGEST = """
import hashlib, sys
from generator.config import load_settings
from pathlib import Path
from tests.helpers import render_spec
from tests.typescript.support import ts_settings
h = hashlib.sha256()
for s in (load_settings(Path('.'), 'typescript'), ts_settings('unions'), ts_settings('names')):
    for path, text in sorted(render_spec(s).items()):
        h.update(path.encode() + b"\\0" + text.encode() + b"\\0")
print(h.hexdigest())
"""


def test_output_is_byte_identical_across_hash_seeds() -> None:
    digests = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-c", _DIGEST], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        digests.add(proc.stdout.strip())
    assert len(digests) == 1


def test_hostile_text_cannot_escape_literals_or_comments() -> None:
    files = render_spec(
        Settings(spec=HOSTILE, out=ROOT / "unused", package="hostile-sdk", target="typescript")
    )
    source = "\n".join(t for p, t in files.items() if p.endswith(".ts"))
    assert "\u2028" not in source and "\u2029" not in source
    # `</` is escaped in every literal; inside doc comments it is inert text.
    raw = [ln for ln in source.split("\n") if "</script>" in ln]
    assert raw and all(ln.lstrip().startswith("*") for ln in raw), raw
    weird = files["src/models/components/weird.ts"]
    assert '["__proto__"]: z.string(),' in weird
    assert "export type Weird = {" in weird and "fooBar2" in weird
    assert "/* nested *\\/ comment *\\/ end" in weird  # escaped: the comment cannot end early
    assert '"line\\u2028sep"' in files["src/models/components/mode.ts"]
    renamed = files["src/models/components/errormodel.ts"]
    assert "export type ErrorModel = {" in renamed
