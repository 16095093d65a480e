"""Agreement events (placeholder)."""

from __future__ import annotations

from ceasefire.news.analysis import Article
from ceasefire.news.model import AgreementEvent


def agreement_events(article: Article) -> list[AgreementEvent]:
    """Placeholder."""
    return []
