"""Bylines, datelines and stamps: the metadata news text carries in its first words.

- a dateline opening the body or a paragraph: "STOCKHOLM (Reuters) –", "WASHINGTON —",
  "NEW YORK, Nov. 19 (UPI) —", "Dec. 2 (UPI) --", "MOSCOW, February 12. /TASS/.",
  "Jan. 18, 2022 (EIRNS)—", "Washington (CNN)";
- a line of its own: a byline ("By Ann Lee and Bo Park", "By Ann Lee, Reuters"), a name with a
  date ("Ann Lee - Nov 19, 2019, 10:31 pm CST"), a publication stamp ("Published: …",
  "date 2021-12-02", "Updated …"), a date alone, or an agency name alone ("AFP").

``leading_stamp`` finds the stamp that opens a sentence or a line (the segmenter starts the
sentence after it); ``scan`` reads the head of an article for its author, outlet and date. Pure
text functions: nothing here imports the rest of the package but the date vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATE_TEXT, WEEKDAY

# News agencies (and CNN, whose datelines read like theirs) whose name alone (a bare "AFP" line,
# "By Reuters") names the outlet. Within a dateline's brackets any all-capitals tag counts too
# ("(EIRNS)", "(UPI)").
AGENCIES = (
    "Reuters",
    "Associated Press",
    "The Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "UPI",
    "TASS",
    "Xinhua",
    "Bloomberg",
    "dpa",
    "Interfax",
    "Kyodo",
    "Yonhap",
    "EFE",
    "ANSA",
    "PTI",
    "IANS",
    "Anadolu",
    "Ukrinform",
    "RIA Novosti",
    "CNN",
)
_AGENCY_NAME = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
# The tag of a dateline: all capitals (with dots: "A.P.") or a known agency, in brackets or
# between slashes. Lower-case words, digits and hyphens ("(R-Texas)", "(2021)") are never a tag.
_TAG = rf"(?:{_AGENCY_NAME}|[A-Z][A-Z.&]{{1,9}})"
_AGENCY = rf"(?:\((?P<tag>{_TAG})\)|/(?P<slash>{_TAG})/)"
_KNOWN_AGENCY = rf"\((?P<tag>{_AGENCY_NAME})\)"
_PLACE_CAPS = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}(?:,\s+[A-Z][a-z.]+(?:\s+[A-Z][a-z.]+)?)?"
_PLACE_TITLE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
# A dash after a tag may touch it ("(Reuters)-"); after a bare place it needs spaces, so that
# "COVID-19" or "U.S.-led" never reads as "PLACE -".
_TAG_END = r"(?:\s*(?:--|[–—−-])\s*|[.:](?:\s+|$)|\s*(?=[A-Z“\"«]))"
_DASH = r"(?:\s*(?:--|[–—−])\s*|\s+-\s+)"
_DATE = rf"(?P<date>{DATE_TEXT})"

_DATELINES = tuple(
    re.compile(p)
    for p in (
        # [PLACE,] DATE[.] (AGENCY) –        "NEW YORK, Nov. 19 (UPI) —", "Jan. 18, 2022 (EIRNS)—"
        rf"(?:(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE}),\s*)?{_DATE}\.?\s*{_AGENCY}{_TAG_END}",
        # PLACE (AGENCY) –                   "STOCKHOLM (Reuters) –", "Washington (CNN)"; a place in
        # title case only with a known agency: "World Health Organization (WHO) Director" is none
        rf"(?P<place>{_PLACE_CAPS})\s*{_AGENCY}{_TAG_END}",
        rf"(?P<place>{_PLACE_TITLE})\s*{_KNOWN_AGENCY}{_TAG_END}",
        # (AGENCY) –                          "(Reuters) - "
        rf"{_AGENCY}\s*(?:--|[–—−-])\s*",
        # PLACE[, DATE] –                    "WASHINGTON —", "LONDON, Dec 2 —", "Moscow, 2 December –"
        rf"(?P<place>{_PLACE_CAPS}),?\s*(?:{_DATE})?{_DASH}(?=[A-Z“\"«])",
        rf"(?P<place>{_PLACE_TITLE}),\s*{_DATE}{_DASH}(?=[A-Z“\"«])",
    )
)

_NAME_WORD = r"(?!(?:" + WEEKDAY + r"|Updated|Published|Posted)\b)[A-Z][A-Za-z'’-]*\.?"
_PARTICLE = r"(?:de|del|della|da|di|van|von|der|den|le|la|al|el|bin|ibn|dos|du)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
_TIME = r"(?:[\s,|/·•-]*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?[\s,|/·•-]*"

_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("agency", re.compile(rf"(?:[-–—]\s*)?(?:By\s+)?(?P<agency>{_AGENCY_NAME})(?:\s+Staff)?", re.I)),
    (
        "byline",
        re.compile(
            # "By Ann Lee"; magazines and features label it otherwise ("Words: Ann Lee")
            rf"(?:[Bb][Yy]|Words(?:\s+by)?|Written\s+by|Story\s+by|Reporting\s+by|Interview\s+by|Author)"
            rf":?\s+(?P<names>{_NAMES})"
            rf"(?:\s*(?:,|\||[-–—/]|\bfor\b)\s*(?P<org>[A-Z][\w.&' -]{{1,40}}))?"
            rf"(?:\s*[-–—|,•·]\s*(?:Published:?\s*|Updated:?\s*)?{_DATE}{_TIME})?",
        ),
    ),
    (
        "byline",
        re.compile(rf"(?P<names>{_NAMES})\s*(?:[-–—|,•·]|\bon\b)\s*(?:Published:?\s*)?{_DATE}{_TIME}"),
    ),
    (
        "published",
        re.compile(
            r"(?P<label>(?:first\s+)?published|posted|date[ds]?|created|publication\s+date|"
            r"(?:last\s+)?updated|last\s+modified)(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
            rf"(?:{WEEKDAY},?\s+)?{_DATE}{_TIME}",
            re.I,
        ),
    ),
    ("date", re.compile(rf"(?:{WEEKDAY},?\s+)?{_DATE}{_TIME}")),
)
# A stamp line is short: the longest stamp lines of the article-extraction pages have 80
# characters ("By … | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware").
STAMP_LINE_MAX = 120


@dataclass(frozen=True, slots=True)
class Stamp:
    """A stamp at the start of a text: where it ends (the text proper starts after it, spaces
    skipped) and what it says."""

    end: int
    kind: str  # "dateline" | "byline" | "published" | "updated" | "date" | "agency"
    author: str | None = None
    outlet: str | None = None
    date_text: str | None = None
    place: str | None = None


def line_stamp(line: str) -> Stamp | None:
    """The stamp that a whole line is (byline, publication stamp, date or agency), or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > STAMP_LINE_MAX:
        return None
    for kind, pattern in _LINES:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        if kind == "agency":
            return Stamp(len(line), "agency", outlet=_agency(groups["agency"]))
        if kind == "published" and groups["label"].lower().endswith(("updated", "modified")):
            kind = "updated"
        org = groups.get("org")
        return Stamp(
            len(line),
            kind,
            author=_names(groups.get("names")),
            outlet=_agency(org) if org and _is_agency(org) else None,
            date_text=groups.get("date"),
        )
    return None


