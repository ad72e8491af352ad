"""Load a script of ``bench/`` as a module, once, so that tests can call what the benches measure."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench(name: str) -> ModuleType:
    """``bench/<name>.py`` as a module (the benches import one another by name, so ``bench/`` goes
    on ``sys.path``)."""
    key = f"bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(key, BENCH / f"{name}.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module
