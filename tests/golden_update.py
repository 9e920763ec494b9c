"""Rewrite every golden tree from its spec: `make golden` (review the diff, then commit)."""

from __future__ import annotations

from generator import emit
from tests.helpers import golden_cases, golden_settings, render_spec


def main() -> None:
    """Regenerate tests/golden/<case>/expected for every case."""
    for case in golden_cases():
        settings = golden_settings(case)
        changed = emit.generate(render_spec(settings), settings.out, force=True)
        print(f"{case}: {len(changed)} file(s) changed")


if __name__ == "__main__":
    main()
