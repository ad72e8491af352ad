"""Dates in metadata and in article text.

Three jobs, one vocabulary of date expressions:

- ``parse_date``: a publication date from a metadata value (front matter, JSON, HTML metadata,
  a "Published: …" stamp). Fixed formats first (fast, exact), then ``dateparser`` for the rest —
  but only for a value that carries a year: a relative or year-less value ("yesterday", "Dec. 2")
  is no publication date on its own, and must never turn into today's date.
- ``partial_date`` + ``infer_year``: a day and month without a year (a dateline "Nov. 19 (UPI) —")
  takes its year from the other full dates of the same text, failing that it stays unknown.
- ``sentence_dates``: the calendar dates a sentence refers to ("on Tuesday", "yesterday", "last
  week", "on December 1", "Dec. 2"), resolved against the article's date. Prefilters of plain literals
  (a month abbreviation, "day", a numeric date) run before the full expressions, so the cost
  stays linear and low: a sentence without a month, weekday, relative word or numeric date is
  never looked at further, and no date library runs on sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ..models import Article, Sentence

MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONTH = MONTH_NAME + r"\.?"
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
# A calendar date written out: "Dec. 2", "December 2, 2021", "2 December 2021", "Thursday,
# December 2", "2021-12-02", "02.12.2021". A month name needs a day beside it, so "May" or
# "March on Washington" is no date.
DATE_TEXT = (
    rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?|{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?"
    rf"|{YEAR}-[01]\d-[0-3]\d\b|[0-3]?\d[./][0-3]?\d[./]{YEAR}\b)"
)
_DATE_TEXT = re.compile(DATE_TEXT)
_HAS_YEAR = re.compile(rf"\b{YEAR}\b")

_WEEKDAY_PREFIX = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
)


def parse_date(value: object) -> date | None:
    """A publication date from a date, a datetime or a string ("2021-12-02",
    "2021-12-02T10:00:00Z", "December 2, 2021", "2 December 2021", "Thu, 2 Dec 2021",
    "Jan. 18, 2022 10:15 GMT"); None when it cannot be understood or names no year."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    text = _WEEKDAY_PREFIX.sub("", " ".join(text.split()))
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)  # "2nd December 2021"
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    # An RFC 2822 date with a time ("Thu, 2 Dec 2021 10:00:00 +0000"): the date is its start.
    head = re.match(r"\d{1,2} [A-Za-z]+ \d{4}", text)
    if head and head.group() != text and (found_head := parse_date(head.group())):
        return found_head
    if len(text) > 80 or not _HAS_YEAR.search(text):
        return None  # relative ("3 hours ago") or year-less: not a publication date by itself
    found = _dateparser(text)
    return _safe_date(found[0], found[1], found[2]) if found is not None and found[0] is not None else None


# dateparser resolves what it is not told against RELATIVE_BASE: a fixed leap year, so that a
# year-less "Feb 29" parses and so that the current date can never leak into a result.
_BASE = datetime(2000, 1, 1)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date expression through dateparser (English, day
    precision required); None when it is not a calendar day."""
    parser = _parser()
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):  # dateparser raises on some impossible inputs
        return None
    found = data.date_obj
    parts = tuple(getattr(data, "parts", ()) or ())
    if found is None or data.period != "day" or "day" not in parts or "month" not in parts:
        return None
    return (found.year if "year" in parts else None, found.month, found.day)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": _BASE, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"},
    )


_NUMERIC = re.compile(rf"([0-3]?\d)[./]([0-3]?\d)[./]({YEAR})")


# A date in a web address: "/2019/11/19/", "/2019-11-19/", "-20191119-" (news sites file stories
# by day; a path of /YYYY/MM/ alone names no day).
_URL_DATE = re.compile(rf"[/_-]({YEAR})[/_-]?([01]\d)[/_-]?([0-3]\d)(?=[/_.-]|$)")


def url_date(url: str | None) -> date | None:
    """The publication date a web address carries in its path, or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    match = _URL_DATE.search(path)
    return _safe_date(int(match[1]), int(match[2]), int(match[3])) if match else None


