"""Words the chunker reads wrong without help: people described by a noun the lexicon lacks ("a
retired pipefitter who did not give his name"), given names it lacks ("Farhiya Abdi Jama"), and
capitalised runs that name no one ("Super Typhoon Man-yi"). Found in texts written blind for us
(bench/data/blind_r6, tune part).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import AGE, ANAPHORIC_NOUNS, FUNCTION_WORDS, ORG_HEADS, PERSON_NOUNS, role_class
from .mention import Mention
from .places import is_country, is_place
from .words import _Tok, an_object, role_word

# What a storm's name opens with ("Hurricane Milton", "Storm Babet", "Super Typhoon Man-yi").
_STORMS = frozenset("Hurricane Typhoon Cyclone Storm Depression".split())
_PREPOSITIONS = frozenset("of in at from to for on by near with into outside across".split())


def a_storm(toks: list[_Tok], i: int, j: int) -> bool:
    """Does the capitalised run ``toks[i:j]`` name a storm, never a person?"""
    first = toks[i].text
    return first in _STORMS or (j - i > 2 and first in ("Super", "Tropical") and toks[i + 1].text in _STORMS)


# Words of a government body's name ("Health Canada", "Nova Scotia Health", "Indigenous
# Services Canada", "Alberta Health Services"): with a country after them, or last, the run is
# that body, not a person with a role (round 6: Canadian copy).
_PORTFOLIO_WORDS = frozenset(
    """health transport education environment justice finance immigration energy housing
agriculture fisheries revenue statistics parks defence defense heritage employment services
sport sports tourism cricket rugby tennis football netball hockey athletics swimming cycling rowing
golf basketball gymnastics sailing triathlon volleyball boxing badminton surfing
affairs air""".split()
)
# A national sport's governing body is named the same way ("Cricket Australia", "Athletics
# Kenya", "Swimming Canada"), added in session 13 from blind round 10 (tune part, l02); "Global
# Affairs Canada", and a flag carrier ("Air Canada", "Air India"), in session 16 (round 13, td07).
_BODY_ENDS = frozenset("health services".split())


def a_public_body(toks: list[_Tok], i: int, j: int) -> bool:
    """Is the capitalised run ``toks[i:j]`` a public body's name ("Transport Canada", "Nova
    Scotia Health", "Alberta Health Services")?"""
    if j - i < 2:
        return False
    last = toks[j - 1].text  # (the cheap test first: it is asked of every chunk)
    if last.lower() not in _BODY_ENDS and not is_country(last):
        return False
    words = [t.text for t in toks[i:j]]
    if not all(w[:1].isupper() or w in ("and", "of") for w in words):
        return False
    if role_class(" ".join(words)) or any(w.lower() in PERSON_NOUNS for w in words):
        return False  # "Minister of Health", "Health Minister": a role
    return last.lower() in _BODY_ENDS or any(w.lower() in _PORTFOLIO_WORDS for w in words[:-1])


# Titles of an elected member whose "for" names a constituency, not a person ("the Labour MP for
# Darwen Valley, Tom Ainsworth": blind round 10, tune part, l04).
_MEMBERS = frozenset(
    "mp mps msp mla mpp mna mep td ms member members senator congressman congresswoman".split()
)


def a_constituency(text: str, toks: list[_Tok], i: int, k: int, j: int) -> Mention | None:
    """The seat ("MP for Darwen Valley") that the name run ``toks[k:j]`` of the chunk
    ``toks[i:j]`` is, after an elected member's title and "for": a place, not a person."""
    if k - 2 < i or toks[k - 1].text != "for" or toks[k - 2].text.lower().rstrip(".") not in _MEMBERS:
        return None
    a, b = toks[k].start, toks[j - 1].end
    return Mention(a, b, "place", text[a:b], after_preposition=True)


def named_alone(text: str, word: str, following: str) -> bool:
    """Does the article call someone by ``word`` alone, inside a sentence and before a lower-case
    word ("Back in the camp, Farhiya was closing her register"), and never write it in lower
    case? Then it is a given name the lexicon lacks ("Farhiya Abdi Jama"), not a common word
    before one ("Actor Clint Howard")."""
    if text.count(word) < 2:
        return False  # named once, in the run itself (the cheap test first)
    if role_word(word) or word.lower() in PERSON_NOUNS or re.search(rf"\b{re.escape(word.lower())}\b", text):
        return False  # "Alderman Jason C. Ervin", and a word written in lower case elsewhere
    if is_place(word):
        return False
    alone = re.finditer(rf"(\b[a-z]+|,) {re.escape(word)} (?!{re.escape(following)}\b)[a-z]", text)
    # … as the subject of a verb, not after a preposition ("Mayor of Pichilemu": a place)
    return any(m.group(1) not in _PREPOSITIONS for m in alone)


def owned_by(lows: list[str], i: int, j: int) -> bool:
    """Does the lower-case chunk ``lows[i:j]`` end on a body's qualifier ("spokesman for the
    health"), so that the organisation noun after it belongs to it?"""
    return (j - i >= 3 and lows[j - 2] in ("the", "of", "for")) or (j - i >= 4 and lows[j - 3] == "the")


