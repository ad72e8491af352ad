"""LexRank and TextRank on sparse matrices: sumy 0.13's rankings at a fraction of the cost.

sumy builds both graphs with a Python loop over every pair of sentences and iterates on a dense
N×N matrix, which is quadratic in time and memory. Here the same similarities come from sparse
products of a sentence × term matrix, built in blocks of rows so memory stays linear in the number
of edges, and the power iterations run on sparse matrices.

Everything that decides the ranking is replicated from sumy 0.13 (``lex_rank.py``,
``text_rank.py``, ``_summarizer.py``):

- the terms: our offline tokens, lower-cased, stop words dropped, Snowball stems (``base.terms``);
- LexRank: tf divided by the sentence's largest tf, idf ``log(N / (1 + n_j))`` (negative or zero
  for common terms), idf-modified cosine, an edge where the cosine is strictly above the threshold,
  rows divided by their degree (a row without edges keeps degree 1), and sumy's power method with
  its loose tolerance (the ranking depends on how many iterations run, so the same test stops it);
- TextRank: shared words counted with multiplicity over ``log|s1| + log|s2|`` (the raw count when
  both sentences are one word long), rows divided by their sum plus 1e-7, and the damping term
  ``(1 - d) / N`` applied as a rank-one update instead of a dense matrix;
- sumy keys its ratings by sentence *text*, so sentences with identical text share the score of the
  last of them, and the final order is Python's stable sort by rating, best first.

Floating-point summation order differs from sumy's (sparse products and sums instead of BLAS on
dense matrices), so scores agree to about 1e-15 relative. That only matters in two places:

- an edge decision where a cosine lies within ``_NEAR`` of the threshold: such pairs are recomputed
  exactly as sumy does (same frozensets, same order of operations);
- sentences whose scores are mathematically equal (the graph cannot tell them apart: the same
  stems in other words, isolated one-word sentences, members of a clique): each score is a sum
  whose terms sit at different positions, and OpenBLAS's dense product rounds them differently, so
  sumy orders such sentences by the last bits of the sums (which depend on the position, the CPU's
  kernel and the thread split). Here scores within ``_TIE`` of each other are one tie and keep
  document order, sumy's own rule for equal ratings: deterministic on every machine.

With a query (ours, not sumy's), both become topic-sensitive (Otterbacher, Erkan & Radev 2005):
the random walk jumps, with probability ``query_bias``, to a sentence in proportion to its
relevance to the query (BM25 with pseudo-relevance feedback, ``query.py``) instead of following
an edge, so centrality is measured around what the query asks. Only sentences that can stand
alone (``coverage.standalone``) are then picked. Without a query nothing changes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from scipy import sparse

from ..errors import UsageError
from ..models import Sentence
from .base import Pick, apply_budget, terms
from .coverage import CoverageParams, standalone
from .query import relevance

# Cosines this close to the LexRank threshold are recomputed exactly as sumy computes them. Our
# sparse sums of at most a few hundred positive terms differ from sumy's by < 1e-13 relative, so
# 1e-9 is a wide safety margin that still leaves (almost) every pair on the fast path.
_NEAR = 1e-9
# Rows per block when building the similarity graph: bounds the dense intermediate at
# _BLOCK × N doubles (about 20 MB at N = 5,000).
_BLOCK = 512
# Relative difference under which two scores are one tie. Mathematically equal scores (sentences
# the graph cannot tell apart) come out of either implementation up to ~1e-15 apart; genuinely
# different scores after sumy's iterations differ by far more than 1e-12 on every corpus tested.
_TIE = 1e-12
# sumy's TextRank adds this to every row sum before dividing (sumy issue #112).
_ZERO_DIVISION_PREVENTION = 1e-7
# sumy's default parameters (LexRankSummarizer / TextRankSummarizer class attributes).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
TEXTRANK_DAMPING = 0.85
TEXTRANK_EPSILON = 1e-4
# Topic-sensitive walks: probability of jumping by relevance instead of following an edge.
# Chosen on bench/quality.py's query runs (both sets, 250 words) among 0.3, 0.5, 0.7 and 0.9:
# 0.5 scored best on the plain topics for both walks (LexRank R-2 0.1796, TextRank 0.1808).
QUERY_BIAS = 0.5
# Their power iteration stops when the scores move less than this in L1 (they sum to 1).
_BIASED_TOLERANCE = 1e-8
_BIASED_MAX_ITERATIONS = 200


class _TermMatrix:
    """The terms of each sentence as sumy counts them, and a sparse sentence × term count matrix."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.terms = [terms(s.text) for s in sentences]
        vocabulary: dict[str, int] = {}
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for sentence_terms in self.terms:
            counts: dict[int, int] = {}
            for term in sentence_terms:
                column = vocabulary.setdefault(term, len(vocabulary))
                counts[column] = counts.get(column, 0) + 1
            for column in sorted(counts):
                indices.append(column)
                data.append(float(counts[column]))
            indptr.append(len(indices))
        self.vocabulary = vocabulary
        self.counts = sparse.csr_matrix(
            (
                np.array(data, dtype=np.float64),
                np.array(indices, dtype=np.int64),
                np.array(indptr, dtype=np.int64),
            ),
            shape=(len(sentences), max(len(vocabulary), 1)),
        )


