"""Offsets into the input file: article spans mapped to the file's decoded text.

``Article.text`` is the body after decoding, Unicode normalisation, front matter, title line and
dateline (and, for Markdown, markup) are taken off; every span of the pipeline indexes it (a
headline quote's, ``Article.title``). For ``.txt`` and ``.md`` inputs a reader checks a quote
against the file itself, so the spans printed by ``briefing quotes --json`` and in the briefing
JSON index the file's decoded text: ``text[start:end]`` is the quote, in the title line too.
``file_spans`` is the one conversion: it reads each file once, at output time; where a span
cannot be placed exactly (the file changed since it was read, a title rewritten by its reader),
it keeps its article offsets, and the JSON says which text a span indexes (``"in"``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz.distance import Indel

from ..errors import ArticleError
from ..ingest import decode, normalise
from ..ingest.decode import _SPACES
from ..models import Article, Quote, QuoteSource

# Readers whose article text is the file's own text, cut and normalised (HTML and JSON bodies are
# extracted from markup or fields: their spans index the article text as printed).
FILE_READERS = frozenset({"txt", "md"})
# Markdown bodies are aligned by an insert/delete edit script (bit-parallel, O(n·m/64)): a
# 200,000-character file aligns in about a second, so larger ones keep their body offsets.
MAX_ALIGN_CHARS = 200_000
# normalise() turns at most this many raw characters into one unit (a base letter with its
# combining marks; "\r\n"); longer combining runs are not text anyone quotes.
_MAX_UNIT = 8
# Characters compared at once where the file and its normal form agree (see normalised_map).
_CHUNK = 64


class OffsetMap:
    """Maps offsets of ``Article.text`` to offsets of the decoded file text."""

    def __init__(self, index: Sequence[int], starts: Sequence[int], ends: Sequence[int]) -> None:
        self._index = index  # offset in the normalised file text of each body character
        self._starts = starts  # raw file offset where each normalised character starts
        self._ends = ends  # raw file offset just after each normalised character

    def start(self, pos: int) -> int:
        """The file offset of a span starting at body offset ``pos``."""
        if not self._index:
            return 0
        if pos >= len(self._index):
            return self._ends[self._index[-1]]
        return self._starts[self._index[pos]]

    def end(self, pos: int) -> int:
        """The file offset of a span ending at body offset ``pos`` (exclusive)."""
        if not self._index:
            return 0
        return self._ends[self._index[min(pos, len(self._index)) - 1]] if pos > 0 else self.start(0)


# The one-for-one replacements of ingest.decode.normalise, its own pattern: fixed-width spaces
# become " " (a regular expression: str.translate with a table is ten times slower).
_ONE_FOR_ONE = _SPACES


def normalised_map(raw: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """``normalise(raw)`` and, for each of its characters, where in ``raw`` it starts and ends.

    Walks both texts together; where they differ it takes the shortest stretch of ``raw`` whose
    normalisation comes next (CRLF, a combining sequence, a removed invisible character)."""
    norm = normalise(raw)
    if norm == raw or (len(norm) == len(raw) and _ONE_FOR_ONE.sub(" ", raw) == norm):
        # the usual case: LF line ends, and at most no-break or other fixed-width spaces made
        # plain spaces one for one (the whole text compared at C speed, not walked)
        return norm, range(len(raw)), range(1, len(raw) + 1)
    starts: list[int] = []
    ends: list[int] = []
    i = j = 0
    n, m = len(raw), len(norm)
    plain = _ONE_FOR_ONE.sub(" ", raw)
    while i < n:
        if plain[i : i + _CHUNK] == norm[j : j + _CHUNK] and not _combines(raw, i + _CHUNK):
            # A stretch normalisation left alone (or changed one for one) maps one for one: a
            # file with one CRLF or one zero-width space is not walked character by character.
            # (Equal to its normal form, the stretch holds no CR; no mark after it combines.)
            k = min(_CHUNK, n - i)
            starts.extend(range(i, i + k))
            ends.extend(range(i + 1, i + k + 1))
            i += k
            j += k
            continue
        if j < m and raw[i] == norm[j] and raw[i] != "\r" and not _combines(raw, i + 1):
            starts.append(i)
            ends.append(i + 1)
            i += 1
            j += 1
            continue
        for k in range(1, _MAX_UNIT + 1):
            if raw[i : i + 2] == "\r\n" and k == 1:
                continue  # CRLF is one line end
            if _combines(raw, i + k):
                continue
            piece = normalise(raw[i : i + k])
            if norm.startswith(piece, j):
                starts.extend([i] * len(piece))
                ends.extend([i + k] * len(piece))
                j += len(piece)
                i += k
                break
        else:
            raise ValueError(f"normalised text does not follow the raw text at {i}")
    if j != m:
        raise ValueError("normalised text longer than the raw text")
    return norm, starts, ends


def _combines(text: str, i: int) -> bool:
    return i < len(text) and unicodedata.combining(text[i]) != 0


def offset_map(article: Article, raw: str) -> OffsetMap | None:
    """The map for ``article`` read from a file whose decoded text is ``raw``, or None when the
    article text cannot be placed in it exactly."""
    return file_maps(article, raw)[0]


def file_maps(article: Article, raw: str) -> tuple[OffsetMap | None, OffsetMap | None]:
    """The maps of ``article``'s body (``Article.text``) and of its title (``Article.title``)
    into ``raw``, the decoded text of its file; each None where it cannot be placed exactly.
    The title is looked for above the body: the title line, or the front matter's title."""
    try:
        norm, starts, ends = normalised_map(raw)
    except ValueError:
        return None, None
    text = article.title if not article.title_derived else ""  # a derived title is body text
    if article.reader == "txt":
        where = norm.rfind(article.text)  # the body is the file's tail, less trailing space
        if where < 0:
            return None, None
        body: Sequence[int] | None = range(where, where + len(article.text))
        title = _title_index(text, norm[:where], reverse=True)
    else:
        if len(norm) > MAX_ALIGN_CHARS:
            return None, None
        # The title first (a "# Heading" or front-matter line at the top), then the body in the
        # file after it: aligned against the whole file, the body's first words could be placed
        # in the heading that repeats them.
        title = _title_index(text, norm[:TITLE_SEARCH_CHARS], reverse=False)
        after = title[-1] + 1 if title else 0
        body = _aligned(article.text, norm, after) if after else None
        body = body if body is not None else _aligned(article.text, norm)
    if body is None:
        return None, None
    return OffsetMap(body, starts, ends), OffsetMap(title, starts, ends) if title else None


