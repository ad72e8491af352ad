"""Clauses that open a sentence ("After meeting Kiprop, …", "Asked about it as he left, …",
"Pressed on whether Amaral fitted, …"): their names and pronouns are not the main clause's
subject but often stand for it, so apposition, antecedents and a description's gender read
them apart."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import SUBORDINATE_OPENER
from .mention import Mention

if TYPE_CHECKING:
    from .context import _Article


# Where a sentence starts: after a sentence's end (and a closing mark) or a line break.
_SENTENCE_END = re.compile(r"(?:[.!?…][”\"’]?[ \t]+|\n)")


def closes_opener(text: str, m: Mention) -> bool:
    """Does the mention end a clause that opens its sentence ("After meeting Kiprop, the senator
    said", "Speaking before the House, the CS said")? Then the role after the comma is the main
    clause's subject, not in apposition to it."""
    line = max(text.rfind("\n", 0, m.start), 0)
    starts = [e.end() for e in _SENTENCE_END.finditer(text, line, m.start)]
    opener = SUBORDINATE_OPENER.match(text, starts[-1] if starts else line)
    return opener is not None and opener.end() >= m.end


def cataphor(ctx: _Article, start: int, pronoun: Mention, mentions: list[Mention]) -> Mention | None:
    """The subject a pronoun inside a clause opening its sentence stands for: the main clause's
    first name ("Asked about it as he left the office, Mehmood was dismissive": Mehmood)."""
    opener = SUBORDINATE_OPENER.match(ctx.text, start)
    if opener is None or not start <= pronoun.start < opener.end():
        return None
    after = [m for m in mentions if m.start >= opener.end()]
    # … or its role ("Asked by Ocampo whether he would …, the former CEO paused")
    return (
        after[0]
        if after
        and after[0].kind in ("person", "name", "role", "definite")
        and not after[0].after_preposition
        else None
    )


_GENDERED = re.compile(r"\b(?:(he|him|his)|(she|her|hers))\b")


def opener_gender(ctx: _Article, opener: re.Match[str] | None, m: Mention) -> Mention:
    """The description with the gender of the pronouns of ``opener``, the clause opening its
    sentence (SUBORDINATE_OPENER's match there), which are its own ("Asked what the win meant to
    her, the coach paused": a woman)."""
    if m.gender is not None or opener is None or opener.end() > m.start:
        return m
    found = {"m" if g.group(1) else "f" for g in _GENDERED.finditer(ctx.text, opener.start(), opener.end())}
    return replace(m, gender=found.pop()) if len(found) == 1 else m
