"""Continuation: who speaks a quote that no verb of its own attributes, from the quotes around
it: the speaker of the quote before, in its paragraph or the one before ("“A,” Lind said. “B.”",
a paragraph that is only a quotation, an answer after an interviewer's question), unless
someone else joins between them ("…,” Lind said, and her husband cut in. “…”"), or a verb of
saying before reports the words ("Ash argued in his email that …").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..models import Paragraph
from .clauses import (
    _by_cue,
    _clause_subject,
    _participle,
    _words,
)
from .context import Speaker, _Article
from .detect import Found
from .order import opens_clause
from .plausible import _plausible
from .reporter import reporter as _reporter
from .resolve import _resolved
from .signs import inscribed

UNATTRIBUTED = "unattributed"


# A lower-case quoted fragment this long with a finite verb of its own is a clause that stands as
# a statement (kind "full"); shorter fragments are phrases. Calibrated on the fixtures and the
# seeds: the shortest such statement there has 17 words, the longest quoted phrase 17 without
# a finite verb, 11 with one.
CLAUSE_WORDS = 12


def _continuation(ctx: _Article, k: int) -> tuple[Speaker, str] | None:
    """Dash speech after an attributed quote of the same paragraph; a paragraph that is only a
    quotation (or opens with dash speech) continues the previous paragraph's last speaker."""
    found = ctx.found[k]
    own_para = ctx.paragraph_of(found.paragraph)
    if own_para is not None and _EMBED_RESIDUE.fullmatch(ctx.text, own_para.start, own_para.end):
        return None  # "— Tottenham Hotspur (@SpursOfficial) November 20, 2019": a credit, no speech
    prev = k - 1
    same = prev >= 0 and ctx.found[prev].paragraph == found.paragraph
    if (
        same
        and prev in ctx.speakers
        and (found.style == "dash" or _same_sentence_gap(ctx, ctx.found[prev], found))
        and not _own_subject(ctx, ctx.found[prev], found)
    ):
        # "“A,” Lind said, and her husband cut in. “B.”": a speaker joining between the two
        # quotes is the one who goes on.
        return (
            _interjected(ctx, prev, found)
            or _subject_after(ctx, prev, found)
            or (ctx.speakers[prev], "continuation")
        )
    reported = _reported(ctx, found)
    if reported is None and same and prev in ctx.speakers and _background_between(ctx, prev, found):
        # "“A,” said Sara Lind, a nurse. She plans to vote on Tuesday. “B.”": sentences about
        # the speaker between two of her quotes do not change who speaks.
        return ctx.speakers[prev], "continuation"
    if reported is not None or same:
        return reported
    para = ctx.paragraph_of(found.paragraph)
    if para is None:
        return None
    own = [ctx.found[i] for i in ctx.found_in(para.start, para.end + 1)]
    outside = ctx.text[para.start : para.end]
    for f in sorted(own, key=lambda f: -f.open_at):
        outside = outside[: f.open_at - para.start] + outside[f.close_at - para.start :]
    if _words(outside):
        return None
    before = _previous_paragraph(ctx, para)
    asked = ctx.paragraph_of(before) if before is not None else None
    interview = (
        asked is not None
        and not ctx.found_in(asked.start, asked.end)
        and _QUESTION.fullmatch(ctx.text, asked.start, asked.end) is not None
    )
    if interview and asked is not None:
        # "“…,” Lutz says. ¶ Are they a problem? ¶ “Mostly not.”": the answer after an
        # interviewer's question is the interviewee's, named before the question
        before = _previous_paragraph(ctx, asked)
    while prev >= 0 and before is not None and before < ctx.found[prev].paragraph < found.paragraph:
        prev -= 1  # a credit line's dash between the two paragraphs is no quote
    if prev < 0 or ctx.found[prev].paragraph != before or inscribed(ctx, ctx.found[prev]):
        # No quote in the paragraph before (words on a T-shirt are none): one that reports
        # someone's words ("Ash argued in his email that …") goes on in a paragraph that is only
        # a quotation.
        return _reported_paragraph(ctx, para, found.style)
    if prev not in ctx.speakers:
        return None
    if interview:
        return ctx.speakers[prev], "continuation"
    return _latest_mention(ctx, ctx.found[prev], para, ctx.speakers[prev]), "continuation"


