"""Summarise: per-topic multi-document selection, then redundancy removal across sources.

For each topic, every article's sentences that match it form one pool; the configured summariser
ranks the pool (the topic's keywords are its query). Walking down the ranking, a sentence that
says what an already chosen one says (sparse TF-IDF cosine over stemmed words, computed only
between the chosen sentences and the pool — never all pairs) is merged into that entry, which
then cites every source that carried it. Entries keep the representative sentence's wording,
verbatim, and are shown in source order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from scipy import sparse

from .models import AnalysedArticle, KeySentence, Sentence, SentenceKey
from .summarizers import Summarizer
from .topics import stems

# Cosine similarity (binary stemmed-word TF-IDF, stop words kept out) above which two sentences
# from different sources are "the same statement". Calibrated by ``bench/duplicates.py`` on 80
# sentence pairs labelled by hand (``bench/data/duplicate_pairs.tsv``: 48 from MultiLing 2011,
# 32 from PolNeAR train, chosen among pairs of cosine 0.2-0.95, so hard cases abound): at 0.4
# precision 0.50, recall 0.82, F1 0.62; the best F1 is 0.66 at 0.35 with no better precision
# (0.49), and a false merge hides a statement and miscites it while a missed one only repeats,
# so the higher threshold is kept. Dates are checked first: sentences whose dates differ never
# merge, whatever their wording (``same_dates``).
DUPLICATE_COSINE = 0.4
# And the cosine of their content words (``content_words``: no names, roles or stop words) from
# which they say the same thing. On the same 80 pairs (``bench/duplicates.py``) the 36 past
# ``DUPLICATE_COSINE`` split at 0.3 with no same-statement pair lost: both rules together give
# precision 0.62 (0.50 for the cosine alone) at the same recall, 0.82.
CONTENT_COSINE = 0.3

# A sentence shorter than this (in words) is rarely a self-contained statement in news text.
MIN_WORDS = 6
# Fluency (``briefing/fluency.py``: mean log2-probability of the worst 5-transition stretch under
# a shape-class bigram model of English news) below which a sentence reads as word salad.
# Calibrated with ``bench/train_fluency.py``: it is the 2nd percentile of PolNeAR *dev* sentences
# (-8.0; what falls below is mostly ALL-CAPS or Title Case headlines), the garbled translation of
# the issue scores -8.3, and the next-worst sentence of the seeds -6.9.
MIN_FLUENCY = -8.0
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_LEADING_BULLET = re.compile(r"^\s*(?:[•●▪◦·*]|-(?=\s))\s*")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Photo captions and credits: "(Photo: Reuters)", "Photo by …", "REUTERS/Name", "© AFP", "File photo".
_CAPTION = re.compile(
    r"\b(?:photo|image|picture|caption|photograph|illustration)s?\s*(?::|by\b|credit)"
    r"|\bfile\s+photo\b|\bgetty\s+images\b|©"
    # An agency credit closes the caption: "… in Stockholm. REUTERS/Jonathan Ernst", "(AFP/Getty)".
    r"|\b(?:reuters|afp|ap|epa|tass|sputnik|anadolu|xinhua|getty)\s*/\s*[\w .'-]{2,40}\)?\s*$"
    r"|/\s*(?:reuters|afp|ap|epa|getty|tass|sputnik)\)?\s*$",
    re.IGNORECASE,
)
# Datelines and stamps at the start of a sentence: "STOCKHOLM (Reuters) –", "MOSCOW, February 12.
# /TASS/", "Dec. 2 (UPI) --", "Jan. 18, 2022 (EIRNS)—", "date 2021-12-02", "Published: …".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]*)?\s*(?:\([\w .]+\)\s*)?[-–—]"
    r"|[A-Z][A-Z .'-]{2,},\s*" + _MONTH + r"\s+\d{1,2}"
    r"|(?i:" + _MONTH + r")\s+\d{1,2}(?:,\s*\d{4})?\s*\([\w .]+\)\s*[-–—]"
    r"|.{0,40}/(?:TASS|RIA|Interfax|Xinhua)/"
    r"|(?i:(?:date|published|updated|posted|last\s+updated|modified)\b\s*:?\s*(?:on\s+)?(?:\d|"
    + _MONTH
    + r")))",
)
# A time stamp opens the text or is most of it ("12:30 GMT", "2021-12-02 10:32"): a time inside a
# sentence ("The event starts at 15:00 BST.") is news.
_STAMP = re.compile(
    r"^\W*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b|^\W*\d{1,2}:\d{2}\s*(?:gmt|utc|cet|est|msk|am|pm)?\b",
    re.IGNORECASE,
)

# Subject pronouns and back-references: a sentence whose subject is one of them needs the
# sentence before it. "The latter"/"the former" need two names before them in the same sentence.
_PRONOUN_SUBJECTS = frozenset("he she they it this these those his her their its".split())
# "This"/"these"/"those" are a subject pronoun before a verb or a stop ("This was announced …",
# "This, he said, …"), a determiner before a noun ("This earthquake lasted …": self-contained).
_DEMONSTRATIVES = frozenset("this these those".split())
_AFTER_PRONOUN = frozenset(
    """
