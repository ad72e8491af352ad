"""Reported words: when a quoted word or two inside a sentence is someone's words, not a term.

News quotes single words inside reported speech ("Vell said the plan would be a “failure”",
"Rask called him a “coward”", "according to Vell, critics would call it a “retreat”") as often
as it sets off a term or a title nobody says (the “opt-out” movement, the "Solid South", a show
called “Harbour Lights”). The difference is the sentence around the marks, not the word: a word
in the complement of a verb of saying (or of framing, "blamed it on “…”") after the speaker who
uses it, or before an attribution that closes the sentence, is that speaker's; a word with no
such verb, after "so-called", or after a passive verb ("what is called a “…”") is a term. A
quoted run of capitalised words, or a title ("State of the Union"), is a name unless it is a
whole reply ("“Denver,” he answered.") or a name the speaker gives ("he called Rask “Little
Tom”"). attribute.py asks the other questions only of stretches it would otherwise drop.
"""

from __future__ import annotations

import re

from .context import Speaker, _Article, _Cue
from .detect import TOKEN, Found, starts_with_cue
from .lexicon import CUE_WORDS, DOUBLE_MARKS, FRAMING_WORDS, SINGLE_MARKS
from .plausible import _plausible, _words

# What may stand between a reply and its attribution: marks ('' or an inner quote's) and spaces.
_MARKS_AND_SPACE = "".join(sorted(DOUBLE_MARKS | SINGLE_MARKS)) + " \t"
# Attributions that rest on no verb of saying of the quote's own sentence.
NOT_VERB_CUES = frozenset({None, "subject", "continuation", "colon"})

# A marker of the writer's own naming right before the marks: "the so-called “rebels”". An
# article does not make a reported word a term ("Vell called him a “coward”", "Rask said the
# “fraud” went back years"): on PolNeAR train every one of 15 such words after "the" lies in
# someone's reported speech.
_NAMING_BEFORE = re.compile(r"\bso[- ]called\s+$", re.IGNORECASE)


# Words after which a verb form is a noun ("a call for", "the charge").
_DETERMINERS = frozenset("a an the his her their its our my your this that these those".split())
# How many words may stand between a subject and its framing verb ("Vell has since implied",
# "Rask did post"). On PolNeAR train 2 and 3 keep the same quotes, 1 loses one with the right
# speaker, 4 adds one with the wrong one.
FRAMING_GAP = 3


def in_reported_speech(ctx: _Article, found: Found, speaker: Speaker | None, cue: str | None) -> bool:
    """Do the quoted words stand in the complement of a verb of saying whose speaker comes before
    them in the same sentence ("Vell argued that “liberals” …", "Rask called him a “coward”",
    "Vell blamed the delay on “bureaucrats”")?"""
    if found.style != "marks" or speaker is None or speaker.span is None:
        return False
    start, end = ctx.sentence_bounds(found.open_at)
    if speaker.span[0] >= found.close_at and cue not in NOT_VERB_CUES:
        return _closing_attribution(ctx.text, found, speaker.span, end)
    if not (start <= speaker.span[0] and speaker.span[1] <= found.open_at):
        return False
    if _NAMING_BEFORE.search(ctx.text, max(0, found.open_at - 12), found.open_at) is not None:
        return False
    if cue == "subject":
        return _framed_by_subject(ctx.text, speaker.span[1], found.open_at)
    if cue in NOT_VERB_CUES:
        return False
    verb = _cue_before(ctx, start, found.open_at, cue)
    return verb is None or not (_passive(ctx.text, verb, found.open_at) or _own_clause(ctx, verb, found))


# How many words may follow the speaker in an attribution that closes the sentence ("…, Vell has
# said on Monday."). On PolNeAR train 2 to 8 keep the same quotes, 1 loses one.
CLOSING_WORDS = 3


