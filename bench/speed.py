"""Speed at scale, in one run: graph summarisers against sumy, then the whole CLI by corpus size.

Part 1 — LexRank and TextRank, sumy 0.13 (``sumy-lexrank``/``sumy-textrank``) against ours
(``lexrank``/``textrank``), on pools of 166 / 661 / 1,321 / 5,000 sentences taken in order from a
perturbed-seed corpus (bench/corpus.py). Each timing is the best of ``--repeat`` runs of
``select`` on the whole pool; sumy above ``--sumy-max`` sentences is *estimated* from its time at
the largest measured size, scaled by (N / n)², since both of its graph builds are quadratic
Python loops. Each row also says whether the rankings agree (ties in document order, see
briefing/summarizers/graph.py).

Part 2 — ``briefing build <corpus> --format md,pdf --out <tmp>`` as a subprocess, per corpus size:
wall time including interpreter start-up, the stage seconds the build records in its manifest,
and peak memory: the largest single process (``/usr/bin/time``'s maximum resident size) and the
peak of the summed resident memory of the process tree, sampled every 20 ms (with forked workers
the sum counts shared pages once per process, so it overstates). Sizes from 100 articles up run
with ``--workers 0`` (one per core) and an analysis cache in a fresh folder; then, on the largest
size ≤ 1,000, a second run with 10 new articles on top of the cached ones.

    python bench/speed.py [--sizes 5,100,1000,5000] [--sumy-max 1321] [--no-e2e]

Targets (the "Fast at scale" issue): ours ≥ 50× sumy's LexRank at 1,321 sentences; 1,000
articles → md+pdf < 20 s and < 1 GB; 5 articles < 2 s; 10 new on top of 1,000 cached < 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build_command, build_corpus  # noqa: E402

from briefing.models import Sentence  # noqa: E402
from briefing.segment import segment, split_paragraphs  # noqa: E402
from briefing.summarizers import create  # noqa: E402

POOLS = (166, 661, 1321, 5000)


def sentence_pool(n: int, folder: Path) -> list[Sentence]:
    """The first ``n`` sentences of the perturbed corpus in ``folder`` (built as needed)."""
    pool: list[Sentence] = []
    k = 0
    while len(pool) < n:
        path = build_corpus(1, folder, start=k)[0]
        pool.extend(segment(split_paragraphs(path.read_text(encoding="utf-8"), path.stem)))
        k += 1
    return pool[:n]


def best_time(name: str, pool: Sequence[Sentence], repeat: int) -> tuple[float, tuple]:
    summarizer = create(name)
    best = float("inf")
    picks: tuple = ()
    for _ in range(repeat):
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            picks = summarizer.select(pool)
        best = min(best, time.perf_counter() - started)
    return best, picks


def same_ranking(reference: Sequence, ours: Sequence) -> bool:
    """sumy's ranking with rounding-noise ties in document order equals ours."""
    runs: list[list] = []
    for pick in reference:
        if runs and abs(pick.score - runs[-1][0].score) <= 1e-12 * abs(runs[-1][0].score):
            runs[-1].append(pick)
        else:
            runs.append([pick])
    canonical = [p.position for run in runs for p in sorted(run, key=lambda q: q.position)]
    return canonical == [p.position for p in ours]


def graph_speed(tmp: Path, sumy_max: int, repeat: int) -> None:
    print("== graph summarisers: sumy 0.13 vs ours (best of runs, seconds) ==")
    print(f"{'method':9} {'sentences':>9} {'sumy':>10} {'ours':>8} {'ratio':>8}  ranking")
    pool_all = sentence_pool(max(POOLS), tmp / "pool")
    for method in ("lexrank", "textrank"):
        measured: tuple[int, float] | None = None
        for n in POOLS:
            pool = pool_all[:n]
            ours, our_picks = best_time(method, pool, repeat)
            if n <= sumy_max:
                ref, ref_picks = best_time(f"sumy-{method}", pool, 1)
                measured = (n, ref)
                agree = "same" if same_ranking(ref_picks, our_picks) else "DIFFERENT"
                label = f"{ref:10.3f}"
            else:
                assert measured is not None
                ref = measured[1] * (n / measured[0]) ** 2
                agree = "n/a"
                label = f"~{ref:9.1f}"
            note = " (sumy estimated: quadratic from the largest measured size)" if n > sumy_max else ""
            print(f"{method:9} {n:9d} {label} {ours:8.3f} {ref / ours:7.0f}×  {agree}{note}")
    sys.stdout.flush()


