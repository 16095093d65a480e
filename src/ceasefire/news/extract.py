"""The extractor's Python API: one article in, frozen candidates out.

`extract_article(article)` takes a mapping with `id`, `text` and optionally `pub_date`,
`title`, `url` (anything else is ignored, and so are gold labels if present) and returns
`ArticleCandidates`. It never raises for bad input: an unusable record gives a result with
`error` set and no candidates. `to_json` gives the JSONL line the CLI writes.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from ceasefire.news.agreements import agreement_events
from ceasefire.news.analysis import analyse, article_fields
from ceasefire.news.dates import parse_iso
from ceasefire.news.incidents import incidents
from ceasefire.news.model import ArticleCandidates, to_json
from ceasefire.news.obligations import obligations

__all__ = ["ArticleCandidates", "extract_article", "to_json"]


def extract_article(article: Mapping[str, object], today: date | None = None) -> ArticleCandidates:
    """Candidates for one article (see the module docstring).

    `today` (default: the clock, UTC) is the day the article is read: a month-day written
    with no year anywhere but with its weekday ("Monday, March 23"; "DOHA, Oct 19 ... on
    Sunday") is placed in the latest year up to then in which it fell on that weekday.
    """
    try:
        aid, text, raw_pub = article_fields(article)
    except ValueError as exc:
        raw_id = article.get("id")
        return ArticleCandidates(id=raw_id if isinstance(raw_id, str) else None, error=str(exc))
    warnings: list[str] = []
    pub = parse_iso(raw_pub)
    if raw_pub is not None and pub is None:
        warnings.append(f"pub_date {raw_pub!r} is not an ISO date; treated as missing")
    if pub is None:
        warnings.append("no publication date: weekdays are resolved only against a page date")
    read_on = today or datetime.now(tz=UTC).date()
    analysed = analyse(aid, text, pub, article.get("url"), read_on)
    return ArticleCandidates(
        id=aid,
        incidents=tuple(incidents(analysed)),
        agreement_events=tuple(agreement_events(analysed)),
        obligations=tuple(obligations(analysed)),
        warnings=tuple(warnings),
    )