def _subject_after(ctx: _Article, k: int, found: Found) -> tuple[Speaker, str] | None:
    """ "Asked by a reporter, “When does it fly?”, he laughed. “Ask me after I've slept.”": a
    subject after a quote whose speaker was named before it is someone else, who goes on."""
    prev, speaker = ctx.found[k], ctx.speakers.get(k)
    if speaker is None or speaker.span is None or speaker.span[1] > prev.open_at:
        return None
    for m in ctx.in_range(prev.close_at, found.open_at):
        if m.kind in ("pronoun", "person", "name") and not m.after_preposition and _plausible(ctx, m):
            got = _resolved(ctx, m, "continuation")
            if got is not None and got[0].kind == "person" and got[0].name != speaker.name:
                return got
            return None
    return None


def _interjected(ctx: _Article, k: int, found: Found) -> tuple[Speaker, str] | None:
    """The speaker of a verb of saying joined as a clause of its own between two quotes ("…,” Lind
    said, and her husband cut in. “…”"), when that is someone else."""
    prev = ctx.found[k]
    cues = ctx.cues_in(prev.close_at, found.open_at)
    if len(cues) < 2:
        return None
    last = cues[-1]
    speaker = ctx.speakers.get(k)
    kin = _KIN_SUBJECT.search(ctx.text, cues[-2].end, last.start)
    if kin is not None and speaker is not None:
        # "…,” Lind said, and her husband cut in": the one before's relative, named so
        name = f"{speaker.name}’s {kin.group(1).split()[-1]}"
        got: tuple[Speaker, str] | None = (
            Speaker(name, None, None, kin.group(1), "description", None, kin.span(1)),
            "continuation",
        )
    elif opens_clause(ctx.text, last, ctx.in_range(prev.close_at, last.start)):
        got = _by_cue(ctx, cues[-2].end, last, found.open_at)
    else:
        return None
    if got is None or speaker is None or got[0].name == speaker.name:
        return None
    return got[0], "continuation"


# "…, and her husband cut in": a joined clause whose subject is a relative or companion of the
# speaker before.
_KIN_SUBJECT = re.compile(
    r",?\s*(?:and|but)\s+((?:his|her|their)\s+(?:husband|wife|son|daughter|mother|father|brother|sister"
    r"|partner|friend|aide|lawyer|attorney|spokesman|spokeswoman|spokesperson))\s+$"
)


def _latest_mention(ctx: _Article, prev: Found, para: Paragraph, speaker: Speaker) -> Speaker:
    """A paragraph that is only a quotation goes on from the last words that name its speaker in
    the paragraph before, after that speaker's quote ("“…,” Trump added. He then had a question
    for the crowd. ¶ “Who's going to pay for it?”" rests on "He")."""
    before = ctx.paragraphs[ctx.paragraph_position(para) - 1]
    for m in reversed(ctx.in_range(prev.close_at, before.end)):
        if m.after_preposition or not _plausible(ctx, m):
            continue
        got = _resolved(ctx, m, "continuation")
        if got is not None and got[0].name == speaker.name:
            return replace(speaker, span=got[0].span)
        break
    return speaker


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|whom)\s+(?:\w+\s+)?$")


