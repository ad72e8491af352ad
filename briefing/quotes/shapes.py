"""Shapes of a sentence around a verb of saying, read from its words alone."""

from __future__ import annotations

import re

from .context import _Cue
from .lexicon import ROLE_WORDS


def in_relative(text: str, start: int, cue: _Cue, open_at: int) -> bool:
    """A verb in a relative clause set off by commas ("Graham, who says …, tweeted") or with its
    own subject ("whom he called"): the main clause's verb reports the quote before it does."""
    if re.search(r"\b(?:what|whom|which)\s+\w+\s+$", text[max(start, cue.start - 24) : cue.start]):
        return True
    relative = re.search(r",\s*(?:who|which)\b[^,]*$", text[start : cue.start])
    return relative is not None and "," in text[cue.end : open_at]


# An aside between an inverted verb and its subject, as translated copy writes it ("indicated
# for his part the vice-chancellor": Spanish "por su parte", French "pour sa part", "de son côté").
_ASIDE = re.compile(
    r"^,?\s*(?:for\s+(?:his|her|its|their)\s+part|in\s+(?:(?:his|her|its|their)\s+)?turn"
    r"|on\s+(?:his|her|its|their)\s+side)\b,?"
)


def an_office(phrase: str) -> bool:
    """Does ``phrase`` hold an office's word ("Vice-President of the Court", "foreign policy
    chief")?"""
    return any(part.lower() in ROLE_WORDS for w in phrase.split() for part in w.split("-"))


# "the Vice-President of the Court, ": an office of up to seven words, then a comma.
_OFFICE_APPOSED = re.compile(r"\s+the\s+((?:[\w’'-]+\s+){0,6}[\w’'-]+),\s*")


def inverted_gap(between: str) -> bool:
    """Can the words ``between`` an inverted verb and a mention stand before the speaker's name:
    up to three words, lower-case ("said the coach X") or without punctuation ("said former
    Obama adviser David Lind"), after an aside ("for his part")."""
    between = _ASIDE.sub(" ", between, count=1)
    words = [w for w in re.findall(r"[\w’'-]+", between)]
    office = _OFFICE_APPOSED.fullmatch(between)
    if office is not None and an_office(office.group(1)):
        return True  # "said the Vice-President of the Court, Doris Kehrmann": an office, then her name
    return len(words) <= 3 and (
        all(w.islower() for w in words) or re.fullmatch(r"[\w\s-]*", between) is not None
    )
