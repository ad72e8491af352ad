"""Compose: analysed articles + configuration → one ``Briefing`` model, ready for any format.

The briefing reads in this order, and every sentence and quote is shown once: the bottom line
(``bluf``), the timeline of dated events (``timeline``), then per topic the parties' positions
(``positions``) and the key sentences not shown above; "Who said what" and the sources close it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime

from .. import __version__
from ..config import Config, Topic
from ..models import AnalysedArticle, Briefing, KeySentence, Quote, SentenceKey, TopicSection
from ..summarise import Pool, in_source_order, select
from ..summarizers import Summarizer
from . import bluf, timeline
from .positions import allocate, candidates, party_of, reported_statements, speakers
from .sources import briefing_date, display_path, input_root, number_sources, period

__all__ = ["briefing_date", "compose", "notable", "number_sources", "party_of"]


def topic_sentences(
    pool: Pool,
    positions: Sequence[int],
    summarizer: Summarizer,
    topic: Topic,
    exclude: Collection[SentenceKey],
) -> list[KeySentence]:
    """The summariser's pick of a topic's key sentences (the one call of it per topic). A topic
    whose reporting was all shown above repeats nothing: it says so instead."""
    return select(pool, positions, summarizer, topic.sentences, query=topic.query, exclude=exclude)


def compose(
    analysed: Sequence[AnalysedArticle],
    quotes: Sequence[Quote],
    config: Config,
    summarizer: Summarizer,
    *,
    when: date | None = None,
    skipped: Sequence[tuple[str, str]] = (),
    known: Collection[str] | None = None,
    since: str | None = None,
) -> Briefing:
    """Build the Briefing: BLUF, timeline, one section per topic with the parties' positions,
    every quote, and the sources.

    ``known`` are the article ids earlier briefings used (from their manifests): entries none of
    whose sources is among them are marked new, and ``since`` names the latest earlier briefing.
    """
    sources = number_sources(analysed)
    source_of = {s.id: s.n for s in sources}
    # The topical sentences, and each article's lede: the timeline's report of the day need not
    # name a topic keyword.
    pool = Pool.build(analysed, source_of, topical_only=True, keep_first=timeline.LEAD_SENTENCES)
    span = period(analysed)

    # Events first: the timeline's events, the most important of which make the bottom line.
    ranked = timeline.events(pool, timeline.dated_positions(pool, analysed, span))
    top = ranked[: timeline.TIMELINE_MAX]
    headlines = _lede_headlines(analysed)
    picked = bluf.pick_events(pool, top, config.key_points, headlines)
    key_points = [bluf.bluf_entry(pool, e, known) for e in picked]
    entries = []
    for event in top:
        if event not in picked:
            entries.append(timeline.entry(pool, event, event.members[0], known))
            continue
        # The bottom line shows the event's best wording; the timeline tells it in another
        # source's words, or by the headline of the report of the day.
        other = bluf.alternative(pool, event)
        if other is not None:
            entries.append(timeline.entry(pool, event, other, known))
        else:
            rep = timeline.entry(pool, event, event.members[0], known)
            title = bluf.of_the_day(pool, event, headlines) or rep.text
            entries.append(dataclasses.replace(rep, text=title, headline=True))
    shown: set[SentenceKey] = {k for e in entries for k in e.sentences}
    shown |= {k for e in key_points for k in e.sentences}
    # The parties' positions next, shared out among the topics (before the bottom line's undated
    # fill, which would otherwise take a party's only statement on a topic); then each topic's
    # key sentences among what no section above has shown.
    known_speakers = speakers(quotes, config.actors)
    reported = reported_statements(pool, known_speakers)
    shown_quotes: set[tuple[str, str]] = set()
    stated = allocate(
        [
            (
                t.name,
                candidates(
                    t.name, pool, pool.positions(t.name), quotes, known_speakers, reported, source_of, known
                ),
            )
            for t in config.topics
        ],
        {t.name: max(t.quotes, 1) for t in config.topics},
        shown,
        shown_quotes,
    )
    # Undated developments fill the bottom line when the dated events are too few: developments
    # other than the events it already tells, and not the statements the positions show.
    all_keywords = tuple(k for t in config.topics for k in t.query)
    if len(key_points) < config.key_points:
        told = [e.members[0] for e in picked]
        fresh = [p for p in pool.positions(None) if not bluf.resembles(pool, p, told)]
        extra = select(pool, fresh, summarizer, config.key_points - len(key_points), all_keywords, shown)
        key_points += bluf.mark_new(extra, pool, known)
        shown |= {k for e in extra for k in e.sentences}

    sections = []
    for topic in config.topics:
        positions = pool.positions(topic.name)
        chosen = bluf.mark_new(topic_sentences(pool, positions, summarizer, topic, shown), pool, known)
        shown.update(key for entry in chosen for key in entry.sentences)
        quoted = {(st.speaker, st.text) for p in stated[topic.name] for st in p.statements}
        sections.append(
            TopicSection(
                name=topic.name,
                heading=topic.heading,
                sentences=tuple(in_source_order(chosen)),
                quotes=tuple(q for q in quotes if (q.speaker, q.text) in quoted),
                matched=len(positions),
                positions=tuple(stated[topic.name]),
            )
        )

    root = input_root([a.article.path for a in analysed] + [p for p, _ in skipped])
    new_sources = () if known is None else tuple(s.n for s in sources if s.id not in set(known))
    return Briefing(
        title=config.title,
        marking=config.marking,
        date=briefing_date(analysed, when),
        period=span,
        sources=sources,
        key_points=tuple(bluf.newest_first(key_points)),
        topics=tuple(sections),
        quotes=tuple(_cite(q, source_of) for q in quotes),
        generated=datetime.now(UTC).replace(microsecond=0).isoformat(),
        version=__version__,
        skipped=tuple((display_path(p, root), r) for p, r in skipped),
        timeline=tuple(timeline.chronological(entries)),
        undated=sum(1 for a in analysed if a.article.published is None),
        since=since if known is not None else None,
        new_sources=new_sources,
    )


def _lede_headlines(analysed: Sequence[AnalysedArticle]) -> dict[SentenceKey, str]:
    """Each article's lede (first body sentence) → its headline, when the title is a headline."""
    out: dict[SentenceKey, str] = {}
    for a in analysed:
        if not a.article.title or a.article.title_derived:
            continue
        kinds = {p.index: p.kind for p in a.paragraphs}
        lede = next((s for s in a.sentences if kinds.get(s.paragraph, "body") == "body"), None)
        if lede is not None:
            out[lede.key] = a.article.title
    return out


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
