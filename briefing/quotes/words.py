"""Words: the word tokens of an article outside its quotations, and which of them can be part of
a person's name.

``tokens`` reads the text once (quoted stretches masked, so a name inside a quote never becomes
a speaker); ``_name_token`` says whether a capitalised word can belong to a name ("Blinken",
"C." yes; "Monday", "Senator", "Republican", "Summit" no). speakers.py chunks these tokens into
mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from ..segment import NAME_ABBREVIATIONS as _ABBREVIATIONS
from .detect import TOKEN
from .lexicon import (
    ANAPHORIC_NOUNS,
    CUE_WORDS,
    FINITE_MARKERS,
    FUNCTION_WORDS,
    HONORIFICS,
    OFFICE_TITLES,
    ORG_HEADS,
    PERSON_NOUNS,
    PLACE_WORDS,
    RANKS,
    ROLE_WORDS,
    TIME_WORDS,
    role_class,
)
from .mention import Mention

# Party nouns describe a person ("the Wisconsin Republican"); they are never part of a name.
_PARTY_NOUNS = frozenset("republican republicans democrat democrats".split())
# The heads of street names ("Melton Road", "Kirk Street"); not "Lane" or "Park", which are
# surnames too ("Nathan Lane", "Park Geun-hye").
STREET_HEADS = frozenset(
    """road street avenue boulevard square crescent highway motorway parade terrace esplanade
promenade drive""".split()
)
# The last words of the names of rivers, lochs and pubs, which pronouns are never about ("When
# the Richmond River broke its banks … she said"); not "Park", "Hill", "Lake", "Bay" or "Glen",
# "Harbour", which are surnames, given names and charities' names too ("Relief Harbour").
GEO_HEADS = frozenset(
    """river creek loch lough estuary reservoir canal falls mountains peninsula
island islands arms inn tavern""".split()
)
# Heads of things that are named like people but are not ("OSCE Ministerial Conference").
_THING_HEADS = (
    STREET_HEADS
    | frozenset(
        """
