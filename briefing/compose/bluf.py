"""Bottom line up front: the period's most important developments, newest first, one sentence
each, cited, spread over distinct events, each dated where its date is known."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from datetime import date

from ..models import KeySentence, SentenceKey
from ..summarise import Pool, display_text
from .timeline import EVENT_COSINE, SHARED_ACTORS, Event, actors


def alternative(pool: Pool, event: Event) -> int | None:
    """The best wording of ``event`` from another article than its representative's: the BLUF
    and the timeline tell the same event in different sentences, so no sentence is shown twice."""
    first = pool.sentences[event.members[0]].article_id
    return next((p for p in event.members[1:] if pool.sentences[p].article_id != first), None)


def pick_events(
    pool: Pool, ranked: Sequence[Event], count: int, headlines: Mapping[SentenceKey, str] | None = None
) -> list[Event]:
    """Up to ``count`` of the most important events, one per date first.

    An event the bottom line takes must keep a wording of its own in the timeline: another
    source's sentence (``alternative``) or, for a report of the day, its article's headline
    (``headlines``: the lede's key → its article's headline, for articles whose title is a real
    headline; ``of_the_day``). A second event of a date must not resemble the first (not the
    same meeting twice).
    """
    headlines = headlines or {}

    def worded(event: Event) -> bool:
        return alternative(pool, event) is not None or of_the_day(pool, event, headlines) is not None

    eligible = [e for e in ranked if worded(e)]
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
            if same_day and resembles(pool, event.members[0], [c.members[0] for c in same_day]):
                continue
            chosen.append(event)
    return chosen


def of_the_day(pool: Pool, event: Event, headlines: Mapping[SentenceKey, str]) -> str | None:
    """The headline that tells ``event``, when its wording is the lede of a report of that day."""
    rep = pool.sentences[event.members[0]]
    if pool.published.get(rep.article_id) != event.date:
        return None
    return headlines.get(rep.key)


def resembles(pool: Pool, position: int, others: Sequence[int]) -> bool:
    """Does pool sentence ``position`` tell the same development as one of ``others``, even
    loosely (half the event cosine, or the same two actors)?"""
    if not others:
        return False
    sims = (pool.matrix[others] @ pool.matrix[position].T).toarray().ravel()
    text = pool.sentences[position].text
    return bool(sims.max() >= EVENT_COSINE / 2) or any(
        len(actors(text) & actors(pool.sentences[o].text)) >= SHARED_ACTORS for o in others
    )


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
