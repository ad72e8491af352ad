"""Hostile feeds and pages: each is refused with one clear log line naming the URL and the reason,
and nothing is written for it, while the good item beside them is still collected.

The refused addresses (10.0.0.1, 169.254.169.254) are never contacted: every connection the run
opens is recorded, and all of them go to 127.0.0.1, the one host the test allows.
"""

from __future__ import annotations

import socket
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from collect_server import Site, articles, page, rss, serve

from briefing.cli import main

NOW = datetime.now(UTC)
FIFTY_MB = 50 * 1024 * 1024
# Short time-outs so the slow pages cost seconds; the size limit is the packaged default (10 MiB).
CONFIG = "collect:\n  delay: 0\n  timeout: 1\n  deadline: 3\n"


@pytest.fixture()
def site() -> Iterator[Site]:
    yield from serve()


@pytest.fixture()
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address the run connects to (the server's own sockets do not connect out)."""
    seen: list[tuple[str, int]] = []
    real = socket.create_connection

    def spy(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        seen.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", spy)
    return seen


def entry(site: Site, slug: str, link: str, title: str = "") -> dict[str, Any]:
    return {
        "title": title or f"Item {slug}",
        "link": link,
        "guid": f"{site.base}/guid/{slug}",
        "published": NOW - timedelta(hours=1),
        "author": "Lisbet Quarry",
    }


def streamed(chunks: Callable[[], Iterator[bytes]], headers: dict[str, str]) -> Any:
    """A route that sends ``chunks`` with no Content-Length (the body ends when the connection
    closes), so only reading it tells its size."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        for name, value in {"Content-Type": "text/html", "Connection": "close", **headers}.items():
            h.send_header(name, value)
        h.end_headers()
        for chunk in chunks():
            h.wfile.write(chunk)
        h.close_connection = True

    return route


def endless_gzip() -> Iterator[bytes]:
    """A gzip stream of zeros that never ends: it cannot be inflated first and checked after."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    while True:
        yield packer.compress(block)


def slow_headers(h: BaseHTTPRequestHandler) -> None:
    time.sleep(5)  # longer than the 1 s read time-out
    h.send_response(200)
    h.end_headers()


def trickle(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    for _ in range(100):  # a byte every 0.2 s: never silent for 1 s, but past the 3 s deadline
        h.wfile.write(b"<")
        h.wfile.flush()
        time.sleep(0.2)


def fifty_mb_declared(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(FIFTY_MB))
    h.end_headers()
    block = b"<p>" + b"x" * (1 << 20) + b"</p>"
    for _ in range(50):
        h.wfile.write(block)


def serve_hostile(site: Site) -> dict[str, str]:
    """The hostile routes and the good one; returns what each link is, by name."""
    good = articles()[0]
    site.static("/news/good.html", page(good))
    site.routes["/gzip-bomb.html"] = streamed(endless_gzip, {"Content-Encoding": "gzip"})
    site.routes["/fifty-declared.html"] = fifty_mb_declared
    site.routes["/fifty-streamed.html"] = streamed(
        lambda: (b"<p>" + b"y" * (1 << 20) + b"</p>" for _ in range(50)), {}
    )
    site.routes["/slow.html"] = slow_headers
    site.routes["/trickle.html"] = trickle
    site.redirect("/to-metadata.html", "http://169.254.169.254/latest/meta-data/iam/security-credentials/")
    links = {
        "metadata": "http://169.254.169.254/latest/meta-data/",
        "file": "file:///etc/passwd",
        "data": "data:text/html,<p>Injected</p>",
        "bomb": f"{site.base}/gzip-bomb.html",
        "fifty-declared": f"{site.base}/fifty-declared.html",
        "fifty-streamed": f"{site.base}/fifty-streamed.html",
        "slow": f"{site.base}/slow.html",
        "trickle": f"{site.base}/trickle.html",
        "redirect-metadata": f"{site.base}/to-metadata.html",
    }
    items = [entry(site, name, link) for name, link in links.items()]
    items.append(entry(site, "good", f"{site.base}/news/good.html", good["title"]))
    site.static("/hostile.xml", rss(items), "application/rss+xml")
    site.redirect("/moved.xml", "http://10.0.0.1/feed.xml")
    site.static(
        "/laughs.xml",
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
        '<rss version="2.0"><channel><title>&lol2;</title></channel></rss>',
        "application/rss+xml",
    )
    return links


def run_collect(tmp_path: Path, site: Site, *feeds: str) -> tuple[int, list[str]]:
    feeds_path = tmp_path / "feeds.yaml"
    feeds_path.write_text(
        yaml.safe_dump({"feeds": [{"url": site.base + f} for f in feeds]}), encoding="utf-8"
    )
    conf = tmp_path / "briefing.yaml"
    conf.write_text(CONFIG, encoding="utf-8")
    args = ["collect", "--feeds", str(feeds_path), "--into", str(tmp_path / "inbox"), "--config", str(conf)]
    result = CliRunner().invoke(main, [*args, "--allow-host", "127.0.0.1"])
    return result.exit_code, result.stderr.splitlines()


def test_hostile_links_and_pages_are_refused_and_nothing_is_written_for_them(
    site: Site, tmp_path: Path, connections: list[tuple[str, int]]
) -> None:
    links = serve_hostile(site)
    code, lines = run_collect(tmp_path, site, "/hostile.xml")
    assert code == 0, lines
    (written,) = (tmp_path / "inbox").glob("*.txt")  # the good item, and only it
    names = {p.name for p in (tmp_path / "inbox").iterdir()}
    assert names == {written.name, ".briefing-collect.json", ".briefing-collect.lock"}  # no leftovers
    assert "Vastland weighs new sanctions" in written.read_text(encoding="utf-8")
    expected = {
        "metadata": "169.254.169.254 is a link-local address (cloud metadata lives there); not fetched",
        "file": "scheme file: not allowed (http and https only)",
        "data": "scheme data: not allowed (http and https only)",
        "bomb": "decompressed body is over the 10485760-byte limit",
        "fifty-declared": f"body of {FIFTY_MB} bytes is over the 10485760-byte limit",
        "fifty-streamed": "body is over the 10485760-byte limit",
        "slow": "timed out (no data for 1 s)",
        "trickle": "took longer than the 3 s deadline",
    }
    for name, reason in expected.items():
        # (feedparser hands the file: link on as "file://etc/passwd": matched by its scheme)
        needle = "refused file:" if name == "file" else f" {links[name]}: "
        mine = [line for line in lines if needle in line]
        assert len(mine) == 1, (name, lines)
        assert mine[0].startswith("briefing: warning: refused ") and reason in mine[0], (name, mine)
    hop = [line for line in lines if "169.254.169.254/latest/meta-data/iam/" in line]
    assert len(hop) == 1 and f"redirected from {links['redirect-metadata']}" in hop[0], lines
    assert "1 new article" in lines[-1] and "9 refused" in lines[-1]
    assert {host for host, _ in connections} == {"127.0.0.1"}
    # The bomb was refused while streaming: it never ends, so it cannot have been read whole.
    assert site.requests("/gzip-bomb.html")


def test_a_feed_redirecting_to_a_private_address_is_refused(
    site: Site, tmp_path: Path, connections: list[tuple[str, int]]
) -> None:
    serve_hostile(site)
    code, lines = run_collect(tmp_path, site, "/moved.xml", "/laughs.xml")
    assert code == 1, lines  # every feed failed
    (moved,) = [line for line in lines if "http://10.0.0.1/feed.xml" in line]
    assert moved.startswith("briefing: warning: refused http://10.0.0.1/feed.xml: ")
    assert "10.0.0.1 is a private address; not fetched" in moved and "redirected from" in moved
    (laughs,) = [line for line in lines if "/laughs.xml" in line]
    assert "XML entity declarations are not accepted" in laughs
    assert not list((tmp_path / "inbox").glob("*.txt"))
    assert {host for host, _ in connections} == {"127.0.0.1"}


def test_refused_items_are_not_tried_again(site: Site, tmp_path: Path) -> None:
    links = serve_hostile(site)
    run_collect(tmp_path, site, "/hostile.xml")
    asked = len(site.requests("/fifty-declared.html"))
    code, lines = run_collect(tmp_path, site, "/hostile.xml")
    assert code == 3
    assert len(site.requests("/fifty-declared.html")) == asked  # refused for good: remembered
    # A time-out may pass: the slow pages are tried again, and refused again.
    assert any(f"refused {links['slow']}: timed out" in line for line in lines)
    assert not any(links["metadata"] in line for line in lines)
