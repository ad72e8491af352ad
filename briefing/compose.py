"""Compose: analysed articles + configuration → one ``Briefing`` model, ready for any format."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, date, datetime

from . import __version__
from .config import Config
from .models import AnalysedArticle, Briefing, Quote, Source, TopicSection
from .summarise import Pool, in_source_order, select
from .summarizers import Summarizer


def number_sources(analysed: Sequence[AnalysedArticle]) -> tuple[Source, ...]:
    """Number the articles 1…n: oldest first (undated last), then by path, for stable citations."""
    ordered = sorted(
        analysed, key=lambda a: (a.article.published is None, a.article.published or date.min, a.article.path)
    )
    return tuple(
        Source(
            n=i,
            id=a.article.id,
            title=a.article.title,
            outlet=a.article.source,
            published=a.article.published,
            path=a.article.path,
            url=a.article.url,
        )
        for i, a in enumerate(ordered, start=1)
    )


def briefing_date(analysed: Sequence[AnalysedArticle], explicit: date | None) -> date:
    """The briefing's date: as given, else the newest article's date, else today."""
    if explicit is not None:
        return explicit
    dates = [a.article.published for a in analysed if a.article.published is not None]
    return max(dates) if dates else datetime.now().date()


def compose(
    analysed: Sequence[AnalysedArticle],
    quotes: Sequence[Quote],
    config: Config,
    summarizer: Summarizer,
    *,
    when: date | None = None,
    skipped: Sequence[tuple[str, str]] = (),
) -> Briefing:
    """Build the Briefing: sources, key points, one section per topic, and every quote."""
    sources = number_sources(analysed)
    source_of = {s.id: s.n for s in sources}
    pool = Pool.build(analysed, source_of, topical_only=True)

    # Key points first; then each topic in turn shows what has not been shown above it, so the
    # reader meets every statement once. A topic whose matching reporting was all shown already
    # repeats it rather than claim there was none.
    all_keywords = tuple(k for t in config.topics for k in t.query)
    key_points = select(pool, pool.positions(None), summarizer, config.key_points, query=all_keywords)
    shown = {key for entry in key_points for key in entry.sentences}
    sections = []
    for topic in config.topics:
        positions = pool.positions(topic.name)
        entries = select(
            pool, positions, summarizer, topic.sentences, query=topic.query, exclude=shown
        ) or select(pool, positions, summarizer, topic.sentences, query=topic.query)
        shown.update(key for entry in entries for key in entry.sentences)
        # A quote whose sentence is already a key sentence of this section is not repeated below it.
        in_section = {key for entry in entries for key in entry.sentences}
        topic_quotes = notable(
            [
                q
                for q in quotes
                if topic.name in q.topics
                and not any((s.article_id, s.sentence) in in_section for s in q.sources)
            ],
            topic.quotes,
        )
        sections.append(
            TopicSection(
                name=topic.name,
                heading=topic.heading,
                sentences=tuple(in_source_order(entries)),
                quotes=tuple(topic_quotes),
                matched=len(positions),
            )
        )

    dated = sorted(a.article.published for a in analysed if a.article.published is not None)
    return Briefing(
        title=config.title,
        marking=config.marking,
        date=briefing_date(analysed, when),
        period=(dated[0], dated[-1]) if dated else None,
        sources=sources,
        key_points=tuple(key_points),
        topics=tuple(sections),
        quotes=tuple(_cite(q, source_of) for q in quotes),
        generated=datetime.now(UTC).replace(microsecond=0).isoformat(),
        version=__version__,
        skipped=tuple(skipped),
    )


def notable(quotes: Sequence[Quote], count: int) -> list[Quote]:
    """The quotes a topic section shows: full statements by known speakers, the most widely
    reported first, one per speaker before anyone gets a second; then in reading order."""
    candidates = [(i, q) for i, q in enumerate(quotes) if q.kind == "full"]
    candidates.sort(key=lambda iq: (iq[1].speaker == "unattributed", -len(iq[1].sources), iq[0]))
    taken: set[int] = set()
    speakers: set[str] = set()
    for second_round in (False, True):
        for i, q in candidates:
            if len(taken) >= count:
                break
            if i in taken or (not second_round and q.speaker in speakers):
                continue
            taken.add(i)
            speakers.add(q.speaker)
    return [quotes[i] for i in sorted(taken)]


def _cite(quote: Quote, source_of: dict[str, int]) -> Quote:
    """Order a quote's sources by source number, so renderers cite them consistently."""
    ordered = tuple(sorted(quote.sources, key=lambda s: (source_of.get(s.article_id, 0), s.start)))
    return dataclasses.replace(quote, sources=ordered)