def dateline(text: str) -> Stamp | None:
    """The dateline that opens ``text`` ("STOCKHOLM (Reuters) – …"), or None."""
    if not text[:1].isupper() and not text.startswith(("(", "/")):
        return None
    for pattern in _DATELINES:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        tag = groups.get("tag") or groups.get("slash")
        return Stamp(
            match.end(),
            "dateline",
            outlet=_agency(tag) if tag else None,
            date_text=groups.get("date"),
            place=groups.get("place"),
        )
    return None


_DATE_RX = re.compile(DATE_TEXT)
_LABEL_RX = re.compile(
    r"\b(?P<label>first\s+published|published|posted|(?:last\s+)?updated|modified)\b(?:\s+(?:on|at))?\s*:?",
    re.I,
)
_BY_RX = re.compile(rf"\b[Bb]y\s+(?P<names>{_NAME})")
_AGENCY_RX = re.compile(rf"\b(?P<agency>{_AGENCY_NAME})\b")
# What a date line may hold besides its dates: times, zones, labels, separators, "min read".
_NOISE = re.compile(
    r"\d{1,2}[:.]\d\d(?i:\s*[ap]\.?m\.?)?|\b[A-Z]{2,4}\b|[+-]\d+|(?i:\b(?:at|on|by|an?|hours?|minutes?|ago|"
    r"min|read|and)\b)|[|/•·;,:()\[\]–—-]"
)
# A date line has at most this many other words (a name, a site, a label left over): "Monday
# November 18, 2019 7:45 am PST by Joe Rossignol" has 2 after the noise; a teaser has more.
DATE_LINE_WORDS = 5