conference summit meeting accord accords agreement agreements format forum talks treaty news
website post times press review journal herald tribune channel tv radio group
""".split()
    )
    | ORG_HEADS
)
# Auxiliaries that open questions; not "Will", "Can" or "May", which are names too.
_AUXILIARIES = frozenset(
    "does did do is are was were has have had could would should must might shall".split()
)
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve tens dozens hundreds thousands".split()
    # ordinals too: "Third time lucky?", "Second Test", "Fifth day of strikes"
    + "second third fourth fifth sixth seventh eighth ninth tenth".split()
)
# Months abbreviated keep their full stop, and are no name: "published Oct. 25" ("Jan" alone may be).
_MONTH_ABBREVIATIONS = frozenset("jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.".split())

# A subject pronoun with its verb contracted on: "he's", "she’d", "they're", "it'll".
CONTRACTION = re.compile(r"(he|she|they|it)[’'](?:s|d|ll|re|ve)")


class _Tok(NamedTuple):  # a tuple: made for every word of every article, so cheap to build
    start: int
    end: int
    text: str
    brk: bool  # a break (punctuation, a quote) stands between this token and the next


def tokens(
    text: str, masks: Sequence[tuple[int, int]], regions: Sequence[tuple[int, int]] | None = None
) -> list[_Tok]:
    """Word tokens outside the masked spans (and inside ``regions`` when given); ``brk`` marks
    punctuation, a mask or a region's end after a token. A possessive ’s is cut off the word and
    ends the phrase: "Zelensky’s statements" mentions Zelensky, not as a subject."""
    out: list[_Tok] = []
    masked = _Masks(masks)
    for region_start, region_end in regions if regions is not None else [(0, len(text))]:
        if out:
            out[-1] = _Tok(out[-1].start, out[-1].end, out[-1].text, True)
        out.extend(_region_tokens(text, masked, region_start, region_end, out[-1] if out else None))
    return out


class _Masks:
    """The masked spans, sorted: where masks open, and their union as disjoint stretches."""

    def __init__(self, masks: Sequence[tuple[int, int]]) -> None:
        self.opens = sorted(a for a, _ in masks)
        union: list[list[int]] = []
        for a, b in sorted(masks):
            if b <= a:
                continue  # an empty span masks nothing
            if union and a <= union[-1][1]:
                union[-1][1] = max(union[-1][1], b)
            else:
                union.append([a, b])
        self.starts = [a for a, _ in union]
        self.ends = [b for _, b in union]


def _region_tokens(text: str, masks: _Masks, start: int, stop: int, last: _Tok | None) -> list[_Tok]:
    out: list[_Tok] = []
    # Tokens come in text order: walk the sorted masks alongside them.
    starts, ends, opens = masks.starts, masks.ends, masks.opens
    n_union, n_opens = len(starts), len(opens)
    u = bisect_right(starts, start) - 1  # the last masked stretch starting at or before a token
    o = bisect_left(opens, start)  # the first mask opening at or after the previous token's end
    prev_end = start
    new = tuple.__new__  # every word of every article: building the tuple directly is cheaper
    for m in TOKEN.finditer(text, start, stop):
        begin = m.start()
        while u + 1 < n_union and starts[u + 1] <= begin:
            u += 1
        if u >= 0 and begin < ends[u]:
            continue
        word = m.group()
        end = m.end()
        possessive = dotted = False
        if len(word) > 2 and word[0].isupper():  # a possessive: ’s, 's or a bare ’ at the end
            if word[-1] in "'’":
                word, end, possessive = word[:-1], end - 1, True
            elif word[-1] == "s" and word[-2] in "'’":
                word, end, possessive = word[:-2], end - 2, True
        # A full stop ends the phrase, but not after an abbreviation ("Dr.", "U.S.") or a middle
        # initial followed by a capitalised word ("Jason C. Ervin").
        if word[-1] == "." and "." not in word[:-1]:
            initial = len(word) == 2 and word[0].isupper() and text[end : end + 2].strip()[:1].isupper()
            if not (initial or word[:-1].lower() in _ABBREVIATIONS or word.lower() in _MONTH_ABBREVIATIONS):
                word, end, dotted = word[:-1], end - 1, True
        if out:
            while o < n_opens and opens[o] < prev_end:
                o += 1
            # A parenthesis goes on a name ("President (Vladimir) Putin") but one opening on a
            # word that is no name ends it: "Rep. Jim Lind (D-N.Y.) said" names Lind, and so does
            # an abbreviation ("Sen. Jim Lind (Vt.)").
            one_space = begin - prev_end == 1 and text[prev_end] == " "  # the common gap, cheap
            if (o < n_opens and opens[o] < begin) or (
                not one_space
                and (
                    ((gap := text[prev_end:begin]).strip(" \t\n()") and not _ampersand(gap, word, out[-1]))
                    # (a body's initials in brackets end a name and begin none: "Short-Term
                    # Forecasting (TsMAKP) Yelena Sokolovskaya", "Presidency (AFAD) President")
                    or (
                        "(" in gap
                        and (dotted or not _name_token(word) or _aside(text, begin) or _initials(word))
                    )
                    or (")" in gap and _initials(out[-1].text))
                )
            ):
                prev = out[-1]
                out[-1] = new(_Tok, (prev.start, prev.end, prev.text, True))
        out.append(new(_Tok, (begin, end, word, dotted or possessive)))
        prev_end = end
    return out


def _initials(word: str) -> bool:
    """Is the word a body's initials ("TsMAKP", "AFAD"), not a given name ("Vladimir")?"""
    return len(word) > 1 and word[0].isupper() and sum(c.isupper() for c in word) >= 2


_AFTER_ASIDE = re.compile(r"[^()\n]{0,40}?\)(?!\s*[A-Z])")


