"""Acronyms: the full name an article gives an organisation it goes on to call by its initials.

"Free and Fair Election Watch (FFEW) … FFEW said" and "the Peachtree Regional Transit Authority's
rail system … PRTA said" name one body. A briefing shows the full name (a reader may not know the
initials, and two articles that spell it out and abbreviate it then merge to one speaker). The
full name is a run of capitalised words of the article (function words such as "of" and "and"
inside it) whose initials are the acronym's letters; an article that spells out no such run keeps
the acronym.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import role_class
from .mention import Mention

# An acronym as a speaker's name: two to eight capitals, perhaps with "&" ("AT&T" aside).
_ACRONYM = re.compile(r"[A-Z]{2,8}")
# Small words a body's name keeps inside it without an initial ("Free and Fair Election Watch").
_INNER = "of|and|for|the|on|in|de|du|des|del|la|le|&"
# A run of capitalised words (and the small words between them); possessive ’s left out.
_RUN = re.compile(rf"[A-Z][\w-]*(?:[ \t]+(?:(?:{_INNER})[ \t]+)*[A-Z][\w-]*)+")


def is_acronym(name: str) -> bool:
    """Is the speaker's name an acronym ("FFEW", "PRTA", "ESA")?"""
    return _ACRONYM.fullmatch(name) is not None


def spelled_out(text: str, name: str) -> str:
    """The name, or when it is an acronym the first run of capitalised words of ``text`` whose
    initials spell it (hyphenated words give one initial: "Ali-Khan"); else the acronym."""
    return _expansions(text).get(name, name) if is_acronym(name) else name


@lru_cache(maxsize=4)
def _expansions(text: str) -> dict[str, str]:
    # one pass over the text gives every run's initials; cached: an article asks once per quote,
    # and articles are attributed one at a time
    out: dict[str, str] = {}
    for m in _RUN.finditer(text):
        words = m.group().split()
        # a run may carry words before the name ("In Free and Fair …"): every start counts
        for k in range(len(words)):
            if words[k] in _INNER.split("|"):
                continue
            for j in range(len(words), k + 1, -1):
                part = words[k:j]
                if part[-1] in _INNER.split("|"):
                    continue
                initials = "".join(w[0] for w in part if w not in _INNER.split("|"))
                if 2 <= len(initials) <= 8 and initials.isupper():
                    out.setdefault(initials, " ".join(part))
    return out


def as_role(text: str, m: Mention) -> Mention:
    """An acronym that ``text`` spells out as a role ("the CS" of "Cabinet Secretary") as that
    role's mention; any other acronym as it was."""
    full = spelled_out(text, m.name)
    rc = role_class(full) if full != m.name else None
    return replace(m, kind="role", name=full.lower(), role=full, role_class=rc) if rc else m
