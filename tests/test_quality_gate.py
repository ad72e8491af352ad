"""Quality gate: the default summariser never scores below its recorded floor on MultiLing 2011.

Summaries go through ``briefing.pipeline.digest`` (what ``briefing summarize`` runs) and are
scored with ``bench/rouge.py`` as the organisers scored the published systems. The floors live in
tests/floors/rouge.yaml; they only go up (see the comment there).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench import rouge
from briefing.pipeline import digest
from briefing.summarizers.coverage import BACK_REFERENCES, CoverageParams, standalone

FLOORS = Path(__file__).resolve().parent / "floors" / "rouge.yaml"
WORDS = 250
# The best participant of the 2011 task, as published (ROUGE-1: ID2, ROUGE-2: ID3).
BEST_PUBLISHED = {"rouge_1": 0.4648, "rouge_2": 0.1733}


def floors() -> dict[str, dict[str, float]]:
    with FLOORS.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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


def test_floors_are_recorded_and_above_the_published_systems() -> None:
    recorded = floors()
    assert "coverage" in recorded
    for scores in recorded.values():
        assert set(scores) == {"rouge_1", "rouge_2"}
        # The claim the floors protect: better than every participant of the task.
        assert all(scores[k] > BEST_PUBLISHED[k] for k in BEST_PUBLISHED), scores


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
