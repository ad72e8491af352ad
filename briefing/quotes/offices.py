"""Offices: whether a description ("the Texas senator", "the mayor") fits the role the article
stated with a person's name ("Texas Sen. Ted Cruz"), and the office a role holds, so that two
different offices are two people.
"""

from __future__ import annotations

import re

from .lexicon import role_class, singular
from .mention import Mention

# Offices a description names by its head noun; two different ones are two people ("the mayor"
# is not who the article called "President"). Generic heads ("leader", "official") hold any.
_OFFICES = re.compile(
    r"\b(president|mayor|governor|prime minister|chancellor|senator|sen\.?|ambassador|judge|sheriff|ceo"
    r"|chief executive)\b",
    re.IGNORECASE,
)


def office(text: str) -> str | None:
    found = _OFFICES.findall(text)
    if not found:
        return None
    office = found[-1].lower().rstrip(".")
    return {"sen": "senator", "chief executive": "ceo"}.get(office, office)


def same_office(m: Mention, role: str | None) -> bool:
    """May the description be the person with that stated role: no two different offices ("the
    former CEO" is not the person the article called "Sen.")?"""
    held, wanted = office(role or ""), office(m.name)
    return not (held and wanted and held != wanted)


def modifiers(m: Mention) -> set[str]:
    """The capitalised words before a role's head ("florida" of "the Florida senator")."""
    words = m.name.split()[:-1]
    return {w.lower() for w in words if w[:1].isupper() and w.lower() not in ("the", "a", "an")}


# Office nouns and the titles that stand for them before a name ("Texas Sen. Ted Cruz").
# … and the short forms of a firm's officers ("the CEO" is who the article called "chief executive").
_TITLE_OF = {
    "senator": {"sen"},
    "governor": {"gov"},
    "representative": {"rep"},
    "congressman": {"rep"},
    "ceo": {"executive"},
    "executive": {"ceo"},
    "cfo": {"financial"},
    "coo": {"operating"},
    "cllr": {"councillor", "councilor"},
    "councillor": {"cllr"},
}


def role_fits(m: Mention, role: str | None) -> bool:
    """Does a person's stated role fit a description: its head noun (or that office's title) and
    every capitalised word of the description ("Texas" of "the Texas senator")?"""
    if not role:
        return False
    stated = {w.lower().strip(".,") for w in role.split()}
    stated |= {singular(w) for w in stated}  # "Morning Joe hosts"
    words = m.name.split()
    head = words[-1].lower()
    if not ({head} | _TITLE_OF.get(head, set())) & stated and role_class(role) != (m.role_class or "-"):
        return False
    if stated & _UNDER and not {w.lower() for w in words} & _UNDER:
        return False  # "the mayor" is not who the article called "Deputy mayor"
    return modifiers(m) <= stated


# Words that make a role another, lower office: a deputy mayor is not "the mayor" (an assistant
# coroner is "the coroner": tune part w04).
_UNDER = frozenset("deputy vice vice-president under-secretary".split())


# Nouns for any holder of a kind of office: "the diplomat" may go back to the ambassador, the
# envoy, the deputy foreign minister named before ("„…“, — specified the diplomat": round 13).
_KINDS_OF_OFFICE = {
    "diplomat": (frozenset({"foreign minister", "ambassador"}), frozenset("diplomat consul envoy".split())),
}


def of_kind(head: str, role: str | None) -> bool:
    """Is a stated role one of the offices a kind's noun stands for ("diplomat": a foreign
    minister, an ambassador, a consul)?"""
    kind = _KINDS_OF_OFFICE.get(head)
    if kind is None or not role:
        return False
    classes, words = kind
    return role_class(role) in classes or bool({w.lower().strip(".,") for w in role.split()} & words)
