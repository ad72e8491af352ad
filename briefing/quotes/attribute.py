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

from ..models import Actor, Article, Paragraph, Quote, QuoteSource, Sentence
from .acronyms import spelled_out
from .after import _after, _sentence_final, view_of
from .clauses import (
    _before,
    _introduced,
    _subject,
    _words,
    about,
)
from .context import Speaker, _Article
from .continuation import _continuation
from .coordinated import _coordinated
from .detect import Found
from .kin import kin_named
from .labels import headline_named, interview_turn, label_before, label_speaker, list_entry, quote_first
from .lexicon import FINITE_MARKERS
from .nested import nested_quotes
from .questions import asked
from .repeats import repeated
from .reported import NOT_VERB_CUES as _NOT_VERB_CUES
from .reported import in_reported_speech, named_as, named_by_speaker, title_like, whole_reply
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
    if labelled is None and found.style in ("marks", "open"):
        labelled = label_before(ctx, found.open_at)  # "QUIÑONES, a train operator: “…”"
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
