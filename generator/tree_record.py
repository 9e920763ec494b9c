"""The render record a generated tree carries (`DIR/.sdkgen-inputs`), so that `sdkgen check`
on a machine that never rendered these inputs (a fresh CI runner) need not render them.

`generate` writes it beside the manifest: a portable key of everything the files depend on
(`remembered.key(portable=True)`: the spec's bytes, the settings with paths relative to the
working folder, sdkgen's own code and templates, the user's template folder, the versions
of Python, PyYAML, Jinja2 and ruff), the hashes of the other files the load read and of the
manifest, and the notes. `check` trusts the tree only when the key is its own, every input
and the manifest hash as recorded, and every file as the manifest lists it, nothing more;
anything else (a new sdkgen, an edited spec, a hand edit, a merged record) goes to the full
render, which reports as before. The record is not part of the rendered files: `check`
never compares it, `generate` rewrites it, and a stale one only costs the full render.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from generator import emit
from generator.remembered import Entry, portable_path, sha_file

_FORMAT = "sdkgen-inputs-1"


def write(out: Path, key: str, spec: Path, inputs: list[Path], notes: tuple[str, ...]) -> None:
    """Record in `out` that its files are the render of the inputs `key` names (after
    `generate`; a record that cannot be written only costs a full render later)."""
    manifest = sha_file(out / emit.MANIFEST)
    if manifest is None:
        return
    read = {portable_path(p): sha_file(p) for p in inputs if p.resolve() != spec.resolve()}
    data = {"format": _FORMAT, "key": key, "inputs": read, "manifest": manifest, "notes": list(notes)}
    text = json.dumps(data, indent=1, sort_keys=True) + "\n"
    path = out / emit.RECORD
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, ValueError):
        pass
    scratch = out / f"{emit.RECORD}.{os.getpid()}.tmp"
    try:
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, path)
    except OSError:
        try:
            scratch.unlink(missing_ok=True)
        except OSError:
            pass


def lookup(out: Path, key: str) -> Entry | None:
    """What the tree's record says a full render of the inputs `key` names produced (every
    file with its hash, the notes), when the record is this key's and every input file and
    the manifest are as recorded; None otherwise."""
    try:
        data = json.loads((out / emit.RECORD).read_text(encoding="utf-8"))
        if data["format"] != _FORMAT or data["key"] != key:
            return None
        for name, digest in data["inputs"].items():
            if sha_file(Path(name)) != digest:
                return None
        manifest = (out / emit.MANIFEST).read_bytes()
        if hashlib.sha256(manifest).hexdigest() != data["manifest"]:
            return None
        files = json.loads(manifest)["files"]
        expected = {str(k): str(v) for k, v in files.items()}
        expected[emit.MANIFEST] = data["manifest"]
        return Entry(expected, tuple(str(n) for n in data["notes"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
