"""IR -> the TypeScript SDK's `{relative path: text}`: zod models, fetch client, runtime, docs.

Views compute every value; templates (`templates/typescript/`) print them. Nothing here
touches the output folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.config import validate_npm_package
from generator.ir import Api, Named
from generator.targets.base import HEADER, Files, Rendered
from generator.targets.templating import Env
from generator.targets.typescript.client import resource_views, sdk_view, unsupported
from generator.targets.typescript.docs import ResourceDocs, TsDocs
from generator.targets.typescript.models import module_views
from generator.targets.typescript.names import TsNames
from generator.targets.typescript.text import doc_comment, ts_string
from generator.targets.typescript.webhooks import docs_context, docs_page, readme_entry, webhooks_view

TS_HEADER = f"// {HEADER}"


class TypeScriptTarget:
    """`render(api)`: the whole TypeScript SDK package as a file map."""

    name = "typescript"
    renders_webhooks = True  # `sdk.webhooks.unwrap` (the CLI notes targets without it)
    applies_retry_policies = True  # x-speakeasy-retries, exactly (`retries.py`, lib/http.ts)
    pages_lists = True  # a list that pages returns a `Page` (`paging.py`, lib/pages.ts)

    def __init__(self, templates: Path | None = None) -> None:
        filters: dict[str, Callable[..., Any]] = {"tsstr": ts_string, "doc": doc_comment}
        self.env = Env("typescript", templates, filters, {"header": TS_HEADER})

    def check_package(self, package: str) -> None:
        """`--package` is the npm package name (`atoma-sdk`, `@scope/name`)."""
        validate_npm_package(package)

    def render(self, api: Api) -> Rendered:
        """Every output file of the SDK, and the spec problems the docs examples found."""
        names = TsNames(api)
        files: Files = {}
        _models(api, names, self.env, files)
        warnings = _docs(api, names, self.env, files)
        _package(api, self.env, files)
        _client(api, names, self.env, files)
        for name in self.env.ours("lib", ".ts"):
            files[f"src/lib/{name}"] = f"{TS_HEADER}\n\n{self.env.source('lib/' + name)}"
        return Rendered(dict(sorted(files.items())), (*warnings, *unsupported(api)))


def _models(api: Api, names: TsNames, env: Env, files: Files) -> None:
    modules: dict[str, list[str]] = {"components": [], "operations": []}
    for named, view in module_views(api, names):
        stem = names.module(named.name)
        files[f"src/models/{named.module}/{stem}.ts"] = env.render(f"models/{view.kind}.ts.jinja", view=view)
        modules[named.module].append(stem)
    for package, stems in modules.items():
        files[f"src/models/{package}/index.ts"] = env.render("models/index.ts.jinja", modules=stems)


def _docs(api: Api, names: TsNames, env: Env, files: Files) -> tuple[str, ...]:
    docs = TsDocs(api, names)
    docs.examples.check_all()
    everything: list[Named] = [*api.models, *api.enums, *api.aliases]
    for named in everything:
        path = f"docs/models/{named.module}/{names.module(named.name)}.md"
        files[path] = env.render("docs/model.md.jinja", page=docs.page(named)).rstrip("\n")
    pages = ResourceDocs(docs)
    for res in api.resources:
        page = pages.page(res)
        path = f"docs/sdks/{names.resource_file(res)}/README.md"
        files[path] = env.render("docs/resource.md.jinja", res=page, header_text=HEADER).rstrip("\n")
    hooks = webhooks_view(api, names)
    if hooks is not None:
        context = docs_context(api, hooks, docs.types, pages.usage)
        page_text = env.render("docs/webhooks.md.jinja", header_text=HEADER, **context)
        files[docs_page(hooks)] = page_text.rstrip("\n")
    readme = pages.readme()
    readme["webhooks"] = hooks
    if hooks is not None:
        readme["resources"].append(readme_entry(hooks))
    files["README.md"] = env.render("docs/readme.md.jinja", header_text=HEADER, **readme).rstrip("\n")
    return tuple(dict.fromkeys(docs.examples.warnings))


def _package(api: Api, env: Env, files: Files) -> None:
    subpaths = ["models/components", "models/operations"]
    files["package.json"] = env.render(
        "package/package.json.jinja",
        header_text=HEADER,
        package=api.package,
        version=npm_version(api.version),
        description=" ".join(f"{api.title} SDK".split()),
        subpaths=subpaths,
    )
    files["tsconfig.json"] = env.source("package/tsconfig.json")


def npm_version(version: str) -> str:
    """The spec's version when it is plain semver, else 0.1.0."""
    return version if re.fullmatch(r"\d+\.\d+\.\d+", version) else "0.1.0"


def _client(api: Api, names: TsNames, env: Env, files: Files) -> None:
    resources = resource_views(api, names)
    for res in resources:
        files[f"src/sdk/{res.file}.ts"] = env.render("client/resource.ts.jinja", res=res)
    hooks = webhooks_view(api, names)
    if hooks is not None:
        files[f"src/sdk/{hooks.file}.ts"] = env.render("client/webhooks.ts.jinja", view=hooks)
    view = sdk_view(api, names, resources)
    files["src/sdk/sdk.ts"] = env.render("client/sdk.ts.jinja", view={**view, "webhooks": hooks})
    files["src/index.ts"] = env.render("package/index.ts.jinja", resources=resources, webhooks=hooks)
