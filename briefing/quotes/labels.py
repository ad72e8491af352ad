"""Labels: the speaker a transcript or interview label names ("SECRETARY BLINKEN:", "Q:"), and
the one a credit line names ("“…” ― Jorge Falcon", a paragraph "- Bernie Sanders.")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .context import Speaker, _Article
from .detect import FURNITURE_LABELS, LABEL, LABEL_WORD, QUESTION, QUESTION_LABELS, TOKEN, UPPER, Found
from .gender import first_name_gender, is_first_name
from .holders import holder
from .lexicon import AMBIGUOUS_CUES, FUNCTION_WORDS, HONORIFICS, ROLE_WORDS, role_class
from .nameforms import Person
from .places import is_country, is_place
from .resolve import _resolved
from .speakers import Mention
from .words import _title


def label_speaker(ctx: _Article, start: int) -> tuple[Speaker | None, str] | None:
    """The speaker a transcript label at ``start`` names: (the speaker, "label"), (None, "question")
    for "Q:", or None when no label stands there. The label's last word is the surname: it
    resolves to the person of that surname the article names, else the label's words."""
    m = QUESTION.match(ctx.text, start)
    if m is not None:
        return None, "question"
    m = LABEL.match(ctx.text, start)
    if m is None or len(m.group(1)) < 2:
        return None
    return _labelled(ctx, m.group(1), m.span(1))


def label_before(ctx: _Article, open_at: int) -> tuple[Speaker | None, str] | None:
    """The speaker a label in capitals names when a quotation in marks follows it on its line,
    as an oral history or a printed interview sets it: "MARISOL QUIÑONES, then a 24-year-old
    train operator: “…”", later "QUIÑONES: “…”" or "L. BANKS: “…”" (the description after the
    comma is the role; an initial picks the one of that surname whose label gave the name)."""
    line = ctx.text.rfind("\n", 0, open_at) + 1
    m = _LABEL_BEFORE.fullmatch(ctx.text, line, open_at)
    if m is None:
        # "DiNAPOLI: “…,” she said. “…”": a pronoun's cue between two quotes of the labelled line
        before = [ctx.found[k] for k in ctx.found_in(line, open_at) if ctx.found[k].close_at <= open_at]
        if before and _PRONOUN_CUE.fullmatch(ctx.text, before[-1].close_at, open_at):
            m = _LABEL_BEFORE.fullmatch(ctx.text, line, before[0].open_at)
    if m is None or len(m.group(1)) < 2 or is_place(m.group(1).title()):
        return None
    if m.group(2) is not None and not _a_name_described(m.group(1), m.group(2)):
        return None  # "AFAD, in the statement made from its account, warned: “…”": a sentence
    got = _labelled(ctx, m.group(1), m.span(1))
    if got is None or m.group(2) is None:
        return got
    speaker, cue = got
    if speaker is None:
        return got
    described = m.group(2).strip()
    return replace(speaker, role=speaker.role or (described if len(described.split()) <= 8 else None)), cue


def _a_name_described(label: str, description: str) -> bool:
    """Is "LABEL, DESCRIPTION:" a person introduced in full with a few words on them ("RIVKA
    TEITELBAUM, who ran a deli on Avenue J until 2016"), not a sentence or a headline in
    capitals ("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal: “…")?"""
    words = label.split()
    return (
        2 <= len(words) <= 4
        and len(description.split()) <= _DESCRIPTION_WORDS
        and not any(w.lower() in FUNCTION_WORDS for w in words)
        and not re.search(r"\s[-–—]\s", description)
    )


# The most words of a label's description (the blind tune part ti08's longest has 12: "who ran a
# deli on Avenue J in Midwood until 2016"; a sentence before a colon runs longer).
_DESCRIPTION_WORDS = 16
# Between two quotes: a pronoun and its verb ("…,” she said. “…").
_PRONOUN_CUE = re.compile(r"[ \t]*(?:he|she|they)[ \t]+[a-z]+[.,:]?[ \t]*")
# A label in capitals, perhaps with a description after a comma, up to the colon before a quote.
_LABEL_BEFORE = re.compile(
    rf"[ \t]*((?:{LABEL_WORD}[ \t]+){{0,5}}{LABEL_WORD})(?:,[ \t]+([^:\n“”\"]{{1,160}}?))?[ \t]*"
    r"(?:\([^)\n]{1,30}\)[ \t]*)?:[ \t]*"
)


