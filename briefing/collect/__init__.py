"""Collect: news feeds and their pages into an inbox folder that ``briefing build`` reads.

``feeds`` parses RSS, Atom and JSON Feed; ``guard`` decides which URLs may be requested;
``fetch`` is the HTTP client (limits, redirects, politeness); ``robots`` reads robots.txt;
``state`` remembers what earlier runs did; ``write`` writes the article files; ``job`` runs it.
"""

from __future__ import annotations

from .job import CollectOptions, CollectResult, collect

__all__ = ["CollectOptions", "CollectResult", "collect"]
