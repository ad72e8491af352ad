"""Block classification for text without markup: jusText and boilerpipe ideas, no HTML needed.

A page copied as text keeps every visible string: menus, teasers, tickers, captions, comment
threads, footers. What tells them from the article is not any one string but the shape of the
text around them, so each block (a paragraph of ``segment.split_paragraphs``: on such pages, one
line) is judged by general signals only:

1. **On its own** (jusText's context-free step): its length, its stop-word density (the jusText
   stop list of the document's language, picked as the one that covers most of its words), whether
   it ends like a sentence, and how much of it is a run of capitalised words (a menu, a link list,
   a headline teaser). It is ``good`` (long prose), ``neargood``, ``shortprose`` (a short
   sentence), ``short`` or ``bad``; blocks the paragraph rules already removed count as bad.
2. **In its context** (jusText's smoothing, with the page edges counting as neither): a run of
   short blocks between two good ones is a subheading or a list of the article, one among bad
   blocks is navigation; a run of many short lines is a menu wherever it sits.
3. **Against the main text** (boilerpipe's largest-block idea): the article is the run of blocks
   with the most prose in it, scored like a maximum subarray (prose blocks add their length, bad
   and short ones cost a fixed amount), so good-looking blocks far from it (teasers of other
   stories, comments, footers) go, while the short blocks inside it stay. When the page repeats
   its headline, the run must start soon after the first repeat; a list that the run's last line
   introduces with a colon is kept with it.

A text in which smoothing finds nothing bad (a plain article, no page around it) is left whole.

Every step is linear in the number of blocks. The constants were tuned on the *tune* part of the
article-extraction benchmark (see ``bench/extraction.py``) and checked on the seeds, MultiLing and
PolNeAR dev (where they change nothing but an editor's note, letter signatures and one caption).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..segment import CLOSERS, TERMINATORS

# Calibration: every constant below was set or checked on the *tune* part of the article-extraction
# benchmark, text input (bench/extraction.py; tune F1 0.9335 with these values). The sensitivity
# quoted is the change of that F1 when the one constant moves, the others fixed (swept at 0.9325,
# the ±20% points checked again at 0.9335).
#
# jusText's thresholds, its defaults kept: a block under LENGTH_LOW characters is short; a good one
# has LENGTH_HIGH characters and a stop-word density of STOP_HIGH; under STOP_LOW it is bad. Moving
# any of them by ±10% changes F1 by at most 0.006 (LENGTH_LOW +10%), by ±20% at most 0.011.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOP_LOW = 0.30
STOP_HIGH = 0.32
# A language's stop list is used only when it covers this share of the document's words: English
# pages of the benchmark score 0.3-0.5 with their list, its Japanese and Korean pages near 0 with
# every list (set by inspection, not tuned).
LANGUAGE_MIN_DENSITY = 0.15
# A block whose words are capitalised at this rate and which does not end like a sentence is a
# menu entry or a teaser headline (prose blocks of the tune pages run at 0-0.4, menus at 0.5-1).
# ±20% is within 0.0024 of F1: the main-run step does most of the work.
CAPITALISED_HIGH = 0.6
# A run of more consecutive short blocks than this is a menu or a link list wherever it sits
# (3 to 9: within 0.0006).
SHORT_RUN_MAX = 6
# A run of short blocks between a good block and a bad one (or a page edge) stays with the good
# block when it is at most this long: a subheading or a dateline over the first paragraph (1 to
# 3: within 0.0003).
EDGE_RUN_MAX = 2
# A short block of at least this many words that ends like a sentence is a one-line paragraph,
# not a label (2 to 6: within 0.001).
SHORT_SENTENCE_WORDS = 4
# The items of a list that a line ending in a colon introduces have at least this many words (a
# menu label after the list has one or two). 2 to 4 are equal on the tune part.
LIST_ITEM_WORDS = 3
# Maximum-subarray costs of the main-text run, in characters of prose: what a bad block and a
# short one take off a run that passes over them. Tuned: ±20% costs up to 0.007 (BAD_COST) and
# 0.006 (SHORT_COST).
BAD_COST = 200
SHORT_COST = 40
# A block's gain is its length scaled down when its stop-word density is under this (prose runs
# at 0.4-0.5; a footer of addresses and phone numbers, a product list at 0.2-0.3). 0.225 to 0.56:
# within 0.0016; 0.675 loses 0.005.
PROSE_DENSITY = 0.45

# A block repeats the title only when it is at least this long (a one-word title is no anchor).
HEADLINE_MIN_CHARS = 15
# The article's first paragraph follows its headline within this many blocks (byline, date, share
# buttons, a caption in between). 8 to 18 are within 0.0005; from 19 on a later run of prose (a
# footer, comments) wins on some pages and F1 dropped by 0.005.
HEADLINE_WINDOW = 15
_TITLE_SEPARATOR = re.compile(r"\s*[-|–—:·•»]\s")
_TITLE_SEPARATOR_BEFORE = re.compile(r"\s[-|–—:·•»]\s*$")

# Languages whose stop lists are tried (the benchmark's, the seeds' and the common news languages).
LANGUAGES = (
    "English",
    "German",
    "French",
    "Spanish",
    "Portuguese",
    "Italian",
    "Dutch",
    "Russian",
    "Ukrainian",
    "Polish",
    "Czech",
    "Swedish",
    "Finnish",
    "Indonesian",
    "Turkish",
    "Korean",
)

# Characters of scripts written without spaces (CJK, kana, hangul): each carries about a word.
_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…。！？]")
_CLOSERS = "".join(CLOSERS)
# A wide character counts as this many Latin characters of length (a word and its space; a guess,
# not tuned: the benchmark has three pages in such scripts).
WIDE_WEIGHT = 3


@lru_cache(maxsize=len(LANGUAGES))
def stoplist(language: str) -> frozenset[str]:
    """jusText's stop words for ``language`` (shipped with the package, read offline)."""
    import justext

    return frozenset(justext.get_stoplist(language))


