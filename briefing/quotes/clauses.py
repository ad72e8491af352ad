"""Clauses: the attribution before a quote in its sentence, and the words it rests on.

Before the quote in the same sentence ("the European Union declared: “…", "Peskov felt that
“…", "The book accuses Bob of treating them like “…”"), a colon introduction ("Lavrov: “…", a
paragraph ending "he declared:"), and, for a quote inside a sentence, the sentence's subject. A
subject that is no known mention speaks as the noun phrase it is ("the board", "one attendee").
The attribution after a quote is after.py's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Paragraph, Sentence
from .colons import colon_subject
from .context import Speaker, _Article, _Cue
from .detect import TOKEN, Found
from .lexicon import ACCORDING_ABROAD, PERSON_NOUNS, ROLE_WORDS, SHARE
from .lexicon import SUBORDINATE_OPENER as _SUBORDINATE
from .order import cue_order
from .order import participle as _participle
from .phrases import (
    _SUBJECT_TAIL,
    _phrase,
    _phrase_after,
    _phrase_before_verb,
)
from .plausible import _plausible, _words
from .resolve import _nearest_clause_subject, _resolved
from .shapes import inverted_gap
from .signs import inscribed
from .speakers import Mention


def _introduced(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A quotation opening its paragraph after one that ends with a colon ("In a 1963 speech, he
    declared:"): the introducing sentence's verb and subject, or its subject."""
    para = ctx.paragraph_of(found.paragraph)
    if para is None or _words(ctx.text[para.start : found.open_at]):
        return None
    k = ctx.paragraph_position(para)
    prev = ctx.paragraphs[k - 1] if k > 0 else None
    if prev is None or not prev.text.rstrip().endswith(":"):
        return None
    colon = prev.start + len(prev.text.rstrip()) - 1
    got = _before(ctx, replace(found, open_at=colon, paragraph=prev.index))
    return got if got is not None else _subject(ctx, replace(found, open_at=colon))


