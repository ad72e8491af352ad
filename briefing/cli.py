"""The command line: parses options, calls the library, maps errors to exit codes.

Exit codes: 0 written; 1 failure (including: no usable article); 2 usage or configuration error;
3 nothing new to do (``--skip-unchanged``/``--new-only`` found no new input).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import BriefingError, ConfigError, NothingNewError, UsageError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_NOTHING_NEW = 0, 1, 2, 3
DEFAULT_INPUT = "inputs"
DEFAULT_CONFIG = "briefing.yaml"
log = logging.getLogger("briefing")
F = TypeVar("F", bound=Callable[..., Any])


def _setup_logging(quiet: bool, verbose: int) -> None:
    level = (logging.ERROR if quiet else logging.DEBUG if verbose > 1
             else logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root = logging.getLogger("briefing")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _load_config(path: str | None) -> Any:
    from .config import load_config

    if path is None and Path(DEFAULT_CONFIG).is_file():
        path = DEFAULT_CONFIG
    return load_config(path)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date: expected YYYY-MM-DD, got {value!r}") from None


def _run(action: Callable[[], int | None]) -> None:
    """Run a command body and turn library errors into one-line messages and exit codes."""
    try:
        code = action() or EXIT_OK
    except NothingNewError as exc:
        log.info("%s", exc)
        code = EXIT_NOTHING_NEW
    except (ConfigError, UsageError) as exc:
        click.echo(f"briefing: error: {exc}", err=True)
        code = EXIT_USAGE
    except BriefingError as exc:
        click.echo(f"briefing: error: {exc}", err=True)
        code = EXIT_FAILURE
    except KeyboardInterrupt:
        click.echo("briefing: interrupted", err=True)
        code = 130
    except OSError as exc:
        click.echo(f"briefing: error: {exc}", err=True)
        code = EXIT_FAILURE
    sys.exit(code)


def _progress(enabled: bool) -> Callable[[int, int], None] | None:
    """A progress bar on a terminal when there are many inputs; nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 20:
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label="Reading articles", file=sys.stderr)
            state["bar"].__enter__()
        state["bar"].update(1)
        if done == total:
            state["bar"].__exit__(None, None, None)

    return update


def _common(func: F) -> F:
    func = click.option("-v", "--verbose", count=True,
                        help="More detail on standard error (-vv: debug).")(func)
    func = click.option("-q", "--quiet", is_flag=True, help="Only errors on standard error.")(func)
    func = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                        help=f"YAML configuration (default: ./{DEFAULT_CONFIG} if present, "
                             "else the packaged defaults).")(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Briefing notes from a folder of news articles: key sentences per topic, who said what.

    \b
    Examples:
      briefing build                          # inputs/ -> output/briefing-DATE.{md,pdf,json}
      briefing build news/ --format md,pdf --out /srv/briefings
      briefing quotes inputs/ --json
      briefing summarize inputs/ --words 250
    """


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@_common
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder the briefing files are written to.")
@click.option("--format", "formats",
              help="Comma-separated formats: md,pdf,html,json (default: from the config).")
@click.option("--date", "when", help="Briefing date YYYY-MM-DD (default: newest article's date, else today).")
@click.option("--summarizer", help="Summariser name (default: from the config).")
@click.option("--force", is_flag=True, help="Replace a briefing of the same date.")
@click.option("--workers", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Processes for per-article analysis (0: one per core).")
def build(inputs: Sequence[str], config_path: str | None, quiet: bool, verbose: int, out_dir: str,
          formats: str | None, when: str | None, summarizer: str | None, force: bool, workers: int) -> None:
    """Build a briefing from INPUT files or folders (default: inputs/).

    \b
    Examples:
      briefing build
      briefing build ../news/today --format md,pdf --out output/
      briefing build a.txt b.html --date 2021-12-03 --summarizer textrank
    """
    _setup_logging(quiet, verbose)

    def action() -> int:
        from .pipeline import build as run_build

        config = _load_config(config_path)
        fmt = tuple(f.strip() for f in formats.split(",") if f.strip()) if formats else None
        result = run_build(list(inputs) or [DEFAULT_INPUT], config, Path(out_dir), formats=fmt,
                           when=_parse_date(when), summarizer=summarizer, force=force, workers=workers,
                           progress=_progress(not quiet))
        for path, reason in result.corpus.skipped:
            log.warning("skipped %s: %s", path, reason)
        if not quiet:
            names = ", ".join(str(p) for p in result.written)
            click.echo(f"briefing: {len(result.corpus.analysed)} articles read, "
                       f"{len(result.corpus.skipped)} skipped; wrote {names} "
                       f"in {result.seconds['total']:.1f} s", err=True)
        return EXIT_OK

    _run(action)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@_common
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def quotes(inputs: Sequence[str], config_path: str | None, quiet: bool, verbose: int,
           as_json: bool) -> None:
    """Print every direct quotation in INPUTS with its speaker.

    \b
    Examples:
      briefing quotes inputs/
      briefing quotes a.txt --json
    """
    _setup_logging(quiet, verbose)

    def action() -> int:
        from .pipeline import load_corpus, merged_quotes
        from .render import quote_dict

        config = _load_config(config_path)
        corpus = load_corpus(list(inputs) or [DEFAULT_INPUT], config)
        for path, reason in corpus.skipped:
            log.warning("skipped %s: %s", path, reason)
        found = merged_quotes(corpus, config)
        if as_json:
            rows = [{k: v for k, v in quote_dict(q).items() if k != "affiliation"} for q in found]
            for row in rows:
                row["sources"] = [{k: s[k] for k in ("path", "start", "end")} for s in row["sources"]]
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            click.echo(_quote_table(found))
        return EXIT_OK

    _run(action)


def _quote_table(found: Sequence[Any]) -> str:
    """A plain-text table: speaker (role), kind, quote, sources."""
    if not found:
        return "No quotations found."
    width = click.get_terminal_size()[0] if sys.stdout.isatty() else 120
    lines = []
    for q in found:
        who = q.speaker + (f" ({q.role})" if q.role else "")
        where = ", ".join(f"{Path(s.path).name}:{s.start}-{s.end}" for s in q.sources)
        text = q.text if len(q.text) <= width - 8 else q.text[: width - 9] + "…"
        lines.append(f"{who} — {q.kind}{' · ' + ', '.join(q.topics) if q.topics else ''}\n"
                     f"    “{text}”\n    {where}")
    return "\n".join(lines)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@_common
@click.option("--words", type=click.IntRange(10, 100000), default=250, show_default=True,
              help="Word budget of the summary.")
@click.option("--summarizer", help="Summariser name (default: from the config).")
@click.option("--json", "as_json", is_flag=True, help="Print the sentences with their sources as JSON.")
def summarize(inputs: Sequence[str], config_path: str | None, quiet: bool, verbose: int, words: int,
              summarizer: str | None, as_json: bool) -> None:
    """Print a generic multi-document summary of INPUTS in at most --words words.

    \b
    Examples:
      briefing summarize inputs/ --words 100
      briefing summarize M0000.english M0001.english --summarizer lexrank --json
    """
    _setup_logging(quiet, verbose)

    def action() -> int:
        from .pipeline import digest

        config = _load_config(config_path)
        chosen = digest(list(inputs), words=words, summarizer=summarizer, config=config)
        if as_json:
            click.echo(json.dumps([{"text": k.text, "sources": [
                {"article_id": a, "sentence": i} for a, i in k.sentences]} for k in chosen],
                ensure_ascii=False, indent=2))
        else:
            click.echo("\n".join(k.text for k in chosen))
        return EXIT_OK

    _run(action)
