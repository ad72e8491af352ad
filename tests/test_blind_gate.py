"""Quality gate: resolved speakers on the texts written blind (bench/data/blind*, our own texts,
keyed by the helpers who wrote them without seeing the extractor), through the real CLI, against
the floors in tests/floors/blind.yaml (floors only go up)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.benchload import bench as load_bench

ROOT = Path(__file__).resolve().parent.parent
FLOORS = yaml.safe_load((ROOT / "tests" / "floors" / "blind.yaml").read_text(encoding="utf-8"))


# the least number of key lines each part has (every key line was read)
LINES = {
    "tune": 1000,
    "held-out": 750,
    "tune-r6": 400,
    "held-out-r6": 200,
    "tune-r7": 400,
    "held-out-r7": 200,
    "tune-r8": 190,
    "held-out-r8": 450,
    "tune-r9": 390,
    "held-out-r9": 180,
    "tune-r10": 230,
    "tune-r11": 185,
    "held-out-r11": 410,
    "tune-r12": 200,
    "held-out-r12": 375,
    "tune-r13": 400,
    "held-out-r13": 175,
    "tune-r14": 385,
    "held-out-r14": 215,
    "tune-r15": 430,
    "held-out-r15": 190,
}


@pytest.mark.parametrize("part", list(LINES))
def test_resolved_speakers_on_blind_texts_hold_their_floor(part: str) -> None:
    result = load_bench("blind_texts").score(part)
    assert result.total > LINES[part]
    assert result.rate >= FLOORS[part], result.wrong[:20] if part.startswith("tune") else result.rate


def test_a_key_line_is_right_only_for_the_speaker_it_names() -> None:
    right = load_bench("blind_texts").right
    assert right("Fiona MacAskill", True, "Fiona MacAskill")
    assert right("MacAskill", True, "Fiona MacAskill")  # a surname the canonical name ends with
    assert not right("Dev Malhotra", True, "Fiona MacAskill")
    assert not right("Fiona MacAskill", False, "Fiona MacAskill")  # a quote we did not extract
    assert right(None, False, "-") and right(None, True, "-")
    assert not right("spokesman", True, "-")
    assert not right("Ann", True, "Ann Lee-Ann")  # too short to stand for the name
    assert right("Hélène Vasseur", True, "Helene Vasseur")  # accents aside: a key may drop them
    assert not right("Hélène Vasseur", True, "Helena Vasseur")