def _aside(text: str, begin: int) -> bool:
    """Is the parenthesis opening before ``begin`` an aside after a name, closed before anything
    but a capitalised word ("K. Lakshmi Gowda (Arsikere) said", "Mary Lind (Labour), the MP"),
    not a part of it ("President (Vladimir) Putin")?"""
    return _AFTER_ASIDE.match(text, begin) is not None


def _ampersand(gap: str, word: str, prev: _Tok) -> bool:
    """Does " & " join two capitalised words of one name ("Carrick & Stone Homes", "Marks &
    Spencer"), not end a phrase?"""
    return gap == " & " and word[:1].isupper() and prev.text[:1].isupper() and not prev.brk


def _title(word: str) -> bool:
    """A title that may stand before a name ("Dr.", "Mrs", "Major")."""
    low = word.lower().rstrip(".")
    return low in HONORIFICS or low in RANKS or low in OFFICE_TITLES


def used_as_noun(text: str, word: str) -> bool:
    """Is the capitalised ``word`` before a name a common noun of the article, written in lower
    case after an article or possessive elsewhere ("Trustee Darlene Fitch … the trustee said")?
    Then it is the person's role, whatever the lexicons list."""
    low = word.lower().rstrip(".")
    return len(low) > 3 and low in _lower_nouns(text)


@lru_cache(maxsize=4)  # one article at a time, asked once per capitalised run
def _lower_nouns(text: str) -> frozenset[str]:
    """The lower-case words right after an article or possessive in ``text``, and the
    capitalised ones after "the" as a verb of saying's subject ("the Speaker said": a title
    the house's style capitalises, as "Speaker M. Basavaraj Hiremath" before the name)."""
    titled = (w.lower() for w in _TITLED_SUBJECT.findall(text))
    return frozenset([*_AFTER_DETERMINER.findall(text), *titled])


_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|our|his|her|their)\s+([a-z]+)\b")
_TITLED_SUBJECT = re.compile(
    r"\bthe\s+([A-Z][a-z]{3,})\s+(?:said|says|told|tells|added|asked|replied|ruled|warned|insisted)\b"
)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _function(word: str) -> bool:
    """A function word ("US" in capitals is the country, not the pronoun)."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper())


_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")


# Verbs of saying some outlets capitalise mid-sentence ("Murphy, the head of the group, Tweeted
# on Friday"): never part of a name, a cue wherever they stand (context.py).
CAPITAL_CUES = frozenset({"Tweeted", "Retweeted"})
# Words that join the parts of a name ("Yvo de Boer", "Tamim bin Hamad"), and "and", which joins
# two given names before one surname.
NAME_PARTICLES = frozenset(
    "and de van von der al bin da di du do dos das la le el los las del des dela delos della".split()
)
# What may close a person's name after the surname.
NAME_SUFFIXES = frozenset("II III IV Jr. Sr. Jr Sr".split())


# Dotted abbreviations of places, which stand before names as often ("In D.C. Trump said"): the
# US states' postal codes and a few others.
PLACE_INITIALS = frozenset(
    ".".join(code) + "."
    for code in """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC US UK UN EU USA UAE NZ BC PM AM
