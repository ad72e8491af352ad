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
import stat
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


# A folder holding a file with this suffix is a briefing output folder (see ``run.manifest``):
# never input, wherever it sits, so a briefing is not read back as an article.
MANIFEST_SUFFIX = ".manifest.json"


def discover(inputs: Sequence[str | Path]) -> list[Path]:
    """Expand files and folders into the list of files to read, without duplicates.

    A file named explicitly is taken whatever its extension; a folder is scanned recursively,
    in sorted order, for files with a known extension, skipping hidden files and folders and
    any folder that holds briefing manifests (an output folder). Raises ``UsageError`` for a
    path that does not exist.
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
            for child in sorted(_scan(path)):
                add(child)
        elif path.exists():
            add(path)
        else:
            raise UsageError(f"input not found: {display_path(path)}")
    return found


def _scan(root: Path) -> list[Path]:
    """Every visible file with a known extension under ``root``, outside output folders."""
    out: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        if folder != str(root) and any(name.endswith(MANIFEST_SUFFIX) for name in files):
            dirs[:] = []
            continue
        if folder == str(root) and any(name.endswith(MANIFEST_SUFFIX) for name in files):
            files = []  # the root itself is an output folder: only its subfolders may be input
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        here = Path(folder)
        for name in files:
            child = here / name
            if not name.startswith(".") and child.suffix.lower() in EXTENSIONS and child.is_file():
                out.append(child)
        # Symbolic links to folders are listed as folders by os.walk but not followed; rglob
        # followed none either, and a linked file is still listed (``run.window`` confines it).
    return out


def display_path(path: str | Path) -> str:
    """``path`` as printable text: a byte that is not UTF-8 in a file name shows as ``\\xff``."""
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def refuse(path: Path) -> str | None:
    """Why ``path`` cannot be an input before it is opened, or None: a file name that is not
    valid UTF-8 (it could not be shown in a briefing or a manifest), or anything but a regular
    file (opening a FIFO blocks; a device never ends)."""
    text = os.fspath(path)
    if text != display_path(path):
        return "file name is not valid UTF-8"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder: open() says "Is a directory"
        return f"not a regular file ({_kind(mode)})"
    return None


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "a special file"


def read_path(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[ArticleError]]:
    """Read one input file into its articles and the errors of the parts that could not be read.

    Never raises for a bad file: a whole-file problem is one ``ArticleError``; a multi-article
    file (JSON list, JSONL) yields every good article and one error per bad entry. A FIFO,
    device or socket is refused before it is opened (opening a FIFO would block).
    """
    where = display_path(path)
    refused = refuse(path)
    if refused:
        return [], [ArticleError(where, refused)]
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):  # swapped in since the check
                raise ArticleError(where, f"not a regular file ({_kind(info.st_mode)})")
            mtime = info.st_mtime
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
    "display_path",
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
    "refuse",
    "split_outlet",
]
