"""Running per-article work, in order. (Serial placeholder: the process pool comes next.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def run_ordered(func: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """Apply ``func`` to every item and return the results in input order."""
    return [func(item) for item in items]
