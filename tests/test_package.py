"""Packaging: a plain (non-editable) install carries the templates, fonts and default config."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("briefing-*.whl")
    return found


def test_wheel_contains_templates_fonts_and_defaults(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "briefing/templates/briefing.md.j2",
        "briefing/templates/briefing.html.j2",
        "briefing/templates/briefing.css",
        "briefing/templates/fonts/DejaVuSans.ttf",
        "briefing/data/defaults.yaml",
        "briefing/cli/__init__.py",
        "briefing/summarizers/base.py",
    ):
        assert required in names, required
    assert not any(n.startswith(("tests/", "inputs/")) for n in names)


def test_installed_package_builds_a_briefing_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(target)}
    # Run from an empty folder, so neither the source tree nor ./briefing.yaml can be picked up.
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "build",
            str(ROOT / "inputs"),
            "--out",
            str(out),
            "--format",
            "md,pdf,json",
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    probe = subprocess.run(
        [sys.executable, "-c", "import briefing; print(briefing.__file__)"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(target))
    mds = sorted(out.glob("briefing-*.md"))
    assert mds and (out / "latest.pdf").stat().st_size > 10_000
    text = mds[0].read_text(encoding="utf-8")
    assert "## Troop buildup" in text and "## Sources" in text
