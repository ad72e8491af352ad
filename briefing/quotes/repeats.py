"""Repeats: a quotation standing alone as a paragraph, nobody reported saying it, that repeats
the words of one attributed in the same article is that speaker's. Web pages repeat a quote as a
subheading or a pull quote (“U.S.-controlled bandit formations” over the section whose lead
quoted the ministries' “bandit formations”); the repeat has no attribution of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import Speaker, _Article
from .detect import Found

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# The shorter of the two holds this many words at least: one repeated word is no quotation.
MIN_WORDS = 2

Result = tuple[Found, Speaker | None, str | None]


def _key(text: str) -> str:
    return " " + " ".join(w.lower() for w in _WORD.findall(text)) + " "


def repeated(ctx: _Article, results: Sequence[Result]) -> list[Result]:
    """``results`` with each unattributed quotation that is a paragraph of its own (a subheading,
    a pull quote) and holds the words of an attributed one, or is held in them, given that
    speaker (cue "repeated"). A repeat inside a sentence is left alone: its writer may be quoting
    anyone's words back ("Gowdy disputed the “90 to 95 percent” figure"); but not in the article's
    title line (``ctx.title_end``): a headline quotes the body ("Startup founder: ‘We ran
    out of money in a week’")."""
    if all(speaker is not None and cue != "continuation" for _, speaker, cue in results):
        return list(results)  # the usual case: nothing to look for
    keys = [_key(ctx.text[f.start : f.end]) for f, _, _ in results]
    out = list(results)
    for k, (found, speaker, cue) in enumerate(results):
        if keys[k].count(" ") - 1 < MIN_WORDS:
            continue
        # A crosshead is a paragraph of its own that "continues" the speaker before it; when a
        # longer quote holds its words, it repeats that one ("‘Where are the fodder banks?’"
        # over the member's "Where are the fodder banks? I have gone to …").
        crosshead = cue == "continuation"
        if speaker is not None and not crosshead:
            continue
        para = ctx.paragraph_of(found.paragraph)
        if para is None:
            continue
        around = ctx.text[para.start : found.open_at] + ctx.text[found.close_at : para.end]
        if found.start >= ctx.title_end and _WORD.search(around):
            continue
        for n, (_, other, _) in enumerate(results):
            if other is None or n == k or keys[n].count(" ") - 1 < MIN_WORDS:
                continue
            if crosshead and (keys[n] == keys[k] or keys[k] not in keys[n] or other == speaker):
                continue
            if keys[n] in keys[k] or keys[k] in keys[n]:
                out[k] = (found, other, "repeated")
                break
    return out
