"""What a name owns speaks: "Clinton’s spokesman" (an unnamed person described so), "the Trump
campaign" (the group), "China’s ambassador" (a role of that country), never the owner; and the
lower-case words a chunk may hold."""

from __future__ import annotations

import re
from dataclasses import replace

from .countries import country_of
from .lexicon import CUE_WORDS, FUNCTION_WORDS, GENDER_OF, PERSON_NOUNS, ROLE_WORDS, role_class
from .mention import Mention
from .words import _Tok

# Lower-case words that may stand inside a role or description phrase besides ROLE_WORDS.
_PHRASE_WORDS = frozenset(
    "policy anonymous unnamed high-ranking ranking diplomatic military government".split()
)
# Group nouns after a name: "the Trump campaign", "Clinton’s team" name the group, not the person.
_GROUP_TAILS = frozenset("campaign campaigns camp team administration family foundation".split())
# Lower-case words that may stand anywhere in a chunk (role and person nouns, phrase words).
_CHUNK_LOWER = (ROLE_WORDS - {"the", "and", "of", "for"}) | PERSON_NOUNS | _PHRASE_WORDS


def possessed(
    text: str, toks: list[_Tok], lows: list[str], found: list[Mention], j: int
) -> tuple[Mention, int] | None:
    """ "Clinton’s spokesman", "Twitter’s director", "Trump’s campaign": a name's possessive and
    the person or group noun it owns are who speaks — the group ("Trump campaign") or an unnamed
    person described so —, never the owner. Returns that mention (from the owner's start to the
    noun) and the token after it."""
    owner = found[-1]
    if (
        owner.kind not in ("name", "person", "organisation", "place")
        or j >= len(toks)
        or owner.end != toks[j - 1].end
    ):
        return None
    if text[owner.end : owner.end + 1] not in ("’", "'"):
        return None
    k, end = j, j
    while k < len(toks) and k - j < 4 and toks[k].text.islower():
        if lows[k] in _CHUNK_LOWER or lows[k] in _GROUP_TAILS:
            end = k + 1
        elif end > j or lows[k] in FUNCTION_WORDS or lows[k] in CUE_WORDS or lows[k].endswith("ly"):
            break  # a plain word only as a modifier before the noun: "Halcyon’s project scientist"
        k += 1
        if toks[k - 1].brk:
            break
    if end == j:
        return None
    k = end
    head = lows[k - 1]
    if owner.kind == "place":
        # "China’s ambassador", "Russia’s foreign minister": a role of that country, whose holder
        # the article may name
        words = [owner.name, *lows[j:k]]
        rc = role_class(" ".join(words[1:]))
        if rc is None and head not in PERSON_NOUNS:
            return None
        phrase = text[owner.start : toks[k - 1].end]
        return Mention(owner.start, toks[k - 1].end, "role" if rc else "description", phrase,
                       phrase if rc else None, rc, country_of(words), owner.after_preposition,
                       GENDER_OF.get(head)), k  # fmt: skip
    if head in _GROUP_TAILS:
        name = f"{owner.name} {' '.join(lows[j:k])}"
        return replace(
            owner, end=toks[k - 1].end, kind="organisation", name=name, role=None, role_class=None
        ), k
    if head in PERSON_NOUNS or role_class(head):  # "Clinton’s spokesman", "the UN’s chief"
        phrase = text[owner.start : toks[k - 1].end]
        return Mention(owner.start, toks[k - 1].end, "description", phrase, country=owner.country,
                       after_preposition=owner.after_preposition, gender=GENDER_OF.get(head)), k  # fmt: skip
    return None


_FOR_OWNER = re.compile(r"\s(?:for|of)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\Z")


def owned_objects(text: str, found: list[Mention]) -> list[Mention]:
    """What the object of a phrase's "for"/"of" owns is an object too: "a spokesperson for
    Ontario’s Minister of Municipal Affairs" speaks, the minister does not."""
    out = list(found)
    for k in range(1, len(out)):
        prev, m = out[k - 1], out[k]
        if (
            prev.kind in ("description", "role")
            and _FOR_OWNER.search(prev.name)
            and re.fullmatch(r"[’']s\s+", text[prev.end : m.start])
        ):
            out[k] = replace(m, after_preposition=True)
    return out
