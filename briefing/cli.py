"""The command line: parses options, calls the library, maps errors to exit codes.

Exit codes: 0 written; 1 failure (including: no usable article, output folder in use); 2 usage or
configuration error; 3 nothing new to do (``--skip-unchanged``/``--new-only``/``--since`` found no
new input).
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import sys
import tempfile
import time
from collections import Counter
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


NOTICE = 25  # between INFO and WARNING: the one summary line of a run


class _StderrFormatter(logging.Formatter):
    """``briefing: warning: …`` for problems; the summary line bare, after ``briefing:``."""

    def format(self, record: logging.LogRecord) -> str:
        label = "" if record.levelno == NOTICE else f"{record.levelname.lower()}: "
        return f"briefing: {label}{record.getMessage()}"


def _setup_logging(quiet: bool, verbose: int, log_file: str | None = None) -> None:
    """Messages go to standard error and, with ``--log-file``, appended to that file.

    Standard error shows warnings, errors and the summary line (``-v`` more, ``-q`` errors
    only). With a log file and no terminal (cron), standard error carries errors only — cron
    mails what a run prints, and a routine run should not mail anyone — while the file gets
    everything with a timestamp and the pid.
    """
    logging.addLevelName(NOTICE, "NOTICE")
    level = (
        logging.ERROR
        if quiet or (log_file and not sys.stderr.isatty())
        else logging.DEBUG
        if verbose > 1
        else logging.INFO
        if verbose
        else NOTICE
    )
    handler: logging.Handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_StderrFormatter())
    handler.setLevel(level)
    handlers = [handler]
    if log_file:
        try:
            Path(log_file).parent.mkdir(parents=True, exist_ok=True)  # like --out, on a first run
            file_handler: logging.Handler = logging.FileHandler(log_file, mode="a", encoding="utf-8")
        except OSError as exc:
            raise click.UsageError(f"--log-file: cannot open {log_file}: {exc.strerror or exc}") from None
        file_handler.setFormatter(
            logging.Formatter(
                "%(asctime)s briefing[%(process)d] %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z"
            )
        )
        file_handler.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
        handlers.append(file_handler)
    root = logging.getLogger("briefing")
    for old in root.handlers:
        old.close()
    root.handlers[:] = handlers
    root.setLevel(min(h.level for h in handlers))
    root.propagate = False
    # Library warnings (numpy, sumy) are not the user's to act on: into the log file, and on
    # standard error only with -v, so that a cron run stays silent.
    logging.captureWarnings(True)
    warned = logging.getLogger("py.warnings")
    warned.handlers[:] = [h for h in handlers if h is not handler or verbose] or [logging.NullHandler()]
    warned.propagate = False


def _private_cache_dir() -> None:
    """Give fontconfig (under WeasyPrint) a writable cache when the environment has none.

    Under cron there may be no HOME, no XDG variables, or a HOME that is not writable; fontconfig
    then cannot keep its cache and WeasyPrint warns or slows down. Only the environment of this
    process changes, and only when needed: an explicit, writable XDG_CACHE_HOME or HOME wins.
    """
    for candidate in (
        os.environ.get("XDG_CACHE_HOME"),
        os.path.join(os.environ["HOME"], ".cache") if os.environ.get("HOME") else None,
    ):
        if candidate and _writable_dir(Path(candidate)):
            return
    private = Path(tempfile.gettempdir()) / f"briefing-cache-{os.getuid()}"
    try:
        private.mkdir(mode=0o700, exist_ok=True)
        info = private.lstat()
        # A shared /tmp: use the folder only if it is ours and nobody else's to write.
        if private.is_symlink() or info.st_uid != os.getuid() or info.st_mode & 0o022:
            raise PermissionError(f"{private} is not a private folder")
    except OSError:
        private = Path(tempfile.mkdtemp(prefix="briefing-cache-"))
    os.environ["XDG_CACHE_HOME"] = str(private)


def _writable_dir(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


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


def _run(
    action: Callable[[], int | None], *, summary: Callable[[int, float, str], str] | None = None
) -> None:
    """Run a command body, turn errors into one-line messages and exit codes, and log the run's
    summary line (``summary(exit code, seconds, why nothing was written)``) whatever the outcome."""
    started = time.monotonic()
    note = ""
    try:
        code = action() or EXIT_OK
    except NothingNewError as exc:
        note = str(exc)
        code = EXIT_NOTHING_NEW
    except (ConfigError, UsageError) as exc:
        log.error("%s", exc)
        code = EXIT_USAGE
    except (BriefingError, OSError) as exc:
        log.error("%s", exc)
        code = EXIT_FAILURE
    except KeyboardInterrupt:
        log.error("interrupted")
        code = 130
    except Exception as exc:  # a bug: one clear line (trace at debug level), not a traceback mail
        log.error("internal error: %s: %s", type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        code = EXIT_FAILURE
    if summary is not None:
        log.log(NOTICE, "%s", summary(code, time.monotonic() - started, note))
    logging.shutdown()
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
    func = click.option("-v", "--verbose", count=True, help="More detail on standard error (-vv: debug).")(
        func
    )
    func = click.option("-q", "--quiet", is_flag=True, help="Only errors on standard error.")(func)
    func = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help=f"YAML configuration (default: ./{DEFAULT_CONFIG} if present, else the packaged defaults).",
    )(func)
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
@click.option(
    "--wait",
    type=click.FloatRange(0, 86400),
    default=0,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another run that holds --out before giving up (exit 1).",
)
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    help="Append messages and the run's summary line to this file (timestamped).",
)
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
    """
    _setup_logging(quiet, verbose, log_file)
    outcome: dict[str, Any] = {}

    def action() -> int:
        from .run.job import BuildOptions
        from .run.job import build as run_build

        _private_cache_dir()
        # SIGTERM (shutdown, `timeout`) unwinds like Ctrl-C, so staged files are removed.
        signal.signal(signal.SIGTERM, _interrupt)
        config = _load_config(config_path)
        options = BuildOptions(
            formats=tuple(f.strip() for f in formats.split(",") if f.strip()) if formats else (),
            when=_parse_date(when),
            summarizer=summarizer,
            force=force,
            workers=workers,
            since=since,
            new_only=new_only,
            skip_unchanged=skip_unchanged,
            wait=wait,
        )
        result = run_build(
            list(inputs) or [DEFAULT_INPUT], config, Path(out_dir), options, progress=_progress(not quiet)
        )
        outcome["result"] = result  # (skipped inputs were logged by the build as it found them)
        return EXIT_OK

    _run(
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
    if result.not_taken:
        parts.append("not taken: " + ", ".join(f"{n} {r}" for r, n in result.not_taken.items()))
    names = [p.name for p in (*result.written, result.manifest) if p is not None]
    folder = result.written[0].parent if result.written else ""
    return f"wrote {', '.join(names)} in {folder}; {'; '.join(parts)}; {seconds:.1f} s"


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@_common
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def quotes(inputs: Sequence[str], config_path: str | None, quiet: bool, verbose: int, as_json: bool) -> None:
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
        lines.append(
            f"{who} — {q.kind}{' · ' + ', '.join(q.topics) if q.topics else ''}\n    “{text}”\n    {where}"
        )
    return "\n".join(lines)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@_common
@click.option(
    "--words",
    type=click.IntRange(10, 100000),
    default=250,
    show_default=True,
    help="Word budget of the summary.",
)
@click.option("--summarizer", help="Summariser name (default: from the config).")
@click.option("--json", "as_json", is_flag=True, help="Print the sentences with their sources as JSON.")
def summarize(
    inputs: Sequence[str],
    config_path: str | None,
    quiet: bool,
    verbose: int,
    words: int,
    summarizer: str | None,
    as_json: bool,
) -> None:
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

    _run(action)