def _labelled(ctx: _Article, label: str, span: tuple[int, int]) -> tuple[Speaker | None, str] | None:
    """The speaker of the label ``label`` at ``span``: an office's holder, the person of its
    surname the article names, the label's own name, or an earlier fuller label's."""
    words = label.split()
    if label in QUESTION_LABELS:
        return None, "question"
    if any(w in FURNITURE_LABELS for w in words):
        return None
    # a label that is an office ("MERIDIAN CEO:", "THE MINISTER:"): its holder in the article
    rc = role_class(label) if words[-1].lower().strip(".") in ROLE_WORDS or role_class(words[-1]) else None
    office = " ".join(w if w.isupper() and len(w) <= 4 else w.title() for w in words)  # "Meridian CEO"
    held = holder(ctx.people, Mention(*span, "role", office, office, rc)) if rc else None
    if held is not None:  # "Meridian CEO: ‘…’" over the paragraph that names the CEO
        return Speaker(held.name, held.role, held.affiliation, label, "person", held.gender, span), "label"
    surname = _cased(words[-1].strip("."))
    initial = words[0][0] if len(words) == 2 and _INITIAL.fullmatch(words[0]) else None
    known = ctx.people.person(Mention(*span, "name", surname)) if initial is None else None
    k = _name_start(words, len(words))
    named = " ".join(_cased(w) for w in words[k:]) if k < len(words) else None
    # a first name and a surname ("LORETTA BANKS"), not an office's words ("HARBOUR MASTER AALTO")
    full = named if named is not None and len(words) - k > 1 and is_first_name(_cased(words[k])) else None
    if full is not None and not (known is not None and known.name.endswith(full)):
        name = full  # "LORETTA BANKS:" is Loretta Banks, whoever else "Banks" alone names
    elif known is not None and known.name != surname:
        name = known.name
    else:
        # "LUND:" after "MINISTER FOR HEALTH KAREN LUND:": the fuller label before names her
        name = (
            (named if k > 0 else None)
            or _fuller_label(ctx, span[0], words[-1], initial)
            or " ".join(_cased(w) for w in words)
        )
    role = " ".join(words[:k] if named else words[:-1]).title() or None
    if initial is not None:
        role = None
    return Speaker(name, role, None, label, "person", known.gender if known else None, span), "label"


# "L." or "L": an initial before a surname in a label.
_INITIAL = re.compile(rf"[{UPPER}]\.?")


def _cased(word: str) -> str:
    """A label's word as a name is written: "QUIÑONES" -> "Quiñones", "DiNAPOLI" -> "DiNapoli",
    "McCARTHY" -> "McCarthy"."""
    if len(word) > 2 and word[1].islower():
        k = 3 if word.startswith("Mac") and word[2].islower() else 2
        return word[:k] + word[k:].title()
    return word.title()


_ROLE_OR_LINK = ROLE_WORDS | HONORIFICS | {"for", "of", "the", "and"}


def _name_start(words: list[str], k: int) -> int:
    """Where the name of a label's ``words`` starts, looking back from ``k`` ("MINISTER FOR HEALTH
    KAREN LUND": the role's words, then the name, at most three words)."""
    while (
        k > max(0, len(words) - 3)
        and words[k - 1].lower().strip(".") not in _ROLE_OR_LINK
        and not _title(words[k - 1])
    ):
        k -= 1
    return k


# How far back (characters) a lone surname label looks for the fuller label: a long interview's
# transcript names its guest in full near the top; the bound keeps the cost linear.
_LABEL_REACH = 20_000


def _fuller_label(ctx: _Article, before: int, surname: str, initial: str | None = None) -> str | None:
    """The name of an earlier label that ends with the same surname and holds more words (with
    ``initial``, the one whose first name starts with it: "L. BANKS" after "LORETTA BANKS")."""
    for line in reversed(ctx.text[max(0, before - _LABEL_REACH) : before].splitlines()):
        m = LABEL.match(line) or _LABEL_BEFORE.match(line)
        if m is None or m.group(1) == surname or not m.group(1).endswith(" " + surname):
            continue
        words = m.group(1).split()
        name = words[_name_start(words, len(words) - 1) :]
        if initial is not None and (_INITIAL.fullmatch(name[0]) or name[0][:1] != initial):
            continue
        return " ".join(_cased(w) for w in name)
    return None


