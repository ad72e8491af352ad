"""Quality gate: the default summariser never scores below its recorded floor on MultiLing 2011.

Summaries go through ``briefing.pipeline.digest`` (what ``briefing summarize`` runs) and are
scored with ``bench/rouge.py`` as the organisers scored the published systems. The floors live in
tests/floors/rouge.yaml; they only go up (see the comment there).

The query runs (``queries`` in the floors) ask each topic the question of
bench/queries/multiling2011.yaml, on the plain topics and with the next topic's texts added to
the pool as a distractor, at 250 and 100 words; beside their floors, the question must raise
ROUGE-2 over the generic digest of the same pool, measured in the same run, wherever the floors
file says it does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bench import quality, rouge
from briefing.pipeline import digest
from briefing.summarizers.coverage import BACK_REFERENCES, CoverageParams, standalone

FLOORS = Path(__file__).resolve().parent / "floors" / "rouge.yaml"
WORDS = 250


def recorded() -> dict[str, Any]:
    with FLOORS.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def floors() -> dict[str, dict[str, float]]:
    """The generic floors, per summariser."""
    return {name: scores for name, scores in recorded().items() if name != "queries"}


def query_floors() -> dict[str, dict[str, dict[str, float]]]:
    """The query floors: per summariser, per run (set_words), the floor and whether it gains."""
    queries: dict[str, dict[str, dict[str, float]]] = recorded()["queries"]
    return queries


@pytest.fixture(scope="module")
def topics(multiling_dir: Path) -> tuple[rouge.Topic, ...]:
    return rouge.load_multiling(multiling_dir)


@pytest.fixture(scope="module")
def summaries(multiling_dir: Path, topics: tuple[rouge.Topic, ...]) -> dict[str, list[list[str]]]:
    """Per summariser named in the floors, per topic, the sentences digest returns."""
    out = {}
    for name in floors():
        out[name] = [
            [
                k.text
                for k in digest(
                    [multiling_dir / "source" / s.name for s in t.sources], words=WORDS, summarizer=name
                )
            ]
            for t in topics
        ]
    return out


def test_the_default_beats_every_published_participant(
    multiling_dir: Path, topics: tuple[rouge.Topic, ...], summaries: dict[str, list[list[str]]]
) -> None:
    """The claim the floors protect, measured in this run: the default summariser scores above
    the best participant of the task (from the organisers' published CSV, the topline ID10 that
    saw the human summaries aside) on ROUGE-1 and ROUGE-2."""
    texts = [" ".join(sentences) for sentences in summaries["coverage"]]
    for n in (1, 2):
        published = rouge.published_recall(multiling_dir, n)
        best = max(score for system, score in published.items() if system in quality.PARTICIPANTS)
        assert rouge.average_recall(texts, topics, n) > best, (
            f"ROUGE-{n} not above the best participant {best}"
        )


def test_scores_never_drop_below_their_floor(
    topics: tuple[rouge.Topic, ...], summaries: dict[str, list[list[str]]]
) -> None:
    for name, floor in floors().items():
        texts = [" ".join(sentences) for sentences in summaries[name]]
        measured = {f"rouge_{n}": rouge.average_recall(texts, topics, n) for n in (1, 2)}
        for key, value in measured.items():
            assert value >= floor[key], f"{name} {key} fell to {value:.5f}, floor {floor[key]}"


def test_summaries_keep_the_word_limit_and_stand_alone(
    topics: tuple[rouge.Topic, ...], summaries: dict[str, list[list[str]]]
) -> None:
    params = CoverageParams()
    for sentences, topic in zip(summaries["coverage"], topics, strict=True):
        assert sum(len(s.split()) for s in sentences) <= WORDS
        assert len(sentences) >= 5
        titles = {s.title for s in topic.sources} | {s.dateline for s in topic.sources}
        for sentence in sentences:
            assert sentence not in titles
            assert standalone(sentence, params), sentence
            assert sentence.split()[0].lower().strip(",") not in BACK_REFERENCES


@pytest.fixture(scope="module")
def query_scores(
    multiling_dir: Path, topics: tuple[rouge.Topic, ...]
) -> dict[str, dict[str, tuple[float, float]]]:
    """Per summariser with query floors, per run: (generic R-2, query R-2) on the same pools."""
    questions = quality.load_queries(quality.QUERIES, topics)
    plain = [[multiling_dir / "source" / s.name for s in t.sources] for t in topics]
    sets = {"plain": plain, "distractor": quality.with_distractor(plain)}
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for name, runs in query_floors().items():
        out[name] = {}
        for run in runs:
            label, words = run.rsplit("_", 1)
            scores = []
            for asked in (None, questions):
                texts = quality.summaries_via_digest(name, sets[label], asked, words=int(words))
                assert max(len(t.split()) for t in texts) <= int(words)
                scores.append(rouge.average_recall(texts, topics, 2))
            out[name][run] = (scores[0], scores[1])
    return out


def test_query_floors_are_recorded_for_the_default_on_both_sets_and_budgets() -> None:
    runs = query_floors()["coverage"]
    assert set(runs) == {"plain_250", "plain_100", "distractor_250", "distractor_100"}
    for floor in runs.values():
        assert set(floor) == {"rouge_2", "gains"} and isinstance(floor["gains"], bool)
    # A question about the story must beat a generic digest of a pool holding two stories.
    assert runs["distractor_250"]["gains"] and runs["distractor_100"]["gains"]


def test_query_runs_never_drop_below_their_floor_and_the_question_helps(
    query_scores: dict[str, dict[str, tuple[float, float]]],
) -> None:
    for name, runs in query_floors().items():
        for run, floor in runs.items():
            generic, focused = query_scores[name][run]
            assert focused >= floor["rouge_2"], f"{name} {run}: query R-2 fell to {focused:.5f}"
            if floor["gains"]:
                assert focused > generic, f"{name} {run}: query R-2 {focused:.5f} <= generic {generic:.5f}"
