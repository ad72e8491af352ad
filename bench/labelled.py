"""The command line the blind-labelled resolution sets share (bench/resolution_news.py,
bench/resolution_wikinews.py): write the texts, list the candidates to label, show their
context, and score the labels by part of the set's split (errors of the tune part only).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from resolution import Item, Score, by_kind, first_words, items, read_labels, run_cli, score  # noqa: E402

COLUMNS = ("stem", "start", "kind", "first_words", "speaker", "part")


@dataclass(frozen=True)
class LabelledSet:
    """One set: its name in the printed lines, its labels, and how its texts are made and split."""

    name: str
    labels: Path
    write_texts: Callable[[Path], int]
    candidates: Callable[[Path], list[dict[str, str]]]
    quoted: Callable[[str], Iterator[tuple[int, str]]]
    part_of: Callable[[str], str]
    unit: str  # "pages", "texts"


def quoted_stretches(
    text: str, double: re.Pattern[str], single: re.Pattern[str]
) -> Iterator[tuple[int, str]]:
    """(start just inside the opening mark, the quoted words) of every candidate, in order: each
    ``double`` match's one matched group, then each ``single`` one of two words or more outside
    them."""
    spans = []
    for m in double.finditer(text):
        group = next(g for g in range(1, (double.groups or 0) + 1) if m.group(g) is not None)
        spans.append((m.start(group), m.end(group)))
    for m in single.finditer(text):
        inside = any(a <= m.start() < b for a, b in spans)
        if not inside and len(m.group(1).split()) >= 2:
            spans.append((m.start(1), m.end(1)))
    for a, b in sorted(spans):
        if text[a:b].strip():
            yield a, text[a:b]


def row(stem: str, start: int, words: str, part: str) -> dict[str, str]:
    """One row to label: the candidate's place, its first words, no kind or speaker yet."""
    return dict(zip(COLUMNS, (stem, str(start), "none", first_words(words), "", part), strict=True))


def show(spec: LabelledSet, texts: Path, labels: Path, first: int, limit: int | None) -> None:
    """Print the text around items ``first`` .. ``first + limit`` (for labelling)."""
    rows = read_labels(labels)
    stop = None if limit is None else first + limit
    for n, r in enumerate(rows[first:stop], start=first):
        text = (texts / f"{r['stem']}.txt").read_text(encoding="utf-8")
        start = int(r["start"])
        end = start + len(dict(spec.quoted(text)).get(start, ""))
        ctx = text[max(0, start - 600) : start] + "⟦" + text[start:end] + "⟧" + text[end : end + 250]
        print(f"===== #{n} {r['stem'][:12]} {start} {r['part']} [{r['speaker']}] {r['first_words']}")
        print("  " + ctx.replace("\n", "\n  ") + "\n")


def line(spec: LabelledSet, part: str, found: list[Item], labels: list[dict[str, str]]) -> str:
    """One printed line of scores: overall, weighted by kind, and by kind."""
    result = score(found, labels)
    overall = f"{sum(result.right.values())}/{sum(result.total.values())} = {result.accuracy:.1%}"
    weighted = f"weighted by kind {result.weighted:.1%}"
    head = f"resolution {spec.name} ({part}): overall {overall}; {weighted}"
    return f"{head}; {by_kind(result)}; {outcomes(result)}"


def outcomes(result: Score) -> str:
    """How the wrong ones went: the quote not extracted, left unattributed, or given to another."""
    got = Counter(e[5] if e[5] in ("(not extracted)", "unattributed") else "other" for e in result.errors)
    missed, unattributed, other = got["(not extracted)"], got["unattributed"], got["other"]
    return f"wrong: {missed} not extracted, {unattributed} unattributed, {other} another speaker"


def main(spec: LabelledSet, argv: list[str], doc: str | None) -> int:
    """Score the labels (default), write the texts, list the candidates, or show their context."""
    if argv[:1] == ["write-texts"]:
        print(f"{spec.write_texts(Path(argv[1]))} texts written to {argv[1]}")
        return 0
    if argv[:1] == ["candidates"]:
        rows = spec.candidates(Path(argv[1]))
        with Path(argv[2]).open("w", encoding="utf-8") as fh:
            fh.write("\t".join(COLUMNS) + "\n")
            fh.writelines("\t".join(r[c] for c in COLUMNS) + "\n" for r in rows)
        print(f"{len(rows)} candidates in {len({r['stem'] for r in rows})} {spec.unit}")
        return 0
    if argv[:1] == ["show"]:
        nums = [int(a) for a in argv[3:5]]
        show(spec, Path(argv[1]), Path(argv[2]), nums[0] if nums else 0, nums[1] if len(nums) > 1 else None)
        return 0
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--labels", type=Path, default=spec.labels)
    parser.add_argument("--errors", action="store_true", help="print the wrong speakers of the tune part")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels)
    with tempfile.TemporaryDirectory() as tmp:
        spec.write_texts(Path(tmp))
        found = items(run_cli(Path(tmp)))
    if args.errors:  # the tune part only: the held-out part is for reporting
        tune = [r for r in labels if spec.part_of(r["stem"]) == "tune"]
        for row in sorted(score(found, tune).errors):
            print("  " + " | ".join(row))
    print(line(spec, "all", found, labels))
    for part in ("tune", "held-out"):
        chosen = [r for r in labels if spec.part_of(r["stem"]) == part]
        print(line(spec, part, [i for i in found if spec.part_of(i.stem) == part], chosen))
    return 0
