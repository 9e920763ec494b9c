"""Issue 5 item 2: every bad input exits 2 with one line naming the file and JSON pointer,
no traceback, and nothing written to --out (an existing --out is left byte-identical)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tests.corpus_support import generate, run_cli, run_here, tree
from tests.helpers import assert_clean_error

GOOD_HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"


GOOD_SPEC = (
    GOOD_HEAD
    + """paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A: {type: object, properties: {x: {type: string}}}
"""
)


def _schemas(body: str) -> str:
    return GOOD_HEAD + "paths: {}\ncomponents:\n  schemas:\n" + body


# name -> (files relative to the spec folder, expected fragments of the message)
CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "invalid_yaml": (
        {"spec.yaml": "openapi: 3.1.0\ninfo: {title: [unclosed\n"},
        ["spec.yaml#", "invalid YAML", "line"],
    ),
    "invalid_json": (
        {"spec.json": '{"openapi": "3.1.0", "info": }'},
        ["spec.json#", "invalid JSON", "line 1"],
    ),
    "list_document": ({"spec.yaml": "- openapi\n- 3.1.0\n"}, ["spec.yaml#", "mapping"]),
    "scalar_document": ({"spec.yaml": "just a string\n"}, ["spec.yaml#", "mapping"]),
    "empty_document": ({"spec.yaml": ""}, ["spec.yaml#", "empty"]),
    "comments_only": ({"spec.yaml": "# nothing here\n"}, ["spec.yaml#", "empty"]),
    "binary_garbage": ({"spec.yaml": bytes(range(256)) * 4}, ["spec.yaml#"]),
    "nul_in_text": ({"spec.yaml": b"openapi: 3.1.0\x00\n"}, ["spec.yaml#", "NUL"]),
    "png_bytes": ({"spec.json": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, ["spec.json#"]),
    "missing_openapi": (
        {"spec.yaml": "info: {title: t, version: '1'}\npaths: {}\n"},
        ["spec.yaml#", "openapi"],
    ),
    "swagger_2": (
        {"spec.yaml": "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"},
        ["spec.yaml#/swagger", "Swagger 2.0"],
    ),
    "openapi_2": (
        {"spec.yaml": "openapi: '2.0'\ninfo: {title: t, version: '1'}\n"},
        ["spec.yaml#/openapi", "unsupported"],
    ),
    "openapi_4": (
        {"spec.yaml": "openapi: 4.0.0\ninfo: {title: t, version: '1'}\n"},
        ["spec.yaml#/openapi", "unsupported"],
    ),
    "openapi_number": (
        {"spec.yaml": "openapi: 3.1\ninfo: {title: t, version: '1'}\n"},
        ["spec.yaml#/openapi", "unsupported"],
    ),
    "dangling_ref": (
        {"spec.yaml": _schemas("    A: {$ref: '#/components/schemas/Nope'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "points to nothing"],
    ),
    "dangling_file_ref": (
        {"spec.yaml": _schemas("    A: {$ref: 'other.yaml#/X'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "other.yaml", "does not exist"],
    ),
    "dangling_pointer_in_file": (
        {"spec.yaml": _schemas("    A: {$ref: 'other.yaml#/X'}\n"), "other.yaml": "Y: {type: string}\n"},
        ["spec.yaml#/components/schemas/A/$ref", "points to nothing"],
    ),
    "pure_ref_cycle": (
        {
            "spec.yaml": _schemas(
                "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n"
            )
        },
        ["spec.yaml#/components/schemas/", "cycle"],
    ),
    "self_ref": (
        {"spec.yaml": _schemas("    A: {$ref: '#/components/schemas/A'}\n")},
        ["spec.yaml#/components/schemas/A", "cycle"],
    ),
    "url_ref": (
        {"spec.yaml": _schemas("    A: {$ref: 'https://example.com/s.yaml#/A'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "remote"],
    ),
    "scheme_relative_ref": (
        {"spec.yaml": _schemas("    A: {$ref: '//example.com/s.yaml'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "remote"],
    ),
    "file_url_ref": (
        {"spec.yaml": _schemas("    A: {$ref: 'file:///etc/passwd'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "remote"],
    ),
    "ref_leaves_folder": (
        {"spec.yaml": _schemas("    A: {$ref: '../outside.yaml'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "outside"],
    ),
    "absolute_path_ref": (
        {"spec.yaml": _schemas("    A: {$ref: '/etc/passwd'}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "outside"],
    ),
    "ref_not_string": (
        {"spec.yaml": _schemas("    A: {$ref: 42}\n")},
        ["spec.yaml#/components/schemas/A/$ref", "string"],
    ),
    "python_tag": (
        {"spec.yaml": GOOD_HEAD + "x: !!python/object/apply:os.system ['touch pwned']\n"},
        ["spec.yaml#", "invalid YAML"],
    ),
    "python_name_tag": (
        {"spec.yaml": GOOD_HEAD + "x: !!python/name:os.system\n"},
        ["spec.yaml#", "invalid YAML"],
    ),
    "custom_tag": ({"spec.yaml": GOOD_HEAD + "x: !Ref Foo\n"}, ["spec.yaml#", "invalid YAML"]),
    "paths_not_mapping": ({"spec.yaml": GOOD_HEAD + "paths: [1, 2]\n"}, ["spec.yaml#/paths", "mapping"]),
    "latin1_text": (
        {"spec.yaml": "openapi: 3.1.0\ninfo: {title: caf\xe9}\n".encode("latin-1")},
        ["spec.yaml#", "UTF-8"],
    ),
}


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder / next(iter(files))


def _assert_clean(code: int, stderr: str, fragments: list[str]) -> str:
    """Exit 2, one `sdkgen: error:` line holding every fragment, no exception class name."""
    line = assert_clean_error(code, stderr, *fragments)
    assert "Error:" not in line.split(": error: ", 1)[1][:12], line
    return line


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_spec_exits_2_with_one_line(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`generate` and `check` run in-process from the spec's parent folder (the console script
    returns what `main` returns: see the tests below that run it)."""
    files, fragments = CASES[name]
    spec = _write(tmp_path / "spec", files)
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    for command in ("generate", "check"):
        code, _, stderr = run_here(command, str(spec), "--out", str(out), "--package", "pkg")
        _assert_clean(code, stderr, fragments)
        assert not out.exists(), "nothing may be written for a bad spec"
        assert not (tmp_path / "pwned").exists() and not (tmp_path / "spec" / "pwned").exists()


