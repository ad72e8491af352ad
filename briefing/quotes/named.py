"""Named: the name a singular description is given in its own sentence, in commas right after
it ("The youngest volunteer, 16-year-old Aisha Patel, joined …", "The other man, his cousin Jim
Yorke, 40,") or by the description itself ("The woman … identified herself as a resident named
Carola"). resolve.py then resolves the description to that person.
"""

from __future__ import annotations

import re

from .context import _Article
from .lexicon import plural
from .mention import Mention

# Between a description and the name in apposition after it: a comma, maybe an age or another
# description that names them ("Her neighbour, a fisherman named Tomas Rauch,").
_NAMED_GAP = re.compile(
    r",\s*(?:\d{1,3}-year-old\s+|(?:an?|the)\s+(?:[\w-]+\s+){1,3}(?:named|called)\s+|(?:his|her|their)\s+[a-z-]+\s+)?"
)


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
    if not after or after[0].kind != "person" or not _NAMED_GAP.fullmatch(ctx.text, m.end, after[0].start):
        return None
    return after[0] if re.match(r"\s*,", ctx.text[after[0].end : after[0].end + 3]) else None


# "identified herself as a resident named Caroline", "gave his name only as Ahmed": the words by
# which a description goes on to name itself in its own sentence.
_SELF_NAMED = re.compile(
    r"\b(?:identified|introduced|described)\s+(?:him|her)self\b|\bgave\s+(?:his|her)\s+(?:first\s+)?name\b"
)
_NAME_INTRODUCER = re.compile(r"(?:named|called|as)\s+(?:only\s+)?$")


def self_named(ctx: _Article, m: Mention) -> Mention | None:
    """The name a singular description gives itself later in its sentence ("The woman who
    started it all identified herself to CNN as a 52-year-old resident named Caroline")."""
    if not _singular(m):
        return None
    _, end = ctx.sentence_bounds(m.end)
    said = _SELF_NAMED.search(ctx.text, m.end, end)
    if said is None:
        return None
    for named in ctx.in_range(said.end(), end):
        if named.kind in ("person", "name") and _NAME_INTRODUCER.search(ctx.text, said.end(), named.start):
            return named
    return None
