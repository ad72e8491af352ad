"""How right the metadata is: title, outlet, date (and author) against the gold that exists.

- PolNeAR (``eval/polnear``): ``metadata.tsv`` gives publisher, date, author and title per article;
  the text files carry the headline as their first line, and whatever datelines and wire tags
  ("NEW YORK, Nov. 19 (UPI) —") the publisher kept. Tune on ``train``, report ``dev``.
- Article extraction (``eval/article-extraction``): real pages as copied text and as HTML;
  ``ground-truth.json`` gives each page's URL, so the outlet is checked against the URL's domain
  (the text files do not contain the URL; the HTML reader may find it in the page). There is no
  gold title or date: the bench reports how often each is found, and how often the copied text
  agrees with the HTML reader on them.

Usage: ``python bench/metadata.py [--shared ../shared] [--split dev] [--only polnear|extraction]``
(under a minute on the project's CI machine; the HTML pages go through trafilatura).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.ingest import read_path  # noqa: E402
from briefing.models import Article  # noqa: E402

# PolNeAR's publisher codes as the outlets write their names.
PUBLISHERS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}


def squash(text: str | None) -> str:
    """Lower-case letters and digits only: accents, quotes and a trailing stop ignored."""
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in folded if not unicodedata.combining(c)))


def same_title(found: str, gold: str, *, headline_only: bool = False) -> bool:
    """A title matches when its letters and digits are the gold's (a derived title cut with
    "…" matches when the gold starts with it). ``headline_only``: the gold's part before "; "
    also counts — PolNeAR's New York Times titles are "headline; deck" while the text has the
    headline on its first line and the deck on the next."""
    golds = [gold] + ([gold.split("; ")[0]] if headline_only and "; " in gold else [])
    if found.endswith("…"):
        return len(squash(found)) >= 20 and any(squash(g).startswith(squash(found)) for g in golds)
    return any(squash(found) == squash(g) for g in golds)


def same_outlet(found: str | None, names: Iterable[str]) -> bool:
    """The outlet found is one of ``names`` (letters and digits compared, "The" ignored)."""
    key = squash(re.sub(r"^the\s+", "", found or "", flags=re.I))
    return bool(key) and any(key == squash(re.sub(r"^the\s+", "", n, flags=re.I)) for n in names)


def outlet_matches_domain(found: str | None, url: str) -> bool:
    """Does the outlet name the site of ``url``? One of the outlet's forms — its letters, the
    same without "the"/"of"/"de", its first word or two (5 letters or more), the initials of its
    words, alone or before its last word ("The New York Times" → "ny"+"times") — is the
    domain's name ("nytimes" of www.nytimes.com), or (4 letters or more) is inside it or holds
    it. A parent company ("Gannett" for usatoday.com) or a wire ("Reuters" on another site)
    does not match."""
    if not found:
        return False
    host = urlparse(url).netloc.lower().removeprefix("www.")
    labels = {host.split(".")[0], squash(host.rsplit(".", 1)[0])}
    words = [w for w in re.findall(r"\w+", found) if w.lower() not in ("the", "of", "de", "and")]
    if not words:
        return False
    initials = "".join(w[0] for w in words).lower()
    forms = {
        squash(found),
        squash(" ".join(words)),
        initials,
        initials[:-1] + squash(words[-1]),
        squash(" ".join(words[:2])),
    }
    forms |= {squash(words[0])} if len(squash(words[0])) >= 5 else set()
    return any(f and (f == lab or (len(f) >= 4 and (f in lab or lab in f))) for f in forms for lab in labels)


def rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.1%}" if total else "n/a"


def polnear(shared: Path, split: str) -> dict[str, Any]:
    """Title, outlet, date and author accuracy on one PolNeAR split."""
    base = shared / "eval" / "polnear"
    with open(base / "metadata.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == split]
    counts = dict.fromkeys(
        ("n", "title", "outlet_publisher", "outlet_any", "outlet_given", "date", "date_given"), 0
    )
    counts.update(headline=0, author=0, author_gold=0, author_given=0, author_right_given=0)
    wrong_dates: list[str] = []
    for row in rows:
        article = _read_one(base / split / "text" / f"{row['filename']}.txt")
        counts["n"] += 1
        counts["title"] += same_title(article.title, row["title"])
        counts["headline"] += same_title(article.title, row["title"], headline_only=True)
        publisher = PUBLISHERS[row["publisher"]]
        wire = [] if row["wire"] in ("None", "NA", "") else [row["wire"]]
        counts["outlet_publisher"] += same_outlet(article.source, [publisher])
        counts["outlet_any"] += same_outlet(article.source, [publisher, *wire])
        counts["outlet_given"] += article.source is not None
        gold_date = date.fromisoformat(row["publication_date"])
        counts["date"] += article.published == gold_date
        counts["date_given"] += article.published is not None
        if article.published is not None and article.published != gold_date:
            wrong_dates.append(f"{row['filename']}: {article.published} (gold {gold_date})")
        gold_author = row["author"] if row["author"] not in ("None", "", "NA") else None
        if gold_author:
            counts["author_gold"] += 1
            counts["author"] += bool(article.author) and squash(article.author) in squash(gold_author)
        if article.author:
            counts["author_given"] += 1
            counts["author_right_given"] += bool(gold_author) and squash(article.author) in squash(
                gold_author
            )
    return {"counts": counts, "wrong_dates": wrong_dates}


def _read_one(path: Path) -> Article:
    articles, errors = read_path(path)
    if errors or len(articles) != 1:
        raise SystemExit(f"{path}: {errors}")
    return articles[0]


def extraction(shared: Path, *, html: bool = True) -> dict[str, Any]:
    """Outlet against the URL's domain, and how often titles and dates are found (and agree)
    from the copied text and from the HTML (``html=False``: the copied text alone)."""
    base = shared / "eval" / "article-extraction"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    counts = dict.fromkeys(
        ("n", "text_outlet", "html_outlet", "text_date", "html_date", "both_dates", "dates_agree"), 0
    )
    counts.update(text_title_found=0, titles_agree=0, dates_near=0)
    with tempfile.TemporaryDirectory() as tmp:
        for page_id, gold in sorted(truth.items()):
            text_path = base / "text" / f"{page_id}.txt"
            html_gz = base / "html" / f"{page_id}.html.gz"
            if not text_path.exists() or not html_gz.exists():
                continue
            from_text, from_html = _read_maybe(text_path), None
            if html:
                html_path = Path(tmp) / f"{page_id}.html"
                html_path.write_bytes(gzip.decompress(html_gz.read_bytes()))
                from_html = _read_maybe(html_path)
            counts["n"] += 1
            if from_text is not None:
                counts["text_outlet"] += outlet_matches_domain(from_text.source, gold["url"])
                counts["text_date"] += from_text.published is not None
                counts["text_title_found"] += not from_text.title_derived
            if from_html is not None:
                counts["html_outlet"] += outlet_matches_domain(from_html.source, gold["url"])
                counts["html_date"] += from_html.published is not None
            if from_text is not None and from_html is not None:
                counts["titles_agree"] += squash(from_text.title) == squash(from_html.title)
                if from_text.published and from_html.published:
                    counts["both_dates"] += 1
                    counts["dates_agree"] += from_text.published == from_html.published
                    counts["dates_near"] += abs((from_text.published - from_html.published).days) <= 1
    return {"counts": counts}


def _read_maybe(path: Path) -> Article | None:
    articles, _ = read_path(path)
    return articles[0] if articles else None


def report_polnear(split: str, result: dict[str, Any]) -> list[str]:
    c = result["counts"]
    lines = [
        f"PolNeAR {split} ({c['n']} articles)",
        f"  title right                      {rate(c['title'], c['n'])}",
        f"  title right, NYT deck aside      {rate(c['headline'], c['n'])}",
        f"  outlet = publisher               {rate(c['outlet_publisher'], c['n'])}",
        f"  outlet = publisher or wire       {rate(c['outlet_any'], c['n'])}",
        f"  outlet given                     {rate(c['outlet_given'], c['n'])}"
        f"  (right when given: {rate(c['outlet_any'], c['outlet_given'])})",
        f"  date right                       {rate(c['date'], c['n'])}",
        f"  date given                       {rate(c['date_given'], c['n'])}"
        f"  (right when given: {rate(c['date'], c['date_given'])})",
        f"  author right (gold has one)      {rate(c['author'], c['author_gold'])}",
        f"  author given                     {c['author_given']}"
        f"  (right when given: {rate(c['author_right_given'], c['author_given'])})",
    ]
    lines += [f"    wrong date: {w}" for w in result["wrong_dates"][:10]]
    return lines


def report_extraction(result: dict[str, Any]) -> list[str]:
    c = result["counts"]
    return [
        f"Article extraction ({c['n']} pages)",
        f"  outlet names the URL's site      text {rate(c['text_outlet'], c['n'])}"
        f"   html {rate(c['html_outlet'], c['n'])}",
        f"  date found                       text {rate(c['text_date'], c['n'])}"
        f"   html {rate(c['html_date'], c['n'])}",
        f"  text date = html date            {rate(c['dates_agree'], c['both_dates'])}"
        " (pages where both have one)",
        f"  text date within a day of html   {rate(c['dates_near'], c['both_dates'])}"
        " (the HTML's metadata is often in UTC, the page shows local time)",
        f"  title from a headline line       text {rate(c['text_title_found'], c['n'])}",
        f"  text title = html title          {rate(c['titles_agree'], c['n'])}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--split", action="append", help="PolNeAR split(s) (default: train and dev)")
    parser.add_argument("--only", choices=("polnear", "extraction"))
    args = parser.parse_args(argv)
    lines: list[str] = []
    if args.only in (None, "polnear"):
        for split in args.split or ["train", "dev"]:
            lines += report_polnear(split, polnear(args.shared, split))
    if args.only in (None, "extraction"):
        lines += report_extraction(extraction(args.shared))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
