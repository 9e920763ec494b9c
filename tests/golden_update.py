"""Rewrite every golden tree from its spec: `make golden` (review the diff, then commit).

The runtime modules (`templates/python/runtime/*.py` behind the header) are left out: they are
the same in every tree, so the golden test compares them once against the templates.
"""

from __future__ import annotations

from generator import emit
from tests.helpers import golden_cases, golden_settings, render_spec, without_runtime


def main() -> None:
    """Regenerate tests/golden/<case>/expected for every case, runtime modules excluded."""
    for case in golden_cases():
        settings = golden_settings(case)
        files = without_runtime(render_spec(settings), settings.package)
        changed = emit.generate(files, settings.out, force=True)
        print(f"{case}: {len(changed)} file(s) changed")


if __name__ == "__main__":
    main()
