"""Metadata from the text as it arrives: bylines, datelines and stamps; dates in every form;
outlets from metadata, agency tags, titles and URLs; and what must not be taken for any of them.

Fixtures (``tests/fixtures/meta/``) are original text about fictional people and places.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.config import load_config
from briefing.ingest import read_path, split_outlet
from briefing.ingest.dates import (
    full_dates,
    infer_year,
    parse_date,
    partial_date,
    sentence_dates,
    url_date,
)
from briefing.ingest.fields import domain, headline, is_furniture
from briefing.ingest.stamps import copyright_owner, dated_line, dateline, line_stamp
from briefing.models import Article
from briefing.pipeline import analyse_article

META = Path(__file__).resolve().parent / "fixtures" / "meta"


def read(name: str) -> Article:
    articles, errors = read_path(META / name)
    assert not errors and len(articles) == 1
    return articles[0]


# --- whole articles: each form of stamp, each outlet signal --------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "outlet", "published", "author"),
    [
        # "By A and B" above "STOCKHOLM (Reuters) –": the full date in the text is no stamp.
        (
            "wire_reuters.txt",
            "Harbour board backs new ferry link to the islands",
            "Reuters",
            None,
            "Mira Holt, Tomas Lind",
        ),
        # "Dec. 2 (UPI) --": the year from the text's other date (November 3, 2021).
        ("wire_upi.txt", "Island council delays vote on wind farm", "UPI", date(2021, 12, 2), None),
        # "MOSCOW, February 12. /TASS/.": no year anywhere, so no date (never today's year).
        ("wire_tass.txt", "Minister Orlov meets port delegation", "TASS", None, None),
        ("wire_eirns.txt", "Conference on river transport opens in Lyon", "EIRNS", date(2022, 1, 18), None),
        ("wire_ap.txt", "Mayor Ruiz opens the new river bridge", "AP", None, None),
        ("published_line.txt", "Library extends its opening hours", None, date(2021, 12, 3), "Ana Petrova"),
        ("date_line.txt", "Night trains return to the coast line", None, date(2021, 12, 2), None),
        ("agency_line.txt", "Glacier retreat speeds up in the northern valleys", "AFP", None, None),
        ("site_in_title.txt", "Port workers end strike after pay deal", "The Coast Courier", None, None),
        # A copied page: furniture first, the headline below it, "Name - date" under it.
        (
            "copied_page.txt",
            "Ferry operator halts crossings as storm nears the coast",
            None,
            date(2022, 1, 4),
            "Lena Marsh",
        ),
        # JSON without a date field: the "Published:" line; no outlet field: the URL's domain.
        (
            "no_date.json",
            "Council approves budget for the harbour",
            "coastcourier.co.uk",
            date(2022, 1, 14),
            None,
        ),
        # HTML without date metadata: the dateline, its year from the text.
        ("page.html", "Bridge works finish early", "Reuters", date(2021, 12, 2), None),
        # A copied page: the date line under the headline (not the embedded post's date), the
        # outlet from the copyright line at the foot.
        (
            "copied_footer.txt",
            "Council Votes To Rebuild The Old Pier",
            "Valley Herald Media",
            date(2021, 12, 2),
            None,
        ),
        # The page's <title> above its navigation (a teaser's date in it), the h1 in other words
        # below: the stamps under the h1 count.
        (
            "copied_h1.txt",
            "Harbour board approves ferry link",
            "Coast Radio",
            date(2021, 12, 2),
            "Ines Hallberg",
        ),
        # HTML metadata wins over the text.
        ("page_meta.html", "Bridge works finish early", "The River Post", date(2021, 12, 3), None),
    ],
)
def test_article_metadata(
    name: str, title: str, outlet: str | None, published: date | None, author: str | None
) -> None:
    article = read(name)
    assert (article.title, article.source, article.published, article.author) == (
        title,
        outlet,
        published,
        author,
    )


def test_text_that_is_no_metadata() -> None:
    article = read("not_metadata.txt")
    # "- analysis" is the genre of the piece; "May", "the March on Washington" no dates; Reuters
    # in mid-sentence no outlet; "By Tuesday," no byline; "WASHINGTON-based" no dateline.
    assert article.title == "Trade talks stall again - analysis"
    assert (article.source, article.published, article.author) == (None, None, None)


def test_stamps_leave_the_sentences_and_spans_point_into_the_file() -> None:
    config = load_config(None)
    for name in ("wire_reuters.txt", "wire_upi.txt", "wire_tass.txt", "wire_eirns.txt", "published_line.txt"):
        article = read(name)
        analysed = analyse_article(article, config)
        first = analysed.sentences[0]
        assert article.text[first.start : first.end] == first.text
        assert first.text.split()[0] in ("The", "Transport", "Engineers"), (name, first.text)
        assert [s.index for s in analysed.sentences] == list(range(len(analysed.sentences)))
    # Nothing is rewritten: the stamp is still in the article text, before the first sentence.
    article = read("wire_tass.txt")
    first = analyse_article(article, config).sentences[0]
    assert article.text[: first.start].rstrip().endswith("/TASS/.")


def test_sentence_dates_are_resolved_against_the_article_date() -> None:
    config = load_config(None)
    analysed = analyse_article(read("wire_upi.txt"), config)  # published Thursday 2021-12-02
    by_text = {s.text: s.dates for s in analysed.sentences}
    assert by_text[next(t for t in by_text if "postponed" in t)] == (date(2021, 12, 2),)  # "on Thursday"
    assert by_text[next(t for t in by_text if "first presented" in t)] == (date(2021, 11, 3),)
    assert by_text[next(t for t in by_text if "delay would be short" in t)] == ()
    eirns = analyse_article(read("wire_eirns.txt"), config)  # Tuesday 2022-01-18
    assert eirns.sentences[0].dates == (date(2022, 1, 17),)  # "yesterday"
    assert eirns.sentences[1].dates == (date(2022, 1, 20),)  # "will end … on Thursday": ahead
    # Without an article date, a weekday cannot be placed: no guess.
    tass = analyse_article(read("wire_tass.txt"), config)
    assert all(s.dates == () for s in tass.sentences)


# --- stamps, one form at a time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet", "date_text", "rest"),
    [
        ("STOCKHOLM (Reuters) – The talks", "Reuters", None, "The talks"),
        ("WASHINGTON (AP) -- The talks", "AP", None, "The talks"),
        ("LONDON, Dec 2 (Reuters) - The talks", "Reuters", "Dec 2", "The talks"),
        ("Dec. 2 (UPI) -- The talks", "UPI", "Dec. 2", "The talks"),
        ("MOSCOW, February 12. /TASS/. The talks", "TASS", "February 12", "The talks"),
        ("Jan. 18, 2022 (EIRNS)—The talks", "EIRNS", "Jan. 18, 2022", "The talks"),
        ("KYIV, Ukraine (AP) — The talks", "AP", None, "The talks"),
        ("Geneva (CNN)The talks", "CNN", None, "The talks"),
        ("(Reuters) - The talks", "Reuters", None, "The talks"),
        ("WASHINGTON — The talks", None, None, "The talks"),
        ("Moscow, 2 December – The talks", None, "2 December", "The talks"),
    ],
)
def test_datelines(text: str, outlet: str | None, date_text: str | None, rest: str) -> None:
    stamp = dateline(text)
    assert stamp is not None
    assert (stamp.outlet, stamp.date_text, text[stamp.end :]) == (outlet, date_text, rest)


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases rose again.",
        "U.S.-led forces withdrew.",
        "NATO — the alliance — met.",
        "World Health Organization (WHO) Director Ines Vale said so.",
        "Senator Ruth Hale (R-Texas) — she said — agreed.",
        "Meanwhile — they said — nothing moved.",
        "The talks, Reuters reported, went on.",
        "By Tuesday, the talks had collapsed.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert dateline(text) is None
    assert line_stamp(text) is None


@pytest.mark.parametrize(
    ("line", "kind", "author", "outlet", "date_text"),
    [
        ("By Mira Holt and Tomas Lind", "byline", "Mira Holt, Tomas Lind", None, None),
        (
            "By Mira Holt, Tomas Lind and Ana de la Cruz",
            "byline",
            "Mira Holt, Tomas Lind, Ana de la Cruz",
            None,
            None,
        ),
        ("By Mira Holt, Reuters", "byline", "Mira Holt", "Reuters", None),
        ("By JOHN T. FARR", "byline", "JOHN T. FARR", None, None),
        ("By Jane Roe | Published December 2, 2021", "byline", "Jane Roe", None, "December 2, 2021"),
        ("Lena Marsh - Jan 4, 2022, 7:45 am CET", "byline", "Lena Marsh", None, "Jan 4, 2022"),
        ("By Reuters", "agency", None, "Reuters", None),
        ("AFP", "agency", None, "AFP", None),
        ("— AFP", "agency", None, "AFP", None),
        ("Published: 3 December 2021, 10:15 GMT", "published", None, None, "3 December 2021"),
        ("Published on Thursday, December 2, 2021", "published", None, None, "December 2, 2021"),
        ("date 2021-12-02", "published", None, None, "2021-12-02"),
        ("Posted 02.12.2021", "published", None, None, "02.12.2021"),
        ("Updated Dec 3, 2021 10:15 GMT", "updated", None, None, "Dec 3, 2021"),
        ("Friday, December 31, 2004", "date", None, None, "December 31, 2004"),
    ],
)
def test_stamp_lines(
    line: str, kind: str, author: str | None, outlet: str | None, date_text: str | None
) -> None:
    stamp = line_stamp(line)
    assert stamp is not None
    assert (stamp.kind, stamp.author, stamp.outlet, stamp.date_text) == (kind, author, outlet, date_text)


@pytest.mark.parametrize(
    "line",
    [
        "by time news",
        "May",
        "March on Washington",
        "Updated: 3 hours ago",
        "By the river",
        "Reuters reported it.",
    ],
)
def test_not_stamp_lines(line: str) -> None:
    assert line_stamp(line) is None


@pytest.mark.parametrize(
    ("line", "kind", "date_text", "author", "outlet"),
    [
        ("Nov 18, 2019 at 9:24 pm ET • 2 min read", "date", "Nov 18, 2019", None, None),
        (
            "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 20, 2019",
            "published",
            "November 19, 2019",
            None,
            None,
        ),
        (
            "Updated 10:01 pm PST, Tuesday, November 19, 2019",
            "updated",
            "Tuesday, November 19, 2019",
            None,
            None,
        ),
        (
            "Associated Press November 19, 2019, 9:02 AM",
            "date",
            "November 19, 2019",
            None,
            "Associated Press",
        ),
        (
            "Monday November 18, 2019 7:45 am PST by Joe Rossi",
            "date",
            "Monday November 18, 2019",
            "Joe Rossi",
            None,
        ),
        ("By Ana Lind Updated Nov 13, 2019, 10:28am EST", "updated", "Nov 13, 2019", "Ana Lind", None),
        ("21:17 18.11.2019 Get short URL", "date", "18.11.2019", None, None),
        ("11/19/2019 by Lars Berg", "date", "11/19/2019", "Lars Berg", None),
    ],
)
def test_date_lines_of_copied_pages(
    line: str, kind: str, date_text: str, author: str | None, outlet: str | None
) -> None:
    stamp = dated_line(line)
    assert stamp is not None
    assert (stamp.kind, stamp.date_text, stamp.author, stamp.outlet) == (kind, date_text, author, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "— Tova Brink (@tovabrink) November 28, 2021",  # an embedded post
        "The winter antiques and jewellery show at the town hall is December 6-8",  # a teaser
        "Tickets go on sale on Friday, Dec. 6, at the box office of the Elmsford theatre.",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert dated_line(line) is None


@pytest.mark.parametrize(
    ("footer", "owner"),
    [
        ("© 2019 Valley Herald LLC. All Rights Reserved. A Division of Hill Media", "Valley Herald"),
        ("Copyright © 2019, Quill Media, Inc., Contact Us", "Quill Media"),
        ("Copyright 2019. Coast Examiner. All Rights Reserved.", "Coast Examiner"),
        ("© The Elmsford News, a Digital First Media Newspaper", "The Elmsford News"),
        ("© Harbour Media Group Limited 2019", "Harbour Media Group"),
        ("©2019 Ascona", "Ascona"),
        ("Copyright and Reprint", None),
        ("© 2019", None),
        ("© Ann Lee Needle poking skin during a flu shot", None),  # a photo credit
        ("He said the Ã© in the name was a typo of the copyright holder", None),  # not a footer
    ],
)
def test_copyright_owner(footer: str, owner: str | None) -> None:
    assert copyright_owner("Body text.\n\n" + footer + "\nTerms of use") == owner


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jan. 18, 2022 10:15 GMT", date(2022, 1, 18)),
        ("December 2, 2021 at 10:15 am ET", date(2021, 12, 2)),
        ("Sept. 3, 2021", date(2021, 9, 3)),
        ("2 Dec 2021 10:00", date(2021, 12, 2)),
        ("02.12.2021", date(2021, 12, 2)),  # day first, as written outside the US
        ("11/19/2019", date(2019, 11, 19)),  # month first when the day cannot be a month
        ("Dec. 2", None),  # no year: not a publication date by itself
        ("3 hours ago", None),
        ("last Tuesday", None),
        ("May", None),
    ],
)
def test_parse_date_forms(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_year_less_dates_take_the_year_of_the_text_or_none() -> None:
    assert partial_date("NEW YORK, Nov. 19 (UPI)") == (None, 11, 19)
    assert partial_date("the 12th of February") == (None, 2, 12)
    assert partial_date("05/10/2018") == (2018, 10, 5)
    assert partial_date("11/19/2019") == (2019, 11, 19)
    assert infer_year(11, 19, [date(2015, 11, 13)]) == date(2015, 11, 19)
    # January after a December date is the next January.
    assert infer_year(1, 18, [date(2021, 12, 2)]) == date(2022, 1, 18)
    assert infer_year(1, 18, []) is None
    assert full_dates("Signed on May 4, 2020 and in force from 1 June 2021; May was busy.") == [
        date(2020, 5, 4),
        date(2021, 6, 1),
    ]


ANCHOR = date(2021, 12, 2)  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He met the minister on Tuesday.", (date(2021, 11, 30),)),
        ("They meet again on Thursday.", (date(2021, 12, 2),)),
        ("The talks will resume on Tuesday.", (date(2021, 12, 7),)),
        ("He spoke yesterday and again today.", (date(2021, 12, 1), date(2021, 12, 2))),
        ("The deal was struck last week.", (date(2021, 11, 25),)),
        ("The summit on December 1 ended early.", (date(2021, 12, 1),)),
        ("Dec. 2 was cold.", (date(2021, 12, 2),)),
        ("Talks on January 10 will follow.", (date(2022, 1, 10),)),
        ("It happened on 12 February 2020.", (date(2020, 2, 12),)),
        ("Last Thursday the port closed.", (date(2021, 11, 25),)),
        ("In May the rain fell.", ()),
        ("The March on Washington drew crowds.", ()),
        ("Sunday papers sold well.", (date(2021, 11, 28),)),
        ("Nothing happened.", ()),
    ],
)
def test_sentence_dates(sentence: str, expected: tuple[date, ...]) -> None:
    assert sentence_dates(sentence, ANCHOR) == expected


def test_sentence_dates_without_an_article_date() -> None:
    assert sentence_dates("He left on Tuesday.", None) == ()
    assert sentence_dates("Talks on December 1 ended.", None) == ()
    assert sentence_dates("Talks on December 1 ended.", None, [date(2021, 11, 20)]) == (date(2021, 12, 1),)
    assert sentence_dates("Talks on December 1, 2019 ended.", None) == (date(2019, 12, 1),)


# --- outlets and titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "headline_part", "outlet"),
    [
        ("Central bank rates rise again this month - WSJ", "Central bank rates rise again this month", "WSJ"),
        (
            "Central bank rates rise again this month – Twin Valley Herald",
            "Central bank rates rise again this month",
            "Twin Valley Herald",
        ),
        (
            "Central bank rates rise again this month - valleyherald.com",
            "Central bank rates rise again this month",
            "valleyherald.com",
        ),
        (
            "Central bank rates rise again this month : CityWire",
            "Central bank rates rise again this month",
            "CityWire",
        ),
        (
            "Opinion | Central bank rates rise again this month - The Valley Times",
            "Central bank rates rise again this month",
            "The Valley Times",
        ),
        (
            "Central bank rates rise again this month | Business | DW",
            "Central bank rates rise again this month",
            "DW",
        ),
        (
            "Opinion | Central bank rates rise again this month",
            "Central bank rates rise again this month",
            None,
        ),
        (
            "Central bank rates rise again this month - analysis",
            "Central bank rates rise again this month - analysis",
            None,
        ),
        (
            "Central bank rates rise again this month - Analysis",
            "Central bank rates rise again this month - Analysis",
            None,
        ),
        (
            "Central bank rates rise again this month - Politics",
            "Central bank rates rise again this month - Politics",
            None,
        ),
        ("Rates rise - and then fall", "Rates rise - and then fall", None),
        ("Why rates rise: a question of trade", "Why rates rise: a question of trade", None),
        ("Rates - a very long tail that is a second clause of the headline itself", None, None),
    ],
)
def test_site_name_split_off_the_title(title: str, headline_part: str | None, outlet: str | None) -> None:
    assert split_outlet(title) == (headline_part or title, outlet)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.valleyherald.com/2019/11/19/opinion/pier.html", date(2019, 11, 19)),
        ("https://valleyherald.com/news/2019-11-19-pier-reopens", date(2019, 11, 19)),
        ("https://valleyherald.com/pier-20191119-story.html", date(2019, 11, 19)),
        ("https://valleyherald.com/story/20191119", date(2019, 11, 19)),
        ("https://valleyherald.com/2019/11/pier", None),  # no day
        ("https://valleyherald.com/p/2019134512", None),  # an id, no date
        ("https://valleyherald.com/2019/13/45/pier", None),
        (None, None),
    ],
)
def test_date_from_the_url(url: str | None, expected: date | None) -> None:
    assert url_date(url) == expected


def test_feed_field_names(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(
        '{"title": "Pier reopens after storm repairs", "content": "The pier reopened on Friday.",'
        ' "publishedAt": "2021-12-03T09:00:00Z", "site_name": "Valley Herald", "creator": "Ana Lind"}',
        encoding="utf-8",
    )
    articles, _ = read_path(path)
    assert (articles[0].published, articles[0].source, articles[0].author) == (
        date(2021, 12, 3),
        "Valley Herald",
        "Ana Lind",
    )


def test_outlet_from_the_url() -> None:
    assert domain("https://www.valleyherald.com/news/a") == "valleyherald.com"
    assert domain("https://news.valleyherald.co.uk/a") == "valleyherald.co.uk"
    assert domain("/tmp/article.txt") is None
    assert domain(None) is None


def test_page_furniture_is_no_title() -> None:
    for line in (
        "World News",
        "Accessibility links",
        "Skip to content",
        "Skip to main content",  # four words, as many as a short headline
        "Jump to navigation",
        "Home",
        "DAX 15,100 +0.4% FTSE 7,300 -0.2%",
    ):
        assert is_furniture(line)
    assert not is_furniture("Park benches replaced")
    assert not is_furniture("Lakers hold off Hawks 112-107 in overtime")
    assert not is_furniture("2021 in 10 charts")
    assert not is_furniture("World leaders meet in Geneva for talks")
    assert not is_furniture("Skip to the end of the war: a memoir")
    assert headline("The council met.\n\nMore text here.") is None  # opens with prose: no search


def test_a_copied_page_opening_with_its_skip_link_keeps_its_headline(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Skip to main content\nAccessibility help\nHarbour Times\nHome\nWorld\nSport\nSign in\n"
        "Ferry strike ends after night of talks | World | Harbour Times\nBy Ola Strand\n\n"
        "The ferry strike ended on Tuesday after unions and the operator agreed on new rosters.\n",
        encoding="utf-8",
    )
    (article,), errors = read_path(page)
    assert not errors
    assert article.title == "Ferry strike ends after night of talks"
    assert article.source == "Harbour Times"


# --- quality gate on real data ---------------------------------------------------------------------

FLOORS = Path(__file__).resolve().parent / "floors" / "metadata.yaml"


def test_metadata_quality_gate(shared_dir: Path) -> None:
    """Title, outlet and date rates on PolNeAR and the copied pages stay at their floors."""
    import yaml

    from bench import metadata

    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))
    totals = {"n": 0, "headline": 0, "outlet_any": 0, "outlet_given": 0, "date": 0, "date_given": 0}
    for split in ("train", "dev"):
        counts = metadata.polnear(shared_dir, split)["counts"]
        for key in totals:
            totals[key] += counts[key]
    assert totals["n"] == 924
    assert totals["headline"] / totals["n"] >= floors["polnear"]["title"]
    assert totals["outlet_any"] / max(totals["outlet_given"], 1) >= floors["polnear"]["outlet_precision"]
    assert totals["date"] / max(totals["date_given"], 1) >= floors["polnear"]["date_precision"]
    pages = metadata.extraction(shared_dir, html=False)["counts"]
    assert pages["n"] == 181
    assert pages["text_outlet"] / pages["n"] >= floors["extraction_text"]["outlet"]
    assert pages["text_date"] / pages["n"] >= floors["extraction_text"]["date_found"]


def test_a_derived_title_is_never_a_stamp(tmp_path: Path) -> None:
    body = "The harbour board met on Tuesday and voted for the ferry link after a debate that ran late."
    cases = {
        "a.txt": f"STOCKHOLM (Reuters) – {body} It was close.\n",
        "b.txt": f"By Ann Lee and Bo Park\n\nPublished: 2 December 2021\n\n{body}\n\nIt was close.\n",
        # A label and a dash opening a headline is the headline's own.
        "c.txt": "EXCLUSIVE – Harbour board chair speaks.\n\n" + body + "\n",
    }
    titles = {}
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        articles, _ = read_path(tmp_path / name)
        titles[name] = articles[0].title
    assert titles["a.txt"] == titles["b.txt"] == body
    assert titles["c.txt"] == "EXCLUSIVE – Harbour board chair speaks."


def test_sentence_dates_survive_the_analysis_cache(tmp_path: Path) -> None:
    from briefing.pipeline import article_key
    from briefing.run.cache import AnalysisCache

    config = load_config(None)
    analysed = analyse_article(read("wire_upi.txt"), config)
    assert any(s.dates for s in analysed.sentences)
    cache = AnalysisCache(tmp_path, config.analysis_hash)
    cache.put(article_key(analysed.article), analysed)
    assert cache.get(article_key(analysed.article)) == analysed


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_bounded_stamp_or_none(text: str) -> None:
    from briefing.ingest.stamps import leading_stamp

    stamp = leading_stamp(text)
    assert stamp is None or 0 < stamp.end <= len(text)
    line = dated_line(text)
    assert line is None or line.date_text
    sentence_dates(text, ANCHOR)
    full_dates(text)


def test_a_subheading_like_the_title_does_not_hide_the_stamps_above_it(tmp_path: Path) -> None:
    text = (
        "Harbour board backs the ferry link\n\nBy Ann Lee\nPublished: 2 December 2021\n\n"
        "The harbour board of Norrvik voted on Tuesday to fund a ferry link to the islands.\n\n"
        "Harbour board backs the ferry link plan\n\nThe vote was close, the clerk said.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = read_path(tmp_path / "a.txt")[0][0]
    assert (article.author, article.published) == ("Ann Lee", date(2021, 12, 2))


def test_a_features_byline_labelled_words_names_the_author(tmp_path: Path) -> None:
    text = (
        "Last orders at the Kilbrannan Arms\n\nTHE WEEKEND REVIEW | INTERVIEW\n\n"
        "Words: Euan Drummond-Lacey\nPictures: Aisha Mohammed-Reid\nSaturday 22 March 2025 | 11 min read\n\n"
        "After four decades behind the bar, a widow is pulling her last pint.\n\n"
        "‘Do you ever regret it?’ I ask.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = read_path(tmp_path / "a.txt")[0][0]
    assert article.author == "Euan Drummond-Lacey"
