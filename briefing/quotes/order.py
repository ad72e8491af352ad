"""Order: which verb of saying before a quote, in its sentence, reports it.

A sentence may hold several verbs of saying before a quote ("Interfax reported that Peskov said
“…”", "Lind agreed, saying she had not called for “…”"). ``cue_order`` ranks them from the one
most likely to report the quote; clauses.py tries them in that order, each with its subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .context import _Cue
from .lexicon import SHARE, SUBORDINATE_OPENER
from .shapes import in_relative
from .speakers import Mention

# A progressive form is finite ("Kasich is telling voters …"); "saying" alone is a participle.
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|am|been|be|’s|'s)\s+(?:(?:also|now|still|not)\s+)?$")
# A participle's complement ends where a relative clause of another noun begins (", who called").
_PARTICIPLE_CLOSED = re.compile(r",\s*(?:who|which)\b")
# "argued for the second time that “…”": a complement that ends by introducing the quote.
_COMPLEMENT = re.compile(r"[\s,:]*|[\s,]+(?:[^,;:.!?“”\"]{0,80}\s)?that\s*")
_SUBORDINATOR = re.compile(r"\b(?:after|when|as|before|while|whilst|because|since|until|once)\b")
# "whom she described as “…”", "who he blasted as": a relative clause with a subject of its own
_OWN_SUBJECT_RELATIVE = re.compile(r"\b(?:whom|who|which|what)\s+[\w’'-]+\s+(?:\w+ly\s+)?$")
_AS = re.compile(r"\s*(?:as\s+(?:\w+ing\s+)?)?")
# A verb of saying in the past perfect after a subject of its own (a pronoun there is the outer
# subject again: "the elder said, he had told the young man that …"), and what may stand between
# it and the quote: "the mayor had told him to", "Tullett had warned that", "… had told him
# Thursday morning that the province was".
_PERFECT = re.compile(r"\b(?!(?:he|she|they|it|I|we|you)\b)[\w’'-]+,?\s+had\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_RELAYED_OBJECT = re.compile(
    r"\s*(?:(?:him|her|them|us|me|reporters|staff)\s+)?(?:(?:[\w-]+\s+){0,3}?(?:to|that)\b[^;:.!?“”\"]{0,80}?)?"
    r"\s*[,:]?\s*"
)

# "… his mother once told him that “…”": the one told, a pronoun, then the quote
# (or "told her to “be creative”": what the teller bid is the teller's words)
_TOLD_HIM = re.compile(r"\s+(?:him|her|them|us|me)\s+(?:(?:that|to)\s*)?[,:]?\s*")


def _told_the_outer_subject(text: str, cue: _Cue, mentions: Sequence[Mention], open_at: int) -> bool:
    """ "He said his mother once told him that “…”": a later verb of saying, with a subject of
    its own that is no pronoun, tells the outer subject the quote (the mother said it)."""
    m = next((m for m in reversed(mentions) if m.end <= cue.start), None)
    return (
        m is not None
        and m.kind != "pronoun"
        and re.fullmatch(r"\s+(?:(?:once|had|\w+ly)\s+){0,2}", text[m.end : cue.start]) is not None
        and _TOLD_HIM.fullmatch(text, cue.end, open_at) is not None
    )


def participle(text: str, cue: _Cue) -> bool:
    """Is this verb of saying a participle ("…, saying", "calling it"), not "according to" nor a
    progressive ("is saying")?"""
    if not cue.text.endswith("ing") or cue.text.startswith("according"):
        return False
    return _PROGRESSIVE.search(text, max(0, cue.start - 16), cue.start) is None


def _parenthetical(text: str, cue: _Cue, mentions: Sequence[Mention]) -> bool:
    """ "He sincerely believes, he said, that …": a reporting clause set off by commas (its
    subject, maybe an adverb, the verb) reports the whole sentence."""
    if not re.match(r"\s*,", text[cue.end : cue.end + 3]):
        return False
    m = next((m for m in reversed(mentions) if m.end <= cue.start), None)
    if m is None or not re.fullmatch(r"\s+(?:\w+ly\s+)?", text[m.end : cue.start]):
        return False
    return re.search(r",\s*$", text[max(0, m.start - 3) : m.start]) is not None


_CLAUSE_JOIN = re.compile(
    r"(?:[,;]\s*(?:and|but|while|whilst|whereas|where)?|\b(?:and|but|while|whilst|whereas))\s+(?:(?:the|a|an)\s+)?$"
)


def opens_clause(text: str, cue: _Cue, mentions: Sequence[Mention]) -> bool:
    """Does the verb have a subject of its own right before it, after a conjunction that joins a
    clause ("…, and Trump vowed", "while Lind says")?"""
    share = SHARE.search(text, max(0, cue.start - 60), cue.start)
    if share is not None:  # "… and 14 percent said “…”"
        return _CLAUSE_JOIN.search(text, max(0, share.start(1) - 12), share.start(1)) is not None
    m = next((m for m in reversed(mentions) if m.end <= cue.start), None)
    if m is None or not re.fullmatch(r"\s+(?:\w+ly\s+)?", text[m.end : cue.start]):
        # … or a short noun phrase of its own ("while the WWF said", "and a spokesman said")
        return _JOINED_PHRASE.search(text, max(0, cue.start - 50), cue.start) is not None
    return _CLAUSE_JOIN.search(text, max(0, m.start - 12), m.start) is not None


_JOINED_PHRASE = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+(?:the|a|an)\s+(?:[\w.&-]+\s+){1,3}$")


def cue_order(
    text: str,
    start: int,
    cues: Sequence[_Cue],
    open_at: int,
    mentions_in: Callable[[int, int], Sequence[Mention]],
) -> list[_Cue]:
    """The verbs of saying in ``text[start:open_at]`` (the quote's sentence before it), the most
    likely reporter of the quote first."""
    cues = list(cues)
    opener = SUBORDINATE_OPENER.match(text, start, open_at)
    # A finite verb reports the quote before a participle does ("Responding to X, Lind wrote:").
    participles = [c for c in cues if participle(text, c)]
    # … and a verb of the main clause before one in an infinitive ("wanted to admit"), in a
    # clause opening the sentence ("While not everything Trump says is true, Lind said …") or
    # in a participle's complement ("Lind agreed, saying she had not called for …").
    first_participle = participles[0].start if participles else open_at
    lesser = [
        c
        for c in cues
        if c not in participles
        and (
            re.search(r"\bto\s+$", text[max(start, c.start - 4) : c.start])
            or (opener is not None and c.start < opener.end())
            or (c.start > first_participle and not _PARTICIPLE_CLOSED.search(text, first_participle, c.start))
            or in_relative(text, start, c, open_at)
        )
    ]
    order = [c for c in cues if c not in participles and c not in lesser] + participles + lesser
    mentions = mentions_in(start, open_at)
    parenthetical = [c for c in cues if c not in participles and _parenthetical(text, c, mentions)]
    if parenthetical:
        teller = cues[-1]
        if teller.start > parenthetical[-1].start and _told_the_outer_subject(
            text, teller, mentions, open_at
        ):
            # "Once, she said, an administrator told her to “be creative”": she relays the
            # administrator's words
            return [teller, *(c for c in order if c is not teller)]
        return [parenthetical[-1], *(c for c in order if c is not parenthetical[-1])]
    # A clause of its own, joined after the first ("Cruz said he'd make sand “glow,” and Trump
    # vowed to “bomb …”"): its verb reports what follows it, the first clause's verb does not.
    joined = [c for c in cues[1:] if opens_clause(text, c, mentions)]
    if joined:
        order = [joined[-1], *(c for c in order if c is not joined[-1])]
    # … but a verb right before the quote introduces it ("Asked what he believed, he said, “…”").
    # Only in a clause of its own: "Obama said he expected Americans will say “no”" is Obama's.
    # A verb in a clause of its own after the main one ("Axelrod tweeted after Clinton argued …
    # that “…”") reports the quote its complement introduces, as does one in a relative clause
    # with a subject of its own ("Perez contrasted the candidate, whom he described as “…”").
    last = cues[-1] if cues else None
    if last is None:
        return order
    if last in participles:
        # "…,” he said, adding, “…”": a participle right before the quote goes with the verb it
        # follows, whose subject it shares
        if (
            len(cues) > 1
            and cues[-2] not in participles
            and re.fullmatch(r"[\s,:]*", text[last.end : open_at])
            and re.fullmatch(r"\s*,\s*", text[cues[-2].end : last.start])
        ):
            return [cues[-2], *(c for c in order if c is not cues[-2])]
        return order
    between = text[cues[-2].end : last.start] if len(cues) > 1 else ""
    if (
        (
            re.fullmatch(r"[\s,:]*", text[last.end : open_at])
            and (len(cues) == 1 or re.search(r"[,;]", between))
        )
        or (
            len(cues) > 1 and _SUBORDINATOR.search(between) and _COMPLEMENT.fullmatch(text, last.end, open_at)
        )
        or (
            _OWN_SUBJECT_RELATIVE.search(text, max(start, last.start - 30), last.start)
            and _AS.fullmatch(text, last.end, open_at)
        )
        or (
            # relayed in the past perfect: "Walker told Stuff that the mayor had told him to “…”"
            len(cues) > 1
            and _PERFECT.search(text, max(start, last.start - 20), last.start) is not None
            and _RELAYED_OBJECT.fullmatch(text, last.end, open_at) is not None
        )
        or (len(cues) > 1 and _told_the_outer_subject(text, last, mentions, open_at))
    ):
        order = [last, *(c for c in order if c is not last)]
    return order
