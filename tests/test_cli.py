"""The command line as a user runs it: `python -m briefing …` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_help_lists_commands_and_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("build", "quotes", "summarize", "Examples"):
        assert word in result.stdout
    build_help = run("build", "--help").stdout
    for option in ("--config", "--out", "--format", "--date", "--summarizer", "-q", "-v", "Examples"):
        assert option in build_help


def test_build_on_the_sample_inputs(tmp_path: Path) -> None:
    result = run("build", "--out", str(tmp_path), "--format", "md,json,html")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == len(list((ROOT / "inputs").iterdir())) + 1  # the JSONL holds two
    dated = tmp_path / f"briefing-{data['date']}.md"
    assert dated.exists() and (tmp_path / "latest.html").exists()
    assert data["date"] == max(s["published"] for s in data["sources"] if s["published"])
    assert all(t["sentences"] for t in data["topics"]), "the sample covers every default topic"
    md = dated.read_text(encoding="utf-8")
    for boiler in (
        "Subscribe to our morning newsletter",
        "See also",
        "#Security",
        "Related Posts",
        "You may also like",
        "Leave a Comment",
        "About Tomasz Wren",
        "Read also",
    ):
        assert boiler not in md


def test_bad_format_and_bad_date_are_usage_errors(tmp_path: Path) -> None:
    result = run("build", "--out", str(tmp_path), "--format", "docx")
    assert result.returncode == 2 and "unknown format" in result.stderr
    result = run("build", "--out", str(tmp_path), "--date", "yesterday")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
    assert not list(tmp_path.iterdir())


def test_bad_config_names_file_key_and_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("title: Fine\ntopics:\n  - name: x\n    keywords: []\n", encoding="utf-8")
    result = run("build", "--config", str(config), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{config}:4: topics[0].keywords: must not be empty" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "nowhere" in result.stderr


def test_quotes_json_lists_every_quote_with_spans() -> None:
    result = run("quotes", "inputs", "--json")
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)
    assert quotes
    for q in quotes:
        assert set(q) >= {"text", "speaker", "role", "kind", "topics", "sources"}
        assert q["kind"] in ("full", "partial") and q["speaker"]
        assert all(
            set(s) == {"path", "start", "end", "speaker_span", "in", "headline"} and s["end"] > s["start"]
            for s in q["sources"]
        )
    speakers = {q["speaker"] for q in quotes}
    # Config actors make the canonical names; the misspelt "Mirella" never shows.
    assert "Mirela Varga" in speakers and "Mirella Varga" not in speakers


def test_quotes_table_on_a_terminal_free_run() -> None:
    result = run("quotes", "inputs")
    assert result.returncode == 0
    assert "“" in result.stdout and "Mirela Varga" in result.stdout


def test_summarize_respects_the_word_budget() -> None:
    result = run("summarize", "inputs", "--words", "80")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines and sum(len(line.split()) for line in lines) <= 80
    corpus = " ".join(
        " ".join(p.read_text(encoding="utf-8", errors="replace").split()) for p in (ROOT / "inputs").iterdir()
    )
    assert all(line.split()[0] in corpus for line in lines)
    as_json = json.loads(run("summarize", "inputs", "--words", "80", "--json").stdout)
    assert [item["text"] for item in as_json] == lines


def console_script() -> Path:
    """The ``briefing`` executable pip installed beside this interpreter."""
    script = Path(sys.executable).parent / "briefing"
    assert script.exists(), f"no console script at {script}: is the package installed?"
    return script


def test_python_dash_m_and_console_script_agree() -> None:
    for args in (("--version",), ("quotes", "inputs", "--json"), ("summarize", "inputs", "--words", "60")):
        via_module = run(*args)
        via_script = subprocess.run(
            [str(console_script()), *args], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert via_module.returncode == via_script.returncode == 0, (via_module.stderr, via_script.stderr)
        assert via_module.stdout == via_script.stdout and via_module.stdout.strip()
    assert "briefing" in run("--version").stdout


def test_quote_table_on_a_real_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a pseudo-terminal the table is sized to the terminal; it used to crash in click 8."""
    import pty

    output = bytearray()

    def read(fd: int) -> bytes:
        data = os.read(fd, 65536)
        output.extend(data)
        return data

    monkeypatch.setenv("COLUMNS", "72")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.chdir(ROOT)
    status = pty.spawn([str(console_script()), "quotes", "inputs"], read)
    text = output.decode("utf-8", errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "internal error" not in text and "“" in text
    quote_lines = [line for line in text.splitlines() if line.startswith("    “")]
    assert quote_lines and all(len(line) <= 72 for line in quote_lines), quote_lines


def test_a_run_never_creates_a_missing_home(tmp_path: Path) -> None:
    """Cron may run with HOME=/nonexistent: the font cache goes elsewhere, nothing is created there."""
    home = tmp_path / "nonexistent"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    result = subprocess.run(
        [
            str(console_script()),
            "build",
            str(ROOT / "inputs"),
            "--out",
            str(tmp_path / "out"),
            "--format",
            "md,pdf",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "latest.pdf").exists()
    assert not home.exists()


def test_verbose_says_what_each_stage_did(tmp_path: Path) -> None:
    quiet = run("build", "--out", str(tmp_path / "a"), "--format", "md")
    verbose = run("build", "-v", "--out", str(tmp_path / "b"), "--format", "md")
    assert quiet.returncode == verbose.returncode == 0, verbose.stderr
    assert "info:" not in quiet.stderr
    for stage in ("read ", "analysed", "composed", "rendered md"):
        assert any(line.startswith("briefing: info: " + stage) for line in verbose.stderr.splitlines()), stage
