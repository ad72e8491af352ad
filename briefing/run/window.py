"""Which inputs a run takes: files that really are in the input folders, articles in a time
window (``--since``), articles not briefed before (``--new-only``).

The article rules are ``accept`` hooks for ``pipeline.load_corpus``; each counts what it turned
away so the run's summary can say why an article is missing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from ..errors import UsageError
from ..ingest import display_path
from ..models import Article

OUTSIDE_WINDOW = "outside the --since window"
LINK_OUT = "symbolic link out of the input folder (not followed)"
ALREADY_BRIEFED = "in an earlier briefing"

_SPAN = re.compile(r"(\d{1,6})\s*([mhdw])")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """The start of the window ``value`` names, as a local naive datetime.

    ``24h``, ``90m``, ``7d``, ``2w`` count back from ``now``; ``YYYY-MM-DD`` is the start of that
    day. Raises ``UsageError`` for anything else.
    """
    text = value.strip().lower()
    now = now or datetime.now()
    match = _SPAN.fullmatch(text)
    if match:
        return now - timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--since: expected a span such as 24h, 7d, 90m, 2w or a date YYYY-MM-DD, got {value!r}"
        ) from None
    return datetime(day.year, day.month, day.day)


def in_window(article: Article, start: datetime) -> bool:
    """True when ``article`` was published (else last modified) at or after ``start``.

    A publication date has no time: an article dated the day the window starts counts, since it
    may have appeared after the start. An article with neither a date nor a file time (stdin,
    say) cannot be placed and is left out.
    """
    if article.published is not None:
        return article.published >= start.date()
    if article.mtime is not None:
        return datetime.fromtimestamp(article.mtime) >= start
    return False


@dataclass
class Selection:
    """An ``accept`` hook combining the window and the new-only rule, with counts of rejections."""

    since: datetime | None = None
    known_ids: frozenset[str] | None = None  # None: take every article whatever earlier runs took
    rejected: Counter[str] = field(default_factory=Counter)

    def __call__(self, article: Article) -> bool:
        """Whether to take ``article``; a rejection is counted by reason."""
        if self.since is not None and not in_window(article, self.since):
            self.rejected[OUTSIDE_WINDOW] += 1
            return False
        if self.known_ids is not None and article.id in self.known_ids:
            self.rejected[ALREADY_BRIEFED] += 1
            return False
        return True

    @property
    def active(self) -> bool:
        """Whether any rule is set (otherwise every article is taken)."""
        return self.since is not None or self.known_ids is not None


def confine(inputs: Sequence[str | Path], paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Split discovered ``paths`` into those inside the input folders and the refused ones.

    A file found by scanning a folder is taken only if it resolves inside that folder: anyone who
    can drop files into a news inbox could otherwise plant a symbolic link to a secret (an SSH
    key, /etc/shadow for a root cron job) and have it printed in the briefing. Files named
    explicitly are the caller's choice and are taken as they are.
    """
    named = {Path(i).resolve() for i in inputs if not Path(i).is_dir()}
    roots = [Path(i).resolve() for i in inputs if Path(i).is_dir()]
    kept: list[Path] = []
    refused: list[tuple[str, str]] = []
    for path in paths:
        real = path.resolve()
        if real in named or any(real.is_relative_to(root) for root in roots):
            kept.append(path)
        else:
            refused.append((display_path(path), LINK_OUT))
    return kept, refused
