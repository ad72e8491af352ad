"""People of one article: who was introduced how, so that a surname, a role mention or a config
actor's alias resolves to the full name used in the same article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Actor
from .gender import first_name_gender
from .lexicon import COUNTRY_OF, country_of, role_class
from .speakers import Mention


@dataclass(frozen=True, slots=True)
class Person:
    """A person as introduced in one article."""

    name: str  # the fullest form of the name used in the article
    role: str | None
    role_class: str | None
    country: str | None
    affiliation: str | None = None
    gender: str | None = None  # "m" | "f" when a title or role noun in the article shows it


def _norm(name: str) -> str:
    return re.sub(r"[^\w\s]", "", name).lower().strip()


class People:
    """Who the article introduces, and how their mentions resolve."""

    def __init__(self, found: Sequence[Mention], actors: Sequence[Actor] = ()) -> None:
        self.actors = tuple(actors)
        self.persons: list[Person] = []
        for m in found:
            if m.kind == "person" and len(m.name.split()) > 1:
                gender = m.gender or first_name_gender(m.name.split()[0])
                self._add(Person(m.name, m.role, m.role_class, m.country, gender=gender))
        for m in found:  # role stated with a surname only: "Foreign Minister Lavrov"
            if m.kind == "person" and len(m.name.split()) == 1 and m.role:
                person = self._by_surname(m.name)
                if person is None:
                    self._add(Person(m.name, m.role, m.role_class, m.country, gender=m.gender))
                elif person.role is None:
                    self._replace(
                        person, replace(person, role=m.role, role_class=m.role_class, country=m.country)
                    )
        for m in found:  # a title on a later mention shows gender: "Ms Varga", "Mr. Lind"
            person = self._by_surname(m.name) if m.gender and m.kind in ("person", "name") else None
            if person is not None and person.gender is None:
                self._replace(person, replace(person, gender=m.gender))

    def _add(self, person: Person) -> None:
        for known in self.persons:
            if _norm(known.name) == _norm(person.name):
                if known.role is None and person.role:
                    self._replace(known, replace(person, gender=person.gender or known.gender))
                elif known.gender is None and person.gender:
                    self._replace(known, replace(known, gender=person.gender))
                return
        self.persons.append(person)

    def _replace(self, old: Person, new: Person) -> None:
        self.persons[self.persons.index(old)] = new

    def _by_surname(self, word: str) -> Person | None:
        hits = [p for p in self.persons if _norm(p.name).split()[-1] == _norm(word)]
        return hits[0] if len(hits) == 1 else None

    def actor(self, name: str) -> Actor | None:
        """The config actor whose name or alias (or its surname) is ``name``."""
        target = _norm(name)
        for actor in self.actors:
            forms = [_norm(f) for f in (actor.name, *actor.aliases)]
            if target in forms or (" " not in target and target in [f.split()[-1] for f in forms if f]):
                return actor
        return None

    def person(self, mention: Mention) -> Person | None:
        """The person a person/name mention refers to (full name from the article or config)."""
        actor = self.actor(mention.name)
        if actor is not None:
            rc = role_class(actor.role or "") or mention.role_class
            known = self._by_surname(actor.name.split()[-1]) if actor.name.split() else None
            return Person(
                actor.name,
                actor.role or mention.role,
                rc,
                mention.country,
                actor.affiliation,
                mention.gender or (known.gender if known is not None else None),
            )
        words = mention.name.split()
        gender = mention.gender or (first_name_gender(words[0]) if len(words) > 1 else None)
        as_stated = Person(mention.name, mention.role, mention.role_class, mention.country, gender=gender)
        if len(mention.name.split()) == 1:
            known = self._by_surname(mention.name)
            return known if known is not None else as_stated
        for known in self.persons:
            if _norm(known.name) == _norm(mention.name):
                return known
        return as_stated

    def holder(self, mention: Mention) -> Person | None:
        """The one person in the article who holds the role a role mention describes."""
        pool = [p for p in self.persons if p.role_class == mention.role_class]
        pool += [
            Person(
                a.name,
                a.role,
                role_class(a.role or ""),
                country_of((a.affiliation or "").split()),
                a.affiliation,
            )
            for a in self.actors
            if a.role
            and role_class(a.role) == mention.role_class
            and all(_norm(a.name) != _norm(p.name) for p in pool)
        ]
        if mention.country:
            pool = [p for p in pool if p.country in (mention.country, None)]
        if len(pool) == 1:
            return pool[0]
        named = [p for p in pool if p.country == mention.country]
        return named[0] if mention.country and len(named) == 1 else None

    def known_surname(self, word: str) -> bool:
        """Is ``word`` the surname of someone the article (or config) names in full?"""
        return self._by_surname(word) is not None or self.actor(word) is not None


def country_word(word: str) -> bool:
    """Does the word name a country, its people or its capital?"""
    return word.lower() in COUNTRY_OF
