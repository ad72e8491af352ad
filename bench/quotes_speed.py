"""Time `briefing quotes --json` by stage on a corpus of real news (PolNeAR train + dev texts).

The texts are repeated until the corpus has ``--articles`` articles; each repeat renames the
people (every capitalised word that stands as a name gets a suffix per copy, "Trump" → "Trumpab")
so that canonical-speaker merging sees as many distinct speakers as a real briefing of that size
would, not the same few hundred again. Stages run in-process as the CLI runs them, and each is
timed in CPU seconds: read (ingest), clean + segment, extract (per article; also per article in
ms), merge (canonical names, then folding the same words), file offsets, JSON.

    .venv/bin/python bench/quotes_speed.py [--articles 2000] [--polnear DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefing.clean import clean
from briefing.ingest import read_path
from briefing.jsonmodel import quote_dict
from briefing.models import Article, Quote
from briefing.quotes import extract, merge
from briefing.quotes.merge import canonical_names
from briefing.quotes.offsets import file_spans, source_keys
from briefing.segment import segment

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"
T = TypeVar("T")
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})\b")  # a capitalised word inside a sentence


def _suffix(copy: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[copy // 26 % 26] + letters[copy % 26] if copy else ""


def build_corpus(folder: Path, n: int, polnear: Path) -> list[Path]:
    """``n`` article files in ``folder``: the PolNeAR texts, repeated with renamed people."""
    texts = [p for split in ("train", "dev") for p in sorted((polnear / split / "text").glob("*.txt"))]
    out = []
    for i in range(n):
        source = texts[i % len(texts)]
        copy = i // len(texts)
        text = source.read_text(encoding="utf-8")
        if copy:
            text = _NAME.sub(r"\g<1>" + _suffix(copy), text)
        path = folder / f"{i:05d}-{source.name}"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def timed(seconds: dict[str, float], stage: str, fn: Callable[[], T]) -> T:
    """Run ``fn`` and add its CPU seconds to ``seconds[stage]``."""
    started = time.process_time()
    result = fn()
    seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - started
    return result


def main(argv: list[str]) -> int:
    """Print CPU seconds per stage of ``briefing quotes --json`` on the corpus."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    args = parser.parse_args(argv)
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(Path(tmp), args.articles, args.polnear)
        articles: list[Article] = []
        for path in paths:
            articles.extend(timed(seconds, "read", lambda p=path: read_path(p)[0]))  # type: ignore[misc]
        found: list[Quote] = []
        for article in articles:
            cleaned = timed(seconds, "clean", lambda a=article: clean(a))  # type: ignore[misc]
            sentences = timed(seconds, "segment", lambda c=cleaned: segment(c.paragraphs))  # type: ignore[misc]
            found.extend(
                timed(
                    seconds,
                    "extract",
                    lambda a=article, c=cleaned, s=sentences: extract(a, c.paragraphs, s),  # type: ignore[misc]
                )
            )
        names = timed(seconds, "merge: canonical names", lambda: canonical_names(found))
        merged = timed(seconds, "merge: total", lambda: merge(found))
        keys = [k for q in merged for k in source_keys(q.sources)]
        spans = timed(seconds, "file offsets", lambda: file_spans(articles, keys))
        timed(
            seconds,
            "json",
            lambda: json.dumps([quote_dict(q, spans=spans) for q in merged], ensure_ascii=False),
        )
    speakers = len({n for n in names.values()})
    print(
        f"{len(articles)} articles, {len(found)} quotes, {len(merged)} after merging, "
        f"{len(names)} speaker names → {speakers} canonical"
    )
    for stage, value in seconds.items():
        print(f"  {stage:24s} {value:7.2f} s CPU")
    print(f"  extract per article      {1000 * seconds['extract'] / max(1, len(articles)):7.2f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
