"""Quality gate: quotes found and their speaker mentions on PolNeAR dev, by the corpus's protocol.

Runs ``briefing quotes dev/text --json`` (the real CLI) and PolNeAR's own ``score_quotes.py``
through bench/polnear.py, and fails when a figure drops below its floor in
tests/floors/polnear.yaml (floors only go up; see the comment there).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.benchload import bench as load_bench
from tests.conftest import SHARED, require

ROOT = Path(__file__).resolve().parent.parent
FLOORS = yaml.safe_load((ROOT / "tests" / "floors" / "polnear.yaml").read_text(encoding="utf-8"))


def _bench():
    return load_bench("polnear")


@pytest.fixture(scope="module")
def result():
    polnear = require(SHARED / "eval" / "polnear")
    return _bench().evaluate("dev", polnear)


def test_direct_quotations_found(result) -> None:
    missed = [r[2] for r in result.rows if r[0] == "MISSED"]
    assert result.recall >= FLOORS["recall"], missed[:20]


def test_extracted_quotes_are_attributions(result) -> None:
    assert result.precision >= FLOORS["precision"]


def test_speaker_mentions_overlap_the_annotated_source(result) -> None:
    wrong = [(r[2][:50], r[3], r[4]) for r in result.rows if r[0] == "SPEAKER"]
    assert result.speaker >= FLOORS["speaker"], wrong[:20]


def test_spans_hold_their_quote_in_the_file(result) -> None:
    assert result.bad_spans <= FLOORS["max_bad_spans"]


def test_floors_are_the_issue_targets_or_on_the_way() -> None:
    """The floors record measurements: rates in (0, 1], never below the figures before spans."""
    assert 0.921 <= FLOORS["recall"] <= 1 and 0.957 <= FLOORS["precision"] <= 1
    assert 0.435 < FLOORS["speaker"] <= 1