# "A retired pipefitter who …", "One longtime vendor, who …": an indefinite noun phrase that a
# relative "who" marks as a person, whatever its noun …
# … opening its sentence or clause: as an object ("not paying an architect who said …, saying")
# it is no subject.
# (a place or body after the noun is part of the phrase: "And an inhabitant of the
# neighbourhood of Shiha, who refused to reveal his name, …"). Matched backwards from each
# "who", which is cheaper than scanning every word of the article for the phrase.
_DETERMINER = re.compile(r"(?:^|\s)(?:[Aa]n?|[Oo]ne|[Aa]nother)\s", re.MULTILINE)
_WHO_DESCRIBED = re.compile(
    r"(?:^|(?<=[.!?,:;”\"] ))(?:(?:And|But)[ \t]+)?(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+"
    r"((?:[a-z][a-z-]*[ \t]+){0,2}([a-z][a-z-]{2,}))"
    r"(?:[ \t]+(?:of|from|in|at)[ \t]+[^,.;:“”\"\n]{1,40})?,?[ \t]+\Z",
    re.MULTILINE,
)
_WHO_REACH = 120  # characters before "who": the determiner, three words and a place phrase
_OPENS_FOR_A_PRONOUN = re.compile(r"(?:[^.;:!?\n]|[.!?](?! [A-Z][a-z])){0,120}?,[ \t]+(?:he|she|they)\b")
_HIS_HER = re.compile(r"\b(his|her|himself|herself)\b")


def who_described(
    text: str,
    found: Sequence[Mention],
    masks: Sequence[tuple[int, int]],
    regions: Sequence[tuple[int, int]] | None,
) -> list[Mention]:
    """The people an indefinite noun phrase and a relative "who" describe ("A retired pipefitter
    who did not give his name said …"), as ``description`` mentions, where no mention stands;
    the pronoun of the relative clause gives the gender ("his": "m")."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in found] + list(masks)  # where a phrase may not stand
    at = text.find(" who ")
    while at >= 0:
        w, at = at + 1, text.find(" who ", at + 4)
        if not _DETERMINER.search(text, max(0, w - _WHO_REACH), w):
            continue  # no "a", "an", "one", "another" before it (the cheap test first)
        m = _WHO_DESCRIBED.search(text, max(0, w - _WHO_REACH), w)
        if m is None:
            continue
        a, b = m.span(1)
        head = m.group(2)
        if head in FUNCTION_WORDS or head in ORG_HEADS or head.endswith("ly") or role_word(head):
            continue  # "a company who", "an unusually …": no person's noun; "a president who": an office
        if any(s < b and a < e for s, e in taken):
            continue
        if regions is not None and not any(s <= a and b <= e for s, e in regions):
            continue
        if _OPENS_FOR_A_PRONOUN.match(text, w + 4):
            continue  # "An immigrant from Uganda who became a citizen in 2013, she plans …": her
        clause = _HIS_HER.search(text, w + 4, min(len(text), w + 64))
        gender = None if clause is None else "m" if clause.group(1).startswith("hi") else "f"
        out.append(Mention(a, b, "description", m.group(1), gender=gender))
    return out


# "one trader, who gave her name only as Mama Njeri", "a woman who gave only her first name,
# Gracia": the unnamed person names themselves, and that name is who speaks.
_GAVE_NAME = re.compile(
    r"[^.;:!?“”\"\n]{0,60}?\bwho\s+(?:gave|gives|would\s+(?:only\s+)?give|offered)\s+(?:only\s+)?"
    r"(?:her|his|their)\s+(?:first\s+|full\s+)?name(?:\s+only)?(?:\s+as|,)\s+"
    r"((?:[A-Z][\w’'-]+)(?:\s+(?:[A-Z][\w’'-]+|al|bin|de|van))*)"
)


def self_named(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each unnamed description that names itself by a relative clause ("a woman,
    who gave her name as Umm Khalid") made the person of that name, its description their role."""
    out = list(found)
    for k, m in enumerate(out):
        if m.kind != "description" or " who " not in text[m.end : m.end + 70]:
            continue
        named = _GAVE_NAME.match(text, m.end)
        if named is not None:
            out[k] = Mention(m.start, m.end, "person", named.group(1), role=m.name, gender=m.gender,
                             after_preposition=m.after_preposition)  # fmt: skip
    return out


def an_age(toks: list[_Tok], lows: list[str], i: int) -> Mention | None:
    """ "the 46-year-old": someone named before, told by the age the article gave them; with a
    noun after it ("the 51-year-old executive"), a noun that tells which office it goes back to."""
    low = lows[i]
    if not (
        low[0].isdigit() and AGE.fullmatch(low) and i > 0 and lows[i - 1] == "the" and not toks[i - 1].brk
    ):
        return None
    noun = (
        i + 1 < len(toks)
        and not toks[i].brk
        and lows[i + 1] in ANAPHORIC_NOUNS
        and toks[i + 1].text.islower()
    )
    last = i + 1 if noun else i
    name = f"{low} {lows[i + 1]}" if noun else low
    return Mention(toks[i].start, toks[last].end, "definite", name, after_preposition=an_object(toks, i))
