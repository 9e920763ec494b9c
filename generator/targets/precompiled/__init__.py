"""Our templates compiled ahead of time, shipped as Python modules (`code/`), so that a
run without caches (a fresh CI machine) does not spend its first tenth of a second in Jinja's
compiler.

Each module is the Python source Jinja compiles one of our templates to, and installs as
bytecode like any module. It is used only when its key, recorded beside it in `KEYS`, equals
the key of what this run would compile: a hash of the template's source as read now, of the
Jinja version and of every setting of the environment that changes Jinja's output (`key`). A
template edited since, a user's `--templates` overlay (its own loader, never this one), another
Jinja or other settings: the key differs and Jinja compiles the template as it always did. So
the modules can lag behind the templates but never change what is rendered;
`tests/test_precompiled.py` fails while they lag (`python -m tests.precompiled_update` writes
them again).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import re
from collections.abc import Iterable, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

FOLDER = Path(__file__).resolve().parent / "code"
PACKAGE = f"{__package__}.code"


def fingerprint(env: jinja2.Environment) -> str:
    """What, besides a template's source, Jinja's compiled code depends on."""

    def passing(functions: dict[str, Any]) -> list[tuple[str, str]]:
        # how a filter or test is called (`pass_context` and the like) shapes the code
        return sorted((name, repr(getattr(f, "jinja_pass_arg", None))) for name, f in functions.items())

    settings = (
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.autoescape if isinstance(env.autoescape, bool) else "callable",
        env.finalize is None,
        sorted(env.extensions),
        passing(env.filters),
        passing(env.tests),
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
    )
    return repr(settings)


def key(env: jinja2.Environment, name: str, source: str) -> str:
    """The key of template `name` (`<target>/<path>`) compiled from `source` by `env`."""
    text = f"{fingerprint(env)}\0{name}\0{source}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def module_name(name: str) -> str:
    """The module of template `name`: `python/models/model.py.jinja` -> `python__models__model_py_jinja`."""
    return re.sub(r"\W", "_", name.replace("/", "__"))


def compiled(env: jinja2.Environment, name: str, source: str) -> CodeType | None:
    """The shipped code of template `name` when it is what `env` would compile from `source`."""
    try:
        from generator.targets.precompiled.code import KEYS
    except ImportError:  # (not written yet)
        return None
    if KEYS.get(name) != key(env, name, source):
        return None
    module = module_name(name)
    path = FOLDER / f"{module}.py"
    # The import system's loader: the module's bytecode from `__pycache__`, written when missing.
    loader = importlib.machinery.SourceFileLoader(f"{PACKAGE}.{module}", str(path))
    try:
        return loader.get_code(loader.name)
    except (OSError, ImportError, SyntaxError, ValueError):  # (missing or damaged: compile instead)
        return None


class Loader(jinja2.FileSystemLoader):
    """Our templates of one target (`templates/<target>/`), each from its shipped compiled code
    when that is current, else compiled by Jinja as usual."""

    def __init__(self, root: Path, target: str) -> None:
        super().__init__(str(root))
        self.target = target

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,  # noqa: A002 (Jinja's name)
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = compiled(environment, f"{self.target}/{name}", source)
        if code is None:
            return super().load(environment, name, globals)
        template = environment.template_class.from_code(environment, code, globals or {}, uptodate)
        template.filename = filename  # (tracebacks name the template, not the module)
        return template


def write(envs: Iterable[tuple[str, jinja2.Environment]]) -> list[str]:
    """Write the compiled code of every template of each `(target, env)` (`*.jinja` of the
    target's own folder) and their keys into `FOLDER`; returns the modules written."""
    FOLDER.mkdir(exist_ok=True)
    keys: dict[str, str] = {}
    written: list[str] = []
    for target, env in envs:
        loader = env.loader
        assert isinstance(loader, jinja2.ChoiceLoader)
        ours = next(x for x in loader.loaders if isinstance(x, Loader))
        for name in sorted(n for n in ours.list_templates() if n.endswith(".jinja")):
            source, _, _ = ours.get_source(env, name)
            full = f"{target}/{name}"
            module = module_name(full)
            assert module not in written, f"two templates share the module {module}"
            code = env.compile(source, name, None, raw=True)
            (FOLDER / f"{module}.py").write_text(code, encoding="utf-8")
            keys[full] = key(env, full, source)
            written.append(module)
    for stale in FOLDER.glob("*.py"):
        if stale.stem not in written and stale.name != "__init__.py":
            stale.unlink()
    listed = "".join(f"    {k!r}: {v!r},\n" for k, v in sorted(keys.items()))
    (FOLDER / "__init__.py").write_text(
        '"""Our templates\' keys, written by `python -m tests.precompiled_update`."""\n\n'
        f"KEYS = {{\n{listed}}}\n",
        encoding="utf-8",
    )
    return written
