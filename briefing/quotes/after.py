"""After: the attribution that follows a quote in its sentence.

"…,” Blinken told", "…,” said the US foreign minister", "…,” the ministry said in a statement",
"…” at the rally, he said.", "“…,” Doug Lind, director of research at Widmeyer, said", a credit
line ("— Lind"), and a sentence-final attribution that covers the quotes before it. clauses.py
holds the attributions before a quote and the sentence's subject.
"""

from __future__ import annotations

import re

from .clauses import _cue_text, _quoted_object
from .context import Speaker, _Article, _Cue
from .detect import MAX_SUBJECT_WORDS, TOKEN, Found
from .labels import CREDIT as _CREDIT
from .labels import credit_paragraph as _credit_paragraph
from .labels import credited as _credited
from .lexicon import CUE_WORDS, FINITE_MARKERS, FOREIGN_AUXILIARIES, PREPOSITIONS
from .mention import Mention
from .order import _parenthetical
from .order import participle as _participle
from .phrases import _CLAUSE_OPENERS, _SUBJECT_TAIL, _phrase_after, _phrase_before
from .plausible import _plausible, _words
from .resolve import _resolved
from .shapes import an_office, inverted_gap

_ADJOINING = frozenset(
    """the a an as then also later earlier has had have was is were meanwhile one another two
three four several though however too still instead now""".split()
)


def _sentence_final(ctx: _Article, found: Found, nxt: int | None) -> tuple[Speaker, str] | None:
    """ "… “…” at the convention, he said.": an attribution closing the quote's sentence after a
    comma attributes all of it. The sentence is the one the quote closes in: a quote of several
    sentences inside a sentence ("Lind and Dane “were stiff. There was no joy” in comparison,
    Ash said.") ends where its last one does."""
    _, end = ctx.sentence_bounds(max(found.open_at, found.close_at - 1))
    if nxt is not None and nxt < end:
        return None  # another quote follows in the sentence: its own attribution is not ours
    for comma in re.finditer(r",\s", ctx.text[found.close_at : end]):
        pos = found.close_at + comma.end()
        first = TOKEN.match(ctx.text, pos)
        opener = first.group().lower() if first is not None else ""
        if (
            not opener
            or (opener.endswith("ing") and opener != "according")
            or opener in _CLAUSE_OPENERS | {"what"}
        ):
            continue  # ", engaging in what analysts described …" is no attribution of the quote
        # ", she said, referencing …": the clause after the comma opens with its subject and verb
        if _short_subject_verb(ctx, pos, end) or len(_words(ctx.text[pos:end])) <= MAX_SUBJECT_WORDS + 4:
            got = _after(ctx, pos, None)
            if got is not None:
                return got
    return None


def _paragraph_end(ctx: _Article, pos: int) -> int:
    p = ctx.paragraph_at(pos)
    return p.end if p is not None else len(ctx.text)


