"""Writing briefings to the output folder: every file appears whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from .errors import OutputExistsError, RenderError


def output_name(pattern: str, when: date) -> str:
    """The file stem for a briefing dated ``when`` (the pattern is validated at config load)."""
    return pattern.replace("{date}", when.isoformat())


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically: a temporary file in the same folder, fsync, rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        # mkstemp creates the file 0600; a briefing is for readers: honour the umask like open().
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def write_outputs(out_dir: Path, stem: str, files: Mapping[str, bytes], *, force: bool = False,
                  latest: bool = True) -> list[Path]:
    """Write ``{stem}.{ext}`` for each rendered format (and ``latest.{ext}``); return the paths."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder {out_dir}: {exc}") from exc
    targets = {ext: out_dir / f"{stem}.{ext}" for ext in files}
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        raise OutputExistsError(f"{existing[0]} exists; use --force to replace it")
    written = []
    for ext, data in files.items():
        atomic_write(targets[ext], data)
        written.append(targets[ext])
        if latest:
            atomic_write(out_dir / f"latest.{ext}", data)
    return written
