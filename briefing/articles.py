"""What the tool read: per article its metadata, the body the briefing stands on, and what was
dropped and why.

Read through the same path as a build (``pipeline.load_corpus``: ingest → clean → segment, the
same duplicates and skipped inputs), so that what ``briefing articles`` shows is what a briefing
uses. The body is the kept paragraphs, each from where its first sentence starts: a stamp that
opens a paragraph ("STOCKHOLM (Reuters) –", a byline) is metadata, listed among the removed
blocks like a paragraph that is only a stamp.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config
from .models import AnalysedArticle

STAMP_REASON = "stamp (metadata)"


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A block of the article that is not in its body, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article as read: metadata, cleaned body, removed blocks."""

    path: str
    id: str
    title: str
    outlet: str | None
    published: str | None  # YYYY-MM-DD
    url: str | None
    author: str | None
    text: str  # the body: paragraphs separated by a blank line
    removed: tuple[RemovedBlock, ...]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: the fields in order, removed blocks as objects."""
        return {
            "path": self.path,
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "author": self.author,
            "text": self.text,
            "removed": [
                {"start": r.start, "end": r.end, "text": r.text, "reason": r.reason} for r in self.removed
            ],
        }


def view(analysed: AnalysedArticle) -> ArticleView:
    """The view of one analysed article."""
    article = analysed.article
    first_start: dict[int, int] = {}
    for sentence in analysed.sentences:
        first_start.setdefault(sentence.paragraph, sentence.start)
    body: list[str] = []
    removed = [
        RemovedBlock(r.start, r.end, article.text[r.start : r.end], r.reason) for r in analysed.removed
    ]
    for paragraph in analysed.paragraphs:
        start = first_start.get(paragraph.index)
        if start is None:  # nothing but a stamp: metadata, not body
            removed.append(RemovedBlock(paragraph.start, paragraph.end, paragraph.text, STAMP_REASON))
            continue
        if start > paragraph.start:  # a dateline or byline opening the paragraph
            stamp = article.text[paragraph.start : start].rstrip()
            removed.append(RemovedBlock(paragraph.start, paragraph.start + len(stamp), stamp, STAMP_REASON))
        body.append(article.text[start : paragraph.end])
    removed.sort(key=lambda r: r.start)
    return ArticleView(
        path=article.path,
        id=article.id,
        title=article.title,
        outlet=article.source,
        published=article.published.isoformat() if article.published else None,
        url=article.url,
        author=article.author,
        text="\n\n".join(body),
        removed=tuple(removed),
    )


def read_articles(
    inputs: Sequence[str | Path], config: Config, *, workers: int = 1
) -> tuple[list[ArticleView], list[tuple[str, str]]]:
    """Every readable article of ``inputs`` as a view, and the inputs skipped (path, reason)."""
    from .pipeline import load_corpus

    corpus = load_corpus(inputs, config, workers=workers)
    return [view(a) for a in corpus.analysed], list(corpus.skipped)
