"""Plain YAML scalars mean what YAML 1.2 (OpenAPI 3.1's YAML) says, not what PyYAML's 1.1 says:
Norway's `NO` stays a string, `1e-08` is a number, `0777` is 777."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_api
from generator.config import Settings
from generator.ir import Enum, Model
from generator.load import load_spec
from generator.yaml12 import CoreLoader

CASES: list[tuple[str, Any]] = [
    ("NO", "NO"),
    ("yes", "yes"),
    ("on", "on"),
    ("Off", "Off"),
    ("y", "y"),
    ("true", True),
    ("False", False),
    ("TRUE", True),
    ("~", None),
    ("null", None),
    ("NULL", None),
    ("", None),
    ("0", 0),
    ("-2", -2),
    ("+12", 12),
    ("0777", 777),
    ("0o17", 15),
    ("0x1F", 31),
    ("1_000", "1_000"),
    ("1:30", "1:30"),
    ("2024-01-01", "2024-01-01"),
    ("12abc", "12abc"),
    ("1e-08", 1e-08),
    ("1E+9", 1e9),
    ("3.14", 3.14),
    ("1.", 1.0),
    (".5", 0.5),
    ("-0.0", -0.0),
    (".inf", math.inf),
    ("-.Inf", -math.inf),
    ("-a", "-a"),
    ("'1.5'", "1.5"),
    ("!!str 12", "12"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text: str, expected: Any) -> None:
    value = yaml.load(f"v: {text}\n", Loader=CoreLoader)["v"]  # noqa: S506 - a safe loader
    assert value == expected and type(value) is type(expected)


def test_nan() -> None:
    assert math.isnan(yaml.load("v: .NaN\n", Loader=CoreLoader)["v"])  # noqa: S506


def test_spec_values_reach_the_ir_with_their_yaml_1_2_types(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Country: {type: string, enum: [NO, SE, on]}\n"
        "    Params:\n      type: object\n      properties:\n"
        "        eps: {type: number, default: 1e-08, example: 1e-08}\n",
        encoding="utf-8",
    )
    api = build_api(load_spec(spec), Settings(spec=spec, package="p"))
    country = api.named("Country")
    assert isinstance(country, Enum) and [m.value for m in country.members] == ["NO", "SE", "on"]
    params = api.named("Params")
    assert isinstance(params, Model)
    assert params.fields[0].default == 1e-08 and params.fields[0].example == 1e-08
