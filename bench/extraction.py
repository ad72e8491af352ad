"""Article-body extraction measured on the Scrapinghub/Zyte article extraction benchmark.

Runs our reader + cleaner on the 181 pages of ``../shared/eval/article-extraction`` two ways, as
``briefing articles`` reads them:

- ``html``: each ``html/<id>.html.gz`` gunzipped to a ``.html`` file and read by ``read_path``
  (trafilatura plus our text-level rules), then ``clean``;
- ``text``: each ``text/<id>.txt`` (the page as copied text, every visible string, navigation and
  all) read by ``read_path`` as plain text, then ``clean``.

The body is the kept paragraphs joined by a blank line. Scoring is the benchmark's own
``evaluate.py`` (4-gram shingle precision/recall per page, averaged; F1 of the averages), imported
from the shared folder, not copied.

Tuning protocol: the benchmark has no dev split, so we make one. A page belongs to the *tune* part
when the first hex digit of sha256(page id) is below ``a`` (10 of 16 values, about 60%), else to
the *held-out* part. Every threshold of ``briefing/clean`` that was set on this benchmark was set on
the tune part only; the held-out part and the whole set are reported beside it, and the quality
gate (``tests/test_extraction_gate.py``) keeps floors on the whole set and on the held-out part.

    python bench/extraction.py [--data DIR] [--part all|tune|held-out] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from briefing.clean import clean
from briefing.ingest import read_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from modload import load  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "article-extraction"
# F1 on the HTML as published in the benchmark's README (``../shared/eval/README.md``).
PUBLISHED_HTML_F1 = {
    "rs-trafilatura": 0.970,
    "trafilatura 2.0": 0.958,
    "newspaper4k": 0.949,
    "readability.js": 0.947,
    "goose3": 0.896,
    "jusText": 0.804,
    "html-text (everything)": 0.665,
}
PARTS = ("tune", "held-out", "all")


def part_of(page_id: str) -> str:
    """The page's part of our split: "tune" (~60%) or "held-out" (~40%), by sha256 of its id."""
    return "tune" if hashlib.sha256(page_id.encode("utf-8")).hexdigest()[0] < "a" else "held-out"


def load_scorer(data: Path) -> ModuleType:
    """The benchmark's ``evaluate.py`` as a module (its functions are used as they are)."""
    return load(data / "evaluate.py", "article_extraction_evaluate")


@dataclass(frozen=True)
class PageResult:
    """One page: its id, the body we extracted, and the clean stage's time in seconds."""

    id: str
    body: str
    clean_seconds: float


def _body(path: Path) -> tuple[str, float]:
    articles, _errors = read_path(path)
    if not articles:
        return "", 0.0
    started = time.perf_counter()
    result = clean(articles[0])
    elapsed = time.perf_counter() - started
    return "\n\n".join(p.text for p in result.paragraphs), elapsed


def extract(data: Path, kind: str, ids: Iterable[str]) -> list[PageResult]:
    """Our body for each page id, from the HTML (``kind="html"``) or the copied text (``"text"``)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for page_id in ids:
            if kind == "html":
                path = Path(tmp) / f"{page_id}.html"
                path.write_bytes(gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()))
            else:
                path = data / "text" / f"{page_id}.txt"
            body, seconds = _body(path)
            out.append(PageResult(page_id, body, seconds))
    return out


def trafilatura_alone(data: Path, ids: Iterable[str]) -> list[PageResult]:
    """trafilatura's own ``extract`` with its defaults on each page (what the published 2.0 figure
    measures), for the comparison: our reader must add to it, not fall under it."""
    import trafilatura

    out = []
    for page_id in ids:
        html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        out.append(PageResult(page_id, trafilatura.extract(html, include_comments=False) or "", 0.0))
    return out


def score(scorer: ModuleType, truth: dict[str, dict], results: list[PageResult]) -> dict[str, float]:
    """F1, precision and recall of ``results`` with the benchmark's matching."""
    tp_fp_fns = [
        scorer.string_shingle_matching(true=truth[r.id].get("articleBody", ""), pred=r.body) for r in results
    ]
    return dict(scorer.metrics_from_tp_fp_fns(tp_fp_fns))


def page_f1(scorer: ModuleType, truth: str, pred: str) -> float:
    """One page's shingle F1 (for the list of worst pages)."""
    tp, fp, fn = scorer.string_shingle_matching(true=truth, pred=pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def measure(data: Path = DEFAULT_DATA) -> dict[str, dict[str, dict[str, float]]]:
    """kind ("html", "text", "trafilatura" alone) → part → {f1, precision, recall}; "all" also
    gets ``ms_per_article`` (the clean stage's time)."""
    scorer = load_scorer(data)
    truth = scorer.load_json(data / "ground-truth.json")
    ids = sorted(truth)
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for kind in ("html", "text", "trafilatura"):
        results = trafilatura_alone(data, ids) if kind == "trafilatura" else extract(data, kind, ids)
        figures[kind] = {}
        for part in PARTS:
            chosen = [r for r in results if part == "all" or part_of(r.id) == part]
            figures[kind][part] = score(scorer, truth, chosen)
        figures[kind]["all"]["ms_per_article"] = 1000 * sum(r.clean_seconds for r in results) / len(results)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print our figures per part beside the published extractors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--kind", choices=("html", "text", "both"), default="both")
    parser.add_argument("--part", choices=PARTS, default=None, help="list worst pages of this part")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.data)
    truth = scorer.load_json(args.data / "ground-truth.json")
    ids = sorted(truth)
    kinds = ("html", "text") if args.kind == "both" else (args.kind,)
    counts = {p: sum(1 for i in ids if p == "all" or part_of(i) == p) for p in PARTS}
    print(f"pages: {counts['all']} (tune {counts['tune']}, held-out {counts['held-out']})")
    print(f"{'input':<22} {'part':<9} {'F1':>7} {'prec':>7} {'recall':>7}")
    if "html" in kinds:
        alone = trafilatura_alone(args.data, ids)
        for part in PARTS:
            m = score(scorer, truth, [r for r in alone if part == "all" or part_of(r.id) == part])
            print(
                f"{'trafilatura alone':<22} {part:<9} {m['f1']:7.4f} {m['precision']:7.4f} {m['recall']:7.4f}"
            )
    for kind in kinds:
        results = extract(args.data, kind, ids)
        for part in PARTS:
            chosen = [r for r in results if part == "all" or part_of(r.id) == part]
            m = score(scorer, truth, chosen)
            label = f"briefing ({kind})"
            print(f"{label:<22} {part:<9} {m['f1']:7.4f} {m['precision']:7.4f} {m['recall']:7.4f}")
        ms = 1000 * sum(r.clean_seconds for r in results) / len(results)
        print(f"{'':<22} clean: {ms:.2f} ms per article")
        if args.worst:
            chosen = [r for r in results if args.part in (None, "all") or part_of(r.id) == args.part]
            ranked = sorted(chosen, key=lambda r: page_f1(scorer, truth[r.id]["articleBody"], r.body))
            for r in ranked[: args.worst]:
                f1 = page_f1(scorer, truth[r.id]["articleBody"], r.body)
                print(f"  {f1:.3f} {part_of(r.id):<9} {r.id}")
    print("published (HTML, whole set):")
    for name, f1 in PUBLISHED_HTML_F1.items():
        print(f"{name:<22} {'all':<9} {f1:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
