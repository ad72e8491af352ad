"""Readers for plain text and Markdown (each with optional YAML front matter)."""

from __future__ import annotations

import re

from ..errors import ArticleError
from .decode import normalise
from .fields import Parsed, _dateline, _front_matter, _one_line, _title_and_body


def read_txt(text: str, where: str) -> list[Parsed | ArticleError]:
    """Plain text, with optional YAML front matter; the first line may be the title."""
    fields, body = _front_matter(normalise(text), where)
    if not fields["title"]:
        fields["title"], body = _title_and_body(body)
    if fields["title"] and not fields["published"]:
        fields["published"], body = _dateline(body)
    return [Parsed(text=body, **fields)]


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images dropped
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url) → text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] → text
    (re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE), ""),  # link reference definitions
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE), ""),  # setext underlines
    (re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^```.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)


def markdown_to_text(markdown: str) -> str:
    """Markdown markup to plain text: heading markers, emphasis, links and images removed,
    paragraphs and list items kept on their own lines."""
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text)


def read_md(text: str, where: str) -> list[Parsed | ArticleError]:
    """Markdown with optional front matter; a leading "# Heading" or first line is the title."""
    fields, body = _front_matter(normalise(text), where)
    if fields["title"]:
        fields["title"] = _one_line(markdown_to_text(fields["title"]))
    # A leading "# Heading" is the document's title: it is the title, or repeats it.
    head = re.match(r"\s*#[ \t]+(.+?)[ \t#]*\n", body)
    heading = _one_line(markdown_to_text(head.group(1))) if head else None
    if head and fields["title"] in (None, heading):
        fields["title"], body = heading, body[head.end() :]
    body = markdown_to_text(body)
    if not fields["title"]:
        fields["title"], body = _title_and_body(body)
    return [Parsed(text=body, **fields)]