# A credit line after a quote: "“…” ― Jorge Falcon" (a dash, then only a name to the line end).
CREDIT = re.compile(
    r"[ \t\n]*[―—–-][ \t]*((?:[A-Z][\w'’.-]*|de|del|la|van|von|da|al)(?:[ \t]+(?:[A-Z][\w'’.-]*|de|del|la|van"
    r"|von|da|al)){0,5})[ \t]*\.?(?:,[^\n“”\"]{0,120})?[ \t]*(?:\n|$)"
)


def credit_paragraph(ctx: _Article, pos: int) -> tuple[Speaker, str] | None:
    """ "“…” ¶ - Bernie Sanders.": a quote closing its paragraph, credited by the next paragraph,
    a dash and a name alone."""
    para = ctx.paragraph_at(max(pos - 1, 0))
    if para is None or ctx.text[pos : para.end].strip(' \t.”"’'):
        return None
    k = ctx.paragraph_position(para)
    if k + 1 >= len(ctx.paragraphs):
        return None
    nxt = ctx.paragraphs[k + 1]
    credit = _CREDIT_LINE.fullmatch(ctx.text, nxt.start, nxt.end)
    if credit is None:
        return None
    return credited(ctx, credit.start(1), credit.end(1))


# A paragraph that credits the quote before it: a dash, the name, perhaps a comma and where or
# how ("-Michelle Marks, Philadelphia.", "- President Obama, tweeting after the speech.").
_CREDIT_LINE = re.compile(
    r"[―—–-][ \t]*((?:[A-Z][\w'’.-]*|de|del|la|van|von|da|al)(?:[ \t]+(?:[A-Z][\w'’.-]*|de|del|la|van"
    r"|von|da|al)){0,5}?)[ \t]*\.?(?:,[^\n]{0,120})?[ \t]*"
)


def credited(ctx: _Article, start: int, end: int) -> tuple[Speaker, str] | None:
    """The person a credit line names: a mention of the article there, else the name as written."""
    for m in ctx.in_range(start, end):
        if m.kind in ("person", "name", "role"):
            got = _resolved(ctx, m, "credit")
            if got is not None:
                return got
    name = ctx.text[start:end].rstrip(".")
    if len(name.split()) < 2:
        return None  # a lone word after a dash may be anything ("— Reuters", "— Update")
    return Speaker(
        name, None, None, name, "person", first_name_gender(name.split()[0]), (start, end)
    ), "credit"


# A list entry that names its source before a dash: "* AP - “…”", "BBC – “…”" (the line holds
# nothing but a bullet, the source and the dash before the quote).
_ENTRY = re.compile(r"[ \t]*(?:[*•·‣◦][ \t]+)?([A-Z][\w&.'’]*(?:[ \t]+[A-Z][\w&.'’]*){0,4})[ \t]+[-–—][ \t]*")


def list_entry(ctx: _Article, open_at: int) -> tuple[Speaker, str] | None:
    """The source a list entry names before its quote ("* AP - “…”"): a mention there, else the
    name as written (an agency or a paper: one word is enough)."""
    line = ctx.text.rfind("\n", 0, open_at) + 1
    m = _ENTRY.fullmatch(ctx.text, line, open_at)
    if m is None:
        return None
    got = credited(ctx, m.start(1), m.end(1))
    if got is not None:
        return got
    name = m.group(1)
    return Speaker(name, None, None, name, "organisation", None, m.span(1)), "credit"


# What may stand before a headline's speaker: the title's start, or a clause before it.
_HEADLINE_CLAUSE = re.compile(r"(?:^|[;:,–—|]\s*)$")


