"""Spans in both JSONs (`briefing quotes --json`, the briefing's) index the same text: for .txt and
.md inputs the file as decoded, title line included (a headline quote too); for HTML and JSON
inputs the article's text, or its title as `briefing articles --json` prints it ("in": "title").

The articles are original and fictional (Nordland, its mayor Ilse Varga, its governor Tomas Brandt).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.config import load_config
from briefing.ingest import normalise, read_path
from briefing.models import Article
from briefing.quotes import offsets
from briefing.quotes.offsets import file_maps, file_spans
from briefing.run.job import BuildOptions, build

BODY = "Mayor Ilse Varga met the dock workers on Monday.\n\n“The ferry will run daily,” Varga said."


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed ``briefing`` console script (beside this interpreter), as a user runs it
    (in ``cwd``: no configuration but the packaged one)."""
    script = Path(sys.executable).parent / "briefing"
    assert script.exists(), f"no console script at {script}: is the package installed?"
    return subprocess.run(
        [str(script), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def _sources(rows: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(q["text"], s) for q in rows for s in q["sources"]]


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Varga warns of ‘a long winter’ | Nordland Post\n\n" + BODY, encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        '---\ntitle: "Mayor: ‘We will not close the port’"\npublished: 2026-03-02\n---\n'
        + BODY.replace("\n", "\r\n").replace("Monday", "Monday, 2 March"),
        encoding="utf-8",
    )
    (folder / "c.md").write_text(
        "# Governor vows to **‘rebuild every pier’**\n\nGovernor Tomas Brandt toured the quay on "
        "Monday.\n\n“We start *tomorrow*,” said Brandt.\n",
        encoding="utf-8",
    )
    (folder / "d.html").write_text(
        "<html><head><title>Brandt: ‘The quay will reopen’</title></head><body><article><p>Governor "
        "Tomas Brandt spoke to the harbour council about the storm damage on Monday evening.</p>"
        "<p>“We will rebuild the old pier first,” Brandt said after the meeting.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "e.json").write_text(
        json.dumps({"title": "Varga says ferry ‘back by spring’", "text": BODY.replace("dock", "ferry")}),
        encoding="utf-8",
    )
    return folder


def _check(folder: Path, rows: list[dict[str, Any]], titles: dict[str, str]) -> None:
    """Every span of ``rows`` holds its quote in the text its "in" names: the file, the title as
    `briefing articles --json` prints it (``titles``), or ``Article.text``."""
    for text, s in _sources(rows):
        name = Path(s["path"]).name
        if s["in"] == "file":
            target = (folder / name).read_bytes().decode("utf-8")
        elif s["in"] == "title":
            assert s["headline"], s
            target = titles[name]
        else:
            assert s["in"] == "text" and not s["headline"], s
            target = read_path(folder / name)[0][0].text
        held = target[s["start"] : s["end"]]
        if name.endswith(".md"):  # the file's span keeps the emphasis marks inside the quote
            held = held.replace("*", "")
        assert held == text, (name, s, held)


def test_quotes_and_briefing_json_spans_index_the_same_text(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    quotes = _cli("quotes", folder, "--json", "-q", cwd=tmp_path)
    assert quotes.returncode == 0, quotes.stderr
    listed = json.loads(_cli("articles", folder, "--json", "-q", cwd=tmp_path).stdout)
    titles = {Path(a["path"]).name: a["title"] for a in listed}
    rows = json.loads(quotes.stdout)
    headlines = {(t, Path(s["path"]).name, s["in"]) for t, s in _sources(rows) if s["headline"]}
    assert headlines == {
        ("a long winter", "a.txt", "file"),
        ("We will not close the port", "b.txt", "file"),
        ("rebuild every pier", "c.md", "file"),
        ("The quay will reopen", "d.html", "title"),
        ("back by spring", "e.json", "title"),
    }
    assert all(
        s["in"] == ("file" if s["path"].endswith((".txt", ".md")) else "text")
        for _, s in _sources(rows)
        if not s["headline"]
    )
    _check(folder, rows, titles)
    speakers = {t: (folder / Path(s["path"]).name).read_text(encoding="utf-8") for t, s in _sources(rows)}
    for text, s in _sources(rows):
        if s["in"] == "file" and s["headline"]:
            words = speakers[text][s["speaker_span"][0] : s["speaker_span"][1]]
            assert words in ("Varga", "Mayor", "Governor"), words

    out = tmp_path / "out"
    built = _cli("build", folder, "--out", out, "--format", "json", "-q", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    data = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    _check(folder, data["quotes"], titles)
    same = {(t, Path(s["path"]).name, s["start"], s["end"], s["in"]) for t, s in _sources(rows)}
    assert {
        (t, Path(s["path"]).name, s["start"], s["end"], s["in"]) for t, s in _sources(data["quotes"])
    } == same
    for topic in data["topics"]:
        _check(folder, topic["quotes"], titles)
    assert data["timeline"], "b.txt is dated: its sentences make the timeline"
    for entry in data["timeline"]:
        s = entry["sentence"]
        assert s["in"] == "file"
        name = next(src["path"] for src in data["sources"] if src["n"] == entry["sources"][0])
        held = normalise((folder / Path(name).name).read_bytes().decode("utf-8")[s["start"] : s["end"]])
        assert held and held in read_path(folder / Path(name).name)[0][0].text  # the sentence, whole
        if entry["wording"] == "sentence":  # (else the entry shows the article's headline)
            assert " ".join(held.split()) == " ".join(entry["text"].split())


def test_the_title_is_found_above_the_body(tmp_path: Path) -> None:
    cases = {
        "line.txt": "Mayor: ‘We stay open’ | Nordland Post\n\n" + BODY,
        "spaced.txt": "Mayor:  ‘We stay open’\n\n" + BODY,  # read as one line: the spaces collapse
        "front.txt": "---\ntitle: 'Mayor: ‘We stay open’'\n---\n" + BODY,
        "heading.md": "# Mayor: *‘We stay open’*\n\nMayor Ilse Varga met the dock workers.\n",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        (article,), _ = read_path(tmp_path / name)
        body, title = file_maps(article, text)
        assert body is not None and title is not None, name
        start = article.title.index("We")
        got = text[title.start(start) : title.end(start + len("We stay open"))]
        assert got == "We stay open", (name, got)
        assert text[body.start(0) : body.end(len("Mayor Ilse Varga"))] == "Mayor Ilse Varga", name


def test_a_title_its_reader_rewrote_keeps_title_offsets(tmp_path: Path) -> None:
    path = tmp_path / "tab.txt"
    path.write_text("Mayor:\t‘We stay open’\n\n" + BODY, encoding="utf-8")  # the tab became a space
    (article,), _ = read_path(path)
    assert article.title == "Mayor: ‘We stay open’"
    assert file_maps(article, path.read_text(encoding="utf-8"))[1] is None
    rows = json.loads(CliRunner().invoke(main, ["quotes", str(path), "--json", "-q"]).output)
    (head,) = [s for _, s in _sources(rows) if s["headline"]]
    assert head["in"] == "title" and article.title[head["start"] : head["end"]] == "We stay open"


def test_each_file_is_read_once_whatever_its_spans(tmp_path: Path, monkeypatch: Any) -> None:
    articles: list[Article] = []
    for i in range(3):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"Harbour news {i}\n\n" + BODY.replace("Monday", f"day {i}") * 5, encoding="utf-8")
        articles += read_path(path)[0]
    reads: list[str] = []
    real = offsets._file_text
    monkeypatch.setattr(offsets, "_file_text", lambda p: reads.append(p) or real(p))
    keys = [(a.id, False, k, k + 4) for a in articles for k in range(0, 200, 10)]
    spans = file_spans(articles, keys)
    assert sorted(reads) == sorted(a.path for a in articles) and len(spans) == len(keys)


# --- property: every span of both JSONs holds its quote in the file -------------------------
WORDS = st.sampled_from("the harbour bridge will reopen soon council ferry quay river".split())
SAID = st.sampled_from("we will rebuild every pier and open ferries daily for residents".split())
HEAD = st.sampled_from("a long winter ahead on the quay without storms or tolls".split())  # no SAID word
MARKS = st.sampled_from(["‘’", "''", "“”", '""'])
SPACE = st.sampled_from([" ", " ", "\u00a0"])


@st.composite
def files(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """(file name, file text, the quotes it holds), a title line with a headline quote on top."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    markdown = draw(st.booleans())
    head = " ".join(draw(st.lists(HEAD, min_size=2, max_size=4)))  # not in a body quote: kept
    marks = draw(MARKS)
    shape = draw(st.sampled_from(["Varga warns of {q}", "Mayor: {q}", "{q}, says Varga"]))
    title = shape.format(q=marks[0] + head + marks[1])
    parts = []
    if draw(st.booleans()):
        parts.append(f"---{newline}published: 2026-03-02{newline}---{newline}")
    parts.append(("# " if markdown else "") + title + newline + newline)
    parts.append(f"Mayor Ilse Varga spoke on Monday.{newline}{newline}")
    quotes = [head]
    for _ in range(draw(st.integers(1, 3))):
        lead = "".join(w + draw(SPACE) for w in draw(st.lists(WORDS, min_size=3, max_size=6))).strip()
        if markdown and draw(st.booleans()):
            lead = "**" + lead + "**"
        said = draw(st.lists(SAID, min_size=5, max_size=9))
        quote = said[0].capitalize() + " " + " ".join(said[1:])
        quotes.append(quote)
        parts.append(f"{lead.capitalize()}. “{quote},” said Varga.{newline}{newline}")
    return ("a.md" if markdown else "a.txt"), "".join(parts), quotes


@settings(max_examples=25, deadline=None)
@given(files())
@example(  # two near-identical quotes of one article, once folded into one entry with one text
    (
        "a.txt",
        "Varga warns of ‘a a’\n\nMayor Ilse Varga spoke on Monday.\n\nThe the the. “Will ferries will we"
        " ferries we,” said Varga.\n\nThe the the. “We will ferries will we ferries we,” said Varga.\n\n",
        ["a a", "Will ferries will we ferries we", "We will ferries will we ferries we"],
    )
)
def test_every_span_of_both_jsons_holds_its_quote(
    tmp_path_factory: Any, generated: tuple[str, str, list[str]]
) -> None:
    name, text, _ = generated
    folder = tmp_path_factory.mktemp("headline")
    (folder / "in").mkdir()
    path = folder / "in" / name
    path.write_bytes(text.encode("utf-8"))
    quotes = CliRunner().invoke(main, ["quotes", str(path), "--json", "-q"])
    assert quotes.exit_code == 0, quotes.output
    result = build([folder / "in"], load_config(), folder / "out", BuildOptions(formats=("json",)))
    data = json.loads((folder / "out" / "latest.json").read_text(encoding="utf-8"))
    assert result.briefing.quotes
    decoded = path.read_bytes().decode("utf-8")
    for rows in (json.loads(quotes.output), data["quotes"]):
        assert any(s["headline"] for _, s in _sources(rows)), "the title's quote is listed"
        for quote, s in _sources(rows):
            assert s["in"] == "file", s
            held = decoded[s["start"] : s["end"]]
            assert normalise(held) == quote, (held, quote)
            if "\u00a0" not in held:
                assert held == quote
            if s["speaker_span"]:
                assert decoded[s["speaker_span"][0] : s["speaker_span"][1]] in ("Varga", "Mayor"), s
