"""Extraction cost grows linearly with quote-dense hostile text: every per-article lookup (mentions,
cues, quotes, paragraphs, sentences in a range) bisects an index built once per article."""

from __future__ import annotations

import random
import time
from pathlib import Path

import yaml

from briefing.models import Article
from briefing.quotes import extract
from briefing.quotes.gender import first_name_gender
from briefing.segment import segment, split_paragraphs

CEILINGS = yaml.safe_load((Path(__file__).parent / "floors" / "quotes.yaml").read_text(encoding="utf-8"))
PIECES = ["“", "”", "«", "»", "„", "‘", "’", '"', " – ", " said the minister. ", " he said. ", "Minister Varga ",
          "word ", "NATO ", ". ", "\n\n", "\n", ", ", ": ", "the official said ", "she told reporters "]  # fmt: skip


def _hostile(n_pieces: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) for _ in range(n_pieces))


def _cpu(text: str) -> float:
    article = Article(id="h", path="h.txt", title="T", text=text)
    paragraphs = split_paragraphs(text, "h")
    sentences = segment(paragraphs)
    started = time.process_time()
    extract(article, paragraphs, sentences)
    return time.process_time() - started


def test_four_times_the_text_costs_about_four_times_the_time() -> None:
    first_name_gender("Mara")  # the lexicon loads once per process: not part of the measure
    small, large = _hostile(8_000), _hostile(32_000)
    ratio = min(_cpu(large) for _ in range(2)) / max(min(_cpu(small) for _ in range(2)), 1e-3)
    # linear: about 4; the per-quote scans this replaced measured 12.7 on the same texts
    assert ratio <= CEILINGS["max_cost_growth_4x"], ratio
