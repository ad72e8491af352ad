"""Speaker resolution on PolNeAR train: is the *resolved* speaker name of a quote the right person?

PolNeAR scores only the mention a quote rests on ("he", "the senator"); which person that mention
names is resolution, scored here against hand labels (bench/data/resolution_train.tsv: article
stem, quote start offset, the quote's first words, the mention kind at sampling time, the true
speaker; labels only, the article text stays in ../shared). Runs the real CLI on train
(``briefing quotes train/text --json``, so speakers are the merged, canonical ones a user gets),
matches every labelled quote to an extracted one, and prints accuracy overall, by mention kind
(pronoun / role / surname / name / none), the estimate weighted by how often each kind occurs in
the whole train extraction, and a table of the errors.

    .venv/bin/python bench/resolution.py [--labels TSV] [--errors] [--json Q.json]
    .venv/bin/python bench/resolution.py sample OUT.tsv      # the fixed-seed sample to label
    .venv/bin/python bench/resolution.py show LABELS.tsv [N]  # the article text around items

Label conventions (column ``speaker``): the person's full name as the article gives it (variants
separated by " | "); "unattributed" when the text names no speaker; "~noun" for an unnamed
speaker described by that head noun ("~spokesman": right when the output is a description
ending in it, or with it before its qualifier: "spokesman for Dana Holt"); "-" when the
extracted stretch is no quotation of anyone (excluded from scores).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from polnear import quotes_json  # noqa: E402  (the same CLI run the PolNeAR bench makes)

TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"
LABELS = ROOT / "bench" / "data" / "resolution_train.tsv"
KINDS = ("pronoun", "role", "surname", "name", "none")
# The sample: interesting mentions (those resolution must work for) and a share of the others.
SEED = 20261201
SAMPLE = {"pronoun": 80, "role": 50, "surname": 70, "name": 30, "none": 20}

_PRONOUNS = frozenset("he she they it who i we you which that whom".split())
# Words before a name that are titles, not part of it (the label is the bare name).
_TITLES = frozenset(
    """mr mrs ms miss dr sen senator rep gov governor president pres vice secretary former the rev
judge prof professor gen general lt col sgt adm capt mayor pastor speaker sir dame lord lady
attorney chairman chairwoman""".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())


@dataclass(frozen=True)
class Item:
    """One source of one extracted quote: where, the speaker output, the mention's words."""

    stem: str
    start: int
    end: int
    text: str
    speaker: str
    mention: str | None

    @property
    def kind(self) -> str:
        return mention_kind(self.mention)


def mention_kind(mention: str | None) -> str:
    """pronoun / role (a description, no name) / surname (one name word, titles aside) / name."""
    if mention is None:
        return "none"
    words = re.sub(r"\(.*", "", mention).split()
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    tail = 0
    for w in reversed(words):
        if not w[:1].isupper() or w.lower().strip(".,") in _TITLES or w.endswith("."):
            break
        tail += 1
    return "name" if tail >= 2 else "surname" if tail == 1 else "role"


def run_cli(texts: Path = TRAIN) -> list[dict[str, object]]:
    """What ``briefing quotes TEXTS --json -q`` prints (the real CLI, run as bench/polnear.py
    runs it)."""
    return quotes_json(texts)[0]


def items(data: list[dict[str, object]]) -> list[Item]:
    """Every (quote, source) pair of the CLI's JSON, with its mention read from the file."""
    texts: dict[str, str] = {}
    out = []
    for q in data:
        for s in q["sources"]:  # type: ignore[attr-defined]
            path = s["path"]
            if path not in texts:
                texts[path] = Path(path).read_text(encoding="utf-8")
            span = s["speaker_span"]
            mention = texts[path][span[0] : span[1]] if span else None
            stem = Path(path).stem
            out.append(Item(stem, s["start"], s["end"], str(q["text"]), str(q["speaker"]), mention))
    return sorted(out, key=lambda i: (i.stem, i.start))


def sample(found: list[Item]) -> list[Item]:
    """The fixed-seed sample: SAMPLE[kind] items of each mention kind."""
    rng = random.Random(SEED)
    picked = []
    for kind in KINDS:
        pool = [i for i in found if i.kind == kind]
        picked += rng.sample(pool, min(SAMPLE[kind], len(pool)))
    return sorted(picked, key=lambda i: (i.stem, i.start))


def first_words(text: str, n: int = 5) -> str:
    return " ".join(text.split()[:n])


def _tokens(name: str) -> list[str]:
    name = re.sub(r"\(.*?\)|\(.*", " ", name)
    words = re.sub(r"[^\w\s'’-]", " ", name.lower()).replace("’", "'").split()
    words = [w for w in words if not w.endswith("'s")]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 2:  # middle names and initials do not make another person
        words = [words[0], words[-1]]
    return words


def right(predicted: str, label: str) -> bool:
    """Does the predicted speaker name the labelled one?"""
    for gold in (g.strip() for g in label.split("|")):
        if gold == "unattributed":
            if predicted == "unattributed":
                return True
            continue
        if gold == "~author" and predicted.startswith("the author"):
            return True  # the narrator of an article with no byline: "the author of “<title>”"
        if gold.startswith("~"):
            # the head noun ends the description, or stands before its qualifier ("spokesperson
            # for British Prime Minister Tony Blair", "chairman of the committee")
            toks = _tokens(re.split(r"\s(?:for|of|at|to|with|from)\s", predicted, maxsplit=1)[0])
            if predicted != "unattributed" and toks and toks[-1].rstrip("s") == gold[1:].lower().rstrip("s"):
                return True
            continue
        if _tokens(predicted) == _tokens(gold):
            return True
    return False


