"""Quote spans of .txt/.md inputs index the file as decoded: title line and front matter included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.clean import clean
from briefing.ingest import normalise, read_path
from briefing.quotes import extract
from briefing.quotes.offsets import normalised_map, to_file_offsets
from briefing.segment import segment

WORDS = st.sampled_from("the harbour bridge will reopen soon council ferry Nordland river".split())
SPACES = st.sampled_from([" ", " ", "\u00a0", " \u200b"])  # plain, no-break, with a zero-width space


QUOTED = st.sampled_from("we will rebuild every pier and open ferries daily for residents".split())


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A file's text and the quotes it holds (as written, before normalisation)."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    parts = []
    if draw(st.booleans()):
        parts.append(f"---{newline}title: Ferry news{newline}outlet: Nordland Post{newline}---{newline}")
    if draw(st.booleans()):
        parts.append(f"Ferries return to the river{newline}{newline}")
    parts.append(f"Mara Velden, the mayor of Nordland, spoke on Monday.{newline}{newline}")
    quotes = []
    for _ in range(draw(st.integers(1, 4))):
        lead = "".join(w + draw(SPACES) for w in draw(st.lists(WORDS, min_size=3, max_size=8))).strip()
        said = draw(st.lists(QUOTED, min_size=4, max_size=9))
        quote = said[0].capitalize() + " " + " ".join(said[1:])
        quotes.append(quote)
        who = draw(st.sampled_from(["said Mara Velden", "Mara Velden said", "the mayor said", "she said"]))
        parts.append(f"{lead.capitalize()}. “{quote},” {who}.{newline}{newline}")
    return "".join(parts), quotes


def _extracted(path: Path):
    (article,), _ = read_path(path)
    cleaned = clean(article)
    found = extract(article, cleaned.paragraphs, segment(cleaned.paragraphs))
    return article, to_file_offsets(found, [article])


@settings(max_examples=60, deadline=None)
@given(articles())
def test_spans_index_the_decoded_file(tmp_path_factory, generated) -> None:
    text, quotes = generated
    path = tmp_path_factory.mktemp("offsets") / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    _, found = _extracted(path)
    decoded = path.read_bytes().decode("utf-8")
    assert [normalise(q.text) for q in found] == [normalise(q) for q in quotes]
    for q in found:
        (s,) = q.sources
        assert normalise(decoded[s.start : s.end]) == q.text
        if "\u00a0" not in q.text and "\u200b" not in decoded[s.start : s.end]:
            assert decoded[s.start : s.end] == q.text
        assert s.speaker_span is not None
        assert decoded[s.speaker_span[0] : s.speaker_span[1]] in ("Mara Velden", "the mayor", "she")


def test_markdown_spans_skip_the_markup(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Ferries return\n\nThe **council** met on [Monday](https://example.org).\n\n"
        "“The *ferry* will run daily,” said Mara Velden.\n",
        encoding="utf-8",
    )
    _, (q,) = _extracted(path)
    (s,) = q.sources
    decoded = path.read_text(encoding="utf-8")
    assert q.text == "The ferry will run daily"
    assert decoded[s.start : s.end] == "The *ferry* will run daily"
    assert decoded[s.speaker_span[0] : s.speaker_span[1]] == "Mara Velden"


@given(
    st.lists(st.sampled_from(["a", "\r", "\n", "\r\n", "e\u0301", "\u00a0", "\u200b", "\x07"])).map("".join)
)
def test_normalised_map_points_every_character_at_its_source(raw: str) -> None:
    norm, starts, ends = normalised_map(raw)
    assert norm == normalise(raw)
    for k, ch in enumerate(norm):
        assert normalise(raw[starts[k] : ends[k]]) in (ch, "\n\n" if ch == "\n" else ch)


def test_quotes_json_spans_hold_the_quote_in_the_file(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Council reopens the ferry\n\nThe council met on Monday. “The ferry will run daily,” said Mara "
        "Velden, the mayor of Nordland.\n\n“We waited long enough,” she said.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "quotes", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    decoded = path.read_text(encoding="utf-8")
    rows = json.loads(result.stdout)
    assert [r["text"] for r in rows] == ["The ferry will run daily", "We waited long enough"]
    for row in rows:
        (s,) = row["sources"]
        assert decoded[s["start"] : s["end"]] == row["text"]
    spans = [decoded[slice(*r["sources"][0]["speaker_span"])] for r in rows]
    assert spans == ["Mara Velden", "she"]
    assert {r["speaker"] for r in rows} == {"Mara Velden"}