def _closing_attribution(text: str, found: Found, span: tuple[int, int], end: int) -> bool:
    """An attribution after a comma that closes the sentence reports all of it: "Even a “good”
    job does not help, Vell said." ("the “autopsy” recommended, …" has no comma; "…, Vell said,
    that the plan …" goes on)."""
    between = text[found.close_at : span[0]]
    if (
        "," not in between
        or re.search(r"[.!?…]\W", between)
        or any(ch in text[found.close_at : end] for ch in '“”"')
    ):
        return False  # no comma, a sentence of its own the segmenter joined, or another quote
    return len(_words(text[span[1] : end])) <= CLOSING_WORDS


def _cue_before(ctx: _Article, start: int, open_at: int, cue: str | None) -> _Cue | None:
    """The verb of saying ``cue`` names, the last of its words before the quote."""
    found = [c for c in ctx.cues_in(start, open_at) if cue is not None and cue.startswith(c.text)]
    return found[-1] if found else None


# A form of "be" before a verb makes it passive: "what is called a “debate”" names no speaker.
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _passive(text: str, verb: _Cue, open_at: int) -> bool:
    """A passive verb of saying with no agent ("is called", but not "was described by Vell as")."""
    if _BE_BEFORE.search(text, max(0, verb.start - 20), verb.start) is None:
        return False
    return re.search(r"\bby\b", text[verb.end : open_at]) is None


def _own_clause(ctx: _Article, verb: _Cue, found: Found) -> bool:
    """Another quote between the verb and this one, and right after it a subject of its own
    ("While Vell calls it “a mess,” Rask dwells on the “cost”"): this quote is in a clause the
    verb does not govern ("…” and that Rask faced a “loss”" still is)."""
    between = ctx.found_in(verb.end, found.open_at)
    if not between:
        return False
    after = ctx.found[between[-1]].close_at
    subject = next((m for m in ctx.in_range(after, found.open_at) if not m.after_preposition), None)
    return subject is not None and not _words(ctx.text[after : subject.start]) and _plausible(ctx, subject)


def _framed_by_subject(text: str, end: int, open_at: int) -> bool:
    """A verb of saying or framing right after the subject that ends at ``end`` ("Vell has
    implied", "Rask did post"), not a noun ("Vell's call for", "a report by")."""
    if re.match(r"['’]s?\s", text[end : end + 3]):
        return False  # "Vell's promise": a possessive, the words after it a noun phrase
    words = [m.group() for m in TOKEN.finditer(text, end, open_at)][: FRAMING_GAP + 1]
    for i, word in enumerate(words):
        low = word.lower()
        if low in CUE_WORDS or low in FRAMING_WORDS:
            return i == 0 or words[i - 1].lower() not in _DETERMINERS
    return False


# Lower-case words a title may hold between its capitalised ones ("State of the Union", "Hispanics
# para Trump").
_TITLE_SMALL = frozenset(
    "the of and for with a an in on to is from at by or vs para de del la le el y".split()
)
# The longest title read as one; and the share of capitalised words that makes a whole sentence
# headline case, where a quoted title cannot be told from a quoted phrase. On PolNeAR train the
# rule drops 49 non-attributions, 11 stretches inside attributions and 16 gold direct quotations
# (10 of them with a wrong or no speaker mention); 4 to 8 words and shares of 0.5 to 1 move F1 by
# under 0.05 points.
TITLE_WORDS = 6
HEADLINE_SHARE = 0.7


def title_like(ctx: _Article, found: Found) -> bool:
    """ "State of the Union", "Ban on Face Coverings": a short run of capitalised words with
    lower-case function words between them, outside a headline-case sentence, is a title."""
    words = _words(ctx.text[found.start : found.end])
    if not 0 < len(words) <= TITLE_WORDS or ctx.text[found.end - 1] in ".!?":
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    small = [w.lower() in _TITLE_SMALL for w in words]
    if not any(small) or not all(w[:1].isupper() or s for w, s in zip(words, small, strict=True)):
        return False
    start, end = ctx.sentence_bounds(found.open_at)
    rest = [w for w in _words(ctx.text[start : found.open_at] + " " + ctx.text[found.close_at : end])]
    rest = [w for w in rest if w.lower() not in _TITLE_SMALL]
    return not rest or sum(w[:1].isupper() for w in rest) < HEADLINE_SHARE * len(rest)


