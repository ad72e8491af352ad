"""Quality gate: resolved speakers on general and crisis news no one here tuned the rules for
first, labelled blind: the article-extraction benchmark's 181 pages (their hand-checked bodies,
bench/data/resolution_news.tsv) and the 100 WikiNews texts of MultiLing 2011 (tsunamis,
earthquakes, conflicts; bench/data/resolution_wikinews.tsv).

Each set's bench (bench/resolution_news.py, bench/resolution_wikinews.py) writes the texts to a
temporary folder (the text stays in ../shared), runs the real CLI once and scores the labels of
the tune part and of the held-out part of its split (pages by hash, WikiNews by topic). The
held-out parts are never read to tune, only kept from falling: their errors are not printed.
Floors in tests/floors/resolution.yaml, keys ``news`` and ``wikinews``; they only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.benchload import bench as load_bench
from tests.conftest import SHARED, require

ROOT = Path(__file__).resolve().parent.parent
FLOORS = yaml.safe_load((ROOT / "tests" / "floors" / "resolution.yaml").read_text(encoding="utf-8"))
SETS = {
    "news": ("resolution_news", SHARED / "eval" / "article-extraction" / "ground-truth.json", 590),
    "wikinews": ("resolution_wikinews", SHARED / "eval" / "multiling2011" / "source", 401),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request, tmp_path_factory):
    name = request.param
    module, data, _ = SETS[name]
    require(data)
    bench = load_bench(module)
    texts = tmp_path_factory.mktemp(name)
    bench.write_texts(texts)
    return name, bench, bench.items(bench.run_cli(texts))


@pytest.mark.parametrize("part", ["tune", "held-out"])
def test_resolved_speakers_on_general_news(scored, part) -> None:
    name, bench, found = scored
    labels = [r for r in bench.read_labels(bench.LABELS) if bench.part_of(r["stem"]) == part]
    result = bench.score([i for i in found if bench.part_of(i.stem) == part], labels)
    detail = sorted(result.errors)[:20] if part == "tune" else f"{sum(result.right.values())} right"
    assert result.accuracy >= FLOORS[name][part], detail


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_labels_are_complete_and_distinct(name) -> None:
    module, _, size = SETS[name]
    bench = load_bench(module)
    labels = bench.read_labels(bench.LABELS)
    assert len(labels) == size
    assert all(row["speaker"].strip() for row in labels)
    assert len({(row["stem"], row["start"]) for row in labels}) == len(labels)
