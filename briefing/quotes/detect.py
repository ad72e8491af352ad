"""Detect: where the quoted words are, in quote marks or dash speech.

Works one paragraph at a time and returns character spans of the quoted words (marks left out).
Marks are read by their context first and their glyph second, because scraped and machine-
translated news uses them loosely: “ closes a quote that “ opened (``territory. “``), ” opens
one or is glued to the next word (``attack, ”Blinken commented``), and the same “ ” serve as
inner and outer marks. A quote that cannot be closed sensibly is dropped, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Paragraph
from .lexicon import (
    CLOSE_GLYPHS,
    CUE_PHRASES,
    CUE_WORDS,
    DOUBLE_MARKS,
    FUNCTION_WORDS,
    OPEN_GLYPHS,
    PERSON_NOUNS,
    ROLE_WORDS,
    SINGLE_MARKS,
    SUBJECT_PRONOUNS,
)

ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS
_MARK = re.compile("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")  # any one quote mark
_TERMINATORS = ".!?…"
# What may stand right before an opening mark, besides a space: brackets, dashes, slashes.
_OPEN_BEFORE = frozenset("([{/–—-") | ALL_MARKS
# What may stand right after a closing mark, besides a space: punctuation, dashes, marks.
_CLOSE_AFTER = frozenset(",.;:!?)]}…–—-") | ALL_MARKS
_TRIM_END = " \t\n,;:–—-"
# A height or length: a digit, a foot mark, one or two digits, then the inch mark.
_INCHES = re.compile(r"(?<![\w’'])\d[’′']\d{1,2}[”″\"]$")
TOKEN = re.compile(r"[^\W_](?:[\w’'\-]|\.(?=[^\W\d_]\b))*\.?")
# How many words a subject may take before its verb of saying ("Kremlin spokesman Dmitry Peskov
# told"); the longest attribution subject in the seeds and the fixtures is 7 words.
MAX_SUBJECT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Found:
    """A stretch of quoted words found in one paragraph (absolute offsets in the article text)."""

    start: int
    end: int
    paragraph: int  # Paragraph.index
    style: str  # "marks" | "open" (unclosed to the paragraph end) | "broken" | "dash"
    open_at: int  # the opening mark or dash (the paragraph start for "broken")
    close_at: int  # just after the closing mark or what ends the speech
    cued: bool = False  # dash/broken speech ended by its own attribution ("– he said")


def asks(text: str, found: Found) -> bool:
    """Is the quoted stretch a question ("Will customers be compensated?")?"""
    return text[found.start : found.end].rstrip(" ”\"»’'").endswith("?")


def starts_with_cue(text: str, pos: int) -> bool:
    """Does an attribution clause start at ``pos``: "said X", "he said", "Name Surname told"?"""
    words = [m.group().rstrip(".") for m in TOKEN.finditer(text, pos, min(len(text), pos + 120))]
    if not words:
        return False
    if CUE_PHRASES.match(text[_skip(text, pos) :]):
        return True
    if words[0] in CUE_WORDS:
        return True
    if words[0].lower() in SUBJECT_PRONOUNS:
        return len(words) > 1 and _is_cue_at(words, 1)
    # A short subject of capitalised or role words ("the deputy mayor"), then the verb.
    for i, word in enumerate(words[:MAX_SUBJECT_WORDS]):
        if _is_cue_at(words, i):
            return i > 0
        low = word.lower()
        if low in ("the", "a", "an", "of"):
            continue
        if low in FUNCTION_WORDS or not (word[:1].isupper() or low in ROLE_WORDS or low in PERSON_NOUNS):
            return False
    return False


def _is_cue_at(words: list[str], i: int) -> bool:
    word = words[i]
    if word in CUE_WORDS:
        return True
    return word in ("was", "is", "were") and i + 1 < len(words) and words[i + 1] == "quoted"


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _context(text: str, i: int) -> str:
    """How the mark at ``i`` sits: "open", "close", "detached" (spaces both sides), "glued"."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    open_before = before.isspace() or before in _OPEN_BEFORE
    close_after = after.isspace() or after in _CLOSE_AFTER
    if open_before and close_after:
        if before.isspace() and after.isspace():
            return "detached"
        if before.isspace() and (after == "…" or text.startswith("...", i + 1)):
            return "open"  # ' "...for me Bali is …"': an ellipsis opens the quote, not a full stop
        return "open" if after in ALL_MARKS else "close"
    if open_before:
        return "open"
    if close_after:
        return "close"
    return "glued"


