"""Words on things: a placard, a banner, a sign or a T-shirt says no one's words.

"workers carried placards reading “Safety Starts With Rest”", "supporters wore T-shirts printed
with the words “Parents Decide”", "signs that read “Let Them Read”" and "placards with
inscriptions such as “Reverse it now”" quote a thing, not a speaker: the quote stays
unattributed, however near the sentence's subject or a verb of saying.
"""

from __future__ import annotations

import re

from .context import _Article
from .detect import Found

# Things that bear words.
_BEARERS = (
    r"placards?|banners?|signs?|signboards?|posters?|t-shirts?|tee-shirts?|shirts?|hoodies?|caps?|"
    r"hats?|billboards?|chalkboards?|blackboards?|whiteboards?|stickers?|badges?|flags?|plaques?|"
    r"graffiti|murals?|inscriptions?|slogans?|placard|hashtags?|bumper stickers?|cards?|wristbands?"
)
# A thing that bears words, then what introduces them, right before the quotation's opening mark:
# "placards reading", "T-shirts printed with the words", "a sign that read", "banners bearing",
# "placards with inscriptions such as", "the union's slogan,", "raising slogans of"; translated
# copy's "banners with the legend" (Spanish "con la leyenda").
_INSCRIBED = re.compile(
    rf"\b(?i:{_BEARERS})\b[^.!?;“”\"«»]{{0,60}}?"
    r"(?:\b(?:reading|that\s+reads?|which\s+reads?|read|reads|saying|that\s+said|which\s+said|"
    r"bearing(?:\s+the\s+words)?|printed\s+with(?:\s+the\s+words)?|emblazoned\s+with|"
    r"inscribed\s+with|with\s+the\s+(?:words|legends?|message|inscription)|such\s+as|declaring|"
    r"proclaiming)|"
    r"(?<=slogans )(?:of|like)|(?<=slogan )of|\bslogans?|\bmottos?|\bhashtags?)\s*[,:]?\s*\Z",
)


# Between two items of a list of quotations: "such as “A”, “B” and “C”".
_LISTED = re.compile(r"[ \t]*(?:,|,?[ \t]+(?:and|or))[ \t]*\Z")


def inscribed(ctx: _Article, found: Found) -> bool:
    """Is the quotation words a thing bears ("placards reading “…”", and the next items of the
    list it opens), not anyone's speech?"""
    start = ctx.sentence_bounds(found.open_at)[0]
    while True:
        if _INSCRIBED.search(ctx.text, max(start, found.open_at - 160), found.open_at) is not None:
            return True
        before = ctx.found_in(start, found.open_at)
        if not before or not _LISTED.match(ctx.text, ctx.found[before[-1]].close_at, found.open_at):
            return False
        found = ctx.found[before[-1]]  # "… such as “A”, “B” and “C”": as the first item goes
