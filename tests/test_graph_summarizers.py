"""The sparse LexRank and TextRank rank sentences exactly as sumy 0.13 does.

The reference is sumy itself (``sumy-lexrank`` / ``sumy-textrank``) run on the same sentences in
the same process. One rule is ours: scores that are mathematically equal (the graph cannot tell
the sentences apart) come out of sumy's dense BLAS product a few units in the last place apart,
depending on where each sentence sits, so sumy orders them by rounding noise. We rank such ties in
document order, which is what sumy does for exactly equal ratings. ``canonical`` applies that rule
to sumy's ranking; everything else must match position for position.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Sequence
from pathlib import Path

import pytest

from briefing.models import Sentence
from briefing.segment import segment, split_paragraphs
from briefing.summarizers import Pick, available, create
from briefing.summarizers.graph import GraphSummarizer, lexrank_scores, textrank_scores

NAMES = ("lexrank", "textrank")
NOISE = 1e-12  # relative: rounding noise is ~1e-15, real score differences far larger


def canonical(picks: Sequence[Pick]) -> list[int]:
    """sumy's ranking with runs of equal-up-to-noise scores put in document order."""
    runs: list[list[Pick]] = []
    for pick in picks:
        if runs and abs(pick.score - runs[-1][0].score) <= NOISE * abs(runs[-1][0].score):
            runs[-1].append(pick)
        else:
            runs.append([pick])
    return [p.position for run in runs for p in sorted(run, key=lambda q: q.position)]


