"""Topics: which sentences speak to which configured topic.

A keyword or phrase matches when its stemmed words occur as a contiguous run of the sentence's
stemmed words, case-insensitively and in order ("sanction" matches "sanctions" and
"sanctioned"; "security guarantees" matches "security guarantee" but not "guarantees of
security"). Hyphenated words are also matched part by part, so "pro-Russian separatists" serves
"separatists". A sentence may serve several topics.

A topic's ``description`` (a question or statement in plain words) matches from its content
words (stop words and words that only frame a request, such as "discuss", left out): a sentence
serves it when it contains two adjacent content words of the description as a phrase ("eastward
expansion"), or at least two of its distinct content words (one, when the description has no
more than two). The description is then expanded from the article itself (pseudo-relevance
feedback): the content words that recur in the sentences matched so far, and that the article
does not use everywhere, count half as much as a description word, so "Where does Moscow stand on
the alliance's enlargement?" also finds "Russia demands that NATO rule out Ukraine's membership"
in an article whose matching sentences keep saying "membership".

Matching is linear in the words: every distinct word is stemmed once for the whole run (a
profile of a large build spent a sixth of its time re-stemming the same words), and phrases are
looked up by their first stem instead of tried one by one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from .config import Topic
from .models import Sentence
from .summarizers.base import stem, stop_words
from .summarizers.query import FRAMING_WORDS

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Stem of every distinct token seen in this process. Unbounded on purpose: a corpus's vocabulary
# is small next to its text (≈ 60,000 distinct tokens in 1,000 news articles), and an LRU cache
# of fixed size thrashes once a large run's vocabulary outgrows it.
_STEMS: dict[str, str] = {}

# Expansion words count this much of a description word. Reasoned, not measured (no labelled
# topic assignments exist for this): half, so a sentence needs a description word and two
# recurring words of the article's matching sentences, or one description word and the phrase.
EXPANSION_WEIGHT = 0.5
# A word the article uses in more than this share of its sentences says nothing about a topic.
EXPANSION_MAX_SHARE = 0.5
# At most this many expansion words per topic and article (the most recurrent first).
EXPANSION_TERMS = 10


def _stem(token: str) -> str:
    found = _STEMS.get(token)
    if found is None:
        found = _STEMS[token] = stem(token)
    return found


def stems(text: str) -> tuple[str, ...]:
    """Lower-cased, stemmed word tokens of ``text`` (punctuation and hyphens split words)."""
    return tuple(_stem(t) for t in _TOKEN.findall(text.replace("’", "'")))


@dataclass(frozen=True, slots=True)
class Description:
    """A description compiled for matching: its content stems, those that are names, and its
    adjacent pairs of content stems."""

    words: frozenset[str]
    names: frozenset[str]  # capitalised in the description: context ("Russia") more than core
    pairs: frozenset[tuple[str, str]]

    @property
    def needed(self) -> float:
        """How much evidence a sentence needs: a core word and a name or a second word, or one
        word of a description that has no more than two."""
        return 1.0 if len(self.words) <= 2 else 1.5

    @classmethod
    def compile(cls, text: str) -> Description:
        """Content stems of ``text`` (framing words kept only if nothing else is left)."""
        stops = stop_words()
        text = text.replace("’", "'")
        found = list(_TOKEN.finditer(text))
        raw = [m.group() for m in found]
        # A capitalised word at the start of a sentence of the description is not a name.
        initial = [
            not text[: m.start()].rstrip(" \"'“‘(").strip() or text[: m.start()].rstrip()[-1] in ".!?:"
            for m in found
        ]
        content = [None if t.lower() in stops or len(t) < 2 else t for t in raw]
        kept = [
            (t, first)
            for t, first in zip(content, initial, strict=True)
            if t is not None and t.lower() not in FRAMING_WORDS
        ] or [(t, first) for t, first in zip(content, initial, strict=True) if t is not None]
        words = frozenset(_stem(t) for t, _ in kept)
        # Capitalised words are names; acronyms ("NATO") are more often what the topic is about.
        proper = {_stem(t) for t, first in kept if t[0].isupper() and not t.isupper() and not first}
        names = frozenset(proper - {_stem(t) for t, _ in kept if not t[0].isupper()})
        pairs = frozenset(
            (_stem(a), _stem(b))
            for (a, _), (b, starts) in pairwise(zip(content, initial, strict=True))
            if a is not None and b is not None and not starts and _stem(a) in words and _stem(b) in words
        )
        return cls(words, names, pairs)

    def evidence(
        self,
        tokens: Sequence[str],
        expansion: frozenset[str] = frozenset(),
        common: frozenset[str] = frozenset(),
        distinct: set[str] | None = None,
    ) -> float:
        """How strongly a sentence of stemmed ``tokens`` speaks to the description: 0 without a
        core word (one that is not a name); else a core word counts 1, a name or a word the
        article uses everywhere (``common``) half, an expansion word ``EXPANSION_WEIGHT``, and a
        description phrase of two words half a word more."""
        distinct = set(tokens) if distinct is None else distinct
        shared = distinct & self.words
        if not shared - self.names:
            return 0.0
        score = sum(0.5 if w in self.names or w in common else 1.0 for w in shared)
        score += EXPANSION_WEIGHT * len(distinct & expansion)
        if self.pairs and any(pair in self.pairs for pair in pairwise(tokens)):
            score += 0.5
        return score


@dataclass(frozen=True, slots=True)
class TopicMatcher:
    """Compiled keyword phrases and descriptions of every topic."""

    phrases: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (topic name, stemmed phrases)
    descriptions: tuple[Description | None, ...] = ()  # parallel to ``phrases``
    # first stem of a phrase -> (topic position, phrase): built once, by ``from_topics``
    index: Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]] = field(default_factory=dict)

    @classmethod
    def from_topics(cls, topics: Sequence[Topic]) -> TopicMatcher:
        """Stem every keyword phrase and description once."""
        phrases = tuple((t.name, tuple(p for p in (stems(k) for k in t.keywords) if p)) for t in topics)
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for k, (_, compiled) in enumerate(phrases):
            for phrase in compiled:
                index.setdefault(phrase[0], []).append((k, phrase))
        return cls(
            phrases,
            tuple(Description.compile(t.description) if t.description else None for t in topics),
            {first: tuple(entries) for first, entries in index.items()},
        )

    def match(self, text: str) -> tuple[str, ...]:
        """Names of the topics whose keywords (or description) ``text`` speaks to, in
        configuration order (without the article-level expansion of ``match_topics``)."""
        return self._names(self._matches(stems(text), ()))

    def _matches(
        self,
        tokens: Sequence[str],
        expansions: Sequence[frozenset[str]],
        common: frozenset[str] = frozenset(),
    ) -> set[int]:
        found: set[int] = set()
        for i, token in enumerate(tokens):
            for k, phrase in self.index.get(token, ()):
                if k not in found and tuple(tokens[i : i + len(phrase)]) == phrase:
                    found.add(k)
        return self._described(tokens, found, expansions, common)

    def _described(
        self,
        tokens: Sequence[str],
        found: set[int],
        expansions: Sequence[frozenset[str]],
        common: frozenset[str],
        only_expanded: bool = False,
    ) -> set[int]:
        """``found`` plus the description topics ``tokens`` speak to (with ``only_expanded``,
        only those whose expansion is not empty are tried: the others were tried already)."""
        distinct: set[str] | None = None
        for k, description in enumerate(self.descriptions):
            if description is None or k in found:
                continue
            expansion = expansions[k] if expansions else frozenset()
            if only_expanded and not expansion:
                continue
            distinct = distinct if distinct is not None else set(tokens)
            if description.evidence(tokens, expansion, common, distinct) >= description.needed:
                found = found | {k}
        return found

    def _names(self, found: set[int]) -> tuple[str, ...]:
        return tuple(self.phrases[k][0] for k in sorted(found))


def match_topics(sentences: Sequence[Sentence], matcher: TopicMatcher) -> tuple[tuple[str, ...], ...]:
    """Topic names for each sentence of one article, parallel to ``sentences``.

    Description topics are matched twice: once from the description, then again with the
    description expanded by the words that recur in this article's matching sentences.
    """
    tokens = [stems(s.text) for s in sentences]
    if not any(d is not None for d in matcher.descriptions):
        return tuple(matcher._names(matcher._matches(t, ())) for t in tokens)
    share: dict[str, int] = {}
    for t in tokens:
        for s in set(t):
            share[s] = share.get(s, 0) + 1
    # Words this article uses in most of its sentences ("Russia" in news about Russia) say little
    # about which of them serve a topic; too short an article cannot tell.
    limit = EXPANSION_MAX_SHARE * len(tokens)
    common = frozenset(s for s, n in share.items() if n > limit) if len(tokens) >= 4 else frozenset()
    first = [matcher._matches(t, (), common) for t in tokens]
    expansions = [
        _expansion(tokens, first, k, d, share, common) if d is not None else frozenset()
        for k, d in enumerate(matcher.descriptions)
    ]
    if not any(expansions):
        return tuple(matcher._names(f) for f in first)
    return tuple(
        matcher._names(matcher._described(t, f, expansions, common, only_expanded=True))
        for t, f in zip(tokens, first, strict=True)
    )


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    return frozenset(_stem(w) for w in stop_words())


def _expansion(
    tokens: Sequence[Sequence[str]],
    first: Sequence[set[int]],
    k: int,
    description: Description,
    share: Mapping[str, int],
    common: frozenset[str],
) -> frozenset[str]:
    """Content stems recurring in at least two of the article's sentences matched to topic ``k``,
    not used by most of the article, and not already description words."""
    stops = _stop_stems()
    matched = [set(t) for t, f in zip(tokens, first, strict=True) if k in f]
    if len(matched) < 2:
        return frozenset()
    counts: dict[str, int] = {}
    for words in matched:
        for s in words:
            counts[s] = counts.get(s, 0) + 1
    candidates = [
        s
        for s, c in counts.items()
        if c >= 2 and s not in common and s not in description.words and s not in stops and len(s) > 2
    ]
    candidates.sort(key=lambda s: (-counts[s], -share[s], s))
    return frozenset(candidates[:EXPANSION_TERMS])
