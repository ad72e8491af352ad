"""The analysis cache and the ordered worker pool: a hit is the very analysis, a corrupt entry is
discarded, and parallel runs give exactly the serial result."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

import pytest

from briefing import ingest
from briefing.config import load_config
from briefing.errors import ArticleError
from briefing.models import AnalysedArticle
from briefing.pipeline import analyse_article, article_key, load_corpus
from briefing.run.cache import AnalysisCache
from briefing.run.workers import MIN_PARALLEL, _chunks, run_ordered, worker_count


@pytest.fixture(scope="module")
def analysed(seed_paths: list[Path]) -> list[AnalysedArticle]:
    config = load_config(None)
    out = []
    for path in seed_paths:
        articles, errors = ingest.read_path(path)
        assert not errors
        out.extend(analyse_article(a, config) for a in articles)
    return out


def _entry(cache: AnalysisCache, key: str) -> Path:
    path = cache.path(key)
    assert path is not None
    return path


# ---------------------------------------------------------------------------------------- cache


def test_hit_returns_an_equal_analysis(tmp_path: Path, analysed: list[AnalysedArticle]) -> None:
    cache = AnalysisCache(tmp_path, "cfg")
    for value in analysed:
        key = article_key(value.article)
        assert cache.get(key) is None
        cache.put(key, value)
        assert cache.get(key) == value
    # A new cache object (the next run) reads the same entries back.
    again = AnalysisCache(tmp_path, "cfg")
    assert [again.get(article_key(v.article)) for v in analysed] == analysed
    assert again.hits == len(analysed) and again.discarded == 0


def test_other_config_misses(tmp_path: Path, analysed: list[AnalysedArticle]) -> None:
    value = analysed[0]
    key = article_key(value.article)
    AnalysisCache(tmp_path, "cfg-a").put(key, value)
    assert AnalysisCache(tmp_path, "cfg-b").get(key) is None
    assert AnalysisCache(tmp_path, "cfg-a").get(key) == value


def test_entry_under_another_key_is_not_served(tmp_path: Path, analysed: list[AnalysedArticle]) -> None:
    cache = AnalysisCache(tmp_path, "cfg")
    a, b = analysed[0], analysed[1]
    cache.put(article_key(a.article), a)
    # Someone copies a's entry over b's name: the header names a's key, so it is not trusted.
    target = _entry(cache, article_key(b.article))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_entry(cache, article_key(a.article)).read_bytes())
    assert cache.get(article_key(b.article)) is None
    assert not target.exists()


def _corruptions(raw: bytes) -> dict[str, bytes]:
    header, _, payload = raw.partition(b"\n")
    data = json.loads(payload)
    data[2][0][3] += 1  # first sentence's start moved: valid JSON, valid types, wrong checksum
    forged = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(forged).hexdigest()
    return {
        "empty": b"",
        "truncated": raw[: len(raw) // 2],
        "no payload": header,
        "garbage": os.urandom(256),
        "flipped byte": raw[:-10] + bytes([raw[-10] ^ 1]) + raw[-9:],
        "edited payload": header + b"\n" + forged,
        # Even with a matching checksum, a record whose span no longer fits its text is rejected.
        "forged checksum": json.dumps(fields).encode() + b"\n" + forged,
        "wrong types": json.dumps(fields).encode() + b"\n" + b"[1,2,3]",
        "not json header": b"\xff\xfe" + raw,
    }


@pytest.mark.parametrize(
    "kind",
    [
        "empty",
        "truncated",
        "no payload",
        "garbage",
        "flipped byte",
        "edited payload",
        "forged checksum",
        "wrong types",
        "not json header",
    ],
)
def test_corrupt_entry_is_discarded(tmp_path: Path, analysed: list[AnalysedArticle], kind: str) -> None:
    cache = AnalysisCache(tmp_path, "cfg")
    value = analysed[0]
    key = article_key(value.article)
    cache.put(key, value)
    path = _entry(cache, key)
    path.write_bytes(_corruptions(path.read_bytes())[kind])
    assert cache.get(key) is None
    assert cache.discarded == 1
    assert not path.exists()  # deleted, so the next put replaces it
    cache.put(key, value)
    assert cache.get(key) == value


def test_disabled_cache_stores_nothing(tmp_path: Path, analysed: list[AnalysedArticle]) -> None:
    cache = AnalysisCache(None, "cfg")
    cache.put("ab", analysed[0])
    assert cache.get("ab") is None


def test_unwritable_cache_is_not_an_error(tmp_path: Path, analysed: list[AnalysedArticle]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = AnalysisCache(blocker, "cfg")
    cache.put(article_key(analysed[0].article), analysed[0])
    assert cache.get(article_key(analysed[0].article)) is None


def test_key_must_be_hex(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        AnalysisCache(tmp_path, "cfg").get("../../etc/passwd")


# -------------------------------------------------------------------------------------- workers


def _square(x: int) -> int:
    return x * x


def _fail_on_seven(x: int) -> int:
    if x == 7 + MIN_PARALLEL:
        raise ArticleError(f"item{x}", "seven")
    return x


def test_chunks_cover_the_range_in_order() -> None:
    for n in range(0, 40):
        for parts in range(1, 12):
            chunks = _chunks(n, parts)
            flat = [i for start, stop in chunks for i in range(start, stop)]
            assert flat == list(range(n))
            sizes = [stop - start for start, stop in chunks]
            assert not sizes or max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize("workers", [0, 1, 2, 3])
def test_results_in_input_order(workers: int) -> None:
    items = list(range(MIN_PARALLEL * 3 + 5))
    assert run_ordered(_square, items, workers) == [x * x for x in items]
    assert run_ordered(_square, [], workers) == []


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count(3) == 3
    # 0 means one per core this process may run on: the affinity mask, not the machine's count.
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert worker_count(0) == 3
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    assert worker_count(0) == 6
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert worker_count(0) == 1
    with pytest.raises(ValueError):
        worker_count(-1)


def test_worker_exception_reaches_the_caller_intact() -> None:
    with pytest.raises(ArticleError) as info:
        run_ordered(_fail_on_seven, list(range(MIN_PARALLEL * 2)), 2)
    assert info.value.path == f"item{7 + MIN_PARALLEL}" and info.value.reason == "seven"


def _corpus(folder: Path, seed_paths: list[Path], copies: int) -> Path:
    # Distinct articles (content differs) from the seeds, enough to go parallel.
    folder.mkdir()
    for i in range(copies):
        for path in seed_paths:
            text = path.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{path.name}").write_text(f"{text}\n\nEdition {i}.\n", encoding="utf-8")
    return folder


def test_parallel_analysis_equals_serial(tmp_path: Path, seed_paths: list[Path]) -> None:
    folder = _corpus(tmp_path / "in", seed_paths, copies=MIN_PARALLEL // len(seed_paths) + 2)
    config = load_config(None)
    serial = load_corpus([folder], config, workers=1)
    assert len(serial.analysed) >= MIN_PARALLEL
    for workers in (2, 0):
        parallel = load_corpus([folder], config, workers=workers)
        assert parallel.analysed == serial.analysed
        assert parallel.skipped == serial.skipped


def test_cached_run_equals_fresh_run(tmp_path: Path, seed_paths: list[Path]) -> None:
    folder = _corpus(tmp_path / "in", seed_paths, copies=2)
    config = dataclasses.replace(load_config(None), cache_dir=str(tmp_path / "cache"))
    fresh = load_corpus([folder], config, workers=1)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == len(fresh.analysed)
    # Corrupt one entry: it is re-analysed, and the result is still the same.
    entries[0].write_bytes(b"{")
    again = load_corpus([folder], config, workers=2)
    assert again.analysed == fresh.analysed
