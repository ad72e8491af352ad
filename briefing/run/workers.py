"""Running per-article work over several processes, results in input order.

The output never depends on the worker count: items are cut into contiguous chunks, each chunk is
processed in order by one worker, and the chunks' results are put back together in input order.
Small inputs stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import collections
import gc
import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items the work runs serially. Calibrated with bench/speed.py on the seed
# corpus: analysing one article takes ~5-15 ms, while forking a pool and shipping a chunk each way
# costs ~30-60 ms per worker, so a pool only pays off from a few dozen articles.
MIN_PARALLEL = 24
# Chunks per worker: more than one evens out articles of very different length; few enough that
# the function (pickled once per chunk) and the per-task overhead stay negligible.
CHUNKS_PER_WORKER = 4
# A worker's first-generation garbage-collection threshold (Python's default: 700 allocations).
# The analysis allocates many small acyclic records, so the default runs a collection every few
# sentences; at 10,000 the worker still collects cycles, a few times per article. Measured on the
# realistic 1,000-article corpus (bench/realistic.py), with the parent's heap frozen at fork
# (below): analysis CPU 8.0 → 7.5 ms per article, in two interleaved runs of each setting.
WORKER_GC_THRESHOLD = 10_000


def worker_count(workers: int) -> int:
    """The number of processes ``workers`` asks for: 0 means one per available core."""
    if workers < 0:
        raise ValueError(f"workers must be 0 or more, not {workers}")
    if workers:
        return workers
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not all the machine's
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def run_ordered(func: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """Apply ``func`` to every item and return the results in input order.

    ``workers`` is the number of processes (0: one per core). With one worker, or fewer than
    ``MIN_PARALLEL`` items, everything runs in this process. Otherwise items and results must be
    picklable (and ``func`` too where processes are spawned rather than forked: macOS, Windows),
    and ``func`` must not depend on state it changes between calls. An exception
    raised by ``func`` propagates to the caller, as in a serial run.
    """
    return list(iter_ordered(func, items, workers))


def iter_ordered(func: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """``run_ordered`` as a stream: results are yielded in input order, chunk by chunk, as the
    workers finish them, so the caller can keep or drop each one before the rest arrive (a
    finished chunk is released once yielded). Closing the stream early cancels what is queued."""
    count = min(worker_count(workers), len(items))
    if count <= 1 or len(items) < MIN_PARALLEL:
        yield from (func(item) for item in items)
        return
    chunks = _chunks(len(items), count * CHUNKS_PER_WORKER)
    # The function reaches each worker once, through the initializer: under fork it is inherited,
    # not pickled, so it may hold what pickle refuses (a configuration's mapping proxies).
    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=_context(), initializer=_install, initargs=(func,)
    )
    # Freeze this process's heap while the workers fork (they start at the first submit), so
    # their garbage collector never walks, and copies on write, the objects they inherited;
    # unfrozen right after, so this process collects them as before.
    gc.freeze()
    try:
        futures: collections.deque[Future[list[R]]] = collections.deque(
            pool.submit(_run_chunk, items[start:stop]) for start, stop in chunks
        )
        gc.unfreeze()
        while futures:  # in submission order: the input order
            yield from futures.popleft().result()
    finally:
        gc.unfreeze()  # (when a submit failed)
        pool.shutdown(wait=True, cancel_futures=True)


_installed: Callable[[Any], Any] | None = None  # the worker process's function


def _install(func: Callable[[Any], Any]) -> None:
    global _installed
    _installed = func
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    assert _installed is not None, "worker started without a function"
    return [_installed(item) for item in chunk]


def _chunks(n: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous (start, stop) ranges covering ``range(n)``, sizes differing by ≤ 1."""
    parts = max(1, min(parts, n))
    size, extra = divmod(n, parts)
    bounds = [0]
    for k in range(parts):
        bounds.append(bounds[-1] + size + (1 if k < extra else 0))
    return list(itertools.pairwise(bounds))


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker in milliseconds with every module already imported; macOS and Windows
    # only support spawn safely, which re-imports the package in each worker.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