def _reported_paragraph(ctx: _Article, para: Paragraph, style: str) -> tuple[Speaker, str] | None:
    """The speaker of the last sentence of reported speech in the paragraph before ``para``
    (whose quotation is of ``style``)."""
    k = ctx.paragraph_position(para)
    if k == 0:
        return None
    before = ctx.paragraphs[k - 1]
    cues = [c for c in ctx.cues_in(before.start, before.end) if not c.text.endswith("ing")]
    if ctx.found_in(before.start, before.end):
        return None
    if not cues:
        # (a list item's dash after a colon is no one's speech: "The evidence is: ¶ — …")
        return _introducing(ctx, before) if style in ("marks", "open") else None

    start, _ = ctx.sentence_bounds(cues[-1].start)
    start = max(start, before.start)
    # the sentence's first verb of saying is its main clause's: "The union president said
    # nurses had warned management" is the president's, not the nurses'; not one of a relative
    # clause ("Niamh, who writes the lyrics, says …")
    main = [c for c in cues if c.start >= start and not _RELATIVE_BEFORE.search(ctx.text, start, c.start)]
    cue = main[0] if main else cues[-1]
    got = _by_cue(ctx, start, cue, before.end)
    return (got[0], "continuation") if got is not None and got[0].kind in ("person", "description") else None


# A subject delivering words that the next paragraph quotes: "to read a short statement", "read
# out a statement", "delivered a speech", "gave a short address".
_DELIVERED = re.compile(
    r"\b(?:read(?:\s+out)?|reads|delivered|delivers|gave|gives)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}(?:statement|speech|address|remarks|message)\b"
)


def _introducing(ctx: _Article, before: Paragraph) -> tuple[Speaker, str] | None:
    """ "The minister has sat down after 52 minutes. Some key lines: ¶ “…”": a paragraph that
    ends with a colon, or whose last sentence has its subject deliver words ("returned to the
    podium to read a short statement"), introduces the quotation after it, in the words of its
    last subject."""
    sentences = ctx.sentences[bisect_left(ctx.starts, before.start) : bisect_left(ctx.starts, before.end)]
    colon = ctx.text[before.start : before.end].rstrip().endswith(":")
    if not colon and not (sentences and _DELIVERED.search(ctx.text, sentences[-1].start, sentences[-1].end)):
        return None
    for s in reversed(sentences):
        subjects = [m for m in ctx.in_range(s.start, s.end) if not m.after_preposition and _plausible(ctx, m)]
        if subjects:
            got = _resolved(ctx, subjects[0], "colon")
            return (got[0], "continuation") if got is not None and got[0].kind == "person" else None
    return None


