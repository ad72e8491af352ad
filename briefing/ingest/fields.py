"""What every reader shares: the ``Parsed`` record, metadata fields, front matter, titles,
outlets and dates, and the step that turns ``Parsed`` into an ``Article``."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

import yaml

from .. import safeyaml
from ..errors import ArticleError
from ..models import Article
from ..segment import sentence_spans, split_paragraphs
from .decode import normalise

logger = logging.getLogger(__name__)

# A first line longer than this is a paragraph, not a headline. Measured: the seeds' headlines run
# to 122 characters (with a "| section | outlet" tail), the 100 MultiLing 2011 titles to 96, and
# the one seed that opens with its lede has a 240-character first line; 160 sits between.
TITLE_MAX_CHARS = 160
# A title derived from the body is its first sentence, cut on a word boundary to this length
# (about the width of a headline in the rendered source list).
DERIVED_TITLE_CHARS = 100
# The last " | " segment of a title names the outlet when it is this short ("DW", "BBC News").
OUTLET_MAX_CHARS = 30


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a reader found in one article, before normalisation, hashing and title fallback."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    suffix: str = ""  # added to the path: ":LINE" for a JSONL line, "#N" for a JSON list item


class Reader(Protocol):
    """A reader turns the decoded text of one file into articles and per-article errors; it
    raises ``ArticleError`` for a problem of the whole file (``read_path`` reports it)."""

    def __call__(self, text: str, where: str) -> list[Parsed | ArticleError]: ...


def _one_line(value: object) -> str | None:
    """A metadata value as one clean line of text (lists joined), or None when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v is not None)
    line = " ".join(normalise(str(value)).split())
    return line or None


def article_id(text: str) -> str:
    """The stable id of an article: the first 16 hex digits of the sha256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def finish(parsed: Parsed, where: str, reader: str, mtime: float | None) -> Article:
    path = where + parsed.suffix
    text = normalise(parsed.text).strip()
    if not text:
        raise ArticleError(path, "no text")
    title = _one_line(parsed.title)
    source = _one_line(parsed.source)
    if title and source is None:
        title, source = split_outlet(title)
    derived = not title
    return Article(
        id=article_id(text),
        path=path,
        title=title or derive_title(text),
        text=text,
        source=source,
        url=_one_line(parsed.url),
        published=parsed.published,
        author=_one_line(parsed.author),
        reader=reader,
        title_derived=derived,
        mtime=mtime,
    )


def split_outlet(title: str) -> tuple[str, str | None]:
    """Split "Headline | Section | Outlet" into the headline and the outlet.

    Only a title of " | " segments whose last segment is short counts; the headline is then the
    longest other segment (a leading section label such as "Sport | …" is shorter than it).
    """
    parts = [p.strip() for p in title.split(" | ") if p.strip()]
    if len(parts) < 2 or len(parts[-1]) > OUTLET_MAX_CHARS:
        return title, None
    headline = max(parts[:-1], key=len)
    if len(headline) <= len(parts[-1]):
        return title, None
    return headline, parts[-1]


def derive_title(text: str) -> str:
    """A title from the body: its first sentence, shortened on a word boundary."""
    first = " ".join(split_paragraphs(text)[0].text.split())
    spans = sentence_spans(first)
    sentence = first[spans[0][0] : spans[0][1]] if spans else first
    if len(sentence) <= DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence[: DERIVED_TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
)


def parse_date(value: object) -> date | None:
    """A publication date from a date, a datetime or a string ("2021-12-02",
    "2021-12-02T10:00:00Z", "December 2, 2021", "2 December 2021", "Thu, 2 Dec 2021");
    None when it cannot be understood."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    text = _WEEKDAY.sub("", " ".join(text.split()))
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)  # "2nd December 2021"
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    # An RFC 2822 date with a time ("Thu, 2 Dec 2021 10:00:00 +0000"): the date is its start.
    head = re.match(r"\d{1,2} [A-Za-z]+ \d{4}", text)
    return parse_date(head.group()) if head and head.group() != text else None


_FIELD_KEYS = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "site", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "pubdate"),
    "author": ("author", "authors", "byline"),
}


def _fields(meta: dict[str, Any]) -> dict[str, Any]:
    """Pick the known metadata fields out of a mapping (keys matched case-insensitively)."""
    lower = {str(k).lower(): v for k, v in meta.items()}
    out = {
        name: next((lower[k] for k in keys if lower.get(k) not in (None, "")), None)
        for name, keys in _FIELD_KEYS.items()
    }
    published = out.pop("published")
    out["published"] = parse_date(published)
    if published is not None and out["published"] is None:
        logger.debug("unrecognised publication date %r", published)
    source = out["source"]
    if isinstance(source, dict):  # {"name": "Outlet", ...} as some feeds write it
        out["source"] = source.get("name")
    return {k: (v if k == "published" else _one_line(v)) for k, v in out.items()}


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter off ``text``: (its known fields, the body after it)."""
    text = text.lstrip("\ufeff")
    if not re.match(r"---[ \t]*\n", text):
        return _fields({}), text
    opener = text.index("\n") + 1
    close = _FENCE.search(text, opener)
    if close is None:
        raise ArticleError(where, "malformed front matter: no closing '---' (opened on line 1)")
    try:
        meta = safeyaml.load_front_matter(text[opener : close.start()])
    except yaml.YAMLError as exc:
        raise ArticleError(where, "malformed front matter: " + _yaml_problem(exc)) from None
    except ValueError as exc:  # a YAML timestamp that is no date: "published: 2021-13-45"
        raise ArticleError(where, f"malformed front matter: invalid value ({exc})") from None
    if not isinstance(meta, dict | None):
        raise ArticleError(where, "malformed front matter: not a mapping of keys to values (line 2)")
    return _fields(meta or {}), text[close.end() :]


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """The YAML error's context and problem with file line numbers (the block starts on line 2,
    marks count from 0)."""
    parts = []
    for text, mark in (
        (getattr(exc, "context", None), getattr(exc, "context_mark", None)),
        (getattr(exc, "problem", None), getattr(exc, "problem_mark", None)),
    ):
        if text:
            parts.append(f"{text} (line {mark.line + 2})" if mark is not None else text)
    return ", ".join(parts) or str(exc)


_ACRONYM_END = re.compile(r"\b(?:[A-Za-z]\.){2,}$")


def looks_like_title(line: str) -> bool:
    """A first line is a headline when it is short and does not close with a full stop
    (a question or exclamation headline is still a headline)."""
    stripped = line.strip()
    core = stripped.rstrip("”’\"'»)]")
    if _ACRONYM_END.search(core):  # "… deductible in the U.S." ends with an abbreviation, not a stop
        core = core[:-1]
    return 0 < len(stripped) <= TITLE_MAX_CHARS and not core.endswith((".", "…", ",", ";", ":"))


def _title_and_body(body: str) -> tuple[str | None, str]:
    """Take the first non-blank line as the title when it looks like one and text follows it
    (and is not its continuation: a hard-wrapped paragraph goes on in lower case)."""
    body = body.lstrip("\n")
    first, _, rest = body.partition("\n")
    wrapped = rest[:1].islower()
    if rest.strip() and not wrapped and looks_like_title(first):
        return first.strip(), rest
    return None, body


def _dateline(body: str) -> tuple[date | None, str]:
    """A line under the title that is only a date ("Friday, December 31, 2004") is the
    publication date, not body."""
    first, _, rest = body.lstrip("\n").partition("\n")
    published = parse_date(first) if len(first) <= 40 else None
    return (published, rest) if published and rest.strip() else (None, body)
