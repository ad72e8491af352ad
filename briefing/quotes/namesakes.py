"""Namesakes: which of the people of an article who share a surname a bare surname means, by
the title before it, by "the elder"/"the younger", or because the paragraph before introduced one
of them (People.named asks these before recency and use decide)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .gender import first_name_gender, is_first_name
from .nameforms import Person, _ends_name, _norm, _words
from .words import _title, role_word

if TYPE_CHECKING:
    from .people import People

# How many times a surname stands alone for one person before a namesake is introduced for it to
# stay that person's in the paragraph after the introduction (PolNeAR train: a senator "Murphy"
# twice before the article names a victim Anne Marie Murphy; blind tune parts: a sister named
# right after the union president, whom the story had called only by full name).
_ESTABLISHED = 2
# A pronoun subject of the sentence before the name: the sentence is about someone else.
_SUBJECT_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b")
# A capitalised word, perhaps abbreviated, right before a name: its title ("Sgt. ", "Dr ").
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,14})\.?[ \t]+\Z")
_TITLE_AT = re.compile(r"([A-Z][a-z]{1,14})\.?[ \t]+(?=[A-Z])")
# "the elder Lau", "the younger Delvaux": one of two relatives, by age.
_SENIORITY = re.compile(r"\b(elder|older|younger)[ \t]+$", re.IGNORECASE)
KIN_NOUNS = frozenset(
    """mother father mum mom dad son daughter uncle aunt auntie brother sister cousin grandmother
grandfather granny grandson granddaughter niece nephew wife husband widow widower fiancée fiance
fiancé stepfather stepmother""".split()
)
# A relative introduced in apposition: "his older brother, Luis Reyes", "her daughter, singer
# Lacey Whitley", "her mother, Joan Ashcroft".
_KIN_INTRO = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:elder|older|younger|late|eldest|youngest|twin)\s+)?([a-z]+),?\s+"
    r"(?:[a-z][\w-]*\s+){0,2}\Z"
)
# A son or daughter named right after the word: "His son, vice-chairman Lau Chun-hei".
_CHILD_BEFORE = re.compile(r"\b(?:son|daughter|grandson|granddaughter)\b[^.;]{0,58}$", re.IGNORECASE)


def _stated_age(text: str, name: str) -> int | None:
    """The age the text gives a name ("Thomas Delvaux, 34,", "61-year-old Jean-Marc Delvaux")."""
    m = re.search(re.escape(name) + r",\s*(\d{1,3})\b(?!-)", text) or re.search(
        r"\b(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,3}" + re.escape(name), text
    )
    return int(m.group(1)) if m else None


def by_seniority(people: People, hits: Sequence[Person], at: int | None) -> Person | None:
    """Of relatives sharing a name, the one "the elder"/"the younger" before ``at`` means: by
    the ages the article gives ("Delvaux, 61," and "Thomas Delvaux, 34,"), else by a son or
    daughter it names ("His son, chief executive Lau Chun-hei")."""
    if at is None or len(hits) != 2:
        return None
    which = _SENIORITY.search(people.text, max(0, at - 12), at)
    if which is None:
        return None
    elder = which.group(1).lower() in ("elder", "older")
    ages = [_stated_age(people.text, p.name) for p in hits]
    if all(a is not None for a in ages) and ages[0] != ages[1]:
        pick = max if elder else min
        return hits[ages.index(pick(a for a in ages if a is not None))]
    starts = [people.first_named_at(p) or 0 for p in hits]
    kin = [_CHILD_BEFORE.search(people.text, max(0, s - 60), s) is not None for s in starts]
    if kin.count(True) == 1:
        child = hits[kin.index(True)]
        return next(p for p in hits if p is not child) if elder else child
    return None


def same_title(people: People, hits: Sequence[Person], at: int) -> Person | None:
    """Of ``hits``, the one person the article names in full with the title that stands
    before the surname at ``at`` ("Dr Boateng, the economist" of Dr Adwoa Boateng, not of the
    MP Nana Yaw Boateng)."""
    title = _title_before(people, at)
    if title is None:
        return None
    # (a shorter form of a fuller name is that person: "Mr. Vander Plaats" of Bob Vander Plaats)
    distinct = [p for p in hits if not any(_ends_name(p.name, q.name) for q in hits)]
    bearers = [p for p in distinct if title in _titles(people, p)]
    return bearers[0] if len(bearers) == 1 and len(distinct) > 1 else None


def _titles(people: People, person: Person) -> set[str | None]:
    """The titles the article gives ``person`` before their full name."""
    return {_title_before(people, s) for s in people.named_at.get(_norm(person.name), ())}


def _title_before(people: People, at: int) -> str | None:
    """The title or rank of a name mention at ``at``, lower case: the mention's first word
    ("Dr Boateng") or the word right before it ("Sgt. Lefebvre")."""
    for hit in (_TITLE_AT.match(people.text, at), _TITLE_BEFORE.search(people.text, max(0, at - 20), at)):
        if hit is not None and (_title(hit.group(1)) or role_word(hit.group(1))):
            return hit.group(1).lower()
    return None


def introduced_before(people: People, hits: Sequence[Person], at: int) -> Person | None:
    """Of ``hits``, the one the paragraph right before the one holding ``at`` introduces (names
    in full for the first time), when it names no other of them: "the union president's
    younger sister, Marisol Benavides, stood near the terminal. ¶ “…,” Benavides said"."""
    k = bisect_right(people.paragraphs, at) - 1
    if k < 1:
        return None
    begin, end = people.paragraphs[k - 1], people.paragraphs[k]
    there = [p for p in hits if any(begin <= s < end for s in people.named_at.get(_norm(p.name), ()))]
    if len(there) != 1:
        return None
    first = people.first_named_at(there[0])
    if first is None or not begin <= first < end:
        return None
    opening = max(begin, *(people.text.rfind(c, begin, first) + 1 for c in ".?!"))
    if _SUBJECT_BEFORE.search(people.text, opening, first):
        return None  # "She moved there after marrying Walter Kaminski": the sentence is not his
    # … unless the article had made the surname another's by then ("Murphy said" twice of the
    # senator before it names a victim, Anne Marie Murphy)
    alone = people.alone.get(_norm(_words(there[0].name)[-1]), [])
    return there[0] if sum(s < first for s in alone) < _ESTABLISHED else None


