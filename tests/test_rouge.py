"""The ROUGE scorer: hand-computed cases, and every published MultiLing 2011 figure reproduced."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import rouge
from briefing.errors import UsageError


def test_tokens_lower_case_and_break_on_everything_but_letters_and_digits() -> None:
    assert rouge.tokens("The U.S.-led  coalition's 2,000 troops!") == [
        "the", "u", "s", "led", "coalition", "s", "2", "000", "troops"]


def test_unigram_recall_clips_repeats_per_reference() -> None:
    # Reference unigrams: the ×2, cat, sat = 4. The summary says "the" three times but the
    # reference only has it twice, so "the" earns 2 hits; "cat" earns 1; "dog" nothing.
    result = rouge.overlap("the the the cat dog", ["The cat sat the"], 1)
    assert (result.hits, result.total) == (3, 4)
    assert result.recall == pytest.approx(0.75)


def test_bigram_hits_and_totals_are_summed_over_references() -> None:
    # ref 1 bigrams: (a b) (b c) -> summary "a b c" hits both: 2/2
    # ref 2 bigrams: (c d) (d e) (e f) -> summary hits none: 0/3
    # -f A sums: 2 / 5, not the mean of 1.0 and 0.0.
    result = rouge.overlap("a b c", ["a b c", "c d e f"], 2)
    assert (result.hits, result.total) == (2, 5)
    assert rouge.recall("a b c", ["a b c", "c d e f"], 2) == pytest.approx(0.4)


def test_no_stemming_and_stop_words_count() -> None:
    assert rouge.recall("runs of the", ["running of the"], 1) == pytest.approx(2 / 3)


def test_empty_references_score_zero_and_bad_n_is_refused() -> None:
    assert rouge.recall("anything", [""], 2) == 0.0
    with pytest.raises(UsageError):
        rouge.overlap("a", ["a"], 0)


def test_parse_source_splits_title_date_and_body() -> None:
    text = "2005/01/08 Title here\n\nSaturday, January 8, 2005\n\nFirst para.\n\nSecond para.\n"
    source = rouge.parse_source("M0000.english", text)
    assert source.title == "2005/01/08 Title here"
    assert source.dateline == "Saturday, January 8, 2005"
    assert source.body == "First para.\n\nSecond para."


def test_source_sentences_leave_out_title_and_date(multiling_dir: Path) -> None:
    topic = rouge.load_multiling(multiling_dir)[0]
    sentences = rouge.source_sentences(topic.sources[0])
    assert sentences[0].text.startswith("U.S. citizens donating in 2005")
    assert all("Saturday, January 8" not in s.text for s in sentences)


def test_the_set_has_ten_topics_of_ten_sources_three_models_ten_peers(multiling_dir: Path) -> None:
    topics = rouge.load_multiling(multiling_dir)
    assert [t.id for t in topics] == [f"M00{i}" for i in range(10)]
    assert all(len(t.sources) == 10 and len(t.models) == 3 for t in topics)
    assert all([sid for sid, _ in t.peers] == [f"ID{i}" for i in range(1, 11)] for t in topics)


@pytest.mark.parametrize("n", [1, 2])
def test_every_published_system_score_is_reproduced(multiling_dir: Path, n: int) -> None:
    topics = rouge.load_multiling(multiling_dir)
    published = rouge.published_recall(multiling_dir, n)
    assert sorted(published) == sorted(f"ID{i}" for i in range(1, 11))
    for system, official in published.items():
        summaries = [dict(t.peers)[system] for t in topics]
        ours = rouge.average_recall(summaries, topics, n)
        assert ours == pytest.approx(official, abs=0.001), (system, n)
