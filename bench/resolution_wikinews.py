"""Speaker resolution on crisis and general news: the 100 WikiNews texts of MultiLing 2011.

bench/resolution.py measures resolved speakers on PolNeAR train (US politics, 2016) and
bench/resolution_news.py on the article-extraction pages (web news and blogs). This set is
WikiNews (2004–2010, CC BY 2.5; ``../shared/eval/multiling2011/source/M00AB.english``, topic A,
document B): tsunami aid, earthquakes, conflicts, elections, read by the real CLI
(``briefing quotes DIR --json -q``, as bench/polnear.py runs it).

Texts: ``DIR/M00AB.txt`` is the source file byte for byte, not rewritten to help the reader. Its
first line is the WikiNews headline (M0000's with a "2005/01/08 " date before it) and the line
under it the date ("Saturday, January 8, 2005"): the CLI's text reader takes a short first line
with no closing full stop, text following, as the title, and a date line under it as the
publication date. Checked (after labelling) with ``ingest.text.read_txt``: all 100 first lines are
read as titles, 98 date lines as dates (M0004 and M0007 run the date into the first sentence).
Spans of a ``.txt`` index the file, title line included, so a label's ``start`` is an offset into
the ``.txt`` file and into the source file alike.

Candidates: every stretch between double quotation marks ("…", “…”) in a paragraph (a line; a
quotation left open at the end of its paragraph runs to the end of it, as quotations running over
paragraphs are written), title line included, and '…' or ‘…’ outside those when it holds two
words or more and neither mark touches a letter on its outer side (so it is no apostrophe).
Found by the regexes here, never by our extractor; all of them are labelled (no cap: the 100
texts have few). ``start`` is the offset just inside the opening mark.

``part`` splits by topic, so that no story is in both parts: topics 0–5 (M000*–M005*) are
"tune", topics 6–9 (M006*–M009*) "held-out".

Labels (bench/data/resolution_wikinews.tsv, the conventions of bench/resolution.py) were written
by hand from the texts, blind. Scoring matches each label to an extracted quote with
``resolution.match`` (a quote we do not extract counts as wrong: "(not extracted)") and prints the
accuracy overall and by mention kind, for the whole set and for each part. ``--errors`` lists the
wrong speakers of the tune part only: the held-out part is for reporting, never for tuning.
Measured with the code of 72a3d04: all 249/353 = 70.5%, tune 146/213 = 68.5%, held-out
103/140 = 73.6%. ``show`` prints only the source text (for labelling), never output of ours.

    .venv/bin/python bench/resolution_wikinews.py [--labels TSV] [--errors]  # score (errors: tune)
    .venv/bin/python bench/resolution_wikinews.py write-texts DIR
    .venv/bin/python bench/resolution_wikinews.py candidates DIR OUT.tsv
    .venv/bin/python bench/resolution_wikinews.py show DIR LABELS.tsv [FROM [N]]  # text around items
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from labelled import LabelledSet, quoted_stretches, row  # noqa: E402
from labelled import main as labelled_main  # noqa: E402
from resolution import items, read_labels, run_cli, score  # noqa: E402

# What the gate test (tests/test_resolution_general_gate.py) uses of this set.
__all__ = ["LABELS", "items", "part_of", "read_labels", "run_cli", "score", "write_texts"]

SOURCE = ROOT.parent / "shared" / "eval" / "multiling2011" / "source"
LABELS = ROOT / "bench" / "data" / "resolution_wikinews.tsv"
TUNE_TOPICS = frozenset("012345")  # M000*–M005*; topics 6–9 are held out
# A double-quoted stretch of one paragraph: closed, or left open to the paragraph's end.
_DOUBLE = re.compile(r'“([^“”\n]*)(?:”|(?=\n)|$)|"([^"\n]*)(?:"|(?=\n)|$)')
# '…' or ‘…’: neither mark touching a letter on its outer side (so not an apostrophe); an
# apostrophe between two letters ("don't") may be inside.
_INNER = r"(?:[^'‘’\n]|(?<=\w)['’](?=\w))*?"
_SINGLE = re.compile(rf"(?<![\w'‘’])['‘]({_INNER}\w{_INNER})['’](?!\w)")


def part_of(stem: str) -> str:
    """The text's part: "tune" for topics 0–5, "held-out" for 6–9 (the stem is "M00AB", A the topic)."""
    return "tune" if stem[3] in TUNE_TOPICS else "held-out"


def write_texts(out: Path, source: Path = SOURCE) -> int:
    """Each source file, byte for byte, to ``out/M00AB.txt``; the number of files written."""
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(source.glob("M*.english"))
    for path in paths:
        (out / f"{path.stem}.txt").write_bytes(path.read_bytes())
    return len(paths)


def quoted(text: str) -> Iterator[tuple[int, str]]:
    """(start just inside the opening mark, the quoted words) of every candidate, in order."""
    return quoted_stretches(text, _DOUBLE, _SINGLE)


def candidates(texts: Path) -> list[dict[str, str]]:
    """The rows to label: every candidate, in file and offset order."""
    rows = []
    for path in sorted(texts.glob("*.txt")):
        for start, words in quoted(path.read_text(encoding="utf-8")):
            rows.append(row(path.stem, start, words, part_of(path.stem)))
    return rows


SET = LabelledSet("wikinews", LABELS, write_texts, candidates, quoted, part_of, "texts")


def main(argv: list[str]) -> int:
    """Score the labels (default), write the texts, list the candidates, or show their context."""
    return labelled_main(SET, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