def kin_introduced(people: People, hits: Sequence[Person]) -> list[Person]:
    """Of namesakes ``hits``, those the article introduced as a relative in apposition ("his
    older brother, Luis Reyes"): news goes on calling them by full or given name, and a bare
    surname stays the person they are the relative of."""
    out = []
    for p in hits:
        first = people.first_named_at(p)
        tie = _KIN_INTRO.search(people.text, max(0, first - 50), first) if first is not None else None
        if tie is not None and tie.group(1) in KIN_NOUNS:
            out.append(p)
    return out


def without_relatives(people: People, hits: list[Person], surname: str) -> tuple[list[Person], Person | None]:
    """``hits`` less those introduced as a relative of whoever the bare ``surname`` is, and, when
    none is left, the one other person the article names in full with it (or None)."""
    relatives = [p for p in hits if a_relative_of_the_surname(people, p, surname)]
    if not relatives:
        return hits, None
    rest = [p for p in hits if p not in relatives]
    return rest, (None if rest else named_in_full_elsewhere(people, surname, relatives))


def a_relative_of_the_surname(people: People, p: Person, surname: str) -> bool:
    """Was ``p`` introduced as the relative of whoever the bare surname is: of the surname itself
    ("Raghavan's mother, Lakshmi Raghavan") or of the one the story is about, whom it called by
    the bare surname before ("Ribeiro … José Ribeiro, the player's father,")? Then "Raghavan
    said" is someone else, named in full or not."""
    first = people.first_named_at(p)
    if first is None:
        return False
    before = _RELATIVE_OF.search(people.text[max(0, first - 60) : first])
    if before is not None and before.group(1).lower() == surname.lower():
        return before.group(2).lower() in KIN_NOUNS
    if not any(at < first for at in people.alone.get(_norm(surname), ())) and not _alone_in_title(
        people, surname
    ):
        return False  # (a story that calls no one else so before: "Fatima Dawood, the boy's mother")
    end = first + len(p.name)
    after = _RELATIVE_AFTER.match(people.text, end) if people.text.startswith(p.name, first) else None
    return after is not None and after.group(1).lower() in KIN_NOUNS


