"""Write deterministic synthetic OpenAPI 3.1 specs for the generator benchmark.

Each spec looks like a large public API: objects with nested inline objects, refs
(including mutual recursion), arrays and maps of refs, enums, `oneOf` unions with and
without a discriminator, descriptions and examples, and about one operation per eight
schemas, some of them `text/event-stream` streams. Run by hand:

    .venv/bin/python benchmarks/synth_spec.py                 # 100, 1000, 2000, 3000 schemas
    .venv/bin/python benchmarks/synth_spec.py --scales 1000   # just one

Specs land in `benchmarks/work/synth-<N>.yaml` (gitignored). The same seed and scale
always produce the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "work"
SCALES = (100, 1000, 2000, 3000)
LEVELS = 8

_NOUNS = (
    "Account",
    "Agent",
    "Annotation",
    "Assistant",
    "Attachment",
    "Audio",
    "Batch",
    "Billing",
    "Candidate",
    "Chunk",
    "Citation",
    "Completion",
    "Content",
    "Conversation",
    "Dataset",
    "Delta",
    "Deployment",
    "Document",
    "Embedding",
    "Endpoint",
    "Evaluation",
    "Event",
    "File",
    "FineTune",
    "Function",
    "Image",
    "Invoice",
    "Job",
    "Key",
    "Log",
    "Message",
    "Metric",
    "Model",
    "Moderation",
    "Organization",
    "Parameter",
    "Project",
    "Prompt",
    "Quota",
    "Run",
    "Safety",
    "Session",
    "Snapshot",
    "Step",
    "Thread",
    "Token",
    "Tool",
    "Transcript",
    "Usage",
    "User",
    "Vector",
    "Voice",
    "Webhook",
    "Workspace",
)
_QUALIFIERS = (
    "",
    "Create",
    "Update",
    "List",
    "Stream",
    "Detail",
    "Summary",
    "Config",
    "Status",
    "Result",
    "Request",
    "Response",
    "Object",
    "Item",
    "Settings",
    "Options",
)
_WORDS = (
    "the",
    "model",
    "request",
    "token",
    "returns",
    "value",
    "when",
    "completion",
    "stream",
    "identifier",
    "unique",
    "object",
    "used",
    "for",
    "each",
    "field",
    "may",
    "be",
    "null",
    "only",
    "if",
    "set",
    "otherwise",
    "default",
    "server",
    "client",
    "list",
    "of",
    "items",
    "time",
    "seconds",
    "since",
    "epoch",
    "maximum",
    "number",
    "allowed",
    "response",
    "message",
    "content",
    "role",
    "user",
    "assistant",
    "tool",
    "call",
    "function",
    "arguments",
    "JSON",
    "encoded",
    "string",
    "deprecated",
    "see",
    "documentation",
    "details",
    "à",
    "naïve",
    "—",
)
_PROPS = (
    "id",
    "name",
    "description",
    "created_at",
    "updated_at",
    "status",
    "type",
    "model",
    "content",
    "role",
    "index",
    "metadata",
    "usage",
    "total_tokens",
    "prompt_tokens",
    "completion_tokens",
    "finish_reason",
    "object",
    "owner",
    "url",
    "size",
    "count",
    "score",
    "temperature",
    "top_p",
    "max_tokens",
    "stop",
    "seed",
    "user",
    "tags",
    "labels",
    "version",
    "expires_at",
    "bytes",
    "filename",
    "purpose",
    "error",
    "message",
    "code",
    "param",
    "logprobs",
    "delta",
    "choices",
    "data",
    "items",
    "next_cursor",
    "has_more",
    "region",
    "displayName",
    "createdBy",
    "isDefault",
    "maxRetries",
    "timeoutMs",
    "apiVersion",
)


class Synth:
    """Builds one spec dict; every random choice comes from one seeded generator."""

    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed * 1_000_003 + n)
        self.names = self._names(n)
        self.kinds: dict[str, str] = {}
        self.schemas: dict[str, Any] = {}

    def _names(self, n: int) -> list[str]:
        names: list[str] = []
        seen: set[str] = set()
        i = 0
        while len(names) < n:
            base = self.rng.choice(_QUALIFIERS) + self.rng.choice(_NOUNS) + self.rng.choice(_QUALIFIERS)
            name = base if base not in seen else f"{base}V{i}"
            i += 1
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    def text(self, lo: int, hi: int) -> str:
        words = [self.rng.choice(_WORDS) for _ in range(self.rng.randint(lo, hi))]
        sentence = " ".join(words)
        return sentence[0].upper() + sentence[1:] + "."

    def description(self) -> str:
        if self.rng.random() < 0.25:  # multi-line, as real specs have
            return self.text(6, 18) + "\n\n" + self.text(10, 28)
        return self.text(6, 20)

    # -- schemas -----------------------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        # Decide kinds first so refs know what they point at: discriminated unions need
        # object members with a literal `type`, stream events wrap an object.
        for i, name in enumerate(self.names):
            r = self.rng.random()
            self.kinds[name] = (
                "enum" if r < 0.12 else "union" if r < 0.20 else "event" if r < 0.23 and i > 10 else "object"
            )
        # Layers bound the reference depth as in real APIs (request -> message -> content ->
        # part -> ...): a schema refers to deeper layers only, plus a few back-references
        # (self and parent links) for recursion.
        self.level = {name: i % LEVELS for i, name in enumerate(self.names)}
        self.objects = [n for n in self.names if self.kinds[n] == "object"]
        self.deeper: dict[int, list[str]] = {
            lv: [
                n
                for n in self.names
                if self.kinds[n] == "enum" or (self.kinds[n] in ("object", "union") and self.level[n] > lv)
            ]
            for lv in range(-1, LEVELS)
        }
        self.deeper_objects = {
            lv: [n for n in self.objects if self.level[n] > lv] for lv in range(-1, LEVELS)
        }
        self.back: list[tuple[str, str]] = []
        self.members: dict[str, str] = {}  # object -> its literal `type` value (union member)
        for name in self.names:
            kind = self.kinds[name]
            if kind == "enum":
                self.schemas[name] = self.enum_schema()
        for name in self.names:
            if self.kinds[name] == "union":
                self.schemas[name] = self.union_schema(name)
        for name in self.names:
            if self.kinds[name] == "object":
                self.schemas[name] = self.object_schema(name)
            elif self.kinds[name] == "event":
                self.schemas[name] = self.event_schema()
        for child, parent in self.back:
            props = self.schemas[child]["properties"]
            link = "children" if child == parent else f"parent_{len(props)}"
            ref = {"$ref": f"#/components/schemas/{parent}"}
            props[link] = {"type": "array", "items": ref} if child == parent else ref
        self.schemas = {name: self.schemas[name] for name in self.names}
        spec: dict[str, Any] = {
            "openapi": "3.1.0",
            "info": {
                "title": f"Synthetic API {self.n}",
                "version": "1.0.0",
                "description": self.description(),
            },
            "servers": [{"url": "https://api.example.com/v1"}],
            "security": [{"bearerAuth": []}],
            "tags": [],
            "paths": self.paths(),
            "components": {
                "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
                "schemas": self.schemas,
            },
        }
        spec["tags"] = [{"name": t, "description": self.text(4, 10)} for t in sorted(self.tags)]
        return spec

    def enum_schema(self) -> dict[str, Any]:
        if self.rng.random() < 0.15:
            return {
                "type": "integer",
                "enum": sorted(self.rng.sample(range(0, 50), 4)),
                "description": self.description(),
            }
        k = self.rng.randint(2, 9)
        values = sorted({f"{self.rng.choice(_PROPS).lower()}_{self.rng.randint(0, 30)}" for _ in range(k)})
        return {"type": "string", "enum": values, "description": self.description()}

    def union_schema(self, name: str) -> dict[str, Any]:
        pool = self.deeper_objects[self.level[name]] or self.objects[-4:]
        free = [o for o in pool if o not in self.members]
        if self.rng.random() < 0.5 and len(free) >= 4:
            picked = self.rng.sample(free, self.rng.randint(2, 4))
            mapping = {}
            for obj in picked:
                tag = obj[0].lower() + obj[1:]
                self.members[obj] = tag
                mapping[tag] = f"#/components/schemas/{obj}"
            return {
                "description": self.description(),
                "oneOf": [{"$ref": ref} for ref in mapping.values()],
                "discriminator": {"propertyName": "type", "mapping": mapping},
            }
        picked = self.rng.sample(pool, min(len(pool), self.rng.randint(1, 3)))
        variants: list[Any] = [{"$ref": f"#/components/schemas/{o}"} for o in picked]
        variants.append(
            self.rng.choice(
                [{"type": "string"}, {"type": "integer"}, {"type": "array", "items": {"type": "string"}}]
            )
        )
        return {"description": self.description(), "oneOf": variants}

    def event_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "One server-sent event of a stream. " + self.text(3, 8),
            "required": ["data"],
            "properties": {
                "data": {"$ref": f"#/components/schemas/{self.rng.choice(self.deeper_objects[0])}"}
            },
        }

    def object_schema(self, name: str, depth: int = 0, level: int = -1) -> dict[str, Any]:
        if depth == 0:
            level = self.level[name]
            if self.rng.random() < 0.03:
                self.back.append((name, name))
        count = self.rng.randint(4, 18) if depth == 0 else self.rng.randint(2, 6)
        props: dict[str, Any] = {}
        for _ in range(count):
            prop = self.rng.choice(_PROPS)
            if prop in props or prop == "type":
                prop = f"{prop}_{len(props)}"
            props[prop] = self.property_schema(depth, level, name)
        required = sorted(p for p in props if self.rng.random() < 0.45)
        if depth == 0 and name in self.members:
            props = {
                "type": {"type": "string", "const": self.members[name], "description": "The object type."},
                **props,
            }
            required = ["type", *required]
        node: dict[str, Any] = {"type": "object", "description": self.description(), "properties": props}
        if required:
            node["required"] = required
        if depth == 0 and self.rng.random() < 0.1:
            node["additionalProperties"] = False
        return node

    def ref(self, level: int, owner: str = "") -> dict[str, Any]:
        target = self.rng.choice(self.deeper[level])
        if owner and self.kinds[target] == "object" and self.rng.random() < 0.02:
            self.back.append((target, owner))
        return {"$ref": f"#/components/schemas/{target}"}

    def property_schema(self, depth: int, level: int, owner: str) -> dict[str, Any]:
        r = self.rng.random()
        desc = self.description()
        if r < 0.30:
            node = {"type": "string", "description": desc, "example": self.text(1, 4).rstrip(".")}
            fmt = self.rng.random()
            if fmt < 0.1:
                node["format"] = "date-time"
                node["example"] = "2024-05-01T12:00:00Z"
            elif fmt < 0.15:
                node["format"] = "uuid"
                node["example"] = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
            elif fmt < 0.2:
                node["maxLength"] = 256
            return node
        if r < 0.42:
            node = {"type": "integer", "description": desc, "example": self.rng.randint(0, 5000)}
            if self.rng.random() < 0.3:
                node["minimum"] = 0
                node["default"] = 0
            return node
        if r < 0.47:
            return {"type": "number", "description": desc, "example": round(self.rng.random() * 2, 2)}
        if r < 0.52:
            return {"type": "boolean", "description": desc, "default": self.rng.random() < 0.5}
        if r < 0.70:
            return (
                {**self.ref(level, owner), "description": desc}
                if self.rng.random() < 0.5
                else self.ref(level, owner)
            )
        if r < 0.80:
            items = self.ref(level, owner) if self.rng.random() < 0.7 else {"type": "string"}
            return {"type": "array", "description": desc, "items": items}
        if r < 0.85:
            return {"type": "object", "description": desc, "additionalProperties": self.ref(level, owner)}
        if r < 0.90:
            return {"type": ["string", "null"], "description": desc}
        if r < 0.95 and depth < 2:
            return self.object_schema(owner, depth + 1, level)
        if r < 0.97:
            return {
                "type": "string",
                "description": desc,
                "enum": sorted({self.rng.choice(_PROPS).lower() for _ in range(3)}),
            }
        return {"anyOf": [self.ref(level, owner), {"type": "null"}], "description": desc}

    # -- paths -------------------------------------------------------------------------------
    def paths(self) -> dict[str, Any]:
        self.tags: set[str] = set()
        paths: dict[str, Any] = {}
        events = [n for n in self.names if self.kinds[n] == "event"]
        n_ops = max(2, self.n // 8)
        for i in range(n_ops):
            noun = self.rng.choice(_NOUNS)
            tag = noun + " " + self.rng.choice(("API", "Service", "Admin"))
            self.tags.add(tag)
            stream = events and i % 7 == 3
            method = "post" if stream or self.rng.random() < 0.5 else "get"
            path = f"/{noun.lower()}s/v{i}" + ("/{item_id}" if method == "get" and i % 2 else "")
            op: dict[str, Any] = {
                "operationId": f"{method}{noun}{i}",
                "summary": self.text(3, 8),
                "description": self.description(),
                "tags": [tag],
                "responses": {},
            }
            params = []
            if "{item_id}" in path:
                params.append(
                    {
                        "name": "item_id",
                        "in": "path",
                        "required": True,
                        "description": self.text(3, 6),
                        "schema": {"type": "string"},
                    }
                )
            if method == "get":
                params.append(
                    {
                        "name": "limit",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "integer", "default": 20},
                    }
                )
                params.append(
                    {"name": "after", "in": "query", "required": False, "schema": {"type": "string"}}
                )
            if params:
                op["parameters"] = params
            if method == "post":
                body = self.rng.choice(self.objects)
                op["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}},
                }
            if stream:
                event = self.rng.choice(events)
                op["responses"]["200"] = {
                    "description": "A stream of events",
                    "content": {"text/event-stream": {"schema": {"$ref": f"#/components/schemas/{event}"}}},
                }
            else:
                out = self.rng.choice(self.objects)
                op["responses"]["200"] = {
                    "description": "OK",
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{out}"}}},
                }
            err = self.rng.choice(self.objects)
            for status in ("400", "429"):
                op["responses"][status] = {
                    "description": "Error",
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{err}"}}},
                }
            paths[path] = {method: op}
        return paths


def write_spec(n: int, seed: int = 7, work: Path = WORK) -> Path:
    """Write `synth-<n>.yaml` and return its path."""
    work.mkdir(parents=True, exist_ok=True)
    spec = Synth(n, seed).build()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(spec, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    path = work / f"synth-{n}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for n in args.scales:
        path = write_spec(n, args.seed)
        print(f"{path.relative_to(ROOT)}: {n} schemas, {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
