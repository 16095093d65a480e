"""The relative-date resolver (dates.py), against a Saturday publication date.

2025-10-25 is a Saturday: the same anchor as the dateparser table in dependencies.md §5.4,
whose traps ("on Saturday" a week back, "early Thursday" unparsed) these rules avoid.
"""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.news.anchors import document_anchor, url_date
from ceasefire.news.dates import DateContext, find_dates, resolve_weekday
from ceasefire.news.text import sentences

SATURDAY = DateContext(date(2025, 10, 25), "publication date")


def one(text: str, ctx: DateContext = SATURDAY, prev: date | None = None):
    found = find_dates(text, 0, len(text), ctx, prev)
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on Saturday", "2025-10-25"),  # the publication day itself, not a week back
        ("Saturday", "2025-10-25"),
        ("on Friday", "2025-10-24"),
        ("Friday night", "2025-10-24"),
        ("on Sunday", "2025-10-19"),
        ("Sunday's attack", "2025-10-19"),
        ("early Thursday", "2025-10-23"),
        ("late Tuesday", "2025-10-21"),
        ("last Thursday night", "2025-10-23"),
        ("last Saturday", "2025-10-18"),  # "last" never means today
        ("on Thursday morning", "2025-10-23"),
        ("during Friday prayers", "2025-10-24"),
        ("last night", "2025-10-24"),
        ("yesterday", "2025-10-24"),
        ("today", "2025-10-25"),
        ("two days ago", "2025-10-23"),
        ("October 12", "2025-10-12"),
        ("12 October", "2025-10-12"),
        ("Oct. 19", "2025-10-19"),
        ("on the morning of Saturday 19 July 2025", "2025-07-19"),
    ],
)
def test_resolves_against_saturday(text: str, day: str) -> None:
    assert str(one(text).date) == day


def test_future_weekday_after_will() -> None:
    assert str(one("talks will be held on Monday").date) == "2025-10-27"
    assert str(one("they meet next Saturday").date) == "2025-11-01"


def test_overnight_takes_the_evening_and_ends_next_morning() -> None:
    m = one("fighting that began Saturday night and the overnight counterattack", SATURDAY)
    assert (str(m.date), str(m.date_end)) == ("2025-10-25", "2025-10-26")
    alone = one("an overnight raid")
    assert (str(alone.date), str(alone.date_end)) == ("2025-10-24", "2025-10-25")


def test_no_day_gives_none_with_precision() -> None:
    assert (one("earlier this month").date, one("earlier this month").precision) == (None, "month")
    assert one("earlier this month").past
    assert (one("this week").date, one("this week").precision) == (None, "week")
    assert (one("last week").precision, one("last week").past) == ("week", True)
    m = one("In November 2025, seven people were killed")
    assert (m.date, m.precision, m.month_year) == (None, "month", (11, 2025))


def test_weekday_without_anchor_is_not_guessed() -> None:
    m = one("on Saturday", DateContext(None, ""))
    assert (m.date, m.precision) == (None, "day")


def test_year_is_inferred_closest_to_the_anchor() -> None:
    assert str(one("October 12", DateContext(date(2026, 2, 18), "pub")).date) == "2025-10-12"
    assert str(one("December 30", DateContext(date(2026, 1, 2), "pub")).date) == "2025-12-30"
    assert str(one("from March 3", DateContext(date(2026, 3, 2), "pub")).date) == "2026-03-03"
    text = "During January 2025 there was fighting. On January 15, a couple was killed."
    ctx = DateContext(None, "", ((text.index("2025"), 2025),))
    found = find_dates(text, 0, len(text), ctx)
    assert str(found[-1].date) == "2025-01-15"


def test_the_next_day_counts_from_the_previous_date() -> None:
    text = "The wire was cut on Sunday. The next day, a patrol hit a mine."
    found = find_dates(text, 0, len(text), DateContext(date(2025, 11, 11), "pub"))
    assert [str(f.date) for f in found] == ["2025-11-09", "2025-11-10"]
    text = "Monday's announcement came just a day after the army rejected the plan."
    found = find_dates(text, 0, len(text), DateContext(date(2025, 11, 25), "pub"))
    assert [str(f.date) for f in found] == ["2025-11-24", "2025-11-23"]


def test_range() -> None:
    m = one("between February 26 and March 2", DateContext(date(2026, 3, 3), "pub"))
    assert (str(m.date), str(m.date_end), m.kind) == ("2026-02-26", "2026-03-02", "range")


@pytest.mark.parametrize(
    "text",
    ["local sources said Monday", "Tarar on Sunday said that", "a warning issued on Tuesday"],
)
def test_statement_dates_are_tagged_report(text: str) -> None:
    assert one(text).role == "report"


def test_event_date_is_tagged_event() -> None:
    assert one("militants attacked a post on Friday, officials said").role == "event"


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("it may rain", 0, 11, SATURDAY) == []


def test_resolve_weekday_table() -> None:
    sat = date(2025, 10, 25)
    assert [resolve_weekday(sat, wd, "", False).day for wd in range(7)] == [
        20,
        21,
        22,
        23,
        24,
        25,
        19,
    ]


def test_page_date_anchors_a_text_without_publication_date() -> None:
    text = (
        "Guards stand outside a mosque after an explosion, in Islamabad on February 6, 2026."
        " — AFP\n"
        "A bomber struck during Friday prayers. Another attack on November 11, 2025 killed 12."
    )
    ctx = document_anchor(text, sentences(text), None)
    assert ctx.anchor == date(2026, 2, 6)
    body_only = "A raid on Saturday. Another attack on November 11, 2025 killed 12."
    assert document_anchor(body_only, sentences(body_only), None).anchor is None


def test_url_dates() -> None:
    assert url_date("https://x.in/nation/2025/May/12/talks") == (date(2025, 5, 12), 2025)
    assert url_date("https://x.pk/2026/01/23/blast/") == (date(2026, 1, 23), 2026)
    assert url_date("https://x.com/2025/10/at-least-19") == (None, 2025)
    assert url_date("https://x.com/story/1397515") == (None, None)
    assert url_date(None) == (None, None)