def described_after(people: People, hits: Sequence[Person], words: str, at: int) -> Person | None:
    """Of the namesakes ``hits``, the one whose role holds the noun of the apposition right after
    the surname at ``at`` ("said Patel, the analyst" of Nikhil Patel, an analyst at Wedbush, not of
    the engineer Priya Patel), or None."""
    if not people.text.startswith(words, at):
        return None
    described = _DESCRIBED_AFTER.match(people.text, at + len(words))
    if described is None:
        return None
    noun = described.group(1).lower()
    fitting = [p for p in hits if p.role and noun in re.findall(r"[\w-]+", p.role.lower())]
    return fitting[0] if len(fitting) == 1 else None


# ", the analyst" right after a surname: the noun its apposition describes the person by.
_DESCRIBED_AFTER = re.compile(r",[ \t]+the[ \t]+([a-z][\w-]+)\b(?![ \t]+of\b)")


def named_in_full_elsewhere(people: People, surname: str, relatives: Sequence[Person]) -> Person | None:
    """The one person the article names in full with ``surname`` anywhere in its text (inside a
    quotation, a caption or a list the clean stage set aside, the title) other than
    ``relatives``: who the bare surname names when attribution rules out the relative named
    beside it ("Raghavan's mother, Lakshmi Raghavan" and, in a commentator's quote, "Aditya
    Raghavan is the champion"). A first word the lexicon knows as a first name makes the full
    name; two such people make it no one."""
    pattern = re.compile(rf"\b([A-Z][\w'’-]+)[ \t]+{re.escape(surname)}\b")
    known = {_norm(p.name) for p in relatives}
    found: dict[str, str] = {}
    for text in (people.text, people.title):
        for m in pattern.finditer(text):
            first = m.group(1)
            name = f"{first} {surname}"
            if is_first_name(first) and _norm(name) not in known:
                found.setdefault(_norm(name), name)
    if len(found) != 1:
        return None
    name = next(iter(found.values()))
    return Person(name, None, None, None, gender=first_name_gender(name.split()[0]))


def _alone_in_title(people: People, surname: str) -> bool:
    """Does the title line (which attribution reads apart from the body) use the surname alone,
    after no capitalised word ("Ribeiro transfer latest: …")?"""
    line = people.title
    for m in re.finditer(rf"\b{re.escape(surname)}\b", line):
        before = line[: m.start()].split()
        if not before or not before[-1][:1].isupper():
            return True
    return False


_KIN_AGE = r"(?:(?:elder|older|younger|late|eldest|youngest|twin)\s+)?"
# "Raghavan's mother, " right before the name
_RELATIVE_OF = re.compile(rf"\b([\w-]+)['’]s\s+{_KIN_AGE}([a-z]+),?\s+\Z")
# ", the player's father," right after it (the one the story is about: no name of their own)
_RELATIVE_AFTER = re.compile(rf",\s+the\s+(?:[a-z-]+\s+)?[a-z]+['’]s\s+{_KIN_AGE}([a-z]+)\b")


# An honorific before a bare surname: "Mrs Whitfield", "Mr. Lind".
_HONORIFIC = re.compile(r"(?:Mrs|Mr|Ms|Miss|Dr)\.?\s")


def titled_after_introduction(people: People, hits: Sequence[Person], at: int) -> Person | None:
    """Of namesakes ``hits``, the one named in full in the paragraph before or in this one, when
    the mention at ``at`` takes an honorific: a tabloid calls its subject "Whitfield" and the
    mother it goes on to introduce ("Her mother, Carol Whitfield, 61, …") "Mrs Whitfield"."""
    if not _HONORIFIC.match(people.text, at):
        return None
    k = bisect_right(people.paragraphs, at) - 1
    begin = people.paragraphs[k - 1] if k >= 1 else 0
    near = [p for p in hits if any(begin <= s < at for s in people.named_at.get(_norm(p.name), ()))]
    return near[0] if len(near) == 1 else None
