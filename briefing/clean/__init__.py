"""Clean: keep the paragraphs that are article body, drop the page furniture around them.

Scraped articles carry navigation, teasers for other stories, newsletter prompts, comment forms,
credits and author bios. They are recognised by general rules, never by any one site's strings:
a phrase of navigation vocabulary at the start of a short paragraph, a line made of hashtags, an
imperative "Subscribe …" next to "newsletter", a short unterminated line at the top or the end.
Once a strong end-of-article marker (a comment form, a "Related posts" block, a tag line, an author
bio) appears in the second half of the text, everything after it is furniture too, including the
full sentences of other stories' teasers. Text that comes without markup (a page copied as
text) then goes through ``clean.blocks``: block classification by shape, context smoothing and the
main run of prose, so menus, link lists and teasers go without any string to match.

Nothing is rewritten: kept paragraphs keep their spans into ``Article.text``; each removed block
is recorded as a ``Removed`` with its reason. Kept paragraphs are labelled ``heading`` (a short
unterminated subheading followed by more body) or ``list`` (a bullet item); the rest are ``body``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from ..models import Article, CleanArticle, Paragraph, Removed
from ..segment import BULLET, split_paragraphs
from .blocks import classify_blocks, is_headline
from .rules import (
    _AUTHOR_BIO,
    FRAGMENT_MAX_CHARS,
    TAIL_FRACTION,
    Rule,
    _extra_rules,
    classify,
    is_heading,
    is_terminated,
)

logger = logging.getLogger(__name__)

# A block repeated verbatim is a duplicate from this length on (a short line such as "Yes" or a
# list item may well recur in a body). Tune part of the article-extraction benchmark: at 30 the
# repeated feature lines of a product list, which its ground truth keeps, went too; 60 keeps them.
DUPLICATE_MIN_CHARS = 60
# Furniture that stands inside a story, never around it (an advertisement's label, a photo's
# caption): the main text runs across it as across a box of links.
_INSIDE_A_STORY = frozenset({"interstitial", "caption"})


def clean(article: Article, *, extra_patterns: Sequence[str] = ()) -> CleanArticle:
    """Split the article into paragraphs, drop boilerplate and label headings and list items.

    ``extra_patterns`` are regular expressions (case-insensitive, searched anywhere in a
    paragraph) that also mark a paragraph as boilerplate; an invalid one raises ``ConfigError``.
    """
    paragraphs = split_paragraphs(article.text, article.id)
    extra = _extra_rules(tuple(extra_patterns))
    tail_start = TAIL_FRACTION * len(article.text)
    rules = [
        classify(paragraph, position, paragraph.start >= tail_start, extra)
        for position, paragraph in enumerate(paragraphs)
    ]
    reasons = [rule.reason if rule else None for rule in rules]
    boxed = _after_end_of_article(paragraphs, rules, reasons, tail_start)
    # A title derived from the body is the body's own first sentence, not a repeat of a headline.
    title = "" if article.title_derived else article.title
    _repeats(paragraphs, reasons, title, html=article.reader == "html")
    # An HTML page has had its furniture taken off by trafilatura already, with the markup to go
    # by: the text-level block classifier, and the trailing-fragment rule, are for text that comes
    # without it (on the benchmark's HTML both cost recall, the lines trafilatura keeps are body).
    if article.reader != "html":
        known = [reason is not None for reason in reasons]
        texts = [p.text for p in paragraphs]
        inside = boxed | {k for k, reason in enumerate(reasons) if reason in _INSIDE_A_STORY}
        for position, reason in enumerate(classify_blocks(texts, title, known, inside)):
            if reasons[position] is None and reason is not None:
                reasons[position] = reason
        _drop_trailing_fragments(paragraphs, reasons)

    kept = [p for p, reason in zip(paragraphs, reasons, strict=True) if reason is None]
    labelled = tuple(_with_kind(p, following) for p, following in pairwise([*kept, None]) if p is not None)
    removed = tuple(
        Removed(article_id=article.id, start=p.start, end=p.end, reason=reason)
        for p, reason in zip(paragraphs, reasons, strict=True)
        if reason is not None
    )
    if removed:
        logger.debug("%s: removed %d of %d paragraphs", article.path, len(removed), len(paragraphs))
    return CleanArticle(article=article, paragraphs=labelled, removed=removed)


def _after_end_of_article(
    paragraphs: Sequence[Paragraph],
    rules: Sequence[Rule | None],
    reasons: list[str | None],
    tail_start: float,
) -> frozenset[int]:
    """Everything after the first strong end-of-article marker in the tail is furniture too,
    unless the story resumes after it: a box of links set inside the story ("MOST READ IN
    SHOWBIZ", two headlines, then the story's next quotes) takes only its own short lines.
    Returns the paragraphs of such boxes (the story runs across them)."""
    boxed: set[int] = set()
    markers = [
        i
        for i, (p, rule) in enumerate(zip(paragraphs, rules, strict=True))
        if rule is not None and rule.ends_article and p.start >= tail_start
    ]
    end_at = None
    for marker in markers:
        resumed = _story_resumes(paragraphs, marker)
        if resumed is None:
            end_at = marker
            break
        boxed.update(range(marker, resumed))
        for position in range(marker + 1, resumed):  # the box's own link lines
            if reasons[position] is None:
                reasons[position] = reasons[marker]
    if end_at is None:
        return frozenset(boxed)
    for position in range(end_at + 1, len(paragraphs)):
        if reasons[position] is None:
            # "About <Name>" heads the bio paragraph right after it.
            bio = rules[position - 1] is _AUTHOR_BIO
            reasons[position] = "author bio" if bio else f"after end of article ({reasons[end_at]})"
    return frozenset(boxed)


# After an inline box of links the story goes on: of the paragraphs just after the marker, this
# many are sentences of the story that quote someone (long, ending a sentence); the story resumes
# at its first long sentence. (On the extraction benchmark's tune part the text F1 is the same as
# without the rule, 0.9337; it keeps a tabloid's story after its "MOST READ" box whole.)
_RESUMED_PARAGRAPHS = 3
# Paragraphs after the marker looked at: 8 until session 16, when a tabloid's carousel ("Previous",
# "1", "Next", three headlines, a share bar: nine lines, blind round 13, td10) needed 12; the
# benchmark's tune and held-out F1 are the same with either.
_RESUME_WINDOW = 12
_SENTENCE_END = tuple(".!?”’\"'")


def _story_resumes(paragraphs: Sequence[Paragraph], marker: int) -> int | None:
    """Where the story resumes after the end marker at ``marker`` (the first of its sentences),
    or None when it does not: a box set inside the story, not the end of the article."""
    window = paragraphs[marker + 1 : marker + 1 + _RESUME_WINDOW]
    prose = [
        k
        for k, p in enumerate(window, marker + 1)
        if len(p.text) > 60 and p.text.rstrip().endswith(_SENTENCE_END)
    ]
    quoting = [k for k in prose if _QUOTING.search(paragraphs[k].text)]
    if len(quoting) >= _RESUMED_PARAGRAPHS:
        return prose[0]
    # Fewer quotes, but one goes on with someone the story named ("“…,” she said", "He said
    # the federation …"): a teaser of another story opens with its own names, not a pronoun.
    going_on = any(_GOES_ON.search(paragraphs[k].text) for k in prose)
    return prose[0] if len(quoting) >= _RESUMED_PARAGRAPHS - 1 and going_on else None


# A quotation mark opening a quote: double or curly, or a straight single one before a word (the
# British tabloids' 'I didn't know', not the apostrophe of "didn't").
_QUOTING = re.compile(r"[“\"‘]|(?:^|\s)'\w")
# A pronoun subject of a verb of saying: "“…,” she said", "He said the federation had …".
_GOES_ON = re.compile(r"(?:^|[,.”\"’']\s)(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:said|says|added|told|went on)\b")


def _repeats(paragraphs: Sequence[Paragraph], reasons: list[str | None], title: str, *, html: bool) -> None:
    """The page's repeats of its own headline, and later copies of a line already seen (a caption
    shown twice, a teaser headline repeated), are not body. In text a repeated sentence may be (a
    refrain, a chorus); in trafilatura's output of a page it is the page's second copy of the
    article (a print or no-script version), which on the benchmark's tune part costs precision."""
    seen: set[str] = set()
    for position, paragraph in enumerate(paragraphs):
        line = " ".join(paragraph.text.split())
        if reasons[position] is None:
            if is_headline(line, title):
                reasons[position] = "headline"
            elif line in seen and len(line) >= DUPLICATE_MIN_CHARS and (html or not is_terminated(line)):
                reasons[position] = "duplicate"
        seen.add(line)


