"""Ingest: discovery, readers, encodings, normalisation and per-file errors."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import ingest
from briefing.errors import ArticleError, UsageError
from briefing.ingest import discover, normalise, parse_date, read_path
from briefing.models import Article

BODY = (
    "The harbour master said on Tuesday that the new pier would open in spring.\n\n"
    "“It is a good day for the town,” said one fisherman."
)


@pytest.fixture()
def ingest_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "ingest"


def read_one(path: Path) -> Article:
    articles, errors = read_path(path)
    assert errors == []
    assert len(articles) == 1
    return articles[0]


def error_of(path: Path, **kwargs: int) -> ArticleError:
    articles, errors = read_path(path, **kwargs)
    assert articles == []
    assert len(errors) == 1
    return errors[0]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- discovery ---------------------------------------------------------------------------------


def test_discover_scans_folders_recursively_sorted_known_extensions_only(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/d.jsonl",
        "e.json",
        "f.htm",
        "g.markdown",
        "notes.docx",
        "image.png",
        ".hidden.txt",
        ".git/config.txt",
        "M0000.english",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path, name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.md", "b.txt", "e.json", "f.htm", "g.markdown", "sub/c.html", "sub/d.jsonl"]


def test_discover_takes_named_files_whatever_the_extension_and_deduplicates(ingest_dir: Path) -> None:
    odd = ingest_dir / "M0000.english"
    harbour = ingest_dir / "harbour.txt"
    found = discover([odd, str(harbour), harbour, ingest_dir])
    assert found[:2] == [odd, harbour]
    assert len(found) == len({p.resolve() for p in found})
    assert odd not in found[2:]  # the folder scan skips unknown extensions
    assert sum(p.name == "harbour.txt" for p in found) == 1


def test_discover_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="nothing-here"):
        discover([tmp_path / "nothing-here"])


# --- plain text --------------------------------------------------------------------------------


def test_txt_first_line_is_the_title(ingest_dir: Path) -> None:
    path = ingest_dir / "harbour.txt"
    article = read_one(path)
    assert article.title == "Council approves harbour plan after long debate"
    assert not article.title_derived
    assert article.text.startswith("The town council approved")
    assert article.text.endswith("according to the finance office.")
    assert article.reader == "txt"
    assert article.path == str(path)
    assert article.id == hashlib.sha256(article.text.encode()).hexdigest()[:16]
    assert article.mtime == path.stat().st_mtime


def test_txt_long_first_sentence_is_body_and_the_title_is_derived(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "lede_first.txt")
    assert article.title_derived
    assert article.text.startswith("The regional water board said")
    assert article.title.endswith("…")
    assert len(article.title) <= ingest.DERIVED_TITLE_CHARS + 1
    assert article.text.startswith(article.title[:-1])  # cut on a word boundary, nothing added
    assert article.text[len(article.title) - 1] == " "


def test_txt_hard_wrapped_first_line_is_not_a_title(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "wrapped.txt")
    assert article.title_derived
    assert article.text.startswith("The ferry operator cancelled all crossings")
    assert "\n" not in article.title


def test_short_derived_title_is_the_whole_first_sentence(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.txt", "Rain fell all day. The river rose by a metre."))
    assert article.title == "Rain fell all day."
    assert article.title_derived


def test_single_line_file_is_body_not_title(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.txt", "Short line without a stop\n"))
    assert article.text == "Short line without a stop"
    assert article.title_derived


def test_title_ending_in_an_acronym_is_still_a_title(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.txt", "New port grant approved in the U.S.\n\n" + BODY))
    assert article.title == "New port grant approved in the U.S."
    assert article.text == BODY


def test_a_dateline_under_the_title_is_the_publication_date(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.txt", "Pier opens\n\nSaturday, January 8, 2005\n\n" + BODY))
    assert article.published == date(2005, 1, 8)
    assert article.text == BODY
    # A body line that merely starts with a year is body.
    text = "Pier opens\n\n2005 was a hard year for the port.\n\n" + BODY
    article = read_one(write(tmp_path, "b.txt", text))
    assert article.published is None
    assert article.text.startswith("2005 was a hard year")


def test_unknown_extension_is_read_as_plain_text(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "M0000.english")
    assert article.reader == "txt"
    assert article.title == "Park benches replaced"
    assert article.text == "The council replaced the benches in the park."


@pytest.mark.parametrize(
    ("first_line", "title", "source"),
    [
        (
            "Bridge reopens after repairs | Local news | The Gazette",
            "Bridge reopens after repairs",
            "The Gazette",
        ),
        (
            "Sport | Home side wins the regional cup final | Daily Post",
            "Home side wins the regional cup final",
            "Daily Post",
        ),
        (
            "Bridge reopens | with a very long second part that is not an outlet name at all",
            "Bridge reopens | with a very long second part that is not an outlet name at all",
            None,
        ),
        ("Why the bridge matters: a question of trade", "Why the bridge matters: a question of trade", None),
    ],
)
def test_outlet_from_a_piped_title(tmp_path: Path, first_line: str, title: str, source: str | None) -> None:
    article = read_one(write(tmp_path, "a.txt", f"{first_line}\n\n{BODY}"))
    assert (article.title, article.source) == (title, source)


# --- front matter and Markdown -----------------------------------------------------------------


def test_markdown_front_matter_and_markup(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "frontmatter.md")
    assert article.title == "Library reopens after flood repairs"
    assert article.source == "The Valley Courier"
    assert article.url == "https://example.org/library"
    assert article.published == date(2021, 12, 2)
    assert article.author == "A. Writer, B. Editor"
    assert article.reader == "md"
    # The H1 repeating the title is not body; markup is gone, words and line structure stay.
    assert article.text.startswith("The central library reopened on Thursday after six months")
    for markup in ("**", "*T", "](", "![", "# ", "`", "example.org"):
        assert markup not in article.text
    assert "the city council said." in article.text
    assert "\n\nOpening hours\n\n" in article.text
    assert "- Weekdays from nine to six\n- Saturdays from ten to four" in article.text


def test_markdown_heading_is_the_title(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "no_title.md")
    assert article.title == "Night buses return to the eastern suburbs"
    assert article.text.startswith("Night buses will run again from March")


def test_txt_front_matter(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Pier opens\noutlet: Coast Radio\npublished: 2021-12-02T10:00:00Z\n"
        "url: https://example.org/pier\n---\n" + BODY
    )
    article = read_one(write(tmp_path, "a.txt", text))
    assert (article.title, article.source, article.url) == (
        "Pier opens",
        "Coast Radio",
        "https://example.org/pier",
    )
    assert article.published == date(2021, 12, 2)
    assert article.text == BODY


def test_malformed_front_matter_names_the_line(ingest_dir: Path) -> None:
    error = error_of(ingest_dir / "bad_frontmatter.txt")
    assert "malformed front matter" in error.reason
    assert "line 3" in error.reason  # where the unclosed "[" opens
    assert error.path == str(ingest_dir / "bad_frontmatter.txt")


def test_unclosed_front_matter(ingest_dir: Path) -> None:
    assert "no closing" in error_of(ingest_dir / "unclosed_frontmatter.txt").reason


def test_front_matter_with_an_impossible_yaml_date(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "a.md", "---\ntitle: T\npublished: 2021-13-45\n---\nBody text.\n"))
    assert error.reason.startswith("malformed front matter: invalid value")


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=120))  # text, not binary
def test_any_front_matter_gives_an_article_or_an_error(block: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.md"
        path.write_text(f"---\n{block}\n---\n{BODY}\n", encoding="utf-8")
        articles, errors = read_path(path)
    assert len(articles) + len(errors) == 1
    assert all(e.reason.startswith(("malformed front matter", "no text")) for e in errors)


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert "not a mapping" in error_of(write(tmp_path, "a.md", "---\n- a\n- b\n---\nBody text.\n")).reason


def test_front_matter_without_body_has_no_text(tmp_path: Path) -> None:
    assert error_of(write(tmp_path, "a.md", "---\ntitle: Only metadata\n---\n\n")).reason == "no text"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-02", date(2021, 12, 2)),
        ("2021-12-02T10:00:00Z", date(2021, 12, 2)),
        ("2021-12-02T23:30:00+02:00", date(2021, 12, 2)),
        ("December 2, 2021", date(2021, 12, 2)),
        ("Dec 2, 2021", date(2021, 12, 2)),
        ("2 December 2021", date(2021, 12, 2)),
        ("2nd December 2021", date(2021, 12, 2)),
        ("Thursday, December 2, 2021", date(2021, 12, 2)),
        ("Thu, 02 Dec 2021 10:00:00 +0000", date(2021, 12, 2)),
        (date(2021, 12, 2), date(2021, 12, 2)),
        ("yesterday", None),
        ("2021-13-45", None),
        (20211202, None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_unparseable_date_keeps_the_article(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.md", "---\ntitle: T\npublished: last week\n---\n" + BODY))
    assert article.published is None


# --- HTML --------------------------------------------------------------------------------------


def test_html_text_and_metadata(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "market.html")
    assert article.reader == "html"
    assert article.title == "Market hall to close for renovation"
    assert article.source == "The Harbour Times"
    assert article.url == "https://example.org/news/market-hall"
    assert article.author == "Sam Example"
    assert article.published == date(2022, 1, 14)
    blocks = article.text.split("\n\n")
    assert len(blocks) == 5  # four paragraphs and the subheading, each its own block
    assert blocks[0].startswith("The covered market hall")
    assert "Traders to move" in blocks
    for furniture in ("Home", "Copyright", "<", "Market hall to close"):
        assert furniture not in article.text


def test_html_without_content_is_an_error(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "a.html", "<html><head><title>x</title></head><body></body></html>"))
    assert "no text" in error.reason


# --- JSON --------------------------------------------------------------------------------------


def test_json_list_yields_articles_and_per_item_errors(ingest_dir: Path) -> None:
    path = ingest_dir / "batch.json"
    articles, errors = read_path(path)
    assert [a.path for a in articles] == [f"{path}#1", f"{path}#2"]
    first, second = articles
    assert (first.title, first.source, first.author) == (
        "Snow closes mountain pass",
        "Alpine Wire",
        "C. Reporter",
    )
    assert first.published == date(2021, 12, 2)
    assert first.text == (
        "The mountain pass was closed on Sunday after heavy snow.\n\n"
        "Police said it would reopen when the road had been cleared."
    )
    assert (second.title, second.source, second.published) == (
        "Museum extends opening hours",
        "City News",
        date(2021, 12, 2),
    )
    assert second.text.startswith("The city museum")
    assert {a.reader for a in articles} == {"json"}
    assert [e.path for e in errors] == [f"{path}#3", f"{path}#4"]
    assert "no text" in errors[0].reason
    assert "not a JSON object" in errors[1].reason


def test_json_single_object_with_content_field(ingest_dir: Path) -> None:
    article = read_one(ingest_dir / "single.json")
    assert article.path == str(ingest_dir / "single.json")
    assert article.text == "New timetables take effect on Sunday, the rail operator said."
    assert article.published == date(2021, 12, 12)


def test_jsonl_bad_line_is_its_own_error(ingest_dir: Path) -> None:
    path = ingest_dir / "feed.jsonl"
    articles, errors = read_path(path)
    assert [a.path for a in articles] == [f"{path}:1", f"{path}:4"]
    assert [a.title for a in articles] == ["Lighthouse restored", "Ferry fares rise"]
    assert articles[1].published == date(2022, 1, 3)
    assert [e.path for e in errors] == [f"{path}:3"]
    assert "malformed JSON" in errors[0].reason


def test_malformed_json(ingest_dir: Path) -> None:
    error = error_of(ingest_dir / "broken.json")
    assert "malformed JSON" in error.reason and "line 2" in error.reason


# --- encodings and normalisation ---------------------------------------------------------------

TEXT = "Café owners’ “protest” — naïve façade\n\nThe mayor said the plan was final."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM, native order
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        TEXT.encode("cp1252"),
        TEXT.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-").encode("latin-1"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le", "cp1252", "latin1"],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes) -> None:
    article = read_one(write(tmp_path, "a.txt", data))
    assert article.title.startswith("Café owners")
    assert "naïve façade" in article.title
    assert article.text == "The mayor said the plan was final."


def test_same_text_in_any_encoding_has_the_same_id(tmp_path: Path) -> None:
    ids = {
        read_one(write(tmp_path, f"{codec}.txt", TEXT.encode(codec))).id
        for codec in ("utf-8", "utf-8-sig", "utf-16", "cp1252")
    }
    assert len(ids) == 1


def test_normalisation(tmp_path: Path) -> None:
    raw = (
        "Title line\r\n\r\nThe\u00a0minister\u202fsaid “no” to the plan.\r"
        "Cafe\u0301 in\u200b the square\u00ad closed.\x07\tTabs stay.\u2028Next line\u200d.\ufeff"
    )
    article = read_one(write(tmp_path, "a.txt", raw))
    assert article.text == (
        "The minister said “no” to the plan.\nCafé in the square closed.\tTabs stay.\nNext line."
    )
    assert unicodedata.is_normalized("NFC", article.text)


@given(st.text(max_size=200))
def test_normalise_is_idempotent_and_leaves_no_forbidden_characters(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert "\r" not in once and "\u00a0" not in once and "\u200b" not in once and "\u00ad" not in once
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in once)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["txt", "md", "html", "json", "jsonl", "xyz"]))
def test_any_bytes_give_articles_or_errors_never_an_exception(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input.{ext}"
        path.write_bytes(data)
        articles, errors = read_path(path)
    assert all(isinstance(e, ArticleError) for e in errors)
    for article in articles:
        assert article.text and article.text == article.text.strip()
        assert normalise(article.text) == article.text


# --- whole-file problems -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes)"),
        (bytes(range(1, 9)) * 20 + b"some text", "binary file (mostly control characters)"),
        (b"abc " + bytes(range(128, 256)), "undecodable"),
    ],
)
def test_whole_file_problems(tmp_path: Path, data: bytes, reason: str) -> None:
    error = error_of(write(tmp_path, "a.txt", data))
    assert error.reason.startswith(reason)
    assert error.path == str(tmp_path / "a.txt")


def test_too_large_is_refused_after_a_bounded_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.txt", "word " * 10_000)
    sizes: list[int] = []
    real_open = open

    def spy_open(file: Path, mode: str = "r") -> io.BufferedReader:
        handle = real_open(file, mode)
        real_read = handle.read

        def read(size: int = -1) -> bytes:
            sizes.append(size)
            return real_read(size)

        handle.read = read  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(ingest, "open", spy_open, raising=False)
    error = error_of(path, max_bytes=1000)
    assert "too large" in error.reason
    assert sizes == [1001]
    assert read_path(path, max_bytes=50_000)[0]  # under the bound it reads fine


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.txt", BODY)

    def denied(file: Path, mode: str = "r") -> io.BufferedReader:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(ingest, "open", denied, raising=False)
    assert error_of(path).reason == "unreadable: permission denied"


def test_a_folder_given_to_read_path_is_unreadable(tmp_path: Path) -> None:
    assert error_of(tmp_path).reason.startswith("unreadable")


def test_inputs_are_never_modified(ingest_dir: Path) -> None:
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in ingest_dir.iterdir()}
    for path in discover([ingest_dir, ingest_dir / "M0000.english"]):
        read_path(path)
    assert before == {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in ingest_dir.iterdir()}


# --- the reference corpus ----------------------------------------------------------------------


@pytest.mark.seeds
def test_seeds_are_read_whole_and_normalised(seed_paths: list[Path]) -> None:
    ids = set()
    for path in seed_paths:
        article = read_one(path)
        raw = path.read_text(encoding="utf-8")
        first_line = raw.split("\n", 1)[0].strip()
        ids.add(article.id)
        assert unicodedata.is_normalized("NFC", article.text)
        assert "\r" not in article.text and "\u00a0" not in article.text
        # Every word of the file is in the title or the body: nothing is lost in reading.
        assert normalise(raw).split() == (
            ([] if article.title_derived else first_line.split()) + article.text.split()
        )
        if article.title_derived:
            assert article.text.startswith(article.title.rstrip("…"))
        else:
            assert article.title in first_line
            assert " | " not in article.title
            if article.source:
                assert first_line.endswith(" | " + article.source)
    assert len(ids) == len(seed_paths)


def test_json_line_separator_inside_a_string_is_legal_and_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", '{"title": "T", "text": "First line\u2028second line of the story."}\n')
    assert read_one(path).text == "First line\nsecond line of the story."


# --- what is never input (issue 10) ----------------------------------------------------------------


def test_discover_skips_folders_holding_briefing_manifests(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    old = tmp_path / "briefings"
    old.mkdir()
    (old / "briefing-2026-01-01.md").write_text("# An old briefing\n", encoding="utf-8")
    (old / "briefing-2026-01-01.manifest.json").write_text("{}", encoding="utf-8")
    (old / "nested").mkdir()
    (old / "nested" / "b.txt").write_text(BODY, encoding="utf-8")
    assert [p.name for p in discover([tmp_path])] == ["a.txt"]


def test_special_files_and_undecodable_names_are_refused_before_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert error_of(fifo).reason == "not a regular file (a FIFO)"  # returns: nothing opened it
    assert ingest.refuse(Path("/dev/null")) == "not a regular file (a character device)"
    odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(odd, "wb") as fh:
        fh.write(BODY.encode())
    [error] = read_path(Path(os.fsdecode(odd)))[1]
    assert error.reason == "file name is not valid UTF-8"
    assert error.path.endswith("caf\\xe9.txt")
    assert ingest.refuse(tmp_path / "a-plain-name.txt") == "unreadable: No such file or directory"
