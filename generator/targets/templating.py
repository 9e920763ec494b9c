"""The Jinja environment every target renders with: the user's template folder first, then ours.

StrictUndefined (a typo in a template fails loudly), no autoescaping (targets escape values
themselves, for their own language), trailing newlines kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.runtime import new_context

from generator.targets.precompiled import Loader as Precompiled
from generator.targets.template_cache import bytecode_cache

_PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# An installed wheel ships the templates inside the package (see pyproject's force-include).
TEMPLATES = (
    _PROJECT_TEMPLATES if _PROJECT_TEMPLATES.is_dir() else Path(__file__).resolve().parents[1] / "_templates"
)


class Env:
    """Renders one target's templates (`templates/<target>/`), the user's overlay winning."""

    def __init__(
        self,
        target: str,
        overlay: Path | None,
        filters: dict[str, Callable[..., Any]],
        globals_: dict[str, Any],
    ) -> None:
        self.root = TEMPLATES / target
        self.overlay = overlay
        self._overridden: dict[str, bool] = {}
        loaders: list[jinja2.BaseLoader] = []
        if overlay is not None:
            loaders.append(jinja2.FileSystemLoader(str(overlay)))
        # ours: compiled ahead of time when current (`precompiled`), else by Jinja
        loaders.append(Precompiled(self.root, target))
        self.jinja = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,
            bytecode_cache=bytecode_cache(),
            # Templates do not change during a run: no mtime check per `get_template`.
            auto_reload=False,
        )
        self.jinja.filters.update(filters)
        self.globals = globals_
        # Jinja's globals and ours, merged once: `Template.render` would copy Jinja's (a
        # ChainMap) into a fresh context for each of the thousands of files.
        self._base = {**self.jinja.globals, **globals_}

    def render(self, name: str, **context: Any) -> str:
        """Render one template with the target's global variables (e.g. the file header)."""
        template = self.jinja.get_template(name)
        ctx = new_context(self.jinja, template.name, template.blocks, {**self._base, **context}, shared=True)
        try:
            return "".join(template.root_render_func(ctx))
        except Exception:
            self.jinja.handle_exception()  # a traceback that names the template's lines

    def overridden(self, name: str) -> bool:
        """Whether the user's template folder replaces our template `name`."""
        found = self._overridden.get(name)
        if found is None:
            found = self._overridden[name] = self.overlay is not None and (self.overlay / name).is_file()
        return found

    def source(self, name: str) -> str:
        """A template's raw text, for files shipped verbatim (the overlay may replace them)."""
        loader = self.jinja.loader
        assert loader is not None
        text, _, _ = loader.get_source(self.jinja, name)
        return text

    def ours(self, folder: str, suffix: str) -> list[str]:
        """The names of our files in `folder` ending in `suffix`, sorted."""
        return sorted(p.name for p in (self.root / folder).glob(f"*{suffix}"))
