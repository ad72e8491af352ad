"""The title as the attribution rules read it: a copy of the same length (so every span holds)
in the case the rules expect of running text.

Headline style hides what the rules look for. In Title Case ("Blinken Warns Of ‘Serious
Consequences’") every word looks like a name and no verb like a verb; and a headline drops the
article before a role ("‘We will rebuild,’ says governor"), so the bare noun reads as no
subject. The copy is in sentence case, with such a role noun capitalised as the subject it is.
Only the copy changes: quotes keep the title's own words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .detect import TOKEN, Found
from .lexicon import (
    AMBIGUOUS_CUES,
    ANAPHORIC_NOUNS,
    CUE_WORDS,
    FUNCTION_WORDS,
    OFFICE_TITLES,
    ORG_HEADS,
    PERSON_NOUNS,
    ROLE_WORDS,
    plural,
    role_class,
)
from .mention import Mention

# Verbs a headline reports speech with that the body lexicon leaves out, because in running
# text they as often report no words ("hails a cab") or are nouns ("calls", "vows"). Right
# after the speaker, with a quote in the title, they report what was said: "Brandt slams plan
# as ‘a disgrace’", "Varga vows to ‘rebuild every pier’".
HEADLINE_VERBS = (
    frozenset(
        """slams blasts rips hails praises decries touts dismisses derides denounces rebukes
lambasts mocks labels brands dubs welcomes defends criticises criticizes sees""".split()
    )
    | AMBIGUOUS_CUES
)
# Lower-case words that make a role or person description ("governor", "foreign minister",
# "officials"); the connectors of ROLE_WORDS aside.
ROLE_NOUNS = (ROLE_WORDS - {"the", "and", "of", "for"}) | PERSON_NOUNS
# … and the officers a headline names by their office alone ("CEO says …", "Chair warns …").
TITLE_ROLE_NOUNS = ROLE_NOUNS | {"ceo", "cfo", "chair", "treasurer"}
# The head of a bare role phrase ("chair", "judge", "coach"), and the words before it that
# belong to the phrase ("shadow health", "committee", "fire").
_BARE_HEADS = (TITLE_ROLE_NOUNS | ANAPHORIC_NOUNS | OFFICE_TITLES) - {
    "of",
    "the",
    "and",
    "for",
    "state",
    "affairs",
    "press",
    "national",
    "former",
    "top",
    "senior",
}
_BARE_ROLE_WORDS = (_BARE_HEADS | ROLE_WORDS | ORG_HEADS) - {"the", "and", "of", "for"}
# A title is in Title Case when this share of its words of four letters or more is capitalised
# ("Trump Praises Breitbart’s Political Editor: ‘Very Good Reporter.’"). Sentence-case titles
# capitalise names only: "Blinken warns of ‘serious consequences’" has 1 of 4.
TITLE_CASE_SHARE = 0.75
# Small words a Title Case headline capitalises beside the lexicon's function words:
# auxiliaries and the adverbs that stand by its verbs ("Is Now Calling", "Who Once Mocked").
_SMALL_WORDS = frozenset(
    """is are was were be been being has have had will would can could should must not do does