def dated_line(line: str) -> Stamp | None:
    """A short line that is mostly a date, as copied pages show them: "Nov 18, 2019 at 9:24 pm
    ET • 2 min read", "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: …", "Associated Press
    November 19, 2019, 9:02 AM". Not an embedded post ("— Name (@handle) November 18, 2019")."""
    stripped = line.strip()
    if len(stripped) > STAMP_LINE_MAX or "(@" in stripped:
        return None
    dates = list(_DATE_RX.finditer(stripped))
    if not dates:
        return None
    rest = _DATE_RX.sub(" ", stripped)
    by = _BY_RX.search(rest)
    agency = _AGENCY_RX.search(rest)
    for found in (by, agency):
        if found is not None:
            rest = rest.replace(found.group(), " ")
    rest = _NOISE.sub(" ", _LABEL_RX.sub(" ", rest))
    if len([w for w in rest.split() if re.search(r"[^\W\d_]{2}", w)]) > DATE_LINE_WORDS:
        return None
    kind, chosen = "date", dates[0]
    labels = list(_LABEL_RX.finditer(stripped))
    published = [m for m in labels if not m.group("label").lower().endswith(("updated", "modified"))]
    if published:
        kind = "published"
        chosen = next((d for d in dates if d.start() >= published[0].end()), dates[0])
    elif labels and labels[0].start() < dates[0].start():
        kind = "updated"
    return Stamp(
        len(line),
        kind,
        author=_names(by.group("names")) if by else None,
        outlet=_agency(agency.group("agency")) if agency else None,
        date_text=chosen.group(),
    )


_COPYRIGHT = re.compile(
    r"\s*(?:(?:©|copyright\b)\s*)+(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?[.,]?\s*)?"
    r"(?:by\s+)?(?P<owner>[^\n|,;]{2,60}?)\s*(?:(?:19|20)\d{2})?\s*(?:[.,|;]|\s+(?:all|unless|is|-|–|—)\b|$)",
    re.I,
)
_LEGAL = re.compile(
    r"\s*,?\s*\b(?:llc|inc|ltd|pty|limited|corp|corporation|co|plc|gmbh|s\.?a|holdings)\b\.?", re.I
)
# An owner is a name: up to four capitalised words (connectors aside) — not "and Reprint" or "All
# rights reserved", not a photo credit's caption ("© Ann Lee Needle poking skin").
_OWNER = re.compile(r"(?!All\b)[A-Z0-9][\w.'’&!-]*(?:\s+(?:[A-Z0-9][\w.'’&!-]*|of|the|and|&|de)){0,3}")
# The footer sits at the end of a copied page: the copyright line is looked for this far up.
TAIL_LINES = 100


