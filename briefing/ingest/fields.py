"""What every reader shares: the ``Parsed`` record, metadata fields, front matter, titles,
outlets and dates, and the step that turns ``Parsed`` into an ``Article``."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import yaml

# The module, not its names: segment imports ``stamps`` from this package, so either may be
# imported first.
from .. import safeyaml, segment
from ..errors import ArticleError
from ..models import Article
from . import stamps
from .dates import full_dates, parse_date, partial_date, resolve, url_date
from .decode import normalise

logger = logging.getLogger(__name__)

# A first line longer than this is a paragraph, not a headline. Measured: the seeds' headlines run
# to 122 characters (with a "| section | outlet" tail), the 100 MultiLing 2011 titles to 96, and
# the one seed that opens with its lede has a 240-character first line; 160 sits between.
TITLE_MAX_CHARS = 160
# A title derived from the body is its first sentence, cut on a word boundary to this length
# (about the width of a headline in the rendered source list).
DERIVED_TITLE_CHARS = 100
# Stamps (byline, date lines) open at most a few paragraphs: the first sentence is looked for in
# this many.
DERIVED_TITLE_PARAGRAPHS = 5
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
    """Normalise a reader's ``Parsed`` into an ``Article``: the id, the title (the headline, its
    site name split off), and what the reader left open filled from the text's own stamps —
    author from a byline, outlet from an agency tag, the copyright line or the URL's domain,
    date from a stamp, a dateline or the URL's path (see ``stamps``). Metadata a reader found
    always wins over the text."""
    path = where + parsed.suffix
    text = normalise(parsed.text).strip()
    if not text:
        raise ArticleError(path, "no text")
    title = _one_line(parsed.title)
    if title and is_furniture(title):
        title = None
    derived = not title
    if not title:
        title = headline(text)
        derived = title is None
    source = _one_line(parsed.source)
    if title:
        title, from_title = split_outlet(title)
        source = source or from_title
    url = _one_line(parsed.url)
    head = stamps.scan(text, _position(text, title))
    return Article(
        id=article_id(text),
        path=path,
        title=title or derive_title(text),
        text=text,
        source=source or head.outlet or stamps.copyright_owner(text) or domain(url),
        url=url,
        published=parsed.published or _stamp_date(head, text) or url_date(url),
        author=_one_line(parsed.author) or head.author,
        reader=reader,
        title_derived=derived,
        mtime=mtime,
    )


def _position(text: str, title: str | None) -> int:
    """Where the article starts in ``text``: at its headline when a copied page repeats it
    below the page's navigation, else at the top."""
    if not title or _opens_with_stamps(text):
        return 0
    at = text.find(title)
    if at >= 0:
        return at + len(title)
    # The page's <title> and its <h1> often differ in case, quotes or a few words ("Emirates
    # inks order for 30 Boeing 787 jets" above "Emirates inks $9 billion order for 30 Boeing 787
    # jets, will …"): the first headline-long line holding most of the title's words is the h1.
    key = _words(title)
    if len(key) < 3:
        return 0
    offset = 0
    for line in text[: 2 * stamps.HEAD_MAX_CHARS].split("\n")[: 2 * stamps.HEAD_MAX_LINES]:
        if (
            looks_like_title(line)  # a headline: short, no full stop (a body sentence has one)
            and "://" not in line
            and len(key & _words(line)) >= H1_OVERLAP * len(key)
        ):
            return offset + len(line)
        offset += len(line) + 1
    return 0


# The share of the title's words an <h1> line repeats. Measured on the article-extraction pages
# whose <title> is not repeated verbatim: their h1 lines keep 0.7 of its words or more, while the
# body's first sentences and the page's own URL reach 0.62.
H1_OVERLAP = 0.7


def _opens_with_stamps(text: str) -> bool:
    """Does ``text`` open with the article's own stamps (a byline, a date, a dateline among its
    first lines), as when a reader took the title off the top? Then they are read from there,
    whatever repeats the title further down."""
    lines = [line.strip() for line in text[: stamps.HEAD_MAX_CHARS].split("\n") if line.strip()][:3]
    return any(stamps.line_stamp(line) or stamps.dateline(line) for line in lines)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]{3,}", text.casefold())}


