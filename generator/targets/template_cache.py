"""Compiled templates kept on disk between runs (Jinja's own `FileSystemBytecodeCache`).

Compiling the Jinja templates is most of a small spec's generation time (about 0.3 s of
`sdkgen generate` on spec/). Our own templates ship compiled (`precompiled`), so this cache
serves a user's `--templates` overlay, and ours when their shipped code lags. Jinja stores
each template's compiled code with a checksum of its source and recompiles when the source
changes, so output never depends on the cache. The folder is the user cache folder's (`generator.cache`:
created 0700, never used when others can write to it, as compiled code is loaded from it), one
per Jinja and Python version (the code depends on both).

`SDKGEN_CACHE_DIR` moves it; `SDKGEN_NO_CACHE=1` turns it off. A cache that cannot be created
or written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import sys

import jinja2

from generator.cache import cache_folder

# The folder under the cache root: compiled code differs between Jinja and Python versions.
NAME = f"templates/jinja{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """A cache in the user cache folder, or None when caching is off or the folder unusable."""
    where = cache_folder(NAME)
    return None if where is None else jinja2.FileSystemBytecodeCache(where)
