"""Bodies named before: the organisation a generic or head noun goes back to ("the company
said", "the ministry said", "the newspaper admitted"), as "the mayor" goes back to the mayor."""

from __future__ import annotations

import re
from collections import Counter

from .context import Speaker, _Article
from .gender import is_first_name
from .lexicon import ORG_HEADS
from .places import is_place
from .plausible import _plausible
from .speakers import Mention

# Generic nouns by which news goes on to name an organisation it named, and what it must be:
# businesses and clubs ("the club said in a statement", "the airline said"), public bodies, and
# outlets.
_GENERIC_NOUNS = {
    **dict.fromkeys(
        """company firm corporation organization organisation agency charity club franchise
startup start-up airline carrier retailer bank lender insurer carmaker automaker manufacturer
chain brand label studio publisher""".split(),
        "company",
    ),
    # public bodies, whose names seldom end in the noun ("Indigenous Services Canada said … the
    # department said"): only a name the chunker made an organisation's, never a bare name
    **dict.fromkeys(
        "department ministry authority regulator watchdog commission service".split(),
        "body",
    ),
    **dict.fromkeys(
        ("newspaper", "paper", "magazine", "publication", "outlet", "network", "station", "broadcaster"),
        "outlet",
    ),
}
# Last words of outlets' names ("The Baton Rouge Advocate", "Business Insider", "The Hill").
_OUTLET_HEADS = frozenset(
    """times post journal news herald tribune advocate gazette magazine insider register examiner
chronicle observer guardian telegraph star sun inquirer bulletin press review beast hill politico
reuters cnn bloomberg economist daily record globe courier dispatch monitor standard independent
mail express nation atlantic wire""".split()
)
# How far back (characters) "the company" looks for the company: about three sentences of news.
_GENERIC_REACH = 600
_GENERIC_FAR = 8000  # … and for an organisation mention alone: about a whole article


def body_named_before(ctx: _Article, pos: int, head: str) -> Speaker | None:
    """The most recent organisation mention before ``pos`` whose last word is ``head``; for a
    generic noun ("the company", "the newspaper") the nearest subject within a few sentences that
    names something of that kind ("Business Insider … the company said", "The Baton Rouge
    Advocate … the newspaper admitted")."""
    apposed = re.compile(
        rf",\s+(?:an?|the)\s+{_APPOSED_MODIFIERS}{re.escape(head)}\b(?=\s*[,.;]|\s+(?:with|of|for|in|that|which|based)\b)"
    )
    # the chunker may take a body's capitalised name for a person's ("… Neighbors")
    kinds = ("organisation", "name", "person") if head in ORG_HEADS else ("organisation", "name")
    for m in reversed(ctx.in_range(max(0, pos - 3000), pos)):
        if m.kind == "organisation" and m.name.split()[-1].lower() == head and _named(m):
            return Speaker(m.name, None, None, m.name, "organisation")
        # the rest of a name that "and" split off, and its initials ("The Centre for
        # Accountability and Social Justice (CASJ), a civil society group,")
        rest = _NAME_REST.match(ctx.text, m.end)
        assert rest is not None  # (every part of it is optional)
        if m.kind in kinds and _named(m) and apposed.match(ctx.text, rest.end()):
            # "the Worthington Historic District Neighbors, a residents' group, … the group wrote"
            name = ctx.text[m.start : rest.end(1)] if rest.group(1) else m.name  # (its span may hold a role)
            return Speaker(name, None, None, name, "organisation")
    kind = _GENERIC_NOUNS.get(head)
    if kind is None:
        return None
    since = re.compile(rf"\b(?:an?|another)\s+{_MODIFIERS}{re.escape(head)}\b", re.IGNORECASE)
    for m in reversed(ctx.in_range(max(0, pos - _GENERIC_REACH), pos)):
        if since.search(ctx.text, m.end, pos):
            return None  # "a New Hampshire ballot commission … the commission said": that one
        if m.kind not in ("organisation", "name", "person") or m.role or not _named(m):
            continue  # (an earlier "the agency" names no agency)
        if kind == "body" and m.kind != "organisation":
            continue
        if m.after_preposition and kind != "outlet":
            continue  # an outlet is often an object ("the editors of The Advocate", "told the Times")
        if not _plausible(ctx, m):
            continue  # "Carrying placards, the crowd …": a capitalised word opening a sentence
        words = m.name.split()
        person_like = m.kind != "organisation" and (
            is_first_name(words[0]) or ctx.people.known_surname(m.name)
        )
        # (a titled name with an organisation's head is no paper: "the National Rifle Association")
        paper = words[-1].lower() in _OUTLET_HEADS or (
            _titled(ctx, m) and m.kind != "organisation" and not person_like
        )
        if kind == "outlet" and not paper:
            continue  # a paper's name ends so ("The Hill") or stands with its article ("The Daily Ledger")
        if kind == "company" and person_like:
            continue  # a person ("Jeff Weaver", "Mr. Zimmerman"), not a company
        return Speaker(m.name, None, None, m.name, "organisation")
    if kind == "company":
        # none that near: the organisation the article is about, named as a subject before
        # ("Mavuno Labs, a Kenyan startup, has raised …" paragraphs before "“…,” the company
        # said"): of those, the one the article names most often ("Mavuno" counts for it)
        subjects = [
            m
            for m in ctx.in_range(max(0, pos - _GENERIC_FAR), pos)
            if m.kind == "organisation"
            and not m.after_preposition
            and _plausible(ctx, m)
            and not is_place(m.name)
        ]
        if subjects:
            named = Counter(
                w for m in ctx.mentions if m.kind != "pronoun" for w in {m.name, m.name.split()[0]}
            )
            best = max(reversed(subjects), key=lambda m: named[m.name] + named[m.name.split()[0]])
            return Speaker(best.name, None, None, best.name, "organisation")
    return None


# After a body's name: the words "and" split off ("… and Social Justice") and its initials in
# brackets.
_NAME_REST = re.compile(r"((?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)(?:\s*\([A-Z]{2,8}\))?")

# Up to three modifiers of a noun, none a function word ("a New Hampshire ballot commission", not
# "a contributor with the company").
_MODIFIERS = r"(?:(?!(?:the|with|of|for|to|in|at|on|by|from|and|or)\b)[\w-]+\s+){0,3}"


# … and in an apposition, where a possessive may be one ("a residents' group").
_APPOSED_MODIFIERS = _MODIFIERS.replace(r"[\w-]+", r"[\w'’-]+")


def _named(m: Mention) -> bool:
    """Is the mention a name ("Halvern Foods"), not a head noun in lower case ("the department")?"""
    return any(c.isupper() for c in m.name)


def _titled(ctx: _Article, m: Mention) -> bool:
    """Does the name stand with its article, as the names of papers do ("The Daily Ledger", "the
    Westbury Courier"), and people's seldom?"""
    return ctx.text[max(0, m.start - 4) : m.start] in ("the ", "The ")
