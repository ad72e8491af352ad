"""Output folder mechanics in process: names, staged all-or-nothing writes, the lock, windows and
manifests."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import pytest

from briefing.errors import LockError, OutputExistsError, RenderError, UsageError
from briefing.models import Article
from briefing.run import manifest, outputs
from briefing.run.lock import LOCK_NAME, RunLock
from briefing.run.outputs import check_stem, output_name, remove_stale, write_outputs
from briefing.run.window import ALREADY_BRIEFED, OUTSIDE_WINDOW, Selection, in_window, parse_since

FILES = {"md": b"# Brief\n", "json": b'{"a": 1}\n', "pdf": b"%PDF-1.7 fake"}


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stem", ["../x", "a/b", "..", ".hidden", "", "  ", "a\\b", "nul\0byte", "tab\tname", "latest", "x" * 201]
)
def test_a_stem_that_is_not_a_plain_visible_name_is_refused(stem: str) -> None:
    with pytest.raises(UsageError):
        check_stem(stem)


def test_output_name_fills_in_the_date() -> None:
    assert output_name("briefing-{date}", date(2021, 12, 2)) == "briefing-2021-12-02"
    assert output_name("daily", date(2021, 12, 2)) == "daily"
    with pytest.raises(UsageError):
        output_name("{date}/../../escape", date(2021, 12, 2))


# --- writing -------------------------------------------------------------------------------------


def test_write_outputs_writes_dated_extras_and_latest(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        written = write_outputs(tmp_path / "out", "b-1", FILES, extras={"b-1.manifest.json": b"{}"})
    finally:
        os.umask(old)
    out = tmp_path / "out"
    assert [p.name for p in written] == ["b-1.md", "b-1.json", "b-1.pdf", "b-1.manifest.json"]
    assert names(out) == [
        "b-1.json",
        "b-1.manifest.json",
        "b-1.md",
        "b-1.pdf",
        "latest.json",
        "latest.md",
        "latest.pdf",
    ]
    for ext, data in FILES.items():
        assert (out / f"b-1.{ext}").read_bytes() == data == (out / f"latest.{ext}").read_bytes()
        assert (out / f"b-1.{ext}").stat().st_mode & 0o777 == 0o640  # the umask, not mkstemp's 0600


def test_an_earlier_briefing_is_never_overwritten_without_force(tmp_path: Path) -> None:
    write_outputs(tmp_path, "b-1", FILES)
    before = {n: (tmp_path / n).read_bytes() for n in names(tmp_path)}
    with pytest.raises(OutputExistsError, match="b-1"):
        write_outputs(tmp_path, "b-1", {ext: b"new" for ext in FILES})
    assert {n: (tmp_path / n).read_bytes() for n in names(tmp_path)} == before  # latest.* too
    write_outputs(tmp_path, "b-1", {ext: b"new" for ext in FILES}, force=True)
    assert (tmp_path / "b-1.md").read_bytes() == b"new" == (tmp_path / "latest.md").read_bytes()


def test_a_failure_while_staging_leaves_nothing_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_outputs(tmp_path, "b-1", FILES)
    before = {n: (tmp_path / n).read_bytes() for n in names(tmp_path)}
    real_fsync, calls = os.fsync, []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # the third file: disk full
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(outputs.os, "fsync", failing_fsync)
    with pytest.raises(RenderError, match="No space left"):
        write_outputs(tmp_path, "b-2", FILES, extras={"b-2.manifest.json": b"{}"})
    assert {n: (tmp_path / n).read_bytes() for n in names(tmp_path)} == before  # no temp file either


def test_a_failure_while_placing_removes_what_the_run_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_link, calls = os.link, []

    def failing_link(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_link(src, dst)

    monkeypatch.setattr(outputs.os, "link", failing_link)
    with pytest.raises(RenderError, match="Input/output error"):
        write_outputs(tmp_path, "b-1", FILES)
    assert len(calls) == 2
    assert names(tmp_path) == []


def test_files_are_staged_hidden_in_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staged: list[Path] = []
    real_stage = outputs.stage

    def spy(target: Path, data: bytes) -> Path:
        tmp = real_stage(target, data)
        staged.append(tmp)
        assert tmp.read_bytes() == data  # whole and flushed before anything is renamed
        assert not target.exists()
        return tmp

    monkeypatch.setattr(outputs, "stage", spy)
    write_outputs(tmp_path, "b-1", FILES)
    assert staged and all(p.parent == tmp_path and p.name.startswith(".") for p in staged)
    assert not any(p.exists() for p in staged)


def test_a_symlink_in_the_output_folder_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "latest.md").symlink_to(outside)
    (out / "b-1.md").symlink_to(outside)
    with pytest.raises(OutputExistsError):
        write_outputs(out, "b-1", FILES)
    write_outputs(out, "b-2", FILES)
    assert outside.read_text() == "keep me"
    assert not (out / "latest.md").is_symlink() and (out / "latest.md").read_bytes() == FILES["md"]


def test_remove_stale_deletes_only_temporary_files(tmp_path: Path) -> None:
    for name in (".b-1.pdf.x1y2.part", ".latest.md.abc.part", ".briefing.lock", ".keep", "b-1.md", "x.part"):
        (tmp_path / name).write_text("x")
    removed = remove_stale(tmp_path)
    assert sorted(p.name for p in removed) == [".b-1.pdf.x1y2.part", ".latest.md.abc.part"]
    assert names(tmp_path) == [".briefing.lock", ".keep", "b-1.md", "x.part"]


def test_a_dated_set_without_its_manifest_is_removed_and_a_complete_one_kept(tmp_path: Path) -> None:
    for name in ("b-1.md", "b-1.pdf", "b-2.md", "b-2.manifest.json", "latest.md", "notes.txt"):
        (tmp_path / name).write_text("x")
    incomplete = outputs.remove_incomplete(
        tmp_path, "b-1", tmp_path / "b-1.manifest.json", ["md", "pdf", "json"]
    )
    assert sorted(p.name for p in incomplete) == ["b-1.md", "b-1.pdf"]
    assert outputs.remove_incomplete(tmp_path, "b-2", tmp_path / "b-2.manifest.json", ["md", "pdf"]) == []
    assert names(tmp_path) == ["b-2.manifest.json", "b-2.md", "latest.md", "notes.txt"]


def test_the_manifest_is_committed_after_every_dated_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []
    real_link = os.link

    def link(src: str | Path, dst: str | Path) -> None:
        order.append(Path(dst).name)
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    write_outputs(
        tmp_path, "b-1", {"md": b"m", "pdf": b"p", "json": b"j"}, extras={"b-1.manifest.json": b"{}"}
    )
    assert order == ["b-1.md", "b-1.pdf", "b-1.json", "b-1.manifest.json"]


# --- the lock ------------------------------------------------------------------------------------


def test_a_second_holder_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    with RunLock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
        with pytest.raises(LockError, match=f"pid {os.getpid()}"):
            RunLock(tmp_path).acquire()
    with RunLock(tmp_path):  # released: free again
        pass


def test_a_waiting_run_gets_the_lock_when_the_holder_releases_it(tmp_path: Path) -> None:
    holder = RunLock(tmp_path)
    holder.acquire()
    got = threading.Event()

    def waiter() -> None:
        with RunLock(tmp_path, wait=60):
            got.set()

    thread = threading.Thread(target=waiter)
    thread.start()
    assert not got.wait(0.5)  # still held: the waiter must not have it
    holder.release()
    thread.join(60)
    assert got.is_set()


def test_the_lock_of_a_killed_process_is_free(tmp_path: Path) -> None:
    code = (
        "import sys, time\nfrom pathlib import Path\nfrom briefing.run.lock import RunLock\n"
        "lock = RunLock(Path(sys.argv[1])); lock.acquire(); print('locked', flush=True); time.sleep(300)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        with pytest.raises(LockError, match=f"pid {child.pid}"):
            RunLock(tmp_path).acquire()
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    with RunLock(tmp_path):  # no stale lock to clear by hand
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())


# --- windows -------------------------------------------------------------------------------------

NOW = datetime(2021, 12, 3, 12, 0)


def art(published: date | None = None, mtime: float | None = None, ident: str = "a1") -> Article:
    return Article(id=ident, path="x.txt", title="t", text="Body.", published=published, mtime=mtime)


@pytest.mark.parametrize(
    ("value", "start"),
    [
        ("24h", datetime(2021, 12, 2, 12, 0)),
        ("7d", datetime(2021, 11, 26, 12, 0)),
        ("90m", datetime(2021, 12, 3, 10, 30)),
        ("2w", datetime(2021, 11, 19, 12, 0)),
        ("2021-12-01", datetime(2021, 12, 1)),
        (" 36H ", datetime(2021, 12, 2, 0, 0)),
    ],
)
def test_parse_since(value: str, start: datetime) -> None:
    assert parse_since(value, NOW) == start


@pytest.mark.parametrize("value", ["yesterday", "24", "-1d", "2021-13-01", "../../x", "1y"])
def test_a_bad_since_is_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError, match="--since"):
        parse_since(value, NOW)


def test_in_window_uses_the_date_else_the_file_time() -> None:
    start = datetime(2021, 12, 2, 12, 0)
    assert in_window(art(published=date(2021, 12, 2)), start)  # the start's day counts
    assert not in_window(art(published=date(2021, 12, 1)), start)
    assert in_window(art(mtime=datetime(2021, 12, 2, 13, 0).timestamp()), start)
    assert not in_window(art(mtime=datetime(2021, 12, 2, 11, 0).timestamp()), start)
    # a date wins over the file time
    assert not in_window(art(published=date(2021, 11, 1), mtime=datetime(2021, 12, 3).timestamp()), start)
    assert not in_window(art(), start)


def test_selection_counts_what_it_turns_away() -> None:
    take = Selection(since=datetime(2021, 12, 2), known_ids=frozenset({"old"}))
    kept = [
        a.id
        for a in (
            art(date(2021, 12, 3), ident="new"),
            art(date(2021, 12, 3), ident="old"),
            art(date(2021, 11, 3), ident="older"),
        )
        if take(a)
    ]
    assert kept == ["new"]
    assert take.rejected == {ALREADY_BRIEFED: 1, OUTSIDE_WINDOW: 1}


# --- manifests -----------------------------------------------------------------------------------


def test_manifest_decides_what_is_unchanged(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Some text.")
    files = [manifest.file_entry(src, 1000)]
    ident = manifest.fingerprint("cfg1", {"formats": ["md"]}, files)
    record = manifest.build_manifest(
        stem="b-1",
        when="2021-12-02",
        identity=ident,
        files=files,
        articles=[art(date(2021, 12, 2), ident="id1")],
        skipped=[("bad.txt", "empty file")],
        rejected={},
        outputs={"b-1.md": b"x"},
        latest=True,
        config_sources=["c.yaml"],
        seconds={"total": 1.0},
    )
    write_outputs(
        tmp_path / "out", "b-1", {"md": b"x"}, extras={"b-1.manifest.json": manifest.encode(record)}
    )
    (tmp_path / "out" / "junk.manifest.json").write_text("{not json")  # damaged: ignored
    found = manifest.read_manifests(tmp_path / "out")
    assert [m["briefing"] for m in found] == ["b-1"]
    assert manifest.briefed_ids(found) == {"id1"}
    assert manifest.unchanged(found[-1], ident, tmp_path / "out")
    assert not manifest.unchanged(
        found[-1], manifest.fingerprint("cfg2", {"formats": ["md"]}, files), tmp_path / "out"
    )
    src.write_text("Some other text.")
    assert not manifest.unchanged(
        found[-1],
        manifest.fingerprint("cfg1", {"formats": ["md"]}, [manifest.file_entry(src, 1000)]),
        tmp_path / "out",
    )
    (tmp_path / "out" / "b-1.md").unlink()  # a deleted briefing is rebuilt
    assert not manifest.unchanged(found[-1], ident, tmp_path / "out")
    assert json.loads((tmp_path / "out" / "b-1.manifest.json").read_text())["outputs"][0]["bytes"] == 1


def test_file_entry_reads_a_bounded_prefix_of_a_huge_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    entry = manifest.file_entry(huge, 1024)
    assert entry["bytes"] == 50 * 1024 * 1024
    assert entry["sha256"] == hashlib.sha256(bytes(1025)).hexdigest()  # only max_bytes + 1 were read


# --- one run's files: all or nothing -------------------------------------------------------------


def test_when_one_format_fails_to_render_nothing_of_the_run_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clitools import write_corpus

    from briefing import render
    from briefing.config import load_config
    from briefing.run.job import BuildOptions, build

    write_corpus(tmp_path / "news", 3, published="2021-12-03")
    out = tmp_path / "out"
    rendered: list[str] = []

    def pdf_fails(r: render.Rendered) -> bytes:
        rendered.append("pdf")
        raise RenderError("PDF output needs WeasyPrint and its system libraries: simulated")

    monkeypatch.setitem(render.FORMATS, "pdf", render._Format("pdf", "pdf", pdf_fails))
    with pytest.raises(RenderError, match="simulated"):
        build([tmp_path / "news"], load_config(), out, BuildOptions(formats=("md", "json", "pdf", "html")))
    assert rendered == ["pdf"]  # md and json were rendered first, in memory
    assert names(out) == [LOCK_NAME]