def _after(ctx: _Article, pos: int, nxt: int | None, embedded: bool = False) -> tuple[Speaker, str] | None:
    """The attribution right after a quote: "said X", "X said", "according to X", "― X".
    ``embedded``: the quote has words of its sentence before it; when it also ends the sentence,
    the next sentence is a statement of its own ("Lind called it “arbitrary.” Dane, an aide,
    warned …"), never the quote's attribution."""
    credit = _CREDIT.match(ctx.text, pos)
    if credit is not None and credit.end(1) <= _paragraph_end(ctx, pos):
        return _credited(ctx, credit.start(1), credit.end(1))
    credit_line = _credit_paragraph(ctx, pos)
    if credit_line is not None:
        return credit_line
    named_next = _named_next(ctx, pos)
    if named_next is not None:
        return named_next
    # The quote's own paragraph bounds the search: a space after the closing mark at a line's
    # end lies between paragraphs, and what follows belongs to the next one.
    limit = _paragraph_end(ctx, max(pos - 1, 0))
    while pos < limit and ctx.text[pos] in " \t,;:–—”“\"»'’":
        pos += 1
    if nxt is not None:
        limit = min(limit, nxt)
    sent_start, sent_end = ctx.sentence_bounds(pos)
    if sent_start < pos:
        limit = min(limit, sent_end)
    else:  # the quote ended its sentence: only a short clause that follows may attribute it
        if embedded:
            return None
        # The clause ends where the segmenter ends its sentence: it knows abbreviations, so
        # "“Why?” Mr. Lind asked." is not cut at "Mr.".
        stop = _clause_stop(ctx, pos, min(limit, sent_end))
        if stop is None:
            return None
        if len(_words(ctx.text[pos:stop])) > MAX_SUBJECT_WORDS + 2 and not (
            _apposition(ctx.text, pos, stop) or _short_subject_verb(ctx, pos, stop)
        ):
            return None
        limit = stop + 1
    window = ctx.cues_in(pos, limit)
    if not window:
        return None
    cue = window[0]
    if (
        len(window) > 1
        and not _words(ctx.text[pos : cue.start])
        and re.fullmatch(r"[^,;:.!?“”\"]{0,40},\s*", ctx.text[cue.end : window[1].start])
        and not ctx.in_range(cue.end, window[1].start)
        and not _participle(ctx.text, window[1])
    ):
        # "“… the little deal” announced in October, said Derek Lind": the first verb belongs to
        # the quote's own words, the attribution is the next one
        cue = window[1]
    cue_text = _cue_text(ctx, cue, limit)
    quoted = [m for m in _quoted_object(ctx, cue) if _plausible(ctx, m)]
    if quoted:  # "“…,” state television quoted the commander as saying": the commander
        return _resolved(ctx, quoted[0], "quoted as saying")
    lead = _words(ctx.text[pos : cue.start])
    if lead and all(w.lower() in _INVERTING_AUXILIARIES for w in lead):
        lead = []  # "«…», ha detto Rossi", and so translated: "«…», has declared Molina"
    if not lead and cue.text.endswith("ing"):
        return None  # ", claiming that he …": a participle reports the main clause's subject
    if lead and _participle(ctx.text, cue) and "," in ctx.text[pos : cue.start]:
        # "“…,” Clinton seized upon the reference, repeating …": the participle belongs to a
        # clause of its own (its verb no verb of saying), which does not report the quote.
        return None
    # "“…” about the decision, said X", "“…” but to lead the ads, says X": words closed by a
    # comma, then an inverted verb
    # ("“…,” Seth Kee, a scientist at Tech, told The Hill" is a subject in commas, not that).
    adverbial = (
        bool(lead)
        and ctx.text[pos : cue.start].rstrip().endswith(",")
        and (lead[0].lower() in _LEAD_OPENERS or not ctx.in_range(pos, cue.start))
    )
    if not lead or adverbial:  # inverted: "said Blinken", "according to the ministry", "said the coach X"
        after = ctx.in_range(cue.end, limit)
        skipped = False
        for n, m in enumerate(after):
            if ctx.text[m.end : m.end + 1] in ("’", "'") and n + 1 < len(after):
                skipped = True
                continue  # "said Clinton’s top aide Jake Sullivan": the owner is no speaker
            titled = m.kind == "name" and ctx.text[max(0, m.start - 4) : m.start].lower() == "the "
            named = (
                _named_after_role(ctx, m, after[n + 1 : n + 4])
                if m.kind in ("role", "description", "definite") or titled
                else None
            )
            if named is not None and inverted_gap(ctx.text[cue.end : m.start]):
                # "said the executive clerk of the Council, Óscar Lind", "said the Executive Clerk
                # …" (a title, capitalised): Lind
                return _resolved(ctx, named, cue_text)
            # a person named right after this mention, which may then only qualify the name
            person_next = (
                n + 1 < len(after)
                and after[n + 1].kind == "person"
                and inverted_gap(ctx.text[cue.end : m.start])
            )
            between = ctx.text[m.end : after[n + 1].start] if person_next else ""
            if person_next and (
                (
                    (
                        (m.kind in ("name", "place") and not _plausible(ctx, m))
                        or m.kind == "organisation"
                        # a lone word the article names no one by: "said Pagasa weather specialist X"
                        or (m.kind == "name" and not ctx.people.known_surname(m.name))
                    )
                    and re.fullmatch(r"(?:\s+[\w-]+){0,3}\s+", between)
                )
                or (
                    # "indicated the vice-chancellor of Guatemala, Héctor Ajú": a role's object, then
                    # the name in apposition
                    (m.after_preposition or (m.kind == "organisation" and an_office(m.name)))
                    and m.kind in ("name", "place", "organisation")
                    and re.fullmatch(r",\s*", between)
                )
            ):
                # "said Idaho supplement executive Frank Vale", "said Montclair State University
                # political scientist Brigid Lind": a place or an institution before the name
                skipped = True
                continue
            gap = _words(ctx.text[cue.end : m.start])
            if (m.kind == "place" and not _plausible(ctx, m)) or (gap and gap[-1].lower() in _WHERE):
                break  # "said the Brazilian striker", "wrote one fan on Twitter": the phrase speaks
            if skipped or inverted_gap(ctx.text[cue.end : m.start]):
                got = _resolved(ctx, m, cue_text)
                if got is not None:
                    return got
            break
        if not lead:
            return _phrase_after(ctx, cue.end, limit, cue_text)
    if len(lead) > MAX_SUBJECT_WORDS and _parenthetical(ctx.text, cue, ctx.in_range(pos, cue.start)):
        # "“A big truck” plowed through the barriers, he said, and …": a reporting clause in
        # commas reports the whole sentence, the quote in it too
        subject = ctx.in_range(pos, cue.start)[-1]
        if _plausible(ctx, subject):
            return _resolved(ctx, subject, cue_text)
    # (in a subject with no commas, articles and "of" do not count: "Const. Dawson Lefebvre of
    # the Greater Sudbury Police Service told" is a subject of seven words)
    plain = "," not in ctx.text[pos : cue.start]
    counted = [w for w in lead if not (plain and w.lower() in ("the", "a", "an", "of"))]
    got = _subject_before(ctx, pos, cue) if len(counted) <= MAX_SUBJECT_WORDS else None
    if got is None and len(lead) > MAX_SUBJECT_WORDS:
        got = _affiliated(ctx, pos, cue)
    if got is None and lead[0].lower() in _LEAD_OPENERS and not plain:
        # "“…” that would answer the request, trial counsel Lind wrote": a complement of the
        # quote, then after its comma the subject and its verb
        comma = ctx.text.rindex(",", pos, cue.start) + 1
        if len(_words(ctx.text[comma : cue.start])) <= MAX_SUBJECT_WORDS:
            got = _subject_before(ctx, comma, cue)
    return got if got is not None else _phrase_before(ctx, pos, cue.start, cue_text)


