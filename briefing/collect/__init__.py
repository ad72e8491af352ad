"""Collect: news feeds and their pages into an inbox folder that ``briefing build`` reads.

``feeds`` parses RSS, Atom and JSON Feed; ``guard`` decides which URLs may be requested;
``fetch`` is the HTTP client (limits, redirects, politeness); ``robots`` reads robots.txt;
``state`` remembers what earlier runs did; ``write`` writes the article files; ``settings``
validates the configuration's ``feeds:`` and ``collect:``; ``job`` runs it all
(``job.collect``). Importing this package loads none of them.
"""
