"""Issue 5 item 4: an interrupted generate leaves the old tree or the new one, never a mix;
files sdkgen did not write survive untouched; `.genignore` works; `check` flags drift."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import emit
from tests.corpus_support import generate, run_here, tree
from tests.helpers import assert_clean_error

HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"


def _spec(folder: Path, names: list[str], extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f"    {n}:\n      type: object\n      description: {n} {extra}\n"
        f"      properties: {{v: {{type: string}}}}\n"
        for n in names
    )
    ops = "".join(
        f"  /{n.lower()}:\n    get:\n      operationId: get{n}\n      responses:\n"
        f"        '200':\n          description: ok\n          content:\n"
        f"            application/json:\n              schema: "
        f"{{$ref: '#/components/schemas/{n}'}}\n"
        for n in names
    )
    path = folder / "spec.yaml"
    path.write_text(HEAD + "paths:\n" + ops + "components:\n  schemas:\n" + body)
    return path


OLD = [f"Old{i}" for i in range(40)] + ["Shared"]
NEW = [f"New{i}" for i in range(40)] + ["Shared"]

USER_FILES = {
    "notes.md": b"mine",
    "pkg/custom.py": b"# my code\n",
    "pkg/models/mine.py": b"x=1\n",
    ".git/config": b"[core]\n",
    "docs/extra/page.md": b"page",
}


def _user_state(out: Path) -> dict[str, tuple[bytes, int]]:
    return {rel: ((out / rel).read_bytes(), (out / rel).stat().st_mode) for rel in USER_FILES}


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The NEW spec, and the trees generated from OLD and NEW (once per module, read only)."""
    root = tmp_path_factory.mktemp("regenerate")
    old_spec, new_spec = _spec(root / "old", OLD), _spec(root / "new", NEW, "changed")
    ref_old, ref_new = root / "ref_old", root / "ref_new"
    assert generate(old_spec, ref_old, "pkg")[0] == 0
    assert generate(new_spec, ref_new, "pkg")[0] == 0
    return new_spec, ref_old, ref_new


@pytest.fixture
def trees(
    tmp_path: Path, references: tuple[Path, Path, Path]
) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """An out folder generated from OLD (plus user files); the OLD and NEW trees for reference.

    Generation is deterministic, so the out folder starts as a copy of the OLD reference tree
    (its manifest included): byte for byte what `generate` would write there.
    """
    new_spec, ref_old, ref_new = references
    out = tmp_path / "out"
    shutil.copytree(ref_old, out)
    for rel, data in USER_FILES.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    (out / "pkg" / "custom.py").chmod(0o755)
    (out / "empty_user_dir").mkdir()
    return out, new_spec, tree(ref_old), tree(ref_new)


def _generated_part(out: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(out).items() if k not in USER_FILES}


def test_user_files_survive_regeneration(trees: tuple[Path, Path, dict, dict]) -> None:
    out, new_spec, _, ref_new = trees
    before = _user_state(out)
    assert generate(new_spec, out, "pkg")[0] == 0
    assert _generated_part(out) == ref_new, "stale files pruned, new ones written"
    assert _user_state(out) == before
    assert (out / "empty_user_dir").is_dir()


WRITE_HOOK = r"""
import os, sys
from pathlib import Path
from generator import emit
from generator.cli import main
limit = int(sys.argv[1])
count = 0
real_write = emit._write_file
real_rename = os.rename
def write_file(path, data):
    global count
    count += 1
    if count == limit:
        os._exit(9)  # as abrupt as SIGKILL: no cleanup, no finally blocks
    return real_write(path, data)
emit._write_file = write_file
if limit < 0:
    emit._exchange = lambda a, b: os._exit(9)
main(sys.argv[2:])
"""


@pytest.mark.parametrize("limit", [1, 2, 10, 40, 80, -1])
def test_killed_generate_leaves_old_tree(trees: tuple[Path, Path, dict, dict], limit: int) -> None:
    out, new_spec, ref_old, ref_new = trees
    user = _user_state(out)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            WRITE_HOOK,
            str(limit),
            "generate",
            str(new_spec),
            "--out",
            str(out),
            "--package",
            "pkg",
            "--sdk-class",
            "Client",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).parent.parent)),
        timeout=120,
    )
    assert proc.returncode == 9, proc.stderr
    assert _generated_part(out) == ref_old
    assert _user_state(out) == user
    # The next run recovers (a leftover staging folder is not a problem) and swaps in NEW.
    assert generate(new_spec, out, "pkg")[0] == 0
    assert _generated_part(out) == ref_new
    assert _user_state(out) == user


