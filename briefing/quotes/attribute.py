"""Attribute: who said each quoted stretch, resolved within the article.

In order of trust: a transcript label ("SECRETARY BLINKEN: …"; "Q:" is no one's), the stretch's
own attribution after it ("…,” Blinken told", "…,” said the US foreign minister", "…” ― Name",
"– … – he said"), an attribution closing its sentence ("“…” at the rally, he said"), a verb of
saying before it in the same sentence (relayed speech is the relayed speaker's), a colon
introduction (also in the paragraph before), a continuation (a paragraph that is only a
quotation; a quote after an attributed quote with only that quote's attribution between them; a
quote opening its sentence right after a sentence of reported speech), and, for a quote inside a
sentence, the sentence's subject (clauses.py finds where; resolve.py who a mention names).
Nothing found: "unattributed", never a guess. Every attribution keeps the words it rests on as
the source's ``speaker_span``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Actor, Article, Paragraph, Quote, QuoteSource, Sentence
from .acronyms import spelled_out
from .after import _after, _sentence_final, view_of
from .clauses import (
    _before,
    _by_cue,
    _clause_subject,
    _introduced,
    _participle,
    _subject,
    _words,
    about,
)
from .context import Speaker, _Article
from .coordinated import _coordinated
from .detect import Found
from .kin import kin_named
from .labels import headline_named, interview_turn, label_speaker, list_entry, quote_first
from .lexicon import FINITE_MARKERS
from .nested import nested_quotes
from .order import opens_clause
from .plausible import _plausible
from .questions import asked
from .repeats import repeated
from .reported import NOT_VERB_CUES as _NOT_VERB_CUES
from .reported import in_reported_speech, named_as, named_by_speaker, title_like, whole_reply
from .reporter import reporter as _reporter
from .resolve import _resolved
from .signs import inscribed

UNATTRIBUTED = "unattributed"


# A lower-case quoted fragment this long with a finite verb of its own is a clause that stands as
# a statement (kind "full"); shorter fragments are phrases. Calibrated on the fixtures and the
# seeds: the shortest such statement there has 17 words, the longest quoted phrase 17 without
# a finite verb, 11 with one.
CLAUSE_WORDS = 12


def kind_of(text: str, style: str) -> str:
    """ "full" for a statement of its own, "partial" for a phrase quoted inside a sentence."""
    words = _words(text)
    if style in ("dash", "broken", "label"):
        return "full"
    first = next((ch for ch in text if ch.isalnum()), "")
    if first.isupper() and len(words) >= 3:
        return "full"
    if len(words) >= CLAUSE_WORDS and any(w.lower() in FINITE_MARKERS for w in words):
        return "full"
    return "partial"


# An article right before a quoted word makes it the name of a thing: "the “emergency”".
_TERM_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]o-called)\s+$")


def _is_name_like(text: str) -> bool:
    """ "Normandy Format": a short quoted run of capitalised words is a name, not speech."""
    words = _words(text)
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and text.rstrip()[-1:] not in ".!?"


def extract(
    article: Article,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    actors: Sequence[Actor] = (),
    context: _Article | None = None,
) -> tuple[Quote, ...]:
    """Every attributed (or honestly unattributed) quotation of one article, in text order.
    ``context``: the article's context when the caller built it (``headline.extract_all`` shares
    it with the title's quotes), else built here."""
    ctx = context if context is not None else _Article(article, paragraphs, sentences, actors)
    results: list[tuple[Found, Speaker | None, str | None]] = []
    for k, found in enumerate(ctx.found):
        speaker, cue = _attribute(ctx, k)
        if speaker is not None:
            speaker = kin_named(ctx, speaker, found.open_at)  # "the boy's uncle said"
            ctx.speakers[k] = speaker
        results.append((found, speaker, cue))
    results = repeated(ctx, _coordinated(ctx, _forward_continuations(ctx, results)))
    quotes = []
    for found, speaker, cue in results:
        quote = _quote(article, ctx, found, speaker, cue)
        if quote is not None:
            quotes.append(quote)
    inner = nested_quotes(ctx, article, results)  # “… she told me, ‘…’ …”
    if inner:
        quotes = sorted([*quotes, *inner], key=lambda q: q.sources[0].start)
    return tuple(quotes)


