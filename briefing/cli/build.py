"""``briefing build``: the briefing, one-shot or from cron."""

from __future__ import annotations

import re
import signal
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import main
from .common import (
    DEFAULT_INPUT,
    EXIT_NOTHING_NEW,
    EXIT_OK,
    EXIT_USAGE,
    common_options,
    load_config_option,
    log_file_option,
    parse_date_option,
    private_cache_dir,
    progress_bar,
    run,
    setup_logging,
    wait_option,
)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@common_options
@click.option(
    "--out",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder the briefing files are written to.",
)
@click.option(
    "--format", "formats", help="Comma-separated formats: md,pdf,html,json (default: from the config)."
)
@click.option(
    "--date",
    "when",
    help="Briefing date YYYY-MM-DD (default: newest article's date, else today; "
    "with --since or --new-only: today).",
)
@click.option("--summarizer", help="Summariser name (default: from the config).")
@click.option("--force", is_flag=True, help="Replace a briefing of the same date.")
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=1,
    show_default=True,
    help="Processes for per-article analysis (0: one per core).",
)
@click.option(
    "--since",
    metavar="SPAN|DATE",
    help="Only articles published (else modified) in the window: 24h, 7d, 90m, 2w or YYYY-MM-DD.",
)
@click.option(
    "--new-only",
    is_flag=True,
    help="Only articles no earlier briefing in --out used; exit 3 if there is none.",
)
@click.option(
    "--skip-unchanged",
    is_flag=True,
    help="Exit 3 without writing when inputs, config and options match the last briefing.",
)
@wait_option("another run that holds --out")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the per-article analysis on a Dask cluster: a scheduler address (tcp://host:8786) "
    "or 'local' for a LocalCluster of --workers processes (needs: pip install 'briefing[dask]').",
)
@log_file_option
def build(
    inputs: Sequence[str],
    config_path: str | None,
    quiet: bool,
    verbose: int,
    out_dir: str,
    formats: str | None,
    when: str | None,
    summarizer: str | None,
    force: bool,
    workers: int,
    since: str | None,
    new_only: bool,
    skip_unchanged: bool,
    wait: float,
    scheduler: str | None,
    log_file: str | None,
) -> None:
    """Build a briefing from INPUT files or folders (default: inputs/).

    \b
    Exit codes: 0 written; 1 failure (no usable article, output folder
    in use, briefing of that date exists); 2 usage or configuration
    error; 3 nothing new (--skip-unchanged, --new-only, --since).

    \b
    Examples:
      briefing build
      briefing build ../news/today --format md,pdf --out output/
      briefing build a.txt b.html --date 2021-12-03 --summarizer textrank
      briefing build /srv/news --out /srv/briefings --since 24h --skip-unchanged \\
          --quiet --log-file /srv/briefings/briefing.log      # from cron
      briefing build /srv/news --scheduler tcp://10.0.0.5:8786   # on a Dask cluster
    """
    setup_logging(quiet, verbose, log_file)
    outcome: dict[str, Any] = {}

    def action() -> int:
        from ..run.job import BuildOptions
        from ..run.job import build as run_build

        private_cache_dir()
        # SIGTERM (shutdown, `timeout`) unwinds like Ctrl-C, so staged files are removed.
        signal.signal(signal.SIGTERM, _interrupt)
        config = load_config_option(config_path)
        options = BuildOptions(
            formats=tuple(f.strip() for f in formats.split(",") if f.strip()) if formats else (),
            when=parse_date_option(when),
            summarizer=summarizer,
            force=force,
            workers=workers,
            since=since,
            new_only=new_only,
            skip_unchanged=skip_unchanged,
            wait=wait,
            scheduler=scheduler,
        )
        result = run_build(
            list(inputs) or [DEFAULT_INPUT], config, Path(out_dir), options, progress=progress_bar(not quiet)
        )
        outcome["result"] = result  # (skipped inputs were logged by the build as it found them)
        return EXIT_OK

    run(
        action, summary=lambda code, seconds, note: _build_summary(code, seconds, note, outcome.get("result"))
    )


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _reason_counts(reasons: Sequence[str]) -> str:
    """ "empty file ×2, malformed JSON ×1": reasons grouped by their kind (text before details)."""
    kinds = Counter(re.split(r"[:(]", r, maxsplit=1)[0].strip() or r for r in reasons)
    return ", ".join(f"{kind} ×{n}" for kind, n in kinds.most_common())


def _build_summary(code: int, seconds: float, note: str, result: Any) -> str:
    """The one line a build logs: outcome, articles read, inputs skipped by reason, files, time."""
    if result is None:
        outcome = {EXIT_NOTHING_NEW: f"nothing new: {note}", EXIT_USAGE: "not run (usage or config error)"}
        return f"{outcome.get(code, f'failed (exit {code})')}; {seconds:.1f} s"
    skipped = result.corpus.skipped
    read = len(result.corpus.analysed)
    parts = [
        f"{read} article{'s' if read != 1 else ''} read",
        f"{len(skipped)} skipped" + (f" ({_reason_counts([r for _, r in skipped])})" if skipped else ""),
    ]
    if result.corpus.truncated:
        parts.append(f"{len(result.corpus.truncated)} truncated to the analysis budget")
    if result.not_taken:
        parts.append("not taken: " + ", ".join(f"{n} {r}" for r, n in result.not_taken.items()))
    names = [p.name for p in (*result.written, result.manifest) if p is not None]
    folder = result.written[0].parent if result.written else ""
    return f"wrote {', '.join(names)} in {folder}; {'; '.join(parts)}; {seconds:.1f} s"
