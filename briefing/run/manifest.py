"""The manifest written beside every briefing: what went in, what came out, under which settings.

``briefing-DATE.manifest.json`` lists every input file (absolute path, size, sha256), every
article used (id — itself a content hash — and path), the inputs skipped and why, the output
files with their hashes, the configuration hash, the version and the timings. Later runs read
the manifests of the output folder to decide whether anything is new (``--skip-unchanged``,
``--new-only``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..models import Article

SUFFIX = ".manifest.json"
FORMAT = 1
_CHUNK = 1 << 20


def manifest_path(out_dir: Path, stem: str) -> Path:
    """Where the manifest of briefing ``stem`` lives."""
    return out_dir / f"{stem}{SUFFIX}"


def file_entry(path: Path, max_bytes: int) -> dict[str, Any]:
    """Size and sha256 of one input file (of its first ``max_bytes + 1`` bytes when larger, which
    ingest rejects anyway: hashing must not cost more than reading would)."""
    entry: dict[str, Any] = {"path": str(path.resolve())}
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            entry["bytes"] = os.fstat(fh.fileno()).st_size
            left = max_bytes + 1
            while left > 0 and (chunk := fh.read(min(_CHUNK, left))):
                digest.update(chunk)
                left -= len(chunk)
    except OSError as exc:
        entry["error"] = exc.strerror or str(exc)
        return entry
    entry["sha256"] = digest.hexdigest()
    return entry


def inputs_digest(files: Sequence[Mapping[str, Any]]) -> str:
    """One hash of the whole input set: paths, sizes and contents (order does not matter)."""
    rows = sorted(json.dumps(dict(f), sort_keys=True) for f in files)
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def fingerprint(
    config_hash: str, options: Mapping[str, Any], files: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """What decides a briefing's content: version, configuration, run options and inputs."""
    return {
        "version": __version__,
        "config_hash": config_hash,
        "options": dict(options),
        "inputs_digest": inputs_digest(files),
    }


def build_manifest(
    *,
    stem: str,
    when: str,
    identity: Mapping[str, Any],
    files: Sequence[Mapping[str, Any]],
    articles: Iterable[Article],
    skipped: Iterable[tuple[str, str]],
    rejected: Mapping[str, int],
    outputs: Mapping[str, bytes],
    latest: bool,
    config_sources: Sequence[str],
    seconds: Mapping[str, float],
    truncated: Iterable[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The manifest of one briefing as plain data (``identity`` is its ``fingerprint``)."""
    return {
        "manifest": FORMAT,
        "briefing": stem,
        "date": when,
        "finished": time.time(),
        **identity,
        "config_sources": list(config_sources),
        "files": [dict(f) for f in files],
        "articles": [
            {"id": a.id, "path": a.path, "published": a.published.isoformat() if a.published else None}
            for a in articles
        ],
        "skipped": [{"path": p, "reason": r} for p, r in skipped],
        "truncated": [{"path": p, "reason": r} for p, r in truncated],
        "not_taken": dict(rejected),
        "outputs": [
            {"path": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in outputs.items()
        ],
        "latest": latest,
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
    }


def encode(manifest: Mapping[str, Any]) -> bytes:
    """The manifest file's bytes."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_manifests(out_dir: Path) -> list[dict[str, Any]]:
    """Every readable manifest in ``out_dir``, oldest first. A damaged one is ignored: it can
    only make a run do more work, never less."""
    found = []
    for path in out_dir.glob(f"*{SUFFIX}"):
        if path.name.startswith("."):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("finished"), int | float):
            found.append(data)
    return sorted(found, key=lambda m: m["finished"])


def briefed_ids(manifests: Iterable[Mapping[str, Any]]) -> set[str]:
    """The ids of every article an earlier briefing used."""
    ids: set[str] = set()
    for m in manifests:
        for a in m.get("articles") or []:
            if isinstance(a, dict) and isinstance(a.get("id"), str):
                ids.add(a["id"])
    return ids


def unchanged(previous: Mapping[str, Any] | None, identity: Mapping[str, Any], out_dir: Path) -> bool:
    """True when ``previous`` was made from the same fingerprint and its outputs are all still
    there (a briefing someone deleted is rebuilt)."""
    if previous is None or any(previous.get(k) != v for k, v in identity.items()):
        return False
    outputs = previous.get("outputs") or []
    return bool(outputs) and all(
        isinstance(o, dict) and isinstance(o.get("path"), str) and (out_dir / Path(o["path"]).name).is_file()
        for o in outputs
    )
