"""Capitalised runs the chunker reads: where a role's "of" phrase names an organisation or a
role ("the Bureau of Labor Statistics", "chair of the Platform Committee"), and where a name
run after "for"/"of" is whom a role is for, not its holder.
"""

from __future__ import annotations

import re

from .gender import is_first_name
from .lexicon import ORG_HEADS, PERSON_NOUNS, PLACE_WORDS, ROLE_WORDS, role_class, singular
from .unnamed import named_alone
from .words import _name_token, _title, _Tok, role_word, used_as_noun


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


def common_word_opens(
    text: str, name_words: list[str], role_words: list[str], titles: list[str], opens_apposition: bool
) -> bool:
    """Is the first of ``name_words`` a capitalised common word before the name, no part of it?
    "Celebrities Julianne Moore", "Actor Clint Howard": the lexicon knows neither word as a first
    name; two or three such words too ("Detective Inspector Rachel Dunmore"). Not after a title
    or a stated role, where the run is the name: "police chief Datuk Zainal Abidin Kasim" (the
    lexicon knows "Abidin", not "Zainal"); nor a run in apposition after a comma (``opens_apposition``:
    "The prefect of Adré, Mahamat Saleh Djibrine, said")."""
    return (
        len(name_words) > 2
        and len(name_words[0].rstrip(".")) > 1  # an initial is part of it: "C. Stewart Verdery"
        and not is_first_name(name_words[0])
        and not named_alone(text, name_words[0], name_words[1])
        and not titles
        and not (role_words and role_words[-1].islower())
        and not (not role_words and opens_apposition)
        and (
            is_first_name(name_words[1])
            or used_as_noun(text, name_words[0])  # "Trustee Kwabena Mensah-Bonsu … the trustee"
            or (
                len(name_words) > 3
                and is_first_name(name_words[2])
                and (role_word(name_words[0]) or role_word(name_words[1]))
            )
        )
    )
