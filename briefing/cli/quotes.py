"""``briefing quotes``: every quotation with its speaker."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import main
from .common import (
    DEFAULT_INPUT,
    EXIT_OK,
    common_options,
    load_config_option,
    run,
    setup_logging,
)

if TYPE_CHECKING:
    from ..models import QuoteSource
    from ..quotes.offsets import SpanKey


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@common_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def quotes(inputs: Sequence[str], config_path: str | None, quiet: bool, verbose: int, as_json: bool) -> None:
    """Print every direct quotation in INPUTS with its speaker.

    \b
    Examples:
      briefing quotes inputs/
      briefing quotes a.txt --json
    """
    setup_logging(quiet, verbose)

    def action() -> int:
        from ..jsonmodel import quote_dict
        from ..pipeline import load_corpus, merged_quotes, report_skipped
        from ..quotes.offsets import file_spans, source_keys

        config = load_config_option(config_path)
        corpus = load_corpus(list(inputs) or [DEFAULT_INPUT], config)
        report_skipped(corpus)
        found = merged_quotes(corpus, config)
        # Spans of .txt/.md inputs index the file as read (title line and front matter included),
        # as in the briefing JSON: one conversion, each file read once.
        articles = [a.article for a in corpus.analysed]
        spans = file_spans(articles, source_keys(s for q in found for s in q.sources))
        if as_json:
            rows = [
                {k: v for k, v in quote_dict(q, spans=spans).items() if k != "affiliation"} for q in found
            ]
            for row in rows:
                row["sources"] = [{k: s[k] for k in _SOURCE_KEYS} for s in row["sources"]]
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            click.echo(_quote_table(found, spans))
        return EXIT_OK

    run(action)


# What a source of `briefing quotes --json` says: the file, the span of the quote and of the words
# naming its speaker, which text they index ("file", "text" or "title") and whether the quote
# is the headline's.
_SOURCE_KEYS = ("path", "start", "end", "speaker_span", "in", "headline")


def _quote_table(found: Sequence[Any], spans: Mapping[SpanKey, tuple[int, int]]) -> str:
    """A plain-text table: speaker (role), kind, quote, sources (file offsets where known)."""
    if not found:
        return "No quotations found."
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    lines = []
    for q in found:
        who = q.speaker + (f" ({q.role})" if q.role else "")
        where = ", ".join(_where(s, spans) for s in q.sources)
        text = q.text if len(q.text) <= width - 8 else q.text[: width - 9] + "…"
        lines.append(
            f"{who} — {q.kind}{' · ' + ', '.join(q.topics) if q.topics else ''}\n    “{text}”\n    {where}"
        )
    return "\n".join(lines)


def _where(s: QuoteSource, spans: Mapping[SpanKey, tuple[int, int]]) -> str:
    """ "a.txt:120-164" (file offsets), "a.html:40-72" (article text), "a.html:title:5-24"."""
    start, end = spans.get((s.article_id, s.in_title, s.start, s.end), (s.start, s.end))
    title = "title:" if s.in_title and (s.article_id, True, s.start, s.end) not in spans else ""
    return f"{Path(s.path).name}:{title}{start}-{end}"
