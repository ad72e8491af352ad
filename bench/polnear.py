"""Quotes on PolNeAR: `briefing quotes --json` scored by the corpus's own protocol, misses by cause.

Runs ``briefing quotes <split>/text --json`` (the real CLI, so the spans are the file offsets a
user gets), then PolNeAR's ``score_quotes.py`` (loaded from ../shared, never copied), and prints
the per-quote table of misses and wrong speakers grouped by cause, then the totals line.
Tune on ``train``, report ``dev``; PolNeAR's test compartment is not used.

    .venv/bin/python bench/polnear.py [dev|train ...] [--table] [--polnear DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from modload import load  # noqa: E402

DEFAULT_POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"
_TOTALS = re.compile(
    r"recall (?P<recall>[\d.]+)%, precision (?P<precision>[\d.]+)% of (?P<extracted>\d+) extracted.*"
    r"speaker (?P<right>\d+)/(?P<with_source>\d+) = (?P<speaker>[\d.]+)%; "
    r"spans not holding their quote: (?P<bad_spans>\d+)"
)
PRONOUNS = frozenset("he she they i we it who which that you his her their".split())


@dataclass
class Result:
    """The scorer's figures on one split, and its per-quote rows (kind, article, content, gold
    source, what we said)."""

    split: str
    recall: float
    precision: float
    speaker: float
    extracted: int
    bad_spans: int
    rows: list[tuple[str, ...]] = field(default_factory=list)
    seconds: float = 0.0


def scorer(polnear: Path = DEFAULT_POLNEAR) -> ModuleType:
    """PolNeAR's own ``score_quotes.py`` as a module (from ../shared, never copied)."""
    return load(polnear / "score_quotes.py", "polnear_score_quotes")


def quotes_json(texts: Path) -> tuple[list[dict[str, object]], float]:
    """What ``briefing quotes TEXTS --json`` prints, and its CPU seconds (user + system)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "quotes", str(texts), "--json", "-q"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(out), cpu


def evaluate(split: str, polnear: Path = DEFAULT_POLNEAR) -> Result:
    """Score ``briefing quotes --json`` on one PolNeAR split with the corpus's protocol."""
    data, cpu = quotes_json(polnear / split / "text")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        path = fh.name
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        scorer(polnear).main(str(polnear / split), path, table=True)
    Path(path).unlink()
    lines = buffer.getvalue().splitlines()
    totals = _TOTALS.search(lines[-1])
    if totals is None:
        raise ValueError(f"unexpected scorer output: {lines[-1]}")
    return Result(
        split,
        # the scorer prints one decimal of a percentage: a rate to 3 decimals, exactly
        round(float(totals["recall"]) / 100, 3),
        round(float(totals["precision"]) / 100, 3),
        round(int(totals["right"]) / int(totals["with_source"]), 4),
        int(totals["extracted"]),
        int(totals["bad_spans"]),
        [tuple(line.split("\t")) for line in lines[:-1]],
        cpu,
    )


def cause(row: tuple[str, ...]) -> str:
    """Why a gold quote was missed or got the wrong speaker mention."""
    kind, _, content, gold_source, got = (*row, "")[:5]
    if kind == "MISSED":
        marks = sum(content.count(c) for c in '"“”')
        return "missed: quote runs across paragraphs" if marks % 2 else "missed: not extracted"
    gold = gold_source.strip().lower()
    if got.startswith("unattributed"):
        return "speaker: unattributed"
    if not gold:
        return "speaker: gold has no source words"
    mention = re.search(r"\(mention '(.*)'\)$", got)
    said = (mention.group(1) if mention else "").lower()
    if gold in PRONOUNS and said not in PRONOUNS:
        return "speaker: gold is a pronoun, we name someone"
    if said in PRONOUNS and gold not in PRONOUNS:
        return "speaker: we rest on a pronoun, gold names someone"
    if said and (said in gold or gold in said):
        return "speaker: same words, elsewhere in the text"
    return "speaker: another mention"


def main(argv: list[str]) -> int:
    """Print the table by cause (with ``--table``) and the totals of each split asked for."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("splits", nargs="*", default=["dev"], choices=["dev", "train"])
    parser.add_argument("--table", action="store_true", help="print every miss and wrong speaker")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    args = parser.parse_args(argv)
    for split in args.splits:
        result = evaluate(split, args.polnear)
        causes = Counter(cause(r) for r in result.rows)
        if args.table:
            for name in sorted(causes):
                print(f"\n## {name} ({causes[name]})")
                for row in result.rows:
                    if cause(row) == name:
                        print("  " + " | ".join(x[:90] for x in row[1:]))
        print(f"\nPolNeAR {split}: by cause: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
        print(
            f"PolNeAR {split}: recall {result.recall:.1%}, precision {result.precision:.1%} of "
            f"{result.extracted}, speaker {result.speaker:.1%}, spans not holding their quote "
            f"{result.bad_spans}; CPU {result.seconds:.1f} s for the whole CLI run"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
