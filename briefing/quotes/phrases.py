"""Phrases: a speaker named by the noun phrase that stands as a verb's subject.

"…,” the board said", "…,” says a narrator", "The book accuses …", "one attendee, who spoke on
condition of anonymity, said": a mention inside the phrase names the speaker; else the phrase
itself describes them ("the board", "one attendee"), and "the ministry" is the ministry the
article named before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .acronyms import as_role, is_acronym
from .bodies import body_named_before
from .context import Speaker, _Article
from .detect import MAX_SUBJECT_WORDS, TOKEN
from .issued import ISSUED, issuer_after
from .lexicon import (
    CUE_WORDS,
    DOUBLE_MARKS,
    FINITE_MARKERS,
    FURNITURE,
    GENDER_OF,
    ORG_HEADS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    STUDY_NOUNS,
    plural,
)
from .places import is_demonym, is_place
from .plausible import _plausible, _words
from .reporter import reporter as _reporter
from .resolve import _anaphor, _resolved
from .speakers import Mention

# Words that may close a subject phrase before its verb but are not part of it ("X also said").
_SUBJECT_TAIL = frozenset(
    """also later then has had have was is were would will again recently previously once further
simply finally earlier today yesterday now still even quickly repeatedly""".split()
)


# A phrase opening with one of these is a clause or an adverbial, not a subject ("but Trump said
# …" reports Trump's answer, not the quote; "in a statement" is where, not who).
_NOT_SUBJECT_START = frozenset(
    """and but or nor so because while whilst whereas as when if though although after before since
until in on at to for from with without by of that which than into about over""".split()
)


_PRONOUNS = frozenset("he she they it i we you".split())


_DETERMINERS = frozenset(
    "the a an one another some his her their its this that these those many several most few both".split()
)


def _phrase_before(ctx: _Article, pos: int, end: int, cue: str) -> tuple[Speaker, str] | None:
    """ "…,” the board said", "…,” one attendee, who spoke on condition of anonymity, said": the
    words before the verb are its subject when they read as a noun phrase (an apposition in
    commas allowed): a mention inside it names the speaker, else the phrase describes them."""
    lead = ctx.text[pos:end]
    head_end = end
    if "," in lead:  # "X, who …, said": the head is before the first comma, the rest in commas
        if not lead.rstrip().endswith(","):
            return None
        head_end = pos + lead.index(",")
        named = [m for m in ctx.in_range(head_end, end) if m.kind == "person"]
        head = [w.lower() for w in _words(ctx.text[pos:head_end])]
        if (
            len(named) == 1
            and head
            and head[0] not in _NOT_SUBJECT_START | _CLAUSE_OPENERS | {"whilst"}
            and not _words(ctx.text[head_end : named[0].start] + ctx.text[named[0].end : end])
        ):
            # "“…,” a DWD meteorologist, Stefan Roth, told BR": the name in apposition speaks
            return _resolved(ctx, named[0], cue)
    words = list(TOKEN.finditer(ctx.text, pos, head_end))
    while words and words[-1].group().lower() in _SUBJECT_TAIL | {"who", "which"}:
        words.pop()
    return _phrase(ctx, words, cue)


# Where a phrase after a verb ends: punctuation, or a word that opens a clause or an adverbial.
_PHRASE_STOP = re.compile(r"[,.;:!?“”\"()–—]|\s(?:who|which|that|in|on|at|from|during|after|before|when)\s")


def _phrase_after(ctx: _Article, pos: int, limit: int, cue: str) -> tuple[Speaker, str] | None:
    """ "…,” says a narrator", "…,” said one attendee": the words after the verb to the next
    punctuation, when they open like a noun phrase (a determiner or a capitalised word)."""
    end = _PHRASE_STOP.search(ctx.text, pos, limit)
    words = list(TOKEN.finditer(ctx.text, pos, end.start() if end else limit))
    if not words:
        return None
    first = words[0].group()
    if first.lower() not in _DETERMINERS and not (first[:1].isupper() and first.lower() not in _TIME_LIKE):
        return None
    return _phrase(ctx, words, cue)


_TIME_LIKE = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this
next earlier later""".split()
)


