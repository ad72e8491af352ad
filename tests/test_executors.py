"""The streaming worker pool and the local executor: results in input order as they come, an
early stop cancels the rest, one copy of each article kept in the corpus."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.errors import ArticleError
from briefing.models import Article
from briefing.pipeline import load_corpus
from briefing.run.workers import CHUNKS_PER_WORKER, MIN_PARALLEL, iter_ordered, run_ordered


def _square(x: int) -> int:
    return x * x


def _pid(_: int) -> int:
    return os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_stream_equals_the_list(workers: int) -> None:
    items = list(range(MIN_PARALLEL * 4 + 3))
    stream = iter_ordered(_square, items, workers)
    assert next(stream) == 0  # a stream: the first result before the others are asked for
    assert [0, *stream] == run_ordered(_square, items, workers) == [x * x for x in items]


def test_two_workers_run_it_in_other_processes() -> None:
    pids = set(iter_ordered(_pid, list(range(MIN_PARALLEL * 4)), 2))
    # Which worker takes which chunk is up to the pool (one may take them all on a busy machine).
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids


def test_closing_the_stream_early_cancels_the_queued_chunks(tmp_path: Path) -> None:
    def mark(x: int) -> int:  # inherited by the forked workers: one file per item run
        time.sleep(0.05)
        (tmp_path / str(x)).touch()
        return x

    items = list(range(2 * CHUNKS_PER_WORKER * 10))  # 8 chunks of 10 items
    stream = iter_ordered(mark, items, 2)
    assert next(stream) == 0
    stream.close()  # returns once the chunks already handed to a worker are done
    ran = len(list(tmp_path.iterdir()))
    # The pool hands chunks to its call queue ahead of the workers (up to 7 of the 8 here), and
    # those run; the last one was still waiting, and was cancelled.
    assert 10 <= ran < len(items)


def test_an_error_in_a_worker_ends_the_stream_with_it() -> None:
    def fail(x: int) -> int:  # inherited by the forked workers
        if x == MIN_PARALLEL + 3:
            raise ArticleError(f"item{x}", "broken")
        return x

    seen: list[int] = []
    with pytest.raises(ArticleError, match="broken"):
        for value in iter_ordered(fail, list(range(MIN_PARALLEL * 2)), 2):
            seen.append(value)
    assert seen == list(range(len(seen))) and len(seen) <= MIN_PARALLEL + 3


def test_the_corpus_holds_one_copy_of_each_article(tmp_path: Path, seed_paths: list[Path]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(MIN_PARALLEL // len(seed_paths) + 2):
        for path in seed_paths:
            text = path.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{path.name}").write_text(f"{text}\n\nEdition {i}.\n", encoding="utf-8")
    config = load_config(None)
    read: list[Article] = []  # the articles as read in this process, in order
    parallel = load_corpus([folder], config, workers=2, accept=lambda a: read.append(a) is None)
    assert len(parallel.analysed) == len(read) >= MIN_PARALLEL
    assert parallel.analysed == load_corpus([folder], config, workers=1).analysed
    # Analysed in worker processes, each article came back as a copy: the corpus keeps the one
    # read here instead, so its text is held once.
    assert all(a.article is r for a, r in zip(parallel.analysed, read, strict=True))
