"""``briefing collect``: news feeds and their pages into an inbox folder, from cron."""

from __future__ import annotations

import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import BriefingError, NothingNewError, UsageError
from . import main
from .common import (
    EXIT_NOTHING_NEW,
    EXIT_OK,
    EXIT_USAGE,
    common_options,
    load_config_option,
    log_file_option,
    run,
    setup_logging,
    wait_option,
)


@main.command()
@common_options
@click.option(
    "--feeds",
    "feeds_path",
    type=click.Path(dir_okay=False),
    help="YAML file of feeds (feeds: [{url, outlet, topics}]); default: feeds: in the config.",
)
@click.option(
    "--into",
    "inbox",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder the article files are written to (created if missing): the input of build.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="Also allow this host name, address or network (loopback, private); repeatable.",
)
@click.option(
    "--since",
    metavar="SPAN|DATE",
    help="Skip items published before this: 24h, 7d, 90m, 2w or YYYY-MM-DD.",
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False),
    help="State file remembering what was fetched (default: INBOX/.briefing-collect.json).",
)
@wait_option("another collect run into INBOX")
@log_file_option
def collect(
    config_path: str | None,
    quiet: bool,
    verbose: int,
    feeds_path: str | None,
    inbox: str,
    allow_hosts: Sequence[str],
    since: str | None,
    state_path: str | None,
    wait: float,
    log_file: str | None,
) -> None:
    """Fetch new items of RSS, Atom and JSON feeds into INBOX as article files.

    Each new item's page is fetched (or the feed's full content used), its
    article extracted and written to INBOX/<id>.txt with its title, outlet,
    url, published date and author; `briefing build INBOX` reads them.
    Feeds are polled with conditional GETs; each item is fetched once
    (INBOX/.briefing-collect.json remembers). Only http(s) URLs of public
    addresses are requested: loopback, private and link-local hosts need
    --allow-host. Every refusal is logged with the URL and the reason.

    \b
    Exit codes: 0 new articles written; 1 failure (every feed failed,
    INBOX in use); 2 usage or configuration error; 3 nothing new.

    \b
    Examples:
      briefing collect --feeds feeds.yaml --into /srv/news
      briefing collect --into /srv/news --since 24h --config /etc/briefing.yaml
      briefing collect --feeds feeds.yaml --into news/ --allow-host intranet.example -v
      briefing collect --feeds /srv/feeds.yaml --into /srv/news --since 2d \\
          --quiet --log-file /srv/briefings/collect.log      # from cron
    """
    setup_logging(quiet, verbose, log_file)
    outcome: dict[str, Any] = {}

    def action() -> int:
        from ..collect.job import CollectOptions
        from ..collect.job import collect as run_collect
        from ..collect.settings import load_feeds
        from ..run.window import parse_since

        signal.signal(signal.SIGTERM, _interrupt)  # unwinds like Ctrl-C: the state is still saved
        config = load_config_option(config_path)
        names = {t.name for t in config.topics}
        feeds = load_feeds(feeds_path, names) if feeds_path else config.feeds
        if not feeds:
            raise UsageError("no feeds: pass --feeds FILE or list them under feeds: in the configuration")
        start = parse_since(since).astimezone() if since else None
        options = CollectOptions(
            into=Path(inbox),
            since=start,
            state_path=Path(state_path) if state_path else None,
            allow_hosts=tuple(allow_hosts),
            wait=wait,
        )
        result = run_collect(feeds, config.topics, config.collect, options)
        outcome["result"] = result
        if result.feeds and len(result.failed_feeds) == result.feeds:
            raise BriefingError(f"every feed failed ({len(result.failed_feeds)})")
        if not result.written:
            raise NothingNewError("no new item")
        return EXIT_OK

    run(action, summary=lambda code, seconds, note: _summary(code, seconds, inbox, outcome.get("result")))


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _summary(code: int, seconds: float, inbox: str, result: Any) -> str:
    """The one line a collect run logs: articles written, feeds, items skipped and refused, time."""
    if result is None:
        what = "not run (usage or config error)" if code == EXIT_USAGE else f"failed (exit {code})"
        return f"{what}; {seconds:.1f} s"
    n = len(result.written)
    head = f"collected {n} new article{'s' if n != 1 else ''} into {inbox}"
    if code == EXIT_NOTHING_NEW:
        head = f"nothing new in {inbox}"
    elif code not in (EXIT_OK, EXIT_NOTHING_NEW):
        head = f"failed (exit {code}); {head}"
    feeds = f"{result.feeds} feed{'s' if result.feeds != 1 else ''}"
    details = [
        d
        for d in (
            f"{result.not_modified} not modified" if result.not_modified else "",
            f"{len(result.failed_feeds)} failed" if result.failed_feeds else "",
        )
        if d
    ]
    parts = [feeds + (f" ({', '.join(details)})" if details else "")]
    for count, label in (
        (result.known, "seen before"),
        (result.older, "older than --since"),
        (result.filtered, "off the feed's topics"),
        (len(result.refused), "refused"),
        (len(result.failed), "failed (retried next run)"),
    ):
        if count:
            parts.append(f"{count} {label}")
    return f"{head}; {'; '.join(parts)}; {seconds:.1f} s"


__all__ = ["collect"]
