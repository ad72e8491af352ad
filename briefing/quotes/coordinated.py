"""Coordinated quotes: two quotes of one sentence that share one attribution ("Guns are “a
crisis” and “stunt growth,” Dean said").
"""

from __future__ import annotations

import re

from .clauses import _words
from .context import Speaker, _Article
from .detect import Found
from .reported import NOT_VERB_CUES as _NOT_VERB_CUES

_JOINED_QUOTES = re.compile(r"\s*,?\s*(?:(?:and|or)\s*)?")


def _coordinated(
    ctx: _Article, results: list[tuple[Found, Speaker | None, str | None]]
) -> list[tuple[Found, Speaker | None, str | None]]:
    """Quotes joined in one sentence ("Guns are “a crisis” and “stunt growth,” Dean said") share
    the attribution of the last: a quote that had only the sentence's subject (or nothing) takes
    the verb of saying that reports the one it is coordinated with."""
    out = list(results)
    for k in range(len(out) - 2, -1, -1):
        found, _, cue = out[k]
        nxt, nxt_speaker, nxt_cue = out[k + 1]
        if (
            cue in (None, "subject")
            and nxt_speaker is not None
            and nxt_cue not in _NOT_VERB_CUES
            and nxt.paragraph == found.paragraph
            and found.style == nxt.style == "marks"
            and (
                _JOINED_QUOTES.fullmatch(ctx.text, found.close_at, nxt.open_at)
                or (
                    # a single word left unattributed is more often a term than a quote ("terribly
                    # disruptive" is two: PolNeAR train unchanged by it, one quote of the news tune part)
                    (cue == "subject" or len(_words(ctx.text[found.start : found.end])) >= 2)
                    and _final_for_both(ctx, found, nxt, nxt_speaker)
                )
            )
        ):
            out[k] = (found, nxt_speaker, nxt_cue)
    return out


def _final_for_both(ctx: _Article, found: Found, nxt: Found, speaker: Speaker) -> bool:
    """ "His endorsements will carry “weight” and bring candidates the “firepower” they need,
    Sroka said.": one sentence, no verb of saying between the two quotes, and the later quote's
    attribution after it, closing the sentence: it reports both."""
    # where the first quote ends: a quote of several sentences ends in the later one's sentence
    here = ctx.sentence(max(found.start, found.end - 1))
    if here is None or here is not ctx.sentence(nxt.open_at) or speaker.span is None:
        return False
    if ctx.cues_in(found.close_at, nxt.open_at) or ctx.found_in(found.close_at, nxt.open_at):
        return False
    return nxt.close_at <= speaker.span[0] < here.end
