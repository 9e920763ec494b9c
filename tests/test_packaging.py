"""sdkgen installs as a wheel that carries its templates, and users can overlay templates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import GOLDEN, ROOT, run_python, sdkgen

SPEC = GOLDEN / "enums" / "spec.yaml"


def test_wheel_ships_templates_and_runs_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    target = tmp_path / "site"
    wheel = next(wheels.glob("sdkgen-*.whl"))
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    out = tmp_path / "out"
    code = (
        "import generator, jinja2, sys\n"
        f"assert generator.__file__.startswith({str(target)!r}), generator.__file__\n"
        # the templates render from their compiled code shipped in the wheel
        "def compile(*args, **kwargs): raise AssertionError(f'compiled by Jinja: {args[2]}')\n"
        "jinja2.Environment.compile = compile\n"
        "from generator.cli import main\n"
        f"sys.exit(main(['generate', {str(SPEC)!r}, '--out', {str(out)!r}, '--package', 'p']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (out / "p" / "models" / "components" / "holder.py").is_file()
    assert run_python("import p.models.components as c; print(c.Color('red'))", out).returncode == 0


def test_user_templates_override_ours(tmp_path: Path) -> None:
    overlay = tmp_path / "tpl" / "models"
    overlay.mkdir(parents=True)
    ours = (ROOT / "templates" / "python" / "models" / "enum.py.jinja").read_text()
    (overlay / "enum.py.jinja").write_text(
        ours.replace("{{ view.class_line }}", "# house style\n{{ view.class_line }}")
    )
    out = tmp_path / "out"
    proc = sdkgen(
        "generate", str(SPEC), "--out", str(out), "--package", "p", "--templates", str(tmp_path / "tpl")
    )
    assert proc.returncode == 0, proc.stderr
    assert "# house style\nclass Color(" in (out / "p/models/components/color.py").read_text()
    assert "# house style" not in (out / "p/models/components/holder.py").read_text()