def read_labels(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")]
    return rows


def match(label: dict[str, str], by_stem: dict[str, list[Item]]) -> Item | None:
    """The extracted item for a label: the same start, else one overlapping it with the same
    first words (a boundary moved)."""
    start = int(label["start"])
    pool = by_stem.get(label["stem"]) or by_stem.get(_twin(label["stem"]), [])
    for i in pool:
        if i.start == start:
            return i
    words = label["first_words"].lower()
    for i in pool:
        if i.start - 40 <= start <= i.end and words[:20] in i.text.lower():
            return i
    return None


def _twin(stem: str, texts: Path = TRAIN) -> str:
    """The stem of another file with the very same text (train has exact duplicates under two
    names; ingest reads the text once, so its quotes cite one of the two), else ``stem``."""
    path = texts / f"{stem}.txt"
    if not path.exists():
        return stem
    data = path.read_bytes()
    for other in sorted(texts.glob(f"{stem.split('_', 2)[0]}_*{stem.split('_', 2)[-1][:12]}*.txt")):
        if other.stem != stem and other.stat().st_size == len(data) and other.read_bytes() == data:
            return other.stem
    return stem


@dataclass
class Score:
    """Right / labelled per kind, the errors, and the weighted estimate."""

    right: Counter[str]
    total: Counter[str]
    errors: list[tuple[str, ...]]
    weighted: float

    @property
    def accuracy(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.total.values()))


def score(found: list[Item], labels: list[dict[str, str]]) -> Score:
    """Accuracy of the resolved speakers on the labelled items."""
    by_stem: dict[str, list[Item]] = {}
    for i in found:
        by_stem.setdefault(i.stem, []).append(i)
    good: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: list[tuple[str, ...]] = []
    for label in labels:
        if label["speaker"].strip() == "-":
            continue  # not a quotation of anyone
        kind = label["kind"]
        total[kind] += 1
        item = match(label, by_stem)
        predicted = item.speaker if item is not None else "(not extracted)"
        if right(predicted, label["speaker"]):
            good[kind] += 1
        else:
            mention = item.mention if item is not None else None
            errors.append((kind, label["stem"][:40], label["start"], label["first_words"][:30],
                           label["speaker"], predicted, repr(mention)))  # fmt: skip
    population = Counter(i.kind for i in found)
    share = {k: population[k] / max(1, sum(population.values())) for k in KINDS}
    weighted = sum(share[k] * good[k] / total[k] for k in KINDS if total[k])
    weighted /= max(1e-9, sum(share[k] for k in KINDS if total[k]))
    return Score(good, total, errors, weighted)


def by_kind(result: Score) -> str:
    """ "pronoun 68/79 = 86.1%, role …": right / labelled of each mention kind that has labels."""
    return ", ".join(
        f"{k} {result.right[k]}/{result.total[k]} = {result.right[k] / result.total[k]:.1%}"
        for k in KINDS
        if result.total[k]
    )


def _show(path: Path, limit: int | None) -> None:
    """Print the text around each unlabelled item (for labelling; nothing is stored)."""
    rows = [r for r in read_labels(path) if not r["speaker"].strip()]
    for r in rows[:limit]:
        text = (TRAIN / f"{r['stem']}.txt").read_text(encoding="utf-8")
        start = int(r["start"])
        head = text.split("\n", 1)[0]
        ctx = text[max(0, start - 1400) : start] + "⟦" + text[start : start + 200] + "⟧"
        names = sorted(set(re.findall(r"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][\w’'-]+", text[: start + 300])))
        print(f"===== {r['stem']}\t{r['start']}\t{r['kind']}\t{r['first_words']}\n[{head}]\nNAMES: {names}")
        print(ctx.replace("\n", "\n  ") + "\n")


def main(argv: list[str]) -> int:
    """Score the labels (default), write the sample to label, or show items' context."""
    if argv[:1] == ["sample"]:
        out = Path(argv[1])
        with out.open("w", encoding="utf-8") as fh:
            fh.write("stem\tstart\tkind\tfirst_words\tspeaker\n")
            for i in sample(items(run_cli())):
                fh.write(f"{i.stem}\t{i.start}\t{i.kind}\t{first_words(i.text)}\t\n")
        return 0
    if argv[:1] == ["show"]:
        _show(Path(argv[1]), int(argv[2]) if len(argv) > 2 else None)
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--errors", action="store_true", help="print every wrong speaker")
    parser.add_argument("--json", type=Path, help="score this CLI output instead of running the CLI")
    args = parser.parse_args(argv)
    data = json.loads(args.json.read_text(encoding="utf-8")) if args.json else run_cli()
    result = score(items(data), read_labels(args.labels))
    if args.errors:
        for row in sorted(result.errors):
            print("  " + " | ".join(row))
    print(f"resolution (train labels): {by_kind(result)}")
    print(
        f"resolution (train labels): overall {sum(result.right.values())}/{sum(result.total.values())}"
        f" = {result.accuracy:.1%}; weighted by kind over all train quotes {result.weighted:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
