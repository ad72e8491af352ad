"""Speaker resolution on general news: the 181 pages of the article-extraction benchmark.

bench/resolution.py measures resolved speakers on PolNeAR train (US politics, 2016), where the
quote rules were tuned. This set is other news and blogs (tech, sport, science, local news, a few
pages in other languages): each page's hand-checked ``articleBody`` from
``../shared/eval/article-extraction/ground-truth.json``, written as a plain text file and read by
the real CLI (``briefing quotes DIR --json -q``, as bench/polnear.py runs it).

Texts: ``DIR/<page id>.txt`` holds the ``articleBody`` exactly as it is (no title line is added:
the benchmark has none). The CLI's text reader takes the first line as the title when it looks
like one, as it does for any user's file; spans index the file either way, so a label's ``start``
is an offset into the ``.txt`` file (and into the ``articleBody``).

Candidates: every stretch between double quotation marks (“…”, "…", «…») in a paragraph (a
line of the body; a quotation left open at the end of its paragraph runs to the end of it, as
quotations running over paragraphs are written), and ‘…’ outside those when it holds two words
or more and neither mark is an apostrophe (no letter on its outer side). Found by the regexes
here, never by our extractor. ``start`` is the offset just inside the opening mark; pages with
more than ``CAP`` candidates keep ``CAP`` of them, drawn with ``random.Random(f"{SEED}:{id}")``.
``part`` is the page's part in bench/extraction.py's split (tune / held-out by sha256 of the id).

Labels (bench/data/resolution_news.tsv, the conventions of bench/resolution.py) were written by
hand from the page text, blind. Scoring matches each label to an extracted quote with
``resolution.match`` (a quote we do not extract counts as wrong: "(not extracted)") and prints the
accuracy overall and by mention kind, for the whole set and for each part. ``--errors`` lists the
wrong speakers of the tune part only: the held-out part is for reporting, never for tuning.
Measured with the code of ff76a8c: all 347/433 = 80.1%, tune 190/230 = 82.6%, held-out
157/203 = 77.3%. ``show`` prints only page text (for labelling), never output of ours.

    .venv/bin/python bench/resolution_news.py [--labels TSV] [--errors]  # score (errors: tune only)
    .venv/bin/python bench/resolution_news.py write-texts DIR
    .venv/bin/python bench/resolution_news.py candidates DIR OUT.tsv
    .venv/bin/python bench/resolution_news.py show DIR LABELS.tsv [FROM [N]]  # text around items
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from extraction import DEFAULT_DATA, part_of  # noqa: E402
from labelled import LabelledSet, quoted_stretches, row  # noqa: E402
from labelled import main as labelled_main  # noqa: E402
from resolution import items, read_labels, run_cli, score  # noqa: E402

# What the gate test (tests/test_resolution_general_gate.py) uses of this set.
__all__ = ["LABELS", "items", "part_of", "read_labels", "run_cli", "score", "write_texts"]

LABELS = ROOT / "bench" / "data" / "resolution_news.tsv"
SEED = 20261220
CAP = 6  # candidates per page at most (so a few long pages do not dominate)
# A double-quoted stretch of one paragraph: closed, or left open to the paragraph's end.
_DOUBLE = re.compile(r'“([^“”\n]*)(?:”|(?=\n)|$)|"([^"\n]*)(?:"|(?=\n)|$)|«([^«»\n]*)(?:»|(?=\n)|$)')
# ‘…’: neither mark touching a letter on its outer side (so not an apostrophe), two words or more.
_SINGLE = re.compile(r"(?<![\w‘’])‘([^‘’\n]*?\w[^‘’\n]*?)’(?![\w‘’])")


def bodies(data: Path = DEFAULT_DATA) -> dict[str, str]:
    """Page id → its hand-checked article body."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: str(page["articleBody"]) for page_id, page in sorted(truth.items())}


def write_texts(out: Path, data: Path = DEFAULT_DATA) -> int:
    """Each page's body, as it is, to ``out/<id>.txt``; the number of files written."""
    out.mkdir(parents=True, exist_ok=True)
    pages = bodies(data)
    for page_id, body in pages.items():
        (out / f"{page_id}.txt").write_text(body, encoding="utf-8", newline="")
    return len(pages)


def quoted(text: str) -> Iterator[tuple[int, str]]:
    """(start just inside the opening mark, the quoted words) of every candidate, in order."""
    return quoted_stretches(text, _DOUBLE, _SINGLE)


def candidates(texts: Path) -> list[dict[str, str]]:
    """The rows to label: at most CAP candidates a page, in page and offset order."""
    rows = []
    for path in sorted(texts.glob("*.txt")):
        found = list(quoted(path.read_text(encoding="utf-8")))
        if len(found) > CAP:
            found = sorted(random.Random(f"{SEED}:{path.stem}").sample(found, CAP))
        part = part_of(path.stem)
        for start, words in found:
            rows.append(row(path.stem, start, words, part))
    return rows


SET = LabelledSet("news", LABELS, write_texts, candidates, quoted, part_of, "pages")


def main(argv: list[str]) -> int:
    """Score the labels (default), write the texts, list the candidates, or show their context."""
    return labelled_main(SET, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
