"""Quote extraction and attribution measured against the hand-labelled seed quotes.

Runs the real chain (ingest → clean → segment → quotes.extract, then quotes.merge across all the
seeds, as a briefing sees them) and compares with the gold file: for every gold quote, whether
it was found (matched by its prefix, quote marks and spaces normalised) and whether the canonical
speaker is right (an ``also:`` answer counts). Prints one row per gold quote and the totals.

    .venv/bin/python bench/quotes_report.py [SEEDS_DIR] [GOLD]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.clean import clean
from briefing.ingest import read_path
from briefing.models import Article, Quote
from briefing.quotes import extract, merge
from briefing.segment import segment, split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "seed_quotes.yaml"


def norm(text: str) -> str:
    """Lower case, one kind of apostrophe, no quote marks, single spaces."""
    text = re.sub(r"[’‘`´]", "'", text.lower())
    text = re.sub(r"[“”„«»\"‹›]", " ", text)
    return " ".join(text.split())


@dataclass
class Row:
    """One gold quote and what the chain made of it."""

    file: str
    quote: str
    kind: str
    expected: tuple[str, ...]
    found: bool = False
    got: str = ""
    got_kind: str = ""
    cue: str = ""
    mention: str = ""

    @property
    def right(self) -> bool:
        return self.found and norm(self.got) in {norm(e) for e in self.expected}


@dataclass
class Report:
    """Every row, the extra quotes nobody labelled, and the quotes found inside boilerplate."""

    rows: list[Row] = field(default_factory=list)
    extracted: int = 0
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)  # (file, speaker, text)
    boilerplate: list[tuple[str, str]] = field(default_factory=list)  # (file, quote text)

    def rate(self, kind: str | None, what: str) -> float:
        rows = [r for r in self.rows if kind is None or r.kind == kind]
        if what == "found":
            return sum(r.found for r in rows) / len(rows) if rows else 0.0
        found = [r for r in rows if r.found]
        return sum(r.right for r in found) / len(found) if found else 0.0


def load(seeds: Path) -> list[tuple[str, Article, tuple[Quote, ...]]]:
    """Each seed through ingest → clean → segment → extract."""
    out = []
    for path in sorted(seeds.glob("*.txt")):
        articles, _ = read_path(path)
        for article in articles:
            cleaned = clean(article)
            sentences = segment(cleaned.paragraphs)
            out.append((path.name, article, extract(article, cleaned.paragraphs, sentences)))
    return out


def evaluate(seeds: Path, gold_path: Path) -> Report:
    """Compare the chain's merged quotes with the gold file."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    per_article = load(seeds)
    texts = {article.id: (name, article.text) for name, article, _ in per_article}
    merged = merge([q for _, _, quotes in per_article for q in quotes])
    report = Report(extracted=len(merged))
    # (file, normalised source text, quote) for every source of every merged quote
    sourced = [
        (texts[s.article_id][0], norm(texts[s.article_id][1][s.start : s.end]), q)
        for q in merged
        for s in q.sources
    ]
    matched: set[int] = set()
    for file, entries in gold.items():
        if file == "boilerplate":
            continue
        for entry in entries:
            expected = (entry["speaker"], *entry.get("also", []))
            row = Row(file, entry["quote"], entry["kind"], expected)
            prefix = norm(entry["quote"])
            for f, text, q in sourced:
                if f == file and text.startswith(prefix):
                    row.found, row.got, row.got_kind = True, q.speaker, q.kind
                    row.cue, row.mention = q.cue or "", q.mention or ""
                    matched.add(id(q))
                    break
            report.rows.append(row)
    report.unmatched = [
        (texts[q.sources[0].article_id][0], q.speaker, q.text) for q in merged if id(q) not in matched
    ]
    for name, article, quotes in per_article:
        blocks = [
            p
            for p in split_paragraphs(article.text)
            if any(b in p.text for b in gold.get("boilerplate", {}).get(name, []))
        ]
        for q in quotes:
            for s in q.sources:
                if any(p.start < s.end and s.start < p.end for p in blocks):
                    report.boilerplate.append((name, q.text))
    return report


def main(argv: list[str]) -> int:
    """Print the per-quote table and the totals."""
    seeds = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEEDS
    gold = Path(argv[2]) if len(argv) > 2 else DEFAULT_GOLD
    report = evaluate(seeds, gold)
    print(f"{'article':10} {'quote':42} {'kind':8} {'found':5} {'expected':28} {'got':28} verdict")
    for r in report.rows:
        if not r.found:
            verdict = "MISSED"
        elif r.right:
            verdict = f"right ({r.cue}: {r.mention})"
        else:
            verdict = f"WRONG ({r.cue}: {r.mention})"
        kind = r.kind if not r.found or r.got_kind == r.kind else f"{r.kind}≠{r.got_kind}"
        print(
            f"{r.file[:9]:10} {r.quote[:40]:42} {kind:8} {'yes' if r.found else 'no':5} "
            f"{r.expected[0][:27]:28} {r.got[:27]:28} {verdict}"
        )
    full = [r for r in report.rows if r.kind == "full"]
    print()
    print(
        f"full quotes found:   {sum(r.found for r in full)}/{len(full)} = {report.rate('full', 'found'):.1%}"
    )
    print(
        f"all quotes found:    {sum(r.found for r in report.rows)}/{len(report.rows)} = "
        f"{report.rate(None, 'found'):.1%}"
    )
    found = [r for r in report.rows if r.found]
    print(
        f"attributed right:    {sum(r.right for r in found)}/{len(found)} = {report.rate(None, 'right'):.1%}"
    )
    print(f"kind agrees:         {sum(r.got_kind == r.kind for r in found)}/{len(found)}")
    print(f"boilerplate quotes:  {len(report.boilerplate)}")
    print(f"extracted (merged):  {report.extracted}, not in the gold: {len(report.unmatched)}")
    for file, speaker, text in report.unmatched:
        print(f"    {file[:9]:10} {speaker[:30]:31} {text[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
