"""Speakers: the people, roles and organisations an article mentions, outside its quotations.

``mentions`` reads the article once into noun-phrase chunks (capitalised runs, role phrases,
"a senior official" descriptions, subject pronouns) with their spans; quoted words are masked,
so a name inside a quote can never become a speaker. ``People`` remembers who was introduced
how ("US Secretary of State Antony Blinken") so that a surname, a role mention ("the US foreign
minister") or a config actor's alias resolves to the full name used in the same article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .acronyms import acronym_mention
from .appositions import _appositions
from .countries import country_of
from .datelines import datelines
from .gender import first_name_gender, is_first_name
from .groups import BUSINESS_NOUNS, named_as_a_business, named_for_a_place, national_media
from .lexicon import (
    CUE_WORDS,
    GENDER_OF,
    HONORIFICS,
    MONTHS,
    OFFICE_TITLES,
    OFFICIAL_THINGS,
    ORG_HEADS,
    PERSON_NOUNS,
    PLACE_WORDS,
    RANKS,
    SUBJECT_PRONOUNS,
    THE_WRITER,
    role_class,
)
from .mention import Mention
from .nouns import of_children
from .owners import _CHUNK_LOWER, _GROUP_TAILS, owned_objects, possessed
from .phrasal import described
from .places import is_place
from .runs import _held_by_the_run, _of_phrase, _role_surname, common_word_opens
from .unnamed import a_constituency, a_public_body, a_storm, an_age, owned_by, self_named, who_described
from .words import (
    ARTICLED_SURNAME,
    CAPITAL_CUES,
    CONTRACTION,
    GEO_HEADS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    _function,
    _inner_particle,
    _name_token,
    _particle_surname,
    _title,
    _Tok,
    after_comma,
    an_object,
    bracketed_abbreviation,
    chinese_he,
    dated,
    iberian_and,
    role_owner,
    title_and,
    tokens,
    used_as_noun,
    with_ampersands,
)

__all__ = ["Mention", "mentions", "tokens"]

_CONNECTORS = NAME_PARTICLES | {"of", "for"}
_CONNECTORS_THE = _CONNECTORS | {"the"}
_PARTICLES = NAME_PARTICLES
# Titles that are callings, a role "the bishop" goes back to (not "Cllr": see _analyse).
_CALLING_TITLES = PERSON_NOUNS - {"cllr"}
# Letters after a name that are no part of it: "Neil Lind QC", "Jane Lind MP".
_POSTNOMINALS = frozenset("QC KC MP MEP MSP".split())


# What ends the name of a club or a firm, after its name words ("Hibernian FC", "Gor Mahia FC",
# "Hibernian Football Club", "Acme Holdings SA").
_CLUB_ENDS = frozenset("FC AFC SC CF SV Club SA AG NV BV".split())
# Common nouns a capitalised run may open with before its name ("Nurse Ann Lind", "Chipmaker
# Veltrix"): built once, not per chunk.
_NOUNS_BEFORE_A_NAME = PERSON_NOUNS | BUSINESS_NOUNS
_CLUB_STARTS = frozenset("FC AFC SC CF SV".split())


def _a_club(toks: list[_Tok], i: int, j: int) -> bool:
    """Is the chunk a club's or a firm's name: capitalised words, the last one a word that ends
    such names?"""
    if j - i < 2 or not all(t.text[:1].isupper() for t in toks[i:j]):
        return False
    # … or that opens it: "AFC Leopards", "FC Porto"
    return toks[j - 1].text in _CLUB_ENDS or (toks[i].text in _CLUB_STARTS and _name_token(toks[i + 1].text))


def _uncounted(word: str) -> bool:
    """Is the word of a name one of the words its four-word limit does not count?"""
    return word.lower() in _PARTICLES or word in ("e", "y") or word in NAME_SUFFIXES


@lru_cache(maxsize=1 << 16)  # a pure test of one word, asked of every word of the article
def _chunk_word(word: str, first: bool) -> bool:
    if ARTICLED_SURNAME.fullmatch(word):
        return True  # "Bashar al-Assad", "And al-Obeidi added": an Arabic surname
    low = word.lower()
    if low == "and" or word in CAPITAL_CUES:
        return False  # "Blinken and Russian Foreign Minister Sergei Lavrov" are two mentions
    if word[:1].isupper():
        return not (_function(word) and low not in _CONNECTORS) or (not first and low in _CONNECTORS)
    return of_children(low) in _CHUNK_LOWER or (not first and (low in _CONNECTORS_THE or low in _GROUP_TAILS))


def mentions(
    text: str,
    masks: Sequence[tuple[int, int]],
    regions: Sequence[tuple[int, int]] | None = None,
    toks: list[_Tok] | None = None,
) -> list[Mention]:
    """Every mention outside ``masks`` (the quoted stretches) and inside ``regions`` (the cleaned
    paragraphs; the whole text when None), in text order. ``toks``: ``tokens(text, masks,
    regions)`` when the caller has them already."""
    if toks is None:
        toks = tokens(text, masks, regions)
    out: list[Mention] = []
    lows = [t.text.lower() for t in toks]
    n = len(toks)
    i = 0
    titled, title_at = -1, 0  # a chunk a title before it and "and" may belong to; that title's index
    while i < n:
        low = lows[i]
        contracted = CONTRACTION.fullmatch(low) if "'" in low or "’" in low else None  # "he's", "they're"
        if contracted is not None:
            low = contracted.group(1)
        he = chinese_he(toks, out[-1] if out else None, i) if toks[i].text == "He" else None
        if he is not None:
            # "Liu He": a given name; "He Jianxiong, the former executive director, said": a surname
            if he == "given":
                out[-1] = replace(out[-1], end=toks[i].end, name=out[-1].name + " He", kind="person")
                i += 1
            else:
                out.append(Mention(toks[i].start, toks[i + 1].end, "person", f"He {toks[i + 1].text}",
                                   after_preposition=an_object(toks, i)))  # fmt: skip
                i += 2
            continue
        if low in SUBJECT_PRONOUNS or toks[i].text == "I":  # "I": the narrator (resolve.py)
            end = toks[i].start + len(low)
            out.append(Mention(toks[i].start, end, "pronoun", low, after_preposition=an_object(toks, i)))
            i += 1
            continue
        if low == "this" and i + 1 < n and not toks[i].brk and lows[i + 1] in THE_WRITER:
            # "When this correspondent asked him, “…”": the article's writer, as its "I" is
            out.append(
                Mention(toks[i].start, toks[i + 1].end, "pronoun", "i", after_preposition=an_object(toks, i))
            )
            i += 2
            continue
        aged = an_age(toks, lows, i)  # "the 46-year-old", "the 51-year-old executive"
        if aged is not None:
            out.append(aged)
            i += len(aged.name.split())  # the age, and its noun
            continue
        if toks[i].text.isupper() and (acronym := acronym_mention(text, toks, i)):
            out.append(acronym)  # "UNHCR said": the chunker takes no word in capitals
            i += 1
            continue
        if not _chunk_word(toks[i].text, True) or bracketed_abbreviation(text, toks[i]):
            i += 1  # no chunk starts here
            continue
        j = i + 1
        while j < n and not toks[j - 1].brk and (_chunk_word(toks[j].text, False) or iberian_and(toks, i, j)):
            if dated(lows, j):
                break
            j += 1
        while j > i and lows[j - 1] in _CONNECTORS_THE:
            j -= 1  # a chunk never ends on "of", "and", "the"
        while (
            j < n
            and lows[j] in ORG_HEADS
            and toks[j].text.islower()
            and toks[j - 1].text.islower()  # not "the chair of the DNC authority to call"
            and not toks[j - 1].brk
            and owned_by(lows, i, j)
        ):
            j += 1  # "a spokesman for the health ministry": the body the phrase names ends it
        if j == i:
            i += 1
            continue
        found = _analyse(text, toks, i, j, out[-1].end if out else 0)
        if (
            found
            and lows[j - 1] == "official"
            and j < n
            and not toks[j - 1].brk
            and lows[j] in OFFICIAL_THINGS
        ):
            found = []  # "the official news agency said": an adjective, no official speaks
        if found and found[-1].kind == "role" and j < n and not toks[j - 1].brk and role_owner(toks[j].text):
            found = found[:-1]  # "the chief minister's office": the phrase speaks, not a "chief"
        media = national_media(toks, lows, found, j)
        if media is not None:
            found, j = [replace(found[0], end=toks[media - 1].end, kind="organisation",
                                name=text[found[0].start : toks[media - 1].end])], media  # fmt: skip
        owned = possessed(text, toks, lows, found, j) if found else None
        if owned is not None:
            # The owner stays a mention (the article names "Marco Rubio" there) but, like the
            # object of "the advisers of Marco Rubio", no subject: the phrase is.
            found[-1] = replace(found[-1], after_preposition=True)
            k = owned[1]
            if not (k < n and not toks[k - 1].brk and _name_token(toks[k].text)):
                found.append(owned[0])  # "Clinton’s top aide Jake Sullivan" names Sullivan
                j = k
        if len(found) == 1 and found[0].kind == "organisation" and lows[j - 1] in _GROUP_TAILS and j - 1 > i:
            # "the Bernie Sanders campaign": the group speaks, but the article names its owner
            owner = [m for m in _analyse(text, toks, i, j - 1) if m.kind in ("person", "name")]
            found = [replace(m, after_preposition=True) for m in owner] + found
        if i == titled and found and found[0].kind == "person" and len(out) > title_at:
            # "said former Pennsylvania Gov. and Democratic National Committee Chairman Ed
            # Rendell": two titles of one person, named after the second; one mention
            first = out[title_at]
            del out[title_at:]
            found[0] = replace(found[0], start=first.start, after_preposition=first.after_preposition)
        if found and title_and(toks, lows, j):
            titled, title_at = j + 1, len(out)
        if found and out and out[-1].after_preposition and _OWNED.match(text, out[-1].end, toks[i].start):
            # "a small town in Canada’s Prairies": what an object owns is in its phrase too
            found = [replace(m, after_preposition=True) for m in found]
        out.extend(found)
        i = j
    out.extend(who_described(text, out, masks, regions))  # "a retired pipefitter who …"
    out = self_named(text, out)  # "a woman who gave only her first name, Gracia"
    out.sort(key=lambda m: m.start)  # an owner split off a chunk may start before the chunk's mention
    out = [with_ampersands(text, m) if "&" in text[m.start : m.end] else m for m in out]
    return _appositions(text, datelines(text, owned_objects(text, out)))


_OWNED = re.compile(r"[’']s?\s+\Z")  # between an owner and what it owns


def _analyse(text: str, toks: list[_Tok], i: int, j: int, floor: int = 0) -> list[Mention]:
    """The mention a chunk ``toks[i:j]`` makes, if any; words before it may join a description
    ("a senior harbour official"), never words of the mention before it (``floor``)."""
    if a_storm(toks, i, j):
        return []  # "Super Typhoon Man-yi", "Hurricane Milton": a storm's name, no one's
    if a_public_body(toks, i, j) or _a_club(toks, i, j):  # "Indigenous Services Canada said": a body
        a, b = toks[i].start, toks[j - 1].end
        return [Mention(a, b, "organisation", text[a:b], after_preposition=an_object(toks, i))]
    lead = i
    while (
        lead < j
        and not toks[lead].brk
        and (_name_token(toks[lead].text) or _inner_particle(toks, lead, i, j))
    ):
        lead += 1
    # (a person noun before "of" is a role's: "Opposition Member of Parliament Lubinda Mwanza")
    if (
        lead - i >= 2
        and lead < j - 1
        and toks[lead].text.lower() in ("of", "at", "from")
        and toks[lead - 1].text.lower() not in PERSON_NOUNS
    ):
        return _analyse(text, toks, i, lead, floor)  # "Stephen Lind of the University of Texas": Lind
    for p in range(i + 2, j - 1):
        # … and so after a role: "FBI Director James Comey for acting as …" names Comey.
        if (
            toks[p].text.lower() in ("of", "for", "at", "from")
            and toks[p - 1].text.lower() not in PERSON_NOUNS
            and (_name_token(toks[p - 1].text) or _role_surname(toks, p - 1))
            and (_name_token(toks[p - 2].text) or _inner_particle(toks, p - 2, i, p))
            and not toks[p - 2].brk
        ):
            return _analyse(text, toks, i, p, floor)
    of = _of_phrase(text, toks, i, j)
    if of is not None:
        words = [t.text for t in toks[i:j]]
        start, end, phrase = toks[i].start, toks[j - 1].end, " ".join(words)
        rc = role_class(phrase) if of == "role" else None
        if (
            rc
            and i > 0
            and not toks[i - 1].brk
            and toks[i - 1].text.lower() in ("a", "an")
            # "Michael Briggs, a spokesman for Sanders": an apposition, the role of the name before
            and not after_comma(text, toks[i - 1].start)
        ):
            rc = None  # "A spokesperson for the Department of Health": someone unnamed, no office's holder
        kind = of if of == "organisation" or rc else "description"
        return [Mention(start, end, kind, phrase, phrase if rc else None, rc, country_of(words),
                        an_object(toks, i))]  # fmt: skip
    words = [t.text for t in toks[i:j]]
    prep = an_object(toks, i)
    # Trailing name run: the person's name; everything before it is their role.
    k = j
    while (
        j > i + 1
        and not _name_token(toks[j - 1].text)
        and toks[j - 1].text.lower() in PLACE_WORDS
        and toks[j - 1].text != "United"  # "Harbour United", "Leeds United": a club, not a place
        and _name_token(toks[j - 2].text)
        and toks[j - 2].text.lower().rstrip(".") not in HONORIFICS  # "Ms North" is a surname
        # … and so after a lone first name: "Rachel North", "Alex West"
        and not (is_first_name(toks[j - 2].text) and (j - 2 == i or not _name_token(toks[j - 3].text)))
    ) or (j > i + 2 and toks[j - 1].text in _POSTNOMINALS and _name_token(toks[j - 2].text)):
        j -= 1  # "… Anthony Blinken Moscow": a place after a name is not part of it
    words = words[: j - i]
    k = j
    particles = _PARTICLES
    while k > i and (
        _name_token(toks[k - 1].text)
        or (
            k - 1 > i
            and toks[k - 1].text[:1].isupper()
            and toks[k - 2].text.lower().rstrip(".") in HONORIFICS
        )
        or (k < j and (toks[k - 1].text.lower() in particles or iberian_and(toks, i, k - 1)))
        or ((k == j or toks[k].text in NAME_SUFFIXES) and _role_surname(toks, k - 1))
        or (k == j and toks[k - 1].text == "United" and k - 1 > i and _name_token(toks[k - 2].text))
        # a month after a first name is a surname: "Theresa May", "Brian May"
        or (k == j and k - 1 > i and toks[k - 1].text.lower() in MONTHS and is_first_name(toks[k - 2].text))
    ):
        k -= 1
    # "spokesperson for British Prime Minister Tony Blair": the holder's capitalised role words
    # (which are no name words) may stand between "for" and the name
    f = k
    while f - 1 > i and f > k - 4 and toks[f - 1].text[:1].isupper() and not _name_token(toks[f - 1].text):
        f -= 1
    if f < k and not any(t.text.islower() and t.text in PERSON_NOUNS for t in toks[i : f - 1]):
        f = k  # only a person noun is for someone so: "CBC Chairman G.K. Butterfield of …" is not
    if (
        f - 1 > i
        and toks[f - 1].text.lower() in ("for", "of")
        and any(t.text.lower() in PERSON_NOUNS or role_class(t.text) for t in toks[i : f - 1])
        and _held_by_the_run(toks, k, j)
    ):
        # "South Carolina director for Sanders": a role for someone, not a person named Sanders
        phrase = " ".join(words)
        return [Mention(toks[i].start, toks[j - 1].end, "description", phrase, country=country_of(words),
                        after_preposition=prep, gender=GENDER_OF.get(toks[k - 2].text.lower()))]  # fmt: skip
    if k < j and (seat := a_constituency(text, toks, i, k, j)):  # the member's role, then the seat
        return [*_analyse(text, toks, i, k - 1, floor), seat]
    if k < j and (_name_token(toks[k].text) or _particle_surname(toks, k, j)):
        name_words = words[k - i :]
        role_words = words[: k - i]
        while role_words and role_words[-1].lower() in _CONNECTORS:
            role_words = role_words[:-1]
        # Titles are not part of the name: honorifics only show gender, ranks are a role.
        titles = []
        while len(name_words) > 1 and _title(name_words[0]):
            titles.append(name_words.pop(0))
        # A title inside the run ends the role stated before it: "Florida Gov. Jeb Bush",
        # "Democrat Sen. Bernie Sanders" name Jeb Bush and Bernie Sanders.
        inner = max((n for n, w in enumerate(name_words[:-1]) if _title(w)), default=None)
        if inner is not None:
            role_words = role_words + name_words[:inner]
            titles.append(name_words[inner])
            name_words = name_words[inner + 1 :]
        # A capitalised common word before a first name opens no name ("Actor Clint Howard")
        while common_word_opens(
            text, name_words, role_words, titles, opens_apposition=k == i and after_comma(text, toks[i].start)
        ):
            role_words = [*role_words, name_words.pop(0)]
        while len(name_words) > 1 and name_words[0].lower() in _NOUNS_BEFORE_A_NAME:
            role_words = [*role_words, name_words.pop(0)]  # "Developer Valve", "Nurse Ann Lind"
        while len(name_words) > 1 and name_words[0].lower() in CUE_WORDS and name_words[0] != "Said":
            # "Added Lind: “…”", "Continued Stone:": an inverted verb opening the sentence ("Said"
            # is also a given name: "Said Jalili")
            k += 1
            name_words.pop(0)
        ranks = [t for t in titles if t.lower().rstrip(".") in RANKS | OFFICE_TITLES]
        role = " ".join(role_words + ranks) or None
        # capitalised words that are not a role ("Visual arts Ateneum") make none; a person noun
        # does ("Committee convener Fiona MacAskill"), though the mention is the name
        noun_role = False
        if role and not role_class(role):
            # a title that is a calling counts too: "Bishop Declan Mulcahy" is "the bishop" ("Cllr"
            # is not: a councillor's office in the text says more, "Cllr Ann Lind (chair)")
            noun_role = (
                bool(role_words)
                and (
                    role_words[-1] in PERSON_NOUNS
                    or (len(name_words) > 1 and used_as_noun(text, role_words[-1]))
                )
            ) or (
                not role_words
                and bool(ranks)
                # "Sheriff Margaret van der Merwe … the sheriff told Fordyce"
                and (ranks[-1].lower().rstrip(".") in _CALLING_TITLES or used_as_noun(text, ranks[-1]))
            )
            role = role if noun_role else None
        # A title ("Mrs.") shows gender; so does a first name the lexicon is sure of, before a
        # role noun does ("Trump spokesman Hope Hicks": US news says "spokesman" of women too).
        gender = next(
            (GENDER_OF[w.lower().rstrip(".")] for w in titles if w.lower().rstrip(".") in GENDER_OF), None
        ) or (first_name_gender(name_words[0]) if len(name_words) > 1 else None)
        gender = gender or next(
            (GENDER_OF[w.lower().rstrip(".")] for w in role_words if w.lower().rstrip(".") in GENDER_OF), None
        )
        kind = "person" if len(name_words) > 1 or role else "name"
        if name_words[-1] == "United" and not role:
            kind = "organisation"  # "Harbour United", "Leeds United": a club
        elif name_words[-1].lower() in GEO_HEADS and not role and not titles:
            kind = "place"  # "the Richmond River", "the Kilbrannan Arms"
        if named_as_a_business(role_words, name_words, titles):  # "US carmaker Dunmore Motors"
            kind, role, noun_role, k = "organisation", None, False, j - len(name_words)
        elif not role and named_for_a_place(role_words, name_words, titles, prep):  # "Kenya Airways"
            kind, name_words, k = "organisation", role_words + name_words, i  # keeping its place
        elif role_words and not role and not titles and is_place(" ".join(role_words + name_words)):
            kind, name_words, k = "place", role_words + name_words, i  # "South African", "New Zealander"
        # the mention spans the role and titles stated with the name
        first = i if (role and not noun_role) or titles else k
        return [
            Mention(
                toks[first].start,
                toks[j - 1].end,
                kind,
                # four words at most, and its particles and suffix: "Tamim bin Hamad Al Thani",
                # "Nana Osei Bonsu Kyeremateng II"
                " ".join(name_words[-4 - sum(map(_uncounted, name_words)) :]),
                role,
                role_class(role) if role else None,
                country_of(role_words) if role else None,
                prep,
                gender,
            )
        ]
    return described(text, toks, i, j, words, prep, floor)
