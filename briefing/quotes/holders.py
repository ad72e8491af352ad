"""Holders: the one person in the article who holds the office a role mention names ("the
mayor" of "Mayor Jane Lind", "the Texas senator" of the senator the article called "Texas Sen.")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .countries import country_of
from .lexicon import role_class
from .mention import Mention
from .nameforms import Person, _norm
from .offices import role_fits
from .places import is_place

if TYPE_CHECKING:
    from .people import People


def holder(people: People, mention: Mention) -> Person | None:
    """The one person in the article who holds the role a role mention describes."""
    pool = [p for p in people.persons if p.role_class == mention.role_class]
    pool += [
        Person(
            a.name,
            a.role,
            role_class(a.role or ""),
            country_of((a.affiliation or "").split()),
            a.affiliation,
        )
        for a in people.actors
        if a.role
        and role_class(a.role) == mention.role_class
        and all(_norm(a.name) != _norm(p.name) for p in pool)
        and people.present(a)
    ]
    if mention.country:
        pool = [p for p in pool if p.country in (mention.country, None)]
    # a body's name or initials in the role ("the MRM leader") must be the holder's too
    bodies = _bodies(mention.name)
    if bodies:
        # (or names none and has the very office: "Meridian founder and CEO Raymond Okoro-Hale"
        # kept only "CEO" of his role, which is "Meridian CEO")
        head = mention.name.split()[-1].lower()
        pool = [
            p
            for p in pool
            if bodies <= set(f"{p.role or ''} {p.affiliation or ''}".split())
            or (not (_bodies(p.role or "") or p.affiliation) and (p.role or "").lower().endswith(head))
        ]
    if len(pool) == 1:
        return pool[0]
    named = [p for p in pool if p.country == mention.country]
    if mention.country and len(named) == 1:
        return named[0]
    # of several, the one whose role ends in the description's head: "the chief" is "Fire
    # Chief Bobby Lusk", not "Chief Meteorologist Sean McCaffrey"
    head = mention.name.split()[-1].lower() if mention.name.split() else ""
    ending = [p for p in pool if p.role and p.role.split()[-1].lower().strip(",.") == head]
    if len(ending) == 1:
        return ending[0]
    # else the one named last before it whose role has the mention's words ("the Texas
    # senator" of two senators is the one the article called "Texas Sen.")
    fits = [p for p in ending or pool if role_fits(mention, p.role)]
    return fits[0] if len(fits) == 1 else people.named_last(fits, mention.start)


def _bodies(role: str) -> set[str]:
    """The capitalised words of a role before its head that name a body, no place ("MRM" of "the
    MRM leader")."""
    return {w for w in role.split()[:-1] if w[:1].isupper() and not is_place(w)}