def _quote(
    article: Article, ctx: _Article, found: Found, speaker: Speaker | None, cue: str | None
) -> Quote | None:
    text = article.text[found.start : found.end]
    words = _words(text)
    kind = kind_of(text, found.style)
    if found.style == "dash" and speaker is None:
        return None  # a dash without attribution or a quote before it is punctuation, not speech
    if (
        found.style == "marks"
        and (_is_name_like(text) or title_like(ctx, found))
        and not (whole_reply(ctx, found, speaker) or named_by_speaker(ctx, found, speaker))
    ):
        return None  # a quoted name ("Normandy Format", "State of the Union") is a term, not speech
    if named_as(article.text, found.open_at):
        return None  # "the so-called “Marina Bay lottery”", "known simply as “the Gaffer”": a name
    term = _TERM_BEFORE.search(article.text, max(0, found.open_at - 12), found.open_at)
    verb = speaker is not None and cue not in _NOT_VERB_CUES
    if words and len(words) < 2 and not (verb and not term):
        # A quoted word is a term ("de-escalate", "the “emergency”") unless a verb of saying
        # reports someone using it ("Comey testified “thousands” were not turned over", "Gore
        # insisted it was “premature”", "Vell called him a “coward”": reported.py).
        if not in_reported_speech(ctx, found, speaker, cue):
            return None
    elif not words:
        return None
    if len(words) < 3 and kind == "partial" and speaker is None:
        return None
    sentence = ctx.sentence(found.start)
    source = QuoteSource(
        article.id,
        article.path,
        found.start,
        found.end,
        found.paragraph,
        sentence.index if sentence is not None else None,
        speaker.span if speaker is not None else None,
    )
    if speaker is None:
        return Quote(text=text, kind=kind, speaker=UNATTRIBUTED, sources=(source,))
    return Quote(
        text=text,
        kind=kind,
        speaker=spelled_out(ctx.names_text, speaker.name),  # "FFEW": the body's full name
        sources=(source,),
        role=speaker.role,
        affiliation=speaker.affiliation,
        mention=speaker.mention,
        cue=cue,
    )


def _attribute(ctx: _Article, k: int) -> tuple[Speaker | None, str | None]:
    found = ctx.found[k]
    following = ctx.found[k + 1] if k + 1 < len(ctx.found) else None
    nxt = following.open_at if following is not None and following.paragraph == found.paragraph else None
    at = found.open_at if found.style == "label" else found.start
    labelled = label_speaker(ctx, at) if found.style in ("marks", "open", "label") else None
    if labelled is None and found.style in ("marks", "open"):
        labelled = interview_turn(ctx, found.open_at)  # "A: “…”": the interviewee's
    if labelled is not None:  # "PENCE: Well, look, …": the transcript says who; "Q:" is no one's
        return labelled  # a question keeps its "question" cue: no rule below gives it a speaker
    if found.style == "marks" and inscribed(ctx, found):
        return None, "inscription"  # "placards reading “Reverse it now”": no one's speech
    question = asked(ctx, found) if found.style == "marks" else None
    if question is not None:  # "Asked by a reporter, “…?”, Milon replied": the reporter's
        return question
    entry = list_entry(ctx, found.open_at) if found.style in ("marks", "open") else None
    if entry is not None:  # "* AP - “…”": a list of what each source said
        return entry
    named = (headline_named(ctx, found) or quote_first(ctx, found)) if found.open_at < ctx.title_end else None
    if named is not None:  # "…; UN ‘concerned by the pace of things’": a headline's speaker
        return named
    after = found.end if found.style in ("dash", "broken") else found.close_at
    # A quotation inside a sentence (words of the sentence before it) is the subject's.
    embedded = found.style == "marks" and bool(
        _words(ctx.text[ctx.sentence_bounds(found.open_at)[0] : found.open_at])
    )
    # A quote open to its paragraph's end has nothing after it in the paragraph.
    got = _after(ctx, after, nxt, embedded) if found.style != "open" else None
    if got is None and found.style == "marks":
        got = _sentence_final(ctx, found, nxt)
    if got is None and found.style in ("marks", "open"):
        got = _before(ctx, found)
    if got is None and found.style in ("marks", "open"):
        got = _introduced(ctx, found)
    if got is None:
        got = _continuation(ctx, k)
    if got is None and found.style == "marks":
        got = view_of(ctx, found)
    if got is None and found.style in ("marks", "open"):  # (a quotation over paragraphs, too)
        got = about(ctx, found)
    phrase = found.style == "marks" and kind_of(ctx.text[found.start : found.end], "marks") == "partial"
    if got is None and (phrase or embedded):
        got = _subject(ctx, found)
    return got if got is not None else (None, None)


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
        return _interjected(ctx, prev, found) or (ctx.speakers[prev], "continuation")
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
        return _reported_paragraph(ctx, para)
    if prev not in ctx.speakers:
        return None
    if interview:
        return ctx.speakers[prev], "continuation"
    return _latest_mention(ctx, ctx.found[prev], para, ctx.speakers[prev]), "continuation"


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