def _pairs(text: str) -> tuple[list[tuple[int, int]], list[int], list[int], list[int]]:
    """Pair the quote marks of a paragraph. Returns (open, close) index pairs of every level, the
    double opening marks left unclosed, the closing marks that found nothing to close and the
    single opening marks left unclosed."""
    stack: list[tuple[int, bool]] = []  # (position, is_double)
    pairs: list[tuple[int, int]] = []
    strays: list[int] = []
    skip = -1
    for m in _MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if i == skip or _INCHES.search(text, max(0, i - 4), i + 1):
            continue  # the second mark of a doubled single; "he’s like 6’2”": feet and inches
        ctx = _context(text, i)
        doubled = ch in "‘’" and text[i + 1 : i + 2] == ch
        if doubled and ch == "‘" and text[i + 2 : i + 3].isalnum() and ctx in ("open", "glued"):
            stack.append((i + 1, True))  # ‘‘…’’: two single marks written for a double one
            skip = i + 1
            continue
        if (
            doubled
            and ch == "’"
            and stack
            and stack[-1][1]
            and _context(text, i + 1) in ("close", "detached")
        ):
            pairs.append((stack.pop()[0], i))  # “…,’’ Lind told the BBC.
            skip = i + 1
            continue
        if ch in SINGLE_MARKS:
            _single(text, i, ch, ctx, stack, pairs)
            continue
        has_open = any(double for _, double in stack)
        if has_open and (
            ctx in ("close", "detached")
            or (ctx == "open" and ch in CLOSE_GLYPHS)
            or (ctx == "glued" and (ch not in OPEN_GLYPHS or text[i - 1] in ",.!?;:…"))
        ):
            while stack:
                pos, double = stack.pop()
                if double:
                    pairs.append((pos, i))
                    break
        elif ctx in ("open", "detached") or (ctx == "glued" and ch not in CLOSE_GLYPHS):
            stack.append((i, True))
        elif ctx == "close":
            strays.append(i)  # may be a closer whose opener was lost: read as "broken" later
    return (
        pairs,
        [pos for pos, double in stack if double],
        strays,
        [pos for pos, double in stack if not double],
    )


def _single(
    text: str, i: int, ch: str, ctx: str, stack: list[tuple[int, bool]], pairs: list[tuple[int, int]]
) -> None:
    """Single marks: only a clear opener (‘ or ' before a word) and a matching clear closer count;
    everything else is an apostrophe (don’t, Russia’s, the allies’ plans, ’80s)."""
    if ctx == "open" and ch in "‘‚'‹" and text[i + 1 : i + 2].isalpha():
        stack.append((i, False))
    elif ctx in ("close", "detached") and ch in "’'›‘" and stack and not stack[-1][1]:
        if _plural_possessive(text, i):
            return
        pos, _ = stack.pop()
        pairs.append((pos, i))


# After a plural's ’, the noun it owns ("their parents’ sofas"); a closing mark is followed by
# punctuation, a verb of saying or a function word ("‘a mess of promises’ and …").
_OWNED_NOUN = re.compile(r" ([a-z][a-z-]+)")
_PUNCTUATED_CLOSE = re.compile(r"[,.!?…][’']")


def _plural_possessive(text: str, i: int) -> bool:
    """Is the ’ at ``i``, inside a single-quoted quotation, a plural's possessive ("‘… sleeping on
    their parents’ sofas tonight,’ she said"): after an "s", before a noun, with a punctuated
    closing mark later in the paragraph?"""
    owned = _OWNED_NOUN.match(text, i + 1)
    return (
        text[i - 1 : i] == "s"
        and owned is not None
        and owned.group(1) not in FUNCTION_WORDS
        and owned.group(1) not in CUE_WORDS
        and _PUNCTUATED_CLOSE.search(text, owned.end()) is not None
    )