@pytest.mark.parametrize("name", ["invalid_yaml", "dangling_ref", "url_ref", "pure_ref_cycle"])
def test_existing_out_is_left_byte_identical(tmp_path: Path, name: str) -> None:
    good = _write(tmp_path / "good", {"spec.yaml": GOOD_SPEC})
    out = tmp_path / "out"
    assert generate(good, out, "pkg")[0] == 0
    (out / "mine.txt").write_text("user file")
    before = tree(out)
    stat_before = {p: (out / p).stat().st_mtime_ns for p in before}
    bad = _write(tmp_path / "bad", CASES[name][0])
    code, stderr, _ = generate(bad, out, "pkg")
    _assert_clean(code, stderr, CASES[name][1])
    assert tree(out) == before
    assert {p: (out / p).stat().st_mtime_ns for p in before} == stat_before


def test_ref_outside_folder_is_never_read(tmp_path: Path) -> None:
    """The target is a FIFO: opening it would block forever, so a clean exit proves no read."""
    folder = tmp_path / "spec"
    spec = _write(folder, {"spec.yaml": _schemas("    A: {$ref: '../fifo.yaml'}\n")})
    os.mkfifo(tmp_path / "fifo.yaml")
    proc = run_cli("generate", str(spec), "--out", str(tmp_path / "out"), "--package", "pkg", timeout=30)
    _assert_clean(proc.returncode, proc.stderr, ["outside"])


def test_url_ref_makes_no_network_access(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("sdkgen opened a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    spec = _write(tmp_path, {"spec.yaml": _schemas("    A: {$ref: 'http://127.0.0.1:9/x.yaml'}\n")})
    code, stderr, _ = generate(spec, tmp_path / "out", "pkg")
    _assert_clean(code, stderr, ["remote"])
    assert not (tmp_path / "out").exists()


def test_missing_spec_path(tmp_path: Path) -> None:
    proc = run_cli(
        "generate", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "out"), "--package", "pkg"
    )
    _assert_clean(proc.returncode, proc.stderr, ["nope.yaml", "no such file"])
    assert not (tmp_path / "out").exists()


def test_directory_as_spec(tmp_path: Path) -> None:
    proc = run_cli("generate", str(tmp_path), "--out", str(tmp_path / "out"), "--package", "pkg")
    _assert_clean(proc.returncode, proc.stderr, [str(tmp_path), "directory"])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("package", ["class", "1abc", "a-b", "", "my.pkg", "café", "None", "_private", "a b"])
def test_invalid_package(tmp_path: Path, package: str) -> None:
    spec = _write(tmp_path, {"spec.yaml": _schemas("    A: {type: string}\n")})
    proc = run_cli("generate", str(spec), "--out", str(tmp_path / "out"), "--package", package)
    _assert_clean(proc.returncode, proc.stderr, ["--package"])
    assert not (tmp_path / "out").exists()
