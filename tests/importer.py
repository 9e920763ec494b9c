"""Import every module of a generated package, one by one, and check its pydantic models.

Each model must be complete (every forward reference resolves) and have a JSON schema: one
schema call covers all of a package's models; only when it fails does one call per model name
the culprit. Used in-process (`check`, `check_here`) and as a script in a fresh interpreter:
`python tests/importer.py RESULTS.jsonl PACKAGE...` prints each package's failures and a count
line, and appends one JSON line per package to RESULTS as it finishes.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema


def check(package: str) -> tuple[list[str], list[str]]:
    """(modules imported, failures) for an importable package."""
    root = importlib.import_module(package)
    names = [package] + sorted(m.name for m in pkgutil.walk_packages(root.__path__, package + "."))
    bad: list[str] = []
    models: list[tuple[str, type[BaseModel]]] = []
    for name in names:
        try:
            module = importlib.import_module(name)
            for obj in list(vars(module).values()):
                if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == name:
                    obj.model_rebuild()
                    models.append((name, obj))
        except Exception as exc:
            bad.append(f"{name}: {type(exc).__name__}: {str(exc)[:500]}")
    try:
        models_json_schema([(model, "validation") for _, model in models])
    except Exception:
        for name, model in models:
            try:
                model.model_json_schema()
            except Exception as exc:
                bad.append(f"{name}.{model.__name__}: {type(exc).__name__}: {str(exc)[:500]}")
    return names, bad


def check_here(out: Path, package: str) -> list[str]:
    """`check` in this process with `out` first on sys.path; the package is forgotten after."""
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    write_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        return check(package)[1]
    except Exception as exc:
        return [f"{package}: {type(exc).__name__}: {str(exc)[:500]}"]
    finally:
        sys.dont_write_bytecode = write_bytecode
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


def main(results: str, packages: list[str]) -> int:
    """Check each package; exit 1 when any failed."""
    failed = False
    with open(results, "a", encoding="utf-8") as out:
        for package in packages:
            try:
                names, bad = check(package)
            except Exception as exc:
                names, bad = [package], [f"{package}: {type(exc).__name__}: {str(exc)[:500]}"]
            failed = failed or bool(bad)
            text = "\n".join([*bad, f"{len(names)} modules imported, {len(bad)} failed"])
            print(text)
            out.write(json.dumps({"package": package, "ok": not bad, "text": text}) + "\n")
            out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