def headline_named(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A title line's quote right after its speaker, no verb between, in lower case ("Climate
    talks near their end; UN “concerned by the pace of things”", "Obama ‘disappointed’ by
    ruling"): the speaker. A capitalised quote there is a work's title ("Spielberg ‘Jaws’
    sequel"), and a verb between the two makes none (headline.py says why)."""
    if not ctx.text[found.start : found.start + 1].islower():
        return None
    before = ctx.in_range(0, found.open_at)
    if not before or ctx.text[before[-1].end : found.open_at].strip():
        return None
    m = before[-1]
    if m.kind not in ("person", "name", "organisation") and not (m.kind == "place" and is_country(m.name)):
        return None
    if not _HEADLINE_CLAUSE.search(ctx.text, 0, m.start):
        return None
    if any(c.start > found.close_at and "," in ctx.text[found.close_at : c.start] for c in ctx.cues):
        return None  # "Treasurer ‘betrayed’ her community, judge says": the credit after it speaks
    return _resolved(ctx, m, "headline")


# An interview's turn labels before a quote: "Q: “…”", "A: “…”" (also "Question:", "Answer:").
_TURN = re.compile(r"[ \t]*(Q|A|Question|Answer)[ \t]*[:.][ \t]*")
_ASKS = re.compile(r"[ \t]*(?:Q|Question)[ \t]*[:.]", re.MULTILINE)


def interview_turn(ctx: _Article, open_at: int) -> tuple[Speaker | None, str] | None:
    """The speaker of a quote an interview's turn label opens: "Q:" asks (no one's statement, as
    for transcripts), "A:" is the interviewee's — the one person the title names, else the person
    the article names most often — in an article that has a "Q:" turn too."""
    line = ctx.text.rfind("\n", 0, open_at) + 1
    m = _TURN.fullmatch(ctx.text, line, open_at)
    if m is None:
        return None
    if m.group(1) in ("Q", "Question"):
        return None, "question"
    if not any(_ASKS.match(ctx.text, p.start) for p in ctx.paragraphs):
        return None
    person = _interviewee(ctx)
    if person is None:
        return None
    return Speaker(
        person.name, person.role, person.affiliation, m.group(1), "person", person.gender, m.span(1)
    ), "label"


def _interviewee(ctx: _Article) -> Person | None:
    """The person an interview is with: the one whose surname the article's mentions and title use
    most (the title counts twice: it names whom the interview is with), not its author."""
    title = set(TOKEN.findall(ctx.title))
    uses = Counter(m.name.split()[-1] for m in ctx.mentions if m.kind in ("person", "name"))
    people = [p for p in ctx.people.persons if p.name != ctx.narrator and len(p.name.split()) > 1]
    scores = [uses[p.name.split()[-1]] + 2 * (p.name.split()[-1] in title) for p in people]
    if not scores or scores.count(max(scores)) > 1:
        return None  # no one, or a tie: no interviewee the article makes plain
    return people[scores.index(max(scores))]


# After a quote that opens the title: a colon, then the rest of the headline.
_COLON_AFTER = re.compile(r"[ \t]*:[ \t]+")
_SPEAKER_KINDS = frozenset({"person", "name", "role", "organisation"})


def quote_first(ctx: _Article, found: Found) -> tuple[Speaker | None, str] | None:
    """A title that opens with its quote, then a colon and the rest ("“Heartbroken”: TV host
    Jasmine Okafor confirms split", "‘I was done with acting’: Emeka Obi on his comeback"): the
    quote is the subject's of the rest — a person or body, then a verb or "on" — else no one's
    ("‘We are in shock’: A mosque feels the spotlight", "‘Catastrophic’: Sydney braces")."""
    if ctx.text[: found.open_at].strip() or found.style != "marks":
        return None
    colon = _COLON_AFTER.match(ctx.text, found.close_at)
    end = ctx.title_end
    if colon is None or colon.end() >= end:
        return None
    lead = [m for m in ctx.in_range(colon.end(), end) if not m.after_preposition]
    m = lead[0] if lead else None
    if m is None or m.kind not in _SPEAKER_KINDS or len(ctx.text[colon.end() : m.start].split()) > 3:
        return None, "title"
    if is_place(m.name) or (
        m.kind == "name" and not (ctx.people.known_surname(m.name) or ctx.people.known_given_name(m.name))
    ):
        return None, "title"  # a place, or a lone word the article names no one by ("Harbourtown")
    verb = re.match(r"[ \t]+([a-z]+)\b", ctx.text[m.end : end])
    if verb is None or not (verb.group(1) == "on" or _verb_like(verb.group(1))):
        return None, "title"
    got = _resolved(ctx, m, "headline")
    return got if got is not None else (None, "title")


def _verb_like(word: str) -> bool:
    """A headline's present-tense verb after its subject ("confirms", "vows", "reveals")."""
    return word in AMBIGUOUS_CUES or (
        word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3
    )
