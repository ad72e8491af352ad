"""robots.txt, respected for every page fetch (feeds are published to be polled; pages are not
necessarily meant to be crawled), read once per site and run with ``urllib.robotparser``.

As the robots.txt standard (RFC 9309) asks: a robots.txt that is missing (4xx) allows everything;
one that is forbidden (401, 403) or unreachable (5xx, network error) is taken as "disallow
everything" for this run, and the pages are tried again next run. A Crawl-delay longer than the
configured delay is honoured, up to ``MAX_CRAWL_DELAY``.
"""

from __future__ import annotations

import threading
from urllib.robotparser import RobotFileParser

from ..errors import FetchError, RefusedError
from .fetch import ROBOTS_AGENT, Client
from .guard import Target

# RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; more is not needed.
ROBOTS_MAX_BYTES = 512 * 1024
# A Crawl-delay beyond a minute would hold a run for hours on a busy feed: cap it.
MAX_CRAWL_DELAY = 60.0


class Robots:
    """The robots.txt rules of every site a run fetches pages from, read on first use."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self._rules: dict[str, RobotFileParser | FetchError] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def check(self, target: Target) -> None:
        """Raise ``RefusedError`` when robots.txt does not let us fetch ``target``."""
        origin = f"{target.scheme}://{target.host}:{target.port}"
        rules = self._get(origin, target)
        if isinstance(rules, FetchError):
            raise FetchError(target.url, f"robots.txt unavailable ({rules.reason}); not fetched this run")
        if not rules.can_fetch(ROBOTS_AGENT, target.url):
            raise RefusedError(target.url, f"disallowed by {origin}/robots.txt", permanent=True)

    def _get(self, origin: str, target: Target) -> RobotFileParser | FetchError:
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._rules:
                self._rules[origin] = self._read(origin, target)
            return self._rules[origin]

    def _read(self, origin: str, target: Target) -> RobotFileParser | FetchError:
        rules = RobotFileParser(origin + "/robots.txt")
        try:
            response = self.client.get(origin + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES)
        except RefusedError:
            raise
        except FetchError as exc:
            return exc
        if response.status in (401, 403):
            rules.disallow_all = True  # type: ignore[attr-defined]
        elif 400 <= response.status < 500:
            rules.allow_all = True  # type: ignore[attr-defined]
        elif response.status != 200:
            return FetchError(origin + "/robots.txt", f"HTTP {response.status}")
        else:
            rules.parse(response.body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay:
                self.client.gate.set_delay(f"{target.host}:{target.port}", min(float(delay), MAX_CRAWL_DELAY))
        return rules
