"""Writing briefings to the output folder: every file appears whole or not at all.

A run writes in two phases. First every file is *staged*: written to a hidden temporary file in
the output folder (``.NAME.XXXX.part``) and flushed to disk. Only when all are staged are they
renamed into place, which is atomic on POSIX: a reader sees the old file or the new one, never a
half-written one. A run killed while staging leaves only hidden ``.part`` files, which the next
run removes (``remove_stale``) while it holds the folder's lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from ..errors import OutputExistsError, RenderError, UsageError

TEMP_SUFFIX = ".part"
LATEST_STEM = "latest"
# Longest stem accepted: room for ".manifest.json" and the temporary name's additions within
# the 255-byte file-name limit of common filesystems.
MAX_STEM_BYTES = 200
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def output_name(pattern: str, when: date) -> str:
    """The file stem for a briefing dated ``when``; refuses anything but a plain file name.

    The pattern is validated at config load; this check is the last line of defence, so that
    no configuration or date can put a file outside the output folder or hide it.
    """
    return check_stem(pattern.replace("{date}", when.isoformat()))


def check_stem(stem: str) -> str:
    """``stem`` if it is a plain, visible file name; ``UsageError`` otherwise."""
    bad = (
        not stem.strip()
        or stem.startswith(".")
        or any(c in stem for c in "/\\\0")
        or any(ord(c) < 32 for c in stem)
        or len(stem.encode("utf-8", "surrogatepass")) > MAX_STEM_BYTES
    )
    if bad or stem == LATEST_STEM:
        raise UsageError(f"output file name {stem!r} is not a plain file name for the output folder")
    return stem


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a hidden temporary file beside ``target``, flushed to disk; return it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        # mkstemp creates the file 0600; a briefing is for readers: honour the umask like open().
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _sync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (best effort: not every filesystem allows it)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _commit(tmp: Path, target: Path, *, replace: bool) -> None:
    """Move a staged file into place. Without ``replace`` an existing file is never clobbered:
    a hard link fails if the name exists, atomically, even against a run that ignores the lock."""
    if replace:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputExistsError(f"{target} exists; use --force to replace it") from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # No hard links on this filesystem (FAT, some network mounts): checked rename instead.
        if target.exists():
            raise OutputExistsError(f"{target} exists; use --force to replace it") from None
        os.replace(tmp, target)
        return
    tmp.unlink()


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically: a temporary file in the same folder, fsync, rename."""
    tmp = stage(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_dir(target.parent)


def remove_stale(out_dir: Path) -> list[Path]:
    """Delete temporary files a killed run left in ``out_dir``; return them.

    Call only while holding the folder's lock: then no live run is staging there.
    """
    removed = []
    for path in out_dir.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
    return removed


def remove_incomplete(out_dir: Path, stem: str, manifest: Path, extensions: Iterable[str]) -> list[Path]:
    """Delete ``{stem}.{ext}`` files that have no ``manifest`` beside them; return them.

    A briefing's manifest is committed after all its files, so dated files without one are a set
    a killed run left half committed, not a briefing. Call only while holding the folder's lock.
    """
    if manifest.exists() or manifest.is_symlink():
        return []
    removed = []
    for ext in extensions:
        path = out_dir / f"{stem}.{ext}"
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
    return removed


def interrupted_stems(out_dir: Path, manifest_suffix: str) -> list[str]:
    """Stems of briefings whose commit a killed run left unfinished: their manifest (committed
    last) is still a staged ``.part`` file. Call before ``remove_stale`` deletes the evidence."""
    marker = manifest_suffix + "."
    stems = []
    for path in sorted(out_dir.glob(f".*{manifest_suffix}.*{TEMP_SUFFIX}")):
        stem = path.name[1:].rsplit(marker, 1)[0]
        with contextlib.suppress(UsageError):  # only plain, visible names: never outside the folder
            if check_stem(stem) not in stems:
                stems.append(stem)
    return stems


def refuse_existing(paths: Iterable[Path]) -> None:
    """Raise ``OutputExistsError`` if any of ``paths`` exists (an earlier briefing)."""
    for path in paths:
        if path.exists() or path.is_symlink():
            raise OutputExistsError(f"{path} exists; use --force to replace it")


def write_outputs(
    out_dir: Path,
    stem: str,
    files: Mapping[str, bytes],
    *,
    force: bool = False,
    latest: bool = True,
    extras: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Write ``{stem}.{ext}`` for each rendered format, then each of ``extras`` (file name →
    bytes, e.g. the manifest), then ``latest.{ext}``; return the dated paths and extras.

    All or nothing for the dated files: if one cannot be written, those this call already put in
    place are removed again (with ``force`` a replaced earlier briefing cannot come back).
    """
    check_stem(stem)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    targets = {out_dir / f"{stem}.{ext}": data for ext, data in files.items()}
    targets.update({out_dir / check_stem(name): data for name, data in (extras or {}).items()})
    if not force:
        refuse_existing(targets)
    latest_targets = {out_dir / f"{LATEST_STEM}.{ext}": data for ext, data in files.items()} if latest else {}

    staged: dict[Path, Path] = {}
    placed: list[Path] = []
    try:
        for target, data in {**targets, **latest_targets}.items():
            staged[target] = stage(target, data)
        for target in targets:
            _commit(staged[target], target, replace=force)
            del staged[target]
            placed.append(target)
    except BaseException as exc:
        for path in [*staged.values(), *placed]:
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise RenderError(f"cannot write {out_dir}: {exc.strerror or exc}") from exc
        raise
    try:
        for target in latest_targets:
            os.replace(staged.pop(target), target)
    finally:
        for path in staged.values():
            path.unlink(missing_ok=True)
        _sync_dir(out_dir)
    return placed
