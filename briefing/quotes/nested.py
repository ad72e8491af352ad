"""Nested quotes: a quotation a speaker quotes inside their own, in the other family of marks
(“Then she told me, ‘I’m on telly, you can’t tell anyone.’ I said, ‘Love, you’ve just knocked
down a bus shelter.’”), or inside a transcript's answer. Its speaker is whoever the words just
before it name: "I" is the outer speaker; "he" or "she" the last person of that gender the
article named before the outer quote, other than the outer speaker (a speaker tells of someone
else); a name, the person the article knows by it. An inner quote no such words introduce (a
title, a term, a scare quote the speaker uses) is left to the outer quote: never reported on
its own, never unattributed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..models import Article, Quote, QuoteSource
from .context import Speaker, _Article
from .detect import Found
from .kin import KIN_GENDER, KIN_NOUNS, tied
from .lexicon import ANAPHORIC_NOUNS, PERSON_NOUNS, PRONOUN_GENDER
from .nameforms import Person

# The other family of marks inside each outer style: an outer “…” or "…" holds ‘…’ or '…', an
# outer ‘…’ or '…' holds “…” or "…"; a transcript answer (style "label") holds any.
# (an apostrophe between letters is no closing mark: ‘I’m on telly’)
_SINGLE = re.compile(
    r"(?:^|(?<=[\s(—–-]))[‘'](?=[^\W\d_])"
    r"(?P<body>(?:[^‘’'\n“”\"]|(?<=[^\W_])['’](?=[^\W_])){2,300}?[^\s‘])[’'](?![^\W\d_])"
)
_DOUBLE = re.compile(r"[“\"](?P<body>[^“”\"\n]{2,300}?)[”\"]")
# A verb of speech and its subject right before the inner quote ("she said to them, and I
# quote,", "Then she told me,", "I said,", "he goes,"), in the outer quote's words.
_INTRODUCED = re.compile(
    r"(?:^|[\s,.;:!?(])(?P<who>I|he|she|He|She|(?:[Mm]y|[Oo]ur)\s+[a-z]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    r"(?:['’]d)?\s+"  # "He'd come in with the tea and say,"
    # … maybe after another verb of theirs ("She got to chapter 11 and called me up and said,")
    r"(?:[^,.;:!?“”\"‘’]{0,60}?\s+and\s+(?=say\b|said\b|told\b|asked\b|shouted\b|added\b))?"
    r"(?:(?:just|then|later|simply|only|finally|suddenly|always|once|often|even|also)\s+)?"
    r"(?:said|says|say(?=\s*,)|(?:used\s+to|would)\s+say|told\s+(?:me|him|her|them|us|everyone|the\s+\w+)"
    r"|tells\s+(?:me|him|her|them|us)"
    r"|asked(?:\s+(?:me|him|her|them|us))?|replied|answered|shouted|yelled|screamed|whispered|wrote"
    r"|texted|messaged|goes|went|added|cried|shouted\s+back|called\s+out)"
    r"(?:\s+to\s+(?:me|him|her|them|us|everyone))?(?:,\s*and\s+I\s+quote)?\s*[,:]?\s*$"
    # … or their words named before a colon: "That was Dad's line in every dry year:"
    r"|(?:^|[\s,.;:!?(])(?P<owner>Dad|Mum|Mom|Mam|[Mm]y\s+[a-z]+|[A-Z][a-z]+)['’]s\s+(?:favourite\s+|favorite\s+|old\s+)?"
    r"(?:line|words|motto|saying|advice|mantra|refrain)\b[^,.;:!?“”\"‘’]{0,40}:\s*$"
)
# Words of an introduction that are no speaker's name ("Then she told", "Later he said").
_NOT_NAMES = frozenset("Then Later And But So When After Before Now And Yes No".split())
# A parent called by the word a child uses, and the ties by which the article may name them.
_FATHERS = ("father", "dad", "grandfather", "stepfather")
_MOTHERS = ("mother", "mum", "mom", "grandmother", "stepmother")
_PARENTS = dict.fromkeys(("dad", "daddy", "papa", "pa", "grandpa"), _FATHERS) | dict.fromkeys(
    ("mum", "mom", "mama", "mommy", "mummy", "ma", "grandma", "nan", "nana"), _MOTHERS
)
_LOOKBACK = 80  # characters before an inner quote its introduction stands in


def _inner(text: str, outer: Found) -> Iterator[re.Match[str]]:
    body = text[outer.start : outer.end]
    singles = outer.style == "label" or text[outer.open_at : outer.open_at + 1] in '“"«„'
    # (guillemets hold “…” inside: « My father always says “hold on” »)
    doubles = outer.style == "label" or text[outer.open_at : outer.open_at + 1] in "‘'«"
    for pattern, wanted in ((_SINGLE, singles), (_DOUBLE, doubles)):
        if wanted:
            yield from pattern.finditer(body)


def nested_quotes(
    ctx: _Article, article: Article, results: Sequence[tuple[Found, Speaker | None, str | None]]
) -> list[Quote]:
    """The attributed quotes nested in the attributed quotes of ``results`` (``article``'s)."""
    out: list[Quote] = []
    for found, speaker, _ in results:
        if speaker is None or found.style not in ("marks", "label"):
            continue
        for m in _inner(ctx.text, found):
            start, end = found.start + m.start("body"), found.start + m.end("body")
            words = ctx.text[max(found.start, start - 1 - _LOOKBACK) : start - 1]
            intro = _INTRODUCED.search(words)
            if intro is None:
                continue
            told = ctx.text[found.start : start - 1 - len(words) + intro.start()]
            named = intro.group("who") or intro.group("owner")
            who = _speaker_of(ctx, named, speaker, found, told)
            if who is None:
                continue
            text = ctx.text[start:end].rstrip(",")
            end = start + len(text)
            sentence = ctx.sentence(start)
            source = QuoteSource(
                article.id,
                article.path,
                start,
                end,
                found.paragraph,
                sentence.index if sentence is not None else None,
            )
            kind = "full" if text[:1].isupper() else "partial"
            out.append(
                Quote(
                    text=text,
                    kind=kind,
                    speaker=who.name,
                    sources=(source,),
                    role=who.role,
                    affiliation=who.affiliation,
                    mention=named,
                    cue="nested",
                )
            )
    return out


# Someone the speaker tells of, described in their own words before the inner quote ("I talked
# with a woman who is 81 years old. She told me, ‘…’", "I spoke with the president. He asked me").
_TOLD_OF = re.compile(r"\b(?:a|an|the|my|our|this|one)\s+(?:[\w-]+\s+){0,2}?([a-z-]+)\b")
_PREDICATE = re.compile(r"\b(?:was|is|were|are|became|becomes)\s+\Z")
_FEMALE = frozenset("woman girl lady mother mum wife daughter sister grandmother aunt widow".split())
_MALE = frozenset("man boy gentleman father dad husband son brother grandfather uncle widower".split())


def _told_of(words: str, gender: str) -> str | None:
    """The head noun of the last person the outer quote describes in ``words`` whose gender
    fits ``gender`` ("woman" in "I talked with a woman who is 81 years old")."""
    for m in reversed(list(_TOLD_OF.finditer(words))):
        # the first person noun of the (up to three) words after the determiner: "a police officer"
        following = [m.group(1), *re.findall(r"[a-z-]+", words[m.end() : m.end() + 30])[:2]]
        head = next((w for w in following if w in PERSON_NOUNS or w in ANAPHORIC_NOUNS), None)
        if head is None or _PREDICATE.search(words, 0, m.start()):
            continue  # (nor "Callum was the strongest swimmer": a predicate describes him, named)
        if (gender == "m" and head in _FEMALE) or (gender == "f" and head in _MALE):
            continue
        return head
    return None


def _family_of(ctx: _Article, outer: Speaker, kin: str) -> Person | None:
    """ "My father always says “…”" with no tie stated: the one other person of the speaker's
    surname the family word's gender may fit (Lucas Rossi's father: Jean-Marc Rossi)."""
    gender = KIN_GENDER.get(kin)
    if gender is None or outer.kind != "person" or len(outer.name.split()) < 2:
        return None
    surname = outer.name.split()[-1]
    family = [
        p
        for p in ctx.people.persons
        if p.name != outer.name and p.name.split()[-1] == surname and p.gender in (gender, None)
    ]
    return family[0] if len(family) == 1 else None


def _reported_before(ctx: _Article, outer: Speaker, found: Found) -> str:
    """The sentence before the outer quote's when it reports the outer speaker ("Wanjiru Kamau
    said a police officer had stopped her. “He told me, ‘…’”"), else no words."""
    sentence = ctx.sentence(found.open_at)
    k = ctx.sentence_position(sentence) if sentence is not None else 0
    if k <= 0:
        return ""
    prior = ctx.sentences[k - 1]
    words = ctx.text[prior.start : prior.end]
    surname = outer.name.split()[-1] if outer.kind == "person" and outer.name.split() else ""
    return words if surname and re.search(rf"\b{re.escape(surname)}\b", words) else ""


def _speaker_of(ctx: _Article, who: str, outer: Speaker, found: Found, before: str) -> Speaker | None:
    """The person the introduction's subject ``who`` is, told of in ``outer``'s quote, whose
    words before the introduction are ``before``."""
    if who == "I":
        return outer if outer.kind in ("person", "description") else None
    low = who.lower()
    if low in PRONOUN_GENDER:
        gender = PRONOUN_GENDER[low]
        described = _told_of(before, gender) or _told_of(_reported_before(ctx, outer, found), gender)
        if described is not None:
            return Speaker(described, None, None, who, "description", gender)
        for m in reversed(ctx.in_range(0, found.open_at)):
            if m.kind not in ("person", "name") or m.after_preposition:
                continue
            person = ctx.people.person(m)
            if person is None or person.name == outer.name:
                continue
            if person.gender == gender:
                return Speaker(person.name, person.role, person.affiliation, who, "person", gender)
        return None
    if low in _PARENTS:
        # "Dad always told her, ‘…’": the parent of that gender the article names with a tie
        # ("Kaylee's grandfather, the late Dean Hansen"), the latest before the outer quote
        tied_to = [t for kin in _PARENTS[low] if (t := tied(ctx, kin, found.open_at)) is not None]
        person = ctx.people.person(max(tied_to, key=lambda t: t.start)) if tied_to else None
        if person is not None and person.name != outer.name:
            return Speaker(person.name, person.role, person.affiliation, who, "person", person.gender)
        return None
    first, _, kin = who.partition(" ")
    if first.lower() in ("my", "our"):
        # "My mother used to say, ‘…’": the relative the article names so ("her mother, Joan
        # Ashcroft,"), else that relative, described
        if kin not in KIN_NOUNS:
            return None
        named = tied(ctx, kin, found.open_at)
        person = ctx.people.person(named) if named is not None else _family_of(ctx, outer, kin)
        if person is not None and person.name != outer.name:
            return Speaker(person.name, person.role, person.affiliation, who, "person", person.gender)
        return Speaker(kin, None, None, who, "description")
    if first in _NOT_NAMES:
        return None
    person = ctx.people.named(who, at=found.open_at)
    if person is None or person.name == outer.name:
        return None
    return Speaker(person.name, person.role, person.affiliation, who, "person", person.gender)
