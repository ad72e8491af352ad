"""Clean rules: the paragraph-level boilerplate rules, each recognising one kind of furniture.

They are general rules, never any one site's strings: a phrase of navigation vocabulary at the
start of a short paragraph, a line made of hashtags, an imperative "Subscribe …" next to
"newsletter", a short unterminated line at the top or the end. Some are strong end-of-article
markers (a comment form, a "Related posts" block, a tag line, an author bio): see
``briefing.clean``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..models import Paragraph

# segment's own bullet pattern: a line it starts a paragraph at is the line labelled "list" here.
from ..segment import BULLET, CLOSERS, DASHES, OPEN_QUOTES, TERMINATORS

# A strong end-of-article marker ends the article only in its second half: the first one in each
# seed sits past 90% of the text, while a "related" box near the top of a page must not swallow
# the story below it.
TAIL_FRACTION = 0.5
# Site bylines ("by <site>", "By <Name>") are recognised only among the first paragraphs.
BYLINE_PARAGRAPHS = 2
# A subheading is one line of at most this many characters (the seeds' run to 60; news
# subheadings rarely pass 80), so a body paragraph that merely lost its full stop stays body.
HEADING_MAX_CHARS = 100
# A trailing unterminated line this short after the last sentence is a label or a link, not body.
FRAGMENT_MAX_CHARS = 100

# A navigation phrase in a paragraph this short is a label even with a full stop ("Edited by
# Sam Roe.", "See also the map."): a body sentence that opens with such a phrase runs longer.
LABEL_MAX_WORDS = 6

# What may follow a navigation phrase for it to be a label: a colon, dash or pipe, or the end.
_LABEL_END = re.compile(r"\s*(?:[:|–—-]|$)")


@dataclass(frozen=True, slots=True)
class Rule:
    """A boilerplate rule: a pattern matched at the start of a paragraph (``search`` anywhere)."""

    reason: str
    pattern: re.Pattern[str]
    max_chars: int = 200  # only paragraphs at most this long; long ones are body whatever they say
    label: bool = False  # the phrase must be a label: a separator follows, or no sentence does
    search: bool = False  # match anywhere in the paragraph, not only at its start
    ends_article: bool = False  # a strong end-of-article marker (see TAIL_FRACTION)
    tail_only: bool = False  # applies only in the second half of the text

    def matches(self, text: str) -> bool:
        """Does the paragraph ``text`` match this rule?"""
        if len(text) > self.max_chars:
            return False
        found = self.pattern.search(text) if self.search else self.pattern.match(text)
        if found is None:
            return False
        return (
            not self.label
            or bool(_LABEL_END.match(text, found.end()))
            or not is_terminated(text)
            or len(text.split()) <= LABEL_MAX_WORDS
        )


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


RULES: tuple[Rule, ...] = (
    Rule(
        "tags",
        _rx(
            r"(?:read more about|more about|tags?|topics?|filed under|categor(?:y|ies)"
            r"|keywords)\s*:"
        ),
        max_chars=300,
        ends_article=True,
    ),
    # "See also  <headline>", "Read more: <headline>": a teaser for another story.
    Rule(
        "teaser",
        _rx(
            r"(?:see also|also see|read (?:more|also)|also read|further reading|"
            r"don['’]?t miss|must read)\b"
        ),
        max_chars=300,
        label=True,
    ),
    Rule("teaser", _rx(r"(?:related|recommended|more|watch|listen|explore)\s*:"), max_chars=300),
    Rule(
        "related links",
        _rx(
            r"(?:you (?:may|might) (?:also )?(?:like|be interested)|related "
            r"(?:posts|articles|stories|news|content|coverage)|(?:next|previous) "
            r"(?:post|article|story)|check also|more (?:stories|news|articles)"
            r"|more from|most (?:read|popular|viewed)|trending now|popular posts"
            r"|in other news|recommended(?: for you| stories| articles| reading)?"
            r"|top (?:stories|news|articles)"
            r"|(?:partner|sponsored) (?:news|content|stories|links)|latest (?:news|stories|articles|posts))\b"
        ),
        max_chars=80,
        label=True,
        ends_article=True,
    ),
    Rule(
        "comments",
        _rx(
            r"(?:leave a (?:reply|comment|response)|post a comment|add a comment"
            r"|\d+ comments?$|comments?$|cancel reply|your email address will not be"
            r" published|required fields are marked|you must be logged in to post"
            r"|join the (?:conversation|discussion)$"
            r"|(?:\d+|one|no) (?:responses?|repl(?:y|ies)|comments?|thoughts?) (?:to|on)\b"
            # a comment loader: "Load comments", "Show all 34 comments", "Loading comments…"
            r"|(?:load|show|view|read|see)(?: all)?(?: \d+)? comments?(?: \(\d+\))?$|loading comments)"
        ),
        ends_article=True,
    ),
    # "#Security #policy #Lavrov": a line of hashtags only (one inside a sentence is body).
    Rule("hashtags", _rx(r"(?:#[^\s#]+[\s,]*)+$"), max_chars=400, ends_article=True),
    # "We are glad you are with us. Subscribe to our newsletter …": an imperative sentence.
    Rule(
        "newsletter",
        _rx(
            r"(?:^|[.!?…]\s+)(?:subscribe|sign up|sign-up|register)\b[^.!?]*?"
            r"\b(?:newsletter|inbox|e-?mail|alerts?|updates|subscription|for free)"
        ),
        max_chars=400,
        search=True,
    ),
    Rule(
        "share",
        _rx(
            r"(?:share (?:this|on|via|the (?:article|story))|follow us|follow (?:@|on )"
            r"|like us on|click to share|share$)"
        ),
        max_chars=120,
    ),
    # Credits must be labels ("Editing: <Name>"), so "Edited by hand, the map …" stays body.
    Rule(
        "credit",
        _rx(
            r"(?:(?:editing|translation|reporting|additional reporting|writing|photos?"
            r"|pictures?|images?|graphics?|editor|translator)\s*:|(?:edited|translated"
            r"|reported|reporting|written|compiled|produced|photographed|additional "
            r"reporting)\s+by\s)"
        ),
        label=True,
    ),
    # A photo caption ends with its credit: "… seen from the lighthouse. Photo: Coast Courier",
    # "… at the port (Photo: K. Vold)", "… on Monday. Image: Getty Images".
    Rule(
        "caption",
        _rx(
            r"(?:\b(?:photo|picture|image|foto|credit)s?(?: credit)?\s*[:©]\s*[^.!?:]{2,60}"
            r"|\((?:photo|picture|image|foto)s?\s*[:©][^)]{2,60}\))\s*$"
        ),
        max_chars=400,
        search=True,
    ),
    # A caption set apart as one: "[Caption: St Brigid's Church, …]", "[Photo: … ]",
    # "Caption: …", "Pictured: …" (its words name people and places no one quoted).
    Rule(
        "caption",
        _rx(r"(?:\[?(?:caption|pictured)\s*:|\[(?:photos?|pictures?|images?|video|graphic)\s*:[^\]]*\]\s*$)"),
        max_chars=400,
    ),
    # A picture credit standing alone where the picture was: "Getty.", "Neilson Lind via Getty
    # Images.", "AP Photo/Jane Lind".
    Rule(
        "photo credit",
        _rx(
            r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+(?:via|for)\s+)?(?:getty(?:\s+images)?"
            r"|ap\s+photo|afp|reuters|epa|shutterstock|associated\s+press)"
            r"(?:\s*/\s*[\w .’'-]{2,40})?\s*\.?\s*$"
        ),
        max_chars=80,
    ),
    Rule("original article", _rx(r"original article\b"), label=True),
    Rule(
        "original article",
        _rx(
            r"(?:originally (?:published|appeared)\b|this (?:article|story) "
            r"(?:was )?(?:originally |first )?(?:published|appeared)\b)"
        ),
    ),
    # "The rest of the text below the video.", "Story continues below advertisement", a bare
    # "Story continues below": a pointer past embedded media, never a sentence about a text.
    Rule(
        "interstitial",
        _rx(
            r"(?:the )?(?:rest of the (?:text|article|story)|(?:text|article|story)"
            r" continues)\s+(?:is\s+)?(?:below|under|after|beneath)(?:(?: the)? (?:video"
            r"|ad|advert|advertisement|photo|gallery|player|image|picture|clip|audio)"
            r"\b|\W*$)|continue reading\b|advertisement$"
        ),
        max_chars=80,
    ),
)
# Page furniture that is no sentence in any language: a copyright line, a bare machine timestamp
# ("2019-11-19T08:57:40+01:00").
FURNITURE: tuple[Rule, ...] = (
    Rule("footer", _rx(r"(?:©|\(c\)\s|copyright\b)"), max_chars=200, label=True),
    Rule("footer", _rx(r"\ball rights reserved\b"), max_chars=200, search=True),
    # A media player's own text: its clock ("0:00 / 4:07") and its error messages.
    Rule(
        "media player",
        _rx(
            r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$|no media source"
            r"|(?:your )?browser does not support (?:the )?(?:video|audio|html5)|(?:this )?(?:video|audio)"
            r" (?:is )?(?:not|no longer|currently un)available)"
        ),
        max_chars=120,
    ),
    Rule(
        "timestamp",
        _rx(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?$"),
        max_chars=40,
    ),
)
# "About <Full Name>" or "About the author" heading a bio at the end.
_AUTHOR_BIO = Rule(
    "author bio",
    re.compile(
        r"(?i:about) (?:(?i:the author)|[A-Z][\w'’.-]*"
        r"(?: [A-Z][\w'’.-]*){1,3})$"
    ),
    max_chars=60,
    ends_article=True,
    tail_only=True,
)
# "<Name> covers EU foreign policy for …", "<Name> is our Berlin correspondent": the short bio
# under a story. Only in the tail, and only in that phrasing, so a body sentence about a person
# near the end is never taken for one.
_BIO_SENTENCE = Rule(
    "author bio",
    re.compile(
        r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2} (?:(?:covers|writes about|reports on|reports from) "
        r"[^.]{0,80}?\bfor (?:the )?[A-Z]|is (?:a|an|the|our) (?:[\w-]+ ){0,5}"
        r"(?:correspondent|reporter|editor|writer|journalist|columnist)\b)"
    ),
    max_chars=300,
    ends_article=True,
    tail_only=True,
)
_BYLINE = Rule("byline", _rx(r"by\s+(?!(?:the|a|an|this|that)\b)\S+(?:\s+\S+){0,4}$"), max_chars=60)


# The full stop, exclamation and question marks of Chinese and Japanese text.
WIDE_TERMINATORS = "。！？"


def is_terminated(text: str) -> bool:
    """Does ``text`` end like a sentence: a terminator, possibly inside closing marks?"""
    core = text.rstrip().rstrip("".join(CLOSERS) + "」』）").rstrip()
    return bool(core) and (core[-1] in TERMINATORS or core[-1] in WIDE_TERMINATORS)


@lru_cache(maxsize=32)
def _extra_rules(patterns: tuple[str, ...]) -> tuple[Rule, ...]:
    rules = []
    for pattern in patterns:
        try:
            compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        except re.error as exc:
            raise ConfigError(
                f"invalid regular expression {pattern!r}: {exc}", key="clean.extra_patterns"
            ) from None
        rules.append(Rule(f"pattern {pattern!r}", compiled, max_chars=10**9, search=True))
    return tuple(rules)


def classify(paragraph: Paragraph, position: int, in_tail: bool, extra: Sequence[Rule] = ()) -> Rule | None:
    """The first boilerplate rule the paragraph matches on its own, or None for body.

    ``position`` is the paragraph's place in the article; ``in_tail`` says whether it starts in
    the second half of the text (see ``TAIL_FRACTION``).
    """
    text = paragraph.text
    if position < BYLINE_PARAGRAPHS and _BYLINE.matches(text) and not is_terminated(text):
        return _BYLINE
    for rule in (*extra, *RULES, *FURNITURE, _AUTHOR_BIO, _BIO_SENTENCE):
        if (in_tail or not rule.tail_only) and rule.matches(text):
            return rule
    return None


def is_heading(text: str) -> bool:
    """A subheading: one short line, capitalised, not a sentence, not a quotation or a bullet."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= HEADING_MAX_CHARS
        and "\n" not in stripped
        and not is_terminated(stripped)
        and not stripped.endswith((":", ",", ";"))
        and stripped[0] not in OPEN_QUOTES
        and stripped[0] not in DASHES
        and not stripped[0].islower()
        and not BULLET.match(stripped)
    )