is was are were be been has have had will would could can may might must should shall do does did
comes came means meant shows showed makes made leads led follows followed happened marks marked
""".split()
)
_LATTER = re.compile(r"\bthe\s+(?:latter|former)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Openers that come before the subject without being it ("In his turn, he …", "On Tuesday, she …").
_INTRO = re.compile(r"^(?:[^,]{1,60},\s*)+")


# A transcript turn opens with its speaker's label in capitals ("Q:", "SPOKESPERSON LINDQVIST:",
# "FOREIGN MINISTER LAVROV: (Via interpreter)"): quoted speech of that speaker, not reporting.
_SPEAKER_LABEL = re.compile(r"^(?:Q|A|[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,4})\s*(?:\([^)]*\))?:\s")
# A question is asked, not reported: a briefing's key sentences state what happened.
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*\s*$")


def display_text(text: str) -> str:
    """A sentence as shown in a briefing: bullet markers dropped, whitespace folded."""
    return " ".join(_LEADING_BULLET.sub("", text).split())


def is_furniture(text: str) -> bool:
    """Is this a photo caption, a dateline or a time stamp rather than a sentence of the story?"""
    text = display_text(text)
    return bool(_CAPTION.search(text) or _DATELINE.match(text) or _STAMP.search(text))


def _names_before(words: list[str], stop: int) -> int:
    """How many capitalised words (not sentence-initial, not pronouns) come before ``stop``."""
    return sum(
        1 for i, w in enumerate(words[:stop]) if i and w[0].isupper() and w.lower() not in _PRONOUN_SUBJECTS
    )


def dangling_subject(text: str) -> bool:
    """Is the subject a pronoun, or "the latter", whose referent is not in the same sentence?

    The subject is the first word, or the first word after introductory phrases closed by a
    comma ("In his turn, he said …"). A name before the pronoun is its referent ("After Ann Lee
    landed, she …"); "the latter"/"the former" need two.
    """
    text = display_text(text).lstrip("\"'“‘«(")
    latter = _LATTER.search(text)
    if latter and _names_before(_WORD.findall(text[: latter.start()]), 10**6) + 1 < 2:
        return True
    for candidate in (text, _INTRO.sub("", text, count=1)):
        words = _WORD.findall(candidate)
        if not words or words[0].lower() not in _PRONOUN_SUBJECTS:
            continue
        if words[0].lower() in _DEMONSTRATIVES and not _stands_alone(candidate, words):
            continue  # a determiner: "This earthquake …"
        if words[0].lower() in ("his", "her", "their", "its") and candidate is text:
            return True  # "His remarks …": a possessive of someone named before
        head = _WORD.findall(text[: len(text) - len(candidate)])
        if candidate is text or _names_before(head, len(head)) == 0:
            return True
    return False


def _stands_alone(text: str, words: list[str]) -> bool:
    """Is the demonstrative opening ``text`` a pronoun (followed by a verb or punctuation)?"""
    rest = text[len(words[0]) :].lstrip()
    return not rest or not rest[0].isalpha() or (len(words) > 1 and words[1].lower() in _AFTER_PRONOUN)


def fluent(text: str) -> bool:
    """Does ``text`` read as English rather than word salad (see ``MIN_FLUENCY``)?"""
    from .fluency import fluency

    return fluency(display_text(text)) >= MIN_FLUENCY


def eligible(sentence: Sentence, paragraph_kind: str) -> bool:
    """May this sentence stand alone in a briefing? Body text, complete, and long enough.

    Sentences opening with a dash are the continuation of someone's dash-introduced speech
    ("– We are ready for it."): out of context they lose their speaker, so they belong to the
    quotes, not to the key sentences. A sentence opening in lower case is a scrap of a broken one.
    Captions, datelines and stamps are not the story; a sentence whose subject is a pronoun
    without its referent needs the sentence before it; word salad is not shown. (On MultiLing
    2011 these filters raise the digest's ROUGE-1 from 0.5066 to 0.5076 and ROUGE-2 from 0.2255
    to 0.2271: what they drop is what a human summary leaves out too.)
    """
    if paragraph_kind == "heading":
        return False
    text = display_text(sentence.text)
    if not text or text[0] in "–—-" or text[0].islower():
        return False
    if len(text.split()) < MIN_WORDS or not _ENDS_SENTENCE.search(text):
        return False
    if _SPEAKER_LABEL.match(text) or _QUESTION_END.search(text):
        return False  # a transcript's turn or a question: someone's words, not the story's
    return not (is_furniture(text) or dangling_subject(text)) and fluent(text)


# A quote shown in a section must stand alone: a full statement of a few words at least, not a
# bare answer ("Yes. I would see that.") nor a scrap cut off at either end. Six words, as
# ``MIN_WORDS`` for sentences: chosen, not fitted; every full quote of the seeds' gold file that a
# reader would call a statement has more.
MIN_QUOTE_WORDS = 6
_ANSWER = re.compile(
    r"^(?:yes|no|yeah|nope|sure|exactly|absolutely|of course|well|right|okay|ok|indeed)\b[.,!…]", re.I
)
_CUT_END = re.compile(
    r"(?:\b(?:and|or|but|the|a|an|of|to|in|on|for|with|which|who|as|by|from|at|is|are|was|were|including)"
    r"|[,;:–—-]|\.\.\.|…)$",
    re.IGNORECASE,
)
_EXPLETIVE_IT = re.compile(r"^it\s+(?:is|was|will\s+be|would\s+be)\s+\w+\s+(?:that|to|for)\b", re.I)


def self_contained_quote(text: str) -> bool:
    """Can this quotation be shown on its own? A complete statement: long enough, opening with a
    capital, not a bare answer, not cut off at either end, its subject not a pronoun that points
    outside the quote ("It is a topic that worries us": what is?)."""
    text = " ".join(text.split()).strip("\"'“”‘’«» ")
    if len(text.split()) < MIN_QUOTE_WORDS or not text[0].isupper() or _ANSWER.match(text):
        return False
    if text.endswith(("...", "…")) or _CUT_END.search(text.rstrip(".!?").rstrip()):
        return False
    first = text.split()[0].lower().strip(",")
    if first in ("it", "this", "that", "these", "those", "he", "she", "they", "his", "her", "their"):
        return bool(_EXPLETIVE_IT.match(text))
    return True


@lru_cache(maxsize=65536)  # asked again for the same sentence at every comparison
def content_words(text: str) -> frozenset[str]:
    """The stems of what a sentence says beyond who says it: its lower-case words that are
    neither stop words nor words of role titles ("spokeswoman", "minister"). Names and roles
    are left out because two reports of one speaker share them whatever the speaker said."""
    from .quotes.lexicon import ROLE_WORDS
    from .summarizers.base import stop_words

    stops = _stop_stems(frozenset(stop_words()) | ROLE_WORDS)
    words = [w for w in _WORD.findall(text) if w[0].islower()]
    return frozenset(stems(" ".join(words))) - stops


@lru_cache(maxsize=4)
def _stop_stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(s for w in words for s in stems(w))


def _set_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def same_dates(a: Sentence, b: Sentence, published: Mapping[str, date | None]) -> bool:
    """May ``a`` and ``b`` report the same thing, as far as dates tell? Their own dates when both
    have some (they must share one), else the days their articles appeared, when both are known
    and neither sentence names a date of its own, must not be far apart."""
    if a.dates and b.dates:
        return bool(set(a.dates) & set(b.dates))
    da, db = published.get(a.article_id), published.get(b.article_id)
    if a.dates or b.dates:
        own = a.dates or b.dates
        other = db if a.dates else da
        return other is None or any(abs((d - other).days) <= SAME_NEWS_DAYS for d in own)
    return da is None or db is None or abs((da - db).days) <= SAME_NEWS_DAYS


# Articles that appeared more than this many days apart report different days' news unless a
# sentence names its date: the caption of 2 December never corroborates the call of 12 February.
# Chosen, not fitted: a report of the day appears that day, or after a weekend (the seeds' four
# reports of 2 December and their report of 12 February are 72 days apart).
SAME_NEWS_DAYS = 3


@dataclass(frozen=True, slots=True)
class Pool:
    """Every eligible sentence of the corpus, with a sparse TF-IDF index for near-duplicates."""

    sentences: tuple[Sentence, ...]
    topics: tuple[tuple[str, ...], ...]
    source_of: Mapping[str, int]  # article id -> Source.n
    matrix: sparse.csr_matrix  # rows L2-normalised
    published: Mapping[str, date | None] = field(default_factory=dict)  # article id -> date
    # ``matrix`` transposed, in rows: "one sentence against the whole pool" products reuse it
    # instead of transposing the pool at every call.
    columns: sparse.csr_matrix | None = None

    def against_pool(self, rows: Sequence[int] | int) -> sparse.csr_matrix:
        """Cosines of the pool sentences ``rows`` with every pool sentence (one row each)."""
        columns = self.columns if self.columns is not None else self.matrix.T.tocsr()
        picked = self.matrix[[rows] if isinstance(rows, int) else list(rows)]
        return sparse.csr_matrix(picked @ columns)

    @classmethod
    def build(
        cls,
        analysed: Sequence[AnalysedArticle],
        source_of: Mapping[str, int],
        *,
        topical_only: bool = False,
        keep_first: int = 0,
    ) -> Pool:
        """Collect the eligible sentences of every article and index them.

        With ``topical_only`` only sentences matching some topic are kept: a briefing selects
        nothing else, and a near-duplicate of a topical sentence shares its keywords, so it is
        topical too (this halves the index on a day's news). The first ``keep_first`` body sentences
        of each article are kept whatever their topics (the lede of a report of the day).
        """
        sentences: list[Sentence] = []
        topics: list[tuple[str, ...]] = []
        published = {item.article.id: item.article.published for item in analysed}
        for item in analysed:
            kinds = {p.index: p.kind for p in item.paragraphs}
            body = 0
            for sentence, names in zip(item.sentences, item.topics, strict=True):
                kind = kinds.get(sentence.paragraph, "body")
                body += kind == "body"
                wanted = names or not topical_only or (kind == "body" and body <= keep_first)
                if wanted and eligible(sentence, kind):
                    sentences.append(sentence)
                    topics.append(names)
        matrix = _tfidf([s.text for s in sentences])
        return cls(tuple(sentences), tuple(topics), source_of, matrix, published, matrix.T.tocsr())

    def same_news(self, a: int, b: int) -> bool:
        """May pool sentences ``a`` and ``b`` be merged, as far as their dates tell?"""
        return same_dates(self.sentences[a], self.sentences[b], self.published)

    def same_statement(self, a: int, b: int, cosine: float) -> bool:
        """Do pool sentences ``a`` and ``b`` (at TF-IDF ``cosine``) say the same thing? Similar
        enough, dates that agree, and similar in what they say beyond who says it
        (``content_words``): two reports of one speaker share "government spokeswoman Ilse
        Marner said", which alone must not make two statements one."""
        if cosine < DUPLICATE_COSINE or not self.same_news(a, b):
            return False
        content_a = content_words(self.sentences[a].text)
        content_b = content_words(self.sentences[b].text)
        return _set_cosine(content_a, content_b) >= CONTENT_COSINE

    def positions(self, topic: str | None) -> list[int]:
        """Pool positions of the sentences matching ``topic`` (all topical ones for None)."""
        if topic is None:
            return [i for i, names in enumerate(self.topics) if names]
        return [i for i, names in enumerate(self.topics) if topic in names]


def _tfidf(texts: Sequence[str]) -> sparse.csr_matrix:
    from .summarizers.base import stop_words

    stops = {s for w in stop_words() for s in stems(w)}
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, text in enumerate(texts):
        for term in set(stems(text)) - stops:
            cols.append(vocab.setdefault(term, len(vocab)))
            rows.append(row)
    n = max(len(texts), 1)
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocab)))
    df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab))  # each (row, term) once
    idf = np.log((1 + n) / (1 + df)) + 1.0
    matrix = sparse.csr_matrix(matrix @ sparse.diags(idf))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def select(
    pool: Pool,
    positions: Sequence[int],
    summarizer: Summarizer,
    count: int,
    query: Sequence[str] = (),
    exclude: Collection[SentenceKey] = (),
) -> list[KeySentence]:
    """Pick ``count`` distinct statements among ``positions`` of the pool, best first.

    Near-duplicates of a chosen sentence anywhere in the pool are merged into its entry, so the
    entry cites every source that reported it. Sentences in ``exclude`` (already shown elsewhere
    in the briefing, with their near-duplicates) are passed over.
    """
    if exclude:
        shown = [i for i, s in enumerate(pool.sentences) if s.key in exclude]
        positions = [i for i in positions if pool.sentences[i].key not in exclude]
        if shown and positions:
            # A near-duplicate of a statement shown elsewhere is that statement again.
            sims = (pool.matrix[positions] @ pool.matrix[shown].T).tocsr()
            kept = []
            for row, p in enumerate(positions):
                lo, hi = sims.indptr[row], sims.indptr[row + 1]
                close = sims.data[lo:hi] >= DUPLICATE_COSINE
                near = zip(sims.indices[lo:hi][close], sims.data[lo:hi][close], strict=True)
                if not any(pool.same_statement(p, shown[int(c)], float(v)) for c, v in near):
                    kept.append(p)
            positions = kept
    if count <= 0 or not positions:
        return []
    candidates = [pool.sentences[i] for i in positions]
    # Ask for more than needed: near-duplicates of better-ranked picks are merged, not shown.
    ranked = summarizer.select(candidates, count=max(3 * count, count + 10), query=query)
    chosen: list[tuple[int, list[int], float]] = []  # (representative pos, merged positions, score)
    chosen_rows: list[int] = []
    for pick in ranked:
        pos = positions[pick.position]
        if chosen_rows:
            sims = (pool.matrix[chosen_rows] @ pool.matrix[pos].T).toarray().ravel()
            sims = np.array(
                [v if pool.same_statement(chosen_rows[j], pos, float(v)) else 0.0 for j, v in enumerate(sims)]
            )
            best = int(np.argmax(sims))
            if sims[best] >= DUPLICATE_COSINE:
                chosen[best][1].append(pos)
                continue
        if len(chosen) == count:
            continue
        chosen.append((pos, [pos], pick.score))
        chosen_rows.append(pos)
    if not chosen:
        return []
    # Cite every other source that carried the same statement, even outside this topic's pool.
    sims = pool.against_pool(chosen_rows)
    entries = []
    for row, (rep, merged, score) in enumerate(chosen):
        similar = sims.getrow(row)
        extra = [
            int(j)
            for j, v in zip(similar.indices, similar.data, strict=True)
            if v >= DUPLICATE_COSINE and pool.same_statement(rep, int(j), float(v))
        ]
        entries.append(_entry(pool, rep, merged + sorted(extra), score))
    return entries


def _entry(pool: Pool, rep: int, merged: Iterable[int], score: float) -> KeySentence:
    keys: list[SentenceKey] = []
    sources: list[int] = []
    seen_articles: set[str] = set()
    for pos in [rep, *merged]:
        sentence = pool.sentences[pos]
        if sentence.article_id in seen_articles and pos != rep:
            continue  # one citation per article: the representative's own article already counts
        seen_articles.add(sentence.article_id)
        keys.append(sentence.key)
        sources.append(pool.source_of[sentence.article_id])
    representative = pool.sentences[rep]
    return KeySentence(
        text=display_text(representative.text),
        sentences=tuple(keys),
        sources=(sources[0], *sorted(set(sources[1:]) - {sources[0]})),
        score=float(score) if math.isfinite(score) else 0.0,
    )


def in_source_order(entries: Sequence[KeySentence]) -> list[KeySentence]:
    """Order entries as the reporting runs: by first source, then position in that article."""
    return sorted(entries, key=lambda e: (e.sources[0], e.sentences[0][1]))