def _phrase(ctx: _Article, words: list[re.Match[str]], cue: str) -> tuple[Speaker, str] | None:
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    texts = [w.group().lower() for w in words]
    # a capitalised "Will" or "May" inside the phrase is a name ("Will Moy"), not a modal verb
    finite = any(w.group() in FINITE_MARKERS for w in words)
    if texts[0] in _NOT_SUBJECT_START or finite or any(t in CUE_WORDS for t in texts):
        return None
    start, end = words[0].start(), words[-1].end()
    # a pronoun resolves to a person or to no one, never to its own words ("Liu He" is a name)
    inside = ctx.in_range(start, end)
    names = [(m.start, m.end) for m in inside if m.kind in ("person", "name")]
    pronouns = [w for t, w in zip(texts, words, strict=True) if t in _PRONOUNS]
    if any(not any(a <= w.start() < b for a, b in names) for w in pronouns):
        return None
    by = next((k for k, t in enumerate(texts) if t in ("by", "from")), None)
    if by is not None and any(t in ISSUED for t in texts[:by]):
        # "said the statement released by the EU", "A statement from Reece Dunmore was read to
        # the court": the text's issuer speaks
        for m in ctx.in_range(words[by].end(), end):
            if m.kind in ("organisation", "person", "name") and _plausible(ctx, m):
                got = _resolved(ctx, m, cue)
                if got is not None:
                    return got
    owned = [w.end() for w in words[1:] if w.group().endswith(("'s", "’s"))]
    for m in inside:
        if m.kind == "role" and any(m.end < e for e in owned):
            continue  # "the chief minister's office said": the office, not a "chief", speaks
        if not m.after_preposition and not (m.kind == "place" and not _plausible(ctx, m)):
            # a demonym in the phrase is no speaker: "the Brazilian striker" speaks
            got = _resolved(ctx, m, cue)
            if got is not None:
                return got
    if all(t in _DETERMINERS or t in _SUBJECT_TAIL for t in texts) or texts[-1] in _DETERMINERS:
        return None
    if not _noun_head([w.group() for w in words]):
        return None  # "refusing to", "the concerns being", "not for her policy influence"
    name = re.sub(r"^(?:the|The)\s+", "", ctx.text[start:end])
    if FURNITURE.fullmatch(name):
        return None
    # (a people's name after a lower-case article: "The Australian" is also a paper's name)
    lower_the = ctx.text.startswith("the", start)
    named: Speaker | None = None
    if texts[0] == "the" and len(texts) == 2 and is_acronym(name):
        # "the CS said": a role the article spells out ("Treasury Cabinet Secretary Samuel Lagat")
        role = as_role(ctx.names_text, Mention(words[1].start(), end, "name", name))
        got = _resolved(ctx, role, cue) if role.kind == "role" else None
        if got is not None and got[0].kind == "person":
            return replace(got[0], span=(start, end)), cue
    if texts[0] == "the" and len(texts) == 2:
        # "the ministry said": the organisation of that head noun the article named before
        # ("China's Foreign Ministry"), as "the minister" resolves to the minister named.
        named = body_named_before(ctx, start, texts[1]) or _issuer(
            ctx, start, _document(ctx, start, texts[1])
        )
        if named is None and (lower_the or not is_demonym(texts[1])):
            # "“…,” the Spaniard admitted": the person named before, as "the senator" is; any
            # other head only the person named with that role ("Trustee Darlene Fitch")
            named = _anaphor(ctx, Mention(start, end, "definite", texts[1]))
    elif texts[0] == "the" and len(texts) == 3 and lower_the and is_demonym(name):
        # "the South African said", "the New Zealander": a people's name of two words
        named = _anaphor(ctx, Mention(start, end, "definite", name))
    elif len(texts) == 2 and texts[0] in _OWNER_PRONOUNS and texts[1] in _OWN_WORDS:
        # "“…,” his statement said": the words of whoever "his" stands for (round 10, l06)
        owner = Mention(start, words[0].end(), "pronoun", _OWNER_PRONOUNS[texts[0]])
        got = _resolved(ctx, owner, cue)
        named = got[0] if got is not None and got[0].kind == "person" else None
    elif len(texts) == 3 and texts[0] == "the" and texts[1][-2:] in ("’s", "'s") and texts[2] in _OWN_WORDS:
        # "The campaign’s statement said": the body that head noun goes back to ("the Trump campaign")
        named = body_named_before(ctx, start, texts[1][:-2])
    if named is not None:
        return replace(named, mention=ctx.text[start:end], span=(start, end)), cue
    return Speaker(
        name, None, None, ctx.text[start:end], "description", GENDER_OF.get(texts[-1]), (start, end)
    ), cue


