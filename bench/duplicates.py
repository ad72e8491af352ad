"""Calibrate the duplicate and same-event thresholds on hand-labelled sentence pairs.

``bench/data/duplicate_pairs.tsv`` names sentence pairs (file and sentence index, as
``briefing.segment`` numbers the sentences of 6+ words; no text is stored) from MultiLing 2011
(two news texts of one topic) and PolNeAR train (two publishers on one day), each labelled by
reading both: ``S`` the same statement (a paraphrase or repeat), ``E`` the same event told as a
different statement, ``D`` different news. Candidates were drawn among pairs of cosine 0.2–0.95
(the highest of each group, plus a random few), so the set is rich in hard cases.

For each threshold the script prints precision, recall and F1 of "cosine ≥ t" for *same
statement* (``summarise.DUPLICATE_COSINE``) and for *same event* (``S`` or ``E``;
``compose.timeline.EVENT_COSINE``, applied only between sentences of one date), plus the
shared-actor rule of the timeline. Usage: ``python bench/duplicates.py``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.compose.timeline import SHARED_ACTORS, actors  # noqa: E402
from briefing.models import Sentence  # noqa: E402
from briefing.segment import segment, split_paragraphs  # noqa: E402
from briefing.summarise import (  # noqa: E402
    CONTENT_COSINE,
    DUPLICATE_COSINE,
    _set_cosine,
    _tfidf,
    content_words,
)

EVAL = ROOT.parent / "shared" / "eval"
PAIRS = ROOT / "bench" / "data" / "duplicate_pairs.tsv"


def sentences(corpus: str, name: str) -> list[Sentence]:
    path = EVAL / "multiling2011" / "source" / name
    skip = False
    if corpus != "multiling":
        path, skip = EVAL / "polnear" / "train" / "text" / name, True
    text = path.read_text(encoding="utf-8", errors="replace")
    if skip:
        text = text.split("\n", 1)[-1]
    return [s for s in segment(split_paragraphs(text, name)) if len(s.text.split()) >= 6]


def group_files(corpus: str, name: str) -> list[str]:
    """The files whose sentences form the TF-IDF pool of a pair: the topic, or the day."""
    if corpus == "multiling":
        return sorted(p.name for p in (EVAL / "multiling2011" / "source").glob(name[:4] + "*.english"))
    day = name.split("_")[1]
    return sorted(p.name for p in (EVAL / "polnear" / "train" / "text").glob(f"*_{day}_*.txt"))


def table(scored: list[tuple[float, bool]], label: str) -> None:
    print(f"{label}: {sum(y for _, y in scored)} positive of {len(scored)} pairs")
    print("  threshold  precision  recall  F1")
    for t in [x / 100 for x in range(20, 80, 5)]:
        tp = sum(1 for c, y in scored if c >= t and y)
        fp = sum(1 for c, y in scored if c >= t and not y)
        fn = sum(1 for c, y in scored if c < t and y)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {t:9.2f}  {p:9.2f}  {r:6.2f}  {f:.2f}")


def main() -> None:
    rows = [
        r for r in csv.reader(PAIRS.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")
    ]
    cache: dict[tuple[str, str], tuple[list[tuple[str, int]], object]] = {}
    dup: list[tuple[float, bool]] = []
    event: list[tuple[float, bool]] = []
    shared: list[tuple[bool, bool]] = []
    both: list[tuple[float, bool]] = []  # content cosine of the pairs past DUPLICATE_COSINE
    for corpus, fa, ia, fb, ib, label in rows:
        key = (corpus, fa[:4] if corpus == "multiling" else fa.split("_")[1])
        if key not in cache:
            keys, texts = [], []
            for name in group_files(corpus, fa):
                for s in sentences(corpus, name):
                    keys.append((name, s.index))
                    texts.append(s.text)
            cache[key] = (keys, (_tfidf(texts), texts))
        keys, (matrix, texts) = cache[key]  # type: ignore[misc]
        a, b = keys.index((fa, int(ia))), keys.index((fb, int(ib)))
        cosine = float((matrix[a] @ matrix[b].T).toarray()[0, 0])
        dup.append((cosine, label == "S"))
        event.append((cosine, label in "SE"))
        if cosine >= DUPLICATE_COSINE:
            both.append((_set_cosine(content_words(texts[a]), content_words(texts[b])), label == "S"))
        shared.append((len(actors(texts[a]) & actors(texts[b])) >= SHARED_ACTORS, label in "SE"))
    table(dup, "same statement (S)")
    table(event, "same event (S or E)")
    table(both, f"same statement, pairs at cosine >= {DUPLICATE_COSINE}, by content-word cosine")
    tp = sum(1 for c, y in both if c >= CONTENT_COSINE and y)
    fp = sum(1 for c, y in both if c >= CONTENT_COSINE and not y)
    positives = sum(y for _, y in dup)
    print(
        f"both rules (cosine >= {DUPLICATE_COSINE}, content >= {CONTENT_COSINE}): precision "
        f"{tp / max(tp + fp, 1):.2f}, recall {tp / max(positives, 1):.2f}"
    )
    tp = sum(1 for x, y in shared if x and y)
    print(
        f"shared-actor rule (>= {SHARED_ACTORS} names): fires on {sum(x for x, _ in shared)} pairs, "
        f"{tp} of them same-event; catches {tp} of {sum(y for _, y in shared)} same-event pairs"
    )


if __name__ == "__main__":
    main()
