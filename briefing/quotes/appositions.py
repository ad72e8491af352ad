"""Appositions: a role or description and a name side by side ("Dmitry Peskov, the Kremlin
spokesman,"; "the head of the press service, Ned Price") state that person's role."""

from __future__ import annotations

import re
from dataclasses import replace

from .groups import campuses
from .lexicon import ANAPHORIC_NOUNS, CUE_WORDS, PERSON_NOUNS, plural, role_class
from .mention import Mention
from .openers import closes_opener
from .places import is_place

# A short qualifier after a role or description ("spokesperson for the border guard service",
# "economist at the Centre for Trade Studies"): up to the next comma, clause or quote.
_QUALIFIER = re.compile(
    r"(?:\s+(?:for|of|at|with|in|from|on)\s+|['’]s\s+)(?:(?!\b(?:who|which|that|said|says)\b)"
    r"[^,.;:!?“”„«»\"()\n–—])+"
)


# A second capitalised object of a role's "for"/"of", before the comma that ends the role: "the
# Principal Secretary for Higher Education and Research, Dr …".
_AND_OBJECT = re.compile(r"\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?=\s*,)")


def _qualified(text: str, m: Mention) -> tuple[str, int]:
    """The mention's words with the qualifier that follows them, and where that ends."""
    q = _QUALIFIER.match(text, m.end)
    if q is None and re.search(r"\s(?:for|of)\s", m.name) and (joined := _AND_OBJECT.match(text, m.end)):
        return text[m.start : joined.end()], joined.end()
    if q is None or len(q.group().split()) > 9:
        return text[m.start : m.end], m.end
    end = q.end() - (len(q.group()) - len(q.group().rstrip()))
    return text[m.start : end], end


# Between a name and its role: a comma, maybe an age, maybe a relative clause that states the
# role ("Juan Tzintzun, 52, who has worked as a ranger in …"), the role's article.
_APPOSED = re.compile(
    r",\s*(?:\d{1,3},\s*)?(?:who\s+(?:is|was|has\s+been|had\s+been|(?:has\s+)?(?:works|worked|serves|served)\s+as)\s+)?"
    r"(?:(?:the|an?|one)\s+)?"
)


# Between a role and the name after it: a comma, maybe a title the name drops ("The trial
# judge, Justice Halima Abdullahi-Mohammed,"), or "named".
_ROLE_TO_NAME = re.compile(
    r",\s*(?:the\s+)?(?:(?:Justice|Judge|Dr|Prof|Professor|Rev|Mr|Mrs|Ms|Sir|Dame|Barrister|Advocate)\.?\s+)?|\s+named\s+"
)

_SUBJECT_AFTER = re.compile(r"[ \t]+([a-z]+)")  # the word after the role: its verb of saying?


def _says_after(text: str, end: int) -> bool:
    verb = _SUBJECT_AFTER.match(text, end)
    return verb is not None and verb.group(1) in CUE_WORDS


def apposed_to_description(text: str, before: Mention, a: Mention) -> bool:
    """Is the name itself in apposition to a description right before it ("from the presiding
    judge, Patrick Lemoine, the 61-year-old said")? Then what follows it is not its role."""
    return (
        before.kind in ("role", "description", "definite")
        and re.fullmatch(r",\s*", text[before.end : a.start]) is not None
    )


def _appositions(text: str, found: list[Mention]) -> list[Mention]:
    """A role or an unnamed description and a name side by side, separated by a comma ("the head
    of the press service, Ned Price"; "Dmitry Peskov, the Kremlin spokesman,"; "a spokesperson for
    the border guard service, Jonas Petrauskas,"; "Petra Lind, an economist at the Centre …")
    state that person's role; a description that names a person is no speaker of its own."""
    out: list[Mention | None] = list(found)
    for k in range(len(found) - 1):
        a = out[k]
        if a is None:
            continue
        phrase, end = _qualified(text, a)
        # mentions inside the qualifier ("the border guard service") belong to the phrase
        n = k + 1
        while n < len(found) and found[n].end <= end:
            n += 1
        if (
            n + 1 < len(found)
            and found[n + 1].start == found[n].start
            and found[n + 1].kind == "description"
            and text[_qualified(text, found[n + 1])[1] :].startswith(",")
        ):
            n += 1  # the owner of a description in commas: "Ingrid Solheim, Halcyon’s project scientist,"
        b = out[n] if n < len(found) else None
        if b is None:
            continue
        if (
            (a.kind in ("role", "description") or (a.kind == "definite" and b.kind == "person"))
            and b.kind in ("person", "name")
            and b.role is None
            and not is_place(b.name)  # "a pastor at a church of Elizabeth, Colorado": its state
        ):
            if re.fullmatch(r"\s+named\s+", text[a.end : b.start]) and _singular(a):
                end = a.end  # "a fisherman named Tomas Rauch": the person, with that description
            if _ROLE_TO_NAME.fullmatch(text, end, b.start) and _singular(a):
                out[n] = replace(
                    b,
                    kind="person",
                    role=phrase,
                    role_class=a.role_class or role_class(phrase),
                    country=a.country,
                    gender=b.gender or a.gender,
                )
                out[k:n] = [None] * (n - k) if a.kind == "description" else [a] + [None] * (n - k - 1)
        elif (
            # (a definite description only after a full name: "Instead, the businessman said")
            (b.kind in ("role", "description") or (b.kind == "definite" and a.kind == "person"))
            and a.kind in ("person", "name")
            and _singular(b)
            and _APPOSED.fullmatch(text, a.end, b.start)
            and not (a.after_preposition and _says_after(text, _qualified(text, b)[1]))
            and not closes_opener(text, a)
            and not (k > 0 and apposed_to_description(text, found[k - 1], a))
        ):
            # (an object before a role that opens its own clause is no apposition: "In a
            # statement to the Echo, a spokesperson for the NTA said")
            phrase, end = _qualified(text, b)
            role = f"{a.role}, {phrase}" if a.role else phrase
            out[k] = replace(
                a,
                kind="person",
                role=role,
                role_class=a.role_class or role_class(phrase),
                country=a.country or b.country,
                gender=a.gender or b.gender,
            )
            inside = [x for x in range(n + 1, len(found)) if found[x].end <= end]
            for x in [n, *inside] if b.kind == "description" else inside:
                out[x] = None
    return campuses(text, [_bracketed_role(text, m) for m in out if m is not None])


# A role in brackets after a name, as minutes and lists write it: "Cllr Bronwen Pryce-Okoro
# (chair)", "Gareth Lloyd-Evans (town clerk)".
_BRACKETED_ROLE = re.compile(r"[ \t]*\(((?:[a-z-]+ ){0,3}([a-z-]+))\)")


def _bracketed_role(text: str, m: Mention) -> Mention:
    role = _BRACKETED_ROLE.match(text, m.end) if m.kind == "person" and m.role is None else None
    if role is None or role.group(2) not in PERSON_NOUNS | ANAPHORIC_NOUNS:
        return m
    return replace(m, role=role.group(1), role_class=role_class(role.group(1)))


def _singular(m: Mention) -> bool:
    return m.kind == "role" or not plural(m.name)
