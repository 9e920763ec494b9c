"""A usage program for a rendered Python SDK: touches every public name, fully typed.

Ground truth for `sdkgen diff`: written from the OLD SDK's source (parsed with `ast`,
independent of `generator.diff`), then type-checked against the NEW SDK. Every method is
called with every argument and with only the required ones, and its result bound to the
old return annotation; every model field is read into its old annotation and every model
built with all fields and with the required ones; every enum member, alias, resource
class and client keyword is named.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

_PRELUDE = """\
from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Annotated, Any, Literal

import httpx
from pydantic import Field
"""


@dataclass
class Sig:
    """A function's keyword arguments: (name, annotation without Unset, required)."""

    name: str
    args: list[tuple[str, str, bool]] = field(default_factory=list)
    returns: str = "None"


def _strip_unset(node: ast.expr) -> ast.expr:
    """`X | Unset` -> `X`: callers pass values, not the UNSET marker."""
    members: list[ast.expr] = []

    def flatten(n: ast.expr) -> None:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitOr):
            flatten(n.left)
            flatten(n.right)
        elif not (isinstance(n, ast.Name) and n.id == "Unset"):
            members.append(n)

    flatten(node)
    out = members[0]
    for m in members[1:]:
        out = ast.BinOp(out, ast.BitOr(), m)
    return out


def _sig(fn: ast.FunctionDef) -> Sig:
    args = fn.args
    sig = Sig(fn.name, returns=ast.unparse(fn.returns) if fn.returns else "None")
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        assert arg.annotation is not None
        sig.args.append((arg.arg, ast.unparse(_strip_unset(arg.annotation)), default is None))
    return sig


def _public_methods(cls: ast.ClassDef) -> list[Sig]:
    return [
        _sig(n)
        for n in cls.body
        if isinstance(n, ast.FunctionDef) and not n.name.startswith("_") and n.args.kwonlyargs
    ]


def _class(tree: ast.Module, name: str) -> ast.ClassDef:
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)


def _exports(text: str) -> list[str]:
    """Names a lazy `__init__` exports, read from its `__all__`."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            return [str(v) for v in value]
    return []


class Writer:
    """Accumulates the usage program's functions."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.count = 0

    def fn(self, params: list[tuple[str, str]], body: list[str]) -> None:
        """A function with typed positional parameters and a body."""
        self.count += 1
        head = ", ".join(f"{n}: {a}" for n, a in params)
        self.lines += [
            "",
            "",
            f"def use_{self.count}({head}) -> None:",
            *(f"    {b}" for b in body or ["pass"]),
        ]


def _call(target: str, sig: Sig, writer: Writer, prefix: list[tuple[str, str]]) -> None:
    params = [*prefix, *((f"a{i}", ann) for i, (_, ann, _) in enumerate(sig.args))]
    every = ", ".join(f"{n}=a{i}" for i, (n, _, _) in enumerate(sig.args))
    required = ", ".join(f"{n}=a{i}" for i, (n, _, req) in enumerate(sig.args) if req)
    bind = "" if sig.returns == "None" else f"r: {sig.returns} = "
    writer.fn(params, [f"{bind}{target}({every})", f"{target}({required})"])


def _model(name: str, cls: ast.ClassDef, writer: Writer) -> None:
    fields: list[tuple[str, str, str, bool]] = []  # attr, annotation, constructor keyword, required
    for node in cls.body:
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        attr, annotation = node.target.id, ast.unparse(node.annotation)
        if attr.startswith("_") or annotation.startswith("ClassVar"):
            continue
        keyword, required = attr, node.value is None
        if isinstance(node.value, ast.Call):
            kws = {k.arg: k.value for k in node.value.keywords}
            alias = kws.get("alias")
            if isinstance(alias, ast.Constant):
                keyword = str(alias.value)
            required = "default" not in kws and "default_factory" not in kws
        fields.append((attr, annotation, keyword, required))
    params = [("m", name), *((f"v{i}", ann) for i, (_, ann, _, _) in enumerate(fields))]
    body = [f"r{i}: {ann} = m.{attr}" for i, (attr, ann, _, _) in enumerate(fields)]
    if all(k.isidentifier() for _, _, k, _ in fields):
        body.append(f"{name}({', '.join(f'{k}=v{i}' for i, (_, _, k, _) in enumerate(fields))})")
        body.append(f"{name}({', '.join(f'{k}=v{i}' for i, (_, _, k, req) in enumerate(fields) if req)})")
    writer.fn(params, body)