def _stamp_date(head: stamps.Head, text: str) -> date | None:
    """The publication date a stamp gives: a year-less one ("Nov. 19 (UPI) —") takes its year
    from the text's other dates, else it is unknown; an "Updated …" stamp only when no other."""
    for value in (head.published, head.updated):
        found = partial_date(value) if value else None
        if found is not None:
            resolved = resolve(found, full_dates(text) if found[0] is None else [])
            if resolved is not None:
                return resolved
    return None


def domain(url: str | None) -> str | None:
    """The registered domain of a web address ("https://www.wsj.com/x" → "wsj.com"), or None."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    from tld import get_fld

    found = get_fld(url, fail_silently=True)
    return str(found) if found else None


# Page furniture that a copied page puts first: a short label that navigation lines follow.
_FURNITURE = re.compile(
    r"(?:skip to|jump to|accessibility|main menu|menu|navigation|sign in|log in|subscribe|search"
    r"|home(?:page)?|cookies?|advertisement|breaking news|live|world news|news|top stories)\b",
    re.IGNORECASE,
)
# The accessibility link that opens most copied pages, whatever its word count.
_SKIP_LINK = re.compile(
    r"(?:skip|jump|go)\s+to\s+(?:the\s+)?(?:main\s+|primary\s+)?(?:content|navigation|menu|search|article)"
    r"(?:\s+(?:area|section))?",
    re.IGNORECASE,
)
# A navigation label has fewer words than this ("World News", "Accessibility links"); headlines
# can be as short (11 of PolNeAR train's 840 have 2 or 3 words) but none of those opens with a
# navigation word, so a label needs both.
HEADLINE_MIN_WORDS = 4


def is_furniture(line: str) -> bool:
    """A title candidate that is page furniture: a navigation label ("World News", "Skip to
    content", "Accessibility links") or a ticker ("DAX 15,100 +0.4% FTSE 7,300 -0.2%": as many
    market figures as words) rather than a headline."""
    words = line.split()
    tokens = [w for w in words if re.search(r"\w", w)]  # separators ("|", "–") aside
    figures = sum(1 for w in tokens if _QUOTE_FIGURE.fullmatch(w))
    if _SKIP_LINK.fullmatch(line.strip()):  # "Skip to main content" has a headline's four words
        return True
    return (len(words) < HEADLINE_MIN_WORDS and bool(_FURNITURE.match(line))) or (
        figures >= 2 and 2 * figures >= len(tokens)
    )


# A market figure: a price or a change with a sign, separator or percent ("15,100", "+0.4%",
# "−1.25"); a year or a count ("2021", "10") is not one.
_QUOTE_FIGURE = re.compile(r"[-+−▲▼]?[$€£]?\d{1,3}(?:[.,]\d+)+%?|[-+−▲▼]\d+(?:[.,]\d+)?%?|\d+(?:[.,]\d+)?%")


def headline(text: str) -> str | None:
    """The headline of a copied page whose first line is furniture: the last headline-like line
    before the first stamp (byline, date) or paragraph of prose; None when the text opens
    with prose."""
    lines = [line.strip() for line in text[: stamps.HEAD_MAX_CHARS].split("\n")[: stamps.HEAD_MAX_LINES]]
    if not is_furniture(next((line for line in lines if line), "")):
        return None  # the text opens with its own first line, not with a page's navigation
    found: str | None = None
    for line in lines:
        if len(line) > TITLE_MAX_CHARS or stamps.line_stamp(line) or stamps.dateline(line):
            break
        if len(line.split()) >= HEADLINE_MIN_WORDS and looks_like_title(line) and not is_furniture(line):
            found = line
    return found


# The site names that close a title after a dash or a spaced colon are capitalised words or a
# domain ("- WSJ", "– Twin Cities", "- cleveland.com", " : CityAM"); these labels are genres of
# the piece or sections of a site, not outlets ("… - analysis", "… - Politics").
_GENRES = frozenset(
    "analysis opinion comment commentary explainer editorial review interview live video photos "
    "podcast update updated exclusive report factbox timeline q&a world politics news sport sports "
    "business technology tech science health entertainment culture".split()
)
_SITE_WORD = re.compile(r"(?:[A-Z0-9][\w'’.&!+-]*|of|the|and|&|de|du|la|le|for|on)$")
_DOMAIN_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ca|in|uk|us|info|news|tv|ru|de|fr)$")
# The last dash or spaced colon of the title (no other one follows it).
_DASH_TAIL = re.compile(r"\s+(?:[-–—]|:)\s+(?=[^–—:]+$)(?!.*\s[-–—:]\s)")


def split_outlet(title: str) -> tuple[str, str | None]:
    """Split "Headline | Section | Outlet" or "Headline - Outlet" into the headline and the
    outlet.

    Only a short last segment counts; with pipes the headline is then the longest other segment
    (a leading section label such as "Sport | …" is shorter than it). After a dash or a spaced
    colon the last segment must read as a name (capitalised words or a domain) and not as a
    genre label ("- analysis"). A leading genre label ("Opinion | …") is not part of the headline.
    """
    parts = [p.strip() for p in title.split(" | ") if p.strip()]
    if len(parts) >= 2 and parts[0].lower() in _GENRES:
        title, parts = " | ".join(parts[1:]), parts[1:]
    if len(parts) >= 2 and len(parts[-1]) <= OUTLET_MAX_CHARS:
        headline_part = max(parts[:-1], key=len)
        if len(headline_part) > len(parts[-1]):
            return headline_part, parts[-1]
    tail = next(_DASH_TAIL.finditer(title), None)
    if tail is None:
        return title, None
    head, outlet = title[: tail.start()].strip(), title[tail.end() :].strip()
    words = outlet.split()
    name_like = all(_SITE_WORD.match(w) for w in words) and (words[0][:1].isupper() or words[0][:1].isdigit())
    if (
        len(outlet) > OUTLET_MAX_CHARS
        or len(words) > 5
        or outlet.lower().strip(".") in _GENRES
        or len(head) <= len(outlet)
        or not (name_like or _DOMAIN_NAME.match(outlet.lower()))
    ):
        return title, None
    if " | " in head:  # "Opinion | Headline - Outlet": a section label before the headline
        head = max((p.strip() for p in head.split(" | ")), key=len)
    return head, outlet


def derive_title(text: str) -> str:
    """A title from the body: a headline-length first line standing alone above the rest (a
    headline with a full stop, as PolNeAR writes them: "… Isn’t True. Not Yet."), else the
    first sentence, shortened on a word boundary. A stamp is not a title: the sentence starts
    after a dateline, and a byline or date line is passed over (as the segmenter does)."""
    paragraphs = segment.split_paragraphs(text)
    first = " ".join(paragraphs[0].text.split())
    alone = len(paragraphs) > 1 and text[paragraphs[0].end : paragraphs[1].start].count("\n") > 1
    if alone and "\n" not in paragraphs[0].text and len(first) <= TITLE_MAX_CHARS and not _stamped(first):
        return first
    sentences = segment.segment(paragraphs[:DERIVED_TITLE_PARAGRAPHS])
    sentence = " ".join(sentences[0].text.split()) if sentences else first
    if len(sentence) <= DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence[: DERIVED_TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def _stamped(line: str) -> bool:
    """Is ``line`` a stamp or opened by a dateline with an agency or a date? A capitalised label
    and a dash ("EXCLUSIVE – Roger Stone: …", a PolNeAR train headline) is no stamp here."""
    dated = stamps.dateline(line)
    return stamps.line_stamp(line) is not None or (
        dated is not None and bool(dated.outlet or dated.date_text)
    )


# Keys as feeds and exports spell them (matched case-insensitively: NewsAPI's "publishedAt",
# schema.org's "datePublished", Open Graph's "site_name"), the most specific first.
_FIELD_KEYS = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "site", "site_name", "sitename", "publisher", "publication"),
    "url": ("url", "link", "canonical_url"),
    "published": (
        "published",
        "date",
        "published_at",
        "publishedat",
        "datepublished",
        "date_published",
        "publication_date",
        "pubdate",
    ),
    "author": ("author", "authors", "byline", "creator"),
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
    (and is not its continuation: a hard-wrapped paragraph goes on in lower case). A byline or
    a date line is no title: it stays in the body, where ``stamps`` reads it."""
    body = body.lstrip("\n")
    first, _, rest = body.partition("\n")
    wrapped = rest[:1].islower()
    if rest.strip() and not wrapped and looks_like_title(first) and stamps.line_stamp(first) is None:
        return first.strip(), rest
    return None, body


def _dateline(body: str) -> tuple[date | None, str]:
    """A line under the title that is only a date ("Friday, December 31, 2004") is the
    publication date, not body."""
    first, _, rest = body.lstrip("\n").partition("\n")
    published = parse_date(first) if len(first) <= 40 else None
    return (published, rest) if published and rest.strip() else (None, body)
