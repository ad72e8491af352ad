"""User regular expressions (``clean.extra_patterns``): which shapes can make Python's
backtracking ``re`` take time exponential in the text, refused when the configuration loads."""

from __future__ import annotations

import importlib
import re
from typing import Any

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")  # POSSESSIVE_REPEAT and atomic groups never backtrack


def backtracking_risk(pattern: str) -> str | None:
    """What in ``pattern`` can make Python's backtracking ``re`` (which ``clean`` runs it with)
    take time exponential in a paragraph's length, or None: a quantifier inside a repeated group
    (``(a+)+``, ``(\\w*\\s?)*``), or a repeated group whose alternatives can start alike
    (``(a|aa)+``, ``(\\w|\\d)*``). A quantifier whose maximum is 1 (``?``) is harmless and not
    counted. Conservative: a few safe patterns are refused too, never a dangerous one of these
    shapes let through."""
    # The stdlib's own parser, the tree ``re`` compiles (a private module typeshed does not list).
    sre: Any = importlib.import_module("re._parser")

    wild = "*"  # stands for "any character, or nothing"

    def first(items: Any) -> set[str]:
        """Characters a sequence can start with (``wild`` when not a plain literal)."""
        for op, av in items:
            name = str(op)
            if name == "AT":
                continue  # anchors match no character
            if name == "LITERAL":
                return {chr(av).lower()}
            if name == "SUBPATTERN":
                return first(av[-1]) or {wild}
            if name == "BRANCH":
                return set().union(*(first(b) or {wild} for b in av[1]))
            if name in _REPEATS and av[0] > 0:
                return first(av[2]) or {wild}
            return {wild}
        return {wild}  # can match nothing

    def overlapping(branches: list[Any]) -> bool:
        seen: set[str] = set()
        for branch in branches:
            starts = first(branch)
            if wild in starts or starts & seen:
                return True
            seen |= starts
        return False

    def risk(items: Any, inside: bool) -> str | None:
        for op, av in items:
            name = str(op)
            found = None
            if name in _REPEATS:
                _low, high, sub = av
                if high > 1:
                    if inside:
                        return "a quantifier inside a repeated group (as in '(a+)+')"
                    found = risk(sub, True)
                else:
                    found = risk(sub, inside)
            elif name == "SUBPATTERN":
                found = risk(av[-1], inside)
            elif name == "BRANCH":
                if inside and overlapping(av[1]):
                    return "alternatives that can start alike inside a repeated group (as in '(a|ab)+')"
                found = next((f for b in av[1] if (f := risk(b, inside))), None)
            elif name in ("ASSERT", "ASSERT_NOT"):
                found = risk(av[1], inside)
            elif name == "GROUPREF_EXISTS":
                found = next((f for b in av[1:] if b is not None and (f := risk(b, inside))), None)
            if found:
                return found
        return None

    return risk(sre.parse(pattern, re.IGNORECASE | re.MULTILINE), False)
