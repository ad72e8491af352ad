"""Offsets into the input file: quote spans of ``Article.text`` mapped to the file's decoded text.

``Article.text`` is the body after decoding, Unicode normalisation, front matter, title line and
dateline (and, for Markdown, markup) are taken off; every span of the pipeline indexes it. For
``.txt`` and ``.md`` inputs a reader checks a quote against the file itself, so the spans printed
by ``briefing quotes --json`` index the file's decoded text: ``text[start:end]`` is the quote.
The map is computed once per article at output time; where it cannot be exact (the file changed
since it was read), the spans stay those of ``Article.text``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz.distance import Indel

from ..errors import ArticleError
from ..ingest import decode, normalise
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


# The one-for-one replacements of ingest.decode.normalise: fixed-width spaces become " ".
_ONE_FOR_ONE = str.maketrans(
    dict.fromkeys([0x00A0, 0x2007, 0x202F, *range(0x2000, 0x200B), 0x205F, 0x3000], " ")
)


def normalised_map(raw: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """``normalise(raw)`` and, for each of its characters, where in ``raw`` it starts and ends.

    Walks both texts together; where they differ it takes the shortest stretch of ``raw`` whose
    normalisation comes next (CRLF, a combining sequence, a removed invisible character)."""
    norm = normalise(raw)
    if norm == raw or (len(norm) == len(raw) and raw.translate(_ONE_FOR_ONE) == norm):
        # the usual case: LF line ends, and at most no-break or other fixed-width spaces made
        # plain spaces one for one (the whole text compared at C speed, not walked)
        return norm, range(len(raw)), range(1, len(raw) + 1)
    starts: list[int] = []
    ends: list[int] = []
    i = j = 0
    n, m = len(raw), len(norm)
    while i < n:
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
    try:
        norm, starts, ends = normalised_map(raw)
    except ValueError:
        return None
    text = article.text
    if article.reader == "txt":
        where = norm.rfind(text)  # the body is the file's tail, less trailing space
        if where < 0:
            return None
        index: Sequence[int] = range(where, where + len(text))
    else:
        if len(norm) > MAX_ALIGN_CHARS:
            return None
        found = _aligned(text, norm)
        if found is None:
            return None
        index = found
    return OffsetMap(index, starts, ends)


def _aligned(text: str, norm: str) -> list[int] | None:
    """For each character of ``text`` (a Markdown body), the offset in ``norm`` it was copied
    from: the body is the file with markup deleted, so an insert/delete alignment places it."""
    out: list[int] = []
    for op in Indel.opcodes(text, norm):
        if op.tag == "equal":
            out.extend(range(op.dest_start, op.dest_end))
        elif op.tag in ("delete", "replace"):
            return None  # the body has characters the file has not: no exact map
    return out if len(out) == len(text) else None


def _file_text(path: str) -> str | None:
    try:
        return decode(Path(path).read_bytes(), path)
    except (OSError, ArticleError):
        return None


def to_file_offsets(quotes: Sequence[Quote], articles: Iterable[Article]) -> tuple[Quote, ...]:
    """``quotes`` with every source from a ``.txt``/``.md`` article re-based on its file's
    decoded text (``start``, ``end`` and ``speaker_span``); other sources, and those of files that
    changed since they were read, keep their ``Article.text`` offsets."""
    by_id = {a.id: a for a in articles}
    maps: dict[str, OffsetMap | None] = {}

    def mapped(s: QuoteSource) -> QuoteSource:
        article = by_id.get(s.article_id)
        if article is None or article.reader not in FILE_READERS:
            return s
        if s.article_id not in maps:
            raw = _file_text(article.path)
            maps[s.article_id] = offset_map(article, raw) if raw is not None else None
        f = maps[s.article_id]
        if f is None:
            return s
        span = (f.start(s.speaker_span[0]), f.end(s.speaker_span[1])) if s.speaker_span else None
        return replace(s, start=f.start(s.start), end=f.end(s.end), speaker_span=span)

    return tuple(replace(q, sources=tuple(mapped(s) for s in q.sources)) for q in quotes)
