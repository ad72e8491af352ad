"""Headline quotes on PolNeAR: each article's first line read as its title, the rest as its body.

PolNeAR's titles end with a full stop, so the readers keep them in the body (a derived title) and
``briefing quotes`` never treats them as headlines. Here each first line is the title of an
article whose body is the rest, and ``quotes.headline_quotes`` runs on it as on a title the
readers took off. A quote it keeps is right when its span overlaps, by half or more, an annotated
attribution's content in the title (PolNeAR's own precision rule), and its speaker is right when
its ``speaker_span`` overlaps that attribution's source. ``--all`` keeps the headline quotes
the body repeats (the pipeline drops them), to measure the attribution rules on every title.
Tune on ``train``, report ``dev``; PolNeAR's test compartment is not used.

    .venv/bin/python bench/headlines.py [train|dev] [--all] [--table]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType

from briefing.clean import clean
from briefing.ingest import normalise
from briefing.models import Article
from briefing.quotes import extract, headline_quotes
from briefing.segment import segment

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from polnear import DEFAULT_POLNEAR, scorer  # noqa: E402


def _annotations(sq: ModuleType, path: Path) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(content fragments, source fragments) of every attribution of a brat .ann file, read by
    the PolNeAR scorer's own parser."""
    spans, relations = sq.read_ann(path)
    return [
        (spans[r["Content"]][1], spans.get(r.get("Source", ""), (None, []))[1])
        for r in relations
        if r.get("Content") in spans
    ]


def main(argv: list[str]) -> int:
    """Print the totals (and with ``--table`` every headline quote and its verdict)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("split", nargs="?", default="train", choices=["train", "dev"])
    parser.add_argument("--all", action="store_true", help="keep headline quotes the body repeats")
    parser.add_argument("--table", action="store_true", help="print every headline quote")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    args = parser.parse_args(argv)
    split = args.polnear / args.split
    sq = scorer(args.polnear)
    first_ann: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        first_ann.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # the first annotator's, as the scorer
    emitted = right = speaker = 0
    for stem, ann in first_ann.items():
        path = split / "text" / f"{stem}.txt"
        if not path.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        first, _, rest = raw.partition("\n")
        title = first.strip()
        offset = first.index(title) if title else 0
        article = Article(id=stem, path=str(path), title=title, text=normalise(rest).strip())
        cleaned = clean(article)
        sentences = segment(cleaned.paragraphs)
        body = () if args.all else extract(article, cleaned.paragraphs, sentences)
        gold = [g for g in _annotations(sq, ann) if any(a < len(first) for a, _ in g[0])]
        for q in headline_quotes(article, cleaned.paragraphs, sentences, (), body):
            emitted += 1
            (s,) = q.sources
            span = (s.start + offset, s.end + offset)
            hits = [g for g in gold if 2 * sum(sq.overlap(span, f) for f in g[0]) >= span[1] - span[0]]
            who = (s.speaker_span[0] + offset, s.speaker_span[1] + offset) if s.speaker_span else (0, 0)
            ok = any(sq.overlap(who, f) > 0 for g in hits for f in g[1])
            right += bool(hits)
            speaker += ok
            if args.table:
                verdict = "right" if ok else "wrong speaker" if hits else "no attribution"
                print(f"{verdict:15s} {title[:80]} | {q.text[:40]} | {q.speaker}")
    print(
        f"PolNeAR {args.split} titles as headlines{' (body repeats kept)' if args.all else ''}: "
        f"{emitted} headline quotes, {right} on an annotated attribution, speaker right {speaker}/{right}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
