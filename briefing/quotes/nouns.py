"""Nouns written as compounds: "mother-of-two", "grandfather-of-five", "mum-of-three", the way
British and Irish news describes a parent (a head noun a description goes back to: "mother")."""

from __future__ import annotations

import re

_OF_CHILDREN = re.compile(r"-of-(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})$")


def of_children(word: str) -> str:
    """The word without the "-of-N" a parent's noun carries ("mother-of-two" → "mother")."""
    return _OF_CHILDREN.sub("", word) if "-of-" in word else word
