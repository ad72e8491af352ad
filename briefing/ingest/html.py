"""The HTML reader: trafilatura extracts the article body and metadata."""

from __future__ import annotations

import re
from typing import Any

from ..errors import ArticleError
from .fields import Parsed, _one_line, parse_date


def read_html(text: str, where: str) -> list[Parsed | ArticleError]:
    """HTML through trafilatura (main text, tables and metadata; comments and navigation left
    out). Nothing is fetched: only the text read from the file is parsed.

    Tables are trafilatura's default and count on the article-extraction benchmark (tune part:
    0.9681 without, 0.9690 with them read one row a line, layout tables' cells as blocks)."""
    import trafilatura

    # A Document (bare_extraction returns a dict only when asked to with as_dict).
    doc: Any = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or isinstance(doc, dict) or getattr(doc, "body", None) is None:
        raise ArticleError(where, "no text: no article content found in the HTML")
    blocks = _blocks(doc.body)
    title = _one_line(doc.title)
    # trafilatura repeats the page's <h1> as the first block; the title field already has it.
    if blocks and title and _one_line(blocks[0]) == title:
        blocks = blocks[1:]
    return [
        Parsed(
            text="\n\n".join(b for b in blocks if b.strip()),
            title=title,
            source=_one_line(doc.sitename),
            url=doc.url,
            published=parse_date(doc.date),
            author=doc.author,
        )
    ]


def _blocks(body: Any) -> list[str]:
    """The blocks of trafilatura's body, with the loose text between them: a heading trafilatura
    did not wrap sits in the tail of the block before it."""
    blocks = [_loose(body.text)]
    for element in body:
        if element.tag == "table" and any(True for _ in element.iter("p", "head", "list")):
            # A layout table (the page's columns): its cells hold paragraphs, read them as such.
            for cell in element.iter("cell"):
                blocks.extend(_blocks(cell))
        else:
            blocks.append(_html_block(element))
        blocks.append(_loose(element.tail))
    return [b for b in blocks if b]


def _loose(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _html_block(element: Any) -> str:
    """One block of trafilatura's output tree as text: list items one a line as "- item"."""
    if element.tag == "list":
        return "\n".join("- " + _inline(item) for item in element if item.tag == "item")
    if element.tag == "table":
        # One line per row, its cells apart: glued together they would read as one long word.
        rows = (" ".join(_inline(cell) for cell in row) for row in element.iter("row"))
        return "\n".join(row for row in rows if row.strip())
    return _inline(element)


def _inline(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()
