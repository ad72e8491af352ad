"""Realistic benchmark corpora: real, varied news text whose cast keeps growing with the corpus.

The first pass is every real text under ``../shared`` once: PolNeAR train and dev articles (US
political news, 2016), the MultiLing 2011 sources (WikiNews), the article-extraction pages as
copied text (navigation and all, as scraped pages reach us) and the five seeds, in one seeded
shuffled order. Each further pass copies them again with every capitalised *name* renamed:
a capitalised word written capitalised at least ``NAME_RATIO`` times as often as in lower case in
the sources (so "The", "But" or "Bill" are kept; "Carson", "Clinton", "Milwaukee" are renamed;
month and day names too are kept, so dates still read as dates), mapped per pass to a
new made-up name, the same everywhere in that pass. So people, places and organisations grow
with the corpus as they do in a day of real news, instead of twenty speakers said again and
again: a 10,000-article corpus has about eight times the distinct names of a 1,200-article one.

Deterministic for a given ``seed``; the text is read from ``../shared`` at run time and written
to the given (temporary) folder, never into the project.

    python bench/realistic.py corpus 4000 /tmp/realistic-4000 [--seed 11]
    python bench/realistic.py bench [--sizes 1000,4000,10000] [--workers 0] [-- --scheduler local]

``bench`` runs ``briefing build CORPUS --format md,pdf --workers 0`` per size as a child under
``/usr/bin/time -v`` and prints, in one table: wall time (interpreter start-up included), CPU
milliseconds per article in total (the child and its workers) and by stage (the ``*_cpu``
seconds the build records in its manifest; ``analyse`` includes its worker processes), and the
peak memory (maximum resident set of the largest process). Corpora are kept under ``--tmp``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build_command  # noqa: E402  (the build command speed.py times too)

SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))

# Where the real text comes from: (label, folder, glob). Train/dev compartments only.
SOURCES = (
    ("polnear-train", SHARED / "eval" / "polnear" / "train" / "text", "*.txt"),
    ("polnear-dev", SHARED / "eval" / "polnear" / "dev" / "text", "*.txt"),
    ("multiling", SHARED / "eval" / "multiling2011" / "source", "*.english"),
    ("extraction", SHARED / "eval" / "article-extraction" / "text", "*.txt"),
    ("seeds", SHARED / "seeds", "*.txt"),
)
# A name is written capitalised at least this many times as often as in lower case. Chosen by
# reading the renamed copies: at 4, "Bill", "House", "White" stay and surnames all go.
NAME_RATIO = 4
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WORD = re.compile(r"\b[^\W\d_]+\b")
_NAME = re.compile(r"\b([A-Z][a-z]+)(['’][a-z]+)?\b")


@cache
def source_texts() -> tuple[tuple[str, str], ...]:
    """(label/name, text) of every source text, in a fixed order."""
    out: list[tuple[str, str]] = []
    for label, folder, pattern in SOURCES:
        for path in sorted(folder.glob(pattern)):
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            if text:
                out.append((f"{label}-{path.stem}", text))
    if not out:
        raise SystemExit(f"no source text under {SHARED}")
    return tuple(out)


@cache
def common_words() -> frozenset[str]:
    """Lower-case forms of the words that are not names: written in lower case often enough.

    A ratio, not "ever seen in lower case": scraped pages carry URLs and tags ("clinton",
    "trump") that would otherwise make every famous name an ordinary word.
    """
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for _, text in source_texts():
        for word in _WORD.findall(text):
            (lower if word.islower() else upper)[word.lower()] += 1
    kept = {w for w, n in upper.items() if n < NAME_RATIO * lower[w]}
    return frozenset(kept | set(lower) - set(upper) | _CALENDAR)


@cache
def real_names() -> tuple[str, ...]:
    """Every distinct capitalised name of the sources, sorted: the donors of the made-up names."""
    common = common_words()
    found = {m.group(1) for _, text in source_texts() for m in _NAME.finditer(text)}
    return tuple(sorted(n for n in found if n.lower() not in common and len(n) >= 3))


def made_up_name(name: str, copy: int, seed: int) -> str:
    """The new name of ``name`` in copy ``copy``: the head of one real name and the tail of
    another, chosen by a hash of (seed, copy, name).

    Spliced from real names so that the made-up ones begin and end as real names do: the first
    and last letters are what name matching and its blocking look at, and syllables drawn from a
    small alphabet would make far fewer distinct beginnings and endings (about 1,000 distinct
    first three letters over 69,000 names, where the real names have 2,400 over 9,900).
    """
    donors = real_names()
    rng = random.Random(hashlib.sha256(f"{seed}-{copy}-{name}".encode()).digest())
    while True:
        head, tail = donors[rng.randrange(len(donors))], donors[rng.randrange(len(donors))]
        cut_head = rng.randint(2, max(2, len(head) - 1))
        cut_tail = rng.randint(1, max(1, len(tail) - 2))
        made = (head[:cut_head] + tail[cut_tail:]).capitalize()
        if made != name and len(made) >= 3 and made.lower() not in common_words():
            return made


def rename(text: str, copy: int, seed: int) -> str:
    """``text`` with every capitalised name replaced by its made-up name of copy ``copy``."""
    common = common_words()

    def swap(match: re.Match[str]) -> str:
        word, suffix = match.group(1), match.group(2) or ""  # "Clinton’s": the name and its "’s"
        if word.lower() in common:
            return match.group()
        return made_up_name(word, copy, seed) + suffix

    return _NAME.sub(swap, text)


def articles(n: int, *, seed: int = 11) -> Iterator[tuple[str, str]]:
    """(file stem, text) of the first ``n`` articles: pass 0 as written, later passes renamed."""
    texts = source_texts()
    k = 0
    copy = 0
    while k < n:
        order = list(range(len(texts)))
        random.Random(f"{seed}-order-{copy}").shuffle(order)
        for i in order:
            if k >= n:
                return
            name, text = texts[i]
            if copy:
                # The pass number keeps a text with no name to rename distinct from its first copy.
                text = f"{rename(text, copy, seed)}\n\nCopy {copy}."
            yield f"{k:06d}-{name}", text + "\n"
            k += 1
        copy += 1


def build_corpus(n: int, folder: Path, *, seed: int = 11) -> Path:
    """Write the first ``n`` articles as .txt files into ``folder`` (kept if already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / ".complete"
    # The generator's own source is in the stamp: a changed generator rewrites the corpus.
    version = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    if stamp.exists() and stamp.read_text() == f"{n} {seed} {version}":
        return folder
    for old in folder.glob("*.txt"):
        old.unlink()
    for stem, text in articles(n, seed=seed):
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    stamp.write_text(f"{n} {seed} {version}")
    return folder


STAGES = ("read", "analyse", "compose", "render")


@dataclass(frozen=True)
class Run:
    """One measured ``briefing build``: wall, CPU and peak memory of the child, stage figures."""

    articles: int
    wall: float
    cpu: float  # user + system seconds of the child and its workers (/usr/bin/time)
    max_rss: int  # bytes: the largest process's maximum resident set (/usr/bin/time -v)
    stages: dict[str, float]  # the manifest's seconds: "<stage>" wall, "<stage>_cpu" CPU


def run_build(corpus: Path, out: Path, *, workers: int = 0, extra: Sequence[str] = ()) -> Run:
    """``briefing build CORPUS --format md,pdf --workers N`` in a child under ``/usr/bin/time -v``."""
    command = ["/usr/bin/time", "-v", *build_command(corpus, out, workers, *extra)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-3000:]}")
    fields = dict(line.strip().rsplit(": ", 1) for line in done.stderr.splitlines() if ": " in line.strip())
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    max_rss = int(fields["Maximum resident set size (kbytes)"]) * 1024
    stages: dict[str, float] = {}
    for manifest in out.glob("*.manifest.json"):
        stages = json.loads(manifest.read_text(encoding="utf-8")).get("seconds", {})
    articles = sum(1 for _ in corpus.glob("*.txt"))
    return Run(articles, wall, cpu, max_rss, stages)