def _module_names(files: dict[str, str], pkg: str, sub: str, writer: Writer) -> list[tuple[str, str]]:
    """Models, enums and aliases of `pkg.models.<sub>`; returns (module, name) to import."""
    found = []
    for name in _exports(files[f"{pkg}/models/{sub}/__init__.py"]):
        module = next(p for p in files if p.startswith(f"{pkg}/models/{sub}/") and _defines(files[p], name))
        found.append((module[len(pkg) + 1 : -3].replace("/", "."), name))
        tree = ast.parse(files[module])
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == name:
                bases = {ast.unparse(b) for b in node.bases}
                if bases & {"StrEnum", "IntEnum", "Enum"}:
                    members = [
                        t.id
                        for n in node.body
                        if isinstance(n, ast.Assign)
                        for t in n.targets
                        if isinstance(t, ast.Name)
                    ]
                    writer.fn([], [f"e{i}: {name} = {name}.{m}" for i, m in enumerate(members)])
                else:
                    _model(name, node, writer)
            elif (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.target.id == name
            ):
                assert node.value is not None
                target = ast.unparse(node.value)
                writer.fn([("v", target)], [f"w: {name} = v", f"u: {target} = w"])
    return found


def _defines(text: str, name: str) -> bool:
    return f"\nclass {name}(" in text or f"\n{name}: TypeAlias" in text


def usage_program(files: dict[str, str], pkg: str, sdk_class: str, import_as: str) -> str:
    """The usage program of the SDK `files` (package `pkg`), importing it as `import_as`."""
    writer = Writer()
    sdk = ast.parse(files[f"{pkg}/sdk.py"])
    client = _class(sdk, sdk_class)
    init = next(n for n in client.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    _call(sdk_class, _sig(init), writer, [])
    resource_classes = _exports(files[f"{pkg}/resources/__init__.py"])
    for node in client.body:
        if isinstance(node, ast.FunctionDef) and node.decorator_list and node.returns is not None:
            cls = ast.unparse(node.returns)
            writer.fn([("c", sdk_class)], [f"res: {cls} = c.{node.name}"])
            tree = ast.parse(files[f"{pkg}/resources/{_module_of(files, pkg, cls)}"])
            for sig in _public_methods(_class(tree, cls)):
                _call(f"c.{node.name}.{sig.name}", sig, writer, [("c", sdk_class)])
    for base in client.bases:
        name = ast.unparse(base)
        if name in resource_classes:  # untagged operations: methods of the client itself
            tree = ast.parse(files[f"{pkg}/resources/{_module_of(files, pkg, name)}"])
            for sig in _public_methods(_class(tree, name)):
                _call(f"c.{sig.name}", sig, writer, [("c", sdk_class)])
    found = [m for sub in ("components", "operations") for m in _module_names(files, pkg, sub, writer)]
    found += [
        (f"resources.{_module_of(files, pkg, n)[:-3]}", n)
        for n in resource_classes
        if not n.startswith("Async")
    ]
    imports = [
        f"from {import_as} import {sdk_class}, EventStream, ResumeConfig, RetryConfig",
        f"from {import_as}._http import ExtraBody, ExtraHeaders, ExtraQuery, TimeoutTypes",
    ]
    # From the defining modules: the lazy `__init__`s' module `__getattr__` would type any
    # missing name as Any, hiding a removal from mypy.
    imports += [f"from {import_as}.{module} import {name}" for module, name in found]
    return _PRELUDE + "\n".join(imports) + "\n" + "\n".join(writer.lines) + "\n"


def _module_of(files: dict[str, str], pkg: str, cls: str) -> str:
    """The resources module defining class `cls`."""
    for path, text in files.items():
        if path.startswith(f"{pkg}/resources/") and f"\nclass {cls}:" in text:
            return path.rsplit("/", 1)[1]
    raise KeyError(cls)
