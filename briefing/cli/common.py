"""What every command shares: logging to standard error and a log file, exit codes, error
mapping (``run``), the common options, configuration loading and the progress bar."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import BriefingError, ConfigError, NothingNewError, UsageError

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


class _LogFile(logging.FileHandler):
    """The ``--log-file`` handler: a write that fails (a full disk, a quota) is remembered, not
    printed as logging's "--- Logging error ---" traceback; ``run`` reports it in one line and
    exits 1, since a cron job whose log cannot be written has lost its record."""

    def __init__(self, path: str) -> None:
        self.failed: OSError | None = None
        super().__init__(path, mode="a", encoding="utf-8")

    def handleError(self, record: logging.LogRecord) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError):
            self.failed = self.failed or exc
            return
        super().handleError(record)

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as exc:
            self.failed = self.failed or exc


def log_file_failure() -> str | None:
    """The one-line message for a ``--log-file`` that could not be written, or None."""
    for handler in logging.getLogger("briefing").handlers:
        if isinstance(handler, _LogFile):
            handler.flush()
            if handler.failed is not None:
                exc = handler.failed
                return f"--log-file: cannot write {handler.baseFilename}: {exc.strerror or exc}"
    return None


def setup_logging(quiet: bool, verbose: int, log_file: str | None = None) -> None:
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
            file_handler: logging.Handler = _LogFile(log_file)
        except OSError as exc:
            raise click.UsageError(f"--log-file: cannot open {log_file}: {exc.strerror or exc}") from None
        file_handler.setFormatter(
            logging.Formatter(
                "%(asctime)s briefing[%(process)d] %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z"
            )
        )
        # The file keeps warnings and one summary line per run; -v adds the stages, -vv debug.
        file_handler.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else NOTICE)
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


def private_cache_dir() -> None:
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
    """A folder we may use: it exists and is writable, or its parent does and we create it alone.

    Never parents: a HOME that does not exist (cron may give ``/nonexistent``) must not be created.
    """
    try:
        if not path.is_dir():
            if not path.parent.is_dir():
                return False
            path.mkdir(exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


def load_config_option(path: str | None) -> Any:
    from ..config import load_config

    if path is None and Path(DEFAULT_CONFIG).is_file():
        path = DEFAULT_CONFIG
    return load_config(path)


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date: expected YYYY-MM-DD, got {value!r}") from None


def run(action: Callable[[], int | None], *, summary: Callable[[int, float, str], str] | None = None) -> None:
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
    failure = log_file_failure()
    if failure:
        # Straight to standard error: the logging handlers may be the very thing that failed.
        with contextlib.suppress(OSError, ValueError):
            print(f"briefing: error: {failure}", file=sys.stderr, flush=True)
        code = code if code not in (EXIT_OK, EXIT_NOTHING_NEW) else EXIT_FAILURE
    for handler in logging.getLogger("briefing").handlers:
        if isinstance(handler, _LogFile):
            with contextlib.suppress(OSError, ValueError):
                handler.close()
    logging.shutdown()
    sys.exit(code)


def progress_bar(enabled: bool) -> Callable[[int, int], None] | None:
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


def common_options(func: F) -> F:
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


# The options of the commands a scheduler runs unattended (build, collect).
log_file_option = click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    help="Append messages and the run's summary line to this file (timestamped).",
)


def wait_option(what: str) -> Callable[[F], F]:
    """``--wait SECONDS``: how long to wait for ``what`` (another run holding the lock)."""
    return click.option(
        "--wait",
        type=click.FloatRange(0, 86400),
        default=0,
        show_default=True,
        metavar="SECONDS",
        help=f"How long to wait for {what} before giving up (exit 1).",
    )
