"""What ``briefing collect`` remembers between runs: per feed its validators (ETag,
Last-Modified) for conditional GETs, per item whether it was collected, filtered out or refused.

The state is one hidden JSON file, by default ``INBOX/.briefing-collect.json`` (hidden, so
``briefing build INBOX`` does not read it), replaced whole and atomically at the end of a run. An
item is kept while its feed still lists it and for ``KEEP_DAYS`` after, so the file does not grow
without end; should the state be lost, the article files themselves (named by the item's id)
still keep an item from being fetched twice.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
STATE_NAME = ".briefing-collect.json"
VERSION = 1
# Feeds list an item for days to weeks; a year without seeing it is long past any re-listing.
KEEP_DAYS = 365


def now_iso() -> str:
    """The current time, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class State:
    """Feeds' validators and items' outcomes, keyed by feed URL and item id."""

    path: Path
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)
    items: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> State:
        """Read the state; a missing file is a first run, an unreadable one is reported and
        replaced (the article files still prevent fetching an item twice)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError, RecursionError) as exc:
            logger.warning("state file %s unreadable (%s); starting afresh", path, exc)
            return cls(path)
        if not isinstance(data, dict) or data.get("version") != VERSION:
            logger.warning("state file %s is not a version %d state file; starting afresh", path, VERSION)
            return cls(path)
        feeds = {k: v for k, v in (data.get("feeds") or {}).items() if isinstance(v, dict)}
        items = {k: v for k, v in (data.get("items") or {}).items() if isinstance(v, dict)}
        return cls(path, feeds, items)

    def validators(self, url: str) -> dict[str, str]:
        """The conditional-GET headers for feed ``url`` (empty on a first fetch)."""
        entry = self.feeds.get(url, {})
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("modified"):
            headers["If-Modified-Since"] = entry["modified"]
        return headers

    def fetched_feed(self, url: str, etag: str | None, modified: str | None) -> None:
        """Record a full (200) response of feed ``url`` and its validators."""
        entry = {"checked": now_iso()}
        # Sent back verbatim next run: only a value that is a valid header (printable ASCII).
        if etag and _header_safe(etag):
            entry["etag"] = etag
        if modified and _header_safe(modified):
            entry["modified"] = modified
        self.feeds[url] = entry

    def known(self, item_id: str) -> bool:
        """Whether the item was handled by an earlier run (collected, filtered or refused);
        marks it as still listed."""
        entry = self.items.get(item_id)
        if entry is None:
            return False
        entry["seen"] = now_iso()
        return True

    def record(self, item_id: str, url: str | None, outcome: str, detail: str = "") -> None:
        """Remember an item's outcome: ``collected`` (detail: the file), ``filtered`` or
        ``refused`` (detail: the reason)."""
        stamp = now_iso()
        self.items[item_id] = {"url": url, "outcome": outcome, "detail": detail, "when": stamp, "seen": stamp}

    def prune(self, days: int = KEEP_DAYS) -> None:
        """Forget items no feed has listed for ``days``."""
        limit = (datetime.now(UTC) - timedelta(days=days)).isoformat()
        self.items = {k: v for k, v in self.items.items() if str(v.get("seen", "")) >= limit}

    def save(self) -> None:
        """Write the state atomically: a hidden temporary file beside it, then a rename."""
        data = {"version": VERSION, "feeds": self.feeds, "items": self.items}
        write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def _header_safe(value: str) -> bool:
    return len(value) <= 1024 and all(" " <= c <= "~" for c in value)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a hidden ``.NAME.*.part`` file in the same
    folder, flushed to disk, then renamed over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
