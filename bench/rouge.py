"""ROUGE-N recall as the MultiLing 2011 organisers computed it, and a loader for that data set.

The protocol is ROUGE-1.5.5 with ``-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0 -d``:
lower-case the text, treat every run of characters other than a–z and 0–9 as a word break (no
stemming, stop words kept), count each n-gram of the summary at most as often as a reference has
it (clipping, per reference), then sum the hits and the reference totals over all references
(``-f A``) and divide: recall. A system's figure is the plain average of its per-topic recalls.
Computed this way, every system summary shipped in ``peers/`` scores within 0.001 of its
published ROUGE-1 and ROUGE-2 recall (tests/test_rouge.py checks all of them).

Summaries are scored as given: the organisers did not truncate them, so neither does
``recall``. A summariser under evaluation is held to the 250-word limit by its caller
(whitespace-separated words, as the task counted them).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import UsageError
from briefing.models import Sentence
from briefing.segment import segment, split_paragraphs

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def tokens(text: str) -> list[str]:
    """ROUGE's tokens: lower-cased, every run of characters outside a–z and 0–9 is a break."""
    return _NON_ALNUM.sub(" ", text.lower()).split()


def ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """How often each n-gram of ``words`` occurs."""
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True, slots=True)
class Overlap:
    """Clipped n-gram hits of a summary and the n-gram total of the references it was scored on."""

    hits: int
    total: int

    @property
    def recall(self) -> float:
        """hits / total (0 when the references have no n-gram of that order)."""
        return self.hits / self.total if self.total else 0.0


def overlap(summary: str, references: Iterable[str], n: int) -> Overlap:
    """ROUGE-N overlap of ``summary`` with ``references``, hits and totals summed over them."""
    if n < 1:
        raise UsageError(f"ROUGE-N needs n >= 1, not {n}")
    counts = ngrams(tokens(summary), n)
    hits = total = 0
    for reference in references:
        ref = ngrams(tokens(reference), n)
        hits += sum(min(c, counts[gram]) for gram, c in ref.items())
        total += sum(ref.values())
    return Overlap(hits, total)


def recall(summary: str, references: Iterable[str], n: int) -> float:
    """ROUGE-N recall of one summary against its references (``-f A``)."""
    return overlap(summary, references, n).recall


# --- The MultiLing Pilot 2011 English set --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceText:
    """One source news text: its title line, its date line and its body (the rest, verbatim)."""

    name: str  # file name, e.g. "M0003.english"
    title: str
    dateline: str  # "" when the text has none
    body: str


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic of the set: ten source texts, the human summaries, and the systems' summaries."""

    id: str  # "M000" … "M009"
    sources: tuple[SourceText, ...]
    models: tuple[str, ...]  # human summaries A, B, C
    peers: tuple[tuple[str, str], ...]  # (system id such as "ID3", summary text), ID1 … ID10


# A date line: a year, and a month or weekday name ("Saturday, January 8, 2005").
_DATELINE = re.compile(r"\b(?:19|20)\d\d\b")
_CALENDAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
    r"sat|sun)[a-z]*\b",
    re.IGNORECASE,
)


def parse_source(name: str, text: str) -> SourceText:
    """Split a source text into its title (first line), its date line and its body.

    The date line is the next non-blank line when it is a short date; some texts have an image
    caption there instead, which is kept as the start of the body (as a user's reader would).
    """
    lines = text.replace("\r\n", "\n").split("\n")
    rest = [i for i, line in enumerate(lines) if line.strip()]
    if len(rest) < 2:
        raise UsageError(f"{name}: expected a title and a body")
    title, candidate = lines[rest[0]].strip(), lines[rest[1]].strip()
    is_date = len(candidate) <= 40 and bool(_DATELINE.search(candidate) and _CALENDAR.search(candidate))
    body_from = rest[2] if is_date and len(rest) > 2 else rest[1]
    return SourceText(name, title, candidate if is_date else "", "\n".join(lines[body_from:]).strip())


def _read(path: Path) -> str:
    # The files are ASCII; a stray byte must not stop an evaluation.
    return path.read_text(encoding="utf-8", errors="replace")


def _system_order(system: str) -> int:
    return int(system.removeprefix("ID"))


