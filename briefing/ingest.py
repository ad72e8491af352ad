"""Ingest: find input files and read each into ``Article`` records.

Reading is defensive: one bad file (empty, binary, undecodable, too large, unreadable, malformed)
becomes an ``ArticleError`` returned beside the good articles, never an exception that stops the
run. Inputs are only ever opened for reading, and never more than ``max_bytes + 1`` bytes of them.

Every reader turns its format into the same plain fields (``Parsed``); ``read_path`` then
normalises the body (NFC, plain spaces, LF line ends, no invisible or control characters, curly
quotes kept) and hashes it into the article id. ``Article.text`` is that normalised body: all later
spans index into it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml

from .errors import ArticleError, UsageError
from .models import Article
from .segment import sentence_spans, split_paragraphs

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024

# File extension → reader name. Anything else named explicitly is read as plain text.
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}

# A first line longer than this is a paragraph, not a headline. Measured: the seeds' headlines run
# to 122 characters (with a "| section | outlet" tail), the 100 MultiLing 2011 titles to 96, and
# the one seed that opens with its lede has a 240-character first line; 160 sits between.
TITLE_MAX_CHARS = 160
# A title derived from the body is its first sentence, cut on a word boundary to this length
# (about the width of a headline in the rendered source list).
DERIVED_TITLE_CHARS = 100
# Text with more than this share of control characters is binary. Real text has none or a stray
# few; random bytes decoded as cp1252/UTF-8 give one in eight or more (32 of 256 byte values).
BINARY_CONTROL_SHARE = 0.05
# Western European text has at most ~10% accented letters (Portuguese, Icelandic), so 30% leaves a
# wide margin for short, name-dense texts; a cp1252 reading with more is most likely another 8-bit
# code page read wrongly (Cyrillic cp1251 comes out as nearly all accented Latin letters).
CP1252_MAX_ACCENTED = 0.3
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


def discover(inputs: Sequence[str | Path]) -> list[Path]:
    """Expand files and folders into the list of files to read, without duplicates.

    A file named explicitly is taken whatever its extension; a folder is scanned recursively,
    in sorted order, for files with a known extension, skipping hidden files and folders.
    Raises ``UsageError`` for a path that does not exist.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in EXTENSIONS:
                    add(child)
        elif path.exists():
            add(path)
        else:
            raise UsageError(f"input not found: {path}")
    return found


def read_path(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[ArticleError]]:
    """Read one input file into its articles and the errors of the parts that could not be read.

    Never raises for a bad file: a whole-file problem is one ``ArticleError``; a multi-article
    file (JSON list, JSONL) yields every good article and one error per bad entry.
    """
    where = str(path)
    try:
        with open(path, "rb") as fh:
            mtime = os.fstat(fh.fileno()).st_mtime
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ArticleError(where, f"too large (more than {max_bytes} bytes)")
        text = decode(data, where)
        name = reader_name(Path(path))
        entries = READERS[name](text, where)
    except PermissionError:
        return [], [ArticleError(where, "unreadable: permission denied")]
    except OSError as exc:
        return [], [ArticleError(where, f"unreadable: {exc.strerror or exc}")]
    except ArticleError as exc:
        return [], [exc]
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for entry in entries:
        if isinstance(entry, ArticleError):
            errors.append(entry)
            continue
        try:
            articles.append(_finish(entry, where, name, mtime))
        except ArticleError as exc:
            errors.append(exc)
    return articles, errors


def reader_name(path: Path) -> str:
    """The name of the reader for ``path``: by extension, plain text when unknown."""
    return EXTENSIONS.get(path.suffix.lower(), "txt")


def decode(data: bytes, where: str = "<bytes>") -> str:
    """Decode file bytes: BOM (UTF-8/16/32), strict UTF-8, cp1252, then charset detection.

    Raises ``ArticleError`` for an empty, binary or undecodable file.
    """
    text: str | None = None
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(where, f"undecodable: invalid {codec} ({exc.reason})") from None
            break
    if text is None:
        if b"\x00" in data:
            raise ArticleError(where, "binary file (NUL bytes)")
        text = _decode_unmarked(data)
        if text is None:
            raise ArticleError(where, "undecodable: not UTF-8, cp1252 or a detectable encoding")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > BINARY_CONTROL_SHARE * len(text):
        raise ArticleError(where, "binary file (mostly control characters)")
    if not text.strip():
        raise ArticleError(where, "empty file")
    return text


