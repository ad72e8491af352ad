"""Kin: a speaker described by a family tie ("the boy's uncle said", "her son said") is the
person the article named with that tie: in apposition before ("Zaid's uncle, Imraan Davids,
said", "his uncle Imraan Davids", "Imraan Davids, the boy's uncle,"), or, for a son or a
daughter, the person whose mother or father the article followed ("Bikash Sahu's mother had
been moved … ‘…,’ her son said"). News of accidents, crimes and hospitals quotes relatives so,
naming each once and then by the tie alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Speaker, _Article
from .mention import Mention
from .nameforms import Person
from .namesakes import KIN_NOUNS

# "her son", "the boy's uncle", "Zaid's cousin", "his elder brother": a tie and whose it is.
_DESCRIBED = re.compile(
    r"(?:(?:the|his|her|their)\s+)?(?:[\w-]+['’]s\s+)?(?:(?:elder|older|younger|late|eldest|youngest)\s+)?"
    r"(?P<kin>[a-z]+)",
    re.IGNORECASE,
)
# Before a name: "Zaid's uncle, ", "his uncle ", "the victim's mother, ".
# (maybe "the late": "Kaylee's grandfather, the late Dean Hansen")
_TIE_BEFORE = r"(?:['’]s|\b(?:his|her|their))\s+(?:[\w-]+\s+)?{kin},?\s+(?:the\s+late\s+)?$"
# After a name: ", the boy's uncle", ", his uncle", ", Zaid's uncle".
_TIE_AFTER = r",\s+(?:(?:the|a|his|her|their)\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+)?{kin}\b"
_PARENT_AFTER = re.compile(
    r"['’]s\s+(?:\d{1,3}-year-old\s+|elderly\s+|ailing\s+)?(?:mother|father|parents|mum|dad)\b"
)
_REACH = 40  # characters around a name its tie may stand in
# The gender a family word states, and that of its owner's possessive.
_FEMALE_KIN = "mother mum mom wife widow sister daughter grandmother granny aunt auntie stepmother niece"
_MALE_KIN = "father dad husband widower brother son grandfather uncle stepfather nephew"
KIN_GENDER = {**dict.fromkeys(_FEMALE_KIN.split(), "f"), **dict.fromkeys(_MALE_KIN.split(), "m")}
_OWNER_GENDER = {"his": "m", "her": "f"}


def kin_named(ctx: _Article, speaker: Speaker, at: int) -> Speaker:
    """``speaker`` resolved to the person named with its family tie before ``at`` (the quote's
    start), keeping the words the attribution rests on; else ``speaker`` itself."""
    if speaker.kind != "description":
        return speaker
    match = _DESCRIBED.fullmatch(speaker.name.strip())
    kin = match.group("kin").lower() if match else ""
    if kin not in KIN_NOUNS:
        return speaker
    named = tied(ctx, kin, at) or _child(ctx, kin, at)
    person = ctx.people.person(named) if named is not None else _same_family(ctx, speaker.name, kin, at)
    if person is None:
        return speaker
    return replace(
        speaker,
        name=person.name,
        role=person.role,
        affiliation=person.affiliation,
        kind="person",
        gender=person.gender or speaker.gender,
    )


def _people_before(ctx: _Article, at: int) -> list[Mention]:
    return [m for m in reversed(ctx.in_range(0, at)) if m.kind == "person" and " " in m.name.strip()]


def tied(ctx: _Article, kin: str, at: int) -> Mention | None:
    """The last person named before ``at`` with the tie ``kin`` in apposition ("Zaid's uncle,
    Imraan Davids,"), or None."""
    before = re.compile(_TIE_BEFORE.format(kin=kin), re.IGNORECASE)
    after = re.compile(_TIE_AFTER.format(kin=kin))
    for m in _people_before(ctx, at):
        if before.search(ctx.text, max(0, m.start - _REACH), m.start) or after.match(ctx.text, m.end):
            return m
    return None


def _child(ctx: _Article, kin: str, at: int) -> Mention | None:
    """For "her son"/"his daughter": the last person of that gender before ``at`` whose mother or
    father the article wrote of ("Bikash Sahu's mother")."""
    if kin not in ("son", "daughter"):
        return None
    gender = KIN_GENDER[kin]
    for m in _people_before(ctx, at):
        if _PARENT_AFTER.match(ctx.text, m.end):
            person = ctx.people.person(m)
            if person is not None and person.gender in (gender, None):
                return m
    return None


def _same_family(ctx: _Article, described: str, kin: str, at: int) -> Person | None:
    """ "He said his mother once told him": with no tie stated, the one person of the family
    word's gender who shares the surname of the last person before ``at`` of the possessive's
    gender (the owner), not the owner ("Her son, Teodor Wojciechowski … his mother" is Dolores
    Wojciechowski)."""
    owner_gender = _OWNER_GENDER.get(described.split()[0].lower())
    gender = KIN_GENDER.get(kin)
    if owner_gender is None or gender is None:
        return None
    owner = next(
        (
            p
            for m in _people_before(ctx, at)
            if (p := ctx.people.person(m)) is not None and p.gender == owner_gender
        ),
        None,
    )
    if owner is None:
        return None
    surname = owner.name.split()[-1]
    family = [
        p
        for p in ctx.people.persons
        if p.name != owner.name and p.name.split()[-1] == surname and p.gender == gender
    ]
    return family[0] if len(family) == 1 else None
