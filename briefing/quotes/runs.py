"""Capitalised runs the chunker reads: where a role's "of" phrase names an organisation or a
role ("the Bureau of Labor Statistics", "chair of the Platform Committee"), and where a name
run after "for"/"of" is whom a role is for, not its holder.
"""

from __future__ import annotations

import re

from .gender import is_first_name
from .lexicon import ORG_HEADS, PERSON_NOUNS, PLACE_WORDS, ROLE_WORDS, role_class, singular
from .words import _name_token, _title, _Tok


def _held_by_the_run(toks: list[_Tok], k: int, j: int) -> bool:
    """May the name run ``toks[k:j]`` after "for"/"of" be whom a role is for, not its holder? Not
    when a given name comes inside it after other words ("Minister of Defence of Caldonia Radu
    Ionescu" is Ionescu), unless a title stands before that name ("spokesman for House Speaker
    Paul Ryan" is the spokesman)."""
    given = next((x for x in range(k, j) if is_first_name(toks[x].text)), None)
    return given is None or given == k or any(_title(t.text) for t in toks[k:given])


def _role_surname(toks: list[_Tok], x: int) -> bool:
    """A capitalised role or place word right after a first name is a surname: "Peter King",
    "Larry King", "Cornel West", "Rachel North"."""
    word = toks[x].text
    return (
        x > 0
        and word[:1].isupper()
        and (word.lower() in ROLE_WORDS or word.lower() in PLACE_WORDS)
        and not toks[x - 1].brk
        and (is_first_name(toks[x - 1].text) or re.fullmatch(r"[A-Z]\.", toks[x - 1].text) is not None)
        and _name_token(toks[x - 1].text)
    )


# Capitalised role words that open "Director of University of Chile Seismologic Service".
_CAPITAL_ROLE_HEADS = frozenset("director president secretary minister chairman head".split())


def _of_phrase(text: str, toks: list[_Tok], i: int, j: int) -> str | None:
    """ "the Business Council of British Columbia", "the Bureau of Labor Statistics": an
    organisation's head noun, "of" or "for", and what it is of ("organisation"); "chair of the
    Platform Committee": a role noun opening the phrase, of an organisation ("role"). Neither
    when a person is named after it ("Department of Justice spokesman Peter Carr" names Carr)."""
    for p in range(i + 1, j - 1):
        if toks[p].text not in ("of", "for"):
            continue
        tail = toks[p + 1 : j]
        if any(
            _title(t.text) or (is_first_name(t.text) and k + 1 < len(tail) and _name_token(tail[k + 1].text))
            for k, t in enumerate(tail)
        ):
            return None
        head = toks[p - 1].text
        if singular(head.lower()) in ORG_HEADS:
            return "organisation"
        low = head.lower()
        if p - 1 == i and (
            low in PERSON_NOUNS
            or low == "chair"
            or (role_class(head) if head.islower() else low in _CAPITAL_ROLE_HEADS)
        ):
            # "the state of Vermont" is none; "… chairman of Germany’s Greens" is of the party
            return None if text[tail[-1].end : tail[-1].end + 1] in ("’", "'") else "role"
        return None
    return None
