"""The record of one mention: words of an article that may name a speaker, with their span."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """Words that name a possible speaker (offsets into the article text)."""

    start: int
    end: int
    # "person" | "name" (a lone capitalised word) | "role" | "organisation" | "description" |
    # "pronoun" | "place"
    kind: str
    name: str  # the name, organisation, description or pronoun as written (cleaned)
    role: str | None = None  # a role stated with it ("US Secretary of State")
    role_class: str | None = None
    country: str | None = None
    after_preposition: bool = False  # "talks with Blinken": not a clause subject
    gender: str | None = None  # "m" | "f" when a title or role noun shows it ("Mrs.", "spokeswoman")
