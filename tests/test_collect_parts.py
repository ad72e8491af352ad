"""The parts of ``briefing collect`` one by one: the address guard, the HTTP client's limits and
politeness (on a loopback server), feed parsing, the state file, article files, configuration."""

from __future__ import annotations

import ipaddress
import itertools
import json
import logging
import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from collect_server import Site, serve

from briefing.collect.feeds import parse_feed
from briefing.collect.fetch import Client, HostGate, Limits
from briefing.collect.guard import Guard, non_public_reason
from briefing.collect.settings import load_feeds
from briefing.collect.state import State
from briefing.collect.write import Collected, render, write_article
from briefing.config import load_config
from briefing.errors import ConfigError, FetchError, RefusedError
from briefing.ingest import read_path


@pytest.fixture()
def site() -> Iterator[Site]:
    yield from serve()


# --- the guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.200.0.9", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public address"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fd00::5", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_non_public_addresses_are_named(address: str, reason: str | None) -> None:
    found = non_public_reason(ipaddress.ip_address(address))
    assert (found is None) if reason is None else (found is not None and reason in found)


def fake_resolver(table: dict[str, list[str]], calls: list[str]) -> Any:
    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return table[host]

    return resolve


def test_every_resolved_address_is_checked() -> None:
    calls: list[str] = []
    table = {"news.example": ["93.184.216.34"], "mixed.example": ["93.184.216.34", "10.0.0.7"]}
    guard = Guard(resolver=fake_resolver(table, calls))
    assert guard.check("https://news.example/a?b=1").addresses == ("93.184.216.34",)
    with pytest.raises(RefusedError, match=r"mixed\.example resolves to 10\.0\.0\.7, which is a private"):
        guard.check("http://mixed.example/feed")
    with pytest.raises(RefusedError, match="cannot resolve") as failed:
        guard.check("http://nowhere.example/")
    assert not failed.value.permanent  # a DNS failure may pass; the others are for good


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f.0.0.1/",
        "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1%25eth0]/",
    ],
)
def test_address_literals_in_any_spelling_are_refused_without_a_lookup(url: str) -> None:
    calls: list[str] = []
    with pytest.raises(RefusedError, match="not fetched") as refused:
        Guard(resolver=fake_resolver({}, calls)).check(url)
    assert refused.value.permanent and calls == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "scheme file: not allowed"),
        ("data:text/html,<b>x</b>", "scheme data: not allowed"),
        ("ftp://example.org/feed", "scheme ftp: not allowed"),
        ("javascript:alert(1)", "scheme javascript: not allowed"),
        ("//example.org/feed", "scheme (none) not allowed"),
        ("http://user:secret@example.org/", "credentials in the URL"),
        ("http://example.org:99999/", "invalid port"),
        ("http://example.org/a\r\nX-Injected: 1", "control characters"),
    ],
)
def test_urls_that_are_not_plain_http_are_refused(url: str, reason: str) -> None:
    with pytest.raises(RefusedError, match=re.escape(reason)):
        Guard(resolver=fake_resolver({"example.org": ["93.184.216.34"]}, [])).check(url)


def test_allowed_hosts_and_networks_are_exempt() -> None:
    table = {"intranet.example": ["10.0.0.7"], "other.example": ["10.9.9.9"]}
    guard = Guard(["intranet.example", "192.168.0.0/16", "127.0.0.1"], fake_resolver(table, []))
    assert guard.check("http://intranet.example/").addresses == ("10.0.0.7",)
    assert guard.check("http://192.168.4.4/").addresses == ("192.168.4.4",)
    assert guard.check("http://127.0.0.1:8080/").port == 8080
    with pytest.raises(RefusedError, match=re.escape("allow it with --allow-host other.example")):
        guard.check("http://other.example/")
    with pytest.raises(RefusedError):
        guard.check("http://127.0.0.2/")


# --- the client -------------------------------------------------------------------------------


def test_the_client_connects_to_the_address_it_checked(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """No second look-up between the check and the connection: a rebinding answer cannot win."""
    site.static("/feed.xml", "<rss/>", "application/rss+xml")
    calls: list[str] = []
    guard = Guard(["127.0.0.1"], fake_resolver({"news.test": ["127.0.0.1"]}, calls))
    seen: list[tuple[str, int]] = []
    real = socket.create_connection
    monkeypatch.setattr(socket, "create_connection", lambda a, *r, **k: seen.append(a) or real(a, *r, **k))
    lookup = socket.getaddrinfo  # (create_connection still parses the numeric address with it)

    def no_second_lookup(host: str, *args: Any, **kwargs: Any) -> Any:
        assert host == "127.0.0.1", f"a second DNS look-up of {host}"
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_second_lookup)
    port = int(site.base.rsplit(":", 1)[1])
    response = Client(guard, HostGate(0), Limits()).get(f"http://news.test:{port}/feed.xml")
    assert response.status == 200 and response.body == b"<rss/>"
    assert calls == ["news.test"] and seen == [("127.0.0.1", port)]
    assert site.requests("/feed.xml")[0].headers["Host"] == f"news.test:{port}"


