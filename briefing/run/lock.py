"""One run at a time per output folder: an advisory ``flock`` on a lock file inside it.

The kernel releases a ``flock`` when its holder exits, however it exits (SIGKILL included), so a
lock left by a dead run never needs clearing by hand: the file stays, the lock does not. The file
records the holder's pid only so the message to the next run can name it. The lock file is never
deleted: unlinking a locked file would let a third run lock a new file of the same name while a
second still holds the old one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import time
from pathlib import Path
from types import TracebackType

from ..errors import LockError

logger = logging.getLogger(__name__)
LOCK_NAME = ".briefing.lock"
# How often a waiting run retries. Short enough that a queued cron run starts promptly, long
# enough not to spin.
POLL_SECONDS = 0.2


class RunLock:
    """An exclusive lock on ``folder`` held for a ``with`` block; waits up to ``wait`` seconds."""

    def __init__(self, folder: Path, wait: float = 0.0) -> None:
        self.path = folder / LOCK_NAME
        self.wait = max(0.0, wait)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, waiting up to ``wait`` seconds; raise ``LockError`` naming the holder."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise LockError(f"cannot open the lock file {self.path}: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + self.wait
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                    os.close(fd)
                    raise LockError(f"cannot lock {self.path}: {exc.strerror or exc}") from exc
            if not announced and self.wait:
                announced = True
                logger.info(
                    "waiting up to %g s for %s (%s) to finish", self.wait, self.path.parent, _read_holder(fd)
                )
            if time.monotonic() >= deadline:
                holder = _read_holder(fd)
                os.close(fd)
                waited = f" after waiting {self.wait:g} s" if self.wait else ""
                raise LockError(
                    f"output folder {self.path.parent} is in use by another briefing run "
                    f"({holder}){waited}; try again later or pass --wait SECONDS"
                )
            time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        # Record who holds it, for the message another run will show.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Drop the lock (the file stays; see the module docstring)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):  # a pid left in the file is harmless: only the flock counts
            os.ftruncate(fd, 0)
        os.close(fd)  # closing the descriptor releases the flock

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    return f"pid {text}" if text.isdigit() else "pid unknown"