def find_in_paragraph(
    paragraph: Paragraph, next_opens: bool = False, next_single: bool = False
) -> list[Found]:
    """All quoted stretches of one paragraph, in order. ``next_opens`` says the next paragraph
    starts with a double quote mark (then a quote left open here runs to the paragraph end);
    ``next_single`` that it starts with a single one (then a paragraph opening with one, left
    open, is the first of a single-quoted quotation over paragraphs: ‘We’d no idea … ¶ ‘The
    first winter …’)."""
    text = paragraph.text
    base = paragraph.start
    pairs, unclosed, strays, singles = _pairs(text)
    carried: set[int] = set()  # single marks that open a quotation the next paragraph goes on with
    if next_single and singles and not text[: singles[0]].strip():
        carried.add(singles[0])
    elif (
        next_single
        and singles
        and _SENTENCE_BEFORE.search(text, 0, singles[-1])
        and "’" not in text[singles[-1] :]
    ):
        # "‘…,’ Eirlys Bowen said. ‘But he was a salesman who knew his fruit. ¶ ‘The problem …’"
        carried.add(singles[-1])
    unclosed = [*unclosed, *sorted(carried - set(unclosed))]
    found: list[Found] = []
    for o, c in pairs:
        if o > 0 and text[o - 1] == "=":
            continue  # markup left in the text: an attribute's value (datetime="2016-02-08"), no quote
        found.append(Found(base + o + 1, base + c, paragraph.index, "marks", base + o, base + c + 1))
    first_mark = min([o for o, _ in pairs] + unclosed + strays, default=None)
    for o in sorted(unclosed + strays):
        after = _skip(text, o + 1)
        if starts_with_cue(text, after) and o == first_mark and _ends_line_text(text, o):
            # "… serious consequences, “said the minister.": the mark closes what came before. A
            # mark that starts a line opens what follows it: it never closes the line above.
            found.append(Found(base, base + o, paragraph.index, "broken", base, base + o + 1, cued=True))
        elif (
            o in unclosed
            and text[o] not in CLOSE_GLYPHS
            and (not text[:o].strip() or next_opens or o in carried or _left_open(text, o))
        ):
            # A quote continued in the next paragraph (each paragraph opens, only the last closes),
            # or one whose closing mark the writer left out at the paragraph's end.
            found.append(
                Found(base + o + 1, base + len(text), paragraph.index, "open", base + o, base + len(text))
            )
    found.extend(_dash_speech(text, base, paragraph.index, found))
    return _outermost(found)


# A sentence's end, then spaces, right before a mark: it opens a sentence of quotation.
_SENTENCE_BEFORE = re.compile(r"[.?!]\s+\Z")
# Words after which a quote opens ("what he called “…", "said: “…"): a mark there left open to
# the paragraph's end is a quote whose closing mark is missing ("so-called" opens none).
_OPENS_QUOTE = re.compile(
    r"(?:(?<![\w-])(?:said|says|called|calls|told|tells|wrote|writes|added|warned|that)|[:,])\s*$"
)


def _left_open(text: str, o: int) -> bool:
    """Is the unclosed mark at ``o`` a quote running to its paragraph's end, closing mark missing:
    after a verb of saying, "that" or a colon, with a sentence of three words or more after it
    and no other mark?"""
    rest = text[o + 1 :].rstrip()
    return (
        _OPENS_QUOTE.search(text, 0, o) is not None
        and len(rest.split()) >= 3
        and rest.endswith((".", "!", "?"))
        and not any(ch in ALL_MARKS for ch in rest)
    )


def _ends_line_text(text: str, o: int) -> bool:
    """Does the mark at ``o`` stand on a line after words of its own (not at a line start, nor
    after a dash that opens the line: "\n – “said X" closes nothing above)?"""
    line = text[max(text.rfind("\n", 0, o), text.rfind("\r", 0, o)) + 1 : o]
    return any(ch.isalnum() for ch in line)


def _outermost(found: list[Found]) -> list[Found]:
    """Drop stretches inside another one (inner quotes belong to the outer quote)."""
    found.sort(key=lambda f: (f.open_at, -f.close_at))
    out: list[Found] = []
    for f in found:
        if out and f.open_at < out[-1].close_at:
            continue
        out.append(f)
    return out


_DASH_OPENER = re.compile(r"(?:^|(?<=[.!?…])|(?<=[.!?…][”\"»“]))\s*([–—])\s+(?=\S)")
_INNER_DASH = re.compile(r"\s[–—]\s+")
# A wire's dateline before the story's dash, ending on an abbreviation's period: "COLUMBUS, Ga. —",
# "WASHINGTON (AP) —", "ST. PAUL, Minn. —": no sentence, so the dash opens no speech.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w.' ]{0,20})?(?:\s*\([^()\n]{1,30}\))?\s*")


def _dash_speech(text: str, base: int, index: int, marks: list[Found]) -> list[Found]:
    """Dash-introduced speech: "– … – said Lavrov.", "– …, said Blinken.", and a dash sentence that
    follows an attributed quote. Ends at its own attribution, the next dash opener or the end."""
    covered = [(f.open_at - base, f.close_at - base) for f in marks]
    openers = [
        m
        for m in _DASH_OPENER.finditer(text)
        if not any(a <= m.start(1) < b for a, b in covered) and not _DATELINE.fullmatch(text, 0, m.start(1))
    ]
    out: list[Found] = []
    for k, m in enumerate(openers):
        start = m.end()
        limit = openers[k + 1].start(1) if k + 1 < len(openers) else len(text)
        end, cued = limit, False
        for inner in _INNER_DASH.finditer(text, start, limit):
            if starts_with_cue(text, inner.end()):
                end, cued = inner.start(), True
                break
        if not cued:
            for comma in re.finditer(r",\s+", text[start:end]):
                pos = start + comma.end()
                if starts_with_cue(text, pos) and _ends_soon(text, pos, limit):
                    end, cued = start + comma.start(), True
                    break
        out.append(Found(base + start, base + end, index, "dash", base + m.start(1), base + end, cued))
    return out


