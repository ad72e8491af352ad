"""The briefing as plain, JSON-ready data: the ``json`` output format's model, and the quote
record ``briefing quotes --json`` prints.

Spans come out as the reader can check them: with ``spans`` (``quotes.offsets.file_spans``, one
re-read of each ``.txt``/``.md`` input) they index the input file's decoded text; each span says
what it indexes (``"in"``: ``"file"``, ``"text"`` for ``Article.text``, ``"title"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .models import Article, Briefing, KeySentence, Position, Quote, QuoteSource, Sentence
from .quotes.offsets import SpanKey, file_spans, source_keys


def quote_dict(
    q: Quote,
    source_of: dict[str, int] | None = None,
    paths: dict[str, str] | None = None,
    spans: Mapping[SpanKey, tuple[int, int]] | None = None,
) -> dict[str, Any]:
    """A quote as plain data: text, speaker, role, kind, topics, and every source's span.

    ``paths`` (article id → path shown) replaces the path the quote was read from, so a briefing
    names files relative to its input folder. ``spans`` (``quotes.offsets.file_spans``) gives
    the file offsets of the spans it holds. Each source says what its spans index (``"in"``):
    ``"file"``, the input file's decoded text (title line and front matter included); else
    ``"text"``, ``Article.text``, or ``"title"``, the title as ``briefing articles --json``
    prints it. ``"headline"`` is true for a quote found in the title.
    """
    return {
        "text": q.text,
        "speaker": q.speaker,
        "role": q.role,
        "affiliation": q.affiliation,
        "kind": q.kind,
        "topics": list(q.topics),
        "sources": [
            {
                **({"n": source_of[s.article_id]} if source_of and s.article_id in source_of else {}),
                "article_id": s.article_id,
                "path": paths.get(s.article_id, s.path) if paths else s.path,
                **_quote_spans(s, spans or {}),
                "headline": s.in_title,
            }
            for s in q.sources
        ],
    }


def _quote_spans(s: QuoteSource, spans: Mapping[SpanKey, tuple[int, int]]) -> dict[str, Any]:
    """A source's start, end and speaker span, in file offsets where ``spans`` has them."""
    where = spans.get((s.article_id, s.in_title, s.start, s.end))
    speaker = list(s.speaker_span) if s.speaker_span else None
    if where is None:
        return {
            "start": s.start,
            "end": s.end,
            "speaker_span": speaker,
            "in": "title" if s.in_title else "text",
        }
    if s.speaker_span:
        speaker = list(spans.get((s.article_id, s.in_title, *s.speaker_span), s.speaker_span))
    return {"start": where[0], "end": where[1], "speaker_span": speaker, "in": "file"}


def briefing_spans(b: Briefing, articles: Iterable[Article]) -> dict[SpanKey, tuple[int, int]]:
    """The file offsets of every span the briefing JSON prints (quote sources and the timeline's
    sentences) that ``articles`` (the briefing's, from the corpus) can place in their files."""
    keys = list(source_keys(s for t in b.topics for q in t.quotes for s in q.sources))
    keys += source_keys(s for q in b.quotes for s in q.sources)
    keys += [(e.sentence.article_id, False, e.sentence.start, e.sentence.end) for e in b.timeline]
    return file_spans(articles, keys)


def briefing_dict(b: Briefing, spans: Mapping[SpanKey, tuple[int, int]] | None = None) -> dict[str, Any]:
    """The Briefing model as plain, JSON-ready data. ``spans`` (``briefing_spans``): the file
    offsets of its spans; each span says what it indexes (``"in"``, see ``quote_dict``)."""
    source_of = {s.id: s.n for s in b.sources}
    paths = {s.id: s.path for s in b.sources}
    spans = spans or {}

    def key(k: KeySentence) -> dict[str, Any]:
        out: dict[str, Any] = {"text": k.text, "sources": list(k.sources)}
        if k.date:
            out["date"] = k.date.isoformat()
        if b.since is not None:
            out["new"] = k.new
        return out

    def provenance(s: Sentence) -> dict[str, Any]:
        where = spans.get((s.article_id, False, s.start, s.end))
        return {
            "article_id": s.article_id,
            "paragraph": s.paragraph,
            "index": s.index,
            "start": where[0] if where else s.start,
            "end": where[1] if where else s.end,
            "in": "file" if where else "text",
            "dates": [d.isoformat() for d in s.dates],
        }

    def position(p: Position) -> dict[str, Any]:
        return {
            "party": p.party,
            "topic": p.topic,
            "statements": [
                {"text": st.text, "speaker": st.speaker, "kind": st.kind, "sources": list(st.sources)}
                | ({"new": st.new} if b.since is not None else {})
                for st in p.statements
            ],
        }

    return {
        "title": b.title,
        "marking": b.marking,
        "date": b.date.isoformat(),
        "period": [d.isoformat() for d in b.period] if b.period else None,
        "generated": b.generated,
        "version": b.version,
        "sources": [
            {
                "n": s.n,
                "id": s.id,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published.isoformat() if s.published else None,
                "path": s.path,
                "url": s.url,
            }
            for s in b.sources
        ],
        "undated_sources": b.undated,
        "changes": None
        if b.since is None
        else {"since": b.since or None, "new_sources": list(b.new_sources)},
        "bluf": [key(k) for k in b.key_points],
        "key_points": [key(k) for k in b.key_points],
        "timeline": [
            {
                "date": e.date.isoformat(),
                "text": e.text,
                "sources": list(e.sources),
                "sentence": provenance(e.sentence),
                "wording": "headline" if e.headline else "sentence",
                **({"new": e.new} if b.since is not None else {}),
            }
            for e in b.timeline
        ],
        "positions": [position(p) for p in b.positions],
        "topics": [
            {
                "name": t.name,
                "heading": t.heading,
                "matched": t.matched,
                "sentences": [key(k) for k in t.sentences],
                "quotes": [quote_dict(q, source_of, paths, spans) for q in t.quotes],
                "positions": [position(p) for p in t.positions],
            }
            for t in b.topics
        ],
        "quotes": [quote_dict(q, source_of, paths, spans) for q in b.quotes],
        "skipped": [{"path": p, "reason": r} for p, r in b.skipped],
    }