# How many words the named thing may take between the verb and the name ("called the Soviet
# “…”"). On PolNeAR train 2 to 8 keep the same names, 1 loses one.
NAMED_OBJECT_WORDS = 3
# Verbs by which a speaker gives something a name of their own ("he called Rask “Little Tom”").
_NAMING_VERBS = frozenset(
    "call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling labelling"
    " brand brands branded branding nickname nicknames nicknamed nicknaming".split()
)


# What makes the quote after it a name the writer reports, not anyone's words. ("titled" is
# not: PolNeAR train counts an op-ed's quoted title as its author's words.)
_NAMED_AS = re.compile(
    r"\b(?:[Ss]o-called|known(?:\s+[a-z]+){0,4}?\s+as"
    # a participle in apposition: "The 2019 election, dubbed the “Tipp-Ex election”, was …"
    r"|(?<=,\s)(?:dubbed|nicknamed|labell?ed|branded)(?:\s+(?:the|a|an))?"
    # "what crews call “Rank 5”", "what planners call “gentle density”": a trade's term, which
    # the writer reports (not "what Clinton called “…”", the speaker's own words). Words on a
    # thing ("a shirt that read “…”") stay the wearer's, as PolNeAR has them.
    r"|[Ww]hat\s+(?:[a-z]+\s+)?[a-z]+s\s+call)\s+$"
)


def named_as(text: str, open_at: int) -> bool:
    """Does a name the writer reports open at ``open_at`` ("the so-called “…”", "known as “…”",
    "what crews call “…”")?"""
    return _NAMED_AS.search(text, max(0, open_at - 60), open_at) is not None


def named_by_speaker(ctx: _Article, found: Found, speaker: Speaker | None) -> bool:
    """A name the speaker gives, right after the speaker's own verb of naming and its object
    ("Vell called Rask “Little Tom”", "videos he calls “Harbour Truth”"): the speaker's words,
    where "a blog called “…”" or "the so-called “…”" is the writer's naming."""
    if found.style != "marks" or speaker is None or speaker.span is None:
        return False
    start, _ = ctx.sentence_bounds(found.open_at)
    if not (start <= speaker.span[0] and speaker.span[1] <= found.open_at):
        return False
    between = ctx.text[speaker.span[1] : found.open_at]
    if not re.match(r"\s+\w", between) or _NAMING_BEFORE.search(
        ctx.text, max(0, found.open_at - 12), found.open_at
    ):
        return False  # "A blog, called the “…”": a participle after a comma; "the so called “…”"
    words = _words(between)
    return words[0].lower() in _NAMING_VERBS and len(words) <= NAMED_OBJECT_WORDS + 1


def whole_reply(ctx: _Article, found: Found, speaker: Speaker | None) -> bool:
    """A quote that opens its sentence and is closed by its own attribution ("“Denver,” he
    answered.", "''Never,'' said Vell."): a reply of a word or two, even a capitalised one."""
    if found.style != "marks" or speaker is None or speaker.span is None:
        return False
    start, _ = ctx.sentence_bounds(found.open_at)
    if ctx.text[start : found.open_at].strip(_MARKS_AND_SPACE):
        return False
    after = found.close_at
    while after < len(ctx.text) and ctx.text[after] in _MARKS_AND_SPACE:
        after += 1  # the second mark of '' and a closing mark of an inner quote
    closing = ctx.text[max(found.start, found.end - 2) : after]
    if not any(ch in closing for ch in ",!?"):
        return False
    return speaker.span[0] >= after and starts_with_cue(ctx.text, after)
