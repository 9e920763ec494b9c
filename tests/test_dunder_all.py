"""`__all__` lists printed in the order ruff's RUF022 (a default rule) wants: SCREAMING_CASE,
CamelCase, the rest, each in `natord`'s natural order. Stripe's 10,000 operation models
(`CreatedRangeQuerySpecs2` ... `CreatedRangeQuerySpecs29`) were in plain string order, which
`ruff check` with its defaults refused."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from generator.targets.python.ruff import ruff_binary
from generator.targets.python.settled import dunder_all_order, in_all_order

FIXED = [
    "Spec01",
    "Spec0120",
    "Spec1",
    "Spec2",
    "Spec10",
    "AB_10",
    "AB10",
    "B",
    "B8",
    "_X",
    "_x",
    "aB2c",
    "ab",
]


def _names(seed: int) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set(FIXED)
    while len(names) < 400:
        name = "".join(rng.choice("aAbBzZ_0123456789") for _ in range(rng.randint(1, 8)))
        if not name[0].isdigit():
            names.add(name)
    listed = sorted(names)
    rng.shuffle(listed)
    return listed


def test_the_order_is_ruffs(tmp_path: Path) -> None:
    names = _names(7)
    module = tmp_path / "m.py"
    module.write_text("__all__ = [\n" + "".join(f'    "{n}",\n' for n in names) + "]\n")
    ruff = [
        ruff_binary(),
        "check",
        "--isolated",
        "--no-cache",
        "--select",
        "RUF022",
        "--fix",
        "-q",
        str(module),
    ]
    subprocess.run(ruff, check=True)
    scope: dict[str, list[str]] = {}
    exec(module.read_text(), scope)
    assert dunder_all_order(names) == scope["__all__"]
    assert dunder_all_order(scope["__all__"]) == scope["__all__"]


def test_numbers_by_value_and_leading_zeros_digit_by_digit() -> None:
    assert dunder_all_order(["Spec10", "Spec2", "Spec1", "Spec0120", "Spec01"]) == [
        "Spec01",
        "Spec0120",
        "Spec1",
        "Spec2",
        "Spec10",
    ]
    assert in_all_order([("X10", "x10"), ("X2", "x2"), ("a", "a")]) == [
        ("X2", "x2"),
        ("X10", "x10"),
        ("a", "a"),
    ]
