"""Write the templates' compiled code shipped with sdkgen (`generator/targets/precompiled/code/`)
after a template changed: `python -m tests.precompiled_update`, then commit the folder."""

from __future__ import annotations

from generator.targets import TARGETS, precompiled
from generator.targets.templating import Env


def envs() -> list[tuple[str, Env]]:
    """Each target's template environment, without an overlay (ours as the targets build them)."""
    found = []
    for name, factory in sorted(TARGETS.items()):
        env = getattr(factory(None), "env", None)
        assert isinstance(env, Env), name
        found.append((name, env))
    return found


def main() -> None:
    written = precompiled.write((name, env.jinja) for name, env in envs())
    print(f"{len(written)} compiled template(s) written to {precompiled.FOLDER}")


if __name__ == "__main__":
    main()
