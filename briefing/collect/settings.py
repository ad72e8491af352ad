"""Validation of the ``feeds:`` and ``collect:`` configuration sections and of feeds files.

Kept beside the collector rather than in ``briefing.config``, which calls ``feed_list`` and
``collect_settings`` while it validates; the checkers and line-number bookkeeping are the
configuration's own, so errors read the same: file, key path, line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..config import (
    CollectConfig,
    FeedSource,
    _check_keys,
    _int,
    _Loc,
    _read_yaml,
    _str,
    _str_list,
    _type,
)
from ..errors import ConfigError

_FEED_KEYS = {"url", "outlet", "topics"}
_COLLECT_KEYS = {"allow_hosts", "delay", "concurrency", "timeout", "deadline", "max_bytes", "redirects"}


def feed_list(value: Any, key: tuple[Any, ...], loc: _Loc, topic_names: set[str]) -> tuple[FeedSource, ...]:
    """A ``feeds:`` list (mappings or bare URLs) validated into ``FeedSource`` records."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise loc.error(key, f"expected a list of feeds, got {_type(value)}")
    feeds = tuple(_feed(item, (*key, i), loc, topic_names) for i, item in enumerate(value))
    seen: set[str] = set()
    for i, feed in enumerate(feeds):
        if feed.url in seen:
            raise loc.error((*key, i, "url"), f"duplicate feed {feed.url!r}")
        seen.add(feed.url)
    return feeds


def _feed(value: Any, key: tuple[Any, ...], loc: _Loc, topic_names: set[str]) -> FeedSource:
    if isinstance(value, str):  # a bare URL
        value = {"url": value}
    value = _check_keys(value, _FEED_KEYS, key, loc)
    if "url" not in value:
        raise loc.error(key, "a feed needs 'url'")
    url = _str(value["url"], (*key, "url"), loc)
    if not re.match(r"https?://[^/?#\s]+", url, re.IGNORECASE):
        raise loc.error((*key, "url"), f"expected an http:// or https:// URL, got {url!r}")
    outlet = value.get("outlet")
    topics = _str_list(value.get("topics", []) or [], (*key, "topics"), loc)
    for i, name in enumerate(topics):
        if name not in topic_names:
            raise loc.error(
                (*key, "topics", i),
                f"unknown topic {name!r} (expected one of: {', '.join(sorted(topic_names))})",
            )
    return FeedSource(
        url=url,
        outlet=_str(outlet, (*key, "outlet"), loc) if outlet is not None else None,
        topics=topics,
    )


def _number(value: Any, key: tuple[Any, ...], loc: _Loc, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise loc.error(key, f"expected a number, got {_type(value)}")
    if not low <= value <= high:
        raise loc.error(key, f"must be between {low:g} and {high:g}, got {value}")
    return float(value)


def collect_settings(value: Any, key: tuple[Any, ...], loc: _Loc) -> CollectConfig:
    """A ``collect:`` mapping validated into ``CollectConfig`` (absent keys: its defaults)."""
    value = _check_keys(value or {}, _COLLECT_KEYS, key, loc)
    base = CollectConfig()
    return CollectConfig(
        allow_hosts=_str_list(value.get("allow_hosts", []) or [], (*key, "allow_hosts"), loc),
        delay=_number(value.get("delay", base.delay), (*key, "delay"), loc, 0, 600),
        concurrency=_int(value.get("concurrency", base.concurrency), (*key, "concurrency"), loc, 1, 32),
        timeout=_number(value.get("timeout", base.timeout), (*key, "timeout"), loc, 0.1, 600),
        deadline=_number(value.get("deadline", base.deadline), (*key, "deadline"), loc, 0.1, 3600),
        max_bytes=_int(value.get("max_bytes", base.max_bytes), (*key, "max_bytes"), loc, 1024, 1 << 30),
        redirects=_int(value.get("redirects", base.redirects), (*key, "redirects"), loc, 0, 20),
    )


def load_feeds(path: str | Path, topic_names: set[str] | frozenset[str]) -> tuple[FeedSource, ...]:
    """Read a feeds file (``feeds: [{url, outlet, topics}]``), validated like the configuration:
    a problem is a ``ConfigError`` naming the file, the key and the line. ``topic_names`` are the
    configured topics a feed's ``topics`` filter may name."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("file not found", path=name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=name) from None
    data, loc = _read_yaml(text, name)
    _check_keys(data, {"feeds"}, (), loc)
    if not data.get("feeds"):
        raise loc.error(("feeds",), "expected a non-empty list of feeds")
    return feed_list(data["feeds"], ("feeds",), loc, set(topic_names))
