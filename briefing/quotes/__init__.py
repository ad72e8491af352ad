"""Quotes: who said what.

``extract`` finds the quotations of one article (quote marks of every style, broken marks, dash
speech, continuation paragraphs) and attributes each to a speaker resolved within the article;
``headline_quotes`` finds those of its title (which the body leaves out) that the title reports
someone as saying (``extract_all``: both, sharing the article's context);
``merge`` makes the speakers canonical across the briefing and folds the same quotation reported
by several articles into one entry citing all of them.
"""

from __future__ import annotations

from .attribute import UNATTRIBUTED, extract
from .headline import extract_all, headline_quotes
from .merge import merge

__all__ = ["UNATTRIBUTED", "extract", "extract_all", "headline_quotes", "merge"]
