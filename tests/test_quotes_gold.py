"""Quality gate: quotes found and attributed on the five seeds, against the hand-labelled gold.

Uses the real chain (ingest → clean → segment → extract → merge across the seeds) through
bench/quotes_report.py, and fails when a figure drops below its floor in tests/floors/quotes.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.benchload import bench as load_bench

ROOT = Path(__file__).resolve().parent.parent
FLOORS = yaml.safe_load((ROOT / "tests" / "floors" / "quotes.yaml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.seeds


def _bench():
    return load_bench("quotes_report")


@pytest.fixture(scope="module")
def report(seeds_dir, gold, shared_dir):
    return _bench().evaluate(seeds_dir, shared_dir / "gold" / "seed_quotes.yaml")


def test_the_gold_is_what_we_measure(report, gold):
    assert len(report.rows) == sum(len(v) for k, v in gold.items() if k != "boilerplate")


def test_full_quotes_found(report):
    missed = [r.quote for r in report.rows if r.kind == "full" and not r.found]
    assert report.rate("full", "found") >= FLOORS["full_found"], missed


def test_all_quotes_found(report):
    missed = [r.quote for r in report.rows if not r.found]
    assert report.rate(None, "found") >= FLOORS["all_found"], missed


def test_found_quotes_attributed_to_the_canonical_speaker(report):
    wrong = [(r.quote, r.expected, r.got, r.cue) for r in report.rows if r.found and not r.right]
    assert report.rate(None, "right") >= FLOORS["attributed"], wrong


def test_kind_full_or_partial_agrees(report):
    found = [r for r in report.rows if r.found]
    agree = sum(r.got_kind == r.kind for r in found) / len(found)
    assert agree >= FLOORS["kind_agrees"], [
        (r.quote, r.kind, r.got_kind) for r in found if r.got_kind != r.kind
    ]


def test_no_quote_comes_from_boilerplate(report):
    assert len(report.boilerplate) <= FLOORS["max_boilerplate_quotes"], report.boilerplate


def test_every_extracted_quote_points_at_its_words(report, seeds_dir):
    # the spans index Article.text exactly: the report recomputes text from each source
    bench = _bench()
    for _name, article, quotes in bench.load(seeds_dir):
        for q in quotes:
            (source,) = q.sources
            assert article.text[source.start : source.end] == q.text
            assert q.topics == ()
