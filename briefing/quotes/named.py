"""Named: the name a singular description is given in its own sentence, in commas right after
it ("The youngest volunteer, 16-year-old Aisha Patel, joined …", "The other man, his cousin Jim
Yorke, 40,") or by the description itself ("The woman … identified herself as a resident named
Carola"); the one person given the age of "the 41-year-old" ("Aditya Rao, 41,"), and the one
whose stated role a description fits, however far back; the person the next paragraph names
when a description opens the story ("A Cork grandmother …" ¶ "Bridget Healy (67), …"); and
whether a person is one of a list (no description picks one of "Holt, Okafor and Lind" out).
resolve.py then resolves the description to that person.
"""

from __future__ import annotations

import re

from ..models import Paragraph
from .appositions import apposed_to_description
from .context import _Article
from .lexicon import plural
from .mention import Mention
from .nameforms import Person
from .offices import role_fits
from .openers import closes_opener
from .plausible import _plausible

# Between a description and the name in apposition after it: a comma, maybe an age or another
# description that names them ("Her neighbour, a fisherman named Tomas Rauch,").
_NAMED_GAP = re.compile(
    r",\s*(?:\d{1,3}-year-old\s+|(?:an?|the)\s+(?:[\w-]+\s+){1,3}(?:named|called)\s+|(?:his|her|their)\s+[a-z-]+\s+)?"
)


# A description, then the name it goes by: "the base chief known as Bob", "a man identified only as
# Ahmed".
_KNOWN_AS = re.compile(r",?\s+(?:known|identified)\s+(?:only\s+)?as\s+")


def _singular(m: Mention) -> bool:
    """Does the description name one person (its head noun no plural)? "Trump, his advisers" do not."""
    words = m.name.split()
    return not plural(words[-1] if words else "")


def named_after(ctx: _Article, m: Mention) -> Mention | None:
    """The person named in commas right after a singular description ("The youngest volunteer,
    16-year-old Aisha Patel, joined …")."""
    if not _singular(m):
        return None
    after = ctx.in_range(m.end, m.end + 40)
    known = _KNOWN_AS.match(ctx.text, m.end)
    if known is not None and after and after[0].start == known.end() and after[0].kind in ("person", "name"):
        return after[0]  # "said the base chief known as Bob": Bob
    if not after or after[0].kind != "person" or not _NAMED_GAP.fullmatch(ctx.text, m.end, after[0].start):
        return None
    return after[0] if re.match(r"\s*,", ctx.text[after[0].end : after[0].end + 3]) else None


# A lede that holds the name back ("A Cork grandmother who has waited four years says …", "The
# chief executive of Severn Vale Water has told MPs …") gives it at the head of the next
# paragraph ("Bridget Healy (67), a widow from Mallow, …"): news's delayed identification. A
# paragraph of fewer words is a caption, a menu or a byline, not the story's first.
LEDE_WORDS = 15
# A description kept anonymous on purpose is no one the next paragraph names.
_ANONYMOUS = re.compile(
    r"\b(?:sources?|anonymity|(?:not|declined) to be (?:named|identified)|unnamed|anonymous)\b", re.IGNORECASE
)
_LEDE_OPENERS = ("", "A ", "An ", "The ")
# A wire's dateline before the lede: "LUSAKA, Zambia (AP) — ", "BENGALURU: ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+(?:,[^\n,—–:]{1,40})?(?:\s*\([^()\n]{1,30}\))?\s*(?:[—–-]{1,2}|:)\s+"
)


def _prose(p: Paragraph) -> bool:
    return p.kind == "body" and len(p.text.split()) >= LEDE_WORDS


def lede_named(ctx: _Article, m: Mention) -> Mention | None:
    """The person named at the head of the story's second paragraph, when the singular
    description ``m`` opens its first ("A former treasurer who stole £212,000 … has been
    jailed." ¶ "Alasdair Fordyce, 52, of Bettyhill, admitted …")."""
    if m.kind not in ("description", "role") or not _singular(m):
        return None
    para = ctx.paragraph_at(m.start)
    if para is None:
        return None
    opening = ctx.text[para.start : m.start]
    if opening not in _LEDE_OPENERS and _DATELINE.sub("", opening, count=1) not in _LEDE_OPENERS:
        return None
    prose = [p for p in ctx.paragraphs if p.start >= ctx.title_end and _prose(p)]
    if len(prose) < 2 or prose[0] != para:
        return None
    start, end = ctx.sentence_bounds(m.start)
    if _ANONYMOUS.search(ctx.text, start, end):
        return None
    head = ctx.in_range(prose[1].start, prose[1].end)
    # (after a conjunction too: "The head of Aurora Air apologized … ¶ But Gilles Tremblay-Roy, …")
    conjunction = _CONJUNCTION.match(ctx.text, prose[1].start)
    opens = conjunction.end() if conjunction is not None else prose[1].start
    if not head or head[0].kind != "person" or head[0].start != opens or " " not in head[0].name:
        return None
    return head[0]


_CONJUNCTION = re.compile(r"(?:(?:But|And|Yet|However,)\s+)?")


# "identified herself as a resident named Caroline", "gave his name only as Ahmed": the words by
# which a description goes on to name itself in its own sentence.
_SELF_NAMED = re.compile(
    r"\b(?:identified|introduced|described)\s+(?:him|her)self\b|\bgave\s+(?:his|her)\s+(?:first\s+)?name\b"
)
_NAME_INTRODUCER = re.compile(r"(?:named|called|as)\s+(?:only\s+)?$")