def about(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A quotation that is a sentence of its own, right after a sentence of its paragraph about a
    person and with no verb of saying ("Ruth Vale is blunt about it. “We tried fully remote for
    two years.”", "Asked what she learned, she laughs. “…”"): that person, its subject."""
    sentence = ctx.sentence(found.open_at)
    para = ctx.paragraph_of(found.paragraph)
    if sentence is None or para is None or _words(ctx.text[max(sentence.start, para.start) : found.open_at]):
        return None
    k = ctx.sentence_position(sentence)
    prev = ctx.sentences[k - 1] if k > 0 else None
    if prev is None or _spoken_in(ctx, para.start if prev.start >= para.start else prev.start, found.open_at):
        return None  # a quote before it in the paragraph: whose the next one is, continuation says
    if prev.start < para.start and not _alone_after_report(ctx, found, para, prev):
        return None
    if ctx.cues_in(prev.start, prev.end) or not ctx.text[prev.start : prev.end].rstrip().endswith("."):
        return None
    if ctx.cues_in(found.close_at, max(found.close_at, sentence.end)):
        return None  # "“…,” she said": its own verb says whose it is, or that it is no one's we know
    subjects = [m for m in ctx.in_range(prev.start, prev.end) if not m.after_preposition]
    # In its paragraph, a person, "he" or "she" (not "I") or a known surname ("she laughs. “…”",
    # "Holm laughed. “…”"); across paragraphs, a person or an institution that acts ("The
    # Metropolitan Police made a request"; not "The balcony was destroyed").
    # (… or "she", when the paragraph is about one person: "Their grandmother, Martha Mokoena,
    # 71, has raised the twins. She has never been on an aeroplane. ¶ “When they told me …")
    kinds = ("person", "pronoun") if prev.start >= para.start else ("person", "organisation", "pronoun")
    known = (
        bool(subjects)
        and prev.start >= para.start
        and subjects[0].kind == "name"
        and ctx.people.known_surname(subjects[0].name)
    )
    # … or a description that goes back to a person ("The Portuguese coach … reserved praise")
    described = bool(subjects) and subjects[0].kind == "definite"
    if (
        not subjects
        or (subjects[0].kind not in kinds and not known and not described)
        or (subjects[0].kind == "pronoun" and subjects[0].name not in ("he", "she"))
        or (prev.start < para.start and _PASSIVE.match(ctx.text, subjects[0].end) is not None)
        or len(_words(ctx.text[prev.start : subjects[0].start])) > 4
    ):
        return None
    got = _resolved(ctx, subjects[0], "subject")
    return None if described and (got is None or got[0].kind != "person") else got


_PASSIVE = re.compile(r"\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")


def _alone_after_report(ctx: _Article, found: Found, para: Paragraph, prev: Sentence) -> bool:
    """Is ``found`` a paragraph of its own after a paragraph with no quote whose last sentence
    is ``prev`` ("The Metropolitan Police made a request for information. ¶ “We need to establish
    his movements …”")?"""
    rest = ctx.text[found.close_at : para.end]
    before = ctx.paragraph_at(prev.start)
    return not _words(rest) and before is not None and not _spoken_in(ctx, before.start, before.end)


def _spoken_in(ctx: _Article, start: int, end: int) -> list[int]:
    """The quotes in [start, end) that may be speech: not the words on a T-shirt (signs.py)."""
    return [i for i in ctx.found_in(start, end) if not inscribed(ctx, ctx.found[i])]


def _cue_text(ctx: _Article, cue: _Cue, limit: int) -> str:
    """The cue as written, with its passive auxiliary or particle ("was quoted as saying")."""
    before = ctx.text[max(0, cue.start - 5) : cue.start]
    text = cue.text
    if cue.text == "quoted" and re.search(r"\b(?:was|were|is)\s+$", before):
        text = before.split()[-1] + " quoted"
    tail = re.match(
        r"\s+(?:as\s+saying|on\s+(?:Twitter|X|Facebook|Telegram)|out)\b", ctx.text[cue.end : limit]
    )
    return text + tail.group() if tail else text


def _before(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A verb of saying earlier in the quote's sentence, with its subject before it. Relayed
    speech ("Interfax reported that Peskov said “…”", "according to the Post, Lind said “…”") is
    the relayed speaker's: a relaying verb gives way to a later verb of the same sentence."""
    start, _ = ctx.sentence_bounds(found.open_at)
    start = max(start, _paragraph_start(ctx, found.open_at))
    relayed: tuple[Speaker, str] | None = None
    cues = ctx.cues_in(start, found.open_at)
    if cues and ctx.text[start : found.open_at].rstrip().endswith(":"):
        # "Reid said both are “non-entities,” but he paid the Texan a compliment: “…”": a clause
        # joined after the last verb of saying, with its own subject, introduces the quote.
        joined = _nearest_clause_subject(ctx, cues[-1].end, found.open_at, "colon")
        if joined is not None:
            return joined
    order = cue_order(ctx.text, start, cues, found.open_at, ctx.in_range)
    relayed_at = -1
    for cue in order:
        got = _by_cue(ctx, start, cue, found.open_at)
        if got is None:
            continue
        if not _RELAYING.match(cue.text):
            return got
        if cue.start > relayed_at:
            # of two relaying verbs, the one nearer the quote relays it ("Reuters reported the
            # tsunami hit Tahiti, where the BBC reports that the waves were “smaller”")
            relayed, relayed_at = got, cue.start
    if relayed is not None:
        return relayed
    lead = ctx.text[start : found.open_at].rstrip()
    if lead.endswith(":"):
        return colon_subject(ctx, start, found)
    return None


# Verbs by which an outlet or a document relays what someone else said.
_RELAYING = re.compile(
    r"(?:according|report|reported|reports|reporting|quoted|cited|cites|wrote|writes)\b", re.I
)


def _quoted_object(ctx: _Article, cue: _Cue) -> list[Mention]:
    """The mentions inside a "quoted X as saying" cue, X first; none for any other cue."""
    if cue.text.startswith("quoted") and cue.text.endswith("saying"):
        inside = ctx.in_range(cue.start, cue.end)
        pronoun = _OBJECT_PRONOUN.search(ctx.text, cue.start, cue.end)
        if not inside and pronoun is not None:
            # "the statement quoted her as saying": "her" stands for whom "she" would
            # (an object: "BelTA quoted him as saying" is never BelTA quoting itself)
            subject = _SUBJECT_OF[pronoun.group(1).lower()]
            return [Mention(pronoun.start(1), pronoun.end(1), "pronoun", subject, after_preposition=True)]
        return inside
    return []


# A document someone relays, between "according to" and the relaying outlet.
_SEEN_BY = re.compile(r"\s+(?:an?|the)\s+[\w\s-]{1,40}?(\s+(?:seen|obtained|reviewed|viewed)\s+by\s+)$")
_OBJECT_PRONOUN = re.compile(r"\b(him|her|them)\b", re.IGNORECASE)
_SUBJECT_OF = {"him": "he", "her": "she", "them": "they"}  # the pronoun "him" stands for as a subject


def _by_cue(ctx: _Article, start: int, cue: _Cue, open_at: int) -> tuple[Speaker, str] | None:
    """Who speaks by one verb of saying before a quote: its subject (or, for "according to X" and
    "quoted X as saying", X)."""
    if cue.text.lower().startswith(("according", "in the words of", *ACCORDING_ABROAD)):  # X speaks, after it
        after = ctx.in_range(cue.end, open_at)
        label = "according to" if cue.text.lower().startswith("according") else cue.text
        pronoun = _OBJECT_PRONOUN.match(ctx.text, cue.end + 1) if ctx.text.startswith(" ", cue.end) else None
        if not after and pronoun is not None:
            # "According to him, the list is “practically ready”": whom "he" would stand for
            subject = _SUBJECT_OF[pronoun.group(1).lower()]
            return _resolved(ctx, Mention(pronoun.start(1), pronoun.end(1), "pronoun", subject), label)
        if not after:  # "According to the BBC, “…”": an acronym is no mention; its phrase speaks
            return _phrase_after(ctx, cue.end, open_at, label)
        seen = _SEEN_BY.match(ctx.text, cue.end, after[0].start)
        if seen is not None:  # "According to a draft seen by Reuters, …": the draft speaks
            return _phrase_after(ctx, cue.end, seen.start(1), label)
        return _resolved(ctx, after[0], label)
    if cue.text.lower().endswith(" words") and cue.text[:1] in "Ii":
        # "In Lind’s words, the shift is “…”": the owner of the words speaks
        owner = ctx.in_range(cue.start, cue.end)
        return _resolved(ctx, owner[0], "in the words of") if owner else None
    if passive(ctx, cue):
        # "were reported as “visibly receding” by Hawaii News Now": the agent after "by" speaks,
        # never the passive's subject; none named, no one
        return _agent(ctx, cue, open_at)
    inverted = _inverted_before(ctx, start, cue, open_at)
    if inverted is not None:
        return inverted
    share = SHARE.search(ctx.text, max(start, cue.start - 60), cue.start)
    if share is not None:  # "21 percent said “not too likely”": the share of those asked
        words = share.group(1)
        return Speaker(words, None, None, words, "description", None, share.span(1)), cue.text
    quoted = _quoted_object(ctx, cue)  # "quoted Peskov as saying": Peskov speaks
    if quoted:
        return _resolved(ctx, quoted[0], "quoted as saying")
    if _participle(ctx.text, cue):
        main = (
            _main_after(ctx, open_at, _cue_text(ctx, cue, open_at))
            if _OPENING_PARTICIPLE.fullmatch(ctx.text, start, cue.start)
            else None
        )
        if main is not None:
            # "As well as reporting that workers were “…”, the study looks …", "After saying the
            # plan was “…”, Lind left": the participle's subject is the main clause's, after the quote
            return main
        # "with McCain calling it “…”", "– Ryan saying he was “…” and Trump calling it": an
        # absolute construction, the participle's own subject right before it.
        before = ctx.in_range(start, cue.start)
        if (
            before
            and re.fullmatch(r"\s+(?:\w+ly\s+)?", ctx.text[before[-1].end : cue.start])
            and _ABSOLUTE.search(ctx.text, max(start, before[-1].start - 6), before[-1].start)
            and _plausible(ctx, before[-1])
        ):
            return _resolved(ctx, before[-1], _cue_text(ctx, cue, open_at))
        if re.search(r"\bwith\s+\S", ctx.text[max(start, cue.start - 60) : cue.start]):
            # "with one of her ads asking “…”": a noun phrase after "with"
            absolute = re.search(r"\bwith\s+([^,;:]{2,50}?)\s+(?:\w+ly\s+)?$", ctx.text[start : cue.start])
            if absolute is not None:
                a, b = start + absolute.start(1), start + absolute.end(1)
                got = _phrase_before_verb(ctx, a - 1, cue.start, _cue_text(ctx, cue, open_at)) or _phrase(
                    ctx, list(TOKEN.finditer(ctx.text, a, b)), _cue_text(ctx, cue, open_at)
                )
                if got is not None:
                    return got
        # ", saying “…”", "calling it “…”": a participle's subject is the clause's subject, the
        # first mention of the sentence that is no object ("Clinton criticized Trump, saying …");
        # with no mention there, the noun phrase opening the clause ("The town released a
        # statement saying …").
        got = _clause_subject(ctx, start, cue.start, _cue_text(ctx, cue, open_at))
        return (
            got if got is not None else _opening_phrase(ctx, start, cue.start, _cue_text(ctx, cue, open_at))
        )
    if _COORDINATED.search(ctx.text, max(start, cue.start - 20), cue.start):
        # "Sharpton supported Obama over Clinton and said, “…”": a verb joined by "and" shares
        # the subject of the clause, not the object before it.
        got = _clause_subject(ctx, start, cue.start, _cue_text(ctx, cue, open_at))
        if got is not None:
            return got
    subjects = [m for m in ctx.in_range(start, cue.start)]
    # The clause subject: the nearest mention before the verb that is not the object of a
    # preposition ("Blinken has met with Lavrov to warn …" is Blinken's warning), nor inside a
    # clause in commas ("Clinton, who served when Libya …, conceded").
    # … unless "and" joins its verb to the clause ("asked for a photo and Clinton said").
    free = [m for m in subjects if not m.after_preposition or _joined(ctx, m, cue)]
    subjects = [m for m in free if _plausible(ctx, m)] or [m for m in subjects[-1:] if _plausible(ctx, m)]
    subjects = [m for m in subjects if _governs(ctx.text[m.end : cue.start])] or subjects
    # … nor a mention inside a relative clause in commas ("Trump, who leads in delegates, said")
    closed = [r.span() for r in _RELATIVE_IN_COMMAS.finditer(ctx.text, start, cue.start)]
    subjects = [m for m in subjects if not any(a < m.start < b for a, b in closed)] or subjects
    cue_text = _cue_text(ctx, cue, open_at)
    if subjects and not any(_plausible(ctx, m) for m in free):
        # every mention is an object: a phrase that opens the clause speaks before the last of
        # them does ("The municipal council of a small town in Canada’s Prairies has said")
        phrase = _phrase_before_verb(ctx, start, cue.start, cue_text)
        if phrase is not None:
            return phrase
    if subjects and (
        _governs(ctx.text[subjects[-1].end : cue.start]) or _WHO.search(ctx.text, subjects[-1].end, cue.start)
    ):
        return _who(ctx, subjects[-1], cue, _resolved(ctx, subjects[-1], cue_text))
    # No mention stands as the verb's subject: the phrase before it may ("The book accuses").
    phrase = _phrase_before_verb(ctx, start, cue.start, cue_text)
    if phrase is not None:
        return phrase
    return _resolved(ctx, subjects[-1], cue_text) if subjects else None


def _joined(ctx: _Article, m: Mention, cue: _Cue) -> bool:
    """Is ``m``, though it follows a preposition, the subject of a clause joined by "and" whose
    verb is the cue ("a woman asked for a photo and Clinton said, “…”")?"""
    joined = re.search(r"\b([a-z]+)\s+(?:and|but)\s+$", ctx.text[max(0, m.start - 30) : m.start])
    # … a common word before "and", not a role ("president and CEO of the association stated")
    return bool(
        joined is not None
        and joined.group(1) not in ROLE_WORDS | PERSON_NOUNS
        and re.fullmatch(r"\s+(?:\w+ly\s+)?", ctx.text[m.end : cue.start])
    )


# A passive auxiliary right before a verb of saying ("was described", "were reported"); "was
# quoted as saying", "was heard saying" keep their subject as the speaker.
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_SAYING_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:as\s+)?saying\b")
_BY_AGENT = re.compile(r"\bby\s+")


def passive(ctx: _Article, cue: _Cue) -> bool:
    """Is ``cue`` a passive verb of saying whose subject is what was said of, not who said it?"""
    return (
        cue.text.endswith("ed")
        and _PASSIVE_AUX.search(ctx.text, max(0, cue.start - 20), cue.start) is not None
        and not _SAYING_AFTER.match(ctx.text, cue.end)
    )


def _agent(ctx: _Article, cue: _Cue, open_at: int) -> tuple[Speaker, str] | None:
    """The agent of a passive verb of saying: the mention right after "by" in its sentence."""
    _, end = ctx.sentence_bounds(open_at)
    for by in _BY_AGENT.finditer(ctx.text, cue.end, end):
        if any(a <= by.start() < b for a, b in ((f.open_at, f.close_at) for f in ctx.found)):
            continue
        label = f"{cue.text} by"
        agent = next(iter(ctx.in_range(by.end(), min(end, by.end() + 60))), None)
        if agent is not None and re.fullmatch(r"(?:[a-z]+\s+){0,3}", ctx.text[by.end() : agent.start], re.I):
            got = _resolved(ctx, agent, label) if _plausible(ctx, agent) else None
            if got is not None:
                return got
        return _phrase_after(ctx, by.end(), end, label)  # "by Hawaii News Now", "by a local paper"
    return None


_OPENING_PARTICIPLE = re.compile(
    r"\s*(?:(?:[Aa]s well as|[Aa]fter|[Bb]efore|[Ww]hile|[Bb]esides|[Ii]n addition to|[Aa]part from)\s+)?"
)


_TO_COMMA = re.compile(r"[^,;:.!?“”\"]{0,40}?,\s*")


def _main_after(ctx: _Article, open_at: int, cue: str) -> tuple[Speaker, str] | None:
    """The subject of the main clause after the quote opening at ``open_at`` and its comma."""
    opening = ctx.found_in(open_at, open_at + 1)
    if not opening:
        return None
    found = ctx.found[opening[0]]
    _, end = ctx.sentence_bounds(open_at)
    comma = _TO_COMMA.match(ctx.text, found.close_at, end)
    if comma is None:
        return None
    subject = next(iter(ctx.in_range(comma.end(), end)), None)
    if subject is not None and subject.start == comma.end() and _plausible(ctx, subject):
        return _resolved(ctx, subject, cue)
    m = _OPENING_PHRASE.match(ctx.text, comma.end(), end)
    return _phrase_before_verb(ctx, comma.end(), m.end(), cue) if m is not None else None


def _inverted_before(ctx: _Article, start: int, cue: _Cue, open_at: int) -> tuple[Speaker, str] | None:
    """ "…, explained Rosenberg, “…”", "Said the mayor: “…”": a verb after a clause boundary with
    its subject after it and only punctuation between that and the quote."""
    if not re.search(r"(?:^|[,;:—–(]|[,;!?][”\"’])\s*$", ctx.text[start : cue.start]):
        return None
    after = ctx.in_range(cue.end, open_at)
    # "said Fiorina “was …”" is no inversion: Fiorina is the subject of the quoted clause; "“A,”
    # said Lind, an economist at the school, “B”" is, apposition and all.
    if not after or not _INVERTED_TAIL.fullmatch(ctx.text, after[0].end, open_at):
        return None
    if (
        after[0].after_preposition  # "said of Sanders: “…”" is about Sanders
        or not inverted_gap(ctx.text[cue.end : after[0].start])
        or not _plausible(ctx, after[0])
    ):
        return None
    return _resolved(ctx, after[0], _cue_text(ctx, cue, open_at))


# A noun phrase opening a clause, then its verb: "The town released", "the justice sounded".
_OPENING_PHRASE = re.compile(
    r"\s*(?:The|the|A|An|This|One|Another|Its|Their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?=[a-z]+(?:ed|s)\b|(?:is|was|has|had|will|would)\b)"
)


def _opening_phrase(ctx: _Article, start: int, end: int, cue: str) -> tuple[Speaker, str] | None:
    """The noun phrase that opens the clause at ``start`` (after an opening clause), as the
    subject of a verb of saying further on."""
    start = _main_clause_start(ctx, start, end)
    m = _OPENING_PHRASE.match(ctx.text, start, end)
    if m is None:
        return None
    return _phrase_before_verb(ctx, start, m.end(), cue)


_ABSOLUTE = re.compile(r"(?:\bwith|\band|[—–;:])\s+$")
# … or a participle's phrase ("Mary Lind, clad in a cape that formed the name Trump, said")
# A relative clause may hold an apposition of its own, in commas: ", who founded the bakery with
# his late wife, Adaeze, in 2009," — it runs to the last comma before the verb.
# A restrictive one after its noun ends at the comma before the verb too: "A taxi driver who works
# the Hanover Park–Claremont route, and who did not want to be named, said".
_RELATIVE_IN_COMMAS = re.compile(
    r",\s*(?:who|which|whose)\b[^;:“”\"]*,|,\s*(?:clad|\w+ed|\w+ing)\b[^,;:“”\"]*,"
    r"|(?<=[a-z])\s+(?:who|whose)\s[^;:“”\"]*,"
)
_INVERTED_TAIL = re.compile(r"\s*[,:]\s*|\s*,[^,;:.!?“”\"]{1,160},\s*")


_WHO = re.compile(
    r",?\s*(who)\s+(?:(?:has|have|had|also|later|then|once|often|repeatedly|recently)\s+){0,2}$"
)


_COORDINATED = re.compile(r"\w\s*,?\s+(?:and|but)\s+(?:(?:then|also|later|again|quickly)\s+)?$")


def _who(
    ctx: _Article, subject: Mention, cue: _Cue, got: tuple[Speaker, str] | None
) -> tuple[Speaker, str] | None:
    """ "Trump, who has called the pact “insanity”": the relative pronoun is the verb's subject
    (the words the attribution rests on); the person it stands for is the speaker."""
    m = _WHO.search(ctx.text, subject.end, cue.start)
    if got is None or m is None:
        return got
    return replace(got[0], span=(m.start(1), m.end(1))), got[1]


# Where the subject spoke, between it and its verb: "X in a conversation with RIA Novosti noted".
_WHERE_SAID = re.compile(
    r"^\s+in\s+(?:an?|his|her|their|its)\s+(?:conversation|interview|talk|comments?|remarks)\s+"
    r"(?:with|to)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,4}"
)


def _governs(between: str) -> bool:
    """Can a subject followed by ``between`` be the subject of the verb after it: nothing but a
    few words, or a closed stretch in commas ("X, a lawyer for the firm, said")?"""
    between = _WHERE_SAID.sub(" ", between, count=1)
    if "," not in between:
        return len(_words(between)) <= 3
    stripped = between.strip()
    tail = stripped.rsplit(",", 1)[1].split()
    return stripped.startswith(",") and all(w.lower() in _SUBJECT_TAIL for w in tail)


def _paragraph_start(ctx: _Article, pos: int) -> int:
    p = ctx.paragraph_at(pos)
    return p.start if p is not None else 0


def _subject(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """The subject of the sentence that quotes a phrase: its first mention outside quotes that
    is not the object of a preposition."""
    start, _ = ctx.sentence_bounds(found.open_at)
    view = _FOR_SOMEONE.match(ctx.text, start, found.open_at)
    if view is not None:
        # "For the spokesman of the opposition, Luis Ferrer, it is «late and insufficient»": the
        # person the sentence gives the view of
        held = [m for m in ctx.in_range(view.end(), found.open_at) if m.kind in ("person", "name", "role")]
        if held and _plausible(ctx, held[-1]) and "," in ctx.text[held[-1].end : found.open_at]:
            got = _resolved(ctx, held[-1], "subject")
            if got is not None:
                return got
    if any(passive(ctx, c) for c in ctx.cues_in(start, found.open_at)):
        return None  # "The bill was called “reckless”": said of its subject, by no one named
    got = _clause_subject(ctx, start, found.open_at, "subject")
    if got is None or got[0].span is None:
        return got
    # "Trump, who has postured as the “law and order candidate,” has …": the quote is inside
    # the relative clause, whose subject (the words it rests on) is "who".
    rel = _OPEN_RELATIVE.match(ctx.text, got[0].span[1], found.open_at)
    return (replace(got[0], span=(rel.start(1), rel.end(1))), got[1]) if rel else got


# A sentence that opens with whose view it gives ("For Ferrer, it is …"), not "For her part".
_FOR_SOMEONE = re.compile(
    r"\s*For\s+(?!(?:his|her|their|its|our|my|your)\s+part\b)(?=[^,;:.!?“”\"«»]{2,80},)"
)
_OPEN_RELATIVE = re.compile(r"\s*,\s*(who)\b[^,;:.!?]*\Z")


def _main_clause_start(ctx: _Article, start: int, end: int) -> int:
    """Where the main clause starts: after a clause opening the sentence ("When X arrived, …")."""
    opener = _SUBORDINATE.match(ctx.text, start, end)
    return opener.end() if opener is not None and opener.end() < end else start


def _clause_subject(ctx: _Article, start: int, end: int, cue: str) -> tuple[Speaker, str] | None:
    """The first mention in [start, end) that stands as the main clause's subject."""
    # The main clause's subject comes after a clause that opens the sentence ("When X …, Obama
    # and Clinton call them “lone wolves”") and after a dateline ("FLINT, Mich. (UPI) — …").
    start = _main_clause_start(ctx, start, end)
    dateline = _DATELINE.match(ctx.text, start, end)
    if dateline is not None:
        start = dateline.end()
    if (nearest := _nearest_clause_subject(ctx, start, end, cue)) is not None:
        return nearest
    for m in ctx.in_range(start, end):
        if not m.after_preposition and _plausible(ctx, m):
            return _resolved(ctx, m, cue)
    return None


_DATELINE = re.compile(r"\s*[A-Z][A-Z .\-]{2,}[^—–\n]{0,60}[—–]\s*")
