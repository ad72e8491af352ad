"""One collect run: feeds polled (conditionally), new items fetched, extracted and written.

A feed that fails is reported and the others go on; an item that fails is reported and the
others go on. What a run decides about an item (collected, filtered out by the feed's topics,
refused for good) is remembered in the state file, so no item is fetched twice; an item that
failed for a reason that may pass (a time-out, a server error) is tried again next run.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..config import CollectConfig, FeedSource, Topic
from ..errors import ArticleError, FetchError, RefusedError
from ..ingest import READERS, decode
from ..ingest.fields import Parsed
from ..run.lock import RunLock
from .feeds import Feed, FeedItem, parse_feed
from .fetch import Client, HostGate, Limits
from .guard import Guard
from .robots import Robots
from .state import STATE_NAME, State
from .write import Collected, article_path, write_article

logger = logging.getLogger("briefing.collect")
LOCK_NAME = ".briefing-collect.lock"
FEED_TYPES = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
)
PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
HTML_TYPES = {"", "text/html", "application/xhtml+xml", "application/xml", "text/xml"}


@dataclass(frozen=True, slots=True)
class CollectOptions:
    """What a run collects into, from which time on, with which extra allowed hosts."""

    into: Path
    since: datetime | None = None  # aware; items published before it are not fetched
    state_path: Path | None = None  # default: INTO/.briefing-collect.json
    allow_hosts: tuple[str, ...] = ()
    wait: float = 0.0


@dataclass
class CollectResult:
    """What a run did, for the summary line and the exit code."""

    written: list[Path] = field(default_factory=list)
    feeds: int = 0
    not_modified: int = 0
    failed_feeds: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    known: int = 0
    older: int = 0
    filtered: int = 0


@dataclass(frozen=True, slots=True)
class _Task:
    item: FeedItem
    source: FeedSource
    feed_title: str | None


def collect(
    feeds: Sequence[FeedSource], topics: Sequence[Topic], settings: CollectConfig, options: CollectOptions
) -> CollectResult:
    """Poll ``feeds`` and write each new item as an article file into ``options.into``."""
    _preload()
    inbox = options.into
    inbox.mkdir(parents=True, exist_ok=True)
    lock = RunLock(inbox, options.wait)
    lock.path = inbox / LOCK_NAME  # its own lock: a build may read the inbox while we write to it
    result = CollectResult(feeds=len(feeds))
    with lock:
        state = State.load(options.state_path or inbox / STATE_NAME)
        guard = Guard((*settings.allow_hosts, *options.allow_hosts))
        limits = Limits(settings.timeout, settings.deadline, settings.max_bytes, settings.redirects)
        client = Client(guard, HostGate(settings.delay), limits)
        job = _Job(client, Robots(client), {t.name: t for t in topics}, inbox, result)
        try:
            pool = ThreadPoolExecutor(settings.concurrency, thread_name_prefix="collect")
            try:
                polled = list(pool.map(lambda source: job.poll(source, state), feeds))
                tasks = _new_items(polled, state, options.since, result)
                outcomes = list(pool.map(job.take, tasks))
            finally:  # when interrupted, what is queued is dropped; what is running ends
                pool.shutdown(wait=True, cancel_futures=True)
            retry = set()
            for task, outcome in zip(tasks, outcomes, strict=True):
                if outcome is None:
                    retry.add(task.source.url)
                else:
                    state.record(task.item.id, task.item.url, *outcome)
            # A feed with an item to try again keeps no validators: it would answer 304 next run
            # and the item would never be listed again.
            for url, (etag, modified) in job.fresh.items():
                state.fetched_feed(url, None if url in retry else etag, None if url in retry else modified)
        finally:
            state.prune()
            state.save()
    return result


def _preload() -> None:
    """Import, in this thread, the parsers the workers use: two threads importing a module for
    the first time at once can see it half initialised ("cannot import name …")."""
    import defusedxml.ElementTree  # type: ignore[import-untyped]  # noqa: F401
    import feedparser  # noqa: F401
    import trafilatura  # noqa: F401

    from .. import topics  # noqa: F401


def _new_items(
    polled: Sequence[tuple[FeedSource, Feed | None]],
    state: State,
    since: datetime | None,
    result: CollectResult,
) -> list[_Task]:
    tasks: list[_Task] = []
    taken: set[str] = set()
    for source, feed in polled:
        for item in feed.items if feed else ():
            if item.id in taken:
                continue
            taken.add(item.id)
            if state.known(item.id):
                result.known += 1
            elif since is not None and item.published is not None and item.published < since:
                result.older += 1
            else:
                tasks.append(_Task(item, source, feed.title if feed else None))
    return tasks


class _Job:
    """The work on one feed or one item, run in the worker threads."""

    def __init__(
        self, client: Client, robots: Robots, topics: dict[str, Topic], inbox: Path, result: CollectResult
    ) -> None:
        self.client = client
        self.robots = robots
        self.topics = topics
        self.inbox = inbox
        self.result = result
        self._lock = threading.Lock()  # the worker threads share ``result`` and ``fresh``
        self.fresh: dict[str, tuple[str | None, str | None]] = {}  # feed URL → its new validators

    def poll(self, source: FeedSource, state: State) -> tuple[FeedSource, Feed | None]:
        """Fetch one feed (conditionally); None when it is unchanged or failed."""
        try:
            response = self.client.get(
                source.url, headers={"Accept": FEED_TYPES, **state.validators(source.url)}
            )
            if response.status == 304:
                logger.info("feed %s: not modified", source.url)
                with self._lock:
                    self.result.not_modified += 1
                return source, None
            if response.status != 200:
                raise FetchError(response.url, f"HTTP {response.status}")
            feed = parse_feed(response.body, response.url, response.content_type)
        except RefusedError as exc:
            logger.warning("refused %s: %s (feed %s)", shown(exc.url), shown(exc.reason), source.url)
            self.result.failed_feeds.append((source.url, exc.reason))
            return source, None
        except FetchError as exc:
            logger.warning(
                "feed %s failed: %s", source.url, shown(exc.reason if exc.url == source.url else str(exc))
            )
            self.result.failed_feeds.append((source.url, exc.reason))
            return source, None
        except Exception as exc:  # a parser's bug on one hostile feed must not end the run
            reason = f"internal error: {type(exc).__name__}: {exc}"
            logger.warning("feed %s failed: %s", source.url, shown(reason))
            self.result.failed_feeds.append((source.url, reason))
            return source, None
        with self._lock:
            self.fresh[source.url] = (response.headers.get("etag"), response.headers.get("last-modified"))
        logger.info("feed %s: %d items", source.url, len(feed.items))
        return source, feed

    def take(self, task: _Task) -> tuple[str, str] | None:
        """Fetch, extract and write one item: the outcome to remember, or None to try again."""
        item = task.item
        if article_path(self.inbox, item.id).exists():  # collected before the state was lost
            return "collected", article_path(self.inbox, item.id).name
        try:
            parsed = self._extract(item)
        except FetchError as exc:
            verb = "refused" if isinstance(exc, RefusedError) else "failed"
            logger.warning("%s %s: %s", verb, shown(exc.url), shown(exc.reason))
            (self.result.refused if verb == "refused" else self.result.failed).append((exc.url, exc.reason))
            return ("refused", exc.reason) if exc.permanent else None
        except Exception as exc:  # a parser's bug on one hostile page must not end the run
            reason = f"internal error: {type(exc).__name__}: {exc}"
            logger.warning("failed %s: %s", shown(item.url or item.key), shown(reason))
            self.result.failed.append((item.url or item.key, reason))
            return None
        if task.source.topics and not self._matches(task.source.topics, item, parsed):
            logger.info(
                "%s: matches none of the feed's topics (%s)",
                shown(item.url or item.key),
                ", ".join(task.source.topics),
            )
            with self._lock:
                self.result.filtered += 1
            return "filtered", ", ".join(task.source.topics)
        article = Collected(
            item_id=item.id,
            title=item.title or parsed.title,
            outlet=task.source.outlet or task.feed_title or parsed.source,
            url=item.url or parsed.url,
            published=item.published or parsed.published,
            author=item.author or parsed.author,
            text=parsed.text,
            feed=task.source.url,
        )
        path = write_article(self.inbox, article)
        if path is not None:
            self.result.written.append(path)
            logger.info("collected %s into %s", shown(item.url or item.key), path.name)
        return "collected", article_path(self.inbox, item.id).name

    def _extract(self, item: FeedItem) -> Parsed:
        """The article text: from the feed's full content when it has one, else from the page."""
        if item.content:
            title = html.escape(item.title or "")
            page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            try:
                return _read_html(page + item.content + "</article></body></html>", item.url or item.key)
            except ArticleError:
                logger.debug("%s: the feed's content has no article text; fetching the page", item.url)
        if not item.url:
            raise FetchError(item.key, "no link and no content in the feed", permanent=True)
        response = self.client.get(item.url, headers={"Accept": PAGE_TYPES}, before=self.robots.check)
        if response.status != 200:
            raise FetchError(response.url, f"HTTP {response.status}", permanent=response.status in (404, 410))
        if response.content_type not in HTML_TYPES:
            raise RefusedError(response.url, f"not an HTML page ({response.content_type})", permanent=True)
        try:
            text = _decode(response.body, response.charset, response.url)
            return _read_html(text, response.url)
        except ArticleError as exc:
            raise FetchError(response.url, exc.reason, permanent=True) from None

    def _matches(self, names: Sequence[str], item: FeedItem, parsed: Parsed) -> bool:
        from ..topics import TopicMatcher

        matcher = TopicMatcher.from_topics([self.topics[n] for n in names if n in self.topics])
        return bool(matcher.match(f"{item.title or parsed.title or ''}\n{parsed.text}"))


def shown(text: str, limit: int = 300) -> str:
    """A URL or reason from a feed, made safe for a log line: control characters escaped (a line
    break in a link must not forge a log line of its own) and cut to ``limit`` characters."""
    safe = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return safe if len(safe) <= limit else safe[:limit] + "…"


def _read_html(text: str, where: str) -> Parsed:
    for entry in READERS["html"](text, where):
        if isinstance(entry, Parsed) and entry.text.strip():
            return entry
    raise ArticleError(where, "no text: no article content found in the HTML")


def _decode(data: bytes, charset: str | None, where: str) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, where)
