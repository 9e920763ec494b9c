"""Settings: `[tool.sdkgen]` in pyproject.toml, overridden by command-line flags."""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import UsageError

_KEYS = {"spec", "out", "package", "sdk_class", "templates", "open_enums", "target"}
# `[tool.sdkgen.<target>]` tables: per-target settings over the shared ones.
_TARGET_TABLES = {"python", "typescript"}
_TARGET_KEYS = {"out", "package", "sdk_class", "templates"}
_NPM_NAME = re.compile(r"^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$")


@dataclass(frozen=True)
class Settings:
    """Everything one generator run needs to know besides the spec itself."""

    spec: Path = Path("spec/openapi.yaml")
    out: Path = Path("generated")
    package: str = "sdk"
    sdk_class: str = ""
    templates: Path | None = None
    open_enums: bool = True
    target: str = "python"

    @property
    def client_class(self) -> str:
        """The SDK class name: configured, or the package name in PascalCase."""
        if self.sdk_class:
            return self.sdk_class
        # An npm name (`@scope/atoma-sdk`) gives its last part's words: `AtomaSdk`.
        bare = self.package.rsplit("/", 1)[-1]
        return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_.-]", bare) if part)


def load_settings(root: Path, target: str | None = None) -> Settings:
    """Read `[tool.sdkgen]` (and `[tool.sdkgen.<target>]` over it) from `root/pyproject.toml`;
    paths are relative to `root`."""
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return Settings()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{pyproject}: cannot read [tool.sdkgen]: {exc}") from None
    table = data.get("tool", {}).get("sdkgen", {})
    if not isinstance(table, dict):
        raise UsageError(f"{pyproject}: [tool.sdkgen] must be a table")
    unknown = sorted(set(table) - _KEYS - _TARGET_TABLES)
    if unknown:
        raise UsageError(f"{pyproject}: unknown [tool.sdkgen] key(s): {', '.join(unknown)}")
    values = _values(table, root)
    chosen = target or values.get("target", Settings.target)
    section = table.get(chosen, {})
    if not isinstance(section, dict) or set(section) - _TARGET_KEYS:
        raise UsageError(f"{pyproject}: [tool.sdkgen.{chosen}] takes only {', '.join(sorted(_TARGET_KEYS))}")
    own = _values(section, root)
    if chosen != values.get("target", Settings.target) and "out" not in own:
        # Another target never writes into the default target's folder.
        own["out"] = Path(f"{values.get('out', root / Settings.out)}-{chosen}")
    values.update(own, target=chosen)
    return replace(Settings(), **values)


def _values(table: dict[str, Any], root: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in ("spec", "out", "templates"):
        if key in table:
            values[key] = root / str(table[key])
    for key in ("package", "sdk_class", "target"):
        if key in table:
            values[key] = str(table[key])
    if "open_enums" in table:
        values["open_enums"] = bool(table["open_enums"])
    return values


def validate_package(name: str) -> str:
    """A package name must be a plain, non-keyword Python identifier."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name):
        raise UsageError(f"--package {name!r}: not a valid Python import name")
    if name.startswith("_") or name in {"generator", "pydantic", "httpx", "typing"}:
        raise UsageError(f"--package {name!r}: reserved name, choose another")
    return name


def validate_npm_package(name: str) -> str:
    """A package name must be a valid npm name: lowercase, URL-safe, optionally `@scope/`d."""
    if len(name) > 214 or not _NPM_NAME.match(name) or name.rsplit("/", 1)[-1].startswith((".", "_")):
        raise UsageError(f"--package {name!r}: not a valid npm package name")
    return name


def validate_package_for(target: str, name: str) -> str:
    """The package-name rule of `target`: npm names for TypeScript, import names otherwise."""
    return validate_npm_package(name) if target == "typescript" else validate_package(name)


def validate_class_name(name: str) -> str:
    """The SDK class name must be an identifier that does not clash with the runtime."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name):
        raise UsageError(f"--sdk-class {name!r}: not a valid Python class name")
    return name