def print_header() -> None:
    """The column heads of ``print_row``."""
    heads = " ".join(f"{s:>8}" for s in STAGES)
    print(f"{'articles':>8} {'wall s':>7} {'CPU ms/art':>10} {heads} {'peak MB':>8}  stage wall s")
    print(f"{'':>8} {'':>7} {'(total)':>10} {'— CPU ms per article by stage —':>35}")


def print_row(run: Run) -> None:
    """One line of the table: CPU per article in milliseconds, by stage, and the stage wall times."""
    per = " ".join(f"{1000 * run.stages.get(s + '_cpu', float('nan')) / run.articles:8.2f}" for s in STAGES)
    walls = " ".join(f"{s} {run.stages.get(s, float('nan')):.1f}" for s in STAGES)
    print(
        f"{run.articles:8d} {run.wall:7.2f} {1000 * run.cpu / run.articles:10.2f} {per} "
        f"{run.max_rss / 2**20:8.0f}  {walls}"
    )
    sys.stdout.flush()


def bench(sizes: Sequence[int], tmp: Path, workers: int, extra: Sequence[str]) -> list[Run]:
    """Build each corpus (kept in ``tmp`` between runs) and measure one build of it."""
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, --workers {workers}, md+pdf")
    print_header()
    runs = []
    for n in sizes:
        corpus = build_corpus(n, tmp / f"realistic-{n}")
        out = tmp / f"realistic-out-{n}"
        shutil.rmtree(out, ignore_errors=True)
        runs.append(run_build(corpus, out, workers=workers, extra=extra))
        print_row(runs[-1])
    if len(runs) >= 2:
        first, last = runs[0], runs[-1]
        growth = (last.cpu / last.articles) / (first.cpu / first.articles)
        wall_growth = (last.wall / last.articles) / (first.wall / first.articles)
        print(
            f"cost per article at {last.articles} / at {first.articles}: "
            f"CPU {growth:.2f}×, wall {wall_growth:.2f}×"
        )
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("corpus", help="write one corpus")
    make.add_argument("n", type=int)
    make.add_argument("folder", type=Path)
    make.add_argument("--seed", type=int, default=11)
    run = sub.add_parser("bench", help="build and measure corpora of several sizes")
    run.add_argument("--sizes", default="1000,4000,10000")
    run.add_argument("--tmp", type=Path, default=Path(tempfile.gettempdir()) / "briefing-realistic")
    run.add_argument("--workers", type=int, default=0)
    run.add_argument("extra", nargs="*", help="more options for briefing build (after --)")
    args = parser.parse_args()
    if args.command == "corpus":
        build_corpus(args.n, args.folder, seed=args.seed)
        print(f"{args.n} articles in {args.folder} ({len(source_texts())} distinct source texts)")
    else:
        bench([int(s) for s in args.sizes.split(",") if s], args.tmp, args.workers, args.extra)


if __name__ == "__main__":
    main()
