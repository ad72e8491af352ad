"""Segment: paragraphs and sentences with character spans, offline.

No NLTK data is needed. The sentence splitter is rule-based and tuned for news text that has been
machine-translated or scraped: quotes that end a sentence, closing marks detached from their
sentence (``territory. “``), stray full stops before a lower-case word (``meeting. in Sweden.``
stays one sentence), abbreviations (U.S., Dr., Gen., Jan.) and dash-introduced speech
(``– … – said Lavrov. – We are ready.``). ``SumyTokenizer`` hands the same splitter and word
tokenizer to sumy, so sumy never reaches for NLTK's punkt data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .ingest.stamps import leading_stamp
from .models import Paragraph, Sentence

# Characters that open or close a quotation, in every style the inputs use.
OPEN_QUOTES = "“„«‘\"'‹‚"
CLOSE_QUOTES = "”“»’\"'›‘"
QUOTE_CHARS = frozenset(OPEN_QUOTES + CLOSE_QUOTES)
DASHES = "–—"  # en and em dash; a hyphen-minus is never dash speech
TERMINATORS = ".!?…"
CLOSERS = frozenset(CLOSE_QUOTES + ")]")

# Titles abbreviated before a name ("Dr. Lind", "Smt. Reddy", "Coun. Kostiuk"): no sentence ends
# after them, and the quotes stage reads them as part of the name's phrase.
NAME_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sen rep gov st jr sr smt shri cllr coun engr maj capt cpt sgt adm
cmdr rev hon pres supt const cpl pte pfc lieut brig cdr comdr cmdt msgr fr atty amb ald insp det""".split()
)
# Abbreviations after which a full stop does not end a sentence (lower-cased, without the stop).
ABBREVIATIONS = NAME_ABBREVIATIONS | frozenset(
    """
mt asst no nos vol fig pp op inc ltd co corp bros est dept univ assn vs etc al approx ca cf viz
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""".split()
)

# Words that, after an all-caps dotted acronym such as "U.S.", show that a new sentence begins.
_SENTENCE_STARTERS = frozenset(
    """
the a an he she it we they i this that these those there but and however meanwhile in on at
his her its their our my
""".split()
)

_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]$")
_WORD_CHARS = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
# sumy's own filter for what counts as a word: letters, inner apostrophes and hyphens.
_SUMY_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$", re.UNICODE)
BULLET = re.compile(r"^\s*(?:[•●▪◦·*]|-\s|\d{1,2}[.)]\s)")


def split_paragraphs(text: str, article_id: str = "") -> list[Paragraph]:
    """Split text into paragraphs with spans.

    A blank line always ends a paragraph. A single line break ends one too when the line before
    it is complete (ends in a terminator or closing mark), is short like a heading, or the next
    line is a bullet; otherwise the break is a hard wrap inside a paragraph.
    """
    paragraphs: list[Paragraph] = []
    lines = list(_lines_with_offsets(text))
    start: int | None = None
    end = 0
    prev = ""
    for line_start, line_end in lines:
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            if start is not None:
                paragraphs.append(_make_paragraph(text, article_id, len(paragraphs), start, end))
                start = None
            prev = ""
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        if start is not None and _breaks_paragraph(prev, stripped):
            paragraphs.append(_make_paragraph(text, article_id, len(paragraphs), start, end))
            start = None
        if start is None:
            start = lead
        end = line_start + len(line.rstrip())
        prev = stripped
    if start is not None:
        paragraphs.append(_make_paragraph(text, article_id, len(paragraphs), start, end))
    return paragraphs


