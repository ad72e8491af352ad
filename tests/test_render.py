"""Rendering: Markdown escaping, HTML without raw markup, a real PDF with real glyphs."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from briefing.models import (
    Briefing,
    KeySentence,
    Position,
    Quote,
    QuoteSource,
    Sentence,
    Source,
    Statement,
    TimelineEntry,
    TopicSection,
)
from briefing.render import Rendered, asset_fetcher, render_all

CYRILLIC = "Переговоры продолжатся в понедельник."


def briefing(text: str = "The harbour reopened on Monday after talks.") -> Briefing:
    sources = (
        Source(1, "a1", "Harbour reopens", "City Post", date(2026, 3, 2), "in/a.txt"),
        Source(2, "b2", "Порт открыт", None, None, "in/b.txt"),
    )
    quote = Quote(
        text="We have an agreement, and it holds",
        kind="full",
        speaker="Mara Stone",
        role="Harbour master",
        sources=(QuoteSource("a1", "in/a.txt", 10, 44, 1, 2),),
        topics=("harbour",),
    )
    partial = Quote(
        text="fragile",
        kind="partial",
        speaker="unattributed",
        sources=(QuoteSource("b2", "in/b.txt", 5, 12, 0, 0),),
    )
    key = KeySentence(text=text, sentences=(("a1", 2), ("b2", 0)), sources=(1, 2))
    return Briefing(
        title="Harbour brief",
        marking="TLP:AMBER",
        date=date(2026, 3, 3),
        period=(date(2026, 3, 2), date(2026, 3, 2)),
        sources=sources,
        key_points=(key,),
        topics=(
            TopicSection("harbour", "Harbour", (key, KeySentence(CYRILLIC, (("b2", 1),), (2,))), (quote,), 3),
            TopicSection("budget", "Budget", ()),
        ),
        quotes=(quote, partial),
        generated="2026-03-03T06:00:00+00:00",
        version="0.1.0",
    )


@pytest.mark.parametrize(
    "text",
    [
        '<img src="file:///etc/passwd">',
        "{{ 7*7 }}",
        "[click](http://x.example) ![p](http://x.example/p.png)",
        "*bold* _it_ `code` # not a heading",
        "1. not a list",
        "> not a quote",
        "a | b ~ c",
        "AT&T &amp; co",
    ],
)
def test_md_escape_renders_literally(text: str) -> None:
    rendered = Rendered(briefing(text))
    html = rendered.html
    from html import unescape
    from re import sub

    visible = unescape(sub(r"<[^>]+>", "", html))
    assert text in visible
    assert "<img" not in html.split("<main>")[1]
    assert "<a " not in html and "<code>" not in html.split("Sources")[0]


def test_markdown_structure() -> None:
    md = Rendered(briefing()).markdown
    assert md.startswith("# Harbour brief\n")
    assert "**TLP:AMBER** · 3 March 2026" in md
    for heading in ("## Bottom line up front", "## Harbour", "## Budget", "## Who said what", "## Sources"):
        assert heading in md
    assert "The harbour reopened on Monday after talks. [1, 2]" in md
    assert "*No reporting on this topic in these sources.*" in md
    assert "### Mara Stone (Harbour master)" in md
    # A quote without a known speaker is never shown (the JSON keeps it).
    assert "fragile" not in md and "unattributed" not in md
    assert json.loads(Rendered(briefing()).json)["quotes"][1]["speaker"] == "unattributed"
    assert "1. Harbour reopens — City Post, 2 March 2026." in md


def test_json_is_the_briefing_model() -> None:
    data = json.loads(Rendered(briefing()).json)
    assert [s["n"] for s in data["sources"]] == [1, 2]
    assert data["sources"][0]["published"] == "2026-03-02"
    assert data["key_points"][0] == {"text": "The harbour reopened on Monday after talks.", "sources": [1, 2]}
    assert data["topics"][0]["quotes"][0]["speaker"] == "Mara Stone"
    assert data["topics"][1]["sentences"] == []
    assert data["quotes"][0]["sources"][0] == {
        "n": 1,
        "article_id": "a1",
        "path": "in/a.txt",
        "start": 10,
        "end": 44,
        "speaker_span": None,
        "in": "text",  # no articles given: spans of Article.text
        "headline": False,
    }


def test_pdf_has_text_headings_marking_and_real_glyphs() -> None:
    pdf = render_all(briefing("He said: “the port is open” — «да».  "), ["pdf"])["pdf"]
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for needle in (
        "Harbour brief",
        "Bottom line up front",
        "Who said what",
        "Sources",
        "TLP:AMBER",
        "Page 1 of",
        "“the port is open”",
        "«да»",
        "Переговоры продолжатся",
    ):
        assert needle in text, needle
    # Every font in the PDF is the packaged DejaVu, embedded: no fallback font without glyphs.
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVu" in f for f in fonts), fonts
    # The packaged font covers what the PDF showed.
    from fontTools.ttLib import TTFont  # weasyprint dependency

    from briefing.render import _templates

    cmap = TTFont(io.BytesIO(_templates().joinpath("fonts/DejaVuSans.ttf").read_bytes())).getBestCmap()
    for ch in "“”«»—Переговоры":
        assert ord(ch) in cmap


def test_asset_fetcher_refuses_everything_but_packaged_assets() -> None:
    assert asset_fetcher("asset:fonts/DejaVuSans.ttf")["string"][:4] in (b"\x00\x01\x00\x00", b"true")
    for url in (
        "file:///etc/passwd",
        "http://127.0.0.1:1/x.css",
        "https://example.org/p.png",
        "asset:../briefing/cli/__init__.py",
        "data:text/plain,hi",
    ):
        with pytest.raises(ValueError, match="blocked"):
            asset_fetcher(url)


def test_large_briefings_cap_who_said_what_and_list_cited_sources() -> None:
    from briefing.render import LIST_ALL_SOURCES_UP_TO, MAX_QUOTES_PER_SPEAKER, MAX_SPEAKERS

    base = briefing()
    sources = tuple(
        Source(n, f"id{n}", f"Story {n}", None, None, f"in/{n}.txt")
        for n in range(1, LIST_ALL_SOURCES_UP_TO + 20)
    )
    quotes = tuple(
        Quote(
            text=f"Harbour statement number {i} of speaker {sp} is on the record",
            kind="full",
            speaker=f"Speaker {sp:02d}",
            sources=(QuoteSource(f"id{1 + (i + sp) % 30}", "p", 0, 5, 0, 0),),
        )
        for sp in range(MAX_SPEAKERS + 5)
        for i in range(MAX_QUOTES_PER_SPEAKER + 2)
    )
    big = Briefing(
        title="Big",
        marking="TLP:CLEAR",
        date=base.date,
        period=None,
        sources=sources,
        key_points=(KeySentence("A key point about the harbour.", (("id45", 0),), (45,)),),
        topics=(),
        quotes=quotes,
    )
    md = Rendered(big).markdown
    assert md.count("\n### Speaker ") == MAX_SPEAKERS
    assert "*5 further speakers are quoted; the JSON output lists every quote.*" in md
    assert md.count("- *… and 2 more (see the JSON output).*") == MAX_SPEAKERS
    listed = [line for line in md.splitlines() if line[:1].isdigit() and ". Story " in line]
    assert any(line.startswith("45. Story 45") for line in listed)  # cited by the key point
    assert len(listed) < len(sources) and "further articles were read" in md
    assert json.loads(Rendered(big).json)["quotes"].__len__() == len(quotes)


def test_long_citation_lists_are_shortened_in_print_but_kept_in_json() -> None:
    from briefing.render import MAX_CITATIONS

    base = briefing()
    sources = tuple(Source(n, f"id{n}", f"Story {n}", None, None, f"in/{n}.txt") for n in range(1, 11))
    key = KeySentence(
        "The same news from ten outlets.", tuple((f"id{n}", 0) for n in range(1, 11)), tuple(range(1, 11))
    )
    b = Briefing(
        title="T",
        marking="M",
        date=base.date,
        period=None,
        sources=sources,
        key_points=(key,),
        topics=(),
        quotes=(),
    )
    md = Rendered(b).markdown
    shown = ", ".join(str(n) for n in range(1, MAX_CITATIONS + 1))
    assert f"The same news from ten outlets. [{shown} +{10 - MAX_CITATIONS} more]" in md
    assert json.loads(Rendered(b).json)["key_points"][0]["sources"] == list(range(1, 11))


def test_timeline_table_and_positions_render_in_order() -> None:
    base = briefing()
    entry = TimelineEntry(
        date(2026, 3, 2),
        "The harbour reopened after talks | at last.",
        Sentence("a1", 1, 2, 0, 10, "x"),
        (("a1", 2),),
        (1, 2),
    )
    position = Position(
        "Harbour board",
        "harbour",
        (
            Statement("We have an agreement, and it holds", "Mara Stone", "quote", (1,)),
            Statement("The port will stay open all night from now on", "Mara Stone", "quote", (1,)),
            Statement("Mara Stone said the port would stay open.", "Mara Stone", "reported", (1, 2)),
        ),
    )
    topic = TopicSection("harbour", "Harbour", (), positions=(position,))
    b = dataclasses.replace(base, timeline=(entry,), topics=(topic,), undated=1)
    md = Rendered(b).markdown
    assert "| 2 Mar 2026 | The harbour reopened after talks \\| at last. | [1, 2] |" in md
    assert md.index("## Bottom line up front") < md.index("## Timeline") < md.index("## Harbour")
    assert md.index("#### Harbour board") < md.index("## Who said what")
    html = Rendered(b).html
    assert "<table>" in html and "<td>The harbour reopened after talks | at last.</td>" in html
    # Consecutive quotes are separate blocks, each with its own speaker and citation.
    assert html.count("— <strong>Mara Stone</strong> [1]</li>") == 2
    # A quote shown under the positions is not repeated in "Who said what".
    assert "### Mara Stone" not in md
    data = json.loads(Rendered(b).json)
    assert data["timeline"][0]["sentence"] == {
        "article_id": "a1",
        "paragraph": 1,
        "index": 2,
        "start": 0,
        "end": 10,
        "in": "text",  # no articles given: a span of Article.text
        "dates": [],
    }
    assert data["positions"][0]["party"] == "Harbour board"
    assert [s["kind"] for s in data["positions"][0]["statements"]] == ["quote", "quote", "reported"]
    assert "1 of 2 sources carries no date" in md


def test_a_long_timeline_breaks_between_rows_with_its_header_on_every_page() -> None:
    base = briefing()
    rows = tuple(
        TimelineEntry(
            date(2026, 1, 1 + i % 28),
            f"Event number {i} of the long timeline, told at some length so that rows wrap onto "
            f"a second line of the table and the table runs across several pages ({i}).",
            Sentence("a1", 0, i, 0, 1, "x"),
            (("a1", i),),
            (1,),
        )
        for i in range(90)
    )
    pdf = render_all(dataclasses.replace(base, timeline=rows), ["pdf"])["pdf"]
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    holding = [p for p in pages if "Event number" in p]
    assert len(holding) >= 3
    for page in holding:
        assert "Date Event Sources" in page  # the header repeats
    for i in range(90):
        # Every row whole on one page: never split across a page break.
        assert sum(f"several pages ({i})" in p and f"Event number {i} " in p for p in pages) == 1, i


def test_who_said_what_shows_a_speakers_words_once() -> None:
    # A headline's or a lede's phrase that repeats a statement of the same speaker is not
    # printed again beside it; a phrase of their own is; the JSON keeps every quote.
    base = briefing()
    src = (QuoteSource("a1", "in/a.txt", 0, 5, 0, 0),)

    def quote(text: str, kind: str = "partial") -> Quote:
        return Quote(text=text, kind=kind, speaker="Ola Brenn", sources=src)

    quotes = (
        quote("The pier is ours, it's under lease until 2031 and it's going nowhere", "full"),
        quote("it’s going nowhere"),  # the headline's copy, another apostrophe
        quote("going nowhere"),  # the lede's
        quote("a sad day for the town"),
    )
    md = Rendered(dataclasses.replace(base, quotes=quotes, topics=())).markdown
    assert md.count("going nowhere") == 1
    assert "Quoted phrase: “a sad day for the town”" in md
    assert "more (see the JSON output)" not in md  # a repeat is not a quote left out
    assert len(json.loads(Rendered(dataclasses.replace(base, quotes=quotes)).json)["quotes"]) == 4