def test_redirects_are_limited_and_each_hop_checked(site: Site) -> None:
    for i in range(10):
        site.redirect(f"/r{i}", f"{site.base}/r{i + 1}")
    site.static("/r3", "arrived", "text/plain")
    client = Client(Guard(["127.0.0.1"]), HostGate(0), Limits(redirects=2))
    with pytest.raises(RefusedError, match="more than 2 redirects"):
        client.get(f"{site.base}/r0")
    assert (
        Client(Guard(["127.0.0.1"]), HostGate(0), Limits(redirects=3)).get(f"{site.base}/r0").body
        == b"arrived"
    )
    site.redirect("/out", "file:///etc/passwd")
    with pytest.raises(RefusedError, match=r"scheme file: not allowed.*redirected from"):
        client.get(f"{site.base}/out")


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site) -> None:
    site.static("/x", "x", "text/plain")
    client = Client(Guard(["127.0.0.1"]), HostGate(0.3), Limits())
    for _ in range(3):
        client.get(f"{site.base}/x")
    times = [h.when for h in site.requests("/x")]
    assert len(times) == 3 and min(b - a for a, b in itertools.pairwise(times)) >= 0.28


def test_a_corrupt_gzip_body_is_an_error(site: Site) -> None:
    def route(h: Any) -> None:
        h.send_response(200)
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", "12")
        h.end_headers()
        h.wfile.write(b"not gzip at all"[:12])

    site.routes["/bad"] = route
    with pytest.raises(FetchError, match="corrupt gzip body"):
        Client(Guard(["127.0.0.1"]), HostGate(0), Limits()).get(f"{site.base}/bad")


# --- feeds ------------------------------------------------------------------------------------


def test_external_entities_are_refused() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>&xxe;</title></channel></rss>'
    )
    with pytest.raises(RefusedError, match="entity"):
        parse_feed(xxe, "http://feeds.example/rss")
    broken = b'<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss version="2.0"><channel><title>&a;</channel>'
    with pytest.raises(RefusedError, match="entity"):
        parse_feed(broken, "http://feeds.example/rss")


def test_json_feed_fields_and_plain_text_content() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Dellin Evening Post",
        "items": [
            {
                "id": "42",
                "url": "/story/42",
                "title": "Tram line reopens",
                "date_published": "2026-11-30T18:00:00+01:00",
                "author": {"name": "Rasmus Okoye"},
                "content_text": "The tram line reopened.\n\nPassengers cheered.",
            }
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "http://post.example/feed.json", "application/feed+json")
    (item,) = feed.items
    assert feed.title == "Dellin Evening Post"
    assert item.url == "http://post.example/story/42" and item.author == "Rasmus Okoye"
    assert item.published == datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
    assert item.key == "http://post.example/feed.json#42"  # a bare guid is unique within its feed
    assert item.content == "<p>The tram line reopened.</p>\n<p>Passengers cheered.</p>"
    with pytest.raises(FetchError, match="not an RSS, Atom or JSON feed"):
        parse_feed(b'{"items": []}', "http://post.example/feed.json")


def test_rss_author_addresses_become_names() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
        b"<link>http://t.example/a</link><author>desk@t.example (Signe Halvorsen)</author></item>"
        b"<item><title>B</title><link>http://t.example/b</link><author>desk@t.example</author></item>"
        b"</channel></rss>"
    )
    first, second = parse_feed(rss, "http://t.example/rss").items
    assert first.author == "Signe Halvorsen" and second.author is None
    assert first.key == "http://t.example/a"  # no guid: the link is the identity


# --- state and files ------------------------------------------------------------------------


def test_state_round_trip_prune_and_a_corrupt_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / ".briefing-collect.json"
    state = State(path)
    state.fetched_feed("http://f.example/rss", '"e1"', "Mon, 30 Nov 2026 10:00:00 GMT")
    state.record("aaaa", "http://f.example/a", "collected", "aaaa.txt")
    state.record("bbbb", "http://f.example/b", "refused", "too large")
    state.items["bbbb"]["seen"] = "2020-01-01T00:00:00+00:00"
    state.prune()
    state.save()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    again = State.load(path)
    assert again.validators("http://f.example/rss") == {
        "If-None-Match": '"e1"',
        "If-Modified-Since": "Mon, 30 Nov 2026 10:00:00 GMT",
    }
    assert again.known("aaaa") and not again.known("bbbb")
    again.fetched_feed("http://f.example/atom", 'W/"x"\r\nX-Injected: 1', "Mon, 30 Nov 2026 10:00:00 GMT")
    assert again.validators("http://f.example/atom") == {"If-Modified-Since": "Mon, 30 Nov 2026 10:00:00 GMT"}
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        assert State.load(path).items == {}
    assert "unreadable" in caplog.text