def self_named(ctx: _Article, m: Mention) -> Mention | None:
    """The name a singular description gives itself later in its sentence ("The woman who
    started it all identified herself to CNN as a 52-year-old resident named Caroline"), else
    the description it gives itself ("A man who identified himself only as a retired firefighter
    from Cloverdale")."""
    if not _singular(m):
        return None
    _, end = ctx.sentence_bounds(m.end)
    said = _SELF_NAMED.search(ctx.text, m.end, end)
    if said is None:
        return None
    for named in ctx.in_range(said.end(), end):
        if named.kind in ("person", "name") and _NAME_INTRODUCER.search(ctx.text, said.end(), named.start):
            return named
    # no name: the description it gave itself ("identified himself only as a retired
    # firefighter from Cloverdale")
    described = _SELF_DESCRIBED.match(ctx.text, said.end(), end)
    if described is None:
        return None
    return Mention(described.start(1), described.end(1), "description", " ".join(described.group(1).split()))


# "… only as a retired firefighter from Cloverdale": the lower-case words after "as a", to a
# preposition, a clause or punctuation.
_SELF_DESCRIBED = re.compile(
    r"\s+(?:only\s+)?as\s+an?\s+((?:(?!(?:from|of|in|at|who|with|and|named|called)\b)[a-z][\w-]*\s*){1,3})"
)


# "Aditya Rao, 41,", "Rao (41)": an age stated after a name.
_AGE_AFTER = re.compile(r",?\s*\(?(\d{1,3})\b(?!-)")


def of_age(ctx: _Article, m: Mention, head: str) -> Mention | None:
    """The mention of the one person the article gave the age of "the 41-year-old" (``head``)
    before it ("Aditya Rao, 41,", "41-year-old Aditya Rao")."""
    age = head.split("-")[0]
    found: dict[str, Mention] = {}
    for prior in ctx.in_range(0, m.start):
        if prior.kind not in ("person", "name"):
            continue
        after = _AGE_AFTER.match(ctx.text, prior.end)
        before = ctx.text[max(0, prior.start - 14) : prior.start]
        if (after is not None and after.group(1) == age) or before.rstrip().endswith(f"{age}-year-old"):
            person = ctx.people.person(prior)
            if person is not None:
                found.setdefault(person.name, prior)
    return next(iter(found.values())) if len(found) == 1 else None


def stated_holder(ctx: _Article, m: Mention, recent: bool = False) -> Person | None:
    """The one person named before ``m`` whose stated role the description fits ("Juan
    Tzintzun, who has worked as a ranger" for "the ranger"), of a gender that agrees; with
    ``recent``, of several the one named last before it."""
    fitting = [
        p
        for p in ctx.people.persons
        if p.role
        and role_fits(m, p.role)
        and _named_before(ctx, p, m.start)
        and (m.gender is None or p.gender in (None, m.gender))
    ]
    # of several, the one whose role has every word of the description ("project scientist")
    words = set(m.name.lower().split())
    exact = [p for p in fitting if words <= set((p.role or "").lower().split())]
    if len(fitting) == 1:
        return fitting[0]
    if len(exact) == 1:
        return exact[0]
    # of several (two trustees, two constables), the one named last before it
    return ctx.people.named_last(exact or fitting, m.start) if recent and fitting else None


def _named_before(ctx: _Article, person: Person, at: int) -> bool:
    # offset 0 counts: the title line may open with the name
    first = ctx.people.first_named_at(person)
    return first is not None and first < at


_LISTED = re.compile(r",\s*|,?\s+and\s+")  # between the people of a list


def listed(ctx: _Article, m: Mention) -> bool:
    """Is the person mention one of a list of people ("Dana Holt, Ruth Okafor and Mark Lind")?"""
    near = ctx.in_range(max(0, m.start - 80), m.end + 80)
    k = near.index(m) if m in near else -1
    people = [n for n in near if n.kind == "person"]
    before = near[k - 1] if k > 0 else None
    after = near[k + 1] if 0 <= k < len(near) - 1 else None
    return (before in people and bool(_LISTED.fullmatch(ctx.text, before.end, m.start))) or (
        after in people and bool(_LISTED.fullmatch(ctx.text, m.end, after.start))
    )


def silent_since(ctx: _Article, prior: Mention, m: Mention) -> bool:
    """Has a named person spoken between an unnamed description and ``m``, and the description
    never? Then "the researcher" is the person speaking since, not "a researcher" who said nothing."""
    said = [ctx.speakers[i] for i in ctx.found_in(prior.end, m.start) if i in ctx.speakers]
    return any(s.kind == "person" for s in said) and not any(s.kind == "description" for s in said)


# What stands between a name and the role in apposition after it: a comma, maybe a party tag
# before it ("Elijah Cummings (D-Md.), chair of …"), and the role's article.
_APPOSED_GAP = re.compile(
    r"(?:\s*\([^()\n]{1,30}\)|\s*,\s*[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*,\s*(?:(?:the|a|an)\s+)?(?:[a-z\d][\w-]*\s+){0,2}"
)


def apposed(ctx: _Article, m: Mention) -> Mention | None:
    """The person a role or description stands in apposition to, right after their name and a
    comma ("Rep. Elijah Cummings (D-Md.), chair of the Platform Committee,"); a plural ("Trump,
    his advisers and …") describes no one person."""
    if plural(m.name.split()[-1] if m.name.split() else ""):
        return None
    before = ctx.in_range(max(0, m.start - 120), m.start)
    if not before or before[-1].kind not in ("person", "name") or before[-1].after_preposition:
        return None
    prior = before[-1]
    if not _APPOSED_GAP.fullmatch(ctx.text, prior.end, m.start) or not _plausible(ctx, prior):
        return None
    if len(before) > 1 and apposed_to_description(ctx.text, before[-2], prior):
        return None  # "from the presiding judge, Patrick Lemoine, the 61-year-old said"
    return None if closes_opener(ctx.text, prior) else prior  # "After meeting Kiprop, the senator"
