"""``briefing collect`` against a real HTTP server on loopback: RSS, Atom and JSON feeds, article
pages, conditional GETs across runs, failing feeds. (Hostile feeds and pages: test_collect_hostile.)

Only 127.0.0.1 is ever contacted, and only because each test allows it (``--allow-host``).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from collect_server import Site, articles, atom, body_html, json_feed, page, rss, serve

from briefing.ingest import read_path

NOW = datetime.now(UTC).replace(microsecond=0)
FAST = "collect:\n  delay: 0\n  timeout: 10\n  deadline: 30\n"  # no waiting; generous on a busy machine


@pytest.fixture()
def site() -> Iterator[Site]:
    yield from serve()


def config(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "briefing.yaml"
    path.write_text(FAST + extra, encoding="utf-8")
    return path


def feeds_file(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    import yaml

    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump({"feeds": list(entries)}), encoding="utf-8")
    return path


def collect(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command line, in a child process, as cron would run it."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", "collect", "--allow-host", "127.0.0.1", *map(str, args)],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def item(site: Site, article: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "title": article["title"],
        "link": f"{site.base}/news/{article['slug']}.html",
        "guid": f"{site.base}/news/{article['slug']}",
        "published": NOW - timedelta(hours=2),
        "author": article["author"],
        **extra,
    }


def serve_three_feeds(site: Site) -> list[dict[str, Any]]:
    """RSS (links to pages; ETag), Atom (full content; Last-Modified), JSON Feed (one linked
    page, one full content; both validators)."""
    arts = articles()
    for art in arts:
        site.static(f"/news/{art['slug']}.html", page(art))
    site.static("/robots.txt", "User-agent: *\nDisallow: /admin/\n", "text/plain")
    site.static("/rss.xml", rss([item(site, a) for a in arts[:2]]), "application/rss+xml", etag='"rss-1"')
    site.static(
        "/atom.xml",
        atom([item(site, arts[2], content=body_html(arts[2]), guid="urn:example:troops")]),
        "application/atom+xml",
        last_modified="Tue, 01 Dec 2026 06:00:00 GMT",
    )
    site.static(
        "/feed.json",
        json_feed([item(site, arts[3]), item(site, arts[4], content=body_html(arts[4]), guid="summit-1")]),
        "application/feed+json",
        etag='W/"json-1"',
        last_modified="Tue, 01 Dec 2026 06:30:00 GMT",
    )
    return arts


def test_rss_atom_and_json_feeds_are_collected_once_across_three_runs(site: Site, tmp_path: Path) -> None:
    arts = serve_three_feeds(site)
    feeds = feeds_file(
        tmp_path,
        {"url": f"{site.base}/rss.xml", "outlet": "Vastland Courier"},
        {"url": f"{site.base}/atom.xml"},
        {"url": f"{site.base}/feed.json"},
    )
    inbox = tmp_path / "inbox"
    conf = config(tmp_path)

    first = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    assert first.returncode == 0, first.stderr
    files = sorted(inbox.glob("*.txt"))
    assert len(files) == 5
    assert "collected 5 new articles into" in first.stderr
    read = {}
    for path in files:
        (article,), errors = read_path(path)
        assert not errors
        read[article.title] = article
    assert set(read) == {a["title"] for a in arts}
    for art in arts:
        got = read[art["title"]]
        assert got.author == art["author"]
        assert got.url == f"{site.base}/news/{art['slug']}.html"
        assert got.published == (NOW - timedelta(hours=2)).date()
        # The article's own text, without the page's navigation, newsletter prompt and footer.
        assert art["paragraphs"][0] in got.text and art["paragraphs"][-1] in got.text
        assert "newsletter" not in got.text and "All rights reserved" not in got.text
    assert read[arts[0]["title"]].source == "Vastland Courier"  # configured outlet
    assert read[arts[2]["title"]].source == "Kesselmark Daily"  # the feed's own title
    assert read[arts[3]["title"]].source == "Orl Harbour Radio"
    # Pages were fetched for the items without full content, once each; the others not at all.
    for art, fetched in zip(arts, (1, 1, 0, 1, 0), strict=True):
        assert len(site.requests(f"/news/{art['slug']}.html")) == fetched, art["slug"]
    assert len(site.requests("/robots.txt")) == 1
    agent = site.requests("/rss.xml")[0].headers["User-Agent"]
    assert agent.startswith("briefing/") and "collector" in agent

    second = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    third = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    for run in (second, third):
        assert run.returncode == 3, run.stderr
        assert "nothing new" in run.stderr and "3 not modified" in run.stderr
    assert sorted(inbox.glob("*.txt")) == files
    # Conditional GETs: each feed asked three times, the later two with the validators it was given.
    rss_hits, atom_hits, json_hits = (site.requests(p) for p in ("/rss.xml", "/atom.xml", "/feed.json"))
    assert len(rss_hits) == len(atom_hits) == len(json_hits) == 3
    assert "If-None-Match" not in rss_hits[0].headers
    assert [h.headers.get("If-None-Match") for h in rss_hits[1:]] == ['"rss-1"', '"rss-1"']
    assert [h.headers.get("If-Modified-Since") for h in atom_hits[1:]] == [
        "Tue, 01 Dec 2026 06:00:00 GMT"
    ] * 2
    assert all(h.headers.get("If-None-Match") == 'W/"json-1"' for h in json_hits[1:])
    for art in arts:  # no page fetched a second time
        assert len(site.requests(f"/news/{art['slug']}.html")) <= 1
    assert (inbox / ".briefing-collect.json").exists()


def test_a_changed_feed_brings_only_its_new_item(site: Site, tmp_path: Path) -> None:
    arts = articles()
    for art in arts:
        site.static(f"/news/{art['slug']}.html", page(art))
    site.static("/rss.xml", rss([item(site, arts[0])]), "application/rss+xml", etag='"v1"')
    feeds = feeds_file(tmp_path, {"url": f"{site.base}/rss.xml"})
    inbox, conf = tmp_path / "inbox", config(tmp_path)
    assert collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf).returncode == 0
    site.static(
        "/rss.xml", rss([item(site, arts[1]), item(site, arts[0])]), "application/rss+xml", etag='"v2"'
    )
    again = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    assert again.returncode == 0, again.stderr
    assert "collected 1 new article into" in again.stderr and "1 seen before" in again.stderr
    assert len(list(inbox.glob("*.txt"))) == 2
    assert len(site.requests(f"/news/{arts[0]['slug']}.html")) == 1


def test_a_failing_feed_does_not_stop_the_others(site: Site, tmp_path: Path) -> None:
    arts = articles()
    site.static(f"/news/{arts[0]['slug']}.html", page(arts[0]))
    site.static("/good.xml", rss([item(site, arts[0])]), "application/rss+xml")
    site.static("/broken.xml", "Internal error", "text/plain", status=500)
    site.static("/notafeed.xml", "<html><body>Hello</body></html>", "text/html")
    feeds = feeds_file(
        tmp_path,
        {"url": f"{site.base}/broken.xml"},
        {"url": f"{site.base}/notafeed.xml"},
        {"url": f"{site.base}/missing.xml"},
        {"url": "http://127.0.0.1:9/closed.xml"},  # the discard port: nothing listens
        {"url": f"{site.base}/good.xml"},
    )
    inbox = tmp_path / "inbox"
    result = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", config(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(list(inbox.glob("*.txt"))) == 1
    lines = result.stderr.splitlines()
    for path, reason in (
        ("/broken.xml", "HTTP 500"),
        ("/notafeed.xml", "not an RSS, Atom or JSON feed"),
        ("/missing.xml", "HTTP 404"),
    ):
        assert any(f"feed {site.base}{path} failed: {reason}" in line for line in lines), (path, lines)
    assert any("feed http://127.0.0.1:9/closed.xml failed: " in line for line in lines)
    assert "5 feeds (4 failed)" in lines[-1]


def test_every_feed_failing_is_a_failure(site: Site, tmp_path: Path) -> None:
    site.static("/broken.xml", "Internal error", "text/plain", status=503)
    feeds = feeds_file(tmp_path, {"url": f"{site.base}/broken.xml"})
    result = collect(tmp_path, "--feeds", feeds, "--into", tmp_path / "inbox", "--config", config(tmp_path))
    assert result.returncode == 1
    assert "every feed failed" in result.stderr


def test_items_older_than_since_are_not_fetched(site: Site, tmp_path: Path) -> None:
    arts = articles()
    for art in arts[:2]:
        site.static(f"/news/{art['slug']}.html", page(art))
    old = item(site, arts[1], published=NOW - timedelta(days=5))
    site.static("/rss.xml", rss([item(site, arts[0]), old]), "application/rss+xml")
    feeds = feeds_file(tmp_path, {"url": f"{site.base}/rss.xml"})
    inbox = tmp_path / "inbox"
    result = collect(
        tmp_path, "--feeds", feeds, "--into", inbox, "--since", "2d", "--config", config(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert "1 older than --since" in result.stderr
    assert len(list(inbox.glob("*.txt"))) == 1
    assert site.requests(f"/news/{arts[1]['slug']}.html") == []


def test_the_topics_filter_keeps_only_matching_items(site: Site, tmp_path: Path) -> None:
    arts = articles()  # [0] is about sanctions, [4] about a summit and nothing else
    for art in (arts[0], arts[4]):
        site.static(f"/news/{art['slug']}.html", page(art))
    site.static("/rss.xml", rss([item(site, arts[0]), item(site, arts[4])]), "application/rss+xml")
    feeds = feeds_file(tmp_path, {"url": f"{site.base}/rss.xml", "topics": ["sanctions"]})
    inbox = tmp_path / "inbox"
    result = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", config(tmp_path))
    assert result.returncode == 0, result.stderr
    written = list(inbox.glob("*.txt"))
    assert len(written) == 1, result.stderr
    assert arts[0]["title"] in written[0].read_text(encoding="utf-8")
    assert "1 off the feed's topics" in result.stderr, result.stderr


def test_robots_txt_is_respected_for_pages(site: Site, tmp_path: Path) -> None:
    arts = articles()
    site.static("/robots.txt", "User-agent: briefing\nDisallow: /members/\n", "text/plain")
    site.static(f"/members/{arts[0]['slug']}.html", page(arts[0]))
    site.static(f"/news/{arts[1]['slug']}.html", page(arts[1]))
    hidden = item(site, arts[0], link=f"{site.base}/members/{arts[0]['slug']}.html")
    site.static("/rss.xml", rss([hidden, item(site, arts[1])]), "application/rss+xml")
    feeds = feeds_file(tmp_path, {"url": f"{site.base}/rss.xml"})
    inbox = tmp_path / "inbox"
    result = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", config(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(list(inbox.glob("*.txt"))) == 1
    assert site.requests(f"/members/{arts[0]['slug']}.html") == []
    assert f"refused {site.base}/members/{arts[0]['slug']}.html: disallowed by" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    nothing = collect(tmp_path, "--into", tmp_path / "inbox")
    assert nothing.returncode == 2 and "no feeds" in nothing.stderr
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds:\n  - url: ftp://example.org/feed\n", encoding="utf-8")
    wrong = collect(tmp_path, "--feeds", bad, "--into", tmp_path / "inbox")
    assert wrong.returncode == 2
    assert "feeds.yaml:2: feeds[0].url: expected an http:// or https:// URL" in wrong.stderr
    assert not (tmp_path / "inbox").exists()


def test_an_item_that_failed_for_now_is_tried_again_next_run(site: Site, tmp_path: Path) -> None:
    arts = articles()
    link = f"/news/{arts[0]['slug']}.html"
    site.static(link, "Service unavailable", "text/plain", status=503)
    site.static("/rss.xml", rss([item(site, arts[0])]), "application/rss+xml", etag='"v1"')
    feeds = feeds_file(tmp_path, {"url": f"{site.base}/rss.xml"})
    inbox, conf = tmp_path / "inbox", config(tmp_path)
    first = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    assert first.returncode == 3 and f"failed {site.base}{link}: HTTP 503" in first.stderr
    assert "1 failed (retried next run)" in first.stderr
    site.static(link, page(arts[0]))
    second = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    assert second.returncode == 0, second.stderr
    assert len(list(inbox.glob("*.txt"))) == 1
    # The feed kept no validators while its item was pending, so it was listed again in full.
    assert [h.headers.get("If-None-Match") for h in site.requests("/rss.xml")] == [None, None]
    third = collect(tmp_path, "--feeds", feeds, "--into", inbox, "--config", conf)
    assert third.returncode == 3 and site.requests("/rss.xml")[-1].headers.get("If-None-Match") == '"v1"'
