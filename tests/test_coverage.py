"""The coverage summariser and the lead baseline: candidate filter, objective, budget, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import UsageError
from briefing.models import Sentence
from briefing.summarizers import available, create
from briefing.summarizers.coverage import CoverageParams, CoverageSummarizer, article_ranks, standalone

ROOT = Path(__file__).resolve().parent.parent


def pool(*articles: list[str]) -> list[Sentence]:
    """Sentences of several articles (ids a0, a1, …), numbered within each article."""
    out = []
    for a, texts in enumerate(articles):
        for i, text in enumerate(texts):
            out.append(Sentence(f"a{a}", 0, i, 0, len(text), text))
    return out


PLAIN = CoverageParams()


@pytest.mark.parametrize(
    "text",
    [
        "He said the ministers would meet again on Tuesday in Brussels.",
        "However, the ministers would meet again on Tuesday in Brussels.",
        "At the same time, the ministers would meet again on Tuesday in Brussels.",
        "the ministers would meet again on Tuesday in Brussels.",
        "The ministers would meet again on Tuesday in Brussels",  # no terminator: a heading
        "Ministers met.",  # too short
        '"We will meet again on Tuesday in Brussels, the minister said.',  # quotation left open
        " ".join(["word"] * 60) + ".",  # run-on
    ],
)
def test_fragments_headings_and_extremes_are_not_candidates(text: str) -> None:
    assert not standalone(text, PLAIN)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will meet again on Tuesday in Brussels.",
        '"We will meet again on Tuesday," the minister said in Brussels.',
        "2,000 people marched through the centre of Brussels on Tuesday.",
    ],
)
def test_complete_sentences_are_candidates(text: str) -> None:
    assert standalone(text, PLAIN)


def test_ranks_count_within_each_article_in_reading_order() -> None:
    sentences = pool(["One two three four five six.", "Two."], ["Three."])
    shuffled = [sentences[2], sentences[1], sentences[0]]
    assert article_ranks(shuffled) == [0, 1, 0]


SHARED = "Rescue teams reached the flooded villages of the northern province on Monday."
ARTICLES = [
    [
        "The storm destroyed bridges and roads across the northern province overnight.",
        SHARED,
        "A local football club postponed its anniversary dinner until the spring season.",
    ],
    [
        "Officials said rescue teams reached the flooded villages of the northern province.",
        "The storm destroyed bridges and roads across the northern province, officials said.",
    ],
    [
        "Rescue teams reached the flooded villages of the northern province after the storm.",
        "Farmers counted their losses as the water slowly receded from the fields.",
    ],
]


def test_shared_concepts_win_and_a_repeat_adds_nothing() -> None:
    sentences = pool(*ARTICLES)
    summarizer = CoverageSummarizer(CoverageParams(lead_bonus=0.0))
    picks = summarizer.select(sentences, count=10)
    texts = [sentences[p.position].text for p in picks]
    # The two statements several sources report come first, one wording each ...
    assert "Rescue teams reached" in texts[0] and "storm destroyed" in texts[1]
    # ... then new one-source content; other wordings of what is covered come last.
    assert {t.split()[0] for t in texts[2:4]} == {"A", "Farmers"}
    assert all("rescue" in t.lower() or "storm" in t for t in texts[4:])
    assert [p.score for p in picks] == sorted((p.score for p in picks), reverse=True)


def test_identical_text_in_two_articles_stays_two_candidates_but_one_pick() -> None:
    sentences = pool([SHARED, ARTICLES[0][0]], [SHARED, ARTICLES[1][1]], [ARTICLES[2][1], SHARED])
    picks = create("coverage").select(sentences, count=10)
    chosen = [p.position for p in picks if sentences[p.position].text == SHARED]
    assert len(chosen) == 1  # the second copy covers nothing new


def test_lead_bonus_prefers_the_earlier_sentence() -> None:
    a = "Rescue teams reached the flooded villages in the north on Monday morning."
    b = "Rescue teams reached the flooded villages in the north on Monday evening."
    sentences = pool([a, b], [b, a], [a])
    no_lead = CoverageSummarizer(CoverageParams(lead_bonus=0.0)).select(sentences, count=1)
    with_lead = CoverageSummarizer(CoverageParams(lead_bonus=8.0)).select(sentences, count=1)
    assert sentences[with_lead[0].position].index == 0
    assert with_lead[0].score > no_lead[0].score


def test_query_pulls_selection_towards_its_words() -> None:
    # The one-source sentence about farmers also leads an article of its own, so position does
    # not decide between it and the widely reported news; the query does.
    sentences = pool(*ARTICLES, [ARTICLES[2][1]])
    plain = create("coverage").select(sentences, count=1)
    focused = create("coverage").select(sentences, count=1, query=["farmers", "losses"])
    assert "Farmers" not in sentences[plain[0].position].text
    assert "Farmers" in sentences[focused[0].position].text


def test_budget_is_respected_and_filled_while_something_fits() -> None:
    # Every sentence brings words no other has, so each would add something: the greedy search
    # may only stop when nothing left fits.
    vocabulary = iter(f"w{i}x" for i in range(1000))
    articles = [
        [" ".join(["Alpha", *(next(vocabulary) for _ in range(n))]) + "." for n in (5, 9, 14, 20)]
        for _ in range(3)
    ]
    sentences = pool(*articles)
    for budget in (7, 25, 40, 61):
        picks = create("coverage").select(sentences, words=budget)
        used = sum(len(sentences[p.position].text.split()) for p in picks)
        assert used <= budget
        taken = {p.position for p in picks}
        left = [len(s.text.split()) for i, s in enumerate(sentences) if i not in taken]
        assert all(used + n > budget for n in left), (budget, used, left)


words_text = st.lists(
    st.sampled_from(
        "the storm rescue teams reached villages north minister said people flooded roads bridges "
        "water farmers losses officials Monday 2,000 He However".split()
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(words_text.map(lambda w: (" ".join(w)).capitalize() + "."), max_size=6), max_size=5),
    st.integers(min_value=0, max_value=120),
)
def test_any_pool_gives_valid_standalone_picks_within_budget(articles: list[list[str]], budget: int) -> None:
    sentences = pool(*articles)
    for name in ("coverage", "lead"):
        picks = create(name).select(sentences, words=budget)
        positions = [p.position for p in picks]
        assert len(set(positions)) == len(positions)
        assert all(0 <= i < len(sentences) for i in positions)
        assert all(standalone(sentences[i].text, PLAIN) for i in positions)
        assert sum(len(sentences[i].text.split()) for i in positions) <= budget


def test_lead_takes_the_articles_leads_in_turn() -> None:
    sentences = pool(*ARTICLES)
    picks = create("lead").select(sentences, count=4)
    assert [sentences[p.position].key for p in picks] == [("a0", 0), ("a1", 0), ("a2", 0), ("a0", 1)]


def test_parameters_come_from_the_configuration_and_unknown_ones_are_refused() -> None:
    assert CoverageParams.from_mapping({"lead_bonus": "3", "min_words": 4.0}) == CoverageParams(
        lead_bonus=3.0, min_words=4
    )
    with pytest.raises(UsageError, match="lead_bonsu"):
        create("coverage", {"lead_bonsu": 3})
    with pytest.raises(UsageError, match="min_words"):
        create("coverage", {"min_words": "many"})


def test_every_sumy_summariser_is_still_available_beside_ours() -> None:
    names = set(available())
    assert {
        "coverage",
        "lead",
        "sumy-lexrank",
        "sumy-textrank",
        "lsa",
        "luhn",
        "kl",
        "sumbasic",
        "edmundson",
    } <= names


_RUN = """
import json, sys
sys.path.insert(0, {root!r})
from tests.test_coverage import ARTICLES, pool
from briefing.summarizers import create
sentences = pool(*ARTICLES) * 3
print(json.dumps([p.position for p in create("coverage").select(sentences, words=60)]))
"""


def test_selection_does_not_depend_on_the_hash_seed() -> None:
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _RUN.format(root=str(ROOT))],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        runs.append(json.loads(out))
    assert runs[0] == runs[1] and runs[0]
