"""The real command line, run the way cron runs it: a bare environment (``env -i`` with
PATH=/usr/bin:/bin, no HOME), another working directory, absolute paths, nobody watching.

Every test starts ``python -m briefing build`` in a child process and judges what it leaves in
the output folder, its exit code and its messages.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import signal
import subprocess
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from clitools import article_text, bare_env, briefing_cmd, run, snapshot, visible, write_corpus
from pypdf import PdfReader

from briefing.run import manifest
from briefing.run.lock import LOCK_NAME

DATED = [
    "briefing-2021-12-03.json",
    "briefing-2021-12-03.manifest.json",
    "briefing-2021-12-03.md",
    "briefing-2021-12-03.pdf",
    "latest.json",
    "latest.md",
    "latest.pdf",
]


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    """Three dated articles, newest 2021-12-03 (so the briefing's name is known)."""
    folder = tmp_path / "news"
    for i, day in enumerate(("2021-12-01", "2021-12-02", "2021-12-03")):
        write_corpus(folder, 1, start=i, published=day)
    return folder


@pytest.fixture()
def elsewhere(tmp_path: Path) -> Path:
    """A working directory that is neither the project nor the input or output folder."""
    path = tmp_path / "cwd"
    path.mkdir()
    return path


def check_complete(out: Path) -> dict:
    """Every visible output is whole: the PDF parses, JSON loads, and the manifest's hashes match
    the files on disk. Returns the manifest."""
    assert not [n for n in visible(out) if n.endswith(".part")]
    (found,) = [n for n in visible(out) if n.endswith(".manifest.json")]
    record = json.loads((out / found).read_text())
    for entry in record["outputs"]:
        data = (out / entry["path"]).read_bytes()
        assert len(data) == entry["bytes"]
        assert manifest.hashlib.sha256(data).hexdigest() == entry["sha256"]
        if entry["path"].endswith(".pdf"):
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
            assert "Sources" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        if entry["path"].endswith(".json"):
            json.loads(data)
    return record


# --- cron's environment --------------------------------------------------------------------------


def test_a_build_in_a_bare_environment_from_another_directory(
    news: Path, elsewhere: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    inputs_before = snapshot(news)
    result = run(news, "--out", out, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert visible(out) == DATED
    record = check_complete(out)
    assert sorted(a["published"] for a in record["articles"]) == ["2021-12-01", "2021-12-02", "2021-12-03"]
    assert {Path(f["path"]) for f in record["files"]} == {p.resolve() for p in news.iterdir()}
    assert record["config_hash"] and record["version"] and record["seconds"]["total"] > 0
    # off a terminal: the one summary line, nothing else (no library warnings, no progress)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: wrote briefing-2021-12-03.md"), lines
    assert "3 articles read; 0 skipped" in lines[0]
    assert list(elsewhere.iterdir()) == []  # nothing written where it ran
    assert snapshot(news) == inputs_before  # inputs untouched: content, mtime, mode


def test_with_a_log_file_a_routine_run_prints_nothing_and_logs_one_line(
    news: Path, elsewhere: Path, tmp_path: Path
) -> None:
    out, log = tmp_path / "out", tmp_path / "briefing.log"
    first = run(news, "--out", out, "--log-file", log, cwd=elsewhere)
    again = run(news, "--out", out, "--log-file", log, "--skip-unchanged", cwd=elsewhere)
    assert (first.returncode, again.returncode) == (0, 3)
    assert first.stderr == "" and again.stderr == ""  # cron mails nothing for routine runs
    lines = log.read_text().splitlines()
    assert len(lines) == 2  # appended, one line a run
    assert "NOTICE wrote briefing-2021-12-03.md" in lines[0] and "briefing[" in lines[0]
    assert "NOTICE nothing new: inputs and configuration unchanged" in lines[1]
    failed = run(tmp_path / "missing", "--out", out, "--log-file", log, cwd=elsewhere)
    assert failed.returncode == 2
    assert "input not found" in failed.stderr  # errors still reach cron's mail
    assert "ERROR input not found" in log.read_text()


# --- nothing new: exit 3 -------------------------------------------------------------------------


def test_skip_unchanged_and_new_only(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(news, "--out", out).returncode == 0
    before = snapshot(out)
    for flags in (["--skip-unchanged"], ["--new-only"], ["--new-only", "--skip-unchanged"]):
        result = run(news, "--out", out, *flags)
        assert result.returncode == 3, (flags, result.stderr)
        assert "nothing new" in result.stderr
    assert {k: v for k, v in snapshot(out).items() if LOCK_NAME not in k} == {
        k: v for k, v in before.items() if LOCK_NAME not in k
    }

    # a new article: with --new-only a briefing of it alone, dated the day it is made
    (news / "late.txt").write_text(article_text(99, published="2021-12-02"))
    result = run(news, "--out", out, "--new-only", "--skip-unchanged")
    assert result.returncode == 0, result.stderr
    assert "not taken: 3 in an earlier briefing" in result.stderr
    today = f"briefing-{date.today().isoformat()}"
    record = json.loads((out / f"{today}.manifest.json").read_text())
    assert [a["path"] for a in record["articles"]] == [str(news / "late.txt")]
    assert (out / "latest.md").read_bytes() == (out / f"{today}.md").read_bytes()
    assert (out / "briefing-2021-12-03.md").exists()  # the earlier briefing stays

    # a changed configuration is not "unchanged"; the dated name then needs --force
    config = tmp_path / "briefing.yaml"
    config.write_text("title: Morning note\n")
    assert run(news, "--out", out, "--config", config, "--skip-unchanged", "--new-only").returncode == 3
    assert (
        run(news, "--out", out, "--config", config, "--skip-unchanged", "--date", today[9:]).returncode == 1
    )
    result = run(news, "--out", out, "--config", config, "--skip-unchanged", "--date", today[9:], "--force")
    assert result.returncode == 0, result.stderr
    assert (out / f"{today}.md").read_text().startswith("# Morning note")


def test_since_takes_articles_by_date_else_by_file_time(news: Path, tmp_path: Path) -> None:
    undated_old, undated_new = news / "undated-old.txt", news / "undated-new.txt"
    undated_old.write_text(article_text(50))
    undated_new.write_text(article_text(51))
    old = datetime(2021, 11, 1, 9, 0).timestamp()  # file time before the window
    os.utime(undated_old, (old, old))
    out = tmp_path / "out"
    result = run(news, "--out", out, "--since", "2021-12-02", "--date", "2021-12-05")
    assert result.returncode == 0, result.stderr
    record = json.loads((out / "briefing-2021-12-05.manifest.json").read_text())
    taken = sorted(Path(a["path"]).name for a in record["articles"])
    assert taken == ["article-0001.txt", "article-0002.txt", "undated-new.txt"]
    assert record["not_taken"] == {"outside the --since window": 2}
    # a window with nothing in it is "nothing new", not a failure
    result = run(news / "article-0000.txt", "--out", tmp_path / "out2", "--since", "1h")
    assert result.returncode == 3, result.stderr


# --- concurrency -----------------------------------------------------------------------------------


def hold_lock(out: Path) -> int:
    """Take the output folder's lock from this test process, as a running build would."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def test_a_second_run_on_a_busy_folder_exits_1_naming_the_holder(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    fd = hold_lock(out)
    try:
        result = run(news, "--out", out)
        assert result.returncode == 1
        assert f"in use by another briefing run (pid {os.getpid()})" in result.stderr
        assert "--wait" in result.stderr
        assert visible(out) == []
        waiter = subprocess.Popen(
            briefing_cmd(news, "--out", out, "--wait", "300", "-v"),
            env=bare_env(),
            cwd="/",
            stderr=subprocess.PIPE,
            text=True,
        )
        assert waiter.stderr is not None
        for line in waiter.stderr:  # it says it is waiting, and only then is the lock let go
            if "waiting up to 300 s" in line:
                assert f"pid {os.getpid()}" in line
                break
        else:
            raise AssertionError("the second run did not wait")
        assert visible(out) == []
    finally:
        os.close(fd)
    assert waiter.wait(300) == 0
    check_complete(out)


def test_two_real_runs_on_one_folder_one_waits_for_the_other(tmp_path: Path) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    write_corpus(news, 120, published="2021-12-03")  # long enough for the second to find it busy
    first = subprocess.Popen(
        briefing_cmd(news, "--out", out, "--format", "md,pdf,json"),
        env=bare_env(),
        cwd="/",
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_holder(out, first)
    second = run(news, "--out", out, "--format", "md,pdf,json", "--wait", "300", "--force", "-v")
    assert first.wait(300) == 0
    assert second.returncode == 0, second.stderr
    assert f"waiting up to 300 s for {out} (pid {first.pid})" in second.stderr
    record = check_complete(out)
    assert len(record["articles"]) == 120


def wait_for_holder(out: Path, proc: subprocess.Popen) -> None:
    """Poll until ``proc`` holds the lock of ``out`` (its pid is in the lock file)."""
    lock = out / LOCK_NAME
    for _ in range(6000):
        if lock.exists() and lock.read_text().strip() == str(proc.pid):
            return
        assert proc.poll() is None, "the run ended before it was seen holding the lock"
        time.sleep(0.01)
    raise AssertionError("the run never took the lock")


# --- killed runs -----------------------------------------------------------------------------------


def test_a_run_killed_while_writing_leaves_no_partial_file_and_no_stale_lock(tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_corpus(news, 40, published="2021-12-03")
    for attempt in range(3):  # the write phase is short: a run may finish before it is hit
        out = tmp_path / f"out{attempt}"
        victim = subprocess.Popen(
            briefing_cmd(news, "--out", out, "--format", "md,html,pdf,json"),
            env=bare_env(),
            cwd="/",
            stderr=subprocess.DEVNULL,
        )
        wait_for_holder(out, victim)
        # Kill it the moment it starts staging its files: rendering is done, writing has begun.
        while victim.poll() is None and not any(n.endswith(".part") for n in os.listdir(out)):
            time.sleep(0.0005)
        victim.send_signal(signal.SIGKILL)
        victim.wait(60)
        left = os.listdir(out)
        if victim.returncode == -signal.SIGKILL and any(n.endswith(".part") for n in left):
            break  # it died mid-write
    else:
        raise AssertionError("no run could be killed while writing")
    assert not [n for n in visible(out) if n.endswith(".part")]
    for name in visible(out):  # whatever a reader can see is whole
        data = (out / name).read_bytes()
        if name.endswith(".pdf"):
            assert PdfReader(io.BytesIO(data)).pages
        elif name.endswith(".json"):
            json.loads(data)
        else:
            assert data.rstrip().endswith(b">" if name.endswith(".html") else b"*")
    result = run(news, "--out", out, "--format", "md,html,pdf,json", "--force")  # --wait 0: lock is free
    assert result.returncode == 0, result.stderr
    assert [n for n in os.listdir(out) if n.startswith(".")] == [LOCK_NAME]  # temp files cleaned up
    check_complete(out)


def test_a_run_killed_mid_analysis_leaves_nothing(tmp_path: Path) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    write_corpus(news, 40, published="2021-12-03")
    victim = subprocess.Popen(
        briefing_cmd(news, "--out", out), env=bare_env(), cwd="/", stderr=subprocess.DEVNULL
    )
    wait_for_holder(out, victim)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait(60) == -signal.SIGKILL
    assert visible(out) == []
    result = run(news, "--out", out)
    assert result.returncode == 0, result.stderr
    assert visible(out) == DATED


def test_sigterm_unwinds_and_removes_staged_files(tmp_path: Path) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    write_corpus(news, 40, published="2021-12-03")
    victim = subprocess.Popen(
        briefing_cmd(news, "--out", out), env=bare_env(), cwd="/", stderr=subprocess.PIPE, text=True
    )
    wait_for_holder(out, victim)
    victim.send_signal(signal.SIGTERM)
    _, err = victim.communicate(timeout=120)
    assert victim.returncode == 130, err
    assert "interrupted" in err
    assert [n for n in os.listdir(out)] == [LOCK_NAME]


# --- hostile and broken inputs ---------------------------------------------------------------------


def bad_inputs(folder: Path) -> dict[str, str]:
    """One file of each bad kind; returns file name → the reason the run must give."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "undecodable.txt").write_bytes(b"abc " + bytes(range(128, 256)) * 4)
    with (folder / "huge.txt").open("wb") as fh:  # sparse: 21 MB that cost no disk
        fh.truncate(21 * 1024 * 1024)
    (folder / "front.md").write_text("---\ntitle: [unclosed\n---\nThe minister said troops moved.\n")
    (folder / "broken.json").write_text('{"title": "x", "text": ')
    reasons = {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "undecodable.txt": "undecodable",
        "huge.txt": "too large",
        "front.md": "malformed front matter",
        "broken.json": "malformed JSON",
    }
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway: that case only counts for others
        (folder / "secret.txt").write_text(article_text(77))
        (folder / "secret.txt").chmod(0)
        reasons["secret.txt"] = "unreadable: permission denied"
    return reasons


def unreadable(folder: Path) -> Path:
    """A file whose read fails for any user, root included: the reader's own memory at address 0
    (named explicitly: a link found by scanning a folder is not followed out of it)."""
    link = folder / "unreadable.txt"
    link.symlink_to("/proc/self/mem")
    return link


def test_each_bad_input_is_skipped_with_a_warning_naming_file_and_reason(news: Path, tmp_path: Path) -> None:
    reasons = {news / name: reason for name, reason in bad_inputs(news).items()}
    reasons[unreadable(tmp_path)] = "unreadable: Input/output error"
    before = snapshot(news)
    out = tmp_path / "out"
    result = run(news, tmp_path / "unreadable.txt", "--out", out)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("briefing: warning: skipped")]
    assert len(warnings) == len(reasons), result.stderr
    for path, reason in reasons.items():
        assert any(line.startswith(f"briefing: warning: skipped {path}: {reason}") for line in warnings), path
    summary = result.stderr.splitlines()[-1]
    assert f"3 articles read; {len(reasons)} skipped (" in summary and "too large ×1" in summary
    record = check_complete(out)
    assert len(record["skipped"]) == len(reasons)
    assert snapshot(news) == before


def test_a_run_where_every_input_fails_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    paths = [tmp_path / "bad" / name for name in bad_inputs(tmp_path / "bad")] + [unreadable(tmp_path)]
    out = tmp_path / "out"
    result = run(tmp_path / "bad", tmp_path / "unreadable.txt", "--out", out)
    assert result.returncode == 1
    assert "briefing: error: no usable article: every input was skipped" in result.stderr
    for path in paths:
        assert f"skipped {path}: " in result.stderr
    assert visible(out) == []


# --- configuration and paths -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "key", "line"),
    [
        ("title: Note\ntopics:\n  - name: x\n    keywords: []\n", "topics[0].keywords", 4),
        ("title: Note\noutput:\n  filename: ../../escape-{date}\n", "output.filename", 3),
        ("title: Note\noutput:\n  filename: .hidden-{date}\n", "output.filename", 3),
        ("title: Note\nsumarizer: lexrank\n", "sumarizer", 2),
        ("title: Note\ntopics: [\n", None, 3),
    ],
)
def test_a_bad_config_fails_with_exit_2_before_any_input_is_read(
    tmp_path: Path, yaml_text: str, key: str | None, line: int
) -> None:
    config = tmp_path / "briefing.yaml"
    config.write_text(yaml_text)
    fifo = tmp_path / "never-read.txt"  # opening a FIFO blocks until a writer comes: none will
    os.mkfifo(fifo)
    out = tmp_path / "out"
    result = run(fifo, "--out", out, "--config", config, timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"briefing: error: {config}:{line}: " + (f"{key}: " if key else "") in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--date", "../../x"],
        ["--date", "2021-12-03/../../x"],
        ["--since", "../x"],
        ["--format", "md,../x"],
        ["--wait", "-1"],
        ["--log-file", "/"],
        ["--log-file", "/proc/no-such-folder/briefing.log"],
    ],
)
def test_bad_options_are_usage_errors_and_write_nothing(news: Path, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "out"
    before = snapshot(tmp_path)
    result = run(news, "--out", out, *args)
    assert result.returncode == 2, result.stderr
    assert snapshot(tmp_path) == before
    assert not out.exists() or visible(out) == []


def test_a_nul_in_the_filename_pattern_is_refused_before_reading(tmp_path: Path) -> None:
    config = tmp_path / "briefing.yaml"
    config.write_text('output:\n  filename: "brief\\0ing-{date}"\n')
    fifo = tmp_path / "never-read.txt"
    os.mkfifo(fifo)
    result = run(fifo, "--out", tmp_path / "out", "--config", config, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "not a plain file name" in result.stderr or "output.filename" in result.stderr


@pytest.mark.parametrize(
    "title", ["../../../../tmp/evil", "/etc/cron.d/evil", "..", "a\\b\\..\\c", "{date}/../x", "latest"]
)
def test_titles_cannot_steer_output_paths(tmp_path: Path, title: str) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    write_corpus(news, 2, published="2021-12-03", title=title)
    (news / "article-0000.txt").write_text(article_text(0, title=title, published="2021-12-03"))
    before = set(snapshot(tmp_path))
    result = run(news, "--out", out)
    assert result.returncode == 0, result.stderr
    created = set(snapshot(tmp_path)) - before
    assert created == {str(out / n) for n in [*DATED, LOCK_NAME]}
    assert title in json.loads((out / "latest.json").read_text())["sources"][0]["title"]


def test_an_output_folder_inside_the_input_folder_is_not_read_back(news: Path) -> None:
    out = news / "briefings"
    assert run(news, "--out", out).returncode == 0
    result = run(news, "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    assert "3 articles read; 0 skipped" in result.stderr
    assert len(json.loads((out / "latest.json").read_text())["sources"]) == 3


# --- a writable cache for fontconfig -------------------------------------------------------------


def test_without_a_usable_cache_folder_a_private_one_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cli import common as cli

    not_a_folder = tmp_path / "home-is-a-file"
    not_a_folder.write_text("")  # even root cannot make folders under a file
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(not_a_folder))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    cli.private_cache_dir()
    private = Path(os.environ["XDG_CACHE_HOME"])
    assert private.parent == tmp_path and not private.is_symlink()
    assert private.stat().st_uid == os.getuid() and private.stat().st_mode & 0o777 == 0o700

    # a folder planted under the expected name by someone else's symlink is not used
    monkeypatch.delenv("XDG_CACHE_HOME")
    private.rmdir()
    private.symlink_to(tmp_path)
    cli.private_cache_dir()
    assert Path(os.environ["XDG_CACHE_HOME"]) != private and Path(os.environ["XDG_CACHE_HOME"]).is_dir()

    # a usable XDG_CACHE_HOME is left alone
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "mine"))
    cli.private_cache_dir()
    assert os.environ["XDG_CACHE_HOME"] == str(tmp_path / "mine")


def test_an_unexpected_error_is_one_line_and_exit_1(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from briefing import cli
    from briefing.run import job

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(job, "build", broken)
    result = CliRunner().invoke(cli.main, ["build", str(news), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "briefing: error: internal error: RuntimeError: a bug" in result.output
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("briefing: failed (exit 1);")


def test_a_link_planted_in_the_inbox_cannot_publish_a_secret(news: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Title\n\nThe private key is SECRET-7f3a9 and must never be published today.\n")
    (news / "planted.txt").symlink_to(secret)
    (news / ".store").mkdir()  # hidden: not scanned itself, but a link to it stays in the folder
    (news / ".store" / "kept.txt").write_text(article_text(40, published="2021-12-03"))
    (news / "alias.txt").symlink_to(news / ".store" / "kept.txt")
    out = tmp_path / "out"
    result = run(news, "--out", out, "--format", "md,json")
    assert result.returncode == 0, result.stderr
    assert f"skipped {news / 'planted.txt'}: symbolic link out of the input folder" in result.stderr
    assert "4 articles read; 1 skipped" in result.stderr  # alias.txt was read
    assert not [n for n in visible(out) if "SECRET-7f3a9" in (out / n).read_text()]
    named = run(secret, news, "--out", tmp_path / "out2", "--format", "json")  # named explicitly: taken
    assert named.returncode == 0, named.stderr
    sources = json.loads((tmp_path / "out2" / "latest.json").read_text())["sources"]
    # Listed by its name relative to the input folders (issue 11: never a machine's absolute path).
    paths = [s["path"] for s in sources]
    assert secret.name in paths and not any(p.startswith("/") for p in paths)
