"""Resolve: the speaker a mention names, within the article.

A person or surname resolves to the fullest name the article (or the configuration) uses; a role
mention ("the mayor") to the one person named with that role, else the role's words; "the
official" to the unnamed person described before with that noun; a pronoun to the most recent
clause subject outside quotation marks that suits it and whose gender, when the text shows one,
agrees. A place never speaks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Sentence
from .acronyms import as_role, is_acronym
from .agreement import (
    _BOUND_PRONOUN,
    _agrees,
    _agrees_with,
    _guessed_before,
    _guessed_gender,
    _of_gender,
    _suits,
)
from .appositions import apposed_to_description
from .bodies import body_named_before
from .context import Speaker, _Article
from .detect import asks
from .holders import holder as role_holder
from .issued import ISSUED, issuer_after, issuer_of
from .lexicon import (
    AGE,
    ANAPHORIC_NOUNS,
    FURNITURE,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    SUBORDINATE_OPENER,
    a_thing,
    head_noun,
)
from .named import apposed as _apposed
from .named import lede_named, listed, named_after, of_age, self_named, silent_since, stated_holder
from .nameforms import Person
from .offices import modifiers as _modifiers
from .offices import of_kind, same_office
from .offices import role_fits as _role_fits
from .openers import cataphor, opener_gender
from .places import is_country, is_demonym, is_place
from .plausible import _a_place, _plausible
from .reporter import reporter as _reporter
from .speakers import Mention
from .words import _title

# How far back a pronoun looks for its antecedent, in sentences: across paragraphs, since a
# profile names its subject once and says "she" for paragraphs after. The last fitting person
# (gender agreeing) wins, so the reach only bounds the cost; 20 sentences cover the pronoun
# sources of PolNeAR train whose antecedent we find at all (raising it to 40 changed none).
PRONOUN_REACH = 20
# How many pronouns a chain may pass through to its antecedent ("Sami recalled … He got a car …
# Recently, he said, he has …"); a profile may say "she" in sentence after sentence. Calibrated
# on PolNeAR train: 4 left 14 quotes unattributed whose chains run to 5–9 pronouns (13 of them
# then get the right speaker); 10 resolves them, and 30 changes no attribution.
PRONOUN_CHAIN = 10
# How far back a definite description ("the Texas senator") looks for the person it names, in
# sentences. Calibrated on the train resolution labels (bench/resolution.py): 2 sentences miss
# one (77.7%), 4 to 20 give the same 78.2%; 6 keeps a margin without reaching back to people
# the article has left.
DESCRIPTION_REACH = 6


def _resolved(ctx: _Article, m: Mention, cue: str) -> tuple[Speaker, str] | None:
    """The speaker a mention names, with the mention itself as the words the attribution rests
    on (a pronoun stays "he" however far its antecedent)."""
    if FURNITURE.fullmatch(m.name.strip(" .:")):
        return None  # page furniture never speaks
    speaker = _speaker(ctx, m, depth=0)
    if speaker is None:
        return None
    article = _ARTICLE_BEFORE.search(ctx.text, max(0, m.start - 5), m.start)
    return replace(speaker, span=(article.start() if article else m.start, m.end)), cue


# The article that opens a role or description mention ("the mayor", "a senior official"): part
# of the words the attribution rests on, though not of the mention's name.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|The|A|An)[ \t]+$")


def _speaker(ctx: _Article, m: Mention, depth: int) -> Speaker | None:
    before = ctx.text[max(0, m.start - 4) : m.start]
    the_before = before.lower() == "the "
    if m.kind == "name" and _title(m.name) and the_before:
        m = replace(m, kind="definite", name=m.name.lower())  # "the Cllr said": a title as a noun
    elif m.kind == "name" and the_before and is_demonym(m.name):
        m = replace(m, kind="definite")  # "the Dubliner laughed": the person named before
    if m.kind in ("name", "organisation") and is_acronym(m.name) and before == "the ":
        m = as_role(ctx.names_text, m)  # "the CS said": the role the article spells out ("Cabinet Secretary")
    if m.kind in ("role", "description", "definite") and depth < PRONOUN_CHAIN:
        apposed = _apposed(ctx, m)
        if apposed is not None:  # "Mr. Conant, the Republican consultant, said": Conant
            speaker = _speaker(ctx, apposed, PRONOUN_CHAIN)
            if speaker is not None and _agrees_with(m, speaker):
                return replace(speaker, mention=ctx.text[m.start : m.end])
        issuer = issuer_of(ctx, m)
        if issuer is not None:  # "A statement issued by the Ministry of Finance said": the ministry
            speaker = _speaker(ctx, replace(issuer, after_preposition=False), PRONOUN_CHAIN)
            if speaker is not None:
                return replace(speaker, mention=ctx.text[m.start : m.end])
        after = named_after(ctx, m) or self_named(ctx, m) or lede_named(ctx, m)
        if after is not None:  # "The youngest volunteer, 16-year-old Aisha Patel, joined": Patel
            speaker = _speaker(ctx, after, PRONOUN_CHAIN)
            if speaker is not None and _agrees_with(m, speaker):
                return replace(speaker, mention=ctx.text[m.start : m.end])
    if m.kind in ("person", "name"):
        person = ctx.people.person(m)
        if person is None:
            return None
        return Speaker(
            person.name, person.role, person.affiliation, ctx.text[m.start : m.end], "person", person.gender
        )
    if m.kind == "role":
        holder = role_holder(ctx.people, m)
        if holder is not None:
            return Speaker(
                holder.name,
                holder.role,
                holder.affiliation,
                ctx.text[m.start : m.end],
                "person",
                holder.gender or m.gender,
            )
        # Nobody named holds it: "the minister" is the unnamed minister described before ("the
        # economy minister of one member state"), else someone named before ("… Obama said. …
        # the president told"), else the role words themselves.
        # A prior role mention counts only when the words that tell roles apart agree ("the
        # Florida senator" is not "the Texas senator" of two sentences before).
        prior = next(
            (
                p
                for p in reversed(ctx.earlier(m.start, ("role", m.role_class)))
                if p.country in (m.country, None) and _modifiers(m) <= set(p.name.lower().split())
            ),
            m,
        )
        if prior is m and (named := _anaphor(ctx, m)) is not None:
            return named
        if prior is not m and depth < PRONOUN_CHAIN:
            # "According to the minister, … – added the minister": the earlier mention may name him
            earlier = _speaker(ctx, prior, depth + 1)
            if earlier is not None and earlier.kind == "person":
                return replace(earlier, mention=ctx.text[m.start : m.end])
        name = re.sub(r"^(?:the|a|an)\s+", "", prior.name, flags=re.IGNORECASE)
        return Speaker(name, None, None, ctx.text[m.start : m.end], "description", m.gender or prior.gender)
    if m.kind in ("name", "place") and is_country(m.name) and not ctx.people.known_surname(m.name):
        return Speaker(m.name, None, None, ctx.text[m.start : m.end], "organisation")  # its government
    if m.kind == "organisation" and the_before and m.name.islower():
        # "“…,” the department said": the body of that head noun the article named before
        # ("Indigenous Services Canada said … the department said"), as "the mayor" is the mayor
        named = body_named_before(ctx, m.start, m.name.split()[-1])
        if named is not None:
            return replace(named, mention=ctx.text[m.start : m.end])
    if m.kind in ("organisation", "description", "place"):
        actor = ctx.people.actor(m.name)
        if actor is not None:
            return Speaker(actor.name, actor.role, actor.affiliation, ctx.text[m.start : m.end], m.kind)
        return Speaker(m.name, None, None, ctx.text[m.start : m.end], m.kind, m.gender)
    if m.kind == "definite":
        return _described_before(ctx, m)
    if m.kind == "pronoun" and m.name == "i":
        # "“Your Honor,” I said": a first person outside quotation marks is the article's
        # narrator (context._narrator: its byline, else "the author of" its title)
        return Speaker(ctx.narrator, None, None, ctx.text[m.start : m.end], "person")
    if m.kind == "pronoun" and depth < PRONOUN_CHAIN:
        return _antecedent(ctx, m, depth)
    return None


# Modifiers that tell one of several apart, never someone named ("the second man").
_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|other|another|last|next|older|younger)\b", re.IGNORECASE
)


def _of_kind(ctx: _Article, m: Mention, head: str) -> Person | None:
    """The person named last before ``m`` who holds an office of the kind ``head`` names."""
    held = [
        p for p in ctx.people.persons if of_kind(head, p.role) and p.gender in (None, m.gender or p.gender)
    ]
    return ctx.people.named_last(held, m.start) if held else None


def _described_before(ctx: _Article, m: Mention) -> Speaker:
    """ "the official": the most recent unnamed person the article described with the same head
    noun ("an alliance official, who asked not to be named"); else the phrase itself."""
    head = head_noun(m.name)
    for prior in reversed(ctx.earlier(m.start, ("description", head))):
        if head_noun(prior.name) == head:
            if silent_since(ctx, prior, m) and (named := _anaphor(ctx, m)) is not None:
                return named  # "a security researcher who found it … Zhao said … the researcher said"
            return Speaker(
                prior.name, None, None, ctx.text[m.start : m.end], "description", prior.gender or m.gender
            )
    named = _anaphor(ctx, m)
    if named is not None:
        return named
    return Speaker(m.name, None, None, ctx.text[m.start : m.end], "description", m.gender)


def _anaphor(ctx: _Article, m: Mention) -> Speaker | None:
    """ "the Texas senator", "the retired neurosurgeon", "the 46-year-old" with no unnamed
    description before: the person the article named before, within DESCRIPTION_REACH sentences:
    the nearest one whose stated role has the mention's words ("Texas Sen. Ted Cruz"), else the
    subject of the nearest sentence that has a person of agreeing gender — the first such mention
    of that sentence, the one it is about ("Donald Trump said … had Hillary Clinton congratulated
    him. … the Republican nominee said" is Trump), or the "he"/"she" a sentence with no one else
    named is about; further back, the one person given that age or a fitting stated role (named.py).
    Only for heads that news uses so (ANAPHORIC_NOUNS, ages, a people's name) and person nouns with
    a place's adjective ("the Japanese driver")."""
    head = head_noun(m.name)
    age = next((w for w in m.name.split() if AGE.fullmatch(w)), None)  # "the 51-year-old executive"
    aged = age is not None
    # ("the young man", "the elderly woman": a bare "the man" is as often someone unnamed)
    sex = {"man": "m", "boy": "m", "woman": "f", "girl": "f"}.get(head)
    qualified = sex is not None and len(m.name.split()) > 1 and not _ORDINAL.search(m.name)
    if qualified:
        m = replace(m, gender=m.gender or sex)
    described = head in ANAPHORIC_NOUNS or aged or qualified or is_demonym(head) or is_demonym(m.name)
    # a people's or a place's adjective makes a person noun someone's: "the Japanese driver"
    if not described and not (head in PERSON_NOUNS and any(is_place(w) for w in m.name.split()[:-1])):
        # any other head: only someone named before with that role ("Trustee Darlene Fitch … the
        # trustee said")
        held = stated_holder(ctx, m, recent=True)
        if held is None or _ROLE_TAIL.split((held.role or "").lower(), 1)[0].split()[-1:] != [head]:
            held = _of_kind(ctx, m, head)  # "the diplomat": the deputy foreign minister
        if held is None:
            return None  # the role's own head noun, not a word after it ("plaintiff in the lawsuit")
        return Speaker(
            held.name, held.role, held.affiliation, ctx.text[m.start : m.end], "person", held.gender
        )
    sentence = ctx.sentence(m.start)
    if sentence is None:
        return None
    # a clause opening the description's own sentence: its pronouns give the description its
    # gender, and its names are none the description stands for (the loop below)
    opener = SUBORDINATE_OPENER.match(ctx.text, sentence.start)
    m = opener_gender(ctx, opener, m)
    given = of_age(ctx, m, age) if age is not None else None
    if given is not None:  # "Aditya Rao, 41, … ¶ … the 41-year-old said": however far back
        speaker = _speaker(ctx, given, depth=PRONOUN_CHAIN)
        if speaker is not None:
            return replace(speaker, mention=ctx.text[m.start : m.end])
    k = ctx.sentence_position(sentence)
    nearest: Speaker | None = None
    for back in range(0, DESCRIPTION_REACH + 1):
        if k - back < 0:
            break
        s = ctx.sentences[k - back]
        first: Speaker | None = None
        if back > 0:  # a sentence that quotes someone is about them ("“…,” Ben Carson said.")
            quoted = [ctx.speakers[i] for i in ctx.found_in(s.start, s.end) if i in ctx.speakers]
            first = next(
                (q for q in quoted if q.kind == "person" and _agrees_with(m, q) and same_office(m, q.role)),
                None,
            )
        owner: Speaker | None = None
        pronoun: Speaker | None = None
        # in its own sentence, not a clause opening it: "Pressed on whether Amaral fitted, the
        # 47-year-old smiled" is not Amaral
        begin = opener.end() if back == 0 and opener is not None and opener.end() <= m.start else s.start
        priors = ctx.in_range(begin, m.start if back == 0 else s.end)
        for j, prior in enumerate(priors):
            if (
                j > 0
                and priors[j - 1].after_preposition
                and apposed_to_description(ctx.text, priors[j - 1], prior)
            ):
                continue  # "from the presiding judge, Patrick Lemoine,": the judge, an object
            if (
                back > 0
                and pronoun is None
                and (
                    (prior.kind == "pronoun" and prior.name in ("he", "she"))
                    or (j == 0 and prior.kind in ("role", "definite"))
                )
            ):
                # with no one else named in it, a sentence whose subject is "he" is about him ("… he
                # met Adeyemi’s cut-back. … the 23-year-old said"), and so is one whose subject is a
                # description of someone named ("The striker lost his father in January. ¶ “…,”
                # said the 23-year-old"): one step of its chain
                said = None if prior.after_preposition else _speaker(ctx, prior, depth=PRONOUN_CHAIN - 1)
                pronoun = (
                    said if said is not None and said.kind == "person" and _agrees_with(m, said) else None
                )
                continue
            speaker = _candidate(ctx, m, prior)
            if speaker is None:
                if owner is None and _OWNER_AFTER.match(ctx.text, prior.end):
                    owner = _candidate(ctx, m, replace(prior, after_preposition=False))
                continue
            if _role_fits(m, speaker.role):
                return replace(speaker, mention=ctx.text[m.start : m.end])
            if _OWNER_AFTER.match(ctx.text, prior.end):
                owner = owner or speaker  # what someone owns is not who the sentence is about
            elif not listed(ctx, prior):  # one of a list picks no one out: "Holt, Okafor and Lind met"
                first = first or speaker
        # a sentence with no one else in it is about the person whose things it names
        # ("Negotiations between the club and Mourinho’s representatives intensified")
        nearest = nearest or first or pronoun or owner
    p = stated_holder(ctx, m)  # further back: "Tzintzun, a ranger, … the ranger said"
    if p is not None and (nearest is None or nearest.name != p.name):
        return Speaker(p.name, p.role, p.affiliation, ctx.text[m.start : m.end], "person", p.gender)
    return replace(nearest, mention=ctx.text[m.start : m.end]) if nearest is not None else None


# Where a stated role's head noun ends: "investment analyst at Tana River Securities".
_ROLE_TAIL = re.compile(r"\s(?:of|in|at|for|with|from|on|to|who|that|and),?\s")
_OWNER_AFTER = re.compile(r"[’']s?\s")


def _candidate(ctx: _Article, m: Mention, prior: Mention) -> Speaker | None:
    """The person a description may go back to: a named person, not the object of a
    preposition, whose gender agrees with the description's."""
    if prior.kind not in ("person", "name") or prior.after_preposition or not _plausible(ctx, prior):
        return None
    if prior.kind == "name" and prior.name not in ctx.speaking and not ctx.people.known_surname(prior.name):
        return None  # a lone capitalised word the article never shows as a person ("Dayton")
    before = ctx.text[max(0, prior.start - 12) : prior.start].split()
    if before and before[-1].lower() in PREPOSITIONS:
        return None  # the object of a preposition is not who the sentence is about ("in a HuffPost blog")
    speaker = _speaker(ctx, prior, depth=PRONOUN_CHAIN)
    if speaker is None or not _agrees_with(m, speaker):
        return None
    if not same_office(m, speaker.role):
        return None  # "the city’s mayor" is not the person the article named its president
    return speaker


_THING_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+([a-z]+)\b")


def _relayed_by(ctx: _Article, s: Sentence, first: Speaker, pronoun: Mention, rep: Mention | None) -> bool:
    """Does a person of the pronoun's gender report the sentence's quote, which someone named
    later in it said ("Davids said the friend told her one of the gunmen had shouted “…”. “…,”
    she said": Davids)? ``rep``: the sentence's reporter."""
    if rep is None and first.kind == "description" and first.gender is None:
        # … or, with no verb of saying, its subject ("Dame Priscilla Oduya-Harcourt opened the
        # session by reading from a letter sent to her by a constituent: ‘…’ ¶ ‘…,’ she said")
        rep = next((m for m in ctx.in_range(s.start, s.end) if not m.after_preposition), None)
    if rep is None or first.span is None or first.span[0] <= rep.end:
        return False
    if rep.kind == "pronoun" and rep.name == pronoun.name:
        # "She said Hannah had told her that she “would rather die”. ¶ “…,” she added": the
        # reporting "she" and the next one are one person, whom the first goes back to
        said = _speaker(ctx, rep, PRONOUN_CHAIN - 1)
        return said is not None and said.kind == "person" and said.name != first.name
    if rep.kind not in ("person", "name"):
        return False
    person = ctx.people.person(rep)
    return (
        person is not None and person.name != first.name and person.gender == PRONOUN_GENDER.get(pronoun.name)
    )


def _antecedent(ctx: _Article, pronoun: Mention, depth: int) -> Speaker | None:
    """The most recent clause subject outside quotation marks that suits the pronoun."""
    sentence = ctx.sentence(pronoun.start)
    if sentence is None:
        return None
    k = ctx.sentence_position(sentence)
    for back in range(0, PRONOUN_REACH + 1):
        if k - back < 0:
            break
        s = ctx.sentences[k - back]
        end = pronoun.start if back == 0 else s.end
        # A sentence of reported speech is about its speaker: "In describing Trump, Cuban said
        # he sees …", "It is the first time a candidate has …, said Robert Egge".
        reporter = _reporter(ctx, s.start, end) if back > 0 else None
        if back > 0:
            # (a question is no sentence's topic: "Asked by a reporter, “…?”, Milon replied" is
            # about Milon, and the sentence's mentions say so when no answer is quoted)
            answers = [
                i
                for i in ctx.found_in(s.start, s.end)
                if i in ctx.speakers and not asks(ctx.text, ctx.found[i])
            ]
            first = ctx.speakers[answers[0]] if answers else None
            if (
                first is not None
                and first.kind in ("person", "description", "organisation")
                and first.name != ctx.narrator  # the writer's own question: no "he" of theirs
                and _agrees(pronoun, first)
                # "he"/"she" is a person, or someone described ("a nurse said"): never a body
                and (
                    first.kind == "person"
                    or pronoun.name not in ("he", "she")
                    or (first.kind == "description" and not a_thing(first.name))
                )
                and not _relayed_by(ctx, s, first, pronoun, reporter)
            ):
                return first
        # an object pronoun ("quoted him as saying") is not its own clause's subject
        mentions = ctx.in_range(s.start, end) if back > 0 or not pronoun.after_preposition else []
        opener = SUBORDINATE_OPENER.match(ctx.text, s.start) if back > 0 else None
        if opener is not None:  # "Asked whether Doherty would play, the 31-year-old was guarded."
            mentions = sorted(mentions, key=lambda m: m.start < opener.end())
        if reporter is not None:
            mentions = [reporter, *(m for m in mentions if m is not reporter)]
        if back > 0:
            # "“Minister, is this a failure?” one reporter asked. “No,” she replied": who asked
            # is not who answers
            mentions = [m for m in mentions if m.kind == "pronoun" or not _asked_by(ctx, s, m)]
        for m in mentions:
            if m.after_preposition or m.kind == "place" or (m.kind == "name" and _a_place(ctx, m)):
                continue  # "a sample came in called “Glasgow” … “…,” he said": a place is no "he"
            if m.kind == "pronoun" and m.name == "i" and pronoun.name != "i":
                continue  # "When this correspondent asked him, …, he said": the writer is no "he"
            if m.kind == "pronoun" and m.name == pronoun.name and m.start != pronoun.start:
                main = cataphor(ctx, s.start, m, mentions)
                if main is not None and _suits(ctx, pronoun.name, main):
                    return _speaker(ctx, main, depth + 1)  # "As he left, Mehmood was dismissive"
                # the same pronoun before: its antecedent (its own search went further back, so a
                # chain that finds no one ends here: trying on would repeat it, exponentially)
                return _speaker(ctx, m, depth + 1)
            if _suits(ctx, pronoun.name, m):
                speaker = _speaker(ctx, m, depth + 1)
                if (
                    speaker is not None
                    and m.kind == "name"
                    and not _agrees(pronoun, speaker)
                    and ctx.cues_in(m.end, m.end + 3)
                ):
                    # a bare surname two people share, as the subject of a verb of saying: the
                    # one of the pronoun's gender ("Abakar said …" of Mariam Abakar, not of the
                    # negotiator Abakar, for "she")
                    speaker = _of_gender(ctx, m, pronoun) or speaker
                if (
                    speaker is None
                    or _agrees(pronoun, speaker)
                    or (back == 0 and _guessed_gender(ctx, m, pronoun, speaker))
                    or (back == 1 and m is reporter and _guessed_before(ctx, m, pronoun, speaker))
                ):
                    return speaker
        if back == 1 and pronoun.name == "they" and reporter is not None and reporter.kind == "person":
            # singular "they": "Kym Lind, a spokesperson for the firm, confirmed … “…,” they said"
            return _speaker(ctx, reporter, depth + 1)
        bound = back == 0 and _BOUND_PRONOUN.search(ctx.text, s.start, pronoun.start) is not None
        if pronoun.name in ("he", "she") and (back > 0 or bound):
            # No subject of the sentence fits: a person named in it as an object may ("… courtesy
            # of Wes Lind, a delegate who dressed up. “…,” he said"; in its own sentence, when a
            # verb of saying binds it: "A statement by the office of Irina Vasko said she …").
            for m in mentions:
                if m.after_preposition and m.kind == "person" and _plausible(ctx, m):
                    speaker = _speaker(ctx, m, depth + 1)
                    if speaker is not None and speaker.gender == PRONOUN_GENDER[pronoun.name]:
                        return speaker
        if back == 1 and pronoun.name == "it":
            # "Lind wrote in the affidavit. It continued: “…”": the text named before speaks
            things = [t for t in _THING_BEFORE.finditer(ctx.text, s.start, s.end) if a_thing(t.group(1))]
            if things:
                # "A statement issued by the ministry said …. “…,” it said": the ministry speaks
                issuer = issuer_after(ctx, things[-1].end()) if things[-1].group(1) in ISSUED else None
                got = _speaker(ctx, replace(issuer, after_preposition=False), depth + 1) if issuer else None
                if got is not None:
                    return replace(got, mention=ctx.text[pronoun.start : pronoun.end])
                return Speaker(
                    things[-1].group(1), None, None, ctx.text[pronoun.start : pronoun.end], "description"
                )
    # No antecedent: "he warned today, US Secretary of State X …" names him later in the sentence.
    for m in ctx.in_range(pronoun.end, sentence.end):
        if _suits(ctx, pronoun.name, m) and m.kind != "name":
            speaker = _speaker(ctx, m, depth + 1)
            if speaker is None or _agrees(pronoun, speaker):
                return speaker
    return None


def _asked_by(ctx: _Article, s: Sentence, m: Mention) -> bool:
    """Is ``m`` the words naming who asked a question quoted in sentence ``s``?"""
    for i in ctx.found_in(s.start, s.end):
        said = ctx.speakers.get(i)
        if said is not None and said.span == (m.start, m.end) and asks(ctx.text, ctx.found[i]):
            return True
    return False


# A participle or verb of saying that binds a pronoun to its clause's subject ("Omar asked for
# compassion …, saying she did not think …").
# The start of a clause joined to the one before: after a comma or semicolon (with its
# conjunction, if any), or after a conjunction alone (group 1).
_JOINED = re.compile(
    r"(?:[,;]\s*(?:(?:and|but|yet|although|though|while|whereas)\s+)?|\b(and|but|although|though|whereas)\s+)"
    r"(?:(?:then|also|later|still)\s+)?(?:[Tt]he\s+)?$"
)


def _nearest_clause_subject(ctx: _Article, start: int, end: int, cue: str) -> tuple[Speaker, str] | None:
    """The subject of the last clause joined to the sentence before ``end`` ("Clinton endorsed
    the deal, although she has “serious concerns”" is hers by "she"): a mention opening a clause
    after a comma or a conjunction, with a lower-case word (its verb) after it. A name after a
    bare "and" is a second subject of the same verb ("Trump and Cruz called it …"), not a clause."""
    for m in reversed(ctx.in_range(start, end)):
        if m.after_preposition or not re.match(r"\s+[a-z]", ctx.text[m.end : end]):
            continue
        joined = _JOINED.search(ctx.text, max(start, m.start - 20), m.start)
        if joined is None or (joined.group(1) == "and" and m.kind != "pronoun"):
            continue
        if _plausible(ctx, m):
            return _resolved(ctx, m, cue)
    return None
