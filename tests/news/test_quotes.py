"""Every quote the extractor emits is an exact substring of the article, at its offsets."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.news.extract import extract_article, to_json
from ceasefire.news.model import quote_problems

_VOCABULARY = (
    "At least twelve soldiers were killed on Friday in North Waziristan . "
    "Militants attacked a checkpoint in Kurram district on Saturday night , police said . "
    "Pakistani drone strikes hit Spin Boldak ; the Taliban claimed 58 soldiers died . "
    "The ceasefire agreed in Doha took effect . Talks will be held in Istanbul on Monday . "
    "UNAMA urged both sides to cease hostilities . Dozens were wounded . In another "
    "development , police arrested four suspects in Peshawar . D.I. Khan Nakoula “quoted” "
    "Türkiye ’s — 2,600 kms Oct. 19 , 2025 overnight last Thursday the next day"
)
WORDS = _VOCABULARY.split()


def test_dev_set_quotes_are_exact(dev_articles: list[dict[str, Any]]) -> None:
    checked = 0
    for article in dev_articles:
        record = to_json(extract_article(article))
        assert quote_problems(article["text"], record) == [], article["id"]
        checked += sum(len(record[s]) for s in ("incidents", "agreement_events", "obligations"))
    assert checked > 100


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=120), st.sampled_from([" ", "\n", "  ", ".\n"]))
def test_news_like_text_quotes_are_exact(words: list[str], sep: str) -> None:
    text = sep.join(words)
    record = to_json(extract_article({"id": "h", "text": text, "pub_date": "2025-10-25"}))
    assert quote_problems(text, record) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_quotes_are_exact(text: str) -> None:
    record = to_json(extract_article({"id": "h", "text": text, "pub_date": None}))
    assert quote_problems(text, record) == []
