"""Role classes: a role mention ("the US foreign minister") names whoever in the article holds a
role of the same class ("Secretary of State Antony Blinken") and, when the mention says, the
same country. The lexicon re-exports ``role_class``.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Portfolios a secretary holds as a minister does (UK, US): "Health Secretary", "Commerce
# Secretary"; "foreign" and "defence" have classes of their own.
_PORTFOLIOS = (
    r"(?:health|home|education|transport|business|environment|justice|culture|energy|treasury|housing"
    r"|work\s+and\s+pensions|northern\s+ireland|scotland|scottish|wales|welsh|trade|labou?r"
    r"|agriculture|commerce|interior|homeland\s+security|veterans\s+affairs|communities|levelling\s+up)"
)

# Role classes: a role mention ("the US foreign minister") names whoever in the article holds a
# role of the same class and, when the mention says, the same country.
_ROLE_PATTERNS = (
    (
        "foreign minister",
        r"secretary\s+of\s+state|foreign\s+(?:affairs\s+)?(?:minister|secretary)\b"
        r"|minister\s+(?:of|for)\s+foreign\s+affairs|(?:head|chief)\s+of\s+(?:the\s+)?\w*\s*"
        r"(?:foreign\s+(?:policy|affairs)|diplomac)|top\s+diplomat|chief\s+diplomat"
        r"|foreign\s+policy\s+chief",
    ),
    (
        "defence minister",
        r"defen[cs]e\s+(?:minister|secretary)|minister\s+of\s+defen[cs]e"
        r"|secretary\s+of\s+defen[cs]e|pentagon\s+chief",
    ),
    ("spokesperson", r"spokes(?:man|woman|person)|press\s+secretary|(?:head|chief)\s+of\s+(?:the\s+)?press"),
    ("prime minister", r"prime\s+minister|premier|chancellor"),
    ("president", r"(?<!vice\s)(?<!vice-)\bpresidents?\b|head\s+of\s+state"),
    ("mayor", r"\bmayor\b"),
    ("governor", r"\bgovernor\b|\bgov\b"),
    ("senator", r"\bsen(?:ator)?s?\b"),
    ("representative", r"\breps?\b|\brepresentative\b|\bcongress(?:man|woman)\b"),
    ("judge", r"\bjudge\b"),
    ("ambassador", r"\bambassador\b|\benvoy\b"),
    ("director", r"\bdirector\b|chief\s+executive|\bceo\b"),
    # a ministry's civil-service head (Kenya's "Principal Secretary", "the PS"; the UK's and the
    # Commonwealth's "Permanent Secretary"), no minister
    ("principal secretary", r"\b(?:principal|permanent)\s+secretary\b"),
    # any other portfolio: "Finance Minister", "the finance minister"; Kenya's "Cabinet Secretary";
    # a British or American portfolio's secretary ("Health Secretary", "the shadow home
    # secretary", "Commerce Secretary"), a minister by another name
    ("minister", r"\bminister\b|\b(?:cabinet|" + _PORTFOLIOS + r")\s+secretary\b"),
    # police ranks: "Senior Superintendent of Police Orville Campbell … the senior cop added" (before
    # "head": "Chief Inspector", "Superintendent …, head of the division" are police officers)
    (
        "police officer",
        r"\b(?:superintendent|inspector|constable|detective|cops?|const|supt|insp|det)\b|\bpolice\s+officer\b",
    ),
    ("head", r"\b(?:head|chief|leader)\b"),  # "the deputy head of the delegation"
    # Military ranks; a bare "general" or "major" only counts as the whole role ("General X").
    ("officer", r"\b(?:colonel|lieutenant|brigadier|admiral|sergeant|marshal)\b|^(?:major|general|captain)$"),
)
ROLE_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE)) for name, rx in _ROLE_PATTERNS
)


@lru_cache(maxsize=8192)  # the same role phrases recur in every article
def role_class(text: str) -> str | None:
    """The class of the role that ``text`` describes ("foreign minister"), or None."""
    for name, pattern in ROLE_CLASSES:
        if pattern.search(text):
            return name
    return None
