"""The one interface every summariser implements, and the shared language resources.

A summariser receives the candidate sentences (typed ``Sentence`` records, never library objects)
and returns ``Pick``s: positions into the list it was given, best first. Budgets are either a
number of sentences or a number of words. Every summariser accepts a ``query``: texts saying what
the reader wants to know (a question in plain words, a topic's description and keywords); those
that can use it bias their selection by it (``query.py`` scores each sentence's relevance), the
others ignore it. An empty query means the generic selection, unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from ..models import Sentence
from ..segment import words


@dataclass(frozen=True, slots=True)
class Pick:
    """One selected sentence: its position in the input sequence and the summariser's score."""

    position: int
    score: float


class Summarizer(Protocol):
    """Selects the most important sentences from a multi-document pool."""

    name: str

    def select(
        self,
        sentences: Sequence[Sentence],
        *,
        count: int | None = None,
        words: int | None = None,
        query: Sequence[str] = (),
    ) -> tuple[Pick, ...]:
        """Return at most ``count`` sentences (or at most ``words`` words), best first, focused
        on ``query`` when the summariser can use one."""
        ...


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words as shipped with sumy (no download needed).

    Read from sumy's data file directly: ``sumy.utils`` imports requests and pycountry, which
    would cost every run a few hundred milliseconds of start-up.
    """
    import pkgutil

    data = pkgutil.get_data("sumy", "data/stopwords/english.txt") or b""
    return frozenset(w.strip().lower() for w in data.decode("utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def _snowball() -> Any:
    # The Snowball project's own English (Porter2) stemmer. NLTK's port stems the same way bar a
    # handful of words, but importing nltk pulls in scipy.stats and costs ~1 s per run; the
    # summarisers (ours and sumy's, which we hand this function) only need a consistent stemmer.
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lower-case and stem one word with the Snowball English stemmer (also handed to sumy)."""
    return str(_snowball().stemWord(word.lower()))


def terms(text: str, *, drop_stop_words: bool = True) -> list[str]:
    """The stemmed, lower-cased terms of ``text`` that sumy's summarisers would count."""
    stops = stop_words() if drop_stop_words else frozenset()
    return [stem(w) for w in (t.lower() for t in words(text)) if w not in stops]


def word_count(text: str) -> int:
    """Words as the evaluation counts them (whitespace-separated tokens)."""
    return len(text.split())


def apply_budget(
    ranked: Sequence[Pick], sentences: Sequence[Sentence], count: int | None, max_words: int | None
) -> tuple[Pick, ...]:
    """Keep the best picks that fit: at most ``count`` of them and at most ``max_words`` words.

    A pick that would overflow the word budget is passed over in favour of shorter ones further
    down the ranking, so the budget is filled as far as it goes.
    """
    kept: list[Pick] = []
    used = 0
    for pick in ranked:
        if count is not None and len(kept) >= count:
            break
        if max_words is not None:
            n = word_count(sentences[pick.position].text)
            if used + n > max_words:
                continue
            used += n
        kept.append(pick)
    return tuple(kept)