def _row_of_entries(matrix: sparse.csr_matrix) -> np.ndarray:
    """The row index of every stored entry of a CSR matrix."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))


def _blocks(n: int) -> range:
    return range(0, n, _BLOCK)


# ---------------------------------------------------------------------------------------- LexRank


def lexrank_scores(
    sentences: Sequence[Sentence], threshold: float = LEXRANK_THRESHOLD, epsilon: float = LEXRANK_EPSILON
) -> list[float]:
    """LexRank score of every sentence, as sumy's ``LexRankSummarizer`` computes it."""
    n = len(sentences)
    if n == 0:
        return []
    if threshold < 0:
        # Every cosine (≥ 0) is above a negative threshold: on the complete graph every sentence
        # keeps the uniform score sumy's power method starts from, normalised.
        return [1.0 / math.sqrt(n)] * n
    adjacency = lexrank_transitions(sentences, threshold)
    degrees = np.asarray(adjacency.sum(axis=1)).ravel()
    degrees[degrees == 0] = 1
    inverse_degree = 1.0 / degrees  # sumy divides a 1.0 entry by the degree: the same bits
    incoming = adjacency.T.tocsr()
    p = np.array([1.0 / n] * n)
    change = 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        # sumy divides by a zero norm when no sentence has an edge: every score becomes NaN, the
        # loop stops, and the sort leaves document order. The same arithmetic does the same here.
        while change > epsilon:
            following = incoming @ (p * inverse_degree)
            following /= np.linalg.norm(following)
            change = float(np.linalg.norm(np.subtract(following, p)))
            p = following
    return [float(x) for x in p]


def _lexrank_edges(
    tm: _TermMatrix,
    weights: sparse.csr_matrix,
    norms: np.ndarray,
    tf: np.ndarray,
    idf: np.ndarray,
    threshold: float,
) -> sparse.csr_matrix:
    """The thresholded similarity graph (0/1 entries), built one block of rows at a time."""
    n = weights.shape[0]
    transposed = weights.T.tocsr()
    exact: _ExactCosine | None = None
    blocks: list[sparse.csr_matrix] = []
    for start in _blocks(n):
        stop = min(start + _BLOCK, n)
        product = (weights[start:stop] @ transposed).tocsr()
        product.sort_indices()
        block_rows = _row_of_entries(product) + start
        denominator = norms[block_rows] * norms[product.indices]
        with np.errstate(invalid="ignore", divide="ignore"):
            cosine = np.where(denominator > 0, product.data / denominator, 0.0)
        edge = cosine > threshold
        near = np.flatnonzero(np.abs(cosine - threshold) <= _NEAR)
        if near.size:
            exact = exact or _ExactCosine(tm, tf, idf)
            for k in near:
                edge[k] = exact(int(block_rows[k]), int(product.indices[k])) > threshold
        blocks.append(
            sparse.csr_matrix(
                (
                    np.ones(int(edge.sum())),
                    product.indices[edge],
                    _indptr(block_rows[edge] - start, stop - start),
                ),
                shape=(stop - start, n),
            )
        )
    return sparse.vstack(blocks, format="csr")


def _indptr(rows: np.ndarray, n_rows: int) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n_rows))))


class _ExactCosine:
    """sumy's ``LexRankSummarizer.cosine_similarity``, operation for operation, for the few pairs
    whose cosine lies so close to the threshold that summation order could flip the decision."""

    def __init__(self, tm: _TermMatrix, tf: np.ndarray, idf: np.ndarray) -> None:
        self._terms = tm.terms
        self._idf = {term: float(idf[column]) for term, column in tm.vocabulary.items()}
        counts = tm.counts
        self._tf: list[dict[str, float]] = []
        names = list(tm.vocabulary)
        for i in range(counts.shape[0]):
            lo, hi = counts.indptr[i], counts.indptr[i + 1]
            self._tf.append(
                {names[c]: float(v) for c, v in zip(counts.indices[lo:hi], tf[lo:hi], strict=True)}
            )

    def __call__(self, i: int, j: int) -> float:
        tf1, tf2, idf = self._tf[i], self._tf[j], self._idf
        unique1 = frozenset(self._terms[i])
        unique2 = frozenset(self._terms[j])
        numerator = 0.0
        for term in unique1 & unique2:
            numerator += tf1[term] * tf2[term] * idf[term] ** 2
        denominator1 = sum((tf1[t] * idf[t]) ** 2 for t in unique1)
        denominator2 = sum((tf2[t] * idf[t]) ** 2 for t in unique2)
        if denominator1 > 0 and denominator2 > 0:
            return numerator / (math.sqrt(denominator1) * math.sqrt(denominator2))
        return 0.0


