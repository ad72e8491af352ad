"""Issued documents: a statement, a release or a letter speaks for whoever issued it ("A
statement issued by the Ministry of Finance said …", "the statement released by the EU"), so
that a description of the document, and "it" standing for it, resolve to its issuer.
"""

from __future__ import annotations

import re

from .context import _Article
from .lexicon import ORG_HEADS
from .mention import Mention

# Documents that speak for whoever issued them ("the statement released by the EU"), and whose
# words news goes on quoting after naming the issuer ("…,” the club said in a statement. “…,” the
# statement added").
ISSUED = frozenset(
    """statement release memo letter filing email e-mail notice communique communiqué judgment
judgement ruling""".split()
)
# Between the document and its issuer: "issued by", "from", "released on Monday by".
_BY = re.compile(
    r"\s+(?:(?:issued|released|sent|signed|put out)\s+(?:\w+\s+){0,3})?(?:by|from)\s+(?:the\s+)?"
)


def issuer_of(ctx: _Article, m: Mention) -> Mention | None:
    """The issuer named right after a description of an issued document ("A statement issued
    by the Ministry of Finance", "a letter from Reece Dunmore"), or None."""
    words = m.name.lower().split()
    return issuer_after(ctx, m.end) if words and words[-1] in ISSUED else None


def issuer_after(ctx: _Article, end: int) -> Mention | None:
    """The person or organisation named as the issuer right after a document's noun ending at
    ``end`` (" issued by the Ministry of Finance"), or None."""
    by = _BY.match(ctx.text, end)
    if by is None:
        return None
    after = ctx.in_range(by.end(), by.end() + 80)
    if after and after[0].start == by.end():
        return after[0] if after[0].kind in ("person", "name", "organisation") else None
    # no mention: a lower-case body is its phrase ("issued by the chief minister's office")
    body = _BODY.match(ctx.text, by.end())
    if body is None or body.group(1) not in ORG_HEADS:
        return None
    return Mention(body.start(), body.end(), "description", body.group())


# A lower-case phrase ending in an organisation's head noun: "chief minister's office".
_BODY = re.compile(
    r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?\s+([a-z]+)\b(?=\s+(?:said|in|on|at|that|which)\b|[,.])"
)
