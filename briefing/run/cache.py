"""Per-article analysis cache: a scheduled run re-analyses only new or changed articles.

One file per article under ``<root>/<namespace>/<key[:2]>/<key>.json``. The namespace joins the
configuration hash with a hash of this package's source code, so changing the configuration or
upgrading the code never serves a stale analysis. An entry is plain JSON (never pickle: loading
it cannot run code) behind a header line carrying its key, namespace and the SHA-256 of the
payload. An entry that does not parse, does not match its header or checksum, or does not
rebuild into valid records is deleted and treated as a miss: a corrupt cache costs time, never
correctness. Writes go to a temporary file renamed into place, so a crash or a concurrent run
leaves either a whole entry or none. Failing to write is not an error: the run goes on uncached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ..models import AnalysedArticle, Paragraph, Sentence

FORMAT = 1  # bump when the entry layout changes
_MAGIC = "briefing-analysis-cache"
_TEMP_PREFIX = ".tmp-"
# A temporary entry lives for the milliseconds between its write and its rename; one an hour old
# belongs to no live run, whatever pid it names.
TEMP_MAX_AGE = 3600.0


def _writer_alive(name: str) -> bool:
    """Is the process named in a temporary file's name (``.tmp-PID-XXXX.json``) still running?"""
    pid = name[len(_TEMP_PREFIX) :].split("-", 1)[0]
    if not pid.isdigit():
        return False  # written before temporary files carried their pid
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but another user's
        return True
    return True


class AnalysisCache:
    """Cache of analysed articles keyed by input content hash and configuration hash.

    ``root`` None disables the cache: ``get`` always misses and ``put`` stores nothing.
    """

    def __init__(self, root: Path | None, config_hash: str) -> None:
        self.root = root
        self.config_hash = config_hash
        self.namespace = f"{config_hash}-{code_hash()}"
        self.hits = 0
        self.misses = 0
        self.discarded = 0  # corrupt entries deleted

    def path(self, key: str) -> Path | None:
        """Where the entry for ``key`` lives (None when the cache is disabled)."""
        if self.root is None:
            return None
        if not key or not all(c in "0123456789abcdefABCDEF" for c in key):
            raise ValueError(f"cache key must be a hex digest, not {key!r}")
        return self.root / self.namespace / key[:2] / f"{key}.json"

    def get(self, key: str) -> AnalysedArticle | None:
        """The cached analysis for ``key``, or None (missing, or corrupt and now deleted)."""
        path = self.path(key)
        if path is None:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        value = self._decode(key, raw)
        if value is None:
            self.discarded += 1
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: AnalysedArticle) -> None:
        """Store an analysis (atomically; silently skipped when the folder is not writable)."""
        path = self.path(key)
        if path is None:
            return
        payload = json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode()
        header = json.dumps(
            {
                "magic": _MAGIC,
                "format": FORMAT,
                "key": key,
                "namespace": self.namespace,
                "sha256": hashlib.sha256(payload).hexdigest(),
            }
        ).encode()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                dir=path.parent, prefix=f"{_TEMP_PREFIX}{os.getpid()}-", suffix=".json"
            )
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(header + b"\n" + payload)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return  # a cache that cannot be written only costs the next run some time

    def sweep(self) -> int:
        """Delete the temporary files runs that were killed mid-write left in this cache's
        namespace; return how many. A temporary file names its writer's pid: it is stale when that
        process is gone, or (a pid reused, another host's run) when older than ``TEMP_MAX_AGE``."""
        if self.root is None:
            return 0
        removed = 0
        now = time.time()
        try:
            folders = [e for e in os.scandir(self.root / self.namespace) if e.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for folder in folders:
            with contextlib.suppress(OSError), os.scandir(folder.path) as entries:
                for entry in entries:
                    if not entry.name.startswith(_TEMP_PREFIX) or not entry.is_file(follow_symlinks=False):
                        continue
                    if _writer_alive(entry.name) and now - entry.stat().st_mtime < TEMP_MAX_AGE:
                        continue
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
        return removed

    def _decode(self, key: str, raw: bytes) -> AnalysedArticle | None:
        header_bytes, _, payload = raw.partition(b"\n")
        try:
            header = json.loads(header_bytes)
            if (
                not isinstance(header, dict)
                or header.get("magic") != _MAGIC
                or header.get("format") != FORMAT
                or header.get("key") != key
                or header.get("namespace") != self.namespace
                or header.get("sha256") != hashlib.sha256(payload).hexdigest()
            ):
                return None
            value = _decode(AnalysedArticle, json.loads(payload))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        return value if _consistent(value) else None


@cache
def code_hash() -> str:
    """A hash of this package's Python sources: a new version of the code starts a new cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# ------------------------------------------------------------------- records ⇄ JSON, by type hint


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` from ``_encode``'s output, checking every type on the way."""
    return _decoder(kind)(data)


Decoder = Callable[[Any], Any]


@cache
def _decoder(kind: Any) -> Decoder:
    """A decoder for one type, built once from its type hints: decoding a cache entry then costs
    no type introspection per value (it is most of a cached run's reading time otherwise)."""
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        parts = [_decoder(hints[f.name]) for f in fields(kind)]
        record: Callable[..., Any] = kind
        label = kind.__name__

        def decode_record(data: Any) -> Any:
            if type(data) is not list or len(data) != len(parts):
                raise ValueError(f"{label}: expected {len(parts)} fields")
            return record(*[part(item) for part, item in zip(parts, data, strict=True)])

        return decode_record
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item_decoder = _decoder(args[0])

            def decode_tuple(data: Any) -> tuple[Any, ...]:
                if type(data) is not list:
                    raise ValueError("expected a list")
                return tuple(map(item_decoder, data))

            return decode_tuple
        item_decoders = [_decoder(a) for a in args]

        def decode_fixed(data: Any) -> tuple[Any, ...]:
            if type(data) is not list or len(data) != len(item_decoders):
                raise ValueError(f"expected a list of {len(item_decoders)}")
            return tuple(d(item) for d, item in zip(item_decoders, data, strict=True))

        return decode_fixed
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(options) != 1 or len(typing.get_args(kind)) != 2:
            raise ValueError(f"unsupported type {kind}")
        inner = _decoder(options[0])
        return lambda data: None if data is None else inner(data)
    if kind is date:
        return lambda data: date.fromisoformat(_exactly(str, data))
    if kind is float:
        return lambda data: float(data) if type(data) in (int, float) else _exactly(float, data)
    if kind in (str, int, bool):
        return lambda data: _exactly(kind, data)
    raise ValueError(f"unsupported type {kind}")


def _exactly(kind: type, data: Any) -> Any:
    if type(data) is not kind:
        raise ValueError(f"expected {kind.__name__}")
    return data


def _consistent(value: AnalysedArticle) -> bool:
    """The invariants every analysis satisfies: spans point at their own text in the article."""
    text = value.article.text
    records: tuple[Paragraph | Sentence, ...] = (*value.paragraphs, *value.sentences)
    return len(value.topics) == len(value.sentences) and all(
        r.article_id == value.article.id and text[r.start : r.end] == r.text for r in records
    )
