"""IR -> the Python SDK's `{relative path: text}`: models, client, runtime, docs, packaging.

Views compute every value; templates (`templates/python/`) print them; ruff formats the
Python in one background batch while the docs render, and the docs' code blocks with the last
batch (see `layout.py`). Nothing here touches the output folder.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from generator import forked
from generator.forked import Forked
from generator.ir import Api
from generator.targets.base import HEADER, Files, Rendered
from generator.targets.python.client import render_client
from generator.targets.python.docs import docs_pages
from generator.targets.python.models import ImportGraph, import_graph, module_views, too_deep
from generator.targets.python.names import PyNames, check_package
from generator.targets.python.ruff import FormatCache, FormatJob
from generator.targets.python.settled import in_all_order
from generator.targets.python.text import docstring
from generator.targets.python.types import py_literal
from generator.targets.python.webhooks import webhooks_view
from generator.targets.templating import Env

PY_HEADER = f"# {HEADER}"
_MODULE_DOCS = {
    "components": "Models of the spec's component schemas.",
    "operations": "Models of operation requests, responses and stream events.",
}


class PythonTarget:
    """`render(api)`: the whole Python SDK distribution as a file map."""

    name = "python"
    renders_webhooks = True  # `sdk.webhooks.unwrap` (the CLI notes targets without it)
    applies_retry_policies = True  # x-speakeasy-retries, exactly (`retries.py`)
    pages_lists = True  # page objects that iterate every item (`paging.py`)

    def __init__(self, templates: Path | None = None) -> None:
        filters = {"pyrepr": py_literal, "tomlstr": toml_string, "doc": docstring}
        self.env = Env("python", templates, filters, {"header": PY_HEADER})

    def check_package(self, package: str) -> None:
        """`--package` is the SDK's import name: a plain Python identifier."""
        check_package(package)

    def render(self, api: Api) -> Rendered:
        """Every output file of the SDK, and the spec problems the docs examples found."""
        env = self.env
        pkg = api.package
        names = PyNames(api)
        cache = FormatCache(pkg)
        # On a large spec the docs (about half the work) render in a forked child meanwhile.
        docs_job = Forked(lambda: _docs(api, names, env, cache)) if parallel(api) else None
        files: Files = {}
        graph = import_graph(api, names)
        settled = _models(api, names, env, files, graph)
        files[f"{pkg}/py.typed"] = ""
        files[f"{pkg}/models/__init__.py"] = env.render("package/models_init.py.jinja", api=api)
        files["pyproject.toml"] = env.render(
            "package/pyproject.toml.jinja",
            api=api,
            header_text=HEADER,
            dist_name=pkg.replace("_", "-"),
            version=dist_version(api.version),
            description=" ".join(f"{api.title} SDK".split()),
        )
        # The model modules (the bulk of the Python) are formatted by ruff in the background
        # while the client and docs render: on two or more cores the formatter is nearly free.
        job = FormatJob(files, pkg, cache, settled)
        try:
            files.update(render_client(api, names, env))
            hooks = webhooks_view(api)
            if hooks is not None:
                files[f"{pkg}/webhooks.py"] = env.render("client/webhooks.py.jinja", view=hooks)
            if docs_job is None:
                docs = docs_pages(api, names)
                # The docs' code blocks join the last batch (one ruff run fewer).
                docs.blocks.lay_out(job.finish(files, docs.blocks.scratch(cache)), job.format)
                pages, warnings = docs.render(env), docs.warnings
            else:
                job.finish(files)
                pages, warnings, formatted = docs_job.result()
                cache.fresh.update(formatted)
        finally:
            job.close()
            if docs_job is not None:
                docs_job.cancel()
        files.update(pages)
        cache.save()
        # The runtime ships byte for byte as written (its sources are ruff-formatted already).
        for name in env.ours("runtime", ".py"):
            files[f"{pkg}/{name}"] = f"{PY_HEADER}\n{env.source('runtime/' + name)}"
        return Rendered(dict(sorted(files.items())), (*too_deep(api, names, graph), *warnings))


# Below this many docs pages the fork, the pickled result and a ruff run of its own cost more
# than the child saves (measured in BENCHMARKS.md, "Parallel docs").
PARALLEL_PAGES = 300


def parallel(api: Api) -> bool:
    """Whether the docs render in a forked child: only when asked (`SDKGEN_PARALLEL=1`: always,
    `auto`: a spec with at least PARALLEL_PAGES pages, when a CPU is idle), where fork is safe.
    Off by default: no wall-time gain could be measured on this project's 2-core machine, where
    writing the files dominates (BENCHMARKS.md, "Parallel docs")."""
    wanted = os.environ.get("SDKGEN_PARALLEL", "")
    if wanted not in ("1", "auto") or not forked.available():
        return False
    if wanted == "1":
        return True
    pages = len(api.models) + len(api.enums) + len(api.aliases) + len(api.resources)
    return pages >= PARALLEL_PAGES and forked.idle_cpu()


def _docs(
    api: Api, names: PyNames, env: Env, cache: FormatCache
) -> tuple[Files, tuple[str, ...], dict[bytes, str]]:
    """The docs pages, the spec examples that fail their schema and what ruff newly formatted,
    the code blocks laid out by a ruff run of their own (the same layout: each block is
    formatted alone)."""
    docs = docs_pages(api, names)
    job = FormatJob({}, api.package, cache)
    try:
        docs.blocks.lay_out(job.finish({}, docs.blocks.scratch(cache)), job.format)
    finally:
        job.close()
    return docs.render(env), docs.warnings, cache.fresh


def _models(api: Api, names: PyNames, env: Env, files: Files, graph: ImportGraph) -> set[str]:
    """Render the model modules into `files`; returns those printed by our own templates, which
    print what ruff would (`settled.py`): each skips ruff when `settled` passes it."""
    exports: dict[str, list[tuple[str, str]]] = {"components": [], "operations": []}
    pkg = api.package
    ours: set[str] = set()
    for view in module_views(api, names, graph):
        path = f"{pkg}/models/{view.package}/{view.module}.py"
        template = f"models/{view.kind}.py.jinja"
        files[path] = env.render(template, view=view)
        if not env.overridden(template):
            ours.add(path)
        exports[view.package].append((view.name, view.module))
    for package, items in exports.items():
        files[f"{pkg}/models/{package}/__init__.py"] = env.render(
            "models/init.py.jinja", exports=in_all_order(items), doc=_MODULE_DOCS[package]
        )
    return ours


def toml_string(value: str) -> str:
    """A TOML basic string: JSON escaping, plus DEL, which TOML forbids raw."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def dist_version(version: str) -> str:
    """The spec's version if PEP 440 accepts it as a plain release, else 0.1.0."""
    return version if re.fullmatch(r"\d+(\.\d+){0,3}", version) else "0.1.0"
