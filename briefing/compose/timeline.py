"""The timeline: dated events of the period, one entry per event, oldest first.

A sentence is dated by the dates it names itself (``Sentence.dates``, resolved against its
article's date by the segment stage) or, for the lead of a report of the day, by its article's
date. Sentences of the same date that tell the same event (TF-IDF cosine at least
``EVENT_COSINE`` to the event's most central wording) form one event, which cites every source
that reported it. Sentences of different dates never merge: that is what keeps the caption of
2 December from corroborating the call of 12 February.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..models import AnalysedArticle, Sentence, SentenceKey, TimelineEntry
from ..quotes.countries import COUNTRY_OF
from ..quotes.lexicon import FUNCTION_WORDS, ORG_HEADS, ROLE_WORDS, TIME_WORDS
from ..summarise import Pool, display_text

# Cosine (the pool's binary TF-IDF, as for duplicates) from which two sentences of the *same
# date* report the same event. Lower than ``DUPLICATE_COSINE`` because the date already agrees:
# calibrated by ``bench/duplicates.py`` on the 80 hand-labelled pairs (MultiLing 2011, PolNeAR
# train), same-event = same statement or same event: best F1 0.71 at 0.35 (precision 0.62,
# recall 0.82).
EVENT_COSINE = 0.35
# The lede of an article (its first sentence of body) reports the day's news: with no date of
# its own, it takes its article's date. Only the lede: on our fixtures and the seeds the second
# sentence is as often background or a detail of the same event, which then splits in two.
LEAD_SENTENCES = 1
# Events this many days before the oldest source still belong to its period (the day-before
# announcement a report of the day refers back to); older dates are background. Chosen, not
# fitted: in the seeds' reports of 2 December it keeps Putin's warning "on December 1".
PERIOD_MARGIN_DAYS = 7
# Entries a printed timeline holds: a period's main events, not every dated sentence (about half
# an A4 page; chosen, not fitted).
TIMELINE_MAX = 12


# Two sentences of the same date that name the same two actors (or more) tell the same event
# even in words too different for the cosine: "Blinken told … Lavrov, during a tense meeting"
# and "Blinken has met face to face with … Lavrov" (cosine 0.16 on the seeds). Checked with
# ``bench/duplicates.py`` on the labelled pairs: the rule fires on 21 of 80, 13 of them the same
# event (precision 0.62, as the cosine's near 0.3).
SHARED_ACTORS = 2
_NAME = re.compile(r"[^\W\d_][\w'’.\-]*")
_NOT_ACTORS = FUNCTION_WORDS | TIME_WORDS | ROLE_WORDS | frozenset(COUNTRY_OF)


def actors(text: str) -> frozenset[str]:
    """The names a sentence mentions: the last word of each run of capitalised words that is
    not a role, a country or place, a month or weekday, an acronym or an organisation word
    ("Antony Blinken" → "blinken")."""
    out: set[str] = set()
    run: list[str] = []
    for word in [*_NAME.findall(text), "."]:
        low = word.lower().rstrip(".")
        # Acronyms and organisation words (NATO, OSCE, Ministry) are in every report of a crisis:
        # sharing them says nothing of the event.
        if word[0].isupper() and low not in _NOT_ACTORS and not word.isupper() and low not in ORG_HEADS:
            run.append(low)
            continue
        if run:
            out.add(run[-1])
        run = []
    return frozenset(out)


def same_event(pool: Pool, a: int, b: int, cosine: float) -> bool:
    """Do pool sentences ``a`` and ``b`` (known to share a date) tell the same event?"""
    if cosine >= EVENT_COSINE:
        return True
    return len(actors(pool.sentences[a].text) & actors(pool.sentences[b].text)) >= SHARED_ACTORS


@dataclass(frozen=True, slots=True)
class Event:
    """Sentences of one date telling one event; members best wording first."""

    date: date
    members: tuple[int, ...]  # pool positions, most central first
    articles: frozenset[str]
    centrality: float

    @property
    def weight(self) -> tuple[int, float]:
        """How important the event is: how many sources carried it, then how central it is."""
        return (len(self.articles), self.centrality)


def sentence_dates(sentence: Sentence, published: date | None, lead: bool) -> tuple[date, ...]:
    """The dates a sentence reports on: its own, else its article's for a lead sentence.

    A date after its article's is an announcement ("they will return to the table on
    Thursday"), not an event that happened: the report of that day tells the event.
    """
    if sentence.dates:
        return tuple(d for d in sentence.dates if published is None or d <= published)
    if lead and published is not None:
        return (published,)
    return ()


def dated_positions(
    pool: Pool, analysed: Sequence[AnalysedArticle], window: tuple[date, date] | None
) -> list[tuple[int, date]]:
    """(pool position, date) of every pool sentence that reports a dated event in the window."""
    lead_of: dict[str, set[int]] = {}
    for item in analysed:
        kinds = {p.index: p.kind for p in item.paragraphs}
        body = [s.index for s in item.sentences if kinds.get(s.paragraph, "body") == "body"]
        lead_of[item.article.id] = set(body[:LEAD_SENTENCES])
    start = window[0] - timedelta(days=PERIOD_MARGIN_DAYS) if window else None
    end = window[1] if window else None
    out: list[tuple[int, date]] = []
    for pos, s in enumerate(pool.sentences):
        lead = s.index in lead_of.get(s.article_id, set())
        for d in sentence_dates(s, pool.published.get(s.article_id), lead):
            if (start is None or d >= start) and (end is None or d <= end):
                out.append((pos, d))
                break  # one date per sentence: the first it names
    return out


def events(
    pool: Pool, dated: Sequence[tuple[int, date]], exclude: Collection[SentenceKey] = ()
) -> list[Event]:
    """Cluster dated sentences into events: same date and cosine ≥ ``EVENT_COSINE`` to the
    event's representative. Returned most important first."""
    by_date: dict[date, list[int]] = {}
    for pos, d in dated:
        if pool.sentences[pos].key not in exclude:
            by_date.setdefault(d, []).append(pos)
    found: list[Event] = []
    for day, positions in by_date.items():
        sims = (pool.matrix[positions] @ pool.matrix[positions].T).toarray()
        # Centrality: how much of the day's reporting a wording shares (its summed similarity to
        # the other sentences of the day); ties go to the earlier source and sentence.
        centrality = sims.sum(axis=1) - 1.0
        order = sorted(
            range(len(positions)),
            key=lambda i: (
                -centrality[i],
                pool.source_of[pool.sentences[positions[i]].article_id],
                positions[i],
            ),
        )
        clusters: list[list[int]] = []
        for i in order:
            for cluster in clusters:
                if same_event(pool, positions[i], positions[cluster[0]], float(sims[i, cluster[0]])):
                    cluster.append(i)
                    break
            else:
                clusters.append([i])
        for cluster in clusters:
            members = tuple(positions[i] for i in cluster)
            found.append(
                Event(
                    date=day,
                    members=members,
                    articles=frozenset(pool.sentences[p].article_id for p in members),
                    centrality=float(np.max(centrality[cluster])),
                )
            )
    found.sort(key=lambda e: (-e.weight[0], -e.weight[1], e.date))
    return found


def entry(pool: Pool, event: Event, representative: int, known: Collection[str] | None) -> TimelineEntry:
    """The timeline entry of ``event``, worded by pool position ``representative``."""
    members = [representative, *(p for p in event.members if p != representative)]
    keys: list[SentenceKey] = []
    seen: set[str] = set()
    for p in members:
        s = pool.sentences[p]
        if s.article_id not in seen:
            seen.add(s.article_id)
            keys.append(s.key)
    rep = pool.sentences[representative]
    first = pool.source_of[rep.article_id]
    others = sorted({pool.source_of[a] for a in event.articles} - {first})
    return TimelineEntry(
        date=event.date,
        text=display_text(rep.text),
        sentence=rep,
        sentences=tuple(keys),
        sources=(first, *others),
        new=known is not None and not (event.articles & set(known)),
    )


def chronological(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """Oldest first; the same day in source order."""
    return sorted(entries, key=lambda e: (e.date, e.sources[0], e.sentence.index))
