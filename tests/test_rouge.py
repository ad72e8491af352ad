"""The ROUGE scorer: hand-computed cases, and every published MultiLing 2011 figure reproduced."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import rouge
from briefing.errors import UsageError


def test_tokens_lower_case_and_break_on_everything_but_letters_and_digits() -> None:
    assert rouge.tokens("The U.S.-led  coalition's 2,000 troops!") == [
        "the",
        "u",
        "s",
        "led",
        "coalition",
        "s",
        "2",
        "000",
        "troops",
    ]


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


def test_a_caption_in_place_of_the_date_line_stays_in_the_body() -> None:
    text = "Title\n\nCountries affected by the tsunami\n\nTuesday, January 18, 2005Through a telethon.\n"
    source = rouge.parse_source("M0004.english", text)
    assert source.dateline == ""
    assert source.body.startswith("Countries affected by the tsunami")


def test_leave_one_out_scores_each_topic_with_the_setting_tuned_on_the_others() -> None:
    # table[setting][topic] = (R-1, R-2). Setting 0 is best on topics 1 and 2, setting 1 only
    # on topic 0, where it is very good: tuned without topic 0, setting 0 wins and is scored there.
    table = [
        [(0.1, 0.0), (0.5, 0.2), (0.5, 0.2)],
        [(0.9, 0.4), (0.2, 0.0), (0.2, 0.0)],
    ]
    held = rouge.leave_one_out(table)
    # Without topic 0: setting 0 sums 1.4 vs 0.4. Without topic 1: setting 0 0.8 vs 1.5 -> 1.
    assert held.chosen == (0, 1, 1)
    assert held.scores == ((0.1, 0.0), (0.2, 0.0), (0.2, 0.0))
    assert held.mean(0) == pytest.approx(0.5 / 3)
    assert held.most_chosen() == 1


def test_leave_one_out_breaks_ties_towards_the_earlier_setting() -> None:
    held = rouge.leave_one_out([[(0.3,), (0.3,)], [(0.3,), (0.3,)]])
    assert held.chosen == (0, 0)
    with pytest.raises(UsageError):
        rouge.leave_one_out([[(0.3,)]])


def test_reading_order_is_by_article_then_position() -> None:
    from briefing.models import Sentence

    pool = [
        Sentence("b", 0, 3, 0, 1, "b3"),
        Sentence("a", 0, 1, 0, 1, "a1"),
        Sentence("b", 0, 0, 0, 1, "b0"),
        Sentence("a", 0, 0, 0, 1, "a0"),
    ]
    ordered = rouge.in_reading_order(pool, [1, 0, 3, 2])
    assert [s.text for s in ordered] == ["b0", "b3", "a0", "a1"]
    assert rouge.summary_text(ordered) == "b0 b3 a0 a1"