@lru_cache(maxsize=1)
def _languages_of_words() -> dict[str, tuple[int, ...]]:
    """Each stop word → the indices (in LANGUAGES) of the languages whose list has it."""
    out: dict[str, list[int]] = {}
    for index, language in enumerate(LANGUAGES):
        for word in stoplist(language):
            out.setdefault(word, []).append(index)
    return {word: tuple(indices) for word, indices in out.items()}


def pick_stoplist(words: Sequence[str]) -> frozenset[str]:
    """The stop list that covers most of ``words`` (lower-cased), or an empty one when none
    covers ``LANGUAGE_MIN_DENSITY`` of them. One pass over the distinct words."""
    if not words:
        return frozenset()
    languages = _languages_of_words()
    hits = [0] * len(LANGUAGES)
    for word, count in Counter(words).items():
        for index in languages.get(word, ()):
            hits[index] += count
    best = max(range(len(LANGUAGES)), key=hits.__getitem__)
    if hits[best] / len(words) <= LANGUAGE_MIN_DENSITY:
        return frozenset()
    return stoplist(LANGUAGES[best])


@dataclass(frozen=True, slots=True)
class Block:
    """The context-free features of one block."""

    length: int  # characters, a wide character counted WIDE_WEIGHT times
    words: int
    stop_density: float  # share of the words in the stop list (0 without a list)
    terminated: bool  # ends like a sentence
    sentences: int  # sentence terminators inside
    capitalised: float  # share of words that start with a capital letter


def features(text: str, stops: frozenset[str], words: Sequence[str] | None = None) -> Block:
    """Measure one block (``words``: its words, when already split)."""
    if words is None:
        words = _WORD.findall(text)
    n = len(words)
    lowered = [w.lower() for w in words] if stops else []
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    wide = 0 if text.isascii() else len(_WIDE.findall(text))
    return Block(
        length=len(text) + (WIDE_WEIGHT - 1) * wide,
        words=n,
        stop_density=sum(1 for w in lowered if w in stops) / n if n and stops else 0.0,
        terminated=bool(core) and (core[-1] in TERMINATORS or core[-1] in "。！？"),
        sentences=len(_SENTENCE_END.findall(text)),
        capitalised=sum(1 for w in words if w[0].isupper()) / n if n else 0.0,
    )


def initial_class(block: Block, has_stoplist: bool) -> str:
    """jusText's context-free class: "good", "neargood", "short" or "bad"."""
    if block.length < LENGTH_LOW:
        # A short sentence (a one-line paragraph of a blog post) is prose, not a label.
        if block.terminated and block.words >= SHORT_SENTENCE_WORDS:
            return "shortprose"
        return "short"
    if block.capitalised >= CAPITALISED_HIGH and not block.terminated:
        return "bad"
    if has_stoplist:
        if block.stop_density >= STOP_HIGH:
            return "good" if block.length >= LENGTH_HIGH else "neargood"
        # Few stop words make a list of names, a ticker or a tag cloud; one that still ends like a
        # sentence may be terse prose, and its neighbours decide.
        return "neargood" if block.stop_density >= STOP_LOW or block.terminated else "bad"
    # No stop list (a script without spaces, a language without a list): prose is what has
    # sentences in it.
    if block.sentences and block.length >= LENGTH_HIGH:
        return "good"
    return "neargood" if block.terminated else "bad"


