"""The page's own date: what relative dates resolve against when the text is all we have.

The publication date wins; then a date written in the article URL ("/2025/May/12/");
then a date printed as the page's date line, in a photo caption or under an embedded post
(the latest such date). Dates inside body sentences never anchor the page: they usually
date other events. A year in the URL also backs up years missing from the text, so that
"on January 15" can still be placed.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from datetime import date

from ceasefire.news.dates import DateContext, find_dates
from ceasefire.news.daymath import WEEKDAYS, make_date, month_number, weekday_year
from ceasefire.news.text import Sentence, dateline_end

_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")
_PUBLISHED = re.compile(r"(?i)\b(?:published|updated|posted)\b")


_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[A-Za-z]{3})[/-]([0-3]?\d)(?=[/-]|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(?:[01]?\d|[A-Za-z]{3})/")


def url_date(url: object) -> tuple[date | None, int | None]:
    """(day, year) written in an article URL such as '/2025/May/12/' or '/2026/01/23/'."""
    if not isinstance(url, str):
        return None, None
    m = _URL_DAY.search(url)
    if m:
        month = int(m.group(2)) if m.group(2).isdigit() else month_number(m.group(2))
        day = make_date(int(m.group(1)), month, int(m.group(3))) if month else None
        if day is not None:
            return day, day.year
    y = _URL_YEAR.search(url)
    return None, (int(y.group(1)) if y else None)


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DAY_MONTH = re.compile(
    r"\b([A-Z][a-z]{2,8})\.?\s+([0-3]?\d)\b(?:,?\s+((?:19|20)\d\d))?|\b([0-3]?\d)\s+([A-Z][a-z]{2,8})\b"
)


def _dateline_day(s: Sentence, today: date | None) -> date | None:
    """The day of a wire dateline ("DOHA, Oct 19 (KUNA) -- The ministry announced on
    Sunday ..."): its year is written, or fixed by the weekday the lede names."""
    head = dateline_end(s.text)
    m = _DAY_MONTH.search(s.text, 0, head) if head else None
    if m is None:
        return None
    month = month_number(m.group(1) or m.group(5))
    day = int(m.group(2) or m.group(4))
    if month is None:
        return None
    if m.group(3):
        return make_date(int(m.group(3)), month, day)
    named = _WEEKDAY.search(s.text, head)
    if named is None or today is None:
        return None
    year = weekday_year(month, day, WEEKDAYS[named.group(1).lower()], today)
    return make_date(year, month, day) if year else None


def document_anchor(
    text: str,
    sentences: list[Sentence],
    pub_date: date | None,
    url: object = None,
    today: date | None = None,
) -> DateContext:
    """The day relative expressions resolve against, and the years written in the text.

    The publication date wins, then a date written in the URL. Without either, a date
    written as the page's own date line, in a photo caption or under an embedded post dates
    the page (the latest such date); dates inside body sentences never do, because they
    usually date other events. A wire dateline ("DOHA, Oct 19 (KUNA) --") dates the page
    too. A year in the URL backs up years missing from the text; with no year anywhere, a
    month-day is its last occurrence up to `today`.
    """
    years = tuple((m.start(), int(m.group(1))) for m in _YEAR_RE.finditer(text))
    url_day, url_year = url_date(url)
    if url_year is not None:
        years = ((-1, url_year), *years)
    if pub_date is not None:
        return DateContext(pub_date, "publication date", years, today)
    if url_day is not None:
        return DateContext(url_day, "date in the URL", years, today)
    best: tuple[date, str] | None = None
    empty = DateContext(None, "", years, today)
    for s in sentences[:3]:
        dated = _dateline_day(s, today)
        if dated is not None and (best is None or dated > best[0]):
            best = (dated, "date in the dateline")
    for s in sentences:
        dateline = s.kind == "headline" and len(s.text) <= 60
        if not (dateline or s.kind in ("caption", "embed_signature") or _PUBLISHED.search(s.text)):
            continue
        for dm in find_dates(text, s.start, s.end, empty):
            if (
                dm.kind in ("explicit", "iso")
                and dm.date
                and _YEAR_RE.search(dm.text)
                and (best is None or dm.date > best[0])
            ):
                best = (dm.date, f"page date ({s.kind})")
    if best is None:
        return empty
    return DateContext(best[0], best[1], years, today)
