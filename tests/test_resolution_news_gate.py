"""Quality gate: resolved speakers on general news pages (the article-extraction benchmark's 181
pages, their hand-checked bodies), labelled blind in bench/data/resolution_news.tsv.

Runs the real CLI once on the page bodies (written to a temporary folder: the text stays in
../shared) through bench/resolution_news.py and scores the labels of the tune part and of the
held-out part of our split (bench/extraction.py ``part_of``: the held-out part is never read to
tune, only kept from falling). Floors in tests/floors/resolution.yaml, key ``news``; they only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.benchload import bench as load_bench
from tests.conftest import SHARED, require

ROOT = Path(__file__).resolve().parent.parent
FLOORS = yaml.safe_load((ROOT / "tests" / "floors" / "resolution.yaml").read_text(encoding="utf-8"))["news"]


@pytest.fixture(scope="module")
def news():
    return load_bench("resolution_news")


@pytest.fixture(scope="module")
def found(news, tmp_path_factory):
    require(SHARED / "eval" / "article-extraction" / "ground-truth.json")
    texts = tmp_path_factory.mktemp("news")
    news.write_texts(texts)
    return news.items(news.run_cli(texts))


@pytest.mark.parametrize("part", ["tune", "held-out"])
def test_resolved_speakers_on_general_news(news, found, part) -> None:
    labels = [r for r in news.read_labels(news.LABELS) if news.part_of(r["stem"]) == part]
    result = news.score([i for i in found if news.part_of(i.stem) == part], labels)
    floor = FLOORS[part]
    # the held-out part's errors are not printed: it is never read to tune
    detail = sorted(result.errors)[:20] if part == "tune" else f"{sum(result.right.values())} right"
    assert result.accuracy >= floor, detail


def test_the_news_labels_are_complete_and_distinct(news) -> None:
    labels = news.read_labels(news.LABELS)
    assert len(labels) == 590
    assert all(row["speaker"].strip() for row in labels)
    assert len({(row["stem"], row["start"]) for row in labels}) == len(labels)
