"""Train the fluency model (``briefing/fluency.py``) and calibrate its threshold.

Counts shape-class bigrams over well-formed English news: the PolNeAR train articles and the
MultiLing 2011 source texts (``../shared/eval``; only the counts are written, never text). Then
scores the sentences of PolNeAR *dev* and prints the percentiles the threshold in
``briefing/summarise.py`` (``MIN_FLUENCY``) was read from, and the score of the garbled
translation the issue quotes. Usage: ``python bench/train_fluency.py [--write]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.fluency import FluencyModel, count  # noqa: E402
from briefing.segment import segment, split_paragraphs  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
OUT = ROOT / "briefing" / "data" / "fluency.json"

# English function words: closed-class words whose order carries the grammar.
FUNCTION_WORDS = frozenset(
    """
a an the this that these those some any each every no all both either neither
i you he she it we they me him her us them my your his its our their mine yours
who whom whose which what where when why how
and or but nor so yet if because although though while since until unless whether than as
of in on at by for with from to into onto over under about after before between against during
through without within among upon across along around toward towards off out up down
is are was were be been being am has have had do does did will would shall should can could
may might must not there here also only just very more most such own other another same
""".split()
)


def sentences_of(path: Path, skip_first_line: bool) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if skip_first_line:
        text = text.split("\n", 1)[-1]
    return [s.text for s in segment(split_paragraphs(text, path.name))]


def corpus(split: str) -> list[str]:
    out: list[str] = []
    for path in sorted((SHARED / "polnear" / split / "text").glob("*.txt")):
        out += sentences_of(path, skip_first_line=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write briefing/data/fluency.json")
    args = parser.parse_args()
    train = corpus("train")
    for path in sorted((SHARED / "multiling2011" / "source").glob("*.english")):
        train += sentences_of(path, skip_first_line=False)
    table = count(train, FUNCTION_WORDS)
    model = FluencyModel(FUNCTION_WORDS, table)
    dev = [s for s in corpus("dev") if len(s.split()) >= 6]
    scores = sorted(model.score(s) for s in dev)
    print(f"trained on {len(train)} sentences; scored {len(dev)} PolNeAR dev sentences of 6+ words")
    for q in (0.005, 0.01, 0.02, 0.05, 0.10, 0.50):
        print(f"  dev percentile {q:>5.1%}: {scores[int(q * (len(scores) - 1))]:.3f}")
    garbled = (
        "In a joint press conference with his Russian counterpart, he warned today, Thursday, US "
        "Secretary of State Anthony Blinken Moscow Since escalating Ukraine, he has called on Russia."
    )
    print(f"  the issue's garbled example: {model.score(garbled):.3f}")
    if args.write:
        data = {"function_words": sorted(FUNCTION_WORDS), "bigrams": table}
        OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
