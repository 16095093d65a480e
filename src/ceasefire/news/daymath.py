"""Calendar arithmetic behind the date rules: weekdays, years, offsets, month names.

`dates.py` finds date expressions; this module says which day each one means, given the
anchor (usually the publication date): `resolve_weekday` (the most recent such day on or
before the anchor, "last" never the same day, "next"/"will" forward), `pick_year` (the
year closest to the anchor, preferring the past), `relative_day` ("yesterday", "the next
day", "coming a day after", "two days ago", "overnight").

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from ceasefire.news.text import word_list

_MONTH_NAMES = word_list(
    "january february march april may june july august september october november december"
)
#: Month names and abbreviations ("sept" too) -> month number.
MONTHS = (
    {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
    | {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1) if name != "may"}
    | {"sept": 9}
)
WEEKDAYS = {
    name: i
    for i, name in enumerate(word_list("monday tuesday wednesday thursday friday saturday sunday"))
}


@dataclass(frozen=True, slots=True)
class DateContext:
    """What relative expressions resolve against: the anchor day and a fallback year."""

    anchor: date | None
    anchor_basis: str
    years: tuple[tuple[int, int], ...] = ()
    #: the day the text is read: bounds the year of a month-day fixed only by its weekday
    today: date | None = None

    def year_before(self, offset: int) -> int | None:
        """The last explicit year written before `offset`, else the first in the text."""
        if not self.years:
            return None
        i = bisect_right(self.years, (offset, 10_000))
        return self.years[i - 1][1] if i else self.years[0][1]


def parse_iso(value: object) -> date | None:
    """An ISO date from the `pub_date` field, or None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def month_number(token: str) -> int | None:
    """1-12 for a month name or abbreviation, else None."""
    return MONTHS.get(token.lower().rstrip("."))


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_year(month: int, day: int, ctx: DateContext, offset: int) -> int | None:
    """The year for a month-day written without one (see the module docstring)."""
    if ctx.anchor is not None:
        best: tuple[int, int] | None = None
        for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
            d = make_date(year, month, day)
            if d is None:
                continue
            diff = (ctx.anchor - d).days
            cost = diff if diff >= 0 else -3 * diff
            if best is None or cost < best[0]:
                best = (cost, year)
        return best[1] if best else None
    return ctx.year_before(offset)


def weekday_year(month: int, day: int, weekday: int, today: date) -> int | None:
    """The latest year up to `today` in which `month`/`day` falls on `weekday` ("Sunday,
    Oct 19" with no year anywhere: 2025 when read in 2026). A weekday repeats on a date only
    every 5 to 11 years, so within the last six years the answer is unique or absent."""
    for year in range(today.year, today.year - 6, -1):
        d = make_date(year, month, day)
        if d is not None and d <= today and d.weekday() == weekday:
            return year
    return None


def resolve_weekday(anchor: date, target: int, modifier: str, future: bool) -> date:
    """The day a weekday name refers to, seen from `anchor` (see the module docstring)."""
    if modifier == "next" or (future and modifier not in ("last", "past")):
        ahead = (target - anchor.weekday()) % 7
        if modifier == "next" and ahead == 0:
            ahead = 7
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - target) % 7
    if modifier in ("last", "past") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def word_count(token: str) -> int:
    """1 for 'a'/'one', 2 for 'two' ... (a number written in a relative date)."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    return {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}.get(
        token, {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}.get(token, 1)
    )


#: "hours later", "earlier that day", "the same day": the day last named.
_SAME_DAY = (
    r"(?:hours|minutes|moments) (?:later|earlier)|(?:later|earlier) (?:that|the same|in the) day|"
    r"the same day"
)


def relative_day(
    low: str, anchor: date | None, prev: date | None
) -> tuple[date | None, date | None, str]:
    """(date, date_end, basis) for 'yesterday', 'the next day', 'two days ago', ..."""
    if low in ("today", "tonight") or low.startswith("this "):
        return anchor, None, "the publication day"
    if low == "yesterday" or low == "last night":
        return (anchor - timedelta(days=1) if anchor else None), None, "day before publication"
    if low == "overnight":
        if anchor is None:
            return None, None, "overnight, no anchor"
        return anchor - timedelta(days=1), anchor, "overnight before publication"
    if low == "the day before yesterday":
        return (anchor - timedelta(days=2) if anchor else None), None, "two days before"
    m = re.match(r"(\S+) days? ago", low)
    if m:
        n = word_count(m.group(1))
        return (anchor - timedelta(days=n) if anchor else None), None, f"{n} day(s) ago"
    m = re.match(r"(?:coming|came|comes) (?:just |only )?(\S+) days? after", low)
    if m:
        n = word_count(m.group(1))
        return (prev - timedelta(days=n) if prev else None), None, f"{n} day(s) before"
    if re.fullmatch(_SAME_DAY, low):
        if prev is None:  # no day named before it: the day of the report
            return anchor, None, "the same day as the report"
        return prev, None, "the same day as the last date"
    if low in ("a day earlier", "one day earlier", "the previous day", "the day before"):
        return (prev - timedelta(days=1) if prev else None), None, "day before the last date"
    m = re.match(r"(\S+) days? later", low)
    if m or low in ("the next day", "the following day"):
        n = word_count(m.group(1)) if m else 1
        return (prev + timedelta(days=n) if prev else None), None, f"{n} day(s) after"
    return None, None, low


def iso(d: date | None) -> str | None:
    """ISO form of a date, or None."""
    return d.isoformat() if d else None
