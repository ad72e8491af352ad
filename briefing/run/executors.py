"""Where the per-article analysis runs: a small protocol and a name → factory registry.

``local`` runs it in this machine's processes (``briefing.run.workers``); ``dask`` sends it to a
``dask.distributed`` cluster — a running scheduler given by address (``tcp://host:8786``), or
``local`` for a ``LocalCluster`` started for the run. Either way the results come back in input
order, so the briefing does not depend on where, or on how many workers, the analysis ran.

Dask is an optional dependency (``pip install 'briefing[dask]'``): it is imported only when the
``dask`` executor is created, and asking for it without it installed is a ``UsageError`` that
says how to install it.
"""

from __future__ import annotations

import collections
import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..errors import UsageError
from .workers import iter_ordered, worker_count

T = TypeVar("T")
R = TypeVar("R")
logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'briefing[dask]' (or: pip install 'dask[distributed]')"
# Articles per Dask task. Calibrated with bench/realistic.py on the real corpora (an article's
# analysis takes ~5-10 ms, a Dask task ~1-3 ms of scheduler and transfer overhead): 50 articles
# make the overhead a few per cent while a batch's records stay a few MB.
BATCH = 50
# Batches in flight per worker thread: enough that a worker never waits for the client between
# two batches, few enough that the client and the cluster hold only a bounded part of the corpus.
IN_FLIGHT_PER_THREAD = 2
# Seconds to wait for a scheduler before giving up: long enough for a scheduler on another
# machine that is still starting, short enough that a wrong address fails a cron run promptly.
CONNECT_TIMEOUT = 30


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """How to run the per-article analysis: worker processes here, or a Dask scheduler."""

    workers: int = 1  # local processes (0: one per core); also a LocalCluster's worker count
    scheduler: str | None = None  # a Dask scheduler address, or "local"; None: no Dask


class Executor(Protocol):
    """Applies a function to items, results in input order; ``close`` releases what it started."""

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """``func(item)`` for every item, yielded in input order."""
        ...

    def close(self) -> None:
        """Release workers, clients or clusters this executor started."""
        ...


Factory = Callable[[EngineOptions], Executor]
_REGISTRY: dict[str, Factory] = {}


def register(name: str, factory: Factory) -> None:
    """Make an executor available by name."""
    _REGISTRY[name] = factory


def available() -> tuple[str, ...]:
    """The registered executor names."""
    return tuple(sorted(_REGISTRY))


def create(name: str, options: EngineOptions) -> Executor:
    """The executor ``name``, configured by ``options`` (``UsageError`` for an unknown name)."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown executor {name!r} (expected one of: {', '.join(available())})") from None
    return factory(options)


def for_options(options: EngineOptions) -> Executor:
    """The executor the options ask for: ``dask`` with a scheduler, else ``local``."""
    return create("dask" if options.scheduler else "local", options)


class LocalExecutor:
    """This machine's processes (``iter_ordered``: contiguous chunks, fork on Linux)."""

    def __init__(self, options: EngineOptions) -> None:
        self.workers = options.workers

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """``func`` over ``items`` in up to ``workers`` processes, results in input order."""
        return iter_ordered(func, items, self.workers)

    def close(self) -> None:
        """Nothing to release: each ``map`` closes its own pool."""


class DaskExecutor:
    """A ``dask.distributed`` cluster: batches of items as tasks, a bounded number in flight.

    The function is scattered to every worker once (not pickled into each task); items travel in
    batches of ``BATCH``; at most ``IN_FLIGHT_PER_THREAD`` batches per worker thread are
    submitted and not yet collected, so neither the client nor the cluster ever holds more than
    that part of the corpus's records. Results are collected in submission order.
    """

    def __init__(self, options: EngineOptions) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError(f"--scheduler needs Dask, which is not installed: {INSTALL_HINT}") from None
        address = options.scheduler or "local"
        self._cluster: Any = None
        try:
            if address == "local":
                self._cluster = LocalCluster(
                    n_workers=worker_count(options.workers),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=":0",  # any free port: the dashboard never blocks a run
                )
                self.client: Any = Client(self._cluster)
                logger.info("Dask LocalCluster started; dashboard at %s", self.client.dashboard_link)
            else:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
        except OSError as exc:  # no scheduler listening there, or it timed out
            self.close()
            raise UsageError(f"--scheduler {address}: cannot reach a Dask scheduler: {exc}") from None
        self._check_code()

    def _check_code(self) -> None:
        """Every worker must run this very code: the analysis is cached under its code hash."""
        theirs = self.client.run(_code_hash)
        mine = _code_hash()
        stale = sorted(worker for worker, value in theirs.items() if value != mine)
        if stale:
            self.close()
            raise UsageError(
                f"Dask workers {', '.join(stale)} run another version of briefing than this client "
                f"(code {mine}); install the same version on every worker"
            )

    def threads(self) -> int:
        """Worker threads in the cluster now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """``func`` over ``items`` on the cluster, results yielded in input order as they come."""
        if not items:
            return
        [shared] = self.client.scatter([func], broadcast=True, hash=False)
        limit = IN_FLIGHT_PER_THREAD * self.threads()
        pending: collections.deque[Any] = collections.deque()
        try:
            for start in range(0, len(items), BATCH):
                batch = items[start : start + BATCH]
                pending.append(self.client.submit(_run_batch, shared, batch, pure=False))
                while len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:  # an error or an abandoned iterator: stop what is still queued
                future.cancel()
            shared.release()

    def close(self) -> None:
        """Disconnect the client; stop the LocalCluster if this executor started it."""
        with contextlib.suppress(Exception):  # closing must not hide the error that got us here
            if getattr(self, "client", None) is not None:
                self.client.close()
        with contextlib.suppress(Exception):
            if self._cluster is not None:
                self._cluster.close()


def _code_hash() -> str:
    """This process's code hash (run on each worker by reference: it reports the worker's own)."""
    from . import cache

    return cache.code_hash()


def _run_batch(func: Callable[[Any], Any], batch: Sequence[Any]) -> list[Any]:
    """One Dask task: the function over a batch, in order."""
    return [func(item) for item in batch]


register("local", LocalExecutor)
register("dask", DaskExecutor)
