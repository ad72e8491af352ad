"""The real cron daemon for the cron tests: find it, start it when it is not running, stop what
we started. CI installs cron (``.ci/run``), so there a missing or broken cron fails, not skips."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def unavailable(reason: str) -> None:
    """Skip locally; fail on CI, where cron is installed and a cron test must run."""
    if os.environ.get("CI"):
        pytest.fail(f"cron test cannot run on CI: {reason}")
    pytest.skip(reason)


def cron_pid() -> int | None:
    """The pid of a running cron daemon, if any."""
    found = subprocess.run(["pgrep", "-x", "cron"], capture_output=True, text=True, check=False)
    for pid in map(int, found.stdout.split()):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":  # a killed daemon not yet reaped runs nothing
            return pid
    return None


def running_cron() -> Iterator[None]:
    """A running cron daemon; started here (and stopped afterwards) when there is none."""
    daemon = shutil.which("cron", path="/usr/sbin:/sbin:/usr/bin")
    if not sys.platform.startswith("linux") or daemon is None:
        unavailable("no Debian cron daemon on this machine (apt-get install cron)")
    if shutil.which("crontab") is None:
        unavailable("no crontab command")
    started = None
    if cron_pid() is not None:
        # A daemon an earlier test has just told to stop is still listed for a moment: look again
        # once it has had time to go.
        time.sleep(2)
    if cron_pid() is None:
        if os.geteuid() != 0:
            unavailable("cron is not running and only root can start it")
        result = subprocess.run([str(daemon)], capture_output=True, text=True, check=False)
        for _ in range(50):
            started = cron_pid()
            if started:
                break
            time.sleep(0.1)
        if started is None:
            unavailable(f"cron cannot run here: exit {result.returncode}: {result.stderr.strip()}")
    try:
        yield
    finally:
        if started is not None:
            os.kill(started, signal.SIGTERM)
            # Wait until it is gone: the next cron test must not mistake a dying daemon for a
            # running one (nor find the pid file still locked when it starts its own).
            for _ in range(100):
                if not Path(f"/proc/{started}").exists() or cron_pid() != started:
                    break
                time.sleep(0.1)
