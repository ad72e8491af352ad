"""House rules that keep the code base what it claims to be."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "briefing"


def test_ruff_passes() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run(
        [ruff, "check", "briefing", "tests", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_package_has_no_side_effects() -> None:
    code = (
        "import logging, pkgutil, importlib, sys\n"
        "before = (list(logging.root.handlers), logging.root.level)\n"
        "import briefing\n"
        "for m in pkgutil.walk_packages(briefing.__path__, 'briefing.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "assert (list(logging.root.handlers), logging.root.level) == before\n"
        "assert not logging.getLogger('briefing').handlers\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint must load lazily'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_modules_are_small_and_typed() -> None:
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert source.count("\n") <= 550, f"{path} is over the size budget"
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.returns is not None or node.name == "__init__", (
                    f"{path}:{node.lineno} {node.name}"
                )
                args = [a for a in node.args.args + node.args.kwonlyargs if a.arg not in ("self", "cls")]
                missing = [a.arg for a in args if a.annotation is None]
                assert not missing, f"{path}:{node.lineno} {node.name} lacks annotations for {missing}"


def test_no_downloads_at_run_time() -> None:
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "nltk.download" not in source and "urlopen" not in source, path


def test_every_subpackage_ships_in_the_wheel() -> None:
    """pyproject lists packages by hand (templates/ ships as briefing.templates): a new
    subpackage left off the list would install without its code."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