TV""".split()
)
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def initials_first(name: str) -> bool:
    """Does ``name`` open with initials before more words ("J.D. Vance", "L.H. Meyer")?"""
    words = name.split()
    return len(words) > 1 and _INITIALS.fullmatch(words[0]) is not None


# An Arabic surname with its article joined by a hyphen: "al-Assad", "el-Sisi", "al-Obeidi".
ARTICLED_SURNAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ez)-[A-Z][\w’'-]+")


@lru_cache(maxsize=1 << 16)  # a pure test of one word, asked of most words several times
def _name_token(word: str) -> bool:
    """A capitalised word that can be part of a person's name."""
    if ARTICLED_SURNAME.fullmatch(word):
        return True  # "Bashar al-Assad", "Hawa al-Amin"
    low = word.lower()
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return True  # a middle initial: "Jason C. Ervin"
    if _INITIALS.fullmatch(word) and word not in PLACE_INITIALS:
        return True  # initials for given names: "J.D. Vance", "A.J. Brooks"
    if word in NAME_SUFFIXES:
        return True  # "Joseph R. Murray II", "Robert F. Kennedy Jr."
    if word in CAPITAL_CUES:
        return False  # "Lindqvist Tweeted": a verb some outlets capitalise, never a name
    if low in _AUXILIARIES:
        return False  # a question's verb opening its sentence: "Does Vasquez-Lindgren ever wish …?"
    singular = low[:-1] if low.endswith("s") else low
    if _PARTY_TAG.fullmatch(word):
        return False  # "Rep. Elijah Cummings (D-Md.)": the party and state, no part of the name
    return (
        _is_cap(word)
        and not _function(word)
        and low not in _NUMBER_WORDS  # "Two inquiries into …": a number opening a sentence
        and low not in _PARTY_NOUNS
        and low not in TIME_WORDS
        and low not in _MONTH_ABBREVIATIONS
        and low not in PLACE_WORDS
        and low not in ROLE_WORDS
        and singular not in ROLE_WORDS
        and low not in _THING_HEADS
        and not word.isupper()
    )


def before_a_verb(toks: list[_Tok], j: int) -> bool:
    """Does a verb, or punctuation, follow the chunk that ends at ``j`` ("My father thought",
    "Her husband, Jean," but not "her delegate lead")?"""
    if j >= len(toks) or toks[j - 1].brk:
        return True
    nxt = toks[j].text
    return nxt in CUE_WORDS or nxt in FINITE_MARKERS or nxt in _VERB_ADVERBS or nxt.endswith(("ed", "ly"))


# Adverbs that stand between a subject and its verb ("his mother once told him").
_VERB_ADVERBS = frozenset("once often always never also still later then even".split())


def title_and(toks: list[_Tok], lows: list[str], j: int) -> bool:
    """Does the chunk ending at ``j`` end on a title with "and" and a capitalised word next?"""
    if not (0 < j < len(toks) - 1 and lows[j] == "and" and not toks[j - 1].brk and not toks[j].brk):
        return False
    title = lows[j - 1].rstrip(".")
    titled = title in OFFICE_TITLES or title in RANKS or role_class(title) is not None
    return titled and toks[j + 1].text[:1].isupper()


# Determiners between a preposition and its object ("by one analyst", "with the Kremlin").
_OBJECT_DETERMINERS = frozenset("the his her their its a an one another some".split())


# What makes the next noun phrase an object, no clause subject: prepositions (with the places a
# sentence opens with: "At the site outside Baidoa, the camp manager …") and verbs that take
# their hearer ("told", "met").
_OBJECT_OF = frozenset(
    """
with in to of by from for against upon on at about between among than via
outside inside near across beyond behind beside along alongside toward towards
and counterpart told tells telling warned asked urged met
""".split()
)


def an_object(toks: list[_Tok], i: int) -> bool:
    """Is the word at ``i`` the object of a preposition or of a verb that takes its hearer ("told",
    "telling", "met"), perhaps after a determiner ("with the Kremlin")? Not a clause subject."""
    k = i - 1
    while k >= 0 and toks[k].text.lower() in _OBJECT_DETERMINERS and not toks[k].brk:
        k -= 1
    if k > 0 and toks[k].text.lower() == "and" and toks[k - 1].brk:
        return False  # ", and it says …": a comma before "and" opens a clause, not a second object
    return k >= 0 and not toks[k].brk and toks[k].text.lower() in _OBJECT_OF