def copyright_owner(text: str) -> str | None:
    """The owner a page's copyright line names ("© 2019 CNBC LLC. All Rights Reserved." →
    "CNBC"), from the end of the text; None when there is none."""
    for line in reversed(text.rsplit("\n", TAIL_LINES)[-TAIL_LINES:]):
        if len(line) > 300 or not re.match(r"\s*(?:©|copyright\b)", line, re.I):
            continue  # a footer line opens with the mark; "Ã©" in mojibake or prose is none
        match = _COPYRIGHT.match(line)
        if match is None:
            continue
        owner = _LEGAL.sub("", match.group("owner")).strip(" .-–—")
        if (
            2 <= len(owner) <= 40
            and re.search(r"[^\W\d_]", owner)
            and not re.match(r"(?:and|reprint)\b", owner, re.I)
        ):
            return owner
    return None


def leading_stamp(text: str) -> Stamp | None:
    """The stamp that opens a sentence or paragraph: a dateline, or a stamp line that is the
    whole text (then ``end`` is its length)."""
    return dateline(text) or line_stamp(text)


def _names(value: str | None) -> str | None:
    if not value:
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", value) if p.strip()]
    return ", ".join(parts) or None


def _is_agency(value: str) -> bool:
    return re.fullmatch(rf"(?:{_AGENCY_NAME})", value.strip(), re.I) is not None


def _agency(value: str) -> str:
    """An agency's name as the outlet: a known one in its usual spelling, else as written."""
    value = value.strip()
    for name in AGENCIES:
        if name.lower() == value.lower():
            return "Associated Press" if name == "The Associated Press" else name
    return value


@dataclass(frozen=True, slots=True)
class Head:
    """What the head of an article says about it (each the first one found)."""

    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # the date text of a publication stamp, a dateline or a date line
    published_kind: str | None = None
    updated: str | None = None


# Stamps are looked for before the article's prose: the head ends after this many prose lines
# (a dateline opens the first; a byline may follow a standfirst) or this many lines. Calibrated
# on PolNeAR train: from 5 on, date lines inside article bodies are taken for the publication
# date (a 2012 date in a 2016 article); at 3 none is, and 110 of the 181 copied pages of the
# article-extraction set get a date (5: 114).
HEAD_PROSE_LINES = 3
# A line this long is prose (a paragraph), not a label, a menu item or a stamp.
PROSE_LINE_CHARS = 80
LABELLED_PROSE_LINES = 8
HEAD_MAX_LINES = 120
HEAD_MAX_CHARS = HEAD_MAX_LINES * STAMP_LINE_MAX  # what is read of a huge one-line text
_PRIORITY = {"published": 0, "byline": 1, "dateline": 2, "date": 3}


def scan(text: str, start: int = 0) -> Head:
    """Read the head of ``text`` from ``start`` for the article's author, outlet and date."""
    author = outlet = published = kind = updated = None
    prose = 0
    for number, line in enumerate(text[start : start + HEAD_MAX_CHARS].split("\n")):
        if number >= HEAD_MAX_LINES or prose >= LABELLED_PROSE_LINES:
            break
        line = line.strip()
        stamp = line_stamp(line) or dateline(line) or dated_line(line)
        if stamp is None:
            prose += len(line) >= PROSE_LINE_CHARS
            continue
        labelled = stamp.kind in ("published", "updated") or (stamp.kind == "byline" and stamp.date_text)
        if prose >= HEAD_PROSE_LINES and not labelled:
            continue
        author = author or stamp.author
        outlet = outlet or stamp.outlet
        if stamp.kind == "updated":
            updated = updated or stamp.date_text
        elif stamp.date_text and (kind is None or _PRIORITY[stamp.kind] < _PRIORITY[kind]):
            published, kind = stamp.date_text, stamp.kind
        if stamp.kind == "dateline":
            prose += 1  # the dateline opens the first paragraph of prose
    return Head(author, outlet, published, kind, updated)
