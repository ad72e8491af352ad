"""briefing: a folder of news articles in, a briefing note out.

The package reads as its pipeline, one module a stage:
ingest → clean → segment → topics → summarise → quotes → compose → render, wired in ``pipeline``.
Importing it has no side effects: nothing is loaded, configured or logged until called.
"""

__version__ = "0.1.0"
