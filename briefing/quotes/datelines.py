"""Datelines: the place a paragraph opens with before a dash ("Meadow Lake, Saskatchewan – The
municipal council …", "Pichilemu, Chile — …") is a place, whatever its words look like ("Meadow"
is a given name to the lexicon), so it never speaks nor stands for a "she".
"""

from __future__ import annotations

import re
from dataclasses import replace

from .mention import Mention
from .places import is_place

# After the place's first words: a comma, a known region or country, maybe a date in brackets,
# then the dash that opens the story.
_REGION_THEN_DASH = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[–—-]\s")


def datelines(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each name opening a paragraph before ", <place> –" made a place."""
    out = list(found)
    for k, m in enumerate(found[:-1]):
        if m.kind not in ("person", "name") or (m.start > 0 and text[m.start - 1] != "\n"):
            continue
        region = found[k + 1]
        if (
            is_place(region.name)
            and re.fullmatch(r",\s*", text[m.end : region.start])
            and _REGION_THEN_DASH.match(text, region.end)
        ):
            out[k] = replace(m, kind="place", gender=None)
    return out