def test_sigkill_at_random_moments_never_mixes(trees: tuple[Path, Path, dict, dict]) -> None:
    out, new_spec, ref_old, ref_new = trees
    user = _user_state(out)
    specs = [new_spec, new_spec.parent.parent / "old" / "spec.yaml"]
    refs = [ref_new, ref_old]
    cmd = [
        str(Path(sys.executable).parent / "sdkgen"),
        "generate",
        "--out",
        str(out),
        "--package",
        "pkg",
        "--sdk-class",
        "Client",
        "-q",
    ]
    for attempt in range(8):
        proc = subprocess.Popen([*cmd, str(specs[attempt % 2])], stderr=subprocess.DEVNULL)
        time.sleep(0.02 + 0.03 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _generated_part(out) in refs
        assert _user_state(out) == user


def test_exception_mid_write_leaves_old_tree(
    trees: tuple[Path, Path, dict, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, new_spec, ref_old, _ = trees
    calls = {"n": 0}
    real = emit._write_file

    def flaky(path: str, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(emit, "_write_file", flaky)
    with pytest.raises(OSError):
        generate(new_spec, out, "pkg")
    monkeypatch.undo()
    assert _generated_part(out) == ref_old
    assert not any(p.name.endswith(".sdkgen-new") for p in out.parent.iterdir())


def test_foreign_file_at_generated_path_is_not_overwritten(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "s", ["Thing"])
    out = tmp_path / "out"
    (out / "pkg").mkdir(parents=True)
    (out / "pkg" / "__init__.py").write_text("# the user's own package\n")
    code, stderr, _ = generate(spec, out, "pkg")
    assert_clean_error(code, stderr, "not written by sdkgen", "pkg/__init__.py")
    assert (out / "pkg" / "__init__.py").read_text() == "# the user's own package\n"
    assert sorted(tree(out)) == ["pkg/__init__.py"]


def test_genignore_keeps_a_generated_file_as_the_users(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "s", ["Thing", "Other"])
    out = tmp_path / "out"
    assert generate(spec, out, "pkg")[0] == 0
    owned = out / "pkg" / "models" / "components" / "thing.py"
    owned.write_text(owned.read_text() + "\n# my tweak\n")
    (out / emit.GENIGNORE).write_text("# mine now\npkg/models/components/thing.py\n")
    edited = owned.read_bytes()
    check = run_here("check", str(spec), "--out", str(out), "--package", "pkg", "--sdk-class", "Client")
    assert check[0] == 0, check
    assert generate(_spec(tmp_path / "s", ["Other"], "v2"), out, "pkg")[0] == 0
    assert owned.read_bytes() == edited, "an ignored file is neither rewritten nor pruned"


def test_check_flags_hand_edits_missing_and_extra(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "s", ["Thing", "Other"])
    out = tmp_path / "out"
    assert generate(spec, out, "pkg")[0] == 0
    args = ["check", str(spec), "--out", str(out), "--package", "pkg", "--sdk-class", "Client"]
    assert run_here(*args)[0] == 0
    thing = out / "pkg" / "models" / "components" / "thing.py"
    thing.write_text(thing.read_text().replace("class Thing", "class Thing  # edited", 1))
    code, stdout, _ = run_here(*args)
    assert code == 1
    assert "hand-edited" in stdout and "thing.py" in stdout and "+++" in stdout
    (out / "pkg" / "models" / "components" / "other.py").unlink()
    (out / "pkg" / "models" / "components" / "stray.py").write_text("x = 1\n")
    code, stdout, _ = run_here(*args)
    assert code == 1
    lines = stdout.splitlines()
    assert any(ln.startswith("missing:") and ln.endswith("other.py") for ln in lines)
    assert any(ln.startswith("extra:") and ln.endswith("stray.py") for ln in lines)
    assert generate(spec, out, "pkg")[0] == 0
    assert (out / "pkg" / "models" / "components" / "stray.py").read_text() == "x = 1\n"
    assert "class Thing  # edited" not in thing.read_text()
