"""The two source articles of the Doha/Istanbul case, as a monitor would paste them."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "tests" / "data" / "seeds"


@pytest.fixture
def seeds():
    """(title, text) of each source article, in file order."""
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        articles.append((title.strip(), text.strip()))
    return articles
