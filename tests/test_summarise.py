"""Selection and cross-source merging, on small articles of our own."""

from __future__ import annotations

from datetime import date

import pytest

from briefing import summarizers
from briefing.compose import number_sources
from briefing.config import Topic
from briefing.models import AnalysedArticle, Article, Paragraph
from briefing.segment import segment, split_paragraphs
from briefing.summarise import Pool, eligible, in_source_order, select
from briefing.summarizers.base import word_count
from briefing.topics import TopicMatcher, match_topics

HARBOUR = Topic("harbour", "Harbour", ("harbour", "port", "dock workers", "strike"), sentences=3)

ARTICLE_A = """Harbour strike enters third day

Dock workers at the northern harbour extended their strike for a third day on Tuesday, halting all container traffic.
The union said the strike would continue until the port authority reopened talks on night-shift pay.
A spokesperson for the port authority said it had offered a new meeting on Friday.
The city council, meanwhile, approved a new budget for the public library system.
Ships were diverted to the southern port, where dock workers reported long queues.
"""

ARTICLE_B = """Port paralysed as walkout continues

Dock workers at the northern harbour extended their strike for a third day, halting all container traffic on Tuesday.
Local shops near the harbour said sales had dropped since the walkout began.
The weather office forecast rain for the rest of the week.
Fishermen said the strike had not affected the small boats of the old port.
"""


def analyse(text: str, path: str, published: date | None = None) -> AnalysedArticle:
    article = Article(id=path.upper(), path=path, title=text.splitlines()[0], text=text, published=published)
    paragraphs = split_paragraphs(text, article.id)
    # The first line is a headline: mark it as the clean stage would.
    paragraphs = [
        Paragraph(p.article_id, p.index, p.start, p.end, p.text, "heading" if p.index == 0 else "body")
        for p in paragraphs
    ]
    sentences = segment(paragraphs)
    topics = match_topics(sentences, TopicMatcher.from_topics([HARBOUR]))
    return AnalysedArticle(article, tuple(paragraphs), sentences, topics, ())


@pytest.fixture()
def corpus() -> list[AnalysedArticle]:
    return [analyse(ARTICLE_A, "a.txt", date(2026, 3, 2)), analyse(ARTICLE_B, "b.txt", date(2026, 3, 3))]


def make_pool(corpus: list[AnalysedArticle]) -> Pool:
    return Pool.build(corpus, {s.id: s.n for s in number_sources(corpus)})


def test_headings_and_fragments_are_not_eligible(corpus: list[AnalysedArticle]) -> None:
    pool = make_pool(corpus)
    texts = [s.text for s in pool.sentences]
    assert "Harbour strike enters third day" not in texts
    first = corpus[0].sentences[0]
    assert not eligible(first, "heading")
    assert eligible(corpus[0].sentences[1], "body")


def test_near_duplicates_from_two_sources_become_one_cited_entry(corpus: list[AnalysedArticle]) -> None:
    pool = make_pool(corpus)
    entries = select(
        pool, pool.positions("harbour"), summarizers.create("sumy-lexrank"), 3, query=HARBOUR.keywords
    )
    assert 1 <= len(entries) <= 3
    strike = [e for e in entries if "extended their strike for a third day" in e.text]
    assert len(strike) == 1, "the same news from two sources must appear once"
    entry = strike[0]
    assert sorted(entry.sources) == [1, 2]
    # The wording is verbatim from the first cited source.
    first_article = corpus[entry.sources[0] - 1].article
    assert entry.text in first_article.text
    assert {k[0] for k in entry.sentences} == {"A.TXT", "B.TXT"}


def test_selected_entries_are_topical_and_distinct(corpus: list[AnalysedArticle]) -> None:
    pool = make_pool(corpus)
    entries = select(
        pool, pool.positions("harbour"), summarizers.create("lexrank"), 3, query=HARBOUR.keywords
    )
    texts = [e.text for e in entries]
    assert len(set(texts)) == len(texts)
    assert not any("weather" in t or "library" in t for t in texts)
    ordered = in_source_order(entries)
    assert [(e.sources[0], e.sentences[0][1]) for e in ordered] == sorted(
        (e.sources[0], e.sentences[0][1]) for e in entries
    )


def test_no_matching_sentences_gives_no_entries(corpus: list[AnalysedArticle]) -> None:
    pool = make_pool(corpus)
    assert select(pool, pool.positions("budget"), summarizers.create("lexrank"), 3) == []


@pytest.mark.parametrize("name", summarizers.available())
def test_every_registered_summarizer_respects_budgets(name: str, corpus: list[AnalysedArticle]) -> None:
    pool = make_pool(corpus)
    summarizer = summarizers.create(name)
    picks = summarizer.select(pool.sentences, count=2, query=HARBOUR.keywords)
    assert 1 <= len(picks) <= 2
    assert len({p.position for p in picks}) == len(picks)
    assert all(0 <= p.position < len(pool.sentences) for p in picks)
    by_words = summarizer.select(pool.sentences, words=40)
    assert by_words and sum(word_count(pool.sentences[p.position].text) for p in by_words) <= 40


def test_unknown_summarizer_is_a_usage_error() -> None:
    from briefing.errors import UsageError

    with pytest.raises(UsageError, match="unknown summarizer"):
        summarizers.create("nonexistent")


def test_notable_quotes_prefer_known_speakers_and_spread_across_them() -> None:
    from briefing.compose import notable
    from briefing.models import Quote, QuoteSource

    def quote(speaker: str, kind: str = "full", sources: int = 1) -> Quote:
        return Quote(
            text=f"words of {speaker}",
            kind=kind,
            speaker=speaker,
            sources=tuple(QuoteSource(f"a{i}", "p", 0, 5, 0) for i in range(sources)),
        )

    quotes = [
        quote("unattributed"),
        quote("Ann Lee"),
        quote("Ann Lee", sources=3),
        quote("Bo Dahl", "partial"),
        quote("Cy Moor"),
    ]
    chosen = notable(quotes, 2)
    assert [q.speaker for q in chosen] == ["Ann Lee", "Cy Moor"]
    assert len(chosen[0].sources) == 3  # the more widely reported statement of Ann Lee
    assert [q.speaker for q in notable(quotes, 4)] == ["unattributed", "Ann Lee", "Ann Lee", "Cy Moor"]
