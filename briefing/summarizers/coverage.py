"""Concept coverage: greedy bigram coverage with document-frequency weights (after Gillick & Favre).

A summary is good when it covers the concepts many sources mention. Concepts are stemmed word
bigrams (a bigram of two stop words carries no content and is dropped) and, at a lower weight,
stemmed content words. A concept's weight is the number of sources that mention it, so what one
article alone says counts for little and redundancy is controlled by the objective itself: a
concept already covered earns nothing the second time. Selection is greedy by covered weight per
word (length-normalised), with a bonus for sentences early in their article (news puts the gist
first), and goes on until no candidate fits the word budget, so the budget is filled.

A query (a question in plain words, or a topic's description and keywords) biases the objective
towards what it asks (query-biased concept coverage): every sentence gets a relevance to the query
(BM25 with pseudo-relevance feedback from the pool, ``query.py``, saturating at
``relevance_scale`` of the best sentence's, so all reporting on the question counts as relevant
and the biases mostly set it apart from reporting on other matters); a concept then weighs, per
source that mentions it, 1 + ``concept_bias`` × the relevance of that source's most relevant
sentence containing it, so concepts of relevant reporting outweigh those of reporting on other
matters; a candidate's score is multiplied by 1 + ``relevance_bias`` × its own relevance; and
concepts containing a query word weigh 1 + ``query_weight`` times more. Coverage and redundancy
control stay as they are: a covered concept still earns nothing the second time. Without a query
the selection is the generic one.

Only sentences that can stand alone are candidates: they end in a terminator, start with a
capital letter, a digit or an opening quote, have a sensible length, close every quotation they
open, and do not open with a word that points back to an earlier sentence ("He", "However").
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..errors import UsageError
from ..models import Sentence
from .base import Pick, stem, stop_words, word_count
from .query import Feedback, content_stems, relevance

Concept = tuple[str, ...]  # a stemmed bigram or a single stemmed content word

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TERMINATED = re.compile(r"[.!?…][\"'”’»)\]]*$")
_STARTS_WELL = re.compile(r"^[\"'“‘«(\[]?[A-Z0-9]")

# First words that refer back to an earlier sentence or continue one: a sentence that opens with
# one of them reads as a dangling fragment on its own.
BACK_REFERENCES = frozenset(
    """
