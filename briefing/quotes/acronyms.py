"""Acronyms: the full name an article gives an organisation it goes on to call by its initials.

"Free and Fair Election Watch (FFEW) … FFEW said" and "the Peachtree Regional Transit Authority's
rail system … PRTA said" name one body. A briefing shows the full name (a reader may not know the
initials, and two articles that spell it out and abbreviate it then merge to one speaker). The
full name is a run of capitalised words of the article (function words such as "of" and "and"
inside it) whose initials are the acronym's letters and which ends in an organisation's head
word ("Agency", "Committee") or which the text defines as the acronym ("… Watch (FFEW)"); an
article that spells out no such run keeps the acronym.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import ORG_HEADS, role_class
from .mention import Mention

# An acronym as a speaker's name: two to eight capitals, perhaps with "&" ("AT&T" aside).
_ACRONYM = re.compile(r"[A-Z]{2,8}")
# Small words a body's name keeps inside it without an initial ("Free and Fair Election Watch").
_INNER = "of|and|for|the|on|in|de|du|des|del|la|le|&"
_INNER_WORDS = frozenset(_INNER.split("|"))
# A run of capitalised words (and the small words between them); possessive ’s left out.
_RUN = re.compile(rf"[A-Z][\w-]*(?:[ \t]+(?:(?:{_INNER})[ \t]+)*[A-Z][\w-]*)+")


def is_acronym(name: str) -> bool:
    """Is the speaker's name an acronym ("FFEW", "PRTA", "ESA")?"""
    return _ACRONYM.fullmatch(name) is not None


def spelled_out(text: str, name: str) -> str:
    """The name, or when it is an acronym the first run of capitalised words of ``text`` whose
    initials spell it (hyphenated words give one initial: "Ali-Khan") and which names a body (an
    organisation's head word ends it, or the text defines the acronym after it), with the
    acronym after it: "Free and Fair Election Watch (FFEW)", the form a reader knows either by;
    else the acronym."""
    runs = _expansions(text).get(name, ()) if is_acronym(name) else ()
    full = next((run for run, defined in runs if defined or run.split()[-1].lower() in ORG_HEADS), None)
    return f"{full} ({name})" if full else name


@lru_cache(maxsize=4)
def _expansions(text: str) -> dict[str, tuple[tuple[str, bool], ...]]:
    # one pass over the text gives every run's initials; cached: an article asks once per quote,
    # and articles are attributed one at a time. Each run with whether the text defines the
    # acronym right after it ("Free and Fair Election Watch (FFEW)").
    out: dict[str, list[tuple[str, bool]]] = {}
    for m in _RUN.finditer(text):
        words = m.group().split()
        # a run may carry words before the name ("In Free and Fair …"): every start counts
        for k in range(len(words)):
            if words[k] in _INNER_WORDS:
                continue
            for j in range(len(words), k + 1, -1):
                part = words[k:j]
                if part[-1] in _INNER_WORDS:
                    continue
                # (every other word of a run is capitalised: the initials are capitals)
                initials = "".join(w[0] for w in part if w not in _INNER_WORDS)
                if 2 <= len(initials) <= 8:
                    end = m.start() + len(" ".join(words[:j]))
                    out.setdefault(initials, []).append(
                        (" ".join(part), text.startswith(f" ({initials})", end))
                    )
    return {k: tuple(v) for k, v in out.items()}


def as_role(text: str, m: Mention) -> Mention:
    """An acronym that ``text`` spells out as a role ("the CS" of "Cabinet Secretary") as that
    role's mention; any other acronym as it was."""
    runs = _expansions(text).get(m.name, ()) if is_acronym(m.name) else ()
    full = next((run for run, _ in runs if role_class(run)), None)
    if full is None:
        return m
    return replace(m, kind="role", name=full.lower(), role=full, role_class=role_class(full))
