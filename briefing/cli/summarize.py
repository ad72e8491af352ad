"""``briefing summarize``: a multi-document digest."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from ..summarizers import available
from . import main
from .common import (
    EXIT_OK,
    common_options,
    load_config_option,
    run,
    setup_logging,
)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@common_options
@click.option(
    "--words",
    type=click.IntRange(10, 100000),
    default=250,
    show_default=True,
    help="Word budget of the summary.",
)
@click.option(
    "--query",
    metavar="TEXT",
    help="Focus the digest on this question or statement, in plain words (default: a generic digest).",
)
@click.option(
    "--summarizer",
    metavar="NAME",
    help=f"Summariser (default: from the config): {', '.join(available())}.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the sentences with their sources as JSON.")
def summarize(
    inputs: Sequence[str],
    config_path: str | None,
    quiet: bool,
    verbose: int,
    words: int,
    query: str | None,
    summarizer: str | None,
    as_json: bool,
) -> None:
    """Print a multi-document summary of INPUTS in at most --words words: generic, or
    focused on what --query asks.

    Every summariser accepts --query: coverage (the default) and lexrank/textrank bias their
    selection by each sentence's relevance to it; edmundson takes its words as bonus words; the
    others ignore it.

    \b
    Examples:
      briefing summarize inputs/ --words 100
      briefing summarize inputs/ --words 100 --query "What guarantees has Moscow demanded?"
      briefing summarize M0000.english M0001.english --summarizer lexrank --json
    """
    setup_logging(quiet, verbose)

    def action() -> int:
        from ..pipeline import digest

        config = load_config_option(config_path)
        focus = (query,) if query and query.strip() else ()
        chosen = digest(list(inputs), words=words, summarizer=summarizer, config=config, query=focus)
        if as_json:
            click.echo(
                json.dumps(
                    [
                        {
                            "text": k.text,
                            "sources": [{"article_id": a, "sentence": i} for a, i in k.sentences],
                        }
                        for k in chosen
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            click.echo("\n".join(k.text for k in chosen))
        return EXIT_OK

    run(action)
