"""The user cache folder: compiled templates and formatter results that later runs reuse.

`$SDKGEN_CACHE_DIR` (set but empty: no cache at all), else `$XDG_CACHE_HOME/sdkgen`, else
`~/.cache/sdkgen`. Everything in it is keyed by the full input it stands for, so a stale or
foreign entry is never used; a folder that cannot be written only costs the speed-up.
"""

from __future__ import annotations

import os


def cache_folder(name: str) -> str | None:
    """`<cache root>/<name>`, created; None when caching is off or the folder cannot be made."""
    base = os.environ.get("SDKGEN_CACHE_DIR")
    if base is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "sdkgen")
    if not base:
        return None
    folder = os.path.join(base, name)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder
