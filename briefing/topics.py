"""Topics: which sentences speak to which configured topic.

A keyword or phrase matches when its stemmed words occur as a contiguous run of the sentence's
stemmed words, case-insensitively and in order ("sanction" matches "sanctions" and
"sanctioned"; "security guarantees" matches "security guarantee" but not "guarantees of
security"). Hyphenated words are also matched part by part, so "pro-Russian separatists" serves
"separatists". A sentence may serve several topics.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .config import Topic
from .models import Sentence
from .summarizers.base import stem

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def stems(text: str) -> tuple[str, ...]:
    """Lower-cased, stemmed word tokens of ``text`` (punctuation and hyphens split words)."""
    return tuple(stem(t) for t in _TOKEN.findall(text.replace("’", "'")))


@dataclass(frozen=True, slots=True)
class TopicMatcher:
    """Compiled keyword phrases of every topic."""

    phrases: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (topic name, stemmed phrases)

    @classmethod
    def from_topics(cls, topics: Sequence[Topic]) -> TopicMatcher:
        """Stem every keyword phrase once."""
        return cls(tuple((t.name, tuple(p for p in (stems(k) for k in t.keywords) if p)) for t in topics))

    def match(self, text: str) -> tuple[str, ...]:
        """Names of the topics whose keywords occur in ``text``, in configuration order."""
        tokens = stems(text)
        if not tokens:
            return ()
        positions: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            positions.setdefault(token, []).append(i)
        found = []
        for name, phrases in self.phrases:
            if any(_occurs(phrase, tokens, positions) for phrase in phrases):
                found.append(name)
        return tuple(found)


def _occurs(phrase: tuple[str, ...], tokens: tuple[str, ...], positions: dict[str, list[int]]) -> bool:
    n = len(phrase)
    return any(tokens[i : i + n] == phrase for i in positions.get(phrase[0], ()))


def match_topics(sentences: Sequence[Sentence], matcher: TopicMatcher) -> tuple[tuple[str, ...], ...]:
    """Topic names for each sentence, parallel to ``sentences``."""
    return tuple(matcher.match(s.text) for s in sentences)