# A person's own document, which speaks for its writer once a possessive names them ("his
# statement said", "her letter reads").
_OWN_WORDS = ISSUED | frozenset("post tweet note message submission affidavit testimony diary".split())
_OWNER_PRONOUNS = {"his": "he", "her": "she"}
# How far back (characters) "the statement" looks for the quote of the statement it goes on with.
_ISSUER_REACH = 1500


def _may_issue(speaker: Speaker | None) -> bool:
    """May this quote's speaker be who issued a document its sentence names? A one-noun
    description too ("the club said in a statement", "a spokesman for the minister said in a
    statement"), not a plural ("officers"), whom the document tells of."""
    return speaker is not None and (speaker.kind != "description" or not plural(_head(speaker.name)))


def _head(description: str) -> str:
    """A description's head noun: "spokesman" of "spokesman for the state's minister"."""
    words = re.split(r"\s+(?:for|of|at|from|in|with|to)\s+", description, maxsplit=1)[0].split()
    return words[-1] if words else ""


@lru_cache(maxsize=64)
def _new_document(noun: str) -> re.Pattern[str]:
    """A new document of that kind named: "an email appeal", "another statement"."""
    return re.compile(rf"\b(?:an?|another)\s+(?:[\w-]+\s+)?{noun}\b", re.IGNORECASE)


def _issued_by(ctx: _Article, pos: int, noun: str) -> Mention | None:
    """The issuer named with the last document ``noun`` before ``pos`` ("A statement issued by
    the chief minister's office"), unless a new one was named since ("sent out an email")."""
    nouns = re.compile(rf"\b{noun}\b", re.IGNORECASE).finditer(ctx.text, max(0, pos - _ISSUER_REACH), pos)
    for m in reversed(list(nouns)):
        issuer = issuer_after(ctx, m.end())
        if issuer is not None:
            return issuer
        if _new_document(noun).search(ctx.text, max(0, m.start() - 20), m.end()):
            return None
    return None


# Nouns by which translated copy goes on naming a document it named ("informed in a communiqué
# … , indicated the text": Spanish "el texto", French "le texte").
_DOCUMENT_ANAPHORS = frozenset(("text", "document"))
_ISSUED_NOUN = re.compile(rf"\b({'|'.join(sorted(ISSUED))})\b", re.IGNORECASE)


def _document(ctx: _Article, pos: int, noun: str) -> str:
    """The document noun "the text" stands for: the last one named before ``pos``; any other
    noun as it is."""
    if noun not in _DOCUMENT_ANAPHORS:
        return noun
    named = list(_ISSUED_NOUN.finditer(ctx.text, max(0, pos - _ISSUER_REACH), pos))
    return named[-1].group(1).lower() if named else noun


def _issuer(ctx: _Article, pos: int, noun: str) -> Speaker | None:
    """The speaker of the nearest quote before ``pos`` whose sentence names the document
    ``noun`` ("the club said in a statement"): "the statement added" goes on quoting it."""
    if noun not in ISSUED:
        return None
    for i in reversed(ctx.found_in(max(0, pos - _ISSUER_REACH), pos)):
        speaker = ctx.speakers.get(i)
        start, end = ctx.sentence_bounds(ctx.found[i].open_at)
        if _new_document(noun).search(ctx.text[end:pos]):
            break  # a new document since ("Clinton's campaign sent out an email appeal")
        if _may_issue(speaker) and re.search(rf"\b{noun}\b", ctx.text[start:end]):
            return speaker
    # no quote of it yet: whom it is from ("A statement from Reece Dunmore was read to the
    # court"), else the subject of the sentence of reported speech that named it ("Her campaign
    # manager, Tobiah Reinholt-Asante, said in a statement that …")
    issuer = _issued_by(ctx, pos, noun)
    if issuer is not None and (issuer.kind == "description" or _plausible(ctx, issuer)):
        got = _resolved(ctx, replace(issuer, after_preposition=False), "continuation")
        if got is not None and got[0].kind in ("person", "organisation", "description"):
            return got[0]
    issued = re.compile(rf"\b(?:[Ii]n|issued|released|handed\s+down)\s+an?\s+(?:[\w-]+\s+)?{noun}\b")
    named = next(reversed(list(issued.finditer(ctx.text, max(0, pos - _ISSUER_REACH), pos))), None)
    if named is not None:
        start, end = ctx.sentence_bounds(named.start())
        # (a quote of that sentence the loop above passed over was not the issuer's: "… said in
        # a statement that officers had met “violent groups”")
        if not any(_may_issue(ctx.speakers.get(i)) for i in ctx.found_in(start, end)):
            rep = _reporter(ctx, start, end)
            got = _resolved(ctx, rep, "continuation") if rep is not None else None
            if got is not None and got[0].kind in ("person", "organisation"):
                return got[0]
    return None


