"""Name forms: a person as one article introduces them, and how two written forms of a name
relate (initials, particles, a quoted nickname, spellings of one given name). ``people.People``
reads them to resolve a mention to the full name the article uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import COUNTRY_OF
from .gender import first_name_gender, is_first_name
from .lexicon import CUE_WORDS, FUNCTION_WORDS
from .places import is_place
from .speakers import Mention
from .words import NAME_SUFFIXES, initials_first
from .words import PLACE_INITIALS as _PLACE_INITIALS


@dataclass(frozen=True, slots=True)
class Person:
    """A person as introduced in one article."""

    name: str  # the fullest form of the name used in the article
    role: str | None
    role_class: str | None
    country: str | None
    affiliation: str | None = None
    gender: str | None = None  # "m" | "f" when a title or role noun in the article shows it


_NOT_WORD = re.compile(r"[^\w\s]")


# Cached: the same few names are normalised hundreds of times per article (each resolution
# compares a mention with every person); a profile of PolNeAR train had 480,000 calls.
@lru_cache(maxsize=1 << 15)
def _norm(name: str) -> str:
    return _NOT_WORD.sub("", name).lower().strip()


# Generational suffixes after a surname ("Joseph R. Biden Jr.", "Harry Hurt III"): no part of the
# surname a later mention uses ("Mr. Biden"), but they tell a son from his father.
_SUFFIXES = frozenset(w.lower().rstrip(".") for w in NAME_SUFFIXES)


@lru_cache(maxsize=1 << 15)
def _words(name: str) -> tuple[str, ...]:
    """The normalised words of a name without its generational suffix."""
    words = tuple(_norm(name).split())
    return words[:-1] if len(words) > 1 and words[-1] in _SUFFIXES else words


def _suffix(name: str) -> str | None:
    words = _norm(name).split()
    return words[-1] if len(words) > 1 and words[-1] in _SUFFIXES else None


def _has_first_name(name: str) -> bool:
    first = name.split()[0]
    return is_first_name(first) or bool(_INITIALS.fullmatch(first))


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# Initials before a surname ("says J.J. MacNab", "George H.W. Bush"), with the given name before
# them if any: the tokenizer reads "J.J." as an acronym, no part of a name, so the mention is the
# surname alone and People reads the initials back from the text.
_INITIALS_BEFORE = re.compile(r"(?:\b([A-Z][a-z]+)[ \t]+)?\b((?:[A-Z]\.){2,3})[ \t]+$")


def _initialled(text: str, m: Mention) -> Person | None:
    """The person initials and a one-word name stand for ('J.J. MacNab', 'George H.W. Bush')."""
    if initials_first(m.name) and len(m.name.split()) == 2:
        return Person(m.name, m.role, m.role_class, m.country, gender=m.gender)  # one mention: "J.D. Vance"
    if len(m.name.split()) != 1:
        return None
    before = _INITIALS_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None or before.group(2) in _PLACE_INITIALS:
        return None
    given = before.group(1) if before.group(1) and is_first_name(before.group(1)) else None
    name = " ".join(w for w in (given, before.group(2), m.name) if w)
    return Person(name, m.role, m.role_class, m.country, gender=first_name_gender(given or ""))


# Particles that open a surname ("al Ashry", "de Blasio", "Van Hollen").
_PARTICLES = frozenset("al el de del della dela delos di da du der den van von le la bin ibn".split())


def _ends_name(short: str, full: str) -> bool:
    """Is ``short`` the end of the longer name ``full`` ("Vander Plaats", "Bob Vander Plaats")?"""
    ws, wf = _words(short), _words(full)
    return len(ws) < len(wf) and wf[-len(ws) :] == ws


def _particle_form(short: str, full: str) -> bool:
    """Is ``short`` a particle and surname that end the longer name ``full`` ("Al Ashry" of
    "Ahmed al Ashry")?"""
    ws = _words(short)
    return len(ws) > 1 and ws[0] in _PARTICLES and _ends_name(short, full)


_AND = re.compile(r"[ \t]+and[ \t]+")
# A nickname in quotation marks: one or two words ('“Tig”', '"Chico"').
_NICKNAME = re.compile(r"[ \t]+[“\"‘'][A-Z][\w.'’-]*(?:[ \t][\w.'’-]+)?[”\"’'][ \t]+")


def _nicknamed(text: str, first: Mention, last: Mention) -> Person | None:
    """The person a given name, a quoted nickname and a surname name ('John “Tig” Tiegen'), or
    None."""
    given = first.name.split()[-1] if first.kind in ("name", "person") and first.name.split() else ""
    if (
        # the surname alone, maybe with a role in apposition ('Pádraig “Podge” Kiely, a taxi driver')
        last.kind not in ("name", "person")
        or len(last.name.split()) != 1
        # (a quoted word between two names marks the first as given, lexicon or not: "Chukwuemeka
        # “Emeka” Obi")
        or not (is_first_name(given) or (first.kind == "name" and given[:1].isupper()))
        or not _NICKNAME.fullmatch(text, first.end, last.start)
    ):
        return None
    role, role_class, country = (
        (first.role, first.role_class, first.country)
        if first.role
        else (last.role, last.role_class, last.country)
    )
    return Person(f"{given} {last.name}", role, role_class, country, gender=first_name_gender(given))


_LISTED = re.compile(r",[ \t]+")


# Words a Title Case headline capitalises after a name ("Kelly Is No Different", "Bernie Sanders
# Says He …"): no surname.
_NOT_SURNAMES = (
    FUNCTION_WORDS
    | CUE_WORDS
    | frozenset("is are was were be been has have had will would can could should must do does did".split())
)


def _given_second(name: str) -> bool:
    """A family name, then a given name the lexicon knows ("Pak Sun-hee", "Xi Jinping"); not a
    place ("New York")."""
    words = name.split()
    return len(words) == 2 and is_first_name(words[1]) and not is_place(name)


def _same_person(a: str, b: str) -> bool:
    """Two full names of one person: the same first name and surname ("Hillary Clinton",
    "Hillary Rodham Clinton"), and the same suffix."""
    wa, wb = _words(a), _words(b)
    return wa[0] == wb[0] and wa[-1] == wb[-1] and _suffix(a) == _suffix(b)


def _same_first(a: str, b: str) -> bool:
    """Two names of one person: one first name begins the other ("Ken"/"Kenneth", "Harry M. Reid"
    /"Harry Reid"), and no generational suffix tells them apart ("Donald Trump Jr." is the son)."""
    fa, fb = _norm(a).split()[0], _norm(b).split()[0]
    return (fa.startswith(fb) or fb.startswith(fa)) and _suffix(a) == _suffix(b)


def country_word(word: str) -> bool:
    """Does the word name a country, its people or its capital?"""
    return word.lower() in COUNTRY_OF
