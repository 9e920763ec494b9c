"""The user cache folder: ruff's results (`targets/python/ruff.py`) and compiled templates
(`targets/template_cache.py`) each keep a folder in it.

`$SDKGEN_CACHE_DIR` moves it (else `$XDG_CACHE_HOME/sdkgen` or `~/.cache/sdkgen`);
`SDKGEN_NO_CACHE=1` turns it off. Entries are keyed by the full input they stand for, so a stale
one is never used; the folder must belong to the user and be closed to others (what is read
from it goes into the generated code). One that cannot be made or written only costs time.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_folder(name: str) -> str | None:
    """`<cache root>/<name>`, created 0700; None when caching is off or the folder is unusable."""
    if os.environ.get("SDKGEN_NO_CACHE", "").lower() in ("1", "true", "yes"):
        return None
    moved = os.environ.get("SDKGEN_CACHE_DIR")
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(moved) if moved else (Path(xdg) if xdg else Path.home() / ".cache") / "sdkgen"
    where = root / name
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = where.stat()
    except OSError:
        return None
    shared = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if not hasattr(os, "getuid") or info.st_uid != os.getuid() or shared:
        return None  # somebody else could plant code in it
    return str(where)
