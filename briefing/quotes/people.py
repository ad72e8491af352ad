"""People of one article: who was introduced how, so that a surname, a role mention or a config
actor's alias resolves to the full name used in the same article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..models import Actor
from .gender import first_name_gender, is_first_name
from .lexicon import role_class
from .nameforms import (
    _AND,
    _LISTED,
    _NOT_SURNAMES,
    _PARTICLES,
    Person,
    _given_second,
    _has_first_name,
    _initialled,
    _nicknamed,
    _norm,
    _particle_form,
    _same_first,
    _same_person,
    _words,
)
from .namesakes import (
    by_seniority,
    described_after,
    introduced_before,
    kin_introduced,
    same_title,
    titled_after_introduction,
    without_relatives,
)
from .speakers import Mention
from .words import initials_first

# A family word right before a given name: "his daughter Aoife", "widow Maire".
_KIN_BEFORE = re.compile(
    r"\b(?:daughter|son|wife|husband|sister|brother|mother|father|widow|widower|niece|nephew|"
    r"granddaughter|grandson|partner|fiancée|fiance|fiancé)[ \t]+$"
)


# A family or pair named as a group before their given names: "twins Lerato and Karabo Mokoena".
_KIN_GROUP = re.compile(
    r"\b(?:twins|brothers|sisters|siblings|couple|parents|cousins|sons|daughters|spouses|husband and wife)"
    r"[ \t]+$",
    re.IGNORECASE,
)


# After a name, what others call that person: ", 63 years old, whom everyone in the village
# calls “Old Li”", ", known to all as 'Nanay Connie'", ", nicknamed “the Wall”".
_CALLED = re.compile(
    r",[^.;:!?\n“”\"]{0,40}?\b(?:(?:whom|who)\s+[^.;:!?\n“”\"]{0,40}?\b(?:calls?|know\s+as)"
    r"|known(?:\s+[\w'’-]+){0,8}?\s+as|nicknamed)\s+[“\"‘]([^”\"’\n]{2,30})[”\"’]"
)


class People:
    """Who the article introduces, and how their mentions resolve."""

    def __init__(
        self,
        found: Sequence[Mention],
        actors: Sequence[Actor] = (),
        paragraphs: Sequence[int] = (),
        text: str = "",
        title: str = "",
    ) -> None:
        """``paragraphs``: where the article's paragraphs start; ``text``: what the mentions'
        offsets index; ``title``: the article's title (all optional: no rule reads one not given)."""
        self.actors = tuple(actors)
        self.title = title
        self.persons: list[Person] = []
        # given names joined to a full name by "and" (below): mention start -> the person
        self.coordinated: dict[int, Person] = {}
        self._lower_cache: dict[str, bool] = {}  # opens_a_name: a word never written in lower case
        # How often each full name is used: of two people sharing a surname, the one the article
        # names more often is the one a bare surname means.
        self.uses: Counter[str] = Counter()
        # Where each full name is used, and the paragraphs: a surname after a full name in the
        # same paragraph is that person's, however often the article names the other.
        self.named_at: dict[str, list[int]] = {}
        self.paragraphs = sorted(paragraphs)
        self._text = text
        # Where each word stands alone as a name ("Murphy said"): a surname it has become.
        self.alone: dict[str, list[int]] = {}
        for m in found:
            if m.kind == "name" and " " not in m.name:
                self.alone.setdefault(_norm(m.name), []).append(m.start)
        for m in found:
            if m.kind == "person" and len(m.name.split()) > 1 and not initials_first(m.name):
                self.uses[_norm(m.name)] += 1
                self.named_at.setdefault(_norm(m.name), []).append(m.start)
                gender = m.gender or first_name_gender(m.name.split()[0])
                self._add(Person(m.name, m.role, m.role_class, m.country, gender=gender))
        for m in found:
            # Initials and a surname name someone no full name of the article does ("says J.J.
            # MacNab"), not a firm named after a person named in full ("Laurence Meyer … runs
            # L.H. Meyer").
            initialled = _initialled(text, m) if m.kind in ("person", "name") else None
            if initialled is not None and all(
                _norm(p.name) == _norm(initialled.name) for p in self._surname_hits(m.name.split()[-1])
            ):
                self.uses[_norm(initialled.name)] += 1
                self.named_at.setdefault(_norm(initialled.name), []).append(m.start)
                self._add(initialled)
        for m in found:  # role stated with a surname only: "Foreign Minister Lavrov"
            if m.kind == "person" and len(m.name.split()) == 1 and m.role:
                # a given name a profile goes on with: "As Freddy, an airline pilot, …" of Freddy Trump
                person = (
                    self._by_surname(m.name)
                    or self._first_named(m.name, m.gender)
                    or self._middle_named(m.name, m.gender)
                )
                if person is None:
                    self._add(Person(m.name, m.role, m.role_class, m.country, gender=m.gender))
                elif person.role is None:
                    self._replace(
                        person, replace(person, role=m.role, role_class=m.role_class, country=m.country)
                    )
        # A given name joined to a full name by "and" shares its surname: "brothers Ammon and
        # Ryan Bundy", "David and Jeanne Heidler" name Ammon Bundy and David Heidler.
        ordered = sorted(found, key=lambda m: m.start)
        for before, first, full in zip([None, *ordered], ordered, ordered[1:], strict=False):
            shared = self._coordinated(text, first, full, before)
            if shared is not None:
                self.uses[_norm(shared.name)] += 1
                self.named_at.setdefault(_norm(shared.name), []).append(first.start)
                self._add(shared)
                self.coordinated[first.start] = shared
            # A nickname in quotation marks between a given name and a surname is masked as a
            # quote, which splits the name: 'John “Tig” Tiegen' is John Tiegen.
            nicknamed = _nicknamed(text, first, full)
            if nicknamed is not None:
                self.uses[_norm(nicknamed.name)] += 1
                self.named_at.setdefault(_norm(nicknamed.name), []).append(first.start)
                self._add(nicknamed)
        # Lone given names ("his daughter Aoife said"): a relative a later "Ms Coughlan" may be.
        self.given_names = [(m.start, m.name) for m in found if m.kind == "name" and is_first_name(m.name)]
        # A name the article says others call someone: "Li Guoqiang, 63, whom everyone in the
        # village calls “Old Li”" makes a later "Old Li said" Li Guoqiang.
        self.aliases: dict[str, str] = {}  # the name others use -> the full name's _norm
        for m in found:
            called = _CALLED.match(text, m.end) if m.kind == "person" and " " in m.name else None
            if called is not None:
                self.aliases.setdefault(_norm(called.group(1)), _norm(m.name))
        for m in found:  # a title on a later mention shows gender: "Ms Varga", "Mr. Lind"
            person = self._by_surname(m.name) if m.gender and m.kind in ("person", "name") else None
            if person is not None and person.gender is None:
                self._replace(person, replace(person, gender=m.gender))

    @property
    def text(self) -> str:
        """The text the mentions' offsets index."""
        return self._text

    def _coordinated(self, text: str, first: Mention, full: Mention, before: Mention | None) -> Person | None:
        """The person a lone given name before "and" and a full name stands for, or None. Not a
        surname the article uses ("Kelly and Donald Trump"), nor before a role ("Bill and former
        President …"), nor the last of a list of single names ("Brandy, Monica and Lauryn Hill")."""
        words = full.name.split()
        if first.kind != "name" or full.kind != "person" or full.role or len(words) < 2:
            return None
        # after "twins", "brothers", "the couple": given names whatever the lexicon knows of them
        kin = _KIN_GROUP.search(text, max(0, first.start - 30), first.start) is not None
        if (
            not (kin or _has_first_name(full.name))
            or not (kin or is_first_name(first.name))
            or self._surname_hits(first.name)
            or not _AND.fullmatch(text, first.end, full.start)
            or (
                before is not None
                and before.kind == "name"
                and _LISTED.fullmatch(text, before.end, first.start)
            )
        ):
            return None
        k = len(_words(full.name)) - 1  # the surname, with its particles ("de Blasio") and suffix
        while k > 1 and words[k - 1].lower() in _PARTICLES:
            k -= 1
        name = " ".join([first.name, *words[k:]])
        return Person(name, None, None, None, gender=first_name_gender(first.name))

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
        hits = self._surname_hits(word)
        return hits[0] if len(hits) == 1 else None

    def _surname_hits(self, word: str) -> list[Person]:
        target = _norm(word)
        return [p for p in self.persons if _words(p.name)[-1:] == (target,)]

    def named(self, words: str, gender: str | None = None, at: int | None = None) -> Person | None:
        """The person a surname ("Trump") or the end of a name ("Wasserman Schultz", "Le Pen")
        names in this article (at offset ``at``, when known). Of several who share it: a first
        name makes a person (a headline's "Fires Schilling" is not one), a title or pronoun's
        gender ("Mrs. Clinton", "she") picks among the rest, spellings of one name ("Ken"/"Kenneth
        Starr") are one person, then the one named in full last before it in its paragraph ("Bill
        Clinton spoke with voters … Clinton said"), and then the one the article names most often
        (ties: first) is the one a bare surname means."""
        target = _words(words)
        if not target:
            return None
        hits = [p for p in self.persons if _words(p.name)[-len(target) :] == target]
        if len(hits) > 1 and at is not None and (described := described_after(self, hits, words, at)):
            return described  # "said Patel, the analyst": the one introduced as an analyst
        if len(target) == 1 and hits:  # "Raghavan's mother, Lakshmi Raghavan" is no "Raghavan"
            hits, elsewhere = without_relatives(self, hits, words)
            if not hits:
                return elsewhere
        if len(hits) > 1 and at is not None and len(target) == 1:
            # one named only after it is not whom a surname means ("al-Amin said" before the
            # article names Dr Hawa al-Amin), whatever the lexicon knows of first names
            hits = [p for p in hits if (self.first_named_at(p) or 0) < at] or hits
        titled = same_title(self, hits, at) if len(hits) > 1 and at is not None else None
        if titled is None and len(hits) > 1 and at is not None:
            titled = titled_after_introduction(self, hits, at)  # "Mrs Whitfield" of the mother
        if titled is not None:
            return titled  # "Sgt. Lefebvre said" of Sgt. Maryse Lefebvre, not Const. Dawson Lefebvre
        # A longer name with a first name is the fuller form ("Debbie Wasserman Schultz").
        hits = [p for p in hits if len(_words(p.name)) > len(target) and _has_first_name(p.name)] or hits
        if len(hits) > 1:
            hits = [p for p in hits if _has_first_name(p.name)] or hits
            # "Al Ashry and Mosad were …": a particle capitalised at a sentence's start makes a
            # "name" of a surname, the end of the full name ("Ahmed al Ashry") it stands for.
            hits = [p for p in hits if not any(_particle_form(p.name, q.name) for q in hits)]
        senior = by_seniority(self, hits, at) if len(hits) > 1 else None
        if senior is not None:
            return senior  # "the younger Delvaux", "the elder Lau"
        if len(hits) > 1 and at is not None:
            # a bare surname goes back to someone named before it: "Delvaux, 61, told the court"
            # before the article names his son Thomas Delvaux
            hits = [p for p in hits if (self.first_named_at(p) or 0) < at] or hits
        if len(hits) > 1 and gender:
            hits = [p for p in hits if p.gender == gender] or [p for p in hits if p.gender is None] or hits
        if len(hits) > 1 and all(_same_first(hits[0].name, p.name) for p in hits):
            return hits[0]
        if not hits:
            return None
        if len(hits) > 1 and at is not None:
            recent = self._named_last_in_paragraph(hits, at) or introduced_before(self, hits, at)
            if recent is not None:
                return recent
            relatives = kin_introduced(self, hits)
            others = [p for p in hits if p not in relatives]
            if (
                relatives
                and others
                and (
                    any(s < at for s in self.alone.get(_norm(words), ()))
                    or self._same_paragraph(others[0], relatives[0])
                )
            ):
                # the story had called someone by the bare surname before, or introduced the
                # relative with them ("Darnell Fontenot, 67, … His wife, Loretta Fontenot,"): the
                # bare surname is theirs, not the relative's, whom it goes on naming in full
                hits = others
        return max(hits, key=lambda p: (self.uses[_norm(p.name)], -self._order(p)))

    def _same_paragraph(self, a: Person, b: Person) -> bool:
        """Did the article first name ``a`` and ``b`` in full in one paragraph?"""
        at_a, at_b = self.first_named_at(a), self.first_named_at(b)
        if at_a is None or at_b is None:
            return False
        return bisect_right(self.paragraphs, at_a) == bisect_right(self.paragraphs, at_b)

    def _order(self, person: Person) -> int:
        """Where the article first names ``person`` in full (ties of use go to the first named:
        a nickname's or a coordinated name's person is added late, not named late)."""
        first = self.first_named_at(person)
        return first if first is not None else len(self._text) + self.persons.index(person)

    def _named_last_in_paragraph(self, hits: Sequence[Person], at: int) -> Person | None:
        """Of ``hits``, the one named in full last before ``at`` in the paragraph holding it.
        Only the paragraph: beyond it, recency misleads (calibrated on PolNeAR train, where the
        article's main person is named in full once and a relative later, or in the previous
        paragraph: there a bare surname is still the main person as often as not)."""
        k = bisect_right(self.paragraphs, at) - 1
        if k < 0:
            return None
        return self.named_last(hits, at, begin=self.paragraphs[k])

    def actor(self, name: str) -> Actor | None:
        """The config actor whose name or alias (or its surname) is ``name``."""
        target = _norm(name)
        for actor in self.actors:
            forms = [_norm(f) for f in (actor.name, *actor.aliases)]
            if target in forms or (" " not in target and target in [_words(f)[-1] for f in forms if f]):
                return actor
        return None

    def person(self, mention: Mention, gender: str | None = None) -> Person | None:
        """The person a person/name mention refers to (full name from the article or config);
        ``gender``: the one a pronoun resolving to this mention wants, when several share it."""
        actor = self.actor(mention.name)
        if actor is not None:
            rc = role_class(actor.role or "") or mention.role_class
            known = self._by_surname(_words(actor.name)[-1]) if actor.name.split() else None
            return Person(
                actor.name,
                actor.role or mention.role,
                rc,
                mention.country,
                actor.affiliation,
                mention.gender or (known.gender if known is not None else None),
            )
        alias = self.aliases.get(_norm(mention.name))
        called = next((p for p in self.persons if _norm(p.name) == alias), None) if alias else None
        if called is not None:
            return called
        shared = self.coordinated.get(mention.start)
        if shared is not None and mention.name == shared.name.split()[0]:
            return shared
        words = mention.name.split()
        if len(words) == 2 and initials_first(mention.name):
            # "In N.Z. Lindqvist said", "at 9 P.M. Okafor said": initials before the surname of
            # someone named in full are no given names of a second person
            other = [p for p in self._surname_hits(words[1]) if _norm(p.name) != _norm(mention.name)]
            if other:
                return self.named(words[1], mention.gender, mention.start) or other[0]
        wanted = gender  # the pronoun's, which a title or a first name overrules
        gender = mention.gender or (first_name_gender(words[0]) if len(words) > 1 else None)
        as_stated = Person(mention.name, mention.role, mention.role_class, mention.country, gender=gender)
        gender = gender or wanted
        named = self.named(mention.name, mention.gender or gender, mention.start)
        if len(words) == 2 and (named is None or _norm(named.name) == _norm(mention.name)):
            named = self._fuller(mention.name) or named  # "Mary Smith" of Mary Jane Smith
        if named is None and len(words) == 1:
            named = self._middle_named(words[0], mention.gender or gender)
        if named is None and len(words) == 1:
            first = self._first_named(words[0], mention.gender or gender, mention.start)
            # a titled word is a surname ("Mayor Kim"), unless it opens the name of the one who
            # holds that title ("CEO Kim" of "CEO Kim Jae-won": a family name written first)
            if not mention.role or (first is not None and first.role_class == mention.role_class):
                named = first
        if (
            named is not None
            and len(words) == 1
            and mention.gender
            and named.gender not in (None, mention.gender)
        ):
            # "Ms Coughlan" after Séamus Coughlan: a relative, perhaps the one named by a given name
            return self._relative(words[0], mention.gender, mention.start) or named
        return named if named is not None else as_stated

    def _relative(self, surname: str, gender: str, at: int) -> Person | None:
        """The relative a family word and a given name of that gender name before ``at``, with
        the surname: "his daughter Aoife … Ms Coughlan" is Aoife Coughlan."""
        for start, given in sorted((g for g in self.given_names if g[0] < at), reverse=True):
            kin = _KIN_BEFORE.search(self._text, max(0, start - 20), start)
            if kin and first_name_gender(given) == gender and not self.known_surname(given):
                return Person(f"{given} {surname}", None, None, None, gender=gender)
        return None

    def _fuller(self, name: str) -> Person | None:
        """The one person named with more words between the same first name and surname
        ("Nana Kyeremateng" of Nana Osei Bonsu Kyeremateng II, "Mary Smith" of Mary Jane Smith)."""
        first, last = _words(name)[0], _words(name)[-1]
        hits = [
            p
            for p in self.persons
            if len(words := _words(p.name)) > 2 and words[0] == first and words[-1] == last
        ]
        return hits[0] if len(hits) == 1 else None

    def _middle_named(self, word: str, gender: str | None) -> Person | None:
        """The one person whose full name has ``word`` between its first and last words, when no
        one has it as surname: the first of two surnames ("Ms. Acosta" of "Melba Acosta Febo"), a
        maiden name ("Rodham"), a family name before given names ("Goh" of "Marcus Goh Wei Jie")."""
        target = _norm(word)
        hits = [
            p
            for p in self.persons
            if len(_words(p.name)) > 2
            and target in _words(p.name)[1:-1]
            and _has_first_name(p.name)
            and _words(p.name)[-1] not in _NOT_SURNAMES
        ]
        if gender:
            hits = [p for p in hits if p.gender in (gender, None)]
        return hits[0] if len(hits) == 1 else None

    def _first_named(self, word: str, gender: str | None, at: int | None = None) -> Person | None:
        """The one person whose full name begins with ``word``, when no one has it as surname: a
        family name written first ("Ban" of "Ban Ki-moon", "Mr. Lou" of "Lou Jiwei") or a given
        name a profile goes on with ("Freddy" of "Freddy Trump"). Spellings of one name count
        once ("Hillary Clinton", "Hillary Rodham Clinton"); a gender shown must agree. A Title
        Case run is no such name ("Megyn Kelly Is No Different" made a "Kelly Is")."""
        target = _norm(word)
        opening = [
            p
            for p in self.persons
            if len(_words(p.name)) > 1
            and _words(p.name)[0] == target
            and _words(p.name)[-1] not in _NOT_SURNAMES
        ]
        hits = [
            p
            for p in opening
            if _has_first_name(p.name)
            or _given_second(p.name)
            or p in self.coordinated.values()
            # "Karabo" of "Karabo Mokoena": a given name the lexicon lacks (opens_a_name)
            or (" " not in word and self._never_lower(target))
        ]
        if gender:
            hits = [p for p in hits if p.gender in (gender, None)]
        if len(hits) > 1 and at is not None:
            # "Lim said" of Lim Chee Keong before the article names Lim Mei Ling
            hits = [p for p in hits if (self.first_named_at(p) or 0) < at] or hits
        if hits and not all(_same_person(hits[0].name, p.name) for p in hits):
            return by_seniority(self, hits, at)  # "the elder Lau" of Lau Kwok-wing and his son
        if not hits:
            return None
        return max(hits, key=lambda p: (self.uses[_norm(p.name)], -self.persons.index(p)))

    def named_last(self, hits: Sequence[Person], at: int, begin: int = 0) -> Person | None:
        """Of ``hits``, the one named in full last in [``begin``, ``at``): "the trustee" after
        "Trustee Kwabena Mensah-Bonsu … Trustee Darlene Fitch said" is Fitch."""
        # (a name in brackets is an aside: "Florian Huber (no relation to Resi Huber) said …")
        last = {
            p.name: max(
                (
                    s
                    for s in self.named_at.get(_norm(p.name), ())
                    if begin <= s < at and not self._bracketed(s)
                ),
                default=-1,
            )
            for p in hits
        }
        best = max(hits, key=lambda p: last[p.name], default=None)
        return best if best is not None and last[best.name] >= 0 else None

    def _bracketed(self, pos: int) -> bool:
        """Does ``pos`` stand inside brackets opened in its line?"""
        line = self._text.rfind("\n", 0, pos)
        return self._text.rfind("(", line + 1, pos) > self._text.rfind(")", line + 1, pos)

    def present(self, actor: Actor) -> bool:
        """Does the article name a configured actor, or what they speak for? "The foreign
        minister" of an article about another country is not the configured foreign minister.
        Without the text (a title read alone) every actor counts."""
        if not self._text:
            return True
        names = [actor.name.split()[-1], *actor.aliases]
        if actor.affiliation:
            names.append(actor.affiliation.split()[-1])
        return any(re.search(rf"\b{re.escape(n)}\b", self._text) for n in names if n)

    def known_surname(self, word: str) -> bool:
        """Is ``word`` the surname of someone the article (or config) names in full, or the name
        others call them by ("known to colleagues as “Abodam”")?"""
        return bool(self._surname_hits(word)) or self.actor(word) is not None or _norm(word) in self.aliases

    def first_named_at(self, person: Person) -> int | None:
        """Where the article first names ``person`` in full, when it does."""
        at = self.named_at.get(_norm(person.name))
        return min(at) if at else None

    def opens_a_name(self, word: str) -> bool:
        """Is ``word`` the first word of a name the article gives in full ("Lerato" of "Lerato
        Mokoena"), whether or not the lexicon knows it as a given name? A word the article also
        writes in lower case is a common word opening a Title Case run ("Conservative …")."""
        target = _norm(word)
        if " " in word or not any(
            len(w) > 1 and w[0] == target for w in map(_words, (p.name for p in self.persons))
        ):
            return False
        return self._never_lower(target)

    def _never_lower(self, target: str) -> bool:
        """Does the article never write ``target`` (a normalised word) in lower case?"""
        if target not in self._lower_cache:
            self._lower_cache[target] = re.search(rf"\b{re.escape(target)}\b", self._text) is None
        return self._lower_cache[target]

    def known_given_name(self, word: str) -> bool:
        """Is ``word`` the given name of the one person the article names in full with it
        ("Niamh" of "Niamh Doyle")?"""
        return " " not in word and self._first_named(word, None) is not None