he she it they him her them his hers its their theirs this these those such there
but and or so yet nor also however moreover furthermore meanwhile nevertheless nonetheless
therefore thus hence then still besides additionally instead otherwise likewise similarly
accordingly consequently later afterwards both another others
""".split()
)
# Openers of more than one word that do the same ("At the same time, the minister …").
BACK_REFERENCE_PHRASES = (
    "at the same time",
    "in addition",
    "on the other hand",
    "for his part",
    "for her part",
    "for their part",
    "in turn",
    "as a result",
    "in response",
    "in that case",
    "by contrast",
    "to this end",
    "after that",
    "even so",
    "despite this",
    "in this case",
    "as well as",
)
_OPENER = re.compile(r"^[\"'“‘«(\[]?(" + "|".join(BACK_REFERENCE_PHRASES) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CoverageParams:
    """Tunable parameters of the coverage summariser.

    Calibrated by leave-one-topic-out cross-validation on the MultiLing 2011 English set
    (``python bench/quality.py``): for each of the 10 topics, the setting of bench/quality.py's
    GRID (540 settings) with the best mean ROUGE-1 + ROUGE-2 recall on the other 9 topics was
    scored on the held-out topic (held-out mean R-1 0.5009, R-2 0.2244 at 250 words, summaries
    through ``pipeline.digest``). The values below are the setting chosen in most folds (7 of
    10). ``max_words`` was not tuned: run-ons over 55 words are a readability limit (exploratory
    runs showed no score change up to 100). The query parameters below do not act without a query.
    """

    min_words: int = 6  # shorter sentences are rarely self-contained statements
    max_words: int = 55  # longer ones are run-ons that spend the budget on one point
    # Under a word budget, a candidate may take at most this share of it (beyond max_words): a
    # 55-word sentence would spend over half of a 100-word summary on one point. Chosen in 9 of
    # 10 folds of a leave-one-topic-out cross-validation at 100 words (bench/quality.py,
    # SHORT_GRID, generic and with the questions): held-out R-2 0.1063 generic, 0.1069 with the
    # questions, against 0.1010 and 0.1056 without the limit. No effect from 122 words up.
    budget_share: float = 0.45
    length_power: float = 0.5  # score = uncovered weight / length ** this (0.5: mild, favours content)
    unigram_weight: float = 0.0  # weight of a single content word relative to a bigram
    min_df: int = 1  # concepts mentioned by fewer sources than this weigh nothing
    lead_bonus: float = 8.0  # score multiplier 1 + lead_bonus / (1 + rank in article) ** lead_decay
    lead_decay: float = 1.0
    # Query-focused selection (only used with a query). Calibrated by leave-one-topic-out
    # cross-validation on our development set (python bench/quality.py, QUERY_GRID, 192
    # settings): the 10 MultiLing 2011 topics with the questions of bench/queries/multiling2011.yaml,
    # plain and with the next topic's texts added as a distractor, each setting judged on both.
    # The values below were chosen in 7 of 10 folds (held out: plain R-2 0.2153, distractor
    # 0.2135, where the generic selection scores 0.2255 and 0.1392 on them).
    query_weight: float = 0.5  # concepts containing a query word weigh 1 + this times more
    concept_bias: float = 16.0  # per source, a concept weighs 1 + this × relevance of its sentence
    relevance_bias: float = 1.0  # a candidate's score is multiplied by 1 + this × its relevance
    # Relevance saturates at this fraction of the best sentence's: every sentence at least this
    # relevant counts as fully relevant (1: no saturation), so the biases separate reporting on
    # the question from reporting on other matters more than they rank within the former.
    relevance_scale: float = 0.15
    feedback_sentences: int = 10  # pseudo-relevance feedback: best sentences the expansion uses
    feedback_terms: int = 10  # expansion terms added to the query (0: no expansion)
    feedback_weight: float = 0.5  # weight of the best expansion term relative to a query word

    @classmethod
    def from_mapping(cls, params: Mapping[str, Any]) -> CoverageParams:
        """Build from configuration values; unknown keys are an error, not silently ignored."""
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(params) - set(known))
        if unknown:
            raise UsageError(f"unknown coverage parameter(s): {', '.join(unknown)}")
        base = cls()
        values: dict[str, Any] = {}
        for key, value in params.items():
            kind = type(getattr(base, key))
            try:
                values[key] = kind(value)
            except (TypeError, ValueError):
                raise UsageError(f"coverage parameter {key}: expected a number, got {value!r}") from None
        return replace(base, **values)


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens of ``text`` (numbers kept: they carry news)."""
    return [stem(t) for t in _TOKEN.findall(text.lower())]


def standalone(text: str, params: CoverageParams) -> bool:
    """Can ``text`` stand alone in a summary? Complete, sensible length, no back-reference."""
    text = " ".join(text.split())
    n = word_count(text)
    if n < params.min_words or n > params.max_words:
        return False
    if not _TERMINATED.search(text) or not _STARTS_WELL.match(text):
        return False
    first = _TOKEN.search(text)
    if first is None or first.group().lower() in BACK_REFERENCES or _OPENER.match(text):
        return False
    # A quotation left open belongs to a longer quote across sentences.
    return not (text.count('"') % 2 or text.count("“") != text.count("”"))


@dataclass(frozen=True, slots=True)
class _Candidate:
    position: int
    words: int
    concepts: frozenset[Concept]
    factor: float  # lead bonus / length normalisation: score = factor * uncovered weight


def article_ranks(sentences: Sequence[Sentence]) -> list[int]:
    """Each sentence's rank among the given sentences of its article, in reading order (lead = 0)."""
    order = sorted(range(len(sentences)), key=lambda i: (sentences[i].article_id, sentences[i].index))
    ranks = [0] * len(sentences)
    seen: dict[str, int] = {}
    for i in order:
        aid = sentences[i].article_id
        ranks[i] = seen.get(aid, 0)
        seen[aid] = ranks[i] + 1
    return ranks


# A briefing asks for key points and then each topic over overlapping pools: the same sentence's
# concepts would be recomputed once per call (0.7 s of 2 s at 1,000 articles) without this.
@lru_cache(maxsize=200_000)
def concepts_of(text: str, stops: frozenset[str]) -> frozenset[Concept]:
    """Stemmed bigrams (not both stop words) and stemmed content words of ``text``."""
    terms = content_terms(text)
    bigrams = {(a, b) for a, b in pairwise(terms) if not (a in stops and b in stops)}
    return frozenset(bigrams | {(t,) for t in terms if t not in stops})


