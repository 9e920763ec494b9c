"""Settings: `[tool.sdkgen]` in pyproject.toml, overridden by command-line flags."""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import UsageError

_KEYS = {
    "spec",
    "out",
    "package",
    "sdk_class",
    "templates",
    "open_enums",
    "target",
    "overlays",
    "operations",
    "env_prefix",
}
# `[tool.sdkgen.<target>]` tables: per-target settings over the shared ones.
_TARGET_TABLES = {"python", "typescript"}
_TARGET_KEYS = {"out", "package", "sdk_class", "templates"}
_ENV_PREFIX = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
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
    overlays: tuple[Path, ...] = ()  # OpenAPI Overlay files applied in order
    # (operationId, Speakeasy key, value) from [tool.sdkgen.operations], for specs without
    # extensions: `name` is x-speakeasy-name-override, `group` x-speakeasy-group
    operation_names: tuple[tuple[str, str, str], ...] = ()
    env_prefix: str = ""  # credential variables are `<ENV_PREFIX>_<SCHEME>`; "" keeps `<PACKAGE>_<SCHEME>`

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
    values = _values(table, root, pyproject)
    chosen = target or values.get("target", Settings.target)
    section = table.get(chosen, {})
    if not isinstance(section, dict) or set(section) - _TARGET_KEYS:
        raise UsageError(f"{pyproject}: [tool.sdkgen.{chosen}] takes only {', '.join(sorted(_TARGET_KEYS))}")
    own = _values(section, root, pyproject)
    if chosen != values.get("target", Settings.target) and "out" not in own:
        # Another target never writes into the default target's folder.
        own["out"] = Path(f"{values.get('out', root / Settings.out)}-{chosen}")
    values.update(own, target=chosen)
    return replace(Settings(), **values)


def _values(table: dict[str, Any], root: Path, pyproject: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in ("spec", "out", "templates"):
        if key in table:
            values[key] = root / str(table[key])
    for key in ("package", "sdk_class", "target"):
        if key in table:
            values[key] = str(table[key])
    if "overlays" in table:
        overlays = table["overlays"]
        if not isinstance(overlays, list) or not all(isinstance(o, str) for o in overlays):
            raise UsageError(f"{pyproject}: [tool.sdkgen] overlays must be a list of file paths")
        values["overlays"] = tuple(root / o for o in overlays)
    if "operations" in table:
        values["operation_names"] = _operation_names(table["operations"], pyproject)
    if "env_prefix" in table:
        prefix = table["env_prefix"]
        if not isinstance(prefix, str) or not _ENV_PREFIX.match(prefix):
            raise UsageError(f"{pyproject}: [tool.sdkgen] env_prefix must be an environment variable name")
        values["env_prefix"] = prefix.upper()
    if "open_enums" in table:
        values["open_enums"] = bool(table["open_enums"])
    return values


_OPERATION_KEYS = {"name": "x-speakeasy-name-override", "group": "x-speakeasy-group"}


def _operation_names(table: Any, pyproject: Path) -> tuple[tuple[str, str, str], ...]:
    """`{operationId = {name = "...", group = "..."}}` -> ((operationId, extension, value), ...),
    every entry checked."""
    where = f"{pyproject}: [tool.sdkgen.operations]"
    if not isinstance(table, dict):
        raise UsageError(f"{where} must be a table of operationId = {{ name = ... }}")
    out: list[tuple[str, str, str]] = []
    for op_id, entry in table.items():
        ok = isinstance(entry, dict) and entry and set(entry) <= set(_OPERATION_KEYS)
        if not ok or not all(isinstance(v, str) for v in entry.values()):
            raise UsageError(
                f'{where} {op_id!r}: expected {{ name = "method_name" }} and/or {{ group = "a.b" }}'
            )
        out.extend((op_id, _OPERATION_KEYS[key], value) for key, value in entry.items())
    return tuple(out)


def validate_npm_package(name: str) -> str:
    """A package name must be a valid npm name: lowercase, URL-safe, optionally `@scope/`d."""
    if len(name) > 214 or not _NPM_NAME.match(name) or name.rsplit("/", 1)[-1].startswith((".", "_")):
        raise UsageError(f"--package {name!r}: not a valid npm package name")
    return name


def validate_class_name(name: str) -> str:
    """The SDK class name must be an identifier that does not clash with the runtime."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name):
        raise UsageError(f"--sdk-class {name!r}: not a valid Python class name")
    return name
