"""Ingest: find input files and read each into ``Article`` records.

Reading is defensive: one bad file (empty, binary, undecodable, too large, unreadable, malformed)
becomes an ``ArticleError`` returned beside the good articles, never an exception that stops the
run. Inputs are only ever opened for reading, and never more than ``max_bytes + 1`` bytes of them.

Every reader turns its format into the same plain fields (``Parsed``); ``read_path`` then
normalises the body (NFC, plain spaces, LF line ends, no invisible or control characters, curly
quotes kept) and hashes it into the article id. ``Article.text`` is that normalised body: all later
spans index into it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import ArticleError, UsageError
from ..models import Article
from .decode import decode, normalise
from .fields import (
    DERIVED_TITLE_CHARS,
    Parsed,
    Reader,
    article_id,
    derive_title,
    finish,
    looks_like_title,
    parse_date,
    split_outlet,
)
from .html import read_html
from .structured import read_json, read_jsonl
from .text import markdown_to_text, read_md, read_txt

MAX_BYTES = 20 * 1024 * 1024

# File extension → reader name. Anything else named explicitly is read as plain text.
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "md": read_md,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
}


def discover(inputs: Sequence[str | Path]) -> list[Path]:
    """Expand files and folders into the list of files to read, without duplicates.

    A file named explicitly is taken whatever its extension; a folder is scanned recursively,
    in sorted order, for files with a known extension, skipping hidden files and folders.
    Raises ``UsageError`` for a path that does not exist.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in EXTENSIONS:
                    add(child)
        elif path.exists():
            add(path)
        else:
            raise UsageError(f"input not found: {path}")
    return found


def read_path(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[ArticleError]]:
    """Read one input file into its articles and the errors of the parts that could not be read.

    Never raises for a bad file: a whole-file problem is one ``ArticleError``; a multi-article
    file (JSON list, JSONL) yields every good article and one error per bad entry.
    """
    where = str(path)
    try:
        with open(path, "rb") as fh:
            mtime = os.fstat(fh.fileno()).st_mtime
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ArticleError(where, f"too large (more than {max_bytes} bytes)")
        text = decode(data, where)
        name = reader_name(Path(path))
        entries = READERS[name](text, where)
    except PermissionError:
        return [], [ArticleError(where, "unreadable: permission denied")]
    except OSError as exc:
        return [], [ArticleError(where, f"unreadable: {exc.strerror or exc}")]
    except ArticleError as exc:
        return [], [exc]
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for entry in entries:
        if isinstance(entry, ArticleError):
            errors.append(entry)
            continue
        try:
            articles.append(finish(entry, where, name, mtime))
        except ArticleError as exc:
            errors.append(exc)
    return articles, errors


def reader_name(path: Path) -> str:
    """The name of the reader for ``path``: by extension, plain text when unknown."""
    return EXTENSIONS.get(path.suffix.lower(), "txt")


__all__ = [
    "DERIVED_TITLE_CHARS",
    "EXTENSIONS",
    "MAX_BYTES",
    "READERS",
    "Parsed",
    "Reader",
    "article_id",
    "decode",
    "derive_title",
    "discover",
    "looks_like_title",
    "markdown_to_text",
    "normalise",
    "parse_date",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_md",
    "read_path",
    "read_txt",
    "reader_name",
    "split_outlet",
]
