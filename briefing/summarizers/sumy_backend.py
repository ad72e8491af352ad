"""sumy's summarisers behind our ``Summarizer`` protocol.

The pool of sentences becomes one sumy document (one paragraph per source sentence run), tokenised
by our offline ``SumyTokenizer``; sumy's own tokenizer would need NLTK's punkt data. sumy returns
its sentence objects, which compare by text, so results are mapped back to positions by object
identity: two articles carrying the same sentence stay two candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..models import Sentence
from ..segment import SumyTokenizer
from .base import Pick, apply_budget, stem, stop_words
from .query import query_words

_TOKENIZER = SumyTokenizer()


class SumySummarizer:
    """Adapter for one sumy summariser class."""

    def __init__(self, name: str, make: Callable[[Sequence[str]], Any]) -> None:
        self.name = name
        self._make = make  # query words -> configured sumy summariser

    def select(
        self,
        sentences: Sequence[Sentence],
        *,
        count: int | None = None,
        words: int | None = None,
        query: Sequence[str] = (),
    ) -> tuple[Pick, ...]:
        """Rank the pool with sumy and keep what fits the budget, best first."""
        if not sentences:
            return ()
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        objects = [SumySentence(s.text, _TOKENIZER) for s in sentences]
        document = ObjectDocumentModel([Paragraph(objects)])
        position = {id(obj): i for i, obj in enumerate(objects)}
        ranked: list[Pick] = []

        def capture(infos: list[Any]) -> list[Any]:
            # sumy hands its count callable every sentence sorted by rating, best first: keep
            # the whole ranking so the word budget can be applied on our side.
            ranked.extend(Pick(position[id(info.sentence)], float(info.rating)) for info in infos)
            return infos

        summarizer = self._make(query)
        summarizer(document, capture)
        if not ranked:  # summarisers that do not rate through _get_best_sentences
            ranked = [
                Pick(position[id(s)], float(len(ranked) - i))
                for i, s in enumerate(summarizer(document, len(objects)))
            ]
        return apply_budget(ranked, sentences, count, words)


def _with_stops(summarizer: Any) -> Any:
    summarizer.stop_words = stop_words()
    return summarizer


def lexrank(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's LexRank (the reference implementation)."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    def make(query: Sequence[str]) -> Any:
        s = _with_stops(LexRankSummarizer(stem))
        s.threshold = float(params.get("threshold", s.threshold))
        s.epsilon = float(params.get("epsilon", s.epsilon))
        return s

    return SumySummarizer("sumy-lexrank", make)


def textrank(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's TextRank (the reference implementation)."""
    from sumy.summarizers.text_rank import TextRankSummarizer

    def make(query: Sequence[str]) -> Any:
        s = _with_stops(TextRankSummarizer(stem))
        s.damping = float(params.get("damping", s.damping))
        s.epsilon = float(params.get("epsilon", s.epsilon))
        return s

    return SumySummarizer("sumy-textrank", make)


def lsa(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's LSA summariser."""
    from sumy.summarizers.lsa import LsaSummarizer

    return SumySummarizer("lsa", lambda query: _with_stops(LsaSummarizer(stem)))


def luhn(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's Luhn summariser."""
    from sumy.summarizers.luhn import LuhnSummarizer

    return SumySummarizer("luhn", lambda query: _with_stops(LuhnSummarizer(stem)))


def kl(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's KL-Sum summariser."""
    from sumy.summarizers.kl import KLSummarizer

    return SumySummarizer("kl", lambda query: _with_stops(KLSummarizer(stem)))


def sumbasic(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's SumBasic summariser."""
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    return SumySummarizer("sumbasic", lambda query: _with_stops(SumBasicSummarizer(stem)))


def edmundson(params: Mapping[str, Any]) -> SumySummarizer:
    """sumy's Edmundson summariser; the query's content words are its bonus words."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    def make(query: Sequence[str]) -> Any:
        s = EdmundsonSummarizer(stem)
        bonus = query_words(query) or ["said"]
        s.bonus_words = bonus
        s.stigma_words = list(params.get("stigma_words", ["reportedly"]))
        s.null_words = sorted(stop_words())
        return s

    return SumySummarizer("edmundson", make)