class CoverageSummarizer:
    """Greedy weighted-concept coverage under a word budget."""

    name = "coverage"

    def __init__(self, params: CoverageParams | None = None) -> None:
        self.params = params or CoverageParams()

    def select(
        self,
        sentences: Sequence[Sentence],
        *,
        count: int | None = None,
        words: int | None = None,
        query: Sequence[str] = (),
    ) -> tuple[Pick, ...]:
        """Cover the most weighted concepts within ``words`` words (or ``count`` sentences).

        Picks come best first (in the order the greedy search took them); sentences that would
        add nothing new are left out.
        """
        p = self.params
        stops = stop_words()
        ranks = article_ranks(sentences)
        rel = self._relevance(sentences, query)
        longest = p.max_words if words is None else max(p.min_words, int(p.budget_share * words))
        # Who mentions a concept: articles, or sentences when there are too few articles for
        # document frequency to say anything. Per unit, the relevance of its most relevant
        # sentence mentioning the concept (all 0 without a query).
        by_article = len({s.article_id for s in sentences}) >= 3
        mentions: dict[Concept, dict[object, float]] = {}
        candidates: list[_Candidate] = []
        for i, sentence in enumerate(sentences):
            concepts = concepts_of(sentence.text, stops)
            unit = sentence.article_id if by_article else i
            r = rel[i]
            for c in concepts:
                units = mentions.setdefault(c, {})
                if units.get(unit, -1.0) < r:
                    units[unit] = r
            if standalone(sentence.text, p) and word_count(sentence.text) <= longest:
                n = word_count(sentence.text)
                lead = 1.0 + p.lead_bonus / math.pow(1 + ranks[i], p.lead_decay)
                bias = 1.0 + p.relevance_bias * r
                candidates.append(_Candidate(i, n, concepts, bias * lead / math.pow(n, p.length_power)))
        query_stems = {stem(w) for phrase in query for w in _TOKEN.findall(phrase.lower())} - stops
        weight: dict[Concept, float] = {}
        for c, found in mentions.items():
            if len(found) < p.min_df:
                continue
            # Generic: the number of units; with a query, each unit counts 1 + bias × relevance.
            w = math.fsum(1.0 + p.concept_bias * r for r in found.values()) if query else float(len(found))
            w *= p.unigram_weight if len(c) == 1 else 1.0
            if query_stems and not query_stems.isdisjoint(c):
                w *= 1.0 + p.query_weight
            if w > 0:
                weight[c] = w
        return _lazy_greedy(candidates, weight, count, words)

    def _relevance(self, sentences: Sequence[Sentence], query: Sequence[str]) -> list[float]:
        """Each sentence's relevance to ``query`` (0…1), all zeros without a query."""
        if not query:
            return [0.0] * len(sentences)
        p = self.params
        feedback = Feedback(p.feedback_sentences, p.feedback_terms, p.feedback_weight)
        scale = max(p.relevance_scale, 1e-9)
        return [
            min(1.0, r / scale)
            for r in relevance([content_stems(s.text) for s in sentences], query, feedback)
        ]


def _lazy_greedy(
    candidates: Sequence[_Candidate], weight: Mapping[Concept, float], count: int | None, budget: int | None
) -> tuple[Pick, ...]:
    """Repeatedly take the candidate with the best score that still fits.

    A candidate's score can only fall as concepts get covered, so a stale score is an upper
    bound (lazy greedy, Minoux 1978): only the top of the heap is re-scored. Ties go to the
    earlier position, so the result is deterministic and equal to the plain greedy search.
    """
    covered: set[Concept] = set()
    chosen: list[Pick] = []
    used = 0

    def score(cand: _Candidate) -> float:
        # fsum is exact whatever the order, so set iteration order (hash seed) cannot break ties.
        return cand.factor * math.fsum(weight.get(c, 0.0) for c in cand.concepts if c not in covered)

    heap = [(-score(c), c.position, k) for k, c in enumerate(candidates)]
    heapq.heapify(heap)
    fresh = {k for _, _, k in heap}  # candidates scored since the last pick
    while heap and (count is None or len(chosen) < count):
        neg, position, k = heapq.heappop(heap)
        cand = candidates[k]
        if budget is not None and used + cand.words > budget:
            continue  # the budget only shrinks: it will never fit again
        if k not in fresh:
            fresh.add(k)
            heapq.heappush(heap, (-score(cand), position, k))
            continue
        if -neg <= 0.0:
            break
        chosen.append(Pick(position, -neg))
        covered |= cand.concepts
        used += cand.words
        fresh.clear()
    return tuple(chosen)


def coverage(params: Mapping[str, Any]) -> CoverageSummarizer:
    """The concept-coverage summariser, configured from ``summarizer.params``."""
    return CoverageSummarizer(CoverageParams.from_mapping(params))
