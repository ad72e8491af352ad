"""Labels: the speaker a transcript or interview label names ("SECRETARY BLINKEN:", "Q:")."""

from __future__ import annotations

from .context import Speaker, _Article
from .detect import FURNITURE_LABELS, LABEL, QUESTION, QUESTION_LABELS
from .speakers import Mention


def label_speaker(ctx: _Article, start: int) -> tuple[Speaker | None, str] | None:
    """The speaker a transcript label at ``start`` names: (the speaker, "label"), (None, "question")
    for "Q:", or None when no label stands there. The label's last word is the surname: it
    resolves to the person of that surname the article names, else the label's words."""
    m = QUESTION.match(ctx.text, start)
    if m is not None:
        return None, "question"
    m = LABEL.match(ctx.text, start)
    if m is None or len(m.group(1)) < 2:
        return None
    label = m.group(1)
    words = label.split()
    if label in QUESTION_LABELS:
        return None, "question"
    if any(w in FURNITURE_LABELS for w in words):
        return None
    surname = words[-1].strip(".").title()
    known = ctx.people.person(Mention(m.start(1), m.end(1), "name", surname))
    name = known.name if known is not None and known.name != surname else label.title()
    role = " ".join(words[:-1]).title() or None
    span = (m.start(1), m.end(1))
    return Speaker(name, role, None, label, "person", known.gender if known else None, span), "label"