def _ends_soon(text: str, pos: int, limit: int) -> bool:
    """An attribution clause is short: the sentence ends within a few words."""
    stop = re.compile(r"[.!?…]").search(text, pos, limit)
    end = stop.start() if stop else limit
    return len(TOKEN.findall(text, pos, end)) <= MAX_SUBJECT_WORDS + 4


# A transcript's speaker label at the start of a quote or paragraph: "PENCE:", "SECRETARY
# BLINKEN:", "FOREIGN MINISTER LAVROV: (Via interpreter)". "Q:" asks; it states nothing.
# Upper-case letters of Latin-1 and Latin Extended-A as well as ASCII ("QUIÑONES:", "ŁUKASZ").
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x180) if chr(c).isupper())
# A word of a label: upper case, perhaps after a mixed-case prefix of a surname ("DiNAPOLI",
# "McCARTHY", "MacLEOD", "O'NEILL").
LABEL_WORD = rf"(?:Mc|Mac|Di|De|Da|Du|La|Le)?[{UPPER}][{UPPER}.'’-]+"
LABEL = re.compile(
    rf"[ \t]*((?:{LABEL_WORD}[ \t]+){{0,5}}{LABEL_WORD})[ \t]*:[ \t]*(?:\([^)\n]{{1,30}}\)[ \t]*)?"
)
# A turn that opens with one of these is a quotation in marks, found as such.
_TURN_OPENS = OPEN_GLYPHS | {'"'}
QUESTION_LABELS = frozenset({"Q", "QUESTION", "QUESTIONS", "INTERVIEWER"})
QUESTION = re.compile(r"[ \t]*(?:Q|QUESTION|Question)[ \t]*:")
# Labels of page furniture, never of a speaker ("UPDATE: …", "EDITOR'S NOTE: …").
FURNITURE_LABELS = frozenset(
    """UPDATE UPDATED EDITOR'S EDITOR’S NOTE CORRECTION RELATED EMAIL WATCH READ PHOTO VIDEO
SOURCE SOURCES BREAKING ALSO WARNING""".split()
)


def transcript_turns(paragraphs: Sequence[Paragraph]) -> dict[int, int]:
    """Paragraphs that are turns of a transcript ("SECRETARY BLINKEN: We …"): Paragraph.index ->
    where the turn's words start (after the label). Only an article with two labelled turns or
    more is a transcript; "Q:" turns ask and page-furniture labels ("UPDATE:") are no turns."""
    turns = {}
    for p in paragraphs:
        m = LABEL.match(p.text)
        if m is None or len(m.group(1)) < 2 or m.end() >= len(p.text.rstrip()):
            continue
        words = m.group(1).split()
        if m.group(1) in QUESTION_LABELS or any(w in FURNITURE_LABELS for w in words):
            continue
        turns[p.index] = p.start + m.end()
    return turns if len(turns) >= 2 else {}


def find(text: str, paragraphs: Sequence[Paragraph]) -> list[Found]:
    """Every quoted stretch of an article's (cleaned) paragraphs, spans trimmed of spaces and
    trailing commas. Headings count: a live blog's or a feature's subheading quotes its entry's
    speaker ("Minister: ‘Every resource we have’" over the minister's "We are putting every
    resource we have into …"); attribution gives it that speaker (a label, ``repeats``) or
    leaves a scare quote out, as in the body."""
    out: list[Found] = []
    turns = transcript_turns(paragraphs)
    for k, paragraph in enumerate(paragraphs):
        if paragraph.index in turns and text[turns[paragraph.index]] not in _TURN_OPENS:
            # a transcript turn is the labelled speaker's statement (one whose words are in
            # quotation marks, an oral history's "QUIÑONES: “…”", is found as the quotation)
            end = paragraph.start + len(paragraph.text.rstrip())
            out.append(Found(turns[paragraph.index], end, paragraph.index, "label", paragraph.start, end))
            continue
        following = paragraphs[k + 1].text.lstrip()[:1] if k + 1 < len(paragraphs) else ""
        for f in find_in_paragraph(
            paragraph,
            next_opens=bool(following) and following in DOUBLE_MARKS,
            next_single=bool(following) and following in "‘'",
        ):
            start, end = f.start, f.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in _TRIM_END:
                end -= 1
            if end > start:
                out.append(Found(start, end, f.paragraph, f.style, f.open_at, f.close_at, f.cued))
    return out