# --------------------------------------------------------------------------------------- TextRank


def textrank_scores(
    sentences: Sequence[Sentence], damping: float = TEXTRANK_DAMPING, epsilon: float = TEXTRANK_EPSILON
) -> list[float]:
    """TextRank score of every sentence, as sumy's ``TextRankSummarizer`` computes it."""
    n = len(sentences)
    if n == 0:
        return []
    weights = _textrank_weights(_TermMatrix(sentences))
    incoming = weights.T.tocsr()
    teleport = (1.0 - damping) / n
    p = np.array([1.0 / n] * n)
    change = 1.0
    # No iteration cap, as in sumy: a cap would change the result. (Rows sum to a little under one
    # because of the 1e-7, so a very small epsilon costs many iterations, in sumy too.)
    while change > epsilon:
        # sumy's matrix is teleport + damping × weights, dense; the first term is rank one, so its
        # product with p is the same number for every sentence.
        following = teleport * p.sum() + damping * (incoming @ p)
        change = float(np.linalg.norm(np.subtract(following, p)))
        p = following
    return [float(x) for x in p]


def _textrank_weights(tm: _TermMatrix) -> sparse.csr_matrix:
    """sumy's TextRank edge weights, rows divided by their sum plus 1e-7."""
    n = tm.counts.shape[0]
    lengths = np.array([len(t) for t in tm.terms])
    log_length = np.array([math.log(k) if k else 0.0 for k in lengths])
    counts = tm.counts
    transposed = counts.T.tocsr()
    blocks: list[sparse.csr_matrix] = []
    for start in _blocks(n):
        stop = min(start + _BLOCK, n)
        # Shared words with multiplicity, sum(words2.count(w) for w in words1): exact integers.
        shared = (counts[start:stop] @ transposed).tocsr()
        shared.sort_indices()
        shared.eliminate_zeros()
        block_rows = _row_of_entries(shared) + start
        norm = log_length[block_rows] + log_length[shared.indices]
        # numpy.isclose(norm, 0.) in sumy: only two one-word sentences, whose weight is the count.
        with np.errstate(divide="ignore", invalid="ignore"):
            shared.data = np.where(np.abs(norm) <= 1e-8, shared.data, shared.data / norm)
        blocks.append(shared)
    weights = sparse.vstack(blocks, format="csr")
    row_sums = np.asarray(weights.sum(axis=1)).ravel()
    weights = sparse.csr_matrix(
        (
            weights.data / (row_sums + _ZERO_DIVISION_PREVENTION)[_row_of_entries(weights)],
            weights.indices,
            weights.indptr,
        ),
        shape=(n, n),
    )
    return weights


# ------------------------------------------------------------------------------- topic-sensitive


def biased_scores(
    transitions: sparse.csr_matrix, relevant: Sequence[float], bias: float = QUERY_BIAS
) -> list[float]:
    """Stationary scores of the walk that follows ``transitions`` (rows: where a sentence's
    score goes) with probability 1 - ``bias`` and jumps by ``relevant`` with probability
    ``bias``. A row without any edge sends its score by relevance too."""
    n = transitions.shape[0]
    jump = np.asarray(relevant, dtype=np.float64)
    jump = jump / jump.sum()
    sums = np.asarray(transitions.sum(axis=1)).ravel()
    has_edges = sums > 0
    inverse = np.zeros(n)
    inverse[has_edges] = 1.0 / sums[has_edges]
    incoming = (sparse.diags(inverse) @ transitions).T.tocsr()
    p = np.full(n, 1.0 / n)
    for _ in range(_BIASED_MAX_ITERATIONS):
        stranded = float(p[~has_edges].sum())
        following = bias * jump + (1.0 - bias) * (incoming @ p + stranded * jump)
        change = float(np.abs(following - p).sum())
        p = following
        if change < _BIASED_TOLERANCE:
            break
    return [float(x) for x in p]


