"""Agreement: whether a mention suits a pronoun ("he" is a person, "they" a group), whether a
resolved speaker agrees with the pronoun's or description's gender, and which bearer of a
shared surname a pronoun's gender picks.
"""

from __future__ import annotations

import re

from .context import Speaker, _Article
from .gender import first_name_gender
from .lexicon import GENDER_OF, PERSON_NOUNS, PRONOUN_GENDER, a_thing, plural
from .mention import Mention


def _suits(ctx: _Article, pronoun: str, m: Mention) -> bool:
    if pronoun in ("he", "she"):
        if m.kind == "name" and m.name.lower() in PERSON_NOUNS and plural(m.name):
            return False  # "Analysts say …" opening a sentence: no name, and many
        if m.kind == "name":  # a lone name: a known speaker or surname, or a first name ("Brad")
            want = "m" if pronoun == "he" else "f"
            return (
                m.name in ctx.speaking
                or ctx.people.known_surname(m.name)
                or first_name_gender(m.name) == want
                # a given name the article gave in full, of no gender the lexicon knows ("Lerato")
                or (ctx.people.opens_a_name(m.name) and first_name_gender(m.name) is None)
            )
        singular = not plural(m.name)
        described = m.kind in ("description", "definite") and singular and not _verb_object(ctx, m)
        # "he" is a person: "the “Off Message” podcast remembers … “…,” she said" is not the podcast's
        return m.kind in ("person", "role") or (described and not a_thing(m.name))
    if pronoun == "they":
        # … and a name with a plural verb is a group ("Big Machine have twice denied it")
        # (a lone capitalised word opening a sentence is no name: "Waivers have …")
        named_group = m.kind == "person" and _PLURAL_VERB.match(ctx.text, m.end) is not None
        return m.kind == "organisation" or (m.kind == "description" and plural(m.name)) or named_group
    return m.kind == "organisation"


def _verb_object(ctx: _Article, m: Mention) -> bool:
    """Is an indefinite description the object of the verb before it ("The company has hired an
    external auditor"), no one a later "she" stands for?"""
    return _OBJECT_BEFORE.search(ctx.text, max(0, m.start - 40), m.start) is not None


# A verb in lower case (no article, preposition or conjunction) and an indefinite article.
_OBJECT_BEFORE = re.compile(
    r"\b(?!(?:and|or|but|that|as|when|while|where|said|says|told)\b)[a-z]{3,}\s+an?\s+(?:[a-z-]+\s+)?\Z"
)
_PLURAL_VERB = re.compile(r"\s+(?:(?:also|twice|again|repeatedly|previously|now)\s+)?(?:have|are|were)\b")


_BOUND_PRONOUN = re.compile(
    r"(?:,\s*(?:saying|adding|insisting|arguing|noting)|\b(?:said|says|added))\s+(?:that\s+)?$"
)


def _guessed_gender(ctx: _Article, m: Mention, pronoun: Mention, speaker: Speaker) -> bool:
    """Does the article's own pronoun overrule the first-name lexicon: ``m`` opens the sentence,
    no title or role noun of it shows a gender, ``speaker``'s is the lexicon's guess, and a
    participle or verb of saying binds ``pronoun`` to it ("Ilhan Omar … saying she")?"""
    start, _ = ctx.sentence_bounds(m.start)
    first = next(iter(ctx.in_range(start, m.end)), None)
    return (
        first is m
        and _BOUND_PRONOUN.search(ctx.text, m.end, pronoun.start) is not None
        and not any(w.lower().rstrip(".") in GENDER_OF for w in ctx.text[m.start : m.end].split())
        and speaker.gender is not None
        and speaker.gender == first_name_gender(speaker.name.split()[0])
    )


_QUOTE_OPENS = re.compile(r"\s*[“\"‘'«„]")


def _guessed_before(ctx: _Article, m: Mention, pronoun: Mention, speaker: Speaker) -> bool:
    """Does the article's own pronoun overrule the first-name lexicon for the speaker of the
    sentence before: ``m`` introduces its person there (no earlier word of the surname, no title
    or gendered noun in that sentence), the gender is the lexicon's guess, and the pronoun is the
    cue of a quotation that opens the next sentence ("Nur Kamal, a health volunteer, said rumours
    had slowed uptake. “Some mothers believe …,” he said": "Nur" is a man's name too)?"""
    if speaker.kind != "person" or speaker.gender is None or " " not in speaker.name:
        return False
    if speaker.gender != first_name_gender(speaker.name.split()[0]):
        return False
    start, end = ctx.sentence_bounds(m.start)
    surname = speaker.name.split()[-1]
    if ctx.text.find(surname) < start or not ctx.text.startswith(speaker.name.split()[0], m.start):
        return False  # named before (maybe with "Ms."), or here by surname alone
    if any(w.lower().strip(".,;:") in GENDER_OF for w in ctx.text[start:end].split()):
        return False
    opens, _ = ctx.sentence_bounds(pronoun.start)
    return _QUOTE_OPENS.match(ctx.text, opens) is not None


def _of_gender(ctx: _Article, m: Mention, pronoun: Mention) -> Speaker | None:
    """The person a bare surname names when a "he" or "she" wants that person's gender."""
    wanted = PRONOUN_GENDER.get(pronoun.name)
    person = ctx.people.person(m, wanted) if wanted else None
    if person is None or person.gender != wanted or person.name.split()[-1] != m.name.split()[-1]:
        return None  # (another bearer of that very surname, not someone else the word may name)
    return Speaker(
        person.name, person.role, person.affiliation, ctx.text[m.start : m.end], "person", person.gender
    )


def _agrees(pronoun: Mention, speaker: Speaker) -> bool:
    """ "she" never names someone the article shows to be a man ("Mr.", "spokesman"), nor "he" a
    woman; an unknown gender agrees with both."""
    want = PRONOUN_GENDER.get(pronoun.name)
    return want is None or speaker.gender in (None, want)


def _agrees_with(m: Mention, speaker: Speaker) -> bool:
    return m.gender is None or speaker.gender in (None, m.gender)
