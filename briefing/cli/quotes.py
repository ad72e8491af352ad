"""``briefing quotes``: every quotation with its speaker."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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
        from ..pipeline import load_corpus, merged_quotes, report_skipped
        from ..quotes.offsets import to_file_offsets
        from ..render import quote_dict

        config = load_config_option(config_path)
        corpus = load_corpus(list(inputs) or [DEFAULT_INPUT], config)
        report_skipped(corpus)
        # Spans of .txt/.md inputs index the file as read (title line and front matter included).
        found = to_file_offsets(merged_quotes(corpus, config), (a.article for a in corpus.analysed))
        if as_json:
            rows = [{k: v for k, v in quote_dict(q).items() if k != "affiliation"} for q in found]
            for row in rows:
                row["sources"] = [
                    {k: s[k] for k in ("path", "start", "end", "speaker_span")} for s in row["sources"]
                ]
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            click.echo(_quote_table(found))
        return EXIT_OK

    run(action)


def _quote_table(found: Sequence[Any]) -> str:
    """A plain-text table: speaker (role), kind, quote, sources."""
    if not found:
        return "No quotations found."
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    lines = []
    for q in found:
        who = q.speaker + (f" ({q.role})" if q.role else "")
        where = ", ".join(f"{Path(s.path).name}:{s.start}-{s.end}" for s in q.sources)
        text = q.text if len(q.text) <= width - 8 else q.text[: width - 9] + "…"
        lines.append(
            f"{who} — {q.kind}{' · ' + ', '.join(q.topics) if q.topics else ''}\n    “{text}”\n    {where}"
        )
    return "\n".join(lines)
