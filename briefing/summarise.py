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
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .models import AnalysedArticle, KeySentence, Sentence, SentenceKey
from .summarizers import Summarizer
from .topics import stems

# Cosine similarity (binary stemmed-word TF-IDF, stop words kept out) above which two sentences
# from different sources are "the same news". Calibrated on the seeds: sentence pairs that report
# the same statement in two translations score 0.45–0.8; unrelated pairs on the same topic stay
# under 0.35.
DUPLICATE_COSINE = 0.5

# A sentence shorter than this (in words) is rarely a self-contained statement in news text.
MIN_WORDS = 6
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_LEADING_BULLET = re.compile(r"^\s*(?:[•●▪◦·*]|-(?=\s))\s*")


def display_text(text: str) -> str:
    """A sentence as shown in a briefing: bullet markers dropped, whitespace folded."""
    return " ".join(_LEADING_BULLET.sub("", text).split())


def eligible(sentence: Sentence, paragraph_kind: str) -> bool:
    """May this sentence stand alone in a briefing? Body text, complete, and long enough.

    Sentences opening with a dash are the continuation of someone's dash-introduced speech
    ("– We are ready for it."): out of context they lose their speaker, so they belong to the
    quotes, not to the key sentences. A sentence opening in lower case is a scrap of a broken one.
    """
    if paragraph_kind == "heading":
        return False
    text = display_text(sentence.text)
    if not text or text[0] in "–—-" or text[0].islower():
        return False
    return len(text.split()) >= MIN_WORDS and bool(_ENDS_SENTENCE.search(text))


@dataclass(frozen=True, slots=True)
class Pool:
    """Every eligible sentence of the corpus, with a sparse TF-IDF index for near-duplicates."""

    sentences: tuple[Sentence, ...]
    topics: tuple[tuple[str, ...], ...]
    source_of: Mapping[str, int]  # article id -> Source.n
    matrix: sparse.csr_matrix  # rows L2-normalised

    @classmethod
    def build(
        cls, analysed: Sequence[AnalysedArticle], source_of: Mapping[str, int], *, topical_only: bool = False
    ) -> Pool:
        """Collect the eligible sentences of every article and index them.

        With ``topical_only`` only sentences matching some topic are kept: a briefing selects
        nothing else, and a near-duplicate of a topical sentence shares its keywords, so it is
        topical too (this halves the index on a day's news).
        """
        sentences: list[Sentence] = []
        topics: list[tuple[str, ...]] = []
        for item in analysed:
            kinds = {p.index: p.kind for p in item.paragraphs}
            for sentence, names in zip(item.sentences, item.topics, strict=True):
                if (names or not topical_only) and eligible(sentence, kinds.get(sentence.paragraph, "body")):
                    sentences.append(sentence)
                    topics.append(names)
        return cls(tuple(sentences), tuple(topics), source_of, _tfidf([s.text for s in sentences]))

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
        positions = [i for i in positions if pool.sentences[i].key not in exclude]
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
    sims = pool.matrix[chosen_rows] @ pool.matrix.T
    entries = []
    for row, (rep, merged, score) in enumerate(chosen):
        similar = sims.getrow(row)
        extra = [int(j) for j, v in zip(similar.indices, similar.data, strict=True) if v >= DUPLICATE_COSINE]
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
