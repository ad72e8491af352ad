"""Summariser registry: name → factory.

Every summariser sits behind the ``Summarizer`` protocol (``base.py``). Factories take the
parameters from the configuration (``summarizer.params``) and are registered by name, so the
pipeline, the CLI and the benchmarks never special-case one implementation. Modules are imported
lazily: naming a summariser loads only what it needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import UsageError
from .base import Pick, Summarizer, apply_budget

Factory = Callable[[Mapping[str, Any]], Summarizer]

# name -> "module:factory"; a module registers its own names when imported (see ``register``).
_BUILTIN: dict[str, str] = {
    "sumy-lexrank": "sumy_backend:lexrank",
    "sumy-textrank": "sumy_backend:textrank",
    "lsa": "sumy_backend:lsa",
    "luhn": "sumy_backend:luhn",
    "kl": "sumy_backend:kl",
    "sumbasic": "sumy_backend:sumbasic",
    "edmundson": "sumy_backend:edmundson",
    # Greedy concept (bigram) coverage; calibrated on MultiLing 2011, see bench/quality.py.
    "coverage": "coverage:coverage",
    "lead": "lead:lead",  # the articles' leads in turn: the baseline to beat
    "lexrank": "graph:lexrank",
    "textrank": "graph:textrank",
}
_REGISTERED: dict[str, Factory] = {}


def register(name: str, factory: Factory) -> None:
    """Register (or replace) a summariser factory under ``name``."""
    _REGISTERED[name] = factory


def available() -> list[str]:
    """Names of every known summariser, sorted."""
    return sorted(set(_BUILTIN) | set(_REGISTERED))


def create(name: str, params: Mapping[str, Any] | None = None) -> Summarizer:
    """Build the summariser registered as ``name`` with ``params``."""
    if name in _REGISTERED:
        return _REGISTERED[name](params or {})
    target = _BUILTIN.get(name)
    if target is None:
        raise UsageError(f"unknown summarizer {name!r}; choose one of: {', '.join(available())}")
    module_name, factory_name = target.split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    factory: Factory = getattr(module, factory_name)
    return factory(params or {})


__all__ = ["Pick", "Summarizer", "apply_budget", "available", "create", "register"]
