"""Feeds to items: RSS 2.0 and Atom through ``feedparser``, JSON Feed (1.0 and 1.1) here.

``feedparser`` is only ever handed bytes that were fetched (never a URL or a path, which it would
open itself). Before it sees them, XML with entity declarations or external references is refused
(``defusedxml`` parses the document with both forbidden): expat caps entity expansion, but a feed
has no business declaring entities, and the loose parser ``feedparser`` falls back to on malformed
XML would keep the declarations it considers safe. JSON Feed is not read by ``feedparser`` 6, and
is small enough a format to map by hand.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import FetchError, RefusedError


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, as the feed describes it."""

    key: str  # what identifies the item: its guid (qualified by the feed when not a URI) or link
    url: str | None
    title: str | None
    published: datetime | None  # aware (UTC)
    author: str | None
    content: str | None  # the full article as HTML (content:encoded, Atom content, content_html)

    @property
    def id(self) -> str:
        """A stable id for the item: 16 hex digits of the sha256 of its key."""
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and items."""

    title: str | None
    items: tuple[FeedItem, ...]


def parse_feed(data: bytes, url: str, content_type: str = "") -> Feed:
    """Parse fetched feed bytes (``url`` is where they came from, for relative links); raise
    ``RefusedError`` for XML with entity declarations and ``FetchError`` for what is no feed."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"[") or "json" in content_type:
        return _json_feed(data, url)
    _refuse_entities(data, url)
    import feedparser

    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-location": url, "content-type": content_type or "application/xml"},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FetchError(url, "not an RSS, Atom or JSON feed" + (f" ({problem})" if problem else ""))
    items = tuple(_xml_item(entry, url) for entry in parsed.entries)
    return Feed(_text(parsed.feed.get("title")), items)


def _refuse_entities(data: bytes, url: str) -> None:
    from xml.etree.ElementTree import ParseError

    import defusedxml  # type: ignore[import-untyped]
    import defusedxml.ElementTree  # type: ignore[import-untyped]

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise RefusedError(url, f"XML entity declarations are not accepted ({exc})") from None
    except (ParseError, ValueError):
        # Malformed XML: feedparser's loose parser will read it; it must not read declarations.
        if re.search(rb"<!ENTITY", data[:65536], re.IGNORECASE):
            raise RefusedError(url, "XML entity declarations are not accepted") from None


def _xml_item(entry: Mapping[str, Any], feed_url: str) -> FeedItem:
    link = _text(entry.get("link"))
    guid = _text(entry.get("id"))
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    content = None
    for part in entry.get("content") or ():
        if part.get("value") and "html" in (part.get("type") or "html"):
            content = part["value"]
            break
        if part.get("value"):
            content = "<p>" + _escape(part["value"]) + "</p>"
    return FeedItem(
        key=_key(guid, link, feed_url, entry.get("title")),
        url=link,
        title=_text(entry.get("title")),
        published=datetime.fromtimestamp(calendar.timegm(published), UTC) if published else None,
        author=_author(entry),
        content=content,
    )


def _author(entry: Mapping[str, Any]) -> str | None:
    """The item's author names. RSS 2.0 ``<author>`` is an address, "jo@example.org (Jo Bloggs)":
    the name is read from the raw value (feedparser's own split of it fails on long top-level
    domains); a bare address names nobody."""
    raw = _text(entry.get("author"))
    if raw and "@" in raw:
        match = re.fullmatch(r"\S+@\S+\s*\((.+)\)", raw)
        return match.group(1).strip() if match else None
    names = [_text(a.get("name")) for a in entry.get("authors") or () if isinstance(a, Mapping)]
    found = [n for n in names if n and "@" not in n] or ([raw] if raw else [])
    return ", ".join(dict.fromkeys(found)) or None


def _json_feed(data: bytes, url: str) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise FetchError(url, f"not an RSS, Atom or JSON feed (malformed JSON: {exc})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FetchError(url, "not an RSS, Atom or JSON feed (JSON without a jsonfeed.org version)")
    from urllib.parse import urljoin

    base = str(doc["feed_url"]) if isinstance(doc.get("feed_url"), str) else url
    items = []
    for entry in doc.get("items") or ():
        if not isinstance(entry, dict):
            continue
        link = _text(entry.get("url")) or _text(entry.get("external_url"))
        link = urljoin(base, link) if link else None
        authors = entry.get("authors") or ([entry["author"]] if isinstance(entry.get("author"), dict) else [])
        names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
        html = _raw(entry.get("content_html"))
        plain = _raw(entry.get("content_text"))
        content = html or ("\n".join(f"<p>{_escape(p)}</p>" for p in plain.split("\n\n")) if plain else None)
        items.append(
            FeedItem(
                key=_key(_text(entry.get("id")), link, url, entry.get("title")),
                url=link,
                title=_text(entry.get("title")),
                published=_iso(entry.get("date_published") or entry.get("date_modified")),
                author=", ".join(n for n in names if n) or None,
                content=content,
            )
        )
    return Feed(_text(doc.get("title")), tuple(items))


def _key(guid: str | None, link: str | None, feed_url: str, title: object) -> str:
    """The item's identity: a guid that is a URI stands alone; another guid ("1234") is only
    unique within its feed; without a guid the link is the identity, else the title."""
    if guid:
        return guid if re.match(r"^(?:[a-z][a-z0-9+.-]*:)", guid, re.IGNORECASE) else f"{feed_url}#{guid}"
    return link or f"{feed_url}#title:{_text(title) or ''}"


def _iso(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _text(value: object) -> str | None:
    """A feed field as one line of text (lone surrogates replaced), or None when empty."""
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text.encode("utf-8", "replace").decode("utf-8") or None


def _raw(value: object) -> str | None:
    """A content field as it is (line breaks kept), or None when empty or not text."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.encode("utf-8", "replace").decode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
