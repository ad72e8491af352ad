"""`briefing quotes` as a user runs it: the table on a real terminal, the JSON in a pipe."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _on_a_terminal(*args: str, columns: int = 100) -> tuple[int, str]:
    """Run ``briefing ARGS`` with stdout and stderr on a pseudo-terminal of ``columns`` columns."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the follower side closed: the process is done
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_the_table_prints_on_a_real_terminal() -> None:
    code, out = _on_a_terminal("quotes", "inputs", columns=100)
    assert code == 0, out
    assert "internal error" not in out and "Traceback" not in out
    quote_lines = [line for line in out.splitlines() if line.startswith("    “")]
    assert quote_lines, out
    # Long quotes are cut to the terminal's width (the indent and marks included).
    assert max(len(line.rstrip()) for line in quote_lines) <= 100
    assert any(line.rstrip().endswith("…”") for line in quote_lines)


def test_a_narrow_terminal_cuts_quotes_shorter() -> None:
    _, wide = _on_a_terminal("quotes", "inputs", columns=140)
    _, narrow = _on_a_terminal("quotes", "inputs", columns=60)
    width = [max(len(x.rstrip()) for x in o.splitlines() if x.startswith("    “")) for o in (wide, narrow)]
    assert width[1] <= 60 < width[0]