def lexrank_transitions(
    sentences: Sequence[Sentence], threshold: float = LEXRANK_THRESHOLD
) -> sparse.csr_matrix:
    """LexRank's thresholded similarity graph (0/1 entries, self-loops included)."""
    tm = _TermMatrix(sentences)
    counts = tm.counts
    rows = _row_of_entries(counts)
    n = counts.shape[0]
    row_max = np.ones(n)
    nonempty = np.diff(counts.indptr) > 0
    row_max[nonempty] = np.maximum.reduceat(counts.data, counts.indptr[:-1][nonempty])
    # tf / max tf of the sentence: exact integer ratios, rounded once, as sumy divides them.
    tf = counts.data / row_max[rows]
    # idf with math.log on the same Python division, so every idf carries sumy's exact bits.
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.array([math.log(n / (1 + int(k))) for k in df])
    weights = sparse.csr_matrix((tf * idf[counts.indices], counts.indices, counts.indptr), shape=counts.shape)
    norms = np.sqrt(np.bincount(rows, weights=weights.data**2, minlength=n))
    return _lexrank_edges(tm, weights, norms, tf, idf, threshold)


# ---------------------------------------------------------------------------------- the protocol


def rank(sentences: Sequence[Sentence], scores: Sequence[float]) -> list[Pick]:
    """Order positions best first exactly as sumy does: ratings keyed by text (the last of several
    identical sentences gives them all its score), then a stable sort by rating."""
    last: dict[str, int] = {}
    for i, sentence in enumerate(sentences):
        last[sentence.text.strip()] = i  # sumy's Sentence strips its text and hashes that
    rating = [scores[last[s.text.strip()]] for s in sentences]
    order = sorted(range(len(sentences)), key=rating.__getitem__, reverse=True)
    # Scores equal up to rounding noise are ties: keep them in document order, sumy's rule for
    # equal ratings, instead of ordering them by the last bits of the sums.
    runs: list[list[int]] = []
    for i in order:
        if runs and abs(rating[i] - rating[runs[-1][0]]) <= _TIE * abs(rating[runs[-1][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    order = [i for run in runs for i in sorted(run)]
    # A NaN rating (sumy's degenerate graph without edges) is reported as 0.0.
    return [Pick(i, rating[i] if math.isfinite(rating[i]) else 0.0) for i in order]


_STANDALONE = CoverageParams()  # the candidate filter's length limits, as coverage uses them


class GraphSummarizer:
    """LexRank or TextRank behind the ``Summarizer`` protocol."""

    def __init__(self, name: str, params: Mapping[str, Any]) -> None:
        self.name = name
        self._query_bias = _param(params, "query_bias", QUERY_BIAS)
        if name == "lexrank":
            self._threshold = _param(params, "threshold", LEXRANK_THRESHOLD)
            self._epsilon = _param(params, "epsilon", LEXRANK_EPSILON)
        else:
            self._damping = _param(params, "damping", TEXTRANK_DAMPING)
            self._epsilon = _param(params, "epsilon", TEXTRANK_EPSILON)

    def scores(self, sentences: Sequence[Sentence]) -> list[float]:
        """The raw graph score of every sentence, in input order."""
        if self.name == "lexrank":
            return lexrank_scores(sentences, self._threshold, self._epsilon)
        return textrank_scores(sentences, self._damping, self._epsilon)

    def select(
        self,
        sentences: Sequence[Sentence],
        *,
        count: int | None = None,
        words: int | None = None,
        query: Sequence[str] = (),
    ) -> tuple[Pick, ...]:
        """Rank the pool and keep what fits the budget, best first; with a ``query``, rank by
        the topic-sensitive walk and keep only sentences that stand alone."""
        if not sentences:
            return ()
        relevant = relevance([terms(s.text) for s in sentences], query) if query else []
        if not any(relevant):
            return apply_budget(rank(sentences, self.scores(sentences)), sentences, count, words)
        if self.name == "lexrank":
            transitions = lexrank_transitions(sentences, self._threshold)
        else:
            transitions = _textrank_weights(_TermMatrix(sentences))
        scores = biased_scores(transitions, relevant, self._query_bias)
        ranked = [p for p in rank(sentences, scores) if standalone(sentences[p.position].text, _STANDALONE)]
        return apply_budget(ranked, sentences, count, words)


def _param(params: Mapping[str, Any], key: str, default: float) -> float:
    value = params.get(key, default)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"summarizer parameter {key!r} must be a number, not {value!r}") from None
    if key == "epsilon" and not number > 0:
        # sumy's power method would never stop.
        raise UsageError(f"summarizer parameter 'epsilon' must be positive, not {value!r}")
    return number


def lexrank(params: Mapping[str, Any]) -> GraphSummarizer:
    """Sparse LexRank with sumy's parameters (``threshold``, ``epsilon``)."""
    return GraphSummarizer("lexrank", params)


def textrank(params: Mapping[str, Any]) -> GraphSummarizer:
    """Sparse TextRank with sumy's parameters (``damping``, ``epsilon``)."""
    return GraphSummarizer("textrank", params)