class TreeMemory:
    """Peak of the summed resident memory of a process and its descendants, sampled."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        self.pid = pid
        self.peak = 0
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parents[int(entry)] = int(fields[1])
                rss[int(entry)] = int(fields[21]) * page
            tree = {self.pid}
            grew = True
            while grew:
                grew = False
                for pid, parent in parents.items():
                    if parent in tree and pid not in tree:
                        tree.add(pid)
                        grew = True
            self.peak = max(self.peak, sum(rss.get(p, 0) for p in tree))
            self._stop.wait(self._every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_build(
    corpus: Path, out: Path, config: Path | None, workers: int
) -> tuple[float, int, int | None, dict[str, float]]:
    """Wall seconds, peak tree RSS, largest single-process RSS (bytes, from /usr/bin/time when
    present; this process's own ``ru_maxrss`` would be inherited across fork) and the stage
    seconds the build records in its manifest."""
    command = build_command(corpus, out, workers, *(["--config", str(config)] if config is not None else []))
    timer = Path("/usr/bin/time")
    if timer.exists():
        command = [str(timer), "-f", "maxrss-kb %M", *command]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    memory = TreeMemory(process.pid)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    tree_peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {stderr or stdout}")
    single = None
    for line in stderr.splitlines():
        if line.startswith("maxrss-kb "):
            single = int(line.split()[1]) * 1024
    stages: dict[str, float] = {}
    for manifest in out.glob("*.manifest.json"):
        stages = json.loads(manifest.read_text(encoding="utf-8")).get("seconds", {})
    return wall, tree_peak, single, stages


def _row(
    articles: int, workers: int, result: tuple[float, int, int | None, dict[str, float]], note: str
) -> None:
    wall, tree_peak, single, stages = result
    largest = f"{single / 2**20:11.0f}" if single else "          -"
    steps = " ".join(f"{k} {v:.1f}" for k, v in stages.items() if k != "total")
    print(f"{articles:8d} {workers:7d} {wall:7.2f} {tree_peak / 2**20:12.0f} {largest}  {note}; {steps}")
    sys.stdout.flush()


def end_to_end(tmp: Path, sizes: Sequence[int]) -> None:
    print("\n== briefing build <corpus> --format md,pdf (subprocess, wall incl. start-up) ==")
    print(
        f"{'articles':>8} {'workers':>7} {'wall s':>7} {'tree peak MB':>12} {'max proc MB':>11}  "
        "note; stage seconds from the manifest"
    )
    cached_size = max([s for s in sizes if s <= 1000], default=None)
    for size in sizes:
        corpus = tmp / f"corpus-{size}"
        build_corpus(size, corpus)
        cache = tmp / f"cache-{size}"
        config = tmp / f"config-{size}.yaml"
        config.write_text(f"cache:\n  dir: {cache}\n", encoding="utf-8")
        workers = 1 if size <= 5 else 0
        _row(size, workers, run_build(corpus, tmp / f"out-{size}", config, workers), "cold cache")
        if size == cached_size:
            build_corpus(10, corpus, start=size)
            _row(
                size + 10,
                workers,
                run_build(corpus, tmp / f"out-{size}-again", config, workers),
                f"{size} cached + 10 new",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="5,100,1000,5000", help="corpus sizes (articles) for the end-to-end runs"
    )
    parser.add_argument(
        "--sumy-max", type=int, default=1321, help="largest pool sumy is actually run on; above it, estimated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of ours per size (best kept)")
    parser.add_argument("--no-e2e", action="store_true", help="only the summariser comparison")
    parser.add_argument("--no-graph", action="store_true", help="only the end-to-end runs")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="briefing-speed-") as name:
        tmp = Path(name)
        if not args.no_graph:
            graph_speed(tmp, args.sumy_max, args.repeat)
        if not args.no_e2e:
            end_to_end(tmp, [int(s) for s in args.sizes.split(",") if s])


if __name__ == "__main__":
    main()