def _reported(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A quotation that opens its sentence right after a sentence of reported speech in the same
    paragraph ("Dane said the army would stay. “Not this week.”") continues that sentence's
    speaker: the subject just before its verb of saying."""
    here = ctx.sentence(found.open_at)
    if found.style not in ("marks", "open") or here is None or _words(ctx.text[here.start : found.open_at]):
        return None
    k = ctx.sentence_position(here)
    before = ctx.sentences[k - 1] if k > 0 else None
    if before is None or before.paragraph != here.paragraph or ctx.found_in(before.start, before.end):
        return None  # a quote there decides by the rules above, never by a guess here
    cue = next(iter(ctx.cues_in(before.start, before.end)), None)
    if cue is None:
        return None
    if _participle(ctx.text, cue):
        # "Bolton distanced himself from the movement by saying he would help. “…”": the
        # participle's subject is the clause's.
        got = _clause_subject(ctx, before.start, cue.start, "continuation")
        return got if got is not None and got[0].kind in ("person", "description") else None
    subjects = [m for m in ctx.in_range(before.start, cue.start) if not m.after_preposition]
    if (
        not subjects
        or not _plausible(ctx, subjects[-1])
        or len(_words(ctx.text[subjects[-1].end : cue.start])) > 3
    ):
        # "Mutale, who is not related to …, said she had voted. “…”": a relative clause or an
        # apposition between the subject and its verb
        rep = _reporter(ctx, before.start, before.end)
        got = _resolved(ctx, rep, "continuation") if rep is not None else None
        # (a description only when it goes back to someone named: "The 63-year-old, who has
        # lived in the village for four decades, added that …")
        named = rep is not None and (
            rep.kind in ("person", "name") or (got is not None and got[0].kind == "person")
        )
        return got if named else None
    return _resolved(ctx, subjects[-1], "continuation")


def _same_sentence_gap(ctx: _Article, prev: Found, found: Found) -> bool:
    """Only the previous quote's own attribution stands between it and this quote (“A,” she said.
    “B.”): no sentence of other words that could bring in another speaker. Sentences come from
    the segmenter, so "said Dr. Lind." or "U.S. envoy" are not two sentences."""
    before = ctx.sentence(max(prev.close_at - 1, prev.start))
    here = ctx.sentence(found.open_at)
    if before is None or here is None:
        return False
    return here.index - before.index <= 1


# How many sentences about the last speaker may stand between her quote and the next one that
# still continues it. On PolNeAR train one quote turns on this, and 1, 2 or 4 give the same.
BACKGROUND_SENTENCES = 2


def _background_between(ctx: _Article, k: int, found: Found) -> bool:
    """Only sentences about the previous speaker stand between her quote and this one, which
    opens its sentence: no quote, no verb of saying, and every subject in them names her."""
    prev = ctx.found[k]
    here = ctx.sentence(found.open_at)
    before = ctx.sentence(max(prev.close_at - 1, prev.start))
    if here is None or before is None or found.style not in ("marks", "open"):
        return False
    gap = here.index - before.index
    if _words(ctx.text[here.start : found.open_at]) or not 1 < gap <= BACKGROUND_SENTENCES + 1:
        return False
    speaker = ctx.speakers.get(k)
    between = (before.end, here.start)
    # a verb of saying of a noun's relative clause ("referred to the testimony that concluded …")
    # reports no one new
    cues = [
        c
        for c in ctx.cues_in(*between)
        if not re.search(r"\b(?:that|which)\s+$", ctx.text[c.start - 8 : c.start])
    ]
    if speaker is None or ctx.found_in(*between) or cues:
        return False
    subjects = [m for m in ctx.in_range(*between) if not m.after_preposition and _plausible(ctx, m)]
    for m in subjects:
        got = _resolved(ctx, m, "continuation")
        if got is None or got[0].name != speaker.name:
            return False
    return bool(subjects)


def _own_subject(ctx: _Article, prev: Found, found: Found) -> bool:
    """A quote in a sentence of its own after the previous quote's, with a subject of that
    sentence before it ("“A,” Lind said. She wants them “to act.”"): the sentence says who."""
    here = ctx.sentence(found.open_at)
    if here is None or here is ctx.sentence(max(prev.close_at - 1, prev.start)):
        return False
    before = ctx.in_range(here.start, found.open_at)
    return any(not m.after_preposition and _plausible(ctx, m) for m in before)


def _previous_paragraph(ctx: _Article, para: Paragraph) -> int | None:
    """The paragraph before ``para``, past the residue of an embedded post between two paragraphs
    of one statement ("Club statement", "— Tottenham Hotspur (@SpursOfficial) November 20, 2019")."""
    k = ctx.paragraph_position(para)
    while k > 1 and _EMBED_RESIDUE.fullmatch(
        ctx.text, ctx.paragraphs[k - 1].start, ctx.paragraphs[k - 1].end
    ):
        k -= 1
    return ctx.paragraphs[k - 1].index if k > 0 else None


# A paragraph that is one short question, unquoted: an interviewer's.
_QUESTION = re.compile(r"\s*[^\n“”\"?]{3,200}\?\s*")
# A post's credit line ("— Name (@handle) Date") or a short label with no sentence in it.
_EMBED_RESIDUE = re.compile(
    r"\s*(?:[—–-]\s*[^\n]{0,80}\(@\w+\)[^\n]{0,40}|(?:[^\s\"“”‘’'.!?:]+[ \t]+){0,2}[^\s\"“”‘’'.!?:]+\s*)"
)