# A quote's speaker named right after it, in brackets ("“…” (Ivan Petrov)") or in a sentence
# that tells how they said it ("“A quiet revolution.” That is how Eva Stahl described the reform.").
_BRACKETED = re.compile(r"[ \t]*\(((?:[A-Z][\w'’.-]*[ \t]*){2,4})\)[ \t]*\.?[ \t]*(?:\n|$)")
_THAT_IS_HOW = re.compile(r"\s*(?:That(?:’s|'s|\s+is|\s+was)|This\s+(?:is|was))\s+how\s+")


def _named_next(ctx: _Article, pos: int) -> tuple[Speaker, str] | None:
    """The speaker of the quote closing at ``pos`` named in brackets or by "That is how X …"."""
    bracketed = _BRACKETED.match(ctx.text, pos)
    if bracketed is not None and bracketed.end(1) <= _paragraph_end(ctx, pos):
        return _credited(ctx, bracketed.start(1), bracketed.end(1))
    how = _THAT_IS_HOW.match(ctx.text, pos)
    if how is None:
        return None
    _, end = ctx.sentence_bounds(how.end())
    subject = next(iter(ctx.in_range(how.end(), end)), None)
    cues = ctx.cues_in(how.end(), end)
    if subject is None or not cues or len(_words(ctx.text[subject.end : cues[0].start])) > 1:
        return None
    return _resolved(ctx, subject, _cue_text(ctx, cues[0], end)) if _plausible(ctx, subject) else None


