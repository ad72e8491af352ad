"""Lead baseline: every article's first sentence, then every article's second, and so on.

News puts the gist first, so the leads of the sources are a strong, cheap baseline that any
cleverer selection has to beat (bench/quality.py shows it next to the others). Only sentences
that can stand alone (``coverage.standalone``) are taken; the word budget is filled in that order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Sentence
from .base import Pick, apply_budget
from .coverage import CoverageParams, article_ranks, standalone


class LeadSummarizer:
    """Round-robin over the articles' leads."""

    name = "lead"

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
        """Earlier in its article first; among equals, earlier in the given list. ``query`` is
        ignored."""
        ranks = article_ranks(sentences)
        order = sorted(
            (i for i, s in enumerate(sentences) if standalone(s.text, self.params)),
            key=lambda i: (ranks[i], i),
        )
        ranked = [Pick(i, 1.0 / (1 + ranks[i])) for i in order]
        return apply_budget(ranked, sentences, count, words)


def lead(params: Mapping[str, Any]) -> LeadSummarizer:
    """The lead baseline; accepts the candidate filter's parameters (min_words, max_words)."""
    return LeadSummarizer(CoverageParams.from_mapping(params))
