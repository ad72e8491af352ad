"""The reporter of a sentence: the subject of its first finite verb of saying ("Cuban said",
"His manager, Jeff Weaver, said", "…, said Robert Egge"), whom a sentence of reported speech is
about, and whom a "he" after it most likely stands for."""

from __future__ import annotations

import re

from .context import _Article
from .mention import Mention
from .named import apposed as _apposed
from .plausible import _plausible
from .shapes import inverted_gap


def reporter(ctx: _Article, start: int, end: int) -> Mention | None:
    """The subject of the first finite verb of saying in ``text[start:end]``: the mention right
    before it ("Cuban said", "His manager, Jeff Weaver, said", "Sandy Lind, who lost her
    daughter in 2012, said"), or after it when it is inverted ("…, said Robert Egge")."""
    for cue in ctx.cues_in(start, end):
        if cue.text.endswith("ing") or cue.text.lower().startswith("according"):
            continue
        before = [
            m
            for m in ctx.in_range(start, cue.start)
            if not m.after_preposition and m.kind != "place" and _plausible(ctx, m)
        ]
        for m in before:
            if _RELATIVE_TO_VERB.fullmatch(ctx.text, m.end, cue.start):
                return m  # "X, who …, said": the relative clause is X's
            if m.kind in ("person", "name") and _APPOSITION_TO_VERB.fullmatch(ctx.text, m.end, cue.start):
                return m  # "Kym Lind, a spokesperson for the firm, confirmed"
        if before and _SUBJECT_TO_VERB.fullmatch(ctx.text, before[-1].end, cue.start):
            return before[-1]
        if before and re.fullmatch(r",\s*", ctx.text[before[-1].end : cue.start]):
            if before[-1].kind in ("person", "name"):
                return before[-1]  # "His campaign manager, Jeff Weaver, said"
            apposed = _apposed(ctx, before[-1]) if before[-1].kind in ("role", "description") else None
            if apposed is not None:
                return apposed  # "Kym Lind, a spokesperson for the firm, confirmed"
        if (
            len(before) == 1
            and ctx.text[start : before[0].start].strip(' \t\n“”"').lower() in ("", "the", "a", "an")
            and _APPOSED_OPENER.fullmatch(ctx.text, before[0].end, cue.start)
        ):
            return before[0]  # "The union leader, of 52 years and …, remembered Jorge Tapia"
        if re.search(r",\s*$", ctx.text[start : cue.start]):
            # inverted: the speaker after the verb closes the clause ("…, said Robert Egge,
            # director of …"); "X, an expert, says Libya is …" has its subject before
            after = [m for m in ctx.in_range(cue.end, end) if m.kind != "place" and _plausible(ctx, m)]
            if (
                after
                and not after[0].after_preposition
                and inverted_gap(ctx.text[cue.end : after[0].start])
                and "that" not in ctx.text[cue.end : after[0].start].split()
                and re.match(r"\s*(?:[,.;:(]|$)", ctx.text[after[0].end : end])
            ):
                return after[0]
        return None
    return None


# Between a subject and its verb: an adverb, or where it spoke ("X in a statement said").
_SUBJECT_TO_VERB = re.compile(r"\s+(?:\w+ly\s+|also\s+|in\s+an?\s+(?:\w+\s+)?(?:statement|post|letter)\s+)?")
# (an apposition may hold a nickname in quotation marks: "a volunteer whom families call “Doctor Bhai”")
_APPOSITION_TO_VERB = re.compile(
    r",\s*(?:an?|the|[A-Z][\w-]*[’']s)\s+(?:[^,;:!?“”\"]|“[^“”,]{1,30}”|\"[^\",]{1,30}\"){1,80},\s*"
)
_RELATIVE_TO_VERB = re.compile(r",\s*(?:\d{1,3},\s*)?(?:who|whose|which)\b[^;:!?“”\"]*,\s*")


# Between a sentence's opening subject and its verb: one aside in commas with no one named in it.
_APPOSED_OPENER = re.compile(r",\s*[^,;:!?“”\"]{1,80},\s*")
