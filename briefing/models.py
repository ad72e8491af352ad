"""The typed, frozen records that pass between pipeline stages.

Every record carries its provenance: the article id, paragraph index, sentence index and a
character span. All spans (``start``/``end``, end exclusive) index into ``Article.text``: the
article body after decoding and Unicode normalisation, before cleaning. Cleaning removes
paragraphs but never rewrites the text, so a span always points at the exact source characters.
The one exception is a headline quote (``QuoteSource.in_title``): its spans index ``Article.title``.
No library object (NLTK, sumy, trafilatura) crosses a stage boundary, and sentence text is
never used as identity: ``Sentence.key`` is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Day = date  # the type, under a name no field shadows (``Briefing.date`` is a field)

SentenceKey = tuple[str, int]
"""(article id, sentence index within the article): the identity of a sentence."""


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read: metadata plus the normalised body text."""

    id: str  # stable content hash (hex), see ingest.article_id
    path: str  # the file it came from, as given (a JSONL line adds '#N')
    title: str
    text: str  # normalised body text; every span in the pipeline indexes into it
    source: str | None = None  # outlet
    url: str | None = None
    published: date | None = None
    author: str | None = None
    reader: str = "txt"  # name of the input reader that produced it
    title_derived: bool = False  # True when the title was derived from the body
    mtime: float | None = None  # file modification time (for --since when no date is known)


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of ``Article.text``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of article body kept by the clean stage."""

    article_id: str
    index: int  # position among the article's paragraphs *before* cleaning
    start: int
    end: int
    text: str  # == article.text[start:end]
    kind: str = "body"  # "body"; "heading" (a subheading or label inside the article); "list" (a bullet item)


@dataclass(frozen=True, slots=True)
class Removed:
    """A block the clean stage removed, and why (kept for reports and tests)."""

    article_id: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article after cleaning: the paragraphs that are article body, in order."""

    article: Article
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of article body."""

    article_id: str
    paragraph: int  # Paragraph.index
    index: int  # position among the article's sentences (0-based, whole article)
    start: int
    end: int
    text: str  # == article.text[start:end]
    # Calendar dates the sentence refers to ("on Tuesday", "December 1", "yesterday"), resolved
    # against the article's date; empty when it names none or none can be resolved.
    dates: tuple[date, ...] = ()

    @property
    def key(self) -> SentenceKey:
        """The sentence's identity: (article id, sentence index)."""
        return (self.article_id, self.index)


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """Where one quote was found."""

    article_id: str
    path: str
    start: int  # span of the quoted text (without the marks) in Article.text (see in_title)
    end: int
    paragraph: int
    sentence: int | None = None  # Sentence.index containing the quote start, when known
    # The words the attribution rests on ("he", "the mayor", "Blinken"): a span of Article.text,
    # or None when the quote is unattributed or attributed by configuration alone.
    speaker_span: tuple[int, int] | None = None
    # A headline quote (quotes.headline): found in the article's title, not its body. Then
    # ``start``/``end``/``speaker_span`` index ``Article.title``, ``paragraph`` is -1 and
    # ``sentence`` None (the title is no body sentence).
    in_title: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation with its attribution.

    Per article (``quotes.extract``) a Quote has one source; after merging across the briefing
    (``quotes.merge``) the same words reported by several articles are one Quote with all of
    them as sources.
    """

    text: str
    kind: str  # "full" | "partial"
    # A canonical name, a description ("an anonymous U.S. State Department official"), or
    # "unattributed" when no speaker can be found: never a guess.
    speaker: str
    sources: tuple[QuoteSource, ...]
    role: str | None = None
    affiliation: str | None = None
    mention: str | None = None  # the words in the text that named the speaker (for reports)
    cue: str | None = None  # the verb or construction that attributed it ("said", "colon", "continuation")
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """Everything the per-article stages learn about one article (cacheable, picklable)."""

    article: Article
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    topics: tuple[tuple[str, ...], ...]  # topic names per sentence, parallel to ``sentences``
    quotes: tuple[Quote, ...]
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """A numbered entry of the briefing's source list."""

    n: int
    id: str
    title: str
    outlet: str | None
    published: date | None
    path: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class KeySentence:
    """A selected sentence, possibly reported by several sources (near-duplicates merged)."""

    text: str  # the wording of the representative sentence, verbatim
    sentences: tuple[SentenceKey, ...]  # every merged sentence; the first is the representative
    sources: tuple[int, ...]  # Source.n of every article it came from
    score: float = 0.0
    date: date | None = None  # the date of the event it reports, when known (BLUF entries)
    new: bool = False  # none of its sources was used by an earlier briefing ("what changed")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event: sentences of one or more sources reporting it on the same date, merged."""

    date: date
    text: str  # the representative sentence, verbatim
    sentence: Sentence  # the representative sentence (its provenance)
    sentences: tuple[SentenceKey, ...]  # every merged sentence; the first is the representative
    sources: tuple[int, ...]  # Source.n of every article that reported it
    new: bool = False
    # True when ``text`` is the headline of the representative's article rather than the
    # sentence itself (the bottom line shows that sentence; nothing is shown twice).
    headline: bool = False


@dataclass(frozen=True, slots=True)
class Statement:
    """What a party said: a direct quote or a sentence reporting an attributed statement."""

    text: str
    speaker: str
    kind: str  # "quote" (a full direct quotation) | "reported" (an attributed sentence)
    sources: tuple[int, ...]  # Source.n
    keys: tuple[SentenceKey, ...] = ()  # the sentences it stands in (for one-section-only checks)
    new: bool = False


@dataclass(frozen=True, slots=True)
class Position:
    """One party's statements on one topic, most widely reported first."""

    party: str
    topic: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class TopicSection:
    """One topic's section of the briefing."""

    name: str
    heading: str
    sentences: tuple[KeySentence, ...]
    quotes: tuple[Quote, ...] = ()
    matched: int = 0  # how many sentences matched the topic before selection
    positions: tuple[Position, ...] = ()  # the parties' statements on this topic


@dataclass(frozen=True, slots=True)
class Briefing:
    """The whole briefing note, ready for rendering in any format."""

    title: str
    marking: str
    date: Day
    period: tuple[Day, Day] | None
    sources: tuple[Source, ...]
    key_points: tuple[KeySentence, ...]
    topics: tuple[TopicSection, ...]
    quotes: tuple[Quote, ...]
    generated: str = ""  # ISO timestamp of generation
    version: str = ""
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (path, reason) of inputs skipped
    timeline: tuple[TimelineEntry, ...] = ()  # dated events of the period, oldest first
    undated: int = 0  # how many sources carry no date
    # What changed: None when there is no earlier briefing to compare with; else the date of the
    # latest earlier briefing ("" when unknown) and how many sources are new since it.
    since: str | None = None
    new_sources: tuple[int, ...] = ()  # Source.n of the sources no earlier briefing used

    @property
    def positions(self) -> tuple[Position, ...]:
        """Every topic's positions, in topic order."""
        return tuple(p for t in self.topics for p in t.positions)


@dataclass(frozen=True, slots=True)
class Actor:
    """A known person or organisation from the configuration: canonical name first."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None  # "US Secretary of State"
    affiliation: str | None = None  # "United States"