# A clause, an adverbial or an apposition in commas between the subject and its verb: ", which
# was filed in court,", ", in a statement posted on its website,", ", a maintainer of a library,".
_RELATIVE_BEFORE = re.compile(
    r",\s*(?:who|which|in|on|at|during|after|speaking|an?|the)\b[^,;:.!?“”\"]*,\s*$"
)


def _joined_modifiers(words: list[re.Match[str]], k: int) -> bool:
    """Does "and" at ``k`` join two capitalised modifiers of one noun ("the Russian and Syrian
    defense ministries"), not two clauses?"""
    return (
        words[k].group() == "and"
        and 0 < k < len(words) - 2
        and words[k - 1].group()[:1].isupper()
        and words[k + 1].group()[:1].isupper()
        and words[k + 2].group()[:1].islower()
    )


def _phrase_before_verb(ctx: _Article, start: int, verb: int, cue: str) -> tuple[Speaker, str] | None:
    """The noun phrase right before a verb of saying, back to a clause boundary, when no mention
    stands there: "The book accuses", "A federal lawsuit … alleging", "the poll found". A
    relative clause in commas before the verb is skipped ("The complaint, which was filed in
    court, alleged")."""
    relative = _RELATIVE_BEFORE.search(ctx.text, start, verb)
    if relative is not None:
        verb = relative.start()
    words = list(TOKEN.finditer(ctx.text, start, verb))
    while words and words[-1].group().lower() in _SUBJECT_TAIL:
        words.pop()
    # the clause opens after the last punctuation ("Meadow Lake, Saskatchewan – The council …")
    boundary = max((ctx.text.rfind(ch, start, verb) + 1 for ch in ",;:–—"), default=start)
    clause = [w for w in words if w.start() >= boundary]
    head = _study_head(clause)
    if head and len(clause) > MAX_SUBJECT_WORDS:
        return _phrase(ctx, clause[:head], cue)
    head = _study_head(words)
    if head and len(words) > MAX_SUBJECT_WORDS:
        # "Two inquiries into the seizure of Royal Navy personnel by Iran in March have found":
        # too long a subject for its phrase, but its head is the study that speaks
        return _phrase(ctx, words[:head], cue)
    k = len(words)
    while k > 0 and len(words) - k < MAX_SUBJECT_WORDS:
        gap = ctx.text[words[k - 1].end() : words[k].start() if k < len(words) else verb]
        if k < len(words) and gap.strip():
            break  # punctuation: the phrase starts after it
        if words[k - 1].group().lower() in _CLAUSE_OPENERS and not _joined_modifiers(words, k - 1):
            break
        k -= 1
    phrase = words[k:]
    while len(phrase) > 1 and phrase[0].group().lower() in ("yet", "and", "but", "still", "so"):
        phrase = phrase[1:]  # "Yet another said": a conjunction opens the clause, not the phrase
    if len(phrase) == 1 and phrase[0].group().lower() in _QUANTIFIERS:
        return _one_of(ctx, phrase[0], cue)
    acronym = len(phrase) == 1 and re.fullmatch(r"[A-Z]{2,6}", phrase[0].group()) is not None
    if acronym and not is_place(phrase[0].group()):
        return _phrase(ctx, phrase, cue)  # "NASA said": an acronym, no mention, speaks
    if not phrase or phrase[0].group().lower() not in _DETERMINERS - {"his", "her", "their", "its"}:
        return None
    if any(ch in DOUBLE_MARKS for ch in ctx.text[phrase[0].start() - 1 : verb]):
        return None  # words in quotation marks are speech, never its subject
    if any(m.kind == "pronoun" for m in ctx.in_range(phrase[0].start(), phrase[-1].end())):
        return None
    # "The email went on to say": the subject ends where the verb that leads to the verb of
    # saying begins ("the fees were explained" is no such lead: its subject is no speaker)
    cut = next((i for i, w in enumerate(phrase) if i > 0 and w.group() in _VERBISH), None)
    if cut is not None and phrase[-1].group() == "to":
        phrase = phrase[:cut]
    return _phrase(ctx, phrase, cue)