# Prepositions of where or through what someone spoke: the object is no speaker ("wrote one fan
# on Twitter"); "by", "of" and "from" may name whose words they are ("calculations by Amy Lind",
# "said a report from Kotak").
_WHERE = frozenset("on in at via".split())
# Auxiliaries of an inverted perfect after a quote: the other languages', and their word for
# word translation into English.
_INVERTING_AUXILIARIES = FOREIGN_AUXILIARIES | {"has", "have"}
# Between a role and the name in apposition after it: the rest of the role's words and its
# "of"-phrase, which may hold an institution's own mentions ("the executive clerk of the National
# Monuments Council of Chile, Óscar Acuña": the chunker knows "executive", not "clerk").
_APPOSED_AFTER_ROLE = re.compile(r"(?:\s+[a-z]+){0,2}(?:\s+(?:of|for|at|in)\s+[^,;:.!?“”\"]{1,80})?,\s*")


def _named_after_role(ctx: _Article, role: Mention, nxt: list[Mention]) -> Mention | None:
    """The person in apposition after a role and its "of"-phrase, among the next mentions."""
    return next(
        (p for p in nxt if p.kind == "person" and _APPOSED_AFTER_ROLE.fullmatch(ctx.text, role.end, p.start)),
        None,
    )


_LEAD_OPENERS = PREPOSITIONS | {
    "that",
    "but",
    "and",
    "because",
    "if",
    "when",
    "while",
    "whilst",
    "whereas",
    "as",
    "so",
}


# "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": a person, maybe a
# second one, then where they are from, then the verb.
_AFFILIATION = re.compile(
    r"(?:\s+and\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})?\s+(?:of|at|from|with)\s+[^,.;:!?“”\"]{1,120}\Z"
)


# "Thorne Lay, professor of earth sciences at the University of California, Santa Cruz said": a
# person, a role in apposition whose closing comma the writer left out, the verb.
_UNCLOSED_ROLE = re.compile(
    r",\s+(?:(?:the|an?)\s+)?[a-z][\w -]{0,60}?\s+(?:of|at|for|with)\s+[^,.;:!?“”\"]{1,120}\Z"
)


def _affiliated(ctx: _Article, pos: int, cue: _Cue) -> tuple[Speaker, str] | None:
    """A long subject after a quote that is a person and their institution: the person."""
    inside = ctx.in_range(pos, cue.start)
    people = [m for m in inside if m.kind in ("person", "name")]
    if not people or len(_words(ctx.text[pos : people[0].start])) > 3:
        return None
    if not _AFFILIATION.match(ctx.text, people[0].end, cue.start):
        # an institution's own comma ("University of California, Santa Cruz") closes no role
        gap = ctx.text[people[0].end : cue.start]
        for m in reversed([m for m in inside if m.kind == "organisation" and m.start >= people[0].end]):
            a, b = m.start - people[0].end, m.end - people[0].end
            gap = gap[:a] + "Institution" + gap[b:]
        if any(not p.after_preposition for p in people[1:]) or not _UNCLOSED_ROLE.fullmatch(gap):
            return None
    return _resolved(ctx, people[0], _cue_text(ctx, cue, len(ctx.text)))


def _clause_stop(ctx: _Article, pos: int, end: int) -> int | None:
    """Where the sentence that starts at ``pos`` ends: its last full stop, question or
    exclamation mark before ``end`` (closing marks after it aside), else its first one."""
    j = end
    while j > pos and ctx.text[j - 1] in "”’\"')]» \t\n":
        j -= 1
    if j > pos and ctx.text[j - 1] in ".!?…":
        return j - 1
    stop = re.compile(r"[.!?…]").search(ctx.text, pos, end)
    return stop.start() if stop is not None else None


def _short_subject_verb(ctx: _Article, pos: int, stop: int) -> bool:
    """A clause after a quote that opens with a short subject and its verb of saying, then goes
    on ("“Who are they?” Trump said of Apple in February, when …"), not a "that" clause."""
    cue = next(iter(ctx.cues_in(pos, stop)), None)
    if cue is None or len(_words(ctx.text[pos : cue.start])) > 4:
        return False
    # "Trump said of Apple …", "she told reporters in …": the verb's own complements follow; "He
    # also said Trump's plan …" starts a statement of its own.
    if _VERB_COMPLEMENT.match(ctx.text, cue.end, stop):
        return True
    # "told Britain's ITV television station in an interview …": a listener of a few words with
    # no verb of its own, then a complement or the end; "told reporters that …" or "told them
    # the plan was …" reports a statement of its own.
    listener = _LISTENER.match(ctx.text, cue.end, stop) if cue.text.lower() in _TELL else None
    return listener is not None and not any(
        w.lower() in FINITE_MARKERS | {"that"} for w in _words(listener.group(1))
    )


