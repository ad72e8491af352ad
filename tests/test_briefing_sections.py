"""The analyst's sections end to end on the Kellmar fixtures (fictional people and places, text of
our own): bottom line, timeline, positions of the parties, what changed, one section per sentence.

The fixtures' sentences name their days ("on Monday", "on Wednesday"). Until the segment stage
resolves them into ``Sentence.dates``, ``with_dates`` does it here the simple way (the nearest such
weekday within three days of the article's date), so the timeline is tested on dated records.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.config import load_config
from briefing.models import AnalysedArticle, Briefing
from briefing.pipeline import Corpus, load_corpus, make_briefing
from briefing.render import render_all

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY = re.compile(r"\bon (" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def with_dates(item: AnalysedArticle) -> AnalysedArticle:
    published = item.article.published
    if published is None:
        return item
    sentences = []
    for s in item.sentences:
        found = []
        for m in _DAY.finditer(s.text):
            delta = (WEEKDAYS.index(m.group(1).lower()) - published.weekday()) % 7
            found.append(published + timedelta(days=delta if delta <= 3 else delta - 7))
        sentences.append(dataclasses.replace(s, dates=tuple(found)))
    return dataclasses.replace(item, sentences=tuple(sentences))


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(__file__).resolve().parent / "fixtures" / "briefing"


@pytest.fixture(scope="module")
def corpus(folder: Path) -> Corpus:
    loaded = load_corpus([folder], load_config(folder / "briefing.yaml"))
    return dataclasses.replace(loaded, analysed=tuple(with_dates(a) for a in loaded.analysed))


@pytest.fixture(scope="module")
def briefing(corpus: Corpus, folder: Path) -> Briefing:
    return make_briefing(corpus, load_config(folder / "briefing.yaml"))


@pytest.fixture(scope="module")
def outputs(briefing: Briefing) -> dict[str, bytes]:
    return render_all(briefing, ["md", "json", "pdf"])


def by_title(briefing: Briefing) -> dict[str, int]:
    return {s.title: s.n for s in briefing.sources}


def test_dated_by_the_newest_source_over_the_period_of_the_dated_ones(briefing: Briefing) -> None:
    assert briefing.date == date(2026, 3, 5)
    assert briefing.period == (date(2026, 3, 2), date(2026, 3, 5))
    assert briefing.undated == 1


def test_timeline_in_date_order_with_merged_cited_entries(briefing: Briefing) -> None:
    entries = briefing.timeline
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert {e.date for e in entries} >= {date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 5)}
    n = by_title(briefing)
    # The first talks (Monday), reported by three sources, are one entry citing all three.
    monday = [e for e in entries if e.date == date(2026, 3, 2)]
    talks = [e for e in monday if "Port Alder" in e.text]
    assert len(talks) == 1, [e.text for e in monday]
    assert set(talks[0].sources) >= {
        n["Caldonia and Vesteria hold first talks on the Kellmar crossing"],
        n["Border talks end without agreement"],
    }
    # The closure (Wednesday) is told by the Courier that day and by the Wire the day after.
    closure = [e for e in entries if e.date == date(2026, 3, 4)]
    assert len(closure) == 1 and len(closure[0].sources) == 2
    # The second round (Thursday) is another meeting of the same two people: its own entry.
    assert any(e.date == date(2026, 3, 5) and "second round" in e.text.lower() for e in entries)


def test_bottom_line_newest_first_distinct_dated_and_cited(briefing: Briefing) -> None:
    dated = [k for k in briefing.key_points if k.date]
    assert dated, "no dated development in the bottom line"
    assert [k.date for k in dated] == sorted((k.date for k in dated), reverse=True)
    assert len({k.date for k in dated}) == len(dated)  # not the same meeting twice
    assert all(k.sources for k in briefing.key_points)


def test_positions_name_both_parties(briefing: Briefing) -> None:
    crossing = next(t for t in briefing.topics if t.name == "crossing")
    assert {p.party for p in crossing.positions} >= {"Caldonia", "Vesteria"}
    for p in briefing.positions:
        assert p.statements and all(s.speaker != "unattributed" for s in p.statements)
        assert all(s.kind in ("quote", "reported") and s.sources for s in p.statements)


def sections(md: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", md, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_no_sentence_or_quote_under_two_headings(briefing: Briefing, outputs: dict[str, bytes]) -> None:
    shown = [k.text for k in briefing.key_points] + [e.text for e in briefing.timeline]
    shown += [k.text for t in briefing.topics for k in t.sentences]
    shown += [s.text for p in briefing.positions for s in p.statements]
    assert len(shown) == len(set(shown))
    md = outputs["md"].decode()
    parts = sections(md)
    del parts["Sources"]  # the source list names every title: a headline in the timeline is one
    for text in shown:
        homes = [h for h, body in parts.items() if text[:60] in body.replace("\\", "")]
        assert len(homes) == 1, (text, homes)


def test_selection_reads_well(outputs: dict[str, bytes]) -> None:
    md = outputs["md"].decode()
    for bad in (
        "Photo:",  # a caption
        "Published: 2 March",  # a stamp
        "He said the talks were difficult",  # a pronoun without its referent
        "The latter rejected",
        "Yes. I would see that.",  # a bare answer
        "The offer is not serious and we are",  # cut off, and unattributed
        "It is a matter that worries us",  # what is?
    ):
        assert bad not in md, bad


def test_source_list_shows_no_machine_path(outputs: dict[str, bytes], folder: Path) -> None:
    md = outputs["md"].decode()
    data = json.loads(outputs["json"])
    assert str(folder) not in md and str(folder) not in outputs["json"].decode()
    assert "`f_notes.txt`" in md  # an article without a URL: its file name, relative
    assert "1 of 6 sources carries no date" in md
    assert data["undated_sources"] == 1
    for source in data["sources"]:
        assert not source["path"].startswith("/")


def test_json_carries_timeline_positions_and_bluf(outputs: dict[str, bytes]) -> None:
    data = json.loads(outputs["json"])
    for entry in data["timeline"]:
        assert set(entry) >= {"date", "text", "sources", "sentence"}
        assert {"article_id", "paragraph", "index", "start", "end"} <= set(entry["sentence"])
    assert data["positions"] and all({"party", "topic", "statements"} <= set(p) for p in data["positions"])
    statement = data["positions"][0]["statements"][0]
    assert set(statement) >= {"text", "speaker", "kind", "sources"}
    assert data["bluf"] and data["bluf"] == data["key_points"]


def test_pdf_reads_in_the_analyst_s_order(outputs: dict[str, bytes]) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(outputs["pdf"])).pages)
    order = [
        "Bottom line up front",
        "Timeline",
        "The Kellmar crossing",
        "Positions",
        "Who said what",
        "Sources",
    ]
    at = 0
    for heading in order:  # each heading after the one before it
        found = text.find(heading, at)
        assert found >= 0, f"{heading!r} missing after position {at}"
        at = found + len(heading)
    assert text.find("Timeline") < text.find("The Kellmar crossing") < text.find("Who said what")


def test_what_changed_marks_entries_new_since_the_last_briefing(corpus: Corpus, folder: Path) -> None:
    config = load_config(folder / "briefing.yaml")
    earlier = {a.article.id for a in corpus.analysed if a.article.published == date(2026, 3, 2)}
    b = make_briefing(corpus, config, known=earlier, since="2026-03-02")
    assert b.since == "2026-03-02" and len(b.new_sources) == 3
    new = [e for e in b.timeline if e.new]
    assert new and all(e.date > date(2026, 3, 2) for e in new)
    assert not any(e.new for e in b.timeline if e.date == date(2026, 3, 2))
    md = render_all(b, ["md"])["md"].decode()
    assert "What changed: 3 of 6 sources are new since the briefing of 2026-03-02" in md
    assert "**New** ·" in md
    data = json.loads(render_all(b, ["json"])["json"])
    assert data["changes"] == {"since": "2026-03-02", "new_sources": list(b.new_sources)}
    assert {e["date"] for e in data["timeline"] if e["new"]} <= {"2026-03-04", "2026-03-05"}


def test_an_explicit_date_overrides_but_the_period_stays_that_of_the_sources(
    corpus: Corpus, folder: Path
) -> None:
    b = make_briefing(corpus, load_config(folder / "briefing.yaml"), when=date(2026, 4, 1))
    assert b.date == date(2026, 4, 1) and b.period == (date(2026, 3, 2), date(2026, 3, 5))


def test_a_second_build_says_what_changed_since_the_first(tmp_path: Path) -> None:
    """Through the job: the earlier briefing's manifest in the output folder marks what is new."""
    from briefing.config import load_config
    from briefing.run.job import BuildOptions, build

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = sorted((Path(__file__).parent / "fixtures" / "briefing").glob("*.md"))
    assert len(sources) >= 3
    for p in sources[:-1]:
        (inbox / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    first = build([inbox], load_config(), out, BuildOptions(formats=("json",), when=date(2030, 1, 1)))
    assert json.loads((out / "latest.json").read_text(encoding="utf-8"))["changes"] is None
    assert first.briefing.since is None

    (inbox / sources[-1].name).write_bytes(sources[-1].read_bytes())
    build([inbox], load_config(), out, BuildOptions(formats=("json", "md"), when=date(2030, 1, 2)))
    data = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    assert data["changes"]["since"] == "2030-01-01"
    (new,) = data["changes"]["new_sources"]
    assert next(s for s in data["sources"] if s["n"] == new)["path"].endswith(sources[-1].name)
    assert "What changed: 1 of" in (out / "latest.md").read_text(encoding="utf-8")

    # Rebuilding the same day with --force compares with the earlier briefing, not with itself.
    build([inbox], load_config(), out, BuildOptions(formats=("json",), when=date(2030, 1, 2), force=True))
    assert len(json.loads((out / "latest.json").read_text(encoding="utf-8"))["changes"]["new_sources"]) == 1