def _decode_unmarked(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        letters = [ch for ch in text if ch.isalpha()]
        if sum(ord(ch) > 127 for ch in letters) <= CP1252_MAX_ACCENTED * max(1, len(letters)):
            return text
    except UnicodeDecodeError:
        pass
    # Only for what is neither UTF-8 nor plausible cp1252: charset detection is unreliable on
    # short Western text (it reads cp1252 as cp1250 or cp775), so it comes last.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """NFC; no-break, narrow and other fixed-width spaces → plain spaces; CRLF/CR and Unicode
    line/paragraph separators → LF; zero-width characters, soft hyphens and control characters
    (but ``\\n`` and ``\\t``) removed. Curly quotes and dashes are kept."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROLS.sub("", text)


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


def _finish(parsed: Parsed, where: str, reader: str, mtime: float | None) -> Article:
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
        meta = yaml.safe_load(text[opener : close.start()])
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


def read_txt(text: str, where: str) -> list[Parsed | ArticleError]:
    """Plain text, with optional YAML front matter; the first line may be the title."""
    fields, body = _front_matter(normalise(text), where)
    if not fields["title"]:
        fields["title"], body = _title_and_body(body)
    if fields["title"] and not fields["published"]:
        fields["published"], body = _dateline(body)
    return [Parsed(text=body, **fields)]


def _dateline(body: str) -> tuple[date | None, str]:
    """A line under the title that is only a date ("Friday, December 31, 2004") is the
    publication date, not body."""
    first, _, rest = body.lstrip("\n").partition("\n")
    published = parse_date(first) if len(first) <= 40 else None
    return (published, rest) if published and rest.strip() else (None, body)


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images dropped
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url) → text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] → text
    (re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE), ""),  # link reference definitions
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE), ""),  # setext underlines
    (re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^```.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)


def markdown_to_text(markdown: str) -> str:
    """Markdown markup to plain text: heading markers, emphasis, links and images removed,
    paragraphs and list items kept on their own lines."""
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text)


def read_md(text: str, where: str) -> list[Parsed | ArticleError]:
    """Markdown with optional front matter; a leading "# Heading" or first line is the title."""
    fields, body = _front_matter(normalise(text), where)
    if fields["title"]:
        fields["title"] = _one_line(markdown_to_text(fields["title"]))
    # A leading "# Heading" is the document's title: it is the title, or repeats it.
    head = re.match(r"\s*#[ \t]+(.+?)[ \t#]*\n", body)
    heading = _one_line(markdown_to_text(head.group(1))) if head else None
    if head and fields["title"] in (None, heading):
        fields["title"], body = heading, body[head.end() :]
    body = markdown_to_text(body)
    if not fields["title"]:
        fields["title"], body = _title_and_body(body)
    return [Parsed(text=body, **fields)]


def read_html(text: str, where: str) -> list[Parsed | ArticleError]:
    """HTML through trafilatura (main text and metadata; comments, tables and navigation left
    out). Nothing is fetched: only the text read from the file is parsed."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or getattr(doc, "body", None) is None:
        raise ArticleError(where, "no text: no article content found in the HTML")
    blocks = [_html_block(el) for el in doc.body]
    title = _one_line(doc.title)
    # trafilatura repeats the page's <h1> as the first block; the title field already has it.
    if blocks and title and _one_line(blocks[0]) == title:
        blocks = blocks[1:]
    return [
        Parsed(
            text="\n\n".join(b for b in blocks if b.strip()),
            title=title,
            source=_one_line(doc.sitename),
            url=doc.url,
            published=parse_date(doc.date),
            author=doc.author,
        )
    ]


def _html_block(element: Any) -> str:
    """One block of trafilatura's output tree as text: list items one a line as "- item"."""
    if element.tag == "list":
        return "\n".join("- " + _inline(item) for item in element if item.tag == "item")
    return _inline(element)


def _inline(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def _from_object(obj: object, where: str, suffix: str) -> Parsed | ArticleError:
    if not isinstance(obj, dict):
        return ArticleError(where + suffix, f"not a JSON object but {type(obj).__name__}")
    lower = {str(k).lower(): v for k, v in obj.items()}
    body = next(
        (lower[k] for k in ("text", "body", "content") if isinstance(lower.get(k), str) and lower[k].strip()),
        None,
    )
    if body is None:
        return ArticleError(where + suffix, "no text (expected a 'text', 'body' or 'content' field)")
    return Parsed(text=body, suffix=suffix, **_fields(obj))


def read_json(text: str, where: str) -> list[Parsed | ArticleError]:
    """A JSON object, or a list of objects (each item's path gets "#N", counted from 1)."""
    try:
        # Not normalised before parsing: U+2028 is legal inside a JSON string, a raw LF is not.
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where_in = f"line {exc.lineno}, column {exc.colno}"
        raise ArticleError(where, f"malformed JSON: {exc.msg} ({where_in})") from None
    if isinstance(data, list):
        if not data:
            raise ArticleError(where, "no text: empty JSON list")
        return [_from_object(item, where, f"#{n}") for n, item in enumerate(data, 1)]
    return [_from_object(data, where, "")]


def read_jsonl(text: str, where: str) -> list[Parsed | ArticleError]:
    """JSON Lines: one object a line; a bad line is an error for ``file.jsonl:LINE`` alone."""
    out: list[Parsed | ArticleError] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(ArticleError(f"{where}:{number}", f"malformed JSON: {exc.msg} (column {exc.colno})"))
            continue
        out.append(_from_object(obj, where, f":{number}"))
    return out or [ArticleError(where, "no text: no JSON lines")]


READERS: dict[str, Reader] = {
    "txt": read_txt,
    "md": read_md,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
}
