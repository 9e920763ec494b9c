"""Compiled templates kept on disk between runs (Jinja's own `FileSystemBytecodeCache`).

Compiling the Jinja templates is most of a small spec's generation time (about 0.3 s of
`sdkgen generate` on spec/). Jinja stores each template's compiled code with a checksum of its
source and recompiles when the source (ours, or the user's `--templates` overlay) changes, so
output never depends on the cache. The folder is per user (created 0700: compiled code is
loaded from it), and per Jinja and Python version (the code depends on both).

`SDKGEN_CACHE_DIR` moves it; `SDKGEN_NO_CACHE=1` turns it off. A cache that cannot be created
or written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import jinja2


def folder() -> Path | None:
    """Where compiled templates live, or None when caching is off."""
    if os.environ.get("SDKGEN_NO_CACHE", "").lower() in ("1", "true", "yes"):
        return None
    base = os.environ.get("SDKGEN_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    version = f"jinja{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return (root if os.environ.get("SDKGEN_CACHE_DIR") else root / "sdkgen") / "templates" / version


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """A cache in `folder()` if it is usable and only the current user can write to it."""
    where = folder()
    if where is None:
        return None
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = where.stat()
    except OSError:
        return None
    if (
        not hasattr(os, "getuid")
        or info.st_uid != os.getuid()
        or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return None  # somebody else could plant code in it
    return jinja2.FileSystemBytecodeCache(str(where))
