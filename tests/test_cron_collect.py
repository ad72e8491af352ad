"""A real cron run of the documented two-line crontab: ``collect`` from a feed served on loopback,
then ``build`` from the inbox it filled (about two minutes; deselect with -m "not cron").

The two lines are read from the README's "Collect" section (and must match docs/cron.md), pointed
at temporary folders, this virtual environment's ``briefing`` and the loopback server (the one
change: ``--allow-host 127.0.0.1``), and scheduled every minute. The build line is installed once
cron's collect run has filled the inbox, so the briefing is made from all of it. Without a cron
daemon the test skips locally and fails on CI (``CI`` set): it cannot pass by not running.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from collect_server import Site, articles, page, rss, serve
from crontools import cron_pid

pytestmark = pytest.mark.cron

ROOT = Path(__file__).resolve().parent.parent
BINARY, FEEDS, INBOX, OUTPUT = (
    "/opt/briefing/.venv/bin/briefing",
    "/srv/feeds.yaml",
    "/srv/news",
    "/srv/briefings",
)
PATIENCE = 150  # seconds: cron starts jobs at the turn of the minute, then the run itself
MARKER = "# briefing test_cron_collect (removed by the test)"


def documented_lines() -> tuple[str, str]:
    """The README's collect-then-build crontab (the crontab block with ``briefing collect``)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```crontab\n(.*?)```", text, re.S):
        lines = [line for line in block.splitlines() if line.strip()]
        if any(" collect " in line for line in lines):
            assert len(lines) == 2, lines
            collect, build = lines
            assert re.match(r"^(\S+\s+){5}\S*briefing collect ", collect), collect
            assert re.match(r"^(\S+\s+){5}\S*briefing build ", build), build
            docs = (ROOT / "docs" / "cron.md").read_text(encoding="utf-8")
            assert collect in docs and build in docs, "docs/cron.md and the README show different lines"
            return collect, build
    raise AssertionError("no documented crontab block with 'briefing collect' in README.md")


@pytest.fixture()
def crontab() -> Iterator[None]:
    """The user's crontab as it was is put back afterwards, whatever the test installed."""
    previous = subprocess.run(["crontab", "-l"], capture_output=True, text=True, check=False)
    before = previous.stdout if previous.returncode == 0 else None
    try:
        yield
    finally:
        if before is None:
            subprocess.run(["crontab", "-r"], capture_output=True, check=False)
        else:
            subprocess.run(["crontab", "-"], input=before, text=True, check=True)


def install(lines: list[str]) -> None:
    """The user's crontab (without lines of an earlier install), then ``lines``."""
    previous = subprocess.run(["crontab", "-l"], capture_output=True, text=True, check=False)
    kept = [
        line
        for line in (previous.stdout.splitlines() if previous.returncode == 0 else [])
        if line != MARKER and "briefing-test-collect" not in line
    ]
    table = "\n".join([*kept, MARKER, *lines]) + "\n"
    # cron notices a new crontab by the spool folder's modification time, in whole seconds: a
    # crontab written in the second the daemon started would go unseen, so write it a second on.
    time.sleep(1.1)
    subprocess.run(["crontab", "-"], input=table, text=True, check=True)


def localise(line: str, tmp: Path) -> str:
    """The documented line, every minute, on the test's folders and this environment's binary."""
    for placeholder in (BINARY, INBOX, OUTPUT):
        assert placeholder in line, f"the documented line no longer uses {placeholder}"
    binary = Path(sys.executable).parent / "briefing"
    line = line.replace(BINARY, str(binary)).replace(FEEDS, str(tmp / "feeds.yaml"))
    line = line.replace(INBOX, str(tmp / "news")).replace(OUTPUT, str(tmp / "out"))
    return "* * * * * " + line.split(None, 5)[5] + "  # briefing-test-collect"


def wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(1)
    return False


def situation(log: Path) -> str:
    """What to look at when cron did not do its part: the log, the crontab, the daemon."""
    table = subprocess.run(["crontab", "-l"], capture_output=True, text=True, check=False)
    return (
        f"log: {log.read_text() if log.exists() else 'none'}; crontab now: {table.stdout or table.stderr}; "
        f"cron pid: {cron_pid()} (on a shared machine, another run of a cron test may have replaced the crontab)"
    )


@pytest.fixture()
def site() -> Iterator[Site]:
    yield from serve()


@pytest.mark.usefixtures("cron_daemon", "crontab")
def test_cron_collects_from_a_feed_then_builds_the_briefing(site: Site, tmp_path: Path) -> None:
    collect_line, build_line = documented_lines()
    assert FEEDS in collect_line
    arts = articles()[:4]
    published = datetime.now(UTC) - timedelta(hours=1)
    items = []
    for art in arts:
        site.static(f"/news/{art['slug']}.html", page(art))
        items.append(
            {
                "title": art["title"],
                "link": f"{site.base}/news/{art['slug']}.html",
                "guid": f"{site.base}/news/{art['slug']}",
                "published": published,
                "author": art["author"],
            }
        )
    site.static("/rss.xml", rss(items), "application/rss+xml", etag='"cron-1"')
    (tmp_path / "feeds.yaml").write_text(
        yaml.safe_dump({"feeds": [{"url": f"{site.base}/rss.xml"}]}), encoding="utf-8"
    )
    news, out = tmp_path / "news", tmp_path / "out"
    collect_log = out / "collect.log"
    collector = localise(collect_line, tmp_path).replace(" collect ", " collect --allow-host 127.0.0.1 ", 1)

    install([collector])

    def collected() -> bool:
        return collect_log.exists() and "NOTICE collected 4 new articles" in collect_log.read_text()

    assert wait_for(collected, PATIENCE), f"cron collected nothing in {PATIENCE} s; {situation(collect_log)}"
    assert len(list(news.glob("*.txt"))) == 4

    install([collector, localise(build_line, tmp_path)])
    name = f"briefing-{date.today().isoformat()}"
    manifest = out / f"{name}.manifest.json"
    log = out / "briefing.log"
    assert wait_for(manifest.exists, PATIENCE), f"cron built no briefing in {PATIENCE} s; {situation(log)}"
    record = json.loads(manifest.read_text())
    assert len(record["articles"]) == 4
    assert {Path(a["path"]).parent for a in record["articles"]} == {news}
    for entry in record["outputs"]:
        assert (out / entry["path"]).stat().st_size == entry["bytes"]
    assert (out / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    briefing_md = (out / f"{name}.md").read_text(encoding="utf-8")
    assert "Vastland" in briefing_md
    assert "NOTICE wrote " + name in log.read_text()
    # Every later collect run asked conditionally and got 304: nothing fetched twice.
    feed_hits = site.requests("/rss.xml")
    assert all(h.headers.get("If-None-Match") == '"cron-1"' for h in feed_hits[1:])
    assert all(len(site.requests(f"/news/{a['slug']}.html")) == 1 for a in arts)
