"""Colon introductions: who speaks the quote after a clause that ends on a colon ("Lind: “…”",
"Hazarika, a hydrologist, was blunt: “…”", "His message was blunt: “…”").
"""

from __future__ import annotations

import re

from .context import Speaker, _Article
from .detect import Found
from .lexicon import ANAPHORIC_NOUNS, PERSON_NOUNS
from .mention import Mention
from .plausible import _plausible, _words
from .resolve import _nearest_clause_subject, _resolved

# Words a clause may have between its subject and the colon introducing a quote ("was blunt",
# "put it more bluntly", "had a warning for the council"); more is another clause's.
_COLON_CLAUSE = 6
# A possessive opening the clause before a colon, of words someone gives ("His message to them
# was blunt:", "Her answer was short:").
_OWN_WORDS = re.compile(
    r"\s*(His|Her|Their)\s+(?:[a-z]+\s+){0,2}(?:message|reply|answer|response|verdict|advice|warning"
    r"|view|assessment|reaction|words|explanation|conclusion|prediction|plea|point|instructions?)\b"
)
_IN_COMMAS = re.compile(r"\s*,[^,;:]*,")
# An unnamed person and where they are from, right before the colon's name: "a constituent in ".
_NOUN_IN_PLACE = re.compile(r"\b(?:an?|one)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:in|from)\s+\Z")


def colon_subject(ctx: _Article, start: int, found: Found) -> tuple[Speaker, str] | None:
    """The speaker of a quote after a clause of ``text[start:found.open_at]`` ending on a colon:
    the mention right before it, the clause's subject, the owner of the words it names, else the
    subject of the last clause joined to it."""
    subjects = ctx.in_range(start, found.open_at)
    if subjects and subjects[-1].after_preposition:
        # "a letter sent to her by a constituent in Ross-on-Wye:": the person "in" the place
        # speaks ("a line from Rao:" is Rao's)
        noun = _NOUN_IN_PLACE.search(ctx.text, start, subjects[-1].start)
        if noun is not None and noun.group(1).split()[-1] in PERSON_NOUNS | ANAPHORIC_NOUNS:
            described = Mention(noun.start(1), noun.end(1), "description", noun.group(1))
            return _resolved(ctx, described, "colon")
    if (
        subjects
        and len(_words(ctx.text[subjects[-1].end : found.open_at])) <= 1
        # not a place after a preposition: "Ishbel Galbraith behind the bar of the Kilbrannan Arms:"
        and not (subjects[-1].after_preposition and subjects[-1].kind == "place" and len(subjects) > 1)
    ):
        return _resolved(ctx, subjects[-1], "colon")
    first = next((m for m in subjects if not m.after_preposition and _plausible(ctx, m)), None)
    if first is not None:
        # (an apposition or a relative clause in commas after the subject is its own)
        commas = _IN_COMMAS.match(ctx.text, first.end, found.open_at)
        after = commas.end() if commas is not None else first.end
        others = [m for m in subjects if m.start >= after and not m.after_preposition]
        if not others and len(_words(ctx.text[after : found.open_at])) <= _COLON_CLAUSE:
            return _resolved(ctx, first, "colon")  # "Hazarika, a hydrologist, was blunt: “…”"
    own = _OWN_WORDS.match(ctx.text, start, found.open_at)
    if own is not None and not subjects:
        # "His message to those on the avenue was blunt: “…”": whose words they are
        pronoun = {"his": "he", "her": "she", "their": "they"}[own.group(1).lower()]
        got = _resolved(ctx, Mention(own.start(1), own.end(1), "pronoun", pronoun), "colon")
        if got is not None and got[0].kind == "person":
            return got
    # "Swift has a new deal, and The Carlyle Group will be left to wonder: “…”": the subject
    # of the clause that ends on the colon
    return _nearest_clause_subject(ctx, start, found.open_at, "colon")
