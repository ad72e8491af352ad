"""Gender of a first name, from an offline lexicon (``gender-guesser``: about 40,000 first names
of many countries, shipped with the package), so that "she said" never names a man.

Only the lexicon's certain answers count ("male", "female"); "mostly_…", "andy" (either) and
unknown names give no gender, and then a pronoun agrees with both.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from .lexicon import unaccented


class _Detector(Protocol):
    def get_gender(self, name: str, country: str | None = None) -> str: ...


@lru_cache(maxsize=1)
def _detector() -> _Detector | None:
    """The lexicon, loaded once per process on first use (about 0.4 s)."""
    try:
        from gender_guesser.detector import Detector  # type: ignore[import-untyped]  # no stubs
    except ImportError:  # the lexicon is a dependency; without it genders come from titles only
        return None
    detector: _Detector = Detector(case_sensitive=False)
    return detector


@lru_cache(maxsize=16384)
def first_name_gender(name: str) -> str | None:
    """ "m" or "f" for a first name the lexicon is sure of, else None."""
    word = name.strip(".").split("-")[0]
    if len(word) < 2 or not word[:1].isupper() or word.isupper():
        return None  # an initial, an acronym or a lower-case word is no first name
    return {"male": "m", "female": "f"}.get(_lookup(word))


@lru_cache(maxsize=16384)
def is_first_name(word: str) -> bool:
    """Does the lexicon know ``word`` as a first name at all (of any or either gender)? "Curt",
    "Julianne" are; "Celebrities", "Fires", "Staff" are not, so that a capitalised common word
    before a name ("Celebrities Julianne Moore", a headline's "Fires Schilling") is no part of it."""
    word = word.strip(".").split("-")[0]
    if len(word) < 2 or not word[:1].isupper() or word.isupper():
        return False
    return _lookup(word) != "unknown"


def _lookup(word: str) -> str:
    """The lexicon's answer for a word, or for it without accents when it has none for the word
    as written: the lexicon spells many names plain ("Vinícius", "Siobhán", "José" were unknown)."""
    detector = _detector()
    if detector is None:
        return "unknown"
    answer = detector.get_gender(word)
    plain = unaccented(word)
    return detector.get_gender(plain) if answer == "unknown" and plain != word else answer