def reference(
    name: str, sentences: Sequence[Sentence], params: dict | None = None, **budget: int
) -> tuple[Pick, ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # sumy's 0/0 on a graph without edges
        return create(f"sumy-{name}", params).select(sentences, **budget)


def assert_same_ranking(name: str, sentences: Sequence[Sentence], params: dict | None = None) -> None:
    expected = reference(name, sentences, params)
    ours = create(name, params).select(sentences)
    assert [p.position for p in ours] == canonical(expected)
    by_position = {p.position: p.score for p in expected}
    for pick in ours:
        score = by_position[pick.position]
        # sumy's NaN (a LexRank graph without edges) is reported as 0.0
        assert pick.score == (pytest.approx(score, rel=1e-9, abs=1e-300) if score == score else 0.0)


def make(texts: Sequence[str], article: str = "a") -> list[Sentence]:
    return [Sentence(article, 0, i, 0, len(t), t) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def seed_sentences(seed_paths: list[Path]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for path in seed_paths:
        sentences.extend(segment(split_paragraphs(path.read_text(encoding="utf-8"), path.stem)))
    return sentences


def test_registry_points_plain_names_at_the_sparse_implementation() -> None:
    assert {"lexrank", "textrank", "sumy-lexrank", "sumy-textrank"} <= set(available())
    for name in NAMES:
        assert isinstance(create(name), GraphSummarizer)
        assert not isinstance(create(f"sumy-{name}"), GraphSummarizer)


@pytest.mark.seeds
@pytest.mark.parametrize("name", NAMES)
def test_seeds_full_ranking_matches_sumy(name: str, seed_sentences: list[Sentence]) -> None:
    assert len(seed_sentences) > 150
    assert_same_ranking(name, seed_sentences)


@pytest.mark.seeds
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("count", [1, 3, 5, 10, 20, 40])
def test_seeds_selection_matches_sumy_exactly(name: str, count: int, seed_sentences: list[Sentence]) -> None:
    # No rounding-noise tie falls at these cut-offs: the selection is sumy's, bit for bit.
    expected = reference(name, seed_sentences, count=count)
    ours = create(name).select(seed_sentences, count=count)
    assert [p.position for p in ours] == [p.position for p in expected]


@pytest.mark.seeds
@pytest.mark.parametrize("name", NAMES)
def test_seeds_word_budget_matches_sumy(name: str, seed_sentences: list[Sentence]) -> None:
    expected = reference(name, seed_sentences, words=120)
    ours = create(name).select(seed_sentences, words=120)
    assert [p.position for p in ours] == [p.position for p in expected]


@pytest.mark.seeds
@pytest.mark.parametrize("name", NAMES)
def test_seeds_per_article_pools_match_sumy(name: str, seed_sentences: list[Sentence]) -> None:
    for article in sorted({s.article_id for s in seed_sentences}):
        assert_same_ranking(name, [s for s in seed_sentences if s.article_id == article])


# ------------------------------------------------------------------------------- random corpora

_CONTENT = (
    "economy inflation rates bank minister said war ceasefire talks troops border election "
    "vote court ruling oil prices gas energy market growth running runs ran"
).split()
_STOPS = "the a of and to in is it was he she they we that this".split()


def random_corpus(seed: int) -> list[Sentence]:
    """Sentences drawn from a small vocabulary: repeats, exact duplicates, sentences of stop words
    only, one-word sentences, words that stem alike, stray whitespace."""
    rng = random.Random(seed)
    n = rng.choice([1, 2, 3, 4, 7, 12, 25, 60, 120])
    vocabulary = rng.sample(_CONTENT, rng.randint(1, len(_CONTENT)))
    texts: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if texts and roll < 0.15:
            text = rng.choice(texts)  # the same sentence reported twice
        elif roll < 0.22:
            text = " ".join(rng.choices(_STOPS, k=rng.randint(0, 4))) + "."
        elif roll < 0.3:
            text = rng.choice(vocabulary).capitalize() + "."
        else:
            tokens = [
                rng.choice(vocabulary) if rng.random() < 0.7 else rng.choice(_STOPS)
                for _ in range(rng.randint(1, 14))
            ]
            text = " ".join(tokens).capitalize() + rng.choice(".!?")
        if rng.random() < 0.05:
            text = f" {text} "
        texts.append(text)
    return make(texts)


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("name", NAMES)
def test_random_corpus_ranking_matches_sumy(name: str, seed: int) -> None:
    assert_same_ranking(name, random_corpus(seed))


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("lexrank", {"threshold": 0.0}),
        ("lexrank", {"threshold": 0.3}),
        ("lexrank", {"threshold": 1.0}),
        ("lexrank", {"epsilon": 1e-6}),
        ("lexrank", {"threshold": -0.5}),
        ("textrank", {"damping": 0.5}),
        ("textrank", {"epsilon": 1e-6}),
        ("textrank", {"damping": 1.0}),
    ],
)
def test_parameters_match_sumy(name: str, params: dict) -> None:
    for seed in range(6):
        assert_same_ranking(name, random_corpus(100 + seed), params)


# ------------------------------------------------------------------------------------ edge cases


@pytest.mark.parametrize("name", NAMES)
def test_empty_input(name: str) -> None:
    assert create(name).select([]) == ()
    assert lexrank_scores([]) == [] and textrank_scores([]) == []


@pytest.mark.parametrize("name", NAMES)
def test_one_sentence(name: str) -> None:
    sentences = make(["Inflation rose sharply."])
    picks = create(name).select(sentences, count=3)
    assert [p.position for p in picks] == [0]
    assert_same_ranking(name, sentences)


@pytest.mark.parametrize("name", NAMES)
def test_all_stop_word_sentences(name: str) -> None:
    # LexRank: no edges at all, so sumy's scores are NaN and document order stands; we report 0.
    sentences = make(["It was the.", "And then they were.", "Of it.", "", "We."])
    picks = create(name).select(sentences)
    assert [p.position for p in picks] == [0, 1, 2, 3, 4]
    assert all(p.score == p.score for p in picks)  # no NaN leaks out
    assert_same_ranking(name, sentences)


@pytest.mark.parametrize("name", NAMES)
def test_duplicate_texts_share_the_last_score(name: str) -> None:
    # sumy keys ratings by text: both copies get the last copy's score and stay in document order.
    texts = ["Oil prices rose.", "Gas prices fell as oil rose.", "Oil prices rose.", "Talks stalled."]
    picks = create(name).select(make(texts))
    scores = {p.position: p.score for p in picks}
    assert scores[0] == scores[2]
    order = [p.position for p in picks]
    assert order.index(0) < order.index(2)
    assert_same_ranking(name, make(texts))


@pytest.mark.parametrize("name", NAMES)
def test_ties_are_in_document_order_whatever_the_position(name: str) -> None:
    # Isolated one-word sentences are indistinguishable to both graphs: however many precede them,
    # they tie and keep document order (sumy orders these by rounding noise).
    filler = [f"Market growth {w} slowed." for w in ("bank", "court", "vote", "oil", "gas")] * 7
    texts = [*filler, "Inflation.", *filler[:13], "Elections.", "Ceasefire."]
    sentences = make(texts)
    tied = [i for i, t in enumerate(texts) if " " not in t]
    order = [p.position for p in create(name).select(sentences)]
    assert [i for i in order if i in tied] == tied
    assert_same_ranking(name, sentences)


@pytest.mark.parametrize("name", NAMES)
def test_word_budget_and_count_apply_to_the_ranking(name: str) -> None:
    sentences = random_corpus(7)
    ranking = create(name).select(sentences)
    assert create(name).select(sentences, count=2) == ranking[:2]
    budgeted = create(name).select(sentences, words=15)
    assert sum(len(sentences[p.position].text.split()) for p in budgeted) <= 15


def test_bad_parameter_is_a_usage_error() -> None:
    from briefing.errors import UsageError

    with pytest.raises(UsageError):
        create("lexrank", {"threshold": "high"})
    for name in NAMES:
        with pytest.raises(UsageError):
            create(name, {"epsilon": 0})


# --- topic-sensitive walks (ours: sumy has no query) ---------------------------------------------


def test_biased_walk_is_a_distribution_that_follows_relevance_and_edges() -> None:
    from scipy import sparse

    from briefing.summarizers.graph import biased_scores

    # 0 and 1 point at each other, 2 points at 1, 3 has no edge at all.
    edges = sparse.csr_matrix(([1.0, 1.0, 1.0], ([0, 1, 2], [1, 0, 1])), shape=(4, 4))
    relevant = [0.0, 0.0, 1.0, 1.0]
    scores = biased_scores(edges, relevant, bias=1.0)
    assert scores == pytest.approx([0.0, 0.0, 0.5, 0.5])  # all jumps: relevance alone
    scores = biased_scores(edges, relevant, bias=0.5)
    assert sum(scores) == pytest.approx(1.0)
    # 1 is relevant to nobody but receives the walk from the relevant 2: centrality around it.
    assert scores[1] > scores[0] > 0.0


def test_a_query_biases_the_walks_and_keeps_only_standalone_sentences() -> None:
    from briefing.summarizers.coverage import CoverageParams, standalone

    harbour = [
        "Dock workers at the harbour walked out over the new night shifts on Monday.",
        "The harbour strike by dock workers left ships waiting outside the port.",
        "He said the dock workers would stay out.",
    ]
    flood = [
        "The river flooded four villages in the valley after days of heavy rain.",
        "Rescue crews evacuated villages in the flooded valley by boat.",
        "The flooded valley villages asked for army engineers to hold the river.",
    ]
    sentences = [
        Sentence(text=t, article_id=f"a{k}", paragraph=0, index=i, start=0, end=len(t))
        for k, group in enumerate((harbour, flood))
        for i, t in enumerate(group)
    ]
    for name in NAMES:
        summarizer = create(name)
        for question, story in (
            ("Why did the dock workers strike?", harbour),
            ("Which villages flooded?", flood),
        ):
            picks = summarizer.select(sentences, count=2, query=[question])
            texts = [sentences[p.position].text for p in picks]
            assert texts and all(t in story for t in texts), (name, question, texts)
            assert all(standalone(t, CoverageParams()) for t in texts)