def _drop_trailing_fragments(paragraphs: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """Short unterminated lines after the last body sentence are labels or links, not body.

    An article with no body sentence at all keeps its lines: there is no end to be after.
    """

    def is_fragment(text: str) -> bool:
        return not (
            is_terminated(text) or len(text) > FRAGMENT_MAX_CHARS or "\n" in text or BULLET.match(text)
        )

    # A kept line that ends in a colon introduces the lines right after it ("Tour dates:"): they are
    # its list, body like it.
    last = None
    introduced = False
    for i, (p, reason) in enumerate(zip(paragraphs, reasons, strict=True)):
        if reason is not None:
            introduced = False
            continue
        fragment = is_fragment(p.text)
        if not fragment or introduced:
            last = i
        introduced = p.text.rstrip().endswith(":") or (introduced and fragment)
    if last is not None:
        for position in range(last + 1, len(paragraphs)):
            if reasons[position] is None:
                reasons[position] = "trailing fragment"


def _with_kind(paragraph: Paragraph, following: Paragraph | None) -> Paragraph:
    if BULLET.match(paragraph.text):
        return replace(paragraph, kind="list")
    if following is not None and is_heading(paragraph.text):
        return replace(paragraph, kind="heading")
    return paragraph


__all__ = ["Rule", "classify", "clean", "is_heading", "is_terminated"]