_VERB_COMPLEMENT = re.compile(
    r"\s*(?:\w+ly\s+)?(?:[,;]|(?:of|in|at|on|to|during|after|before|as|while|when|from|with|about|on)\b"
    r"|(?:reporters|supporters|the\s+crowd|an?\s+\w+|the\s+\w+)\s+(?:\w+ly\s+)?"
    r"(?:in|at|on|during|after|before|as|while|when)\b)"
)


_TELL = frozenset({"told", "tells", "tell", "asked", "asks"})
_LISTENER = re.compile(
    r"\s+((?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+?)\s*(?:[,;.!?]|\s(?:in|at|on|during|after|before|as|while"
    r"|when|from|with|about|via|over)\b)"
)


def _subject_before(ctx: _Article, pos: int, cue: _Cue) -> tuple[Speaker, str] | None:
    """ "…,” the US foreign minister said": the last mention before the verb."""
    subjects = [m for m in ctx.in_range(pos, cue.start)]
    if not subjects:
        return None
    # "Doug Lind, director of research at Widmeyer Communications, said": the object of a
    # preposition in an apposition is not the subject
    subject = next(
        (
            m
            for n, m in reversed(list(enumerate(subjects)))
            if not m.after_preposition
            # "… at the University of California, Santa Cruz said": a campus or a city after an
            # institution in a preposition's phrase is part of that phrase
            and not (
                n and subjects[n - 1].after_preposition and ctx.text[subjects[n - 1].end : m.start] == ", "
            )
        ),
        subjects[-1],
    )
    if not all(w.lower() in _ADJOINING for w in _words(ctx.text[pos : subjects[0].start])):
        return None
    if subject.kind == "place" and not _plausible(ctx, subject):
        return None  # "…,” the Spaniard admitted": a demonym; the phrase speaks
    gap = _words(ctx.text[subject.end : cue.start])
    # A short qualifier may stand between subject and verb ("a senior diplomat involved in the
    # drafting said"), a clause of its own may not ("… officials who were briefed have said").
    if len(gap) > 3 and (len(gap) > MAX_SUBJECT_WORDS - 2 or any(w.lower() in FINITE_MARKERS for w in gap)):
        return None
    return _resolved(ctx, subject, _cue_text(ctx, cue, len(ctx.text)))


# "Name, a strategist and former adviser to X, said": a subject with an apposition in commas.
_APPOSITION = re.compile(r"[^,.;:!?“”\"]{1,60},[^,.;:!?“”\"]{1,160},\s*(\w+)(?:\s+(\w+))?")


def _apposition(text: str, pos: int, end: int) -> bool:
    """Does a subject with an apposition in commas, then its verb of saying, start at ``pos``?"""
    m = _APPOSITION.match(text, pos, end)
    if m is None:
        return False
    first, second = m.group(1), m.group(2)
    return first.lower() in CUE_WORDS or (first.lower() in _SUBJECT_TAIL and second in CUE_WORDS)


# "That’s the optimistic view mouthed by Michael Reed", "That was the message from Dana Holt":
# the sentence after a quote names whose words they were.
_VIEW_OF = re.compile(
    r"\s*(?:That|This|Such)(?:[’']s|\s+is|\s+was|\s+has\s+been)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:view|message|assessment|verdict|warning|argument|position|take|advice|conclusion|opinion|word|words)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:of|from|by)\s+"
)


def view_of(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """The sentence right after the quote's says whose view it was."""
    _, end = ctx.sentence_bounds(max(found.start, found.close_at - 1))
    while end < len(ctx.text) and ctx.text[end] in ' \t\n”"’':
        end += 1
    view = _VIEW_OF.match(ctx.text, end)
    if view is None:
        return None
    for m in ctx.in_range(view.end(), view.end() + 80)[:1]:
        if m.kind in ("person", "name", "organisation", "role", "description") and _plausible(ctx, m):
            got = _resolved(ctx, m, "view of")
            if got is not None:
                return got
    return None
