"""Article text is untrusted: markup, template syntax and URLs in titles and bodies come out as
literal text in every format, and no output (the PDF above all) makes anything load a local
file or a network address.

A loopback HTTP server records every request it gets; after a full md+html+pdf+json build of
articles that point at it, it must have recorded none.
"""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import markdown
import pytest
from clitools import run
from pypdf import PdfReader

SERVER_LIFETIME = 300  # seconds: the server stops itself even if a test forgets to


class Recorder(BaseHTTPRequestHandler):
    """Answers anything with a tiny body and records the request line."""

    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.requestline)
        body = b"body{}"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture()
def server() -> Iterator[tuple[str, list[str]]]:
    """A loopback-only HTTP server: (base URL, list of requests it received)."""
    requests: list[str] = []
    handler = type("Handler", (Recorder,), {"requests": requests})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    stopper = threading.Timer(SERVER_LIFETIME, httpd.shutdown)
    thread.start()
    stopper.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        stopper.cancel()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


def hostile(base: str) -> list[str]:
    """Markup an attacker might put in an article, each meant to fetch, run or format."""
    return [
        '<img src="file:///etc/passwd">',
        f'<link rel=stylesheet href="{base}/link.css">',
        f'<img src="{base}/pixel.png">',
        f"[click here]({base}/markdown-link)",
        f"![pixel]({base}/markdown-image.png)",
        "{{ 7*7 }}",
        "{% for x in range(3) %}loop{% endfor %}",
        "<script>document.title='owned'</script>",
        f"<style>@import url({base}/import.css);</style>",
        f'<iframe src="{base}/frame"></iframe>',
        f'<object data="{base}/object.svg"></object>',
        "**bold** and _em_ and `code`",
        f"<{base}/autolink>",
    ]


def write_articles(folder: Path, items: list[str]) -> None:
    """Each hostile item in a sentence of a body, and some in titles (which always show)."""
    folder.mkdir()
    for i, item in enumerate(items):
        title = json.dumps(f"Border talks {i} {item}")
        body = (
            f"The foreign minister said on Monday that troops had left the border area {i}.\n\n"
            f"An alliance official said the sanctions talk {item} was premature in week {i}.\n\n"
            f"Observers counted fewer soldiers near the crossing after the exercises ended {i}.\n"
        )
        (folder / f"a{i:02d}.txt").write_text(
            f"---\ntitle: {title}\npublished: 2021-12-0{1 + i % 3}\n---\n" + body, encoding="utf-8"
        )
    (folder / "feed.json").write_text(
        json.dumps(
            {
                "title": items[0] + " " + items[5],
                "published": "2021-12-03",
                "text": "The defence ministry said troops would stay in the barracks this week. "
                + " ".join(items),
            }
        )
    )


class Page(HTMLParser):
    """Tags, attribute values and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [v or "" for _, v in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


FORBIDDEN_TAGS = {"img", "link", "script", "iframe", "object", "embed", "a", "svg", "base", "form", "input"}


@pytest.fixture()
def built(tmp_path: Path, server: tuple[str, list[str]]) -> tuple[Path, list[str], list[str]]:
    """A full md+html+pdf+json build of hostile articles: (output folder, hostile items, requests)."""
    base, requests = server
    items = hostile(base)
    write_articles(tmp_path / "news", items)
    config = tmp_path / "briefing.yaml"
    config.write_text("key_points: 30\n")  # every eligible sentence reaches the briefing
    result = run(
        tmp_path / "news",
        "--out",
        tmp_path / "out",
        "--format",
        "md,html,pdf,json",
        "--config",
        config,
        "--date",
        "2021-12-03",
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "out", items, requests


def test_nothing_is_fetched_by_a_full_build(built: tuple[Path, list[str], list[str]]) -> None:
    out, _, requests = built
    assert (out / "briefing-2021-12-03.pdf").stat().st_size > 0
    assert requests == []


def test_html_shows_every_item_as_text_and_none_as_markup(built: tuple[Path, list[str], list[str]]) -> None:
    out, items, _ = built
    page = parse((out / "briefing-2021-12-03.html").read_text(encoding="utf-8"))
    assert not FORBIDDEN_TAGS & set(page.tags), set(page.tags)
    assert page.tags.count("style") == 1  # the page's own stylesheet only
    assert not [v for v in page.attributes if "127.0.0.1" in v or "file:" in v]
    assert "strong" not in page.tags[page.tags.index("main") :] or "**bold**" in "".join(page.text)
    text = "".join(page.text)
    for item in items:
        assert item in text, item


def test_pdf_text_shows_every_item_literally_and_has_no_links(
    built: tuple[Path, list[str], list[str]],
) -> None:
    out, items, _ = built
    data = (out / "briefing-2021-12-03.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    text = squash("".join(page.extract_text() for page in reader.pages))
    for item in items:
        assert squash(item) in text, item
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            assert "/URI" not in action, action
    assert b"127.0.0.1" not in data and b"file:" not in data


def test_json_keeps_the_text_verbatim(built: tuple[Path, list[str], list[str]]) -> None:
    out, items, _ = built
    data = json.loads((out / "briefing-2021-12-03.json").read_text(encoding="utf-8"))
    titles = [s["title"] for s in data["sources"]]
    for i, item in enumerate(items):
        assert f"Border talks {i} {item}" in titles


def test_the_markdown_file_stays_inert_in_a_permissive_renderer(
    built: tuple[Path, list[str], list[str]],
) -> None:
    """Someone may view the .md in a renderer that allows raw HTML (Python-Markdown's default):
    still no tag or link may come out of article text."""
    out, items, _ = built
    source = (out / "briefing-2021-12-03.md").read_text(encoding="utf-8")
    page = parse(markdown.markdown(source))
    assert not FORBIDDEN_TAGS & set(page.tags), set(page.tags)
    assert not [v for v in page.attributes if "127.0.0.1" in v or "file:" in v]
    text = "".join(page.text)
    for item in items:
        assert item in text, item
