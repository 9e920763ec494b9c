"""Rewrite every TypeScript golden tree and generated-ts/ (review the diff, then commit).

The golden trees leave out the runtime (`templates/typescript/lib/*.ts` behind the header): it is
the same in every tree, so the golden test compares it once against the templates. generated-ts/
is a whole, installable package and keeps it."""

from __future__ import annotations

from generator import emit
from tests.helpers import render_spec
from tests.typescript.support import embedded_settings, ts_cases, ts_settings, without_ts_runtime


def main() -> None:
    """Regenerate tests/golden_ts/<case>/expected for every case, and the embedded spec's tree."""
    for settings in (ts_settings(c) for c in ts_cases()):
        changed = emit.generate(without_ts_runtime(render_spec(settings)), settings.out, force=True)
        print(f"{settings.out}: {len(changed)} file(s) changed")
    settings = embedded_settings()
    changed = emit.generate(render_spec(settings), settings.out, force=True)
    print(f"{settings.out}: {len(changed)} file(s) changed")


if __name__ == "__main__":
    main()
