"""Readers for plain text and Markdown (each with optional YAML front matter)."""

from __future__ import annotations

import re
from collections.abc import Callable

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


def _heading(match: re.Match[str]) -> str:
    """An ATX heading's text without its closing "###": ``(.*?)[ \t]*#*[ \t]*$`` as string strips,
    which the regex engine could only find by retrying the tail at every character."""
    return match.group(1).rstrip(" \t").rstrip("#").rstrip(" \t")


# Every rule is linear in the length of the text: a bracketed or delimited part never spans its own
# opening character, so a scan from one opener stops at the next one instead of running to the end
# of the text and back for each of them ('[' * 80,000 on one line took 32 s with "[^\]]+").
_MD_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"!\[[^\[\]]*\]\((?:[^()\n]|\([^()\n]*\))*\)"), ""),  # images dropped
    (re.compile(r"\[([^\[\]]+)\]\((?:[^()\n]|\([^()\n]*\))*\)"), r"\1"),  # [text](url) → text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # [text][ref] → text
    (re.compile(r"^ {0,3}\[[^\[\]\n]+\]:\s+\S+.*$", re.MULTILINE), ""),  # link reference definitions
    (re.compile(r"</?[A-Za-z][^<>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE), _heading),  # ATX headings
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE), ""),  # setext underlines
    (re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^```.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*"), r"\1"),  # **strong**
    (re.compile(r"__(?=\S)((?:[^_\n]|_(?!_))+?)(?<=\S)__"), r"\1"),  # __strong__
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)
_TITLE_HEADING = re.compile(r"\s*#[ \t]+([^\n]+)\n")


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
    head = _TITLE_HEADING.match(body)
    heading = _one_line(markdown_to_text(head.group(1).rstrip(" \t#") or head.group(1)[:1])) if head else None
    if head and fields["title"] in (None, heading):
        fields["title"], body = heading, body[head.end() :]
    body = markdown_to_text(body)
    if not fields["title"]:
        fields["title"], body = _title_and_body(body)
    return [Parsed(text=body, **fields)]
