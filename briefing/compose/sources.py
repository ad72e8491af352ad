"""The source list, the briefing's date and its period: from known dates only, no machine paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import PurePath

from ..models import AnalysedArticle, Source


def _file_of(path: str) -> str:
    """The file part of an article path ("feed.jsonl#3" → "feed.jsonl")."""
    for mark in ("#", ":"):
        head, sep, tail = path.rpartition(mark)
        if sep and head and tail.isdigit():
            return head
    return path


def input_root(paths: Sequence[str]) -> str | None:
    """The folder the inputs were read from: the deepest folder holding every file given."""
    folders = [os.path.dirname(os.path.abspath(_file_of(p))) for p in paths if p]
    if not folders:
        return None
    try:
        return os.path.commonpath(folders)
    except ValueError:  # different drives: no common folder
        return None


def display_path(path: str, root: str | None) -> str:
    """``path`` relative to the input folder ``root`` (its file name when it lies outside it):
    never an absolute path of the machine that built the briefing."""
    suffix = path[len(_file_of(path)) :]
    full = os.path.abspath(_file_of(path))
    if root and (full == root or full.startswith(root.rstrip(os.sep) + os.sep)):
        return PurePath(os.path.relpath(full, root)).as_posix() + suffix
    return PurePath(full).name + suffix


def number_sources(analysed: Sequence[AnalysedArticle]) -> tuple[Source, ...]:
    """Number the articles 1…n: oldest first (undated last), then by path, for stable citations.

    ``Source.path`` is the file name relative to the input folder.
    """
    ordered = sorted(
        analysed, key=lambda a: (a.article.published is None, a.article.published or date.min, a.article.path)
    )
    root = input_root([a.article.path for a in analysed])
    return tuple(
        Source(
            n=i,
            id=a.article.id,
            title=a.article.title,
            outlet=a.article.source,
            published=a.article.published,
            path=display_path(a.article.path, root),
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


def period(analysed: Sequence[AnalysedArticle]) -> tuple[date, date] | None:
    """The period the dated sources span (None when no source carries a date)."""
    dated = sorted(a.article.published for a in analysed if a.article.published is not None)
    return (dated[0], dated[-1]) if dated else None