did once again never ever finally really already always reportedly allegedly""".split()
)
_LETTERS = re.compile(r"[^\W\d_]+")
_OPENING_MARKS = frozenset("‘'“\"«„‚")


def analysis_copy(title: str, body: str, quoted: Sequence[Found]) -> str:
    """``title`` in sentence case (when it is in Title Case), with a bare role noun next to a
    verb of saying capitalised; the same length as ``title``. ``quoted``: its quoted stretches;
    ``body``: the article text, which shows what is a name."""
    copy = _sentence_case(title, body, quoted)
    inside = [(f.open_at, f.close_at) for f in quoted]
    words = [m for m in TOKEN.finditer(copy) if not any(a <= m.start() < b for a, b in inside)]
    out = list(copy)
    for k, m in enumerate(words):
        if m.group() not in CUE_WORDS and m.group() not in HEADLINE_VERBS:
            continue
        subject = []
        if k + 1 < len(words) and words[k + 1].group() in ROLE_NOUNS:
            subject.append(words[k + 1])  # "says governor"
        j = k  # "…’, foreign minister says": the run of role words ending at the verb
        while j > 0 and k - j < 3 and words[j - 1].group() in ROLE_NOUNS:
            j -= 1
        if j < k:
            subject.append(words[j])
        for w in subject:
            out[w.start()] = w.group()[0].upper()
    return "".join(out)


def _sentence_case(title: str, body: str, quoted: Sequence[Found]) -> str:
    """A Title Case ``title`` in sentence case, so its verbs are verbs and a quoted phrase is no
    name. A word keeps its capital when it opens the title, the part after a colon or dash, or
    a quotation standing there (a statement: "Trump: ‘This Cannot Continue’"); when it is an
    acronym; and when it is a name, which the body writes capitalised at least as often as in
    lower case ("Trump", "House"). A word of the lexicon loses it ("Warns", "Of", "Once"), as
    does a quoted word the body never writes ("‘Proven Failure’": a phrase, not a name)."""
    found = list(_LETTERS.finditer(title))
    long = [m.group() for m in found if len(m.group()) > 3]
    if len(long) < 3 or sum(w[0].isupper() for w in long) < TITLE_CASE_SHARE * len(long):
        return title
    counts = Counter(_LETTERS.findall(body))
    inside = [(f.start, f.end) for f in quoted]
    out = list(title)
    for m in found:
        word, low = m.group(), m.group().lower()
        if not word[0].isupper() or word.isupper() or len(low) != len(word) or _opens(title, m.start()):
            continue
        small = low in FUNCTION_WORDS or low in _SMALL_WORDS or low in CUE_WORDS or low in HEADLINE_VERBS
        unknown = counts[word] == 0 and any(a <= m.start() < b for a, b in inside)
        if small or unknown or counts[low] > counts[word]:
            out[m.start() : m.end()] = low
    return "".join(out)


def _opens(title: str, pos: int) -> bool:
    """Does the word at ``pos`` open the title or the part after a colon or dash, itself or as
    the first word of a quotation standing there?"""
    before = title[:pos].rstrip()
    if before[-1:] in _OPENING_MARKS:
        before = before[:-1].rstrip()
    return not before or before[-1] in ":—–-"


# Where a headline's clause may open, so that a bare role phrase there is its subject: the
# title's start, punctuation, or a conjunction ("Plan deferred as chair warns …").
_CLAUSE_BEFORE = re.compile(r"(?:\A|[;:,–—|(]|\b(?:as|and|but|while|after|when|amid)\b)\s*\Z", re.IGNORECASE)
# How far back a bare role phrase reaches before its verb: "shadow health secretary says".
_BARE_WORDS = 4


def bare_roles(text: str, mentions: Sequence[Mention], cues: Sequence[tuple[int, int]]) -> list[Mention]:
    """The role phrases a headline writes without an article as the subject of a verb of saying
    ("Chair warns there are …", "Shadow health secretary says …", "…, judge says"), as the
    mentions running text would make of them with "the" ("the chair", a ``role`` when its
    words have a role class, else ``definite``). ``mentions`` are replaced where they are one
    lone capitalised word ("Judge" read as a name); ``cues``: the verbs' (start, end)."""
    out = list(mentions)
    for start, _ in cues:
        words = list(TOKEN.finditer(text, max(0, start - 80), start))
        k = len(words)
        while k > 0 and len(words) - k < _BARE_WORDS and words[k - 1].group().lower() in _BARE_ROLE_WORDS:
            if k < len(words) and text[words[k - 1].end() : words[k].start()].strip():
                break
            k -= 1
        phrase = words[k:]
        head = phrase[-1].group().lower() if phrase else ""
        if head not in _BARE_HEADS or plural(head):
            continue  # "Families say …" is no one person's role
        a, b = phrase[0].start(), phrase[-1].end()
        if text[b:start].strip() or not _CLAUSE_BEFORE.search(text, 0, a):
            continue
        inside = [m for m in out if m.start < b and a < m.end]
        if any(m.kind != "name" or " " in m.name for m in inside):
            continue  # a mention of its own stands there ("Mayor", "CEO Kronberger")
        name = text[a:b].lower()
        rc = role_class(name)
        out = [m for m in out if m not in inside]
        out.append(
            Mention(a, b, "role" if rc else "definite", name, role=name if rc else None, role_class=rc)
        )
    return sorted(out, key=lambda m: m.start)
