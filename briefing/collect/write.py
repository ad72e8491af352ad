"""Collected articles as files ``briefing build`` reads: plain text with YAML front matter.

Plain text rather than Markdown: the extracted text is not Markdown, and the Markdown reader would
take a line starting with "#" or words in underscores for markup. One file per item, named by the
item's stable id (``<id>.txt``), written whole or not at all (``state.write_atomic``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .state import now_iso, write_atomic


@dataclass(frozen=True, slots=True)
class Collected:
    """One article ready to be written."""

    item_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | date | None
    author: str | None
    text: str
    feed: str


def article_path(inbox: Path, item_id: str) -> Path:
    """Where the article of item ``item_id`` goes."""
    return inbox / f"{item_id}.txt"


def render(article: Collected) -> str:
    """The file's text: front matter (title, outlet, url, published, author, feed, collected),
    a blank line, then the article text."""
    fields: dict[str, str] = {}
    for name, value in (
        ("title", article.title),
        ("outlet", article.outlet),
        ("url", article.url),
        ("published", article.published.isoformat() if article.published else None),
        ("author", article.author),
        ("feed", article.feed),
        ("collected", now_iso()),
    ):
        if value:
            # One line of valid text each: no line breaks (they would end the value) and no lone
            # surrogates (YAML would write an escape the reader cannot decode back).
            fields[name] = " ".join(str(value).split()).encode("utf-8", "replace").decode("utf-8")
    head = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1 << 20)
    body = article.text.encode("utf-8", "replace").decode("utf-8").strip()
    return f"---\n{head}---\n\n{body}\n"


def write_article(inbox: Path, article: Collected) -> Path | None:
    """Write ``article`` into ``inbox``; None (nothing written) when its file already exists."""
    path = article_path(inbox, article.item_id)
    if path.exists():
        return None
    write_atomic(path, render(article))
    return path
