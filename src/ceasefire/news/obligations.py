"""Obligations (placeholder)."""

from __future__ import annotations

from ceasefire.news.analysis import Article
from ceasefire.news.model import Obligation


def obligations(article: Article) -> list[Obligation]:
    """Placeholder."""
    return []