def test_article_files_are_read_back_by_build(tmp_path: Path) -> None:
    article = Collected(
        item_id="0123456789abcdef",
        title="Yes: no --- a title\nover two lines \ud800",
        outlet="Vastland Courier",
        url="http://courier.example/a",
        published=datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
        author="Mira Talvenko",
        text="# Not a heading\n\nThe first_paragraph_ stays *as written*.",
        feed="http://courier.example/rss",
    )
    path = write_article(tmp_path, article)
    assert path is not None and path.name == "0123456789abcdef.txt"
    assert write_article(tmp_path, article) is None  # never overwritten
    (read,), errors = read_path(path)
    assert not errors
    assert read.title == "Yes: no --- a title over two lines ?"
    assert (read.source, read.url, read.author) == (
        "Vastland Courier",
        "http://courier.example/a",
        "Mira Talvenko",
    )
    assert read.published == datetime(2026, 11, 30).date()
    assert read.text == "# Not a heading\n\nThe first_paragraph_ stays *as written*."
    assert render(article).startswith("---\ntitle: ")


# --- configuration ------------------------------------------------------------------------------


def conf(tmp_path: Path, text: str, name: str = "briefing.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_feeds_and_collect_sections_are_validated_at_load(tmp_path: Path) -> None:
    config = load_config(
        conf(
            tmp_path,
            "feeds:\n  - url: https://courier.example/rss\n    outlet: Courier\n    topics: [sanctions]\n"
            "  - https://daily.example/atom\ncollect:\n  allow_hosts: [intranet.example]\n  delay: 2\n",
        )
    )
    assert [f.url for f in config.feeds] == ["https://courier.example/rss", "https://daily.example/atom"]
    assert config.feeds[0].topics == ("sanctions",) and config.feeds[0].outlet == "Courier"
    assert config.collect.allow_hosts == ("intranet.example",) and config.collect.delay == 2.0
    assert config.hash == load_config().hash  # how articles arrive does not change a briefing
    for text, message in (
        (
            "feeds:\n  - url: https://a.example/\n    topics: [weather]\n",
            "briefing.yaml:3: feeds[0].topics[0]: unknown topic 'weather'",
        ),
        ("feeds:\n  - outlet: X\n", "briefing.yaml:2: feeds[0]: a feed needs 'url'"),
        (
            "feeds:\n  - url: https://a.example/\n  - url: https://a.example/\n",
            "briefing.yaml:3: feeds[1].url: duplicate feed",
        ),
        ("collect:\n  delay: soon\n", "briefing.yaml:2: collect.delay: expected a number"),
        ("collect:\n  concurrency: 0\n", "briefing.yaml:2: collect.concurrency: must be between 1 and 32"),
        ("collect:\n  proxy: x\n", "briefing.yaml:2: collect.proxy: unknown key"),
    ):
        with pytest.raises(ConfigError) as error:
            load_config(conf(tmp_path, text))
        assert message in str(error.value), text


def test_a_feeds_file_is_validated_like_the_configuration(tmp_path: Path) -> None:
    names = {t.name for t in load_config().topics}
    path = conf(tmp_path, "feeds:\n  - url: http://a.example/rss\n    topics: [sanctions]\n", "feeds.yaml")
    (feed,) = load_feeds(path, names)
    assert feed.url == "http://a.example/rss" and feed.topics == ("sanctions",)
    for text, message in (
        ("sources: []\n", "feeds.yaml:1: sources: unknown key"),
        ("feeds: []\n", "feeds.yaml:1: feeds: expected a non-empty list"),
        (
            "feeds:\n  - url: http://a.example/\n    colour: red\n",
            "feeds.yaml:3: feeds[0].colour: unknown key",
        ),
    ):
        with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
            load_feeds(conf(tmp_path, text, "feeds.yaml"), names)
    with pytest.raises(ConfigError, match="file not found"):
        load_feeds(tmp_path / "missing.yaml", names)


def test_international_names_and_paths_go_out_as_ascii() -> None:
    calls: list[str] = []
    guard = Guard(resolver=fake_resolver({"xn--bcher-kva.example": ["93.184.216.34"]}, calls))
    target = guard.check("https://Bücher.example/straße/ä%20b?q=é")
    assert target.host == "xn--bcher-kva.example" and calls == ["xn--bcher-kva.example"]
    assert target.path == "/stra%C3%9Fe/%C3%A4%20b?q=%C3%A9"


def test_a_page_declaring_entities_is_read_without_expanding_them() -> None:
    from briefing.collect.job import _read_html

    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    prose = "The harbour council met on Monday to discuss the new ferry timetable. " * 6
    parsed = _read_html(
        f"<!DOCTYPE html [{entities}]><html><body><article><h1>Ferry</h1><p>{prose}&a9;</p></article></body></html>",
        "http://harbour.example/ferry",
    )
    assert "ferry timetable" in parsed.text and "lol" not in parsed.text  # 10**9 "lol"s if expanded
    assert len(parsed.text) < 2 * len(prose)
