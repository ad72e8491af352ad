"""Bottom line up front: the period's most important developments, newest first, one sentence
each, cited, spread over distinct events, each dated where its date is known."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from datetime import date

from ..models import KeySentence
from ..summarise import Pool, display_text
from .timeline import EVENT_COSINE, Event


def alternative(pool: Pool, event: Event) -> int | None:
    """The best wording of ``event`` from another article than its representative's: the BLUF
    and the timeline tell the same event in different sentences, so no sentence is shown twice."""
    first = pool.sentences[event.members[0]].article_id
    return next((p for p in event.members[1:] if pool.sentences[p].article_id != first), None)


def pick_events(pool: Pool, ranked: Sequence[Event], count: int) -> list[Event]:
    """Up to ``count`` of the most important events that more than one source reported, one
    per date first; a second event of a date must not resemble the first (not the same meeting
    twice under two wordings)."""
    eligible = [e for e in ranked if alternative(pool, e) is not None]
    chosen: list[Event] = []
    for second_round in (False, True):
        for event in eligible:
            if len(chosen) >= count:
                return chosen
            if event in chosen:
                continue
            same_day = [c for c in chosen if c.date == event.date]
            if same_day and not second_round:
                continue
            rows = [c.members[0] for c in same_day]
            if rows:
                sims = (pool.matrix[rows] @ pool.matrix[event.members[0]].T).toarray().ravel()
                if sims.max() >= EVENT_COSINE / 2:
                    continue
            chosen.append(event)
    return chosen


def bluf_entry(pool: Pool, event: Event, known: Collection[str] | None) -> KeySentence:
    """The BLUF line of ``event``: its representative wording, dated, citing every source."""
    rep = pool.sentences[event.members[0]]
    first = pool.source_of[rep.article_id]
    others = sorted({pool.source_of[a] for a in event.articles} - {first})
    keys = [rep.key, *(pool.sentences[p].key for p in event.members[1:])]
    return KeySentence(
        text=display_text(rep.text),
        sentences=tuple(dict.fromkeys(keys)),
        sources=(first, *others),
        date=event.date,
        new=known is not None and not (event.articles & set(known)),
    )


def newest_first(entries: Sequence[KeySentence]) -> list[KeySentence]:
    """Dated entries newest first, then the undated in the order given."""
    dated = sorted((e for e in entries if e.date), key=lambda e: e.date or date.min, reverse=True)
    return [*dated, *(e for e in entries if not e.date)]


def mark_new(entries: Sequence[KeySentence], pool: Pool, known: Collection[str] | None) -> list[KeySentence]:
    """Mark the entries none of whose sources an earlier briefing used."""
    if known is None:
        return list(entries)
    known_set = set(known)
    return [dataclasses.replace(e, new=not ({k[0] for k in e.sentences} & known_set)) for e in entries]