def smooth(classes: Sequence[str]) -> list[str]:
    """jusText's context step, with page edges counting as neither good nor bad.

    Short runs: longer than SHORT_RUN_MAX bad (a menu), else between two good blocks good, between
    two bad ones bad, between good and bad (or an edge) good when at most EDGE_RUN_MAX long. Near-good
    blocks: bad when both non-short neighbours are bad, good otherwise. Linear: the nearest good
    or bad block on each side is found in one pass each way.
    """
    n = len(classes)
    before, after = _nearest(classes, range(n)), _nearest(classes, range(n - 1, -1, -1))
    out = list(classes)
    i = 0
    while i < n:
        if classes[i] != "short":
            i += 1
            continue
        j = i
        while j < n and classes[j] == "short":
            j += 1
        run = j - i
        sides = {before[i], after[j - 1]}
        if run > SHORT_RUN_MAX:
            verdict = "bad"  # a menu wherever it sits
        elif "good" not in sides:
            verdict = "bad" if sides != {"edge"} else "good"
        elif sides == {"good"}:
            verdict = "good"
        else:
            verdict = "good" if run <= EDGE_RUN_MAX else "bad"
        out[i:j] = [verdict] * run
        i = j
    for k, cls in enumerate(classes):
        if cls == "neargood":
            sides = {before[k], after[k]}
            out[k] = "bad" if sides <= {"bad", "edge"} and "bad" in sides else "good"
    return out


def _nearest(classes: Sequence[str], order: range) -> list[str]:
    """For each block, the class of the nearest good or bad block strictly before it in
    ``order`` ("edge" when there is none)."""
    out = ["edge"] * len(classes)
    last = "edge"
    for k in order:
        out[k] = last
        if classes[k] in ("good", "bad"):
            last = classes[k]
    return out


def is_headline(text: str, title: str) -> bool:
    """Does the block repeat the article's title (or the title without its site name)?"""
    line = " ".join(text.split())
    if len(line) < HEADLINE_MIN_CHARS or not title:
        return False
    if line == title:
        return True
    if title.startswith(line):
        return bool(_TITLE_SEPARATOR.match(title, len(line)))
    if title.endswith(line):
        return bool(_TITLE_SEPARATOR_BEFORE.search(title, 0, len(title) - len(line)))
    return False


def main_run(
    classes: Sequence[str],
    blocks: Sequence[Block],
    has_stoplist: bool,
    first: int = 0,
    last_start: int | None = None,
) -> tuple[int, int]:
    """The run of blocks with the most prose (start, end exclusive) that starts between blocks
    ``first`` and ``last_start``: Kadane's maximum subarray over the lengths of prose blocks (scaled
    by their stop-word density) minus the costs of the bad and short blocks."""
    best, best_span = 0.0, (first, first)
    total, start = 0.0, first
    for k in range(first, len(blocks)):
        cls, block = classes[k], blocks[k]
        if cls == "bad":
            gain = -float(BAD_COST)
        elif cls == "short":
            gain = -float(SHORT_COST)
        else:
            gain = block.length * (min(1.0, block.stop_density / PROSE_DENSITY) if has_stoplist else 1.0)
        if total <= 0 and (last_start is None or k <= last_start):
            total, start = 0.0, k
        total += gain
        if total > best:
            best, best_span = total, (start, k + 1)
    return best_span


