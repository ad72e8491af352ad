"""A second resolution label set, sampled from PolNeAR's *gold* direct quotations (train only).

bench/data/resolution_train.tsv was sampled from the quotes ``briefing`` extracts, so it never
counts a quote we miss; this one draws gold quotations uniformly (PolNeAR's own definition of a
direct quotation and its own ``.ann`` reader, from ``score_quotes.py`` in ../shared), so a quote
we do not extract counts as wrong ("(not extracted)") when bench/resolution.py scores it:

    .venv/bin/python bench/resolution_gold.py sample OUT.tsv      # the fixed-seed sample to label
    .venv/bin/python bench/resolution_gold.py show LABELS.tsv [FROM [N]]  # text, source and cue
    .venv/bin/python bench/resolution.py --labels bench/data/resolution_gold_train.tsv --errors

Rows have the format of resolution_train.tsv. A quotation is drawn and kept apart from
resolution_train.tsv by where its first quoted part begins; ``start`` is where its longest quoted
part begins (just inside the opening mark, where ``briefing`` starts a quote) and ``first_words``
the first 5 words of that part, so that ``match()`` of bench/resolution.py finds the quote we
extract for it when we drop a short lead-in ("Honestly," he said, "..."); ``kind`` is
``mention_kind`` of the gold source text (``none`` when the attribution has no source).
``show`` prints no output of ours.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from polnear import DEFAULT_POLNEAR, scorer  # noqa: E402
from resolution import LABELS, first_words, mention_kind, read_labels  # noqa: E402

SPLIT = DEFAULT_POLNEAR / "train"
SEED = 20261215
SIZE = 250
NEAR = 40  # characters: a gold quote this close to an item of resolution_train.tsv is left out
OUT = ROOT / "bench" / "data" / "resolution_gold_train.tsv"
_MARKS = '"“”‘’ \n\t'


@dataclass(frozen=True)
class Gold:
    """One gold direct quotation: article, where the scorer's first quoted part of it begins (its
    identity), where its longest quoted part begins, source, the longest part's first words."""

    stem: str
    first: int
    start: int
    source: str | None
    words: str

    @property
    def kind(self) -> str:
        return mention_kind(self.source)


def quoted(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The scorer's quoted parts, each begun after its opening mark: where the scorer found no
    pair of marks in a fragment it gives the whole fragment, so skip to the mark in it, if any."""
    out = []
    for a, b in parts:
        if a > 0 and text[a - 1] not in '"“':
            mark = next((i for i in range(a, b) if text[i] in '"“'), None)
            a = a if mark is None else mark + 1
        out.append((a, b))
    return out


def gold_quotes(split: Path = SPLIT) -> list[Gold]:
    """Every gold direct quotation of the split, as the scorer defines them (one per first part)."""
    gold, _ = scorer(split.parent).load_gold(split)
    out: dict[tuple[str, int], Gold] = {}
    for stem, (text, quotes) in gold.items():
        for g in quotes:
            first = g["parts"][0][0]
            a, b = max(quoted(text, g["parts"]), key=lambda p: p[1] - p[0])
            words = first_words(text[a:b].strip(_MARKS))
            if (stem, first) not in out:
                out[stem, first] = Gold(stem, first, a, g["source_text"] if g["source"] else None, words)
    return list(out.values())


def sample(pool: list[Gold], taken: list[dict[str, str]]) -> list[Gold]:
    """SIZE gold quotations drawn uniformly with SEED, none within NEAR of a ``taken`` label."""
    near: dict[str, list[int]] = {}
    for r in taken:
        near.setdefault(r["stem"], []).append(int(r["start"]))
    free = [g for g in pool if all(abs(g.first - s) > NEAR for s in near.get(g.stem, []))]
    picked = random.Random(SEED).sample(free, SIZE)
    return sorted(picked, key=lambda g: (g.stem, g.start))


def _attribution(stem: str, start: int, split: Path = SPLIT) -> dict[str, str]:
    """The gold spans (Source, Cue, Content) of the attribution with a quoted part at ``start``."""
    sq = scorer(split.parent)
    text = (split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    ann = sorted((split / "attributions").glob(f"{stem}_*.ann"))[0]
    spans, rels = sq.read_ann(ann)
    for r in rels:
        if r.get("Content") not in spans:
            continue
        if any(a == start for a, _ in quoted(text, sq.quoted_parts(text, spans[r["Content"]][1]))):
            return {
                role: " … ".join(text[a:b] for a, b in spans[r[role]][1]) if r.get(role) in spans else ""
                for role in ("Source", "Cue", "Content")
            }
    return {}


def _show(path: Path, first: int, limit: int | None) -> None:
    """Print the text around items ``first`` .. ``first + limit`` (for labelling; no output of ours)."""
    rows = read_labels(path)
    stop = None if limit is None else first + limit
    for n, r in enumerate(rows[first:stop], start=first):
        text = (SPLIT / "text" / f"{r['stem']}.txt").read_text(encoding="utf-8")
        start = int(r["start"])
        spans = _attribution(r["stem"], start)
        head = text.split("\n", 1)[0]
        ctx = text[max(0, start - 1100) : start] + "⟦" + text[start : start + 250] + "⟧"
        names = sorted(set(re.findall(r"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][\w’'-]+", text[: start + 300])))
        print(f"===== #{n} {r['stem']}\t{start}\t{r['kind']}\t{r['first_words']}\t[{r['speaker']}]")
        print(f"[{head}]\nNAMES: {names}")
        print(f"SOURCE: {spans.get('Source')!r}  CUE: {spans.get('Cue')!r}")
        print("  " + ctx.replace("\n", "\n  ") + "\n")


def main(argv: list[str]) -> int:
    """Write the sample to label, or show items' context."""
    if argv[:1] == ["sample"]:
        out = Path(argv[1]) if len(argv) > 1 else OUT
        with out.open("w", encoding="utf-8") as fh:
            fh.write("stem\tstart\tkind\tfirst_words\tspeaker\n")
            for g in sample(gold_quotes(), read_labels(LABELS)):
                fh.write(f"{g.stem}\t{g.start}\t{g.kind}\t{g.words}\t\n")
        return 0
    if argv[:1] == ["show"]:
        nums = [int(a) for a in argv[2:4]]
        _show(Path(argv[1]), nums[0] if nums else 0, nums[1] if len(nums) > 1 else None)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