# How far into a Markdown file its title is looked for (front matter and the "# Heading").
TITLE_SEARCH_CHARS = 8_000


def _title_index(title: str, head: str, *, reverse: bool) -> Sequence[int] | None:
    """For each character of the title, its offset in ``head`` (the file above the body, or its
    top): where it stands whole (a title line, a front-matter value), else the line it was read
    from with markup or spacing deleted ("# Ferries *return*"); the last such line above a
    plain-text body (``reverse``), the first of a Markdown file. None when no line holds it."""
    if not title:
        return None
    where = head.rfind(title) if reverse else head.find(title)
    if where >= 0:
        return range(where, where + len(title))
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in head.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    for offset, line in reversed(lines) if reverse else lines:
        if len(line) < len(title) or len(line) > 4 * len(title):
            continue  # too short to hold it, or a paragraph that merely holds its letters in order
        found = _aligned(title, line)
        if found is not None:
            return [offset + k for k in found]
    return None


def _aligned(text: str, norm: str, start: int = 0) -> list[int] | None:
    """For each character of ``text`` (a Markdown body), the offset in ``norm`` (from ``start``
    on) it was copied from: the body is the file with markup deleted, so an insert/delete
    alignment places it."""
    out: list[int] = []
    for op in Indel.opcodes(text, norm[start:] if start else norm):
        if op.tag == "equal":
            out.extend(range(start + op.dest_start, start + op.dest_end))
        elif op.tag in ("delete", "replace"):
            return None  # the body has characters the file has not: no exact map
    return out if len(out) == len(text) else None


def _file_text(path: str) -> str | None:
    try:
        return decode(Path(path).read_bytes(), path)
    except (OSError, ArticleError):
        return None


SpanKey = tuple[str, bool, int, int]
"""An article span to re-base: (article id, in the title, start, end) of ``Article.text``, or
of ``Article.title`` when the second item is True."""


def file_spans(articles: Iterable[Article], keys: Iterable[SpanKey]) -> dict[SpanKey, tuple[int, int]]:
    """The file offsets of every span in ``keys`` that lies in a ``.txt``/``.md`` article and can
    be placed exactly in its file's decoded text (title line and front matter included). Each
    file is read once and its maps dropped once its spans are done, so time and memory stay
    linear in the corpus; a span missing from the result keeps its article offsets."""
    wanted: dict[str, set[SpanKey]] = {}
    for key in keys:
        wanted.setdefault(key[0], set()).add(key)
    out: dict[SpanKey, tuple[int, int]] = {}
    for article in articles:
        spans = wanted.pop(article.id, None)
        if not spans or article.reader not in FILE_READERS:
            continue
        raw = _file_text(article.path)
        if raw is None:
            continue
        body, title = file_maps(article, raw)
        for key in spans:
            f = title if key[1] else body
            if f is not None:
                out[key] = (f.start(key[2]), f.end(key[3]))
    return out


def source_keys(sources: Iterable[QuoteSource]) -> Iterator[SpanKey]:
    """The spans of quote sources to re-base: each quote span and speaker span."""
    for s in sources:
        yield (s.article_id, s.in_title, s.start, s.end)
        if s.speaker_span:
            yield (s.article_id, s.in_title, *s.speaker_span)


def to_file_offsets(quotes: Sequence[Quote], articles: Iterable[Article]) -> tuple[Quote, ...]:
    """``quotes`` with every source from a ``.txt``/``.md`` article re-based on its file's
    decoded text (``start``, ``end`` and ``speaker_span``); other sources, and those of files that
    changed since they were read, keep their article offsets (``file_spans`` does the work)."""
    spans = file_spans(articles, source_keys(s for q in quotes for s in q.sources))

    def mapped(s: QuoteSource) -> QuoteSource:
        where = spans.get((s.article_id, s.in_title, s.start, s.end))
        if where is None:
            return s
        speaker = spans.get((s.article_id, s.in_title, *s.speaker_span)) if s.speaker_span else None
        return replace(s, start=where[0], end=where[1], speaker_span=speaker)

    return tuple(replace(q, sources=tuple(mapped(s) for s in q.sources)) for q in quotes)