def load_multiling(root: Path) -> tuple[Topic, ...]:
    """Read the English MultiLing 2011 set under ``root`` (source/, models/, peers/)."""
    sources = sorted((root / "source").glob("M*.english"))
    if not sources:
        raise UsageError(f"{root}: no source/M*.english files")
    by_topic: dict[str, list[Path]] = {}
    for path in sources:
        by_topic.setdefault(path.name[:4], []).append(path)
    topics = []
    for topic_id, paths in sorted(by_topic.items()):
        models = tuple(_read(p) for p in sorted((root / "models").glob(f"{topic_id}.*.250")))
        if not models:
            raise UsageError(f"{root}: no human summaries for {topic_id}")
        peer_paths = sorted(
            (root / "peers").glob(f"{topic_id}.ID*"), key=lambda p: _system_order(p.suffix[1:])
        )
        topics.append(
            Topic(
                id=topic_id,
                sources=tuple(parse_source(p.name, _read(p)) for p in paths),
                models=models,
                peers=tuple((p.suffix[1:], _read(p)) for p in peer_paths),
            )
        )
    return tuple(topics)


def published_recall(root: Path, n: int) -> dict[str, float]:
    """The official average ROUGE-N recall of every system, by id ("ID1" … "ID10")."""
    path = root / "published" / f"ENGLISH_ROUGE-{n}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["runid"].split("_")[0]: float(row["recall"]) for row in csv.DictReader(fh)}


def average_recall(summaries: Sequence[str], topics: Sequence[Topic], n: int) -> float:
    """Mean per-topic ROUGE-N recall of ``summaries`` (parallel to ``topics``), as ROUGE-1.5.5 -a."""
    if len(summaries) != len(topics) or not topics:
        raise UsageError("one summary per topic is needed")
    return sum(recall(s, t.models, n) for s, t in zip(summaries, topics, strict=True)) / len(topics)


def source_sentences(source: SourceText) -> tuple[Sentence, ...]:
    """The body of a source text as the pipeline segments plain text (title and date line are
    metadata, not body). The article id is the file name."""
    return segment(split_paragraphs(source.body, source.name))


def topic_pool(topic: Topic) -> tuple[Sentence, ...]:
    """Every sentence of a topic's source texts, source by source."""
    return tuple(s for source in topic.sources for s in source_sentences(source))


def in_reading_order(sentences: Sequence[Sentence], positions: Iterable[int]) -> list[Sentence]:
    """The chosen sentences by article (in order of first appearance), then position in it."""
    first: dict[str, int] = {}
    for i, s in enumerate(sentences):
        first.setdefault(s.article_id, i)
    chosen = [sentences[p] for p in positions]
    return sorted(chosen, key=lambda s: (first[s.article_id], s.index))


def summary_text(sentences: Sequence[Sentence]) -> str:
    """A summary as one text: the sentences' words, whitespace folded."""
    return " ".join(" ".join(s.text.split()) for s in sentences)


# --- Honest tuning: leave one topic out -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeldOut:
    """Leave-one-topic-out result: per fold, the setting chosen on the other topics and the
    scores it got on the held-out topic."""

    chosen: tuple[int, ...]  # per fold (= held-out topic), index of the chosen setting
    scores: tuple[tuple[float, ...], ...]  # per fold, the held-out topic's scores (R1, R2, …)

    def mean(self, k: int) -> float:
        """Mean over the folds of the k-th score."""
        return sum(s[k] for s in self.scores) / len(self.scores)

    def most_chosen(self) -> int:
        """The setting chosen in most folds (the earliest one on a tie)."""
        return max(sorted(set(self.chosen)), key=self.chosen.count)


def leave_one_out(table: Sequence[Sequence[Sequence[float]]]) -> HeldOut:
    """Cross-validate a grid: ``table[setting][topic]`` holds that setting's scores on that topic.

    For each topic, the setting with the best mean of the summed scores on the *other* topics is
    chosen (the earliest setting on a tie) and its scores on the held-out topic are reported.
    """
    if not table or len(table[0]) < 2:
        raise UsageError("leave-one-out needs at least one setting and two topics")
    n_topics = len(table[0])
    totals = [[sum(scores) for scores in row] for row in table]
    chosen: list[int] = []
    held: list[tuple[float, ...]] = []
    for fold in range(n_topics):
        best = max(range(len(table)), key=lambda k: (sum(totals[k]) - totals[k][fold], -k))
        chosen.append(best)
        held.append(tuple(table[best][fold]))
    return HeldOut(tuple(chosen), tuple(held))
