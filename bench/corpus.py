"""Benchmark corpora: N articles resampled from the seed articles, with perturbed wording.

Each article takes the title and paragraphs of a randomly chosen seed (other seeds' paragraphs
mixed in), and every sentence is reworded a little: synonym swaps, dropped words, clauses swapped
around a comma. So sentences are near-duplicates across articles, as in a real news flow, but no
two are identical and no article is a copy of another. Deterministic for a given ``seed``.

The seed text is read at run time from ../shared/seeds and never stored in the project; the
corpus goes to a temporary (or given) folder.

    python bench/corpus.py 1000 /tmp/corpus-1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.segment import sentence_spans, split_paragraphs  # noqa: E402

SEEDS = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared")) / "seeds"

# Interchangeable words of news prose (both directions are used).
_SYNONYMS = [
    ("said", "stated"),
    ("told", "informed"),
    ("warned", "cautioned"),
    ("meeting", "talks"),
    ("talks", "negotiations"),
    ("today", "on this day"),
    ("concerned", "worried"),
    ("threatening", "menacing"),
    ("serious", "grave"),
    ("counterpart", "colleague"),
    ("military", "armed"),
    ("country", "nation"),
    ("agreement", "accord"),
    ("leaders", "chiefs"),
    ("recently", "lately"),
    ("strongly", "firmly"),
    ("plans", "intentions"),
    ("security", "safety"),
    ("important", "significant"),
    ("president", "head of state"),
    ("however", "nevertheless"),
    ("also", "as well"),
    ("new", "fresh"),
    ("large", "big"),
    ("said on", "declared on"),
    ("tension", "strain"),
    ("help", "assist"),
    ("began", "started"),
    ("week", "seven days"),
]
_SWAP = {a: b for a, b in _SYNONYMS} | {b: a for a, b in _SYNONYMS}
_WORD = re.compile(r"[A-Za-z]+")
# Probabilities per word / per sentence: enough change that sentences differ, little enough that
# they stay recognisably the same statements (the summarisers' near-duplicate case).
P_SYNONYM = 0.5
P_DROP = 0.04
P_REORDER = 0.3
P_FOREIGN_PARAGRAPH = 0.15


def build_command(corpus: Path, out: Path, workers: int, *extra: str) -> list[str]:
    """The ``briefing build CORPUS --format md,pdf --out OUT --workers N --quiet`` command the
    speed benches time (bench/speed.py, bench/realistic.py)."""
    return [
        sys.executable,
        "-m",
        "briefing",
        "build",
        str(corpus),
        "--format",
        "md,pdf",
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--quiet",
        *extra,
    ]


def seed_articles(folder: Path = SEEDS) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every seed article."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        blocks = [p.text for p in split_paragraphs(path.read_text(encoding="utf-8"))]
        out.append((blocks[0], blocks[1:]))
    if not out:
        raise SystemExit(f"no seed articles in {folder}")
    return out


def perturb_sentence(sentence: str, rng: random.Random) -> str:
    """Reword one sentence: synonyms, a dropped word now and then, clauses swapped at a comma."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        other = _SWAP.get(word.lower())
        if other is None or rng.random() >= P_SYNONYM:
            return word
        return other.capitalize() if word[0].isupper() else other

    text = _WORD.sub(swap, sentence)
    words = text.split(" ")
    if len(words) > 3:
        # One or two interior words always go (so no sentence survives unchanged), others rarely.
        forced = set(rng.sample(range(1, len(words) - 1), min(len(words) - 2, rng.randint(1, 2))))
        words = [
            w
            for i, w in enumerate(words)
            if i == 0 or i == len(words) - 1 or (i not in forced and rng.random() >= P_DROP)
        ]
    text = " ".join(words)
    head, comma, tail = text.partition(", ")
    if comma and tail and tail[-1] in ".!?" and rng.random() < P_REORDER and "“" not in text:
        end = tail[-1]
        text = f"{tail[:-1][:1].upper()}{tail[:-1][1:]}, {head[:1].lower()}{head[1:]}{end}"
    return text


def perturb_paragraph(paragraph: str, rng: random.Random) -> str:
    """Reword every sentence of a paragraph."""
    return " ".join(perturb_sentence(paragraph[s:e], rng) for s, e in sentence_spans(paragraph))


def make_article(k: int, seeds: list[tuple[str, list[str]]], rng: random.Random) -> str:
    """The text of article ``k``."""
    title, paragraphs = seeds[rng.randrange(len(seeds))]
    body = []
    for paragraph in paragraphs:
        if rng.random() < P_FOREIGN_PARAGRAPH:
            other = seeds[rng.randrange(len(seeds))][1]
            paragraph = other[rng.randrange(len(other))]
        body.append(perturb_paragraph(paragraph, rng))
    # The edition line makes every article's content (and so its id) unique.
    return "\n\n".join([perturb_sentence(title, rng), *body, f"Edition {k}."]) + "\n"


def build_corpus(n: int, folder: Path, *, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles ``start`` … ``start + n - 1`` as .txt files into ``folder``."""
    seeds = seed_articles()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(start, start + n):
        rng = random.Random(f"{seed}-{k}")  # per article: article k is the same in every corpus
        path = folder / f"article-{k:05d}.txt"
        path.write_text(make_article(k, seeds, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build_corpus(args.n, args.folder, seed=args.seed)


if __name__ == "__main__":
    main()
