"""Quality gate: article bodies out of real pages, from the HTML and from the copied text.

Runs ``bench/extraction.py`` (ingest + clean on the 181 pages of the article extraction benchmark,
scored with the benchmark's own ``evaluate.py``) and holds the F1 figures to the floors in
``tests/floors/extraction.yaml``: on the whole set and on the held-out part no threshold was tuned
on. The data is third-party and lives in ``../shared``: missing, the gate fails on CI and skips
elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench import extraction
from tests.conftest import SHARED, require

FLOORS = Path(__file__).resolve().parent / "floors" / "extraction.yaml"
# The goal for copied text (reached): its floor may never fall under it.
TEXT_GOAL = 0.90


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, dict[str, float]]]:
    data = require(SHARED / "eval" / "article-extraction")
    require(data / "ground-truth.json")
    return extraction.measure(data)


def floors() -> dict[str, dict[str, float]]:
    with FLOORS.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_floors_are_recorded_for_both_inputs_and_both_parts() -> None:
    recorded = floors()
    assert set(recorded) == {"html", "text"}
    for parts in recorded.values():
        assert set(parts) == {"all", "held-out"}
        assert all(0 < f <= 1 for f in parts.values())
    assert recorded["text"]["all"] >= TEXT_GOAL


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["html", "text"])
def test_body_f1_holds_its_floor(figures: dict[str, dict[str, dict[str, float]]], kind: str) -> None:
    for part, floor in floors()[kind].items():
        assert figures[kind][part]["f1"] >= floor, (kind, part, figures[kind][part])


@pytest.mark.slow
def test_our_html_reader_adds_to_trafilatura_alone(figures: dict[str, dict[str, dict[str, float]]]) -> None:
    """Measured in the same run: trafilatura's own extract with its defaults, then our reader, on
    the whole set. (On the held-out part alone the two are level, 0.9603 and 0.9610 when the floors
    were last raised; on the tune part, where our rules were set, 0.9691 against 0.9588.)"""
    assert figures["html"]["all"]["f1"] > figures["trafilatura"]["all"]["f1"]


def test_split_is_deterministic_and_about_sixty_forty() -> None:
    ids = [f"{n:064x}" for n in range(1000)]
    parts = [extraction.part_of(i) for i in ids]
    assert parts == [extraction.part_of(i) for i in ids]
    assert 0.55 < parts.count("tune") / len(parts) < 0.70