_NUMBERS = frozenset("two three four five six seven eight nine ten both".split())


def _study_head(words: list[re.Match[str]]) -> int:
    """How many words open the clause as a study's or a body's noun phrase before its preposition
    ("Two inquiries into …", "The first report by …"): 0 when they do not."""
    texts = [w.group().lower() for w in words[:4]]
    if not texts or (texts[0] not in _DETERMINERS and texts[0] not in _NUMBERS):
        return 0
    for n, t in enumerate(texts[1:], 1):
        if t in STUDY_NOUNS or t in ORG_HEADS:  # … or a body's ("The municipal council of a town in …")
            return n + 1 if n + 1 < len(words) and words[n + 1].group() in PREPOSITIONS else 0
    return 0


# Verbs that follow a subject and lead to a verb of saying ("went on to say", "has told").
_VERBISH = frozenset(
    """went goes go has had have is was were are will would can could did does do continued began
tried decided wanted appeared seemed came got""".split()
)


# Words that stand alone for one or some of a group named before ("Yet another said", "Several
# said they would …").
_QUANTIFIERS = frozenset("another one others some many most several both".split())


# ", a " or ", an " right after a word: an apposition opens.
_APPOSED_ARTICLE = re.compile(r",[ \t]+(?:an?)[ \t]+")


def _one_of(ctx: _Article, word: re.Match[str], cue: str) -> tuple[Speaker, str] | None:
    """ "… added another New Hampshire Republican. Yet another said, “…”": one more of the group
    the last description before names, else the word itself; "One, a certified nursing aide who
    …, said": the description in apposition."""
    apposed = _APPOSED_ARTICLE.match(ctx.text, word.end())
    if apposed is not None:
        described = [
            m for m in ctx.in_range(apposed.end() - 1, apposed.end() + 60) if m.kind == "description"
        ]
        if described and described[0].start <= apposed.end() + 30:
            d = described[0]
            return Speaker(d.name, None, None, d.name, "description", d.gender, (d.start, d.end)), cue
    before = [
        m
        for m in ctx.in_range(max(0, word.start() - 400), word.start())
        if m.kind == "description"
        and m.name.split()[0].lower() not in POSSESSIVE_DETERMINERS  # "their candidate": one person
    ]
    head = (
        re.sub(
            r"^(?:the|a|an|another|one|some|many|several|other|two|three)\s+", "", before[-1].name, flags=re.I
        )
        if before
        else ""
    )
    name = f"{word.group().lower()} {head}".strip() if head else word.group().lower()
    return Speaker(name, None, None, word.group(), "description", None, word.span()), cue


_CLAUSE_OPENERS = frozenset(
    "that and but when where while whilst whereas because as if after before which who whom".split()
)


# Words a noun phrase neither ends on nor opens with: "refusing to", "the emotional impact as",
# "not for her policy influence".
_NOT_HEAD = frozenset(
    """with to of by from for against on at about between among in into over under after before
during than like via toward towards that and but when while whilst whereas because as if which who
whom being not rather""".split()
)
# Nouns in -ing a speaker phrase may end on ("the briefing", "a hearing").
_ING_NOUNS = frozenset("briefing hearing meeting building ruling filing posting".split())


def _noun_head(words: list[str]) -> bool:
    """Do these words read as a noun phrase: no lower-case participle or function word at its
    end, no negation, preposition or participle at its start ("Al From" is a name)?"""
    return not (_no_edge(words[0]) or _no_edge(words[-1]))


def _no_edge(word: str) -> bool:
    """A lower-case function word or participle, which no noun phrase opens or ends on."""
    return word.islower() and (word in _NOT_HEAD or (word.endswith("ing") and word not in _ING_NOUNS))
