"""Issue 10: bad wire input in a spec (an encoding for a property that does not exist, a style
not allowed in its location, an unknown media type) generates, with a one-line note naming the
JSON pointer each, never a crash; the method sends what OAS defines instead."""

from __future__ import annotations

from pathlib import Path

from tests.corpus_support import run_here

SPEC = """\
openapi: 3.0.3
info: {title: Bad, version: "1"}
paths:
  /up:
    post:
      operationId: upload
      parameters:
        - {name: p, in: query, style: matrix, schema: {type: string}}
        - {name: h, in: header, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}
        - {name: c, in: cookie, style: 7, schema: {type: string}}
        - {name: q, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
            encoding:
              nothere: {contentType: image/png}
          application/x-weird-thing:
            schema: {type: string}
      responses:
        "200":
          description: ok
          content:
            application/x-strange:
              schema: {type: string}
"""

NOTES = [
    "sdkgen: note: bad.yaml#/paths/~1up/post/parameters/0/style: style 'matrix' is not allowed in "
    "query (allowed: form, spaceDelimited, pipeDelimited, deepObject); the default 'form' is used",
    "sdkgen: note: bad.yaml#/paths/~1up/post/parameters/1/style: style 'deepObject' is not allowed in "
    "header (allowed: simple); the default 'simple' is used",
    "sdkgen: note: bad.yaml#/paths/~1up/post/parameters/2/style: style 7 is not allowed in cookie "
    "(allowed: form); the default 'form' is used",
    "sdkgen: note: bad.yaml#/paths/~1up/post/requestBody/content/multipart~1form-data/encoding/nothere: "
    "no body property is named 'nothere'; the encoding is ignored",
    "sdkgen: note: bad.yaml#/paths/~1up/post/requestBody/content/application~1x-weird-thing: its "
    "schema differs from multipart/form-data's; the media type is not offered",
]


def test_bad_wire_input_is_noted_by_pointer_and_generates(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    code, _, err = run_here("generate", str(spec), "--out", str(tmp_path / "out"), "--package", "bad_sdk")
    assert code == 0, err
    notes = [line for line in err.splitlines() if line.startswith("sdkgen: note:")]
    assert sorted(notes) == sorted(NOTES)
    method = (tmp_path / "out" / "bad_sdk" / "resources" / "_root.py").read_text(encoding="utf-8")
    # the refused styles fall back to the location's default; the allowed one is kept
    assert '("p", p, True)' in method and '("q", q, False, "pipeDelimited")' in method
    # an undeclared kind of response body is handed over as bytes, declared type checked
    assert 'expect=("application/x-strange",)' in method and "-> BinaryResponse:" in method
