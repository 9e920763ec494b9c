"""The docs view of the TypeScript SDK: model, enum and alias pages in the reference SDK's format.

Cells, widths and links come from the shared `docs_format`; type cells speak TypeScript
(`*string*`, `[components.X](...)[]`, `Record<string, *any*>`, unions with `\\|`); examples
come from the shared value engine, written as TypeScript with camelCase properties.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.docs_format import CHECK, MINUS, cell, description, example_cell, json_text, table
from generator.example_values import named_ref
from generator.ir import MISSING, Alias, Api, Enum, Model, Named, TypeRef
from generator.targets.typescript.examples import TsExamples
from generator.targets.typescript.models import enum_keys
from generator.targets.typescript.names import TsNames
from generator.targets.typescript.text import ts_value

PAGE_PREFIX = "../../"  # from docs/<section>/<folder>/page.md back to docs/
_DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
_SCALARS = {
    "str": "string",
    "uuid": "string",
    "date": "string",
    "time": "string",
    "bytes": "string",
    "decimal": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "any": "any",
    "null": "null",
}


class TypeCell:
    """Type cells in the reference SDK's TypeScript style."""

    def __init__(self, api: Api, names: TsNames, prefix: str = PAGE_PREFIX) -> None:
        self.api = api
        self.names = names
        self.prefix = prefix

    def link(self, ir_name: str) -> str:
        """The relative link to a named type's page."""
        module = self.api.named(ir_name).module
        return f"{self.prefix}models/{module}/{self.names.module(ir_name)}.md"

    def cell(self, t: TypeRef) -> str:
        """The cell for a value of type `t` (`| *null*` when nullable)."""
        text = self._bare(t)
        return f"{text} | *null*" if t.nullable and t.kind not in ("null", "any") else text

    def _bare(self, t: TypeRef) -> str:
        kind = t.kind
        if kind in _SCALARS:
            return f"*{_SCALARS[kind]}*"
        if kind == "datetime":
            return _DATE
        if kind in ("model", "enum", "alias"):
            module = self.api.named(t.name).module
            return f"[{module}.{self.names.type(t.name)}]({self.link(t.name)})"
        if kind == "list":
            inner = self.cell(t.args[0])
            return f"({inner})[]" if " | " in inner else f"{inner}[]"
        if kind == "map":
            return f"Record<string, {self.cell(t.args[0])}>"
        if kind == "literal":
            return " | ".join(f"*{ts_value(v)}*" for v in t.values)
        if kind == "union":
            return " | ".join(dict.fromkeys(self.cell(a) for a in t.args))
        raise AssertionError(kind)


@dataclass
class Page:
    """One model, enum or alias page."""

    name: str
    description: str
    example: str
    section: str  # Fields | Values | Supported Types
    body: str


class TsDocs:
    """Builds every page from one Api with one example engine."""

    def __init__(self, api: Api, names: TsNames) -> None:
        self.api = api
        self.names = names
        self.examples = TsExamples(api, names)
        self.types = TypeCell(api, names)

    def page(self, named: Named) -> Page:
        """The view of a model, enum or alias page."""
        name = self.names.type(named.name)
        value = self.examples.named_value(named)
        code = "\n".join(
            [
                f'import {{ {name} }} from "{self.api.package}/models/{named.module}";',
                "",
                f"let value: {name} = {self.examples.source(value, named_ref(named))};",
            ]
        )
        desc = named.description.strip()
        if isinstance(named, Model):
            return Page(name, desc, code, "Fields", self._fields(named))
        if isinstance(named, Enum):
            pairs = zip(enum_keys(named), named.members, strict=True)
            rows = [[f"`{key}`", cell(json_text(m.value))] for key, m in pairs]
            return Page(name, desc, code, "Values", table(["Name", "Value"], rows))
        return Page(name, desc, code, "Supported Types", self._members(named))

    def _fields(self, model: Model) -> str:
        if not model.fields:
            return "This model declares no fields; it accepts any properties."
        props = self.names.fields(model, model.fields)
        with_example = any(f.example is not MISSING for f in model.fields)
        headers = ["Field", "Type", "Required", "Description"] + (["Example"] if with_example else [])
        rows = []
        for f in model.fields:
            row = [
                f"`{props[f.wire]}`",
                cell(self.types.cell(f.type)),
                CHECK if f.required else MINUS,
                description(f.doc, f.deprecated),
            ]
            if with_example:
                row.append(example_cell(f.example))
            rows.append(row)
        return table(headers, rows)

    def _members(self, alias: Alias) -> str:
        target = alias.target
        members = target.args if target.kind == "union" else (target,)
        lines = []
        for m in members:
            doc = self.api.named(m.name).description if m.kind in ("model", "enum", "alias") else ""
            first = doc.strip().splitlines()[0] if doc.strip() else ""
            lines.append(f"* {cell(self.types.cell(m))}" + (f": {first}" if first else ""))
        return "\n".join(lines)
