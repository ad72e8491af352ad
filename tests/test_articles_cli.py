"""`briefing articles`: what the tool read, as a user runs it (`python -m briefing …`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from briefing.articles import STAMP_REASON, read_articles
from briefing.config import load_config

ROOT = Path(__file__).resolve().parent.parent
META = Path(__file__).resolve().parent / "fixtures" / "meta"
FIELDS = ["path", "id", "title", "outlet", "published", "url", "author", "text", "removed"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_json_per_article_with_skipped_inputs_reported(tmp_path: Path) -> None:
    for name in ("wire_upi.txt", "published_line.txt", "copied_page.txt"):
        shutil.copy(META / name, tmp_path / name)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run("articles", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    rows = {Path(r["path"]).name: r for r in json.loads(result.stdout)}
    assert sorted(rows) == ["copied_page.txt", "published_line.txt", "wire_upi.txt"]
    assert all(list(r) == FIELDS for r in rows.values())
    upi = rows["wire_upi.txt"]
    assert (upi["outlet"], upi["published"], upi["url"]) == ("UPI", "2021-12-02", None)
    # The body starts after the dateline; its paragraphs are separated by a blank line.
    assert upi["text"].startswith("The council of Fjellby postponed its vote")
    assert upi["text"].count("\n\n") == 1
    assert [(r["text"], r["reason"]) for r in upi["removed"]] == [("Dec. 2 (UPI) --", STAMP_REASON)]
    lib = rows["published_line.txt"]
    assert (lib["author"], lib["published"]) == ("Ana Petrova", "2021-12-03")
    assert "Published:" not in lib["text"] and "By Ana" not in lib["text"]
    removed = {r["text"]: r["reason"] for r in lib["removed"]}
    assert removed["Published: 3 December 2021, 10:15 GMT"] == STAMP_REASON
    page = rows["copied_page.txt"]
    assert page["title"] == "Ferry operator halts crossings as storm nears the coast"
    assert {r["text"] for r in page["removed"]} >= {"Most popular", "Read more"}
    assert "skipped" in result.stderr and "empty.txt" in result.stderr


def test_table_on_a_terminal_shows_each_article() -> None:
    result = run("articles", str(META / "wire_eirns.txt"), str(META / "not_metadata.txt"))
    assert result.returncode == 0, result.stderr
    assert "wire_eirns.txt  Conference on river transport opens in Lyon" in result.stdout
    assert "EIRNS · 2022-01-18" in result.stdout
    assert "no outlet · no date" in result.stdout
    assert run("articles", str(META / "missing.txt")).returncode == 2


def test_removed_blocks_and_body_tile_the_kept_text() -> None:
    views, skipped = read_articles([META], load_config(None))
    assert not skipped and len(views) == len(list(META.iterdir()))
    for v in views:
        for block in v.removed:
            assert block.text and block.reason
        # Every paragraph of the body is text of the file: nothing is rewritten.
        source = (META / Path(v.path).name).read_text(encoding="utf-8")
        for paragraph in v.text.split("\n\n"):
            assert " ".join(paragraph.split()) in " ".join(source.split()) or v.path.endswith(".html"), (
                paragraph
            )