def chinese_he(toks: list[_Tok], last: Mention | None, i: int) -> str | None:
    """How a capitalised "He" at ``i`` is a Chinese name's part, not the pronoun: "given", right
    after a one-word name (``last``, the mention before it) with no break ("with Liu He, China’s
    top negotiator"); "surname", before a capitalised word that is no verb, with no capital after
    it ("He Jianxiong, the former director"); else None."""
    if i > 0 and not toks[i - 1].brk and last is not None and last.end == toks[i - 1].end:
        return "given" if last.kind == "name" and " " not in last.name else None
    if toks[i].brk or i + 1 >= len(toks):
        return None
    given = toks[i + 1].text
    surname = (
        _name_token(given)
        and given not in CUE_WORDS
        and not given.endswith("s")  # "He Says", "He Wants" in a headline's case
        and (toks[i + 1].brk or i + 2 >= len(toks) or not toks[i + 2].text[:1].isupper())
    )
    return "surname" if surname else None


def dated(lows: list[str], j: int) -> bool:
    """Does a date start at word ``j`` after "the"/"of"/"for" ("the nominee for the Nov. 8
    election", "the mayor of the November count"): no part of the chunk before it."""
    return lows[j - 1] in ("the", "of", "for") and (lows[j] in TIME_WORDS or lows[j] in _MONTH_ABBREVIATIONS)


def role_word(word: str) -> bool:
    """A word of a role or rank before a name ("Detective", "Inspector"), not an unknown given name."""
    low = word.lower().rstrip(".")
    return low in ROLE_WORDS or low in PERSON_NOUNS or low in ANAPHORIC_NOUNS or low in RANKS


def after_comma(text: str, pos: int) -> bool:
    """Is the last character before ``pos``, past white space, a comma?"""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


def bracketed_abbreviation(text: str, tok: _Tok) -> bool:
    """ "(Vt.)", "(R-Ky.)" after a name: a state or party, never a mention of its own."""
    return (
        text[tok.start - 1 : tok.start] == "(" and text[tok.end : tok.end + 1] == "." and len(tok.text) <= 6
    )


def _particle_surname(toks: list[_Tok], k: int, j: int) -> bool:
    """ "Le Pen", "Da Silva": a capitalised particle opening a surname, a name word after it."""
    word = toks[k].text
    return (
        word[:1].isupper() and word.lower() in NAME_PARTICLES and k + 1 < j and _name_token(toks[k + 1].text)
    )


def _inner_particle(toks: list[_Tok], x: int, i: int, j: int) -> bool:
    """A lower-case particle between name words of a chunk ``toks[i:j]``: "Yvo de Boer"."""
    return (
        i < x < j - 1
        and toks[x].text in NAME_PARTICLES
        and toks[x].text != "and"
        and _name_token(toks[x - 1].text)
        and _name_token(toks[x + 1].text)
    )


def with_ampersands(text: str, m: Mention) -> Mention:
    """The mention's name with the "&" its words were joined by ("Marks & Spencer")."""
    name = m.name
    for pair in re.finditer(r"(\w+) & (\w+)", text[m.start : m.end]):
        name = name.replace(f"{pair[1]} {pair[2]}", pair[0])
    return replace(m, name=name)


def iberian_and(toks: list[_Tok], i: int, j: int) -> bool:
    """Is ``toks[j]`` the "e"/"y" that joins two family names after a particle of the run from
    ``i`` ("Ana Beatriz de Oliveira e Souza")? Without one, "e" is "and": "Rossi e Bianchi"."""
    return (
        toks[j].text in ("e", "y")
        and j + 1 < len(toks)
        and toks[j + 1].text[:1].isupper()
        and any(toks[x].text in ("de", "da", "do", "dos", "das", "del") for x in range(i, j))
    )


def role_owner(word: str) -> bool:
    """A lower-case role word's possessive ("minister's" of "the chief minister's office", "the
    chief executive's spokesman")."""
    owner = word[:-2]
    return word.islower() and word[-2:] in ("'s", "’s") and (owner in ROLE_WORDS or owner in PERSON_NOUNS)
