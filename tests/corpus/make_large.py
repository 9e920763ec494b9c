"""Write a spec at the scale of a large public API (>= 1,000 schemas, >= 150 operations).

Run at test time into a temporary folder (`python make_large.py OUT.json`), never committed:
the output is a few MB. Deterministic: the same file every run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

N_SCHEMAS = 1200
N_RESOURCES = 40
OPS_PER_RESOURCE = 4  # 160 operations


def _schema(i: int) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/Schema{(i * 7 + 3) % N_SCHEMAS:04d}"}
    kind = i % 6
    if kind == 0:
        return {"type": "string", "enum": [f"value_{i}_{j}" for j in range(4)]}
    if kind == 1:
        return {
            "oneOf": [ref, {"$ref": f"#/components/schemas/Schema{(i + 1) % N_SCHEMAS:04d}"}],
        }
    if kind == 2:
        return {"allOf": [ref, {"type": "object", "properties": {f"extra{i}": {"type": "integer"}}}]}
    props: dict[str, Any] = {
        "id": {"type": "string", "description": f"Identifier of object {i}."},
        "created_at": {"type": "string", "format": "date-time"},
        "count": {"type": "integer", "default": i},
        "ratio": {"type": ["number", "null"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
        "related": ref,
        "children": {"type": "array", "items": ref},
        "status": {"type": "string", "enum": ["active", "inactive", "pending"]},
        "nested": {"type": "object", "properties": {"depth": {"type": "integer"}}},
    }
    return {
        "type": "object",
        "description": f"Schema number {i}.",
        "required": ["id"],
        "properties": props,
    }


def build() -> dict[str, Any]:
    """The whole spec as a JSON-ready dict."""
    schemas = {f"Schema{i:04d}": _schema(i) for i in range(N_SCHEMAS)}
    paths: dict[str, Any] = {}
    n = 0
    for r in range(N_RESOURCES):
        tag = f"Resource {r}"
        item = f"#/components/schemas/Schema{(r * 6 + 3) % N_SCHEMAS:04d}"
        ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": item}}}}
        paths[f"/r{r}"] = {
            "get": {"operationId": f"list_r{r}", "tags": [tag], "responses": {"200": {
                "description": "ok", "content": {"application/json": {"schema": {
                    "type": "array", "items": {"$ref": item}}}}}},
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}]},
            "post": {"operationId": f"create_r{r}", "tags": [tag], "responses": {"201": ok},
                     "requestBody": {"content": {"application/json": {"schema": {"$ref": item}}}}},
        }
        paths[f"/r{r}/{{id}}"] = {
            "parameters": [{"name": "id", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "get": {"operationId": f"get_r{r}", "tags": [tag], "responses": {"200": ok}},
            "delete": {"operationId": f"delete_r{r}", "tags": [tag],
                       "responses": {"204": {"description": "gone"}}},
        }
        n += OPS_PER_RESOURCE
    return {
        "openapi": "3.1.0",
        "info": {"title": "Large generated API", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def main(out: str) -> None:
    """Write the spec to `out`."""
    Path(out).write_text(json.dumps(build(), indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
