"""``briefing articles``: what the tool read from each input — metadata, body, removed blocks."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import main
from .common import DEFAULT_INPUT, EXIT_OK, common_options, load_config_option, log, run, setup_logging

if TYPE_CHECKING:
    from ..articles import ArticleView


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@common_options
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=1,
    show_default=True,
    help="Processes for per-article analysis (0: one per core).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with the body text) instead of a table.")
def articles(
    inputs: Sequence[str], config_path: str | None, quiet: bool, verbose: int, workers: int, as_json: bool
) -> None:
    """Show what was read from INPUTS: title, outlet, date, author, URL, the cleaned body and
    every block removed from it with the reason.

    \b
    Examples:
      briefing articles inputs/
      briefing articles page.html --json
    """
    setup_logging(quiet, verbose)

    def action() -> int:
        from ..articles import read_articles

        config = load_config_option(config_path)
        views, skipped = read_articles(list(inputs) or [DEFAULT_INPUT], config, workers=workers)
        for path, reason in skipped:
            log.warning("skipped %s: %s", path, reason)
        if as_json:
            click.echo(json.dumps([v.as_dict() for v in views], ensure_ascii=False, indent=2))
        else:
            click.echo(_table(views))
        return EXIT_OK

    run(action)


def _table(views: Sequence[ArticleView]) -> str:
    """One block per article: file and title, then outlet · date · author, URL, body size."""
    if not views:
        return "No articles read."
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 120
    lines = []
    for v in views:
        head = f"{Path(v.path).name}  {v.title}"
        lines.append(head if len(head) <= width else head[: width - 1] + "…")
        meta = [v.outlet or "no outlet", v.published or "no date"] + ([f"by {v.author}"] if v.author else [])
        lines.append("    " + " · ".join(meta))
        if v.url:
            lines.append("    " + v.url)
        lines.append(f"    {len(v.text.split())} words kept, {len(v.removed)} blocks removed")
    return "\n".join(lines)
