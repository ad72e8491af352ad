"""Golden tests: the whole pipeline on the five real seed articles (read from ../shared/seeds)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.config import load_config
from briefing.models import Briefing
from briefing.pipeline import Corpus, load_corpus, make_briefing
from briefing.render import render_all
from briefing.summarise import MIN_WORDS


def fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path) -> Corpus:
    return load_corpus([seeds_dir], load_config())


@pytest.fixture(scope="module")
def briefing(corpus: Corpus) -> Briefing:
    return make_briefing(corpus, load_config())


@pytest.fixture(scope="module")
def outputs(briefing: Briefing) -> dict[str, bytes]:
    return render_all(briefing, ["md", "json", "pdf"])


def test_every_seed_is_read(corpus: Corpus) -> None:
    assert len(corpus.analysed) == 5 and corpus.skipped == ()


def test_all_four_topic_sections_are_filled(briefing: Briefing) -> None:
    assert [t.heading for t in briefing.topics] == [
        "NATO expansion",
        "Sanctions",
        "Minsk accords",
        "Troop buildup",
    ]
    for topic in briefing.topics:
        assert topic.sentences, f"{topic.heading} is empty"
        assert len(topic.sentences) <= 4
    assert briefing.key_points


def test_key_sentences_are_verbatim_sentences_of_the_seed_they_cite(
    briefing: Briefing, corpus: Corpus
) -> None:
    by_n = {s.n: s for s in briefing.sources}
    analysed = {a.article.id: a for a in corpus.analysed}
    entries = [*briefing.key_points, *(k for t in briefing.topics for k in t.sentences)]
    for entry in entries:
        source = by_n[entry.sources[0]]
        raw = Path(source.path).read_text(encoding="utf-8")
        assert entry.text.lstrip("• ") in fold(raw), entry.text
        article_id, index = entry.sentences[0]
        assert article_id == source.id
        sentence = next(s for s in analysed[article_id].sentences if s.index == index)
        assert fold(sentence.text).lstrip("• ") == entry.text
        # Every other cited source really carries a sentence of the merged entry.
        cited_ids = {by_n[n].id for n in entry.sources}
        assert {k[0] for k in entry.sentences} == cited_ids


def test_no_fragments_among_key_sentences(briefing: Briefing) -> None:
    entries = [*briefing.key_points, *(k for t in briefing.topics for k in t.sentences)]
    for entry in entries:
        assert len(entry.text.split()) >= MIN_WORDS, entry.text
        assert re.search(r"[.!?…][”\"’»)]*$", entry.text), entry.text
        assert entry.text[0].isupper() or entry.text[0] in '“"«', entry.text
    assert not any(fold(e.text) == "in Sweden." for e in entries)


def test_no_gold_boilerplate_reaches_any_output(outputs: dict[str, bytes], gold: dict) -> None:
    pdf_text = fold("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(outputs["pdf"])).pages))
    md = fold(outputs["md"].decode())
    data = json.loads(outputs["json"])
    json_text = fold(json.dumps(data, ensure_ascii=False))
    entries = [e for items in gold["boilerplate"].values() for e in items]
    assert len(entries) >= 20
    for entry in entries:
        for name, text in (("md", md), ("json", json_text), ("pdf", pdf_text)):
            assert fold(entry) not in text, f"boilerplate {entry!r} in {name}"


def test_pdf_is_real(outputs: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(outputs["pdf"]))
    assert len(reader.pages) >= 2
    text = "\n".join(p.extract_text() for p in reader.pages)
    for heading in (
        "Key points",
        "NATO expansion",
        "Sanctions",
        "Minsk accords",
        "Troop buildup",
        "Who said what",
        "Sources",
    ):
        assert heading in text
    assert "“" in text and "”" in text
    assert "TLP:CLEAR" in text


def test_json_carries_the_model(outputs: dict[str, bytes], briefing: Briefing) -> None:
    data = json.loads(outputs["json"])
    assert [s["n"] for s in data["sources"]] == [1, 2, 3, 4, 5]
    assert {"n", "id", "title", "outlet", "published", "path"} <= set(data["sources"][0])
    assert len(data["topics"]) == 4
    for topic in data["topics"]:
        for sentence in topic["sentences"]:
            assert sentence["sources"] and all(1 <= n <= 5 for n in sentence["sources"])
    assert len(data["quotes"]) == len(briefing.quotes) > 0