def _lines_with_offsets(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for match in re.finditer(r"\r\n|\n|\r|\u2028|\u2029", text):
        yield pos, match.start()
        pos = match.end()
    yield pos, len(text)


def _breaks_paragraph(prev: str, line: str) -> bool:
    if BULLET.match(line) or BULLET.match(prev):
        return True
    last = prev[-1]
    if last in TERMINATORS or last in CLOSERS or last == ":":
        return True
    # A short line without final punctuation is a heading or a label, not a wrapped sentence.
    return len(prev) < 60 or (line[:1].isupper() and len(prev) < 100)


def _make_paragraph(text: str, article_id: str, index: int, start: int, end: int) -> Paragraph:
    return Paragraph(article_id=article_id, index=index, start=start, end=end, text=text[start:end])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, in order, whitespace trimmed.

    Spans never overlap, appear in order, and together cover every non-space character.
    """
    spans = _raw_spans(text)
    # A scrap such as "Kremlin website by." after a sentence is the tail of a mangled attribution
    # (machine translation moves words past the full stop), not a sentence: join it to the one
    # before. Recognised by ending on a word that cannot end an English sentence.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        tail = _WORD_CHARS.findall(text[start:end])
        if merged and 0 < len(tail) <= 3 and tail[-1].lower() in _DANGLING:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# Words that cannot end a sentence: prepositions, articles, conjunctions.
_DANGLING = frozenset("by with of the a an and or to in on at for from into than".split())


def _raw_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = _skip_space(text, 0)
    i = start
    while i < n:
        ch = text[i]
        if ch in TERMINATORS:
            j = i + 1
            while j < n and (text[j] in TERMINATORS or text[j] in CLOSERS):
                j += 1
            # Where the boundary falls if this terminator ends the sentence.
            k = _skip_space(text, j)
            if k >= n:
                break
            boundary = j
            if k > j and text[k] in QUOTE_CHARS and _is_detached_closer(text, k):
                # "territory. “" — a closing mark cut off from its sentence belongs to it.
                boundary = k + 1
                k = _skip_space(text, boundary)
                if k >= n:
                    break
            if k > j and _ends_sentence(text, start, i, k):
                spans.append((start, _rstrip(text, start, boundary)))
                start = k
                i = k
                continue
            i = j
            continue
        i += 1
    if start < n:
        end = _rstrip(text, start, n)
        if end > start:
            spans.append((start, end))
    return spans


def _skip_space(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_detached_closer(text: str, k: int) -> bool:
    """A quote mark at ``k`` that stands alone after a terminator: followed by the end or a space
    and then something that starts a sentence, and not itself opening a quotation."""
    after = k + 1
    if after >= len(text):
        return True
    if not text[after].isspace():
        return False
    nxt = _skip_space(text, after)
    return nxt >= len(text) or text[nxt].isupper() or text[nxt] in QUOTE_CHARS or text[nxt] in DASHES


def _ends_sentence(text: str, start: int, term: int, nxt: int) -> bool:
    """Does the terminator at ``term`` end the sentence, given the next sentence would start at
    ``nxt``?"""
    follower = text[nxt]
    if text[term] == "." and (term + 1 >= len(text) or text[term + 1] not in TERMINATORS):
        word = _word_before(text, start, term)
        if word.lower() in ABBREVIATIONS and not text[term + 1 : nxt].strip():
            return False
        if _INITIAL.search(text[max(start, term - 2) : term]) and follower.isupper():
            return False  # "J. Smith"
        if _ACRONYM.search(text[max(start, term - 12) : term + 1]):
            # "U.S. Secretary of State": only a clear sentence opener after it starts a sentence.
            following = _WORD_CHARS.match(text, nxt)
            return bool(following and following.group().lower() in _SENTENCE_STARTERS)
    if follower.isupper() or follower.isdigit() or follower in OPEN_QUOTES or follower in DASHES:
        return True
    # A bullet starts a sentence; a lower-case word after a full stop is a stray stop from
    # translation ("meeting. in Sweden."), not a new sentence.
    return bool(BULLET.match(text, nxt))


def _word_before(text: str, start: int, i: int) -> str:
    j = i
    while j > start and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i].replace(".", "") if "." in text[j:i] and len(text[j:i]) > 3 else text[j:i]


def split_sentences(paragraph: Paragraph, first_index: int = 0) -> list[Sentence]:
    """Split one paragraph into Sentences whose spans index the article text.

    A stamp opening the paragraph — a dateline ("STOCKHOLM (Reuters) –"), a byline or a
    publication stamp — is metadata, not text: the first sentence starts after it, and a
    sentence that is nothing but a stamp ("MOSCOW, February 12. /TASS/.") is no sentence.
    """
    out: list[Sentence] = []
    for offset, (s, e) in enumerate(sentence_spans(paragraph.text)):
        if offset == 0:
            stamp = leading_stamp(paragraph.text[s:e])
            if stamp is not None:
                s = _skip_space(paragraph.text, s + stamp.end)
                if s >= e:
                    continue
        out.append(
            Sentence(
                article_id=paragraph.article_id,
                paragraph=paragraph.index,
                index=first_index + len(out),
                start=paragraph.start + s,
                end=paragraph.start + e,
                text=paragraph.text[s:e],
            )
        )
    return out


def segment(paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """Split every paragraph of an article into sentences, numbered across the article."""
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        sentences.extend(split_sentences(paragraph, len(sentences)))
    return tuple(sentences)


def words(text: str) -> tuple[str, ...]:
    """Word tokens of ``text`` as sumy counts them: letters with inner apostrophes or hyphens.

    Numbers and punctuation are dropped; case is kept (summarisers normalise it).
    """
    return tuple(
        w for w in (m.group().replace("’", "'") for m in _WORD_CHARS.finditer(text)) if _SUMY_WORD.match(w)
    )


class SumyTokenizer:
    """The tokenizer interface sumy expects (``language``, ``to_sentences``, ``to_words``),
    backed by our offline splitter instead of NLTK's punkt."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph of plain text into sentence strings."""
        return tuple(paragraph[s:e] for s, e in sentence_spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split a sentence into word tokens."""
        return words(sentence)
