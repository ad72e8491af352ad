"""Acronyms: the full name an article gives an organisation it goes on to call by its initials.

"Free and Fair Election Watch (FFEW) … FFEW said" and "the Peachtree Regional Transit Authority's
rail system … PRTA said" name one body. A briefing shows the full name (a reader may not know the
initials, and two articles that spell it out and abbreviate it then merge to one speaker). The
full name is a run of capitalised words of the article (function words such as "of" and "and"
inside it) whose initials are the acronym's letters and which ends in an organisation's head
word ("Agency", "Committee") or which the text defines as the acronym ("… Watch (FFEW)"), or a
run the text defines so whatever its initials (a name in another language's order: "National
Liberation Army (ELN)"); an article that spells out no such run keeps the acronym.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import CUE_WORDS, FUNCTION_WORDS, ORG_HEADS, PREPOSITIONS, role_class
from .mention import Mention
from .places import is_place
from .words import _Tok, an_object, role_word

# An acronym as a speaker's name: two to eight capitals ("AT&T" aside), or two such ("EU EOM").
_ACRONYM = re.compile(r"[A-Z]{2,8}(?: [A-Z]{2,8})?")
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
    if not is_acronym(name):
        return name
    runs = _expansions(text).get(name, ())
    full = next((run for run, defined in runs if defined or run.split()[-1].lower() in ORG_HEADS), None)
    # a name the text defines in another language's order or words: "National Liberation Army
    # (ELN)", "Disaster and Emergency Management Presidency (AFAD)", "… Mission (EU EOM)"
    full = full or _defined(text).get(name) or _romance(text).get(name)
    return f"{full} ({name})" if full else name


# The small words of a body's name in French, Spanish, Portuguese or Italian, and its elided
# articles ("d'entretien", "l'Énergie"), which give no initial.
_PARTICLES = frozenset("de du des del della delle di do da dos das la le les et y e".split())
_ELIDED = re.compile(r"^[dlDL]['’]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=4)
def _romance(text: str) -> dict[str, str]:
    """Names in another language's order whose content words, lower case ones too, give the
    acronym ("Société de transport de Montréal … the STM", "Syndicat des employés d'entretien du
    transport (SEET)"): a run of one line that opens with a capital, holds a particle, and ends
    in a capitalised word or right before "(ACRONYM)"."""
    out: dict[str, str] = {}
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    for k, (start, _, first) in enumerate(words):
        if not first[0].isupper() or first.lower() in _PARTICLES:
            continue
        initials, particle = first[0], False  # (a particle among the words before the current one)
        for j in range(k + 1, min(k + 9, len(words))):
            if text[words[j - 1][1] : words[j][0]].strip(" \t"):
                break  # one phrase: no line break, no punctuation between its words
            previous = words[j - 1][2]
            particle = particle or previous.lower() in _PARTICLES or _ELIDED.match(previous) is not None
            word = _ELIDED.sub("", words[j][2])
            if words[j][2].lower() in _PARTICLES:
                continue
            initials += word[:1].upper()
            if len(initials) > 8:
                break
            end = words[j][1]
            defined = text.startswith(f" ({initials})", end)
            if particle and (defined or word[:1].isupper()):
                out.setdefault(initials, text[start:end])
    return out


@lru_cache(maxsize=4)
def _defined(text: str) -> dict[str, str]:
    """Each acronym the text defines right after a run of capitalised words: "Run (ACR)"."""
    out: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        run = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
        # of a run that holds more than the name ("Famine Review Committee of the Integrated
        # Food Security Phase Classification (IPC)"), the longest tail that opens with the
        # acronym's letter; none does in another language's order (ELN, AFAD): all of it
        words = run.split()
        tail = next(
            (
                words[k:]
                for k in range(len(words))
                if words[k][0] == m.group(2)[0] and words[k] not in _INNER_WORDS
            ),
            words,
        )
        if len(tail) > 1:
            out.setdefault(m.group(2), " ".join(tail))
    return out


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


_DEFINITION = re.compile(rf"({_RUN.pattern})[ \t]+\(({_ACRONYM.pattern})\)")


def as_role(text: str, m: Mention) -> Mention:
    """An acronym that ``text`` spells out as a role ("the CS" of "Cabinet Secretary") as that
    role's mention; any other acronym as it was."""
    runs = _expansions(text).get(m.name, ()) if is_acronym(m.name) else ()
    full = next((run for run, _ in runs if role_class(run)), None)
    if full is None:
        return m
    return replace(m, kind="role", name=full.lower(), role=full, role_class=role_class(full))


# Titles of people written in initials, which the role lexicons spell out ("CEO" is there).
_PEOPLES = frozenset("MP MPP MLA MHA MNA MSP MEP TD PM DPM VP GM MD GP RN DA AG QC KC SC DJ".split())
# What follows a lone acronym that names a body: punctuation that ends its phrase, or a word (a
# verb, one of _AFTER_SUBJECT, checked apart).
_AFTER = re.compile(r"(?:[,.;)]|[ \t]*$|[ \t]+([a-z]+)\b)", re.MULTILINE)
# Words after which a lone acronym is a clause's subject or an apposition: a verb of saying or an
# auxiliary ("UNHCR said", "the EFCC has"), or nothing but punctuation (", UNHCR, said").
_AFTER_SUBJECT = frozenset("has had have is was will would did does also could can may must".split())


def acronym_mention(text: str, toks: list[_Tok], i: int) -> Mention | None:
    """The organisation a lone acronym names as a subject ("UNHCR said", "the STM, for its part,
    says", "In a statement, the EFCC said"), so that "the agency" and "it" can go back to it; not
    a word of a line in capitals ("BREAKING NEWS", "RYE, N.H. -"), a transcript's label ("FBI:"),
    a definition ("Union Cycliste Internationale (UCI)"), a modifier ("the CNN “reporter”") or a
    place ("US")."""
    word, start, end = toks[i].text, toks[i].start, toks[i].end
    if not _ACRONYM.fullmatch(word) or word in _PEOPLES or role_word(word) or is_place(word):
        return None  # "says CEO", "the MLA said": a person's title
    if start > 0 and not text[start - 1].isspace():
        return None  # "(UCI)", "(R-OH)", "“FBI”": bracketed, hyphenated, quoted
    if i > 0 and (toks[i - 1].text.isupper() or (i + 1 < len(toks) and toks[i + 1].text.isupper())):
        return None  # a line in capitals: a headline, a dateline, a menu
    if i > 0 and not toks[i - 1].brk:
        before = toks[i - 1].text.lower()
        if before not in FUNCTION_WORDS and before not in ORG_HEADS:
            return None  # a name's last word ("Principles PAC"), "a super PAC"; not "the UN
            # refugee agency UNHCR said"
    if len(word) == 2 and text[start - 2 : start] == ", " and i > 0 and toks[i - 1].text[:1].isupper():
        return None  # "Berea, OH, after winning": a state's code after its town
    after = _AFTER.match(text, end)
    following = after.group(1).lower() if after is not None and after.group(1) else None
    if after is None or (following and following not in CUE_WORDS and following not in _AFTER_SUBJECT):
        return None  # "HK$22", "FBI:", "NHS-run", "UN refugee agency", "NHS Grampian", "CNN anchor"
    prep = an_object(toks, i) or (i > 0 and not toks[i - 1].brk and toks[i - 1].text.lower() in PREPOSITIONS)
    return Mention(start, end, "organisation", word, after_preposition=prep)
