"""Per-article analysis cache. (Placeholder that never hits: the real cache comes next.)"""

from __future__ import annotations

from pathlib import Path

from .models import AnalysedArticle


class AnalysisCache:
    """Cache of analysed articles keyed by input content hash and configuration hash."""

    def __init__(self, root: Path | None, config_hash: str) -> None:
        self.root = root
        self.config_hash = config_hash

    def get(self, key: str) -> AnalysedArticle | None:
        """The cached analysis for ``key``, or None."""
        return None

    def put(self, key: str, value: AnalysedArticle) -> None:
        """Store an analysis."""
