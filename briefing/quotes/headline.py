"""Headline quotes: quotations in an article's title, attributed to a speaker the title names.

The readers take the title line off the body, so ``extract`` never sees it. A headline reports
speech in a few fixed shapes: a speaker label ("Mayor: ‘We will not close the port’", "Graham:
Trump’s ‘hateful rhetoric’ …": everything after the colon is theirs), a verb of saying next to
its subject ("Blinken warns of ‘serious consequences’", "‘We will rebuild,’ says governor").
Those are kept, with ``speaker_span`` on the title's words. A scare quote that no one in the
title is reported as saying ("The ‘special operation’ enters its third year", "Inside the
‘ghost fleet’") is left out, never reported unattributed: no one said it, and PolNeAR's scorer
counts it against precision. So is a quote attributed by its sentence's subject alone ("Bradley
Cooper upset ‘American Sniper’ fans": in a headline a title or a term as often as speech).

Attribution runs the body's own rules (``clauses``, ``attribute``, ``resolve``) on a context of
the title that holds the body's people index (``extract_all`` builds the article's context once
for both), so a title surname or role resolves to the full name the body uses ("Blinken" →
"Antony Blinken", "Mayor" → the mayor the body names). Those rules read a copy of the title in
running text's case (``headcase``). A headline quote the body quotes too (its words inside an
attributed body quote) is kept, with the body's speaker: the body names them in a sentence,
the headline often only by a description ("Harbridge boss"). The briefing shows the body's
entry, which has the fuller words (``compose.notable``).

Spans index ``Article.title`` (``QuoteSource.in_title``); ``offsets`` maps them to the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from ..ingest.fields import _GENRES
from ..models import Actor, Article, Paragraph, Quote, QuoteSource, Sentence
from ..segment import segment
from .attribute import UNATTRIBUTED, _attribute, _is_name_like, _quote, extract, kind_of
from .clauses import _before
from .context import Speaker, _Article, _Cue
from .detect import FURNITURE_LABELS, TOKEN, Found, find
from .headcase import HEADLINE_VERBS, ROLE_NOUNS, TITLE_ROLE_NOUNS, analysis_copy, bare_roles
from .lexicon import SUBJECT_PRONOUNS
from .mention import Mention
from .merge import _norm
from .offices import role_fits
from .people import People
from .places import is_place
from .plausible import _plausible
from .resolve import _resolved

TITLE_PARAGRAPH = -1  # QuoteSource.paragraph of a headline quote: no body paragraph
# Words a headline puts between a speaker and their verb ("Trump Is Now Calling", "Sanders
# also says"); a subject further from its verb belongs to another clause.
SUBJECT_GAP = 3
# Labels before a colon that name the piece, not a speaker ("Analysis: …", "The Latest: …").
_NOT_SPEAKERS = _GENRES | {w.lower() for w in FURNITURE_LABELS} | {"latest", "breaking", "watch", "read"}
# What may stand between a label's speaker and the colon: "CNN President on Trump:".
_LABEL_TAIL = re.compile(r"\s+(?:on|about|to|at|in|after|over)\b")


class _Label(NamedTuple):
    """A title's speaker label: where its colon stands, who it names, and whether the speaker
    is all of it ("Mayor:", "Brandt on the port:") or opens a clause ("Trump addresses the
    attack:"), which names the speaker only of a quote that names no one else."""

    colon: int
    speaker: Speaker
    strict: bool


def extract_all(
    article: Article,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    actors: Sequence[Actor] = (),
) -> tuple[Quote, ...]:
    """The title's quotes (``headline_quotes``), then the body's (``attribute.extract``), the two
    sharing one context of the article: its people index is built once."""
    ctx = _Article(article, paragraphs, sentences, actors)
    body = extract(article, paragraphs, sentences, actors, ctx)
    return headline_quotes(article, paragraphs, sentences, actors, body, ctx) + body


def headline_quotes(
    article: Article,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    actors: Sequence[Actor] = (),
    body: Sequence[Quote] = (),
    context: _Article | None = None,
) -> tuple[Quote, ...]:
    """The attributed quotations of ``article``'s title that ``body`` (the article's own body
    quotes, from ``extract``) does not already hold; spans index ``Article.title``.
    ``context``: the body's context (``extract_all``), else built here when the title quotes."""
    title = article.title
    if (
        article.title_derived
        or not title
        or article.text.lstrip().startswith(title)
        or any(title in p.text for p in paragraphs)
    ):
        # a title taken from the body, or repeated as its first line or in a paragraph of it:
        # its quotes are the body's (not so a "Most read" list the clean stage took off)
        return ()
    quoted = find(title, [Paragraph(article.id, TITLE_PARAGRAPH, 0, len(title), title)])
    if not quoted:
        return ()  # the usual case: no quote marks (or only apostrophes) in the title
    body_ctx = context if context is not None else _Article(article, paragraphs, sentences, actors)
    ctx = _title_context(article, quoted, body_ctx, actors)
    label = _label(ctx, len(title))
    fake = replace(article, text=ctx.text)
    out: list[Quote] = []
    for k, found in enumerate(ctx.found):
        speaker, cue = _attribution(ctx, k, label, len(title))
        if speaker is None:
            quote = _body_words(fake, found, body)
        else:
            speaker = _holder(ctx, speaker)
            ctx.speakers[k] = speaker  # a later quote of the title may continue it
            quote = _quote(fake, ctx, found, speaker, cue)
        if quote is None:
            continue
        quote = _as_body(quote, body)
        (source,) = quote.sources
        out.append(
            replace(
                quote,
                text=title[found.start : found.end],  # the words as written, not the analysis copy
                sources=(replace(source, paragraph=TITLE_PARAGRAPH, sentence=None, in_title=True),),
            )
        )
    return tuple(out)


def _attribution(ctx: _Article, k: int, label: _Label | None, end: int) -> tuple[Speaker | None, str | None]:
    """Who a title quote is reported as saying: a strict label's speaker for a quote after its
    colon; else a verb of saying before the quote (a headline's subject and verb come first, so
    they win over words after it), else the body's rules, when the title reports it in a
    headline's shape (``_reported``); else a loose label's speaker; else no one."""
    found = ctx.found[k]
    after_label = label is not None and found.open_at > label.colon
    if label is not None and after_label and label.strict:
        # A title's speaker label counts as a transcript's ("PENCE: …"): even one quoted word
        # after it is the speaker's ("Varga: Brandt’s plan is ‘reckless’").
        return label.speaker, "label"

    def usable(got: tuple[Speaker | None, str | None] | None) -> bool:
        # A colon after no speaker is a topic or section label ("Ukraine: …", "Analysis: …").
        return got is not None and got[1] != "colon" and _reported(ctx.text, end, found, *got)

    got = _before(ctx, found) if found.style in ("marks", "open") else None
    if got is not None and usable(got):
        return got
    attributed = _attribute(ctx, k)
    if usable(attributed):
        return attributed
    if label is not None and after_label:
        return label.speaker, "colon"
    return None, None


def _holder(ctx: _TitleContext, speaker: Speaker) -> Speaker:
    """A bare role a title names ("Chair warns …", "CEO says …") is the one person of the body
    whose stated role it fits (``offices.role_fits``: "the CEO" of "chief executive Matthias
    Kronberger"); the role words themselves when the body names none or several."""
    if speaker.kind != "description" or speaker.span is None or speaker.role is not None:
        return speaker
    words = ctx.text[speaker.span[0] : speaker.span[1]].lower().split()
    if not words or words[-1] not in TITLE_ROLE_NOUNS:
        return speaker
    role = Mention(speaker.span[0], speaker.span[1], "definite", " ".join(words))
    fitting = {p.name: p for p in ctx.people.persons if role_fits(role, p.role)}
    if len(fitting) != 1:
        return speaker
    (p,) = fitting.values()
    return Speaker(p.name, p.role, p.affiliation, speaker.mention, "person", p.gender, speaker.span)


def _reported(text: str, end: int, found: Found, speaker: Speaker | None, cue: str | None) -> bool:
    """Does the title report the speaker as saying the quote, in a headline's shape? The words
    the attribution rests on stand in the title and name someone (a capitalised word or a role
    noun; no pronoun, whose antecedent a title lacks); a verb of saying stands next to them (at
    most ``SUBJECT_GAP`` words between: "Blinken warns", "Trevor Noah Says", "says governor"),
    between them and the quote when they come first; and no colon parts them from a quote
    before them ("‘We are in shock’: A mosque feels the spotlight" reports no one)."""
    if speaker is None or cue in (None, "subject") or speaker.span is None or speaker.span[1] > end:
        return False
    start, stop = speaker.span
    named = [w for w in TOKEN.findall(text, start, stop) if w[:1].isupper() or w.lower() in ROLE_NOUNS]
    if not named or (len(named) == 1 and named[0].lower() in SUBJECT_PRONOUNS):
        return False
    if cue == "continuation":
        return True  # a quote continuing one that this title attributed
    if cue == "headline":
        return True  # "UN ‘concerned by the pace of things’": labels.headline_named checked the shape
    assert cue is not None
    if stop <= found.open_at:  # "Blinken warns of ‘…’", "Brandt says Russia faces ‘…’"
        if ";" in text[stop : found.open_at]:
            return False  # "Talks soon to conclude in Bali; UN ‘concerned …’": another clause
        return _gap(text, stop, _cue_at(text, cue, stop, found.open_at)) <= SUBJECT_GAP
    if ":" in text[found.close_at : start]:
        return False
    if cue == "credit":  # "‘…’ ― Ilse Varga"
        return True
    before = _cue_at(text, cue, found.close_at, start)  # "‘…,’ says governor"
    after = _cue_at(text, cue, stop, end)  # "‘…,’ Trevor Noah says"
    return min(_gap(text, before, start, cue), _gap(text, stop, after)) <= SUBJECT_GAP


def _cue_at(text: str, cue: str, start: int, end: int) -> int | None:
    """Where the first word of ``cue`` (the verb as written) stands in [start, end), or None."""
    word = cue.split()[0]
    return next((m.start() for m in TOKEN.finditer(text, start, end) if m.group() == word), None)


def _gap(text: str, start: int | None, end: int | None, cue: str = "") -> int:
    """How many words stand in [start, end), past the verb ``cue`` that opens it; a great many
    when either end is missing."""
    if start is None or end is None or end < start:
        return 10**6
    return len(TOKEN.findall(text, start, end)) - len(cue.split())


# Words a title quote with no speaker of its own holds at least to be the body's (tune parts:
# a single word was a term as often as the body speaker's word: 'eyesore' and 'painful' were
# theirs, 'hustle' and 'habagat' nobody's).
REPEATED_WORDS = 2


def _body_words(article: Article, found: Found, body: Sequence[Quote]) -> Quote | None:
    """A title quote no one in the title is reported as saying ("‘We’re being cut off’:
    residents fume over axed bus stop", "… aid groups warn of ‘perfect storm’"), as an
    unattributed quote for ``_as_body`` to give the speaker of the body quote that holds its
    words; None when no attributed body quote does (a scare quote stays out), or when it is
    a name ("‘Succession’", "‘Normandy Format’": a title the speaker may name, not their words),
    or a single word (‘hustle’, ‘habagat’: a term the body's speaker may use as the writer does).
    """
    text = article.text[found.start : found.end]
    words = f" {_norm(text)} "
    if words.count(" ") - 1 < REPEATED_WORDS or _is_name_like(text):
        return None
    if not _holders(words, body):
        return None
    source = QuoteSource(article.id, article.path, found.start, found.end, TITLE_PARAGRAPH)
    return Quote(text=text, kind=kind_of(text, found.style), speaker=UNATTRIBUTED, sources=(source,))


# The words a body quote holds at least for a headline that quotes more of it to be its copy
# ("‘I’m in agony every single day’" over the body's "in agony every single day").
HELD_WORDS = 3


def _holders(words: str, body: Sequence[Quote]) -> list[Quote]:
    """The attributed body quotes that hold a headline quote's words (``words``: normalised,
    padded with spaces), or whose words of ``HELD_WORDS`` or more it holds."""
    out = []
    for q in body:
        if q.speaker == UNATTRIBUTED:
            continue
        theirs = f" {_norm(q.text)} "
        if words in theirs or (theirs.count(" ") - 1 >= HELD_WORDS and theirs in words):
            out.append(q)
    return out


def _as_body(quote: Quote, body: Sequence[Quote]) -> Quote:
    """``quote`` as the body reports it: when attributed body quotes hold the headline quote's
    words (marks, case and spacing aside), the headline copies one of them, and the body's
    attribution, made on a sentence with the speaker's name, wins over the headline's subject
    ("Harbridge boss insists ‘he’s going nowhere’", "Opposition: ‘smoke and mirrors’"), unless
    one of those body quotes is the headline speaker's. The speaker's words are then the body's:
    no span of the title holds them (``speaker_span`` None, cue "repeated")."""
    words = f" {_norm(quote.text)} "
    holders = _holders(words, body)
    if not holders or any(q.speaker == quote.speaker for q in holders):
        return quote
    held = holders[0]
    sources = tuple(replace(s, speaker_span=None) for s in quote.sources)
    return replace(
        quote,
        speaker=held.speaker,
        role=held.role,
        affiliation=held.affiliation,
        mention=held.mention,
        cue="repeated",
        sources=sources,
    )


def _title_context(
    article: Article, quoted: Sequence[Found], body: _Article, actors: Sequence[Actor]
) -> _TitleContext:
    """The attribution context of the title alone (the analysis copy as its one paragraph),
    knowing the people the body introduces. ``quoted``: the title's quoted stretches."""
    title = analysis_copy(article.title, article.text, quoted)
    head = Paragraph(article.id, TITLE_PARAGRAPH, 0, len(title), title)
    own = [replace(s, index=-1 - k) for k, s in enumerate(segment([head]))]
    return _TitleContext(replace(article, text=title), [head], own, actors, body)


class _TitleContext(_Article):
    """The title's context: its own quotes, mentions and cues (with the headline's verbs of
    saying, ``HEADLINE_VERBS``, where they follow a mention: "Brandt slams", "Governor vows"),
    and the body's people index, so a title surname or role resolves to the body's full name."""

    def __init__(
        self,
        article: Article,
        paragraphs: Sequence[Paragraph],
        sentences: Sequence[Sentence],
        actors: Sequence[Actor],
        body: _Article,
    ) -> None:
        super().__init__(article, paragraphs, sentences, actors)
        self.title_end = len(self.text)  # all of it is the title (in running text's case)
        known = {c.start for c in self.cues}
        ends = {m.end for m in self.mentions if m.kind != "place"}
        inside = [(f.open_at, f.close_at) for f in self.found]
        extra = [
            _Cue(m.start(), m.end(), m.group())
            for m in TOKEN.finditer(self.text)
            if m.group() in HEADLINE_VERBS
            and m.start() not in known
            and _after_mention(self.text, m.start(), ends)
            and not any(a <= m.start() < b for a, b in inside)
        ]
        if extra:
            self.cues = sorted([*self.cues, *extra], key=lambda c: c.start)
        # "Chair warns …", "…, judge says": a headline's role subject without its article
        self.mentions = bare_roles(self.text, self.mentions, [(c.start, c.end) for c in self.cues])
        self._index()
        if extra:
            self.speaking = self._speaking_names()
        # People of the title and the body, the title's first (as they stand in the article).
        self.people = People([*self.mentions, *body.mentions], actors)
        self.speaking |= body.speaking
        self.named_inside |= body.named_inside
        self.body_mentions = body.mentions
        self.names_text = body.text  # an acronym of the title is spelled out in the body


def _after_mention(text: str, pos: int, ends: set[int]) -> bool:
    """Does the word at ``pos`` follow a mention with only spaces between ("Brandt slams")?"""
    k = pos
    while k > 0 and text[k - 1] == " ":
        k -= 1
    return k < pos and k in ends


def _label(ctx: _TitleContext, end: int) -> _Label | None:
    """A title opening with a speaker and a colon ("Mayor: …", "Graham: Trump’s ‘hateful
    rhetoric’ …", "Sanders heckles supporters: ‘…’"), or None when it opens with no plausible
    speaker (a genre or section label, a place, words that are no mention)."""
    colon = ctx.text.find(": ", 0, end)
    if colon < 0:
        return None
    if any(w.lower() in _NOT_SPEAKERS for w in TOKEN.findall(ctx.text, 0, colon)):
        return None
    lead = [m for m in ctx.in_range(0, colon) if not m.after_preposition]
    if not lead or ctx.text[: lead[0].start].strip():
        return None
    m = lead[0]
    if m.kind == "place" or is_place(m.name):
        return None  # "Ukraine: …" names a topic as often as a government
    tail = ctx.text[m.end : colon]
    strict = not tail.strip() or _LABEL_TAIL.match(tail) is not None
    # Loose: the speaker, then a verb of its own ("Trump addresses Munich attack:"): in the
    # sentence-case copy, a lower-case word right after the name.
    if not strict and not re.match(r" [a-z]", tail):
        return None
    if not (_plausible(ctx, m) or _named_in_body(ctx, m.name)):
        return None
    got = _resolved(ctx, m, "colon")
    return _Label(colon, got[0], strict) if got is not None else None


def _named_in_body(ctx: _TitleContext, name: str) -> bool:
    """A lone name that opens the title ("Hillary:", "Milbank:") is a speaker the body names:
    a word of a person or name mention of the body (or a config actor's name)."""
    if ctx.people.actor(name) is not None:
        return True
    return " " not in name and any(
        m.kind in ("person", "name") and name in m.name.split() for m in ctx.body_mentions
    )
