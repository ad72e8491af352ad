"""A real HTTP server on loopback for the collect tests, and the feeds and pages it serves.

The server listens on 127.0.0.1 only, on a port the system picks; it records every request (path,
headers, time) so a test can see conditional GETs and what was, or was not, fetched. Articles are
the original, fictional ones in ``fixtures/collect/articles.yaml``.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

ARTICLES_FILE = Path(__file__).resolve().parent / "fixtures" / "collect" / "articles.yaml"


def articles() -> list[dict[str, Any]]:
    """The fixture articles: slug, title, author, paragraphs."""
    return yaml.safe_load(ARTICLES_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    when: float


Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    """Routes by path; every request is recorded in ``hits``."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    base: str = ""

    def requests(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def static(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        status: int = 200,
    ) -> None:
        """Serve ``body``, answering 304 to a matching If-None-Match or If-Modified-Since."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def route(h: BaseHTTPRequestHandler) -> None:
            if (etag and h.headers.get("If-None-Match") == etag) or (
                last_modified and h.headers.get("If-Modified-Since") == last_modified
            ):
                h.send_response(304)
                h.end_headers()
                return
            h.send_response(status)
            h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(data)))
            if etag:
                h.send_header("ETag", etag)
            if last_modified:
                h.send_header("Last-Modified", last_modified)
            h.end_headers()
            h.wfile.write(data)

        self.routes[path] = route

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = route


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.hits.append(Hit(self.path, dict(self.headers.items()), time.monotonic()))
            route = site.routes.get(self.path)
            try:
                if route is None:
                    self.send_error(404)
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what a refused body looks like from here

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def serve() -> Iterator[Site]:
    """Run a server on 127.0.0.1 (a free port) in a thread for the duration of a fixture."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# --- what the server serves -----------------------------------------------------------------


def page(article: dict[str, Any], outlet: str = "Vastland Courier") -> str:
    """An article page with the usual clutter around it (navigation, share links, footer)."""
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(article["title"])} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="{escape(article["author"])}">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<main><article><h1>{escape(article["title"])}</h1>
<p class="byline">By {escape(article["author"])}</p>
{paras}
</article></main>
<aside>Sign up for our morning newsletter.</aside>
<footer>© {outlet}. All rights reserved.</footer>
</body></html>"""


def rfc822(when: datetime) -> str:
    return format_datetime(when.astimezone(UTC), usegmt=True)


def rss(items: list[dict[str, Any]], title: str = "Vastland Courier") -> str:
    """RSS 2.0: each item dict has link, title, guid, published (datetime), author, content (opt.)."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f"<channel><title>{escape(title)}</title><link>http://courier.invalid/</link>",
        "<description>News from Vastland</description>",
    ]
    for item in items:
        out.append("<item>")
        out.append(f"<title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>")
        out.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if item.get("published"):
            out.append(f"<pubDate>{rfc822(item['published'])}</pubDate>")
        if item.get("author"):
            out.append(f"<dc:creator>{escape(item['author'])}</dc:creator>")
        out.append("<description>A short teaser.</description>")
        if item.get("content"):
            out.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out)


def atom(items: list[dict[str, Any]], title: str = "Kesselmark Daily") -> str:
    """Atom 1.0 with full content (type html) where the item has ``content``."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>urn:example:kesselmark-daily</id>",
        f"<updated>{datetime.now(UTC).isoformat()}</updated>",
    ]
    for item in items:
        out.append("<entry>")
        out.append(f"<title>{escape(item['title'])}</title><id>{escape(item['guid'])}</id>")
        out.append(f'<link rel="alternate" href="{escape(item["link"])}"/>')
        if item.get("published"):
            out.append(f"<published>{item['published'].isoformat()}</published>")
            out.append(f"<updated>{item['published'].isoformat()}</updated>")
        if item.get("author"):
            out.append(f"<author><name>{escape(item['author'])}</name></author>")
        out.append("<summary>A short teaser.</summary>")
        if item.get("content"):
            out.append(f'<content type="html">{escape(item["content"])}</content>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out)


def json_feed(items: list[dict[str, Any]], title: str = "Orl Harbour Radio") -> str:
    """JSON Feed 1.1."""
    entries = []
    for item in items:
        entry: dict[str, Any] = {"id": item["guid"], "url": item["link"], "title": item["title"]}
        if item.get("published"):
            entry["date_published"] = item["published"].isoformat()
        if item.get("author"):
            entry["authors"] = [{"name": item["author"]}]
        if item.get("content"):
            entry["content_html"] = item["content"]
        else:
            entry["summary"] = "A short teaser."
        entries.append(entry)
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title, "items": entries})


def body_html(article: dict[str, Any]) -> str:
    """The article's paragraphs as HTML, as a feed's full content carries them."""
    return "".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"])


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzipped: a few kilobytes on the wire per ten megabytes inflated."""
    return gzip.compress(b"\0" * size, compresslevel=9)
