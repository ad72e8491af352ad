"""Questions put to a speaker: the one who asks says them, not the one who answers.

"Asked by a reporter, “Is the DPL not a criterion?”, Milon replied, “…”", "When a journalist
asked «Will you go to the Supreme Court?», Hamza Akhtar said «…»" and "a journalist, who asked,
“Governor, when should businesses expect relief?”" quote the asker, whatever cue follows. A
question put by nobody named ("When asked, “…?”, the minister said") is nobody's: the
answerer's cue after it must not take it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Speaker, _Article
from .detect import Found, asks
from .resolve import _resolved

# "asked", perhaps passive ("was asked", "When asked") and with its agent ("by a reporter"),
# right before the quotation's opening mark (a comma or colon between).
_ASKED = re.compile(
    r"(?P<passive>\b(?i:was|were|been|being|is|are|when|after|once|if)[ \t]+)?"
    r"\b(?P<verb>[Aa]sked)(?:[ \t]+by[ \t]+(?P<by>[^,:;.“”\"«»]{1,60}?))?[ \t]*[,:]?[ \t]*\Z"
)
# "a journalist, who asked": the relative pronoun stands for the noun phrase before it.
_WHO = re.compile(r",?[ \t]*\bwho[ \t]+\Z")


def asked(ctx: _Article, found: Found) -> tuple[Speaker | None, str] | None:
    """Who asks the quoted question, when the quotation is the object of "asked": the agent of a
    passive ("asked by a reporter"), else the subject of "asked" ("a journalist asked"); (None,
    "question") for a question nobody named puts; None when no "asked" introduces it."""
    if not asks(ctx.text, found):
        return None  # an answer quoted after "asked" ("Asked about it, he said: “No.”") is not asked
    start = ctx.sentence_bounds(found.open_at)[0]
    hit = _ASKED.search(ctx.text, start, found.open_at)
    if hit is None:
        return None
    if hit.group("by"):
        a, b = hit.span("by")
        return _first_resolved(ctx, a, b) or (None, "question")
    if hit.group("passive") or hit.start("verb") == start or ctx.text[hit.start("verb")] == "A":
        return None, "question"  # "When asked, “…?”": the asker is not named
    end = hit.start("verb")
    who = _WHO.search(ctx.text, start, end)
    if who is not None:
        end = who.start()  # "a journalist, who asked": the journalist
    before = [m for m in ctx.in_range(start, end) if m.end >= end - 2]
    return _first_resolved(ctx, before[-1].start, before[-1].end) if before else None


def _first_resolved(ctx: _Article, start: int, end: int) -> tuple[Speaker, str] | None:
    for m in ctx.in_range(start, end):
        got = _resolved(ctx, replace(m, after_preposition=False), "asked")
        if got is not None:
            return got
    return None
