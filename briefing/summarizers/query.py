"""Relevance of each sentence of a pool to a query: BM25 with pseudo-relevance feedback.

A query is what a reader asks, in plain words or as keywords ("Where do Russia and the West stand
on NATO's eastward expansion?", or a topic's description and keyword list). Its content words
(stop words and the words that only frame a request, "discuss", "describe", dropped) are stemmed
and every sentence of the pool is scored with Okapi BM25 against them, the pool's sentences being
the collection (so a word most sentences contain counts for little). Then the query is expanded
from the pool itself (pseudo-relevance feedback, RM3-style): the terms that recur across the best
scoring sentences, weighted by those sentences' scores, join the query at a lower weight, and the
pool is scored again. A reader asking about "the tsunami relief effort" is then also served by
sentences that say "aid", "donations" and "pledged" without repeating the question's words.

Everything is counted in one pass over the pool's terms, so the cost is linear in the pool.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .base import stem, stop_words

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Words that frame a request rather than say what it is about ("Describe the efforts made to
# ..., and discuss any specific examples"): a sentence containing "efforts" or "examples" is no
# more relevant for it. Written from the wording of question-style topic statements in general,
# not from any evaluation set.
FRAMING_WORDS = frozenset(
    """
discuss discussed describe described explain explained identify identified include includes
including information specific examples example detail details give list find tell know
question questions issue issues aspect aspects regarding concerning related relating whether
kind kinds type types way ways efforts effort happened happening etc various
""".split()
)

# Okapi BM25's usual constants (Robertson & Zaragoza 2009); sentences are short documents, and
# these were not tuned here.
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass(frozen=True, slots=True)
class Feedback:
    """How the query is expanded from the pool (pseudo-relevance feedback)."""

    sentences: int = 10  # the best scoring sentences whose terms may expand the query
    terms: int = 10  # at most this many expansion terms
    weight: float = 0.5  # an expansion term's weight relative to a query word (the best one)


@lru_cache(maxsize=200_000)
def content_stems(text: str) -> tuple[str, ...]:
    """Stemmed content words of ``text``: lower-cased tokens, stop words dropped."""
    stops = stop_words()
    return tuple(stem(t) for t in _TOKEN.findall(text.lower()) if t not in stops)


def query_words(query: Sequence[str]) -> list[str]:
    """The content words of ``query`` as written (lower-cased, unstemmed), in order, once each:
    stop words and framing words dropped, unless nothing else is left."""
    stops = stop_words()
    tokens = [t for phrase in query for t in _TOKEN.findall(phrase.lower()) if t not in stops]
    kept = [t for t in tokens if t not in FRAMING_WORDS] or tokens
    return list(dict.fromkeys(kept))


def query_terms(query: Sequence[str]) -> dict[str, float]:
    """The stemmed content words of every phrase of ``query``, each weighing 1.

    Words that only frame a request (``FRAMING_WORDS``) are dropped, unless nothing else is left.
    """
    found: dict[str, float] = {}
    framing: dict[str, float] = {}
    stops = stop_words()
    for phrase in query:
        for token in _TOKEN.findall(phrase.lower()):
            if token in stops:
                continue
            (framing if token in FRAMING_WORDS else found)[stem(token)] = 1.0
    return found or framing


def bm25(
    sentence_terms: Sequence[Sequence[str]], weights: Mapping[str, float], df: Mapping[str, int]
) -> list[float]:
    """Okapi BM25 score of every sentence for the weighted query terms, sentences as documents."""
    n = len(sentence_terms)
    if not n or not weights:
        return [0.0] * n
    average = max(sum(len(t) for t in sentence_terms) / n, 1.0)
    idf = {t: math.log(1.0 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in weights}
    scores = []
    for terms in sentence_terms:
        tf: dict[str, int] = {}
        for t in terms:
            if t in weights:
                tf[t] = tf.get(t, 0) + 1
        norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len(terms) / average)
        scores.append(math.fsum(weights[t] * idf[t] * f * (BM25_K1 + 1) / (f + norm) for t, f in tf.items()))
    return scores


def relevance(
    sentence_terms: Sequence[Sequence[str]], query: Sequence[str], feedback: Feedback | None = None
) -> list[float]:
    """Relevance of every sentence to ``query``, scaled so the most relevant one scores 1.

    ``sentence_terms`` are each sentence's stemmed content words (``content_stems``). All zeros
    when the query has no content word or no sentence shares one with it.
    """
    feedback = feedback or Feedback()
    weights = query_terms(query)
    df: dict[str, int] = {}
    for terms in sentence_terms:
        for t in set(terms):
            df[t] = df.get(t, 0) + 1
    scores = bm25(sentence_terms, weights, df)
    if feedback.terms > 0 and feedback.sentences > 0 and any(scores):
        expansion = expand(sentence_terms, scores, weights, df, feedback)
        if expansion:
            scores = bm25(sentence_terms, {**expansion, **weights}, df)
    top = max(scores, default=0.0)
    return [s / top for s in scores] if top > 0 else [0.0] * len(scores)


def expand(
    sentence_terms: Sequence[Sequence[str]],
    scores: Sequence[float],
    weights: Mapping[str, float],
    df: Mapping[str, int],
    feedback: Feedback,
) -> dict[str, float]:
    """Expansion terms from the best scoring sentences, RM3-style: a term weighs the summed
    scores of the feedback sentences containing it, times its idf; the best get ``feedback.weight``.

    A term found in only one feedback sentence is not taken (it says nothing about the query),
    nor is one that occurs in most of the pool (it says nothing at all).
    """
    n = len(sentence_terms)
    best = heapq.nlargest(feedback.sentences, (i for i in range(n) if scores[i] > 0), key=lambda i: scores[i])
    mass: dict[str, float] = {}
    seen: dict[str, int] = {}
    for i in best:
        for t in set(sentence_terms[i]):
            if t in weights or len(t) < 2:
                continue
            mass[t] = mass.get(t, 0.0) + scores[i]
            seen[t] = seen.get(t, 0) + 1
    ranked = {
        t: m * math.log(n / df[t]) for t, m in mass.items() if seen[t] >= 2 and df[t] <= n / 2 and df[t] < n
    }
    chosen = heapq.nlargest(feedback.terms, sorted(ranked), key=lambda t: ranked[t])
    if not chosen:
        return {}
    top = ranked[chosen[0]]
    return {t: feedback.weight * ranked[t] / top for t in chosen}
