"""Fluency: how much a sentence reads like written English, for scoring down garbled translation.

The measure is explainable by design. Each word becomes a *shape class*: a function word is
itself ("the", "of", "since"), written "^since" when it is capitalised in mid-sentence; any other
word is ``C`` (capitalised), ``w`` (lower case) or ``N`` (a number); punctuation is itself. A
bigram model over these classes, counted on well-formed English news (``bench/train_fluency.py``:
PolNeAR train and the MultiLing 2011 source texts), says how likely each transition is. A
sentence's fluency is the mean log2-probability of its *worst stretch* of transitions (a sliding
window): word salad such as "… Anthony Blinken Moscow Since escalating Ukraine, he …" has a run
of transitions ("C C ^since w C ,") that edited prose almost never shows, while one long
sentence of good English cannot hide a garbled clause behind its good parts.

The weights (class counts) ship in ``briefing/data/fluency.json``; nothing is downloaded.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(r"\d[\d.,:/]*|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\w\s]", re.UNICODE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'"})
_PUNCT = frozenset(",.;:()\"?!-–—'")
START, END = "<s>", "</s>"

# Transitions per window: long enough to see a garbled clause (5 words), short enough that the
# good words around it do not average it away.
WINDOW = 5


def tokens(text: str, function_words: frozenset[str]) -> list[str]:
    """The shape classes of ``text``, with sentence start and end marks."""
    out = [START]
    for raw in _TOKEN.findall(text.translate(_QUOTES)):
        low = raw.lower()
        if raw[0].isdigit():
            out.append("N")
        elif low in function_words:
            opening = out[-1] in (START, '"', ":", "(", "-", "–", "—")
            out.append(low if raw[0].islower() or opening else "^" + low)
        elif raw in _PUNCT:
            out.append("-" if raw in "–—" else raw)
        elif raw[0].isupper():
            out.append("C")
        elif raw[0].isalpha():
            out.append("w")
    out.append(END)
    return out


class FluencyModel:
    """Bigram counts over shape classes, add-k smoothed (k calibrated nowhere: 0.1 only keeps
    unseen transitions finite; the threshold that uses the score is calibrated instead)."""

    def __init__(self, function_words: frozenset[str], bigrams: dict[str, dict[str, int]], k: float = 0.1):
        self.function_words = function_words
        self.bigrams = bigrams
        self.k = k
        vocab = {b for row in bigrams.values() for b in row} | set(bigrams)
        self._size = max(len(vocab), 1)
        self._totals = {a: sum(row.values()) for a, row in bigrams.items()}
        self._logprobs: dict[tuple[str, str], float] = {}

    def logprob(self, prev: str, cur: str) -> float:
        """log2 P(cur | prev), add-k smoothed over the class vocabulary."""
        cached = self._logprobs.get((prev, cur))
        if cached is None:
            count = self.bigrams.get(prev, {}).get(cur, 0)
            cached = math.log2((count + self.k) / (self._totals.get(prev, 0) + self.k * self._size))
            self._logprobs[(prev, cur)] = cached
        return cached

    def score(self, text: str) -> float:
        """Mean log2-probability of the worst ``WINDOW`` consecutive transitions (higher = more fluent)."""
        seq = tokens(text, self.function_words)
        lps = [self.logprob(a, b) for a, b in itertools.pairwise(seq)]
        if len(lps) <= WINDOW:
            return sum(lps) / max(len(lps), 1)
        window = sum(lps[:WINDOW])
        worst = window
        for i in range(WINDOW, len(lps)):
            window += lps[i] - lps[i - WINDOW]
            worst = min(worst, window)
        return worst / WINDOW


@lru_cache(maxsize=1)
def model() -> FluencyModel:
    """The packaged model (``briefing/data/fluency.json``), loaded once."""
    data = json.loads(resources.files("briefing.data").joinpath("fluency.json").read_text(encoding="utf-8"))
    return FluencyModel(frozenset(data["function_words"]), data["bigrams"])


def fluency(text: str) -> float:
    """The fluency score of ``text`` under the packaged model (see the module docstring)."""
    return model().score(text)


def count(texts: Iterable[str], function_words: frozenset[str]) -> dict[str, dict[str, int]]:
    """Bigram counts of the shape classes of ``texts`` (one sentence each)."""
    table: dict[str, dict[str, int]] = {}
    for text in texts:
        seq = tokens(text, function_words)
        for a, b in itertools.pairwise(seq):
            row = table.setdefault(a, {})
            row[b] = row.get(b, 0) + 1
    return table
