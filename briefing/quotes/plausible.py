"""Plausible speakers: which mentions may speak at all — not a place, not page furniture, and a
lone capitalised word opening its sentence only when the article knows it as a name — and the
word lists the attribution rules count with (``_words``)."""

from __future__ import annotations

import re

from .context import _Article
from .detect import TOKEN
from .lexicon import CUE_WORDS, FURNITURE
from .mention import Mention
from .places import is_country, is_place


def _words(text: str) -> list[str]:
    return [w for w in TOKEN.findall(text) if w[:1].isalnum() or any(ch.isalnum() for ch in w)]


def _plausible(ctx: _Article, m: Mention) -> bool:
    """Can this mention be a speaker? Not a place; and a lone capitalised word that opens its
    sentence ("Military exercises announced …") is only a name when the article knows it as one
    (a surname of someone named in full, a config actor, the subject of a verb of saying)."""
    if FURNITURE.fullmatch(m.name.strip(" .:")):
        return False
    if (m.kind == "place" or is_place(m.name)) and is_country(m.name) and _subject_of_cue(ctx, m):
        return True  # "Iran said", "said Britain": a country speaks through its government
    if m.kind == "place":
        return False  # a place, or page furniture ("Article Continued Below", "Getty Images")
    if m.kind in ("name", "person") and not m.role and is_place(m.name):
        # "Charlotte", "Oklahoma", "German": a place or an adjective, unless the article names a
        # person so ("Houston" when it has named Ilse Houston).
        return ctx.people.known_surname(m.name) and " " not in m.name
    if m.kind != "name" or m.name in ctx.speaking or m.name in ctx.named_inside:
        return True
    if ctx.people.known_surname(m.name) or ctx.people.known_given_name(m.name) or _subject_of_cue(ctx, m):
        return True  # … or a verb of saying right after it: "Tottenham said in a statement"
    start, _ = ctx.sentence_bounds(m.start)
    return bool(_words(ctx.text[start : m.start]))


# (after an apposition in commas too: "Carabineros, Chile’s national police, said")
_CUE_AFTER = re.compile(
    r"(?:\s*,[^,;:.!?“”\"]{3,60},)?\s+(?:(?:has|have|had|also|again|later|then|earlier|previously)\s+){0,2}([a-z]+)"
)
_CUE_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _a_place(ctx: _Article, m: Mention) -> bool:
    """A place by its name that the article does not know as someone's surname."""
    return not m.role and is_place(m.name) and not ctx.people.known_surname(m.name)


def _subject_of_cue(ctx: _Article, m: Mention) -> bool:
    """Does a verb of saying stand right after the mention ("Iran has said") or before it ("said
    Iran")?"""
    after = _CUE_AFTER.match(ctx.text, m.end)
    if after and (after.group(1) in CUE_WORDS or ctx.cues_in(after.start(1), after.start(1) + 1)):
        return True  # … or a word read as a verb of saying there ("which Britain calls “…”")
    before = _CUE_BEFORE.search(ctx.text[max(0, m.start - 20) : m.start])
    return bool(before and before.group(1) in CUE_WORDS)
