"""Described: the mention a chunk of lower-case words makes, when it holds no name ("a senior
harbour official", "my father", "the transport minister", "the union president", "Kirk Road"):
a description, a role, a body or a place (speakers.py reads the names)."""

from __future__ import annotations

import re

from .countries import country_of
from .lexicon import (
    CUE_WORDS,
    GENDER_OF,
    ORG_HEADS,
    PERSON_NOUNS,
    PLACE_WORDS,
    POSSESSIVE_DETERMINERS,
    plural,
    role_class,
)
from .mention import Mention
from .nouns import of_children
from .owners import _GROUP_TAILS
from .words import NAME_PARTICLES, STREET_HEADS, _function, _is_cap, _Tok, an_object, before_a_verb

_CONNECTORS = NAME_PARTICLES | {"of", "for"}
_DETERMINERS = frozenset("a an one another".split())
# "the country’s", "the company's": a lower-case owner with its article, right before a noun.
_LOWER_OWNER = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+[a-z]+(?:['’]s|s['’])\s+$")
# A quoted title between a determiner and its noun: ' “Orange Is the New Black” '.
_TITLE_BETWEEN = re.compile(r"[ \t]*[“\"][^“”\"\n]{1,60}[”\"][ \t]*")


def described(
    text: str, toks: list[_Tok], i: int, j: int, words: list[str], prep: bool, floor: int
) -> list[Mention]:
    """The mention the chunk ``toks[i:j]`` (its ``words``; ``prep``: after a preposition) makes
    when no name ends it; words before it may join a description, never words of the mention
    before it (``floor``)."""
    phrase = " ".join(words)
    start, end = toks[i].start, toks[j - 1].end
    lows = [of_children(w.lower()) for w in words]  # "a mother-of-two": a mother
    before = toks[i - 1].text.lower() if i > 0 and not toks[i - 1].brk else ""
    rc = role_class(phrase)
    if lows[-1] in PERSON_NOUNS:
        # "a senior harbour official": plain modifiers may stand between the article and the phrase.
        d = i
        while (
            d > 0
            and i - d < 3
            and not toks[d - 1].brk
            and toks[d - 1].text.islower()
            and toks[d - 1].start >= floor
            and toks[d - 1].text not in CUE_WORDS  # "told reporters": a verb, then its object
            and toks[d - 1].text not in _DETERMINERS
            and not _function(toks[d - 1].text)
        ):
            d -= 1
        det = toks[d - 1].text.lower() if d > 0 and not toks[d - 1].brk else ""
        if not det and _LOWER_OWNER.search(text, max(0, toks[d].start - 30), toks[d].start):
            det = "the"  # "the country’s health minister": a common noun's possessive defines it
        if not det and d > 0 and _TITLE_BETWEEN.fullmatch(text, toks[d - 1].end, toks[d].start):
            det = toks[d - 1].text.lower()  # 'the “Jane The Virgin” actress': a title between
        owned_subject = False
        if det == "its" and rc:
            det = "the"  # "its chief executive told analysts": the body's officer, a role
            # ("… cut its forecast and its chief executive told": "and" opens a clause here)
            owned_subject = j < len(toks) and not toks[j - 1].brk and toks[j].text in CUE_WORDS
        if det in POSSESSIVE_DETERMINERS and not plural(lows[-1]) and before_a_verb(toks, j):
            # "My father thought I had lost my mind. “…,” he told me": someone the article
            # describes by whose they are, a person a pronoun may stand for
            owned = text[toks[d - 1].start : end]
            prep = an_object(toks, d - 1)
            return [Mention(toks[d - 1].start, end, "description", owned, after_preposition=prep,
                            gender=GENDER_OF.get(lows[-1]))]  # fmt: skip
        if det in _DETERMINERS or plural(lows[-1]):
            phrase = text[toks[d].start : end]
            return [
                Mention(
                    toks[d].start,
                    end,
                    "description",
                    phrase,
                    country=country_of(words),
                    after_preposition=an_object(toks, d),
                    gender=GENDER_OF.get(lows[-1]),
                )
            ]
        if det == "the":
            # "the transport minister" is a role (its holder may be named); "the official" is the
            # unnamed person the article described before (resolved at attribution).
            phrase = text[toks[d].start : end]
            kind = "role" if rc and lows[-1] not in ORG_HEADS else "definite"
            return [
                Mention(
                    toks[d].start,
                    end,
                    kind,
                    phrase,
                    phrase if rc else None,
                    rc,
                    country_of(words),
                    an_object(toks, d) and not owned_subject,
                    GENDER_OF.get(lows[-1]),
                )
            ]
    the = i > 1 and not toks[i - 2].brk and toks[i - 2].text.lower() == "the"
    if rc is not None and the and (before in ORG_HEADS or _noun_modifier(before)):
        # "the union president", "The company president", "the guild president", "the rescue
        # chief": the body a lower-case noun names is part of the role (the chunk left it out)
        start, before = toks[i - 1].start, "the"
        phrase = text[start:end]
    definite = rc is not None and (
        before == "the"
        or any(_is_cap(w) for w in words)
        or bool(_LOWER_OWNER.search(text, max(0, start - 30), start))  # "the country’s president"
    )
    if definite and lows[-1] not in ORG_HEADS - {"department"}:
        return [Mention(start, end, "role", phrase, phrase, rc, country_of(words), prep)]
    # (a body has a name or "the": "an outplacement service", all lower case, names none)
    if any(w in ORG_HEADS or w in _GROUP_TAILS for w in lows) and (
        before == "the" or any(_is_cap(w) for w in words)
    ):
        return [
            Mention(start, end, "organisation", phrase, country=country_of(words), after_preposition=prep)
        ]
    if lows[-1] in STREET_HEADS or all(w in PLACE_WORDS or w in _CONNECTORS for w in lows):  # "Kirk Road"
        return [Mention(start, end, "place", phrase, country=country_of(words), after_preposition=prep)]
    return []


def _noun_modifier(word: str) -> bool:
    """Is a lower-case word between "the" and a role a noun that names its body ("the guild
    president"), not a function word or a verb ("the said")?"""
    return word.isalpha() and word.islower() and not _function(word) and word not in CUE_WORDS
