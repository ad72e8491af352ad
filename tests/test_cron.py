"""A real cron run of the documented crontab line (about a minute; deselect with -m "not cron").

The line is read from the documentation itself (README.md), so the
documented line is the one that is proven to work. Its paths are pointed at a temporary input
and output folder and at this virtual environment's ``briefing``, its schedule made "every
minute"; the test waits for cron to produce a briefing, and always removes the line again.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from clitools import write_corpus

pytestmark = pytest.mark.cron

ROOT = Path(__file__).resolve().parent.parent
DOC_BINARY, DOC_INPUTS, DOC_OUTPUT = "/opt/briefing/.venv/bin/briefing", "/srv/news", "/srv/briefings"
PATIENCE = 150  # seconds: cron starts jobs at the turn of the minute, then the build itself runs
MARKER = "# briefing test_cron (removed by the test)"


def documented_line() -> str:
    """The crontab line the documentation gives (first ``briefing build`` line of a crontab block)."""
    for doc in (ROOT / "README.md",):
        if doc.exists():
            for block in re.findall(r"```crontab\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
                for line in block.splitlines():
                    if re.match(r"^(\S+\s+){5}\S*briefing build ", line):
                        return line
    raise AssertionError("no documented crontab line for 'briefing build'")


@pytest.fixture()
def crontab_line(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """Install the documented line (every minute, temporary folders); remove it afterwards."""
    news, out = tmp_path / "news", tmp_path / "out"
    write_corpus(news, 4, published=date.today().isoformat())
    binary = Path(sys.executable).parent / "briefing"
    line = documented_line()
    for placeholder in (DOC_BINARY, DOC_INPUTS, DOC_OUTPUT):
        assert placeholder in line, f"the documented line no longer uses {placeholder}"
    line = line.replace(DOC_BINARY, str(binary)).replace(DOC_INPUTS, str(news)).replace(DOC_OUTPUT, str(out))
    line = "* * * * * " + line.split(None, 5)[5]
    previous = subprocess.run(["crontab", "-l"], capture_output=True, text=True, check=False)
    before = previous.stdout if previous.returncode == 0 else None
    table = (before or "") + f"{MARKER}\n{line}\n"
    # cron notices a new crontab by the spool folder's modification time, in whole seconds: a
    # crontab written in the second the daemon started would go unseen, so write it a second on.
    time.sleep(1.1)
    subprocess.run(["crontab", "-"], input=table, text=True, check=True)
    try:
        yield news, out
    finally:
        if before is None:
            subprocess.run(["crontab", "-r"], capture_output=True, check=False)
        else:
            subprocess.run(["crontab", "-"], input=before, text=True, check=True)


@pytest.mark.usefixtures("cron_daemon")
def test_cron_runs_the_documented_line(crontab_line: tuple[Path, Path]) -> None:
    _, out = crontab_line
    name = f"briefing-{date.today().isoformat()}"
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline and not (out / f"{name}.manifest.json").exists():
        time.sleep(1)
    log = out / "briefing.log"
    assert (out / f"{name}.manifest.json").exists(), (
        f"cron produced no briefing in {PATIENCE} s; log: {log.read_text() if log.exists() else 'none'}"
    )
    record = json.loads((out / f"{name}.manifest.json").read_text())
    assert len(record["articles"]) == 4
    assert record["options"]["since"] == "24h"
    for entry in record["outputs"]:
        assert (out / entry["path"]).stat().st_size == entry["bytes"]
    assert (out / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    assert "NOTICE wrote " + name in log.read_text()