def _reported_paragraph(ctx: _Article, para: Paragraph) -> tuple[Speaker, str] | None:
    """The speaker of the last sentence of reported speech in the paragraph before ``para``."""
    k = ctx.paragraph_position(para)
    if k == 0:
        return None
    before = ctx.paragraphs[k - 1]
    cues = [c for c in ctx.cues_in(before.start, before.end) if not c.text.endswith("ing")]
    if not cues or ctx.found_in(before.start, before.end):
        return None
    start, _ = ctx.sentence_bounds(cues[-1].start)
    start = max(start, before.start)
    # the sentence's first verb of saying is its main clause's: "The union president said
    # nurses had warned management" is the president's, not the nurses'; not one of a relative
    # clause ("Niamh, who writes the lyrics, says …")
    main = [c for c in cues if c.start >= start and not _RELATIVE_BEFORE.search(ctx.text, start, c.start)]
    cue = main[0] if main else cues[-1]
    got = _by_cue(ctx, start, cue, before.end)
    return (got[0], "continuation") if got is not None and got[0].kind in ("person", "description") else None


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


def _forward_continuations(
    ctx: _Article, results: list[tuple[Found, Speaker | None, str | None]]
) -> list[tuple[Found, Speaker | None, str | None]]:
    """A quotation left open at its paragraph's end continues in the next: it takes the speaker
    named there ("“We will win. ¶ “And soon,” she said.")."""
    out = list(results)
    for k in range(len(out) - 2, -1, -1):
        found, speaker, cue = out[k]
        nxt, nxt_speaker, _ = out[k + 1]
        if (
            (found.style == "open" or (found.style == "marks" and _quote_paragraph(ctx, found, nxt)))
            and speaker is None
            and cue != "question"  # "Q: …" is no one's
            and nxt_speaker is not None
            and nxt.paragraph != found.paragraph
        ):
            out[k] = (found, nxt_speaker, "continuation")
    return out


def _quote_paragraph(ctx: _Article, found: Found, nxt: Found) -> bool:
    """ "“Not only can she win.” ¶ “She may be the only one,” Lind notes.": a paragraph that is
    only a quotation, right before a paragraph that opens with the same speaker's quote."""
    para = ctx.paragraph_of(found.paragraph)
    following = ctx.paragraph_of(nxt.paragraph)
    if (
        para is None
        or following is None
        or ctx.paragraph_position(following) != ctx.paragraph_position(para) + 1
    ):
        return False
    only = not _words(ctx.text[para.start : found.open_at]) and not _words(
        ctx.text[found.close_at : para.end]
    )
    return only and not _words(ctx.text[following.start : nxt.open_at])