def partial_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of one written-out date ("Nov. 19", "12 February 2022").

    A numeric date is read day first ("02.12.2021", "05/10/2018") unless its second number
    cannot be a month ("11/19/2019", as US sites write it)."""
    match = _DATE_TEXT.search(text)
    if match is None:
        return None
    numeric = _NUMERIC.fullmatch(match.group())
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        day, month = (second, first) if second > 12 else (first, second)
        return (year, month, day) if _safe_date(year, month, day) else None
    written = _WRITTEN.search(match.group())
    if written is None:  # ISO: "2021-12-02"
        found = parse_date(match.group())
        return (found.year, found.month, found.day) if found else None
    groups = written.groupdict()
    month = _MONTHS[(groups["m1"] or groups["m2"])[:3].lower()]
    day = int(groups["d1"] or groups["d2"])
    year_text = groups["y1"] or groups["y2"]
    if _safe_date(int(year_text) if year_text else 2000, month, day) is None:  # 2000: a leap year
        return None
    return (int(year_text) if year_text else None, month, day)


# The written forms of DATE_TEXT with their parts named, read without a date library: this runs
# on every sentence that names a date, and the forms are fixed.
_MONTHS = {m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_WRITTEN = re.compile(
    rf"(?P<m1>{MONTH_NAME})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>{YEAR})\b)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_NAME})\.?(?:,?\s+(?P<y2>{YEAR})\b)?"
)


def full_dates(text: str) -> list[date]:
    """Every date with a year written out in ``text``, in order.

    Every such date holds its year, and ends with it or nearly ("Wednesday, September 30, 2021",
    "2021-09-30"): the full expression runs only on a short window around each year, so a long
    text costs one pass of the year pattern."""
    out = []
    for year in _HAS_YEAR.finditer(text):
        low = max(0, year.start() - _YEAR_WINDOW)
        window = text[low : year.end() + 6]
        for match in _DATE_TEXT.finditer(window):
            if low + match.start() <= year.start() < low + match.end():
                parts = partial_date(match.group())
                found = _safe_date(parts[0], parts[1], parts[2]) if parts and parts[0] else None
                if found is not None:
                    out.append(found)
                break
    return out


# The longest written date before its year: "Wednesday, September 30, " has 26 characters.
_YEAR_WINDOW = 40


def infer_year(month: int, day: int, context: list[date]) -> date | None:
    """The date of a year-less day and month, its year taken from the other dates of the same
    text: the candidate year (around the latest of them) that puts it nearest to them. None
    when the text has no other date."""
    if not context:
        return None
    latest = max(context)
    best: date | None = None
    for year in (latest.year - 1, latest.year, latest.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and (best is None or abs(candidate - latest) < abs(best - latest)):
            best = candidate
    return best


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(found: tuple[int | None, int, int], context: list[date]) -> date | None:
    """A (year or None, month, day) as a date: a missing year from ``context`` (see
    ``infer_year``), else unknown."""
    year, month, day = found
    return _safe_date(year, month, day) if year is not None else infer_year(month, day, context)


# --- dates inside sentences ----------------------------------------------------------------------

_RELATIVE_WORD = r"yesterday|today|tonight|tomorrow|(?:last|next|this|past)\s+(?:week|weekend|month)"
_WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Prefilters, plain alternations of literals (which the regular-expression engine scans for in
# about a microsecond, where the full expressions take some tens per sentence): a weekday or a
# relative word holds one of the first, a written-out date a capitalised month abbreviation
# ("may" is a verb), a numeric one a digit, a separator and a year.
_WORD_HINT = re.compile("day|eek|onth|onight|omorrow")
_MONTH_HINT = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_NUMERIC_HINT = re.compile(r"\d[-./][0-3]?\d[-./](?:19|20)?\d\d")
_WORDS_MENTION = re.compile(
    rf"(?i:\b(?P<rel>{_RELATIVE_WORD})\b)"
    rf"|\b(?:(?P<which>(?i:last|next|this|on|since|until|by|from|late|early))\s+)?"
    rf"(?P<weekday>{_WEEKDAY_NAME})\b"
)
_DATE_MENTION = re.compile(rf"(?P<date>{DATE_TEXT})")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A bare weekday is the most recent one (news reports what happened) unless the sentence speaks
# of what is to come ("will", "would" in reported speech, "is due").
_FUTURE = re.compile(
    r"\b(?:will|shall|would|expected to|’ll|'ll|is due|are due|scheduled|plans? to|is to|are to)\b", re.I
)
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_RELATIVE_SPANS = {"week": 7, "weekend": 7, "month": 30}


def sentence_dates(
    text: str, anchor: date | None, context: list[date] | Callable[[], list[date]] | None = None
) -> tuple[date, ...]:
    """The calendar dates ``text`` refers to, in order of mention, without repeats.

    Written-out dates keep their year, or take the one that puts them nearest ``anchor`` (the
    article's date), else one from ``context`` (the text's other full dates, or a function that
    finds them, called only when needed); weekdays and relative words ("yesterday", "last
    week": the day a week before) need ``anchor``.
    """
    matches = list(_WORDS_MENTION.finditer(text)) if _WORD_HINT.search(text) else []
    if _MONTH_HINT.search(text) or _NUMERIC_HINT.search(text):
        matches = sorted(matches + list(_DATE_MENTION.finditer(text)), key=lambda m: m.start())
    if not matches:
        return ()
    out: list[date] = []
    future = _FUTURE.search(text) is not None
    for match in matches:
        found = _mention_date(match, anchor, context, future)
        if found is not None and found not in out:
            out.append(found)
    return tuple(out)


def _mention_date(
    match: re.Match[str],
    anchor: date | None,
    context: list[date] | Callable[[], list[date]] | None,
    future: bool,
) -> date | None:
    if "date" in match.re.groupindex:
        parsed = partial_date(match.group("date"))
        if parsed is None or parsed[0] is not None:
            return resolve(parsed, []) if parsed else None
        if anchor is not None:
            return infer_year(parsed[1], parsed[2], [anchor])
        return resolve(parsed, (context() if callable(context) else context) or [])
    if anchor is None:
        return None
    if match.group("rel"):
        word = " ".join(match.group("rel").lower().split())
        if word in _RELATIVE_DAYS:
            return anchor + timedelta(days=_RELATIVE_DAYS[word])
        which, unit = word.split()
        sign = {"last": -1, "past": -1, "next": 1, "this": 0}[which]
        return anchor + timedelta(days=sign * _RELATIVE_SPANS[unit])
    which = (match.group("which") or "").lower()
    target = _WEEKDAYS.index(match.group("weekday").lower())
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if which == "next" or (which in ("", "on", "until", "by", "this") and future):
        return anchor + timedelta(days=(ahead or 7) if which == "next" else ahead)
    if which == "last":
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def date_sentences(sentences: Sequence[Sentence], article: Article) -> tuple[Sentence, ...]:
    """The sentences with ``Sentence.dates`` filled: what each refers to, resolved against the
    article's date (year-less dates without one take their year from the text's full dates)."""
    found_dates: list[list[date]] = []

    def context() -> list[date]:  # the text's full dates, found once and only if needed
        if not found_dates:
            found_dates.append(full_dates(article.text))
        return found_dates[0]

    out = []
    for sentence in sentences:
        found = sentence_dates(sentence.text, article.published, context)
        out.append(replace(sentence, dates=found) if found else sentence)
    return tuple(out)