def classify_blocks(
    texts: Sequence[str],
    title: str = "",
    known: Sequence[bool] | None = None,
    boxed: Collection[int] = (),
) -> list[str | None]:
    """Per block, the reason it is furniture ("navigation", "not prose", "outside the main
    text", "headline"), or None for article body. ``known`` marks the blocks other rules already
    found to be furniture: they count as bad blocks, except those of a box of links set inside
    the story (``boxed``), which the main text runs across as across an interstitial."""
    if not texts:
        return []
    words = [_WORD.findall(t) for t in texts]
    stops = pick_stoplist([w.lower() for ws in words for w in ws])
    blocks = [features(t, stops, ws) for t, ws in zip(texts, words, strict=True)]
    initial = _subheadings(blocks, [initial_class(b, bool(stops)) for b in blocks])
    if "bad" not in smooth(initial):
        # Nothing looks like furniture by its shape (what the rules found aside): an article
        # without a page around it, left whole.
        return [None] * len(texts)
    if known is not None:
        initial = _known_furniture(initial, known)
        initial = ["short" if k in boxed else c for k, c in enumerate(initial)]
    smoothed = smooth(initial)
    # The page's own repeat of the headline opens the article: the main text is looked for after
    # the first one, when there is prose after it.
    headline = next((k for k, t in enumerate(texts) if is_headline(t, title)), None)
    start, end = main_run(initial, blocks, bool(stops))
    if headline is not None:
        after = main_run(initial, blocks, bool(stops), headline + 1, headline + HEADLINE_WINDOW)
        if after[1] > after[0]:
            start, end = after
    if end == start:
        return [None] * len(texts)  # no prose anywhere to tell the article by: left whole
    listed = _list_after(texts, known or [False] * len(texts), blocks, end)
    reasons: list[str | None] = []
    for k, (first, final) in enumerate(zip(initial, smoothed, strict=True)):
        if k == headline:
            reasons.append("headline")
        elif end <= k < listed:
            reasons.append(None)
        elif not start <= k < end:
            reasons.append("outside the main text")
        elif first == "short" and final == "bad" and _introduces(texts, initial, k):
            reasons.append(None)  # "In a statement, the authority said:" before its quote
        elif first == "bad" or (first == "short" and final == "bad"):
            reasons.append("navigation" if first == "short" else "not prose")
        else:
            reasons.append(None)
    return reasons


# A clause that introduces the block after it ends with a colon and has words enough for a
# subject and a verb ("In a statement, the authority said:"); a label has one or two ("Related:").
_INTRO_MIN_WORDS = 4


def _introduces(texts: Sequence[str], classes: Sequence[str], k: int) -> bool:
    """Does the short block ``k`` introduce the prose block right after it (a clause ending with a
    colon: "In a statement, the Westlake Health Authority said:")? It is body, however much
    furniture ("Advertisement", "Story continues below") stands before it."""
    text = texts[k].rstrip()
    return (
        text.endswith(":")
        and len(_WORD.findall(text)) >= _INTRO_MIN_WORDS
        and k + 1 < len(texts)
        and classes[k + 1] in ("good", "neargood")
    )


def _known_furniture(classes: Sequence[str], known: Sequence[bool]) -> list[str]:
    """Blocks the rules removed count as bad (a share bar, a comment header: the article's run
    must not pass over them), except one alone between two prose blocks: an interstitial inside
    the article ("Advertisement", "Read more: …"), which only a short block's cost keeps from
    cutting the article in two."""
    prose = ("good", "neargood", "shortprose")
    out = list(classes)
    for k, bad in enumerate(known):
        if bad:
            inside = 0 < k < len(classes) - 1 and classes[k - 1] in prose and classes[k + 1] in prose
            out[k] = "short" if inside and not known[k - 1] and not known[k + 1] else "bad"
    return out


def _subheadings(blocks: Sequence[Block], classes: list[str]) -> list[str]:
    """A long capitalised line right between two prose blocks is a subheading in Title Case, not
    a link: it becomes a short block (which smoothing keeps between good ones)."""
    prose = ("good", "neargood", "shortprose")
    for k in range(1, len(classes) - 1):
        block = blocks[k]
        headline_like = block.capitalised >= CAPITALISED_HIGH and not block.terminated
        if classes[k] == "bad" and headline_like and classes[k - 1] in prose and classes[k + 1] in prose:
            classes[k] = "short"
    return classes


def _list_after(texts: Sequence[str], known: Sequence[bool], blocks: Sequence[Block], end: int) -> int:
    """Where the main text really ends when its last line, or the line right after it, ends in a
    colon ("The tour dates:"): the lines that follow are its list, up to the first one that is
    known furniture or shorter than a list item (a menu label). List items may look like
    anything else (capitalised names, no stop words), so their shape is not asked."""
    k = end
    if k < len(texts) and not known[k] and texts[k].rstrip().endswith(":"):
        k += 1
    elif not (end > 0 and texts[end - 1].rstrip().endswith(":")):
        return end
    first_item = k
    while k < len(texts) and not known[k] and blocks[k].words >= LIST_ITEM_WORDS:
        k += 1
    return k if k > first_item else end
