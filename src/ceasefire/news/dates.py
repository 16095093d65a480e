"""Date expressions in news text, resolved against the publication date.

Reports say "on Saturday", "Friday night", "last Thursday night", "early Thursday", "last
night", "the next day", "earlier this month" or "October 12" and leave the reader to work
out the day. The rules here are the news-dev conventions (README "Dates") and the traps
listed in dependencies.md §5.4, implemented directly instead of through dateparser:

* a weekday is the most recent such day on or before the anchor (`(anchor - day) % 7`
  days back, 0 = the publication day itself); "last" pushes a same-day match a week back;
  a weekday right after "will"/"next" looks forward;
* "early"/"late"/"night"/"morning" never change the day; "overnight" gives the evening's
  date and `date_end` the morning after;
* "this week", "last week", "earlier this month", "in November 2025" give no day: the date
  stays None and `precision` says what is known (`week` or `month`);
* without a publication date, a weekday cannot be resolved unless the page itself carries a
  dateline, caption or embedded-post date (`anchors.document_anchor`);
* a month-day without a year takes the year that puts it closest to the anchor, preferring
  the past; without an anchor, the nearest year written earlier in the text.

A mention after a speech verb ("said Monday", "on Sunday said") is tagged `report`: it dates
the statement, not the event.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ceasefire.news.daymath import (
    WEEKDAYS,
    DateContext,
    iso,
    make_date,
    month_number,
    parse_iso,
    pick_year,
    relative_day,
    resolve_weekday,
    weekday_year,
)
from ceasefire.news.text import dateline_end

__all__ = ["DateContext", "DateMention", "find_dates", "iso", "parse_iso", "resolve_weekday"]

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_MD = rf"(?:{_MON}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MON})(?:,?\s+{_YEAR})?"
_NUMW = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")),
    (
        "range",
        re.compile(rf"\b(?:between|from)\s+(?P<a>{_MD})\s+(?:and|to|until|till)\s+(?P<b>{_MD})"),
    ),
    # "16-17 November 2025", "October 11-12", "between October 7 and 8": two days of a month
    (
        "dayrange",
        re.compile(
            rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?(?![\w])|"
            rf"\b(?P<mon2>{_MON})\s+(?P<e1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*"
            rf"(?P<e2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{_YEAR}))?(?![\w])"
        ),
    ),
    ("explicit", re.compile(rf"(?:\b{_WD},?\s+(?:the\s+)?)?\b{_MD}(?![\w])")),
    (
        "month",
        re.compile(
            rf"(?i:\b(?:(?:early|mid|late|end\s+of|beginning\s+of)[\s-]+|last\s+)?)"
            rf"\b{_MON}(?:\s+{_YEAR})?(?![\w])"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"(?i:\b(?:(?:early|late)\s+)?(?:(?:last|this|next|this\s+past|past|on)\s+)?"
            rf"(?:(?:early|late)\s+)?)\b{_WD}(?:['’]s)?"
            rf"(?i:\s+(?:night|morning|evening|afternoon|prayers|congregation))?\b"
        ),
    ),
    (
        "relative",
        re.compile(
            rf"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|yesterday|"
            rf"last\s+night|overnight|the\s+day\s+before\s+yesterday|{_NUMW}\s+days?\s+ago|"
            rf"(?:a|one)\s+day\s+earlier|the\s+previous\s+day|the\s+day\s+before|"
            rf"the\s+(?:next|following)\s+day|(?:a|one)\s+day\s+later|{_NUMW}\s+days\s+later|"
            rf"(?:coming|came|comes)\s+(?:just\s+|only\s+)?{_NUMW}\s+days?\s+after|"
            rf"(?:hours|minutes|moments)\s+(?:later|earlier)|"
            rf"(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+day|"
            rf"the\s+same\s+day)\b"
        ),
    ),
    (
        "period",
        re.compile(
            r"(?i)\b(?:(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)|"
            r"(?:this|last|next|the\s+past|the\s+previous)\s+(?:week(?:end)?|month|year)|"
            r"late\s+last\s+(?:week|month)|in\s+(?:the\s+)?(?:coming|recent)\s+days|"
            r"(?:days|weeks|months|years)\s+(?:ago|earlier|later|after|before)|"
            r"(?:\d+|two|three|four|five|six|a\s+few)\s+(?:weeks|months|years)\s+ago|"
            r"a\s+(?:week|month|year)\s+ago|in\s+(?:19|20)\d\d)\b"
        ),
    ),
)

#: Cheap pre-checks before running the date patterns on a sentence.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RELATIVE_STEMS = (
    "today", "tonight", "this ", "yesterday", "night", "day", "week", "month", "year", "ago",
    "earlier", "later", "in 19", "in 20",
)  # fmt: skip
_SPEECH_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told\s+[\w ]{1,30}?|announced|stated|confirmed|added|claimed|"
    r"reported|noted|warned|issued|declared|wrote|posted|tweeted|statement|remarks|"
    r"speech|briefing|readout|released)(?:\s+\w+)?\s*,?\s*(?:on\s+|late\s+|early\s+)*$"
)
_SPEECH_AFTER = re.compile(
    r"(?i)^['’]?s?\s*,?\s*(?:said|says|announced|told|stated|confirmed|declared|claimed)\b"
)
_FUTURE_BEFORE = re.compile(
    r"(?i)\b(?:will|would|shall|to\s+be\s+held|scheduled|expected|planned|due|next)\b"
    r"[^.;]{0,40}$"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: `date` is None when the text gives no day or no anchor."""

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None
    date_end: dt.date | None
    precision: str
    role: str
    past: bool
    basis: str

    @property
    def month_year(self) -> tuple[int, int | None] | None:
        """(month, year or None) of a month-only mention such as 'in November 2025'."""
        if self.kind != "month":
            return None
        mon = re.search(_MON, self.text)
        year = re.search(rf"\b({_YEAR})\b", self.text)
        month = month_number(mon.group()) if mon else None
        if month is None:
            return None
        return month, int(year.group(1)) if year else None


def _md(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from a month-day phrase such as '6 February 2026'."""
    mon = re.search(_MON, text)
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", text)
    year = re.search(rf"\b({_YEAR})\b", text)
    if not mon or not day:
        return None
    m = month_number(mon.group())
    if m is None:
        return None
    return m, int(day.group(1)), int(year.group(1)) if year else None


def _role(text: str, lo: int, start: int, end: int, hi: int) -> str:
    before = text[max(lo, start - 60) : start]
    after = text[end : min(hi, end + 30)]
    if re.search(r"(?i)\bdate\s*$", before):
        return "report"  # a page header such as "date 2026-01-17"
    if _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after):
        return "report"
    return "event"


def _resolve(
    kind: str, m: re.Match[str], ctx: DateContext, prev: date | None, future: bool
) -> tuple[date | None, date | None, str, bool, str]:
    """(date, date_end, precision, past, basis) for one matched expression."""
    raw = m.group()
    low = re.sub(r"\s+", " ", raw.lower())
    anchor = ctx.anchor
    if kind == "iso":
        return date.fromisoformat(raw), None, "day", False, f"explicit '{raw}'"
    if kind == "dayrange":
        mon = month_number(m.group("mon") or m.group("mon2"))
        d1, d2 = int(m.group("d1") or m.group("e1")), int(m.group("d2") or m.group("e2"))
        written = m.group("y") or m.group("y2")
        year = int(written) if written else (pick_year(mon, d1, ctx, m.start()) if mon else None)
        first = make_date(year, mon, d1) if year and mon else None
        last = make_date(year, mon, d2) if year and mon else None
        longest = 1 if re.search(r"(?i)\band\b", raw) else 7  # "5 and 7 November": two days
        if first is None or last is None or last <= first or (last - first).days > longest:
            return None, None, "day", False, f"'{raw}': not a run of days"
        return first, last, "day", False, f"explicit days '{raw}'"
    if kind in ("explicit", "range"):
        parts = [m.group("a"), m.group("b")] if kind == "range" else [raw]
        days: list[date | None] = []
        for part in parts:
            md = _md(part)
            if md is None:
                days.append(None)
                continue
            year = md[2] or pick_year(md[0], md[1], ctx, m.start())
            named = re.match(_WD, part) if kind == "explicit" else None
            if year is None and named is not None and ctx.today is not None:
                # "Monday, March 23" and no year anywhere: the year it fell on a Monday
                target = WEEKDAYS[named.group().lower()]
                year = weekday_year(md[0], md[1], target, ctx.today)
            days.append(make_date(year, md[0], md[1]) if year else None)
        first = days[0]
        end = days[1] if len(days) > 1 else None
        if first and end and end < first:
            end = None
        written = _md(parts[0])
        basis = f"explicit '{raw}'"
        if written is not None and written[2] is None and first is not None:
            basis += f"; year {first.year} inferred"
        return first, end, "day", False, basis
    if kind == "month":
        return None, None, "month", low.startswith("last "), f"month only: '{raw}'"
    if kind == "weekday":
        wd = re.search(_WD, raw)
        target = WEEKDAYS[wd.group().lower()] if wd else 0
        modifier = ""
        for mod in ("this past", "last", "past", "next", "this"):
            if re.search(rf"\b{mod}\b", low):
                modifier = mod
                break
        if anchor is None:
            if prev is not None and prev.weekday() == target and not modifier:
                # "January 31, 2026 ... killed on Saturday": the day just named was a Saturday
                return prev, None, "day", False, f"'{raw}': the weekday of the day named before"
            return None, None, "day", False, f"'{raw}' with no publication date to anchor it"
        day = resolve_weekday(anchor, target, modifier, future)
        return day, None, "day", False, f"'{raw}' against the {ctx.anchor_basis} {anchor}"
    if kind == "relative":
        rel, end, basis = relative_day(low, anchor, prev)
        return rel, end, "day", False, f"'{raw}': {basis}"
    # period: no day
    precision = "week" if re.search(r"week|days", low) else "month"
    past = bool(re.search(r"earlier|last|past|previous|ago|before|in (?:19|20)\d\d", low))
    return None, None, precision, past, f"'{raw}' gives no day"


def _statement_day(
    text: str,
    lo: int,
    hi: int,
    head: int,
    matches: list[tuple[str, re.Match[str]]],
    ctx: DateContext,
) -> date | None:
    """The first day-precise date in text[lo:hi] that dates a statement, not an event."""
    for kind, m in matches:
        if kind not in ("weekday", "explicit") or m.end() <= head:
            continue
        if _role(text, lo, m.start(), m.end(), hi) != "report":
            continue
        day, _end, precision, _past, _basis = _resolve(kind, m, ctx, None, False)
        if day is not None and precision == "day":
            return day
    return None


def find_dates(
    text: str, lo: int, hi: int, ctx: DateContext, prev: date | None = None
) -> list[DateMention]:
    """Date mentions in text[lo:hi], left to right, without overlaps (first pattern wins).

    `prev` is the last day resolved before `lo`; relative expressions ("the next day")
    count from it, or from a day resolved earlier in the same sentence.
    """
    taken: list[tuple[int, int]] = []
    matches: list[tuple[str, re.Match[str]]] = []
    low = text[lo:hi].lower()
    has_month = any(m in low for m in _MONTH_STEMS)
    has_weekday = "day" in low
    for kind, pattern in PATTERNS:
        if kind in ("range", "dayrange", "explicit", "month") and not has_month:
            continue
        if kind == "weekday" and not has_weekday:
            continue
        if kind == "iso" and "-" not in low:
            continue
        if kind in ("relative", "period") and not any(w in low for w in _RELATIVE_STEMS):
            continue
        for m in pattern.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "month" and re.fullmatch(r"(?i)may|mar|march", m.group().strip()):
                continue  # the verb "may", "to march"
            taken.append((s, e))
            matches.append((kind, m))
    matches.sort(key=lambda km: km[1].start())
    # a wire dateline ("KABUL, Oct 18 (Reuters) -") dates the report, not the event
    head = lo + dateline_end(text[lo : min(hi, lo + 100)])
    # the day the sentence's statement was made ("..., officials said on Saturday"): the
    # day "overnight", "last night" and "yesterday" count back from, wherever it is written
    said_on = _statement_day(text, lo, hi, head, matches, ctx)
    found: list[DateMention] = []
    for kind, m in matches:
        s, e = m.start(), m.end()
        low = re.sub(r"\s+", " ", m.group().lower())
        days = [k for k, _m in matches if k in ("weekday", "explicit", "iso", "dayrange")]
        if kind == "relative" and low == "overnight" and said_on is None and days:
            continue  # "Saturday night ... overnight": the weekday carries the day
        future = bool(_FUTURE_BEFORE.search(text, max(lo, s - 50), s))
        if kind == "relative" and said_on is not None and low in ("yesterday", "last night"):
            # "said on Sunday that ... last night": the night before the statement
            d: date | None = said_on - timedelta(days=1)
            end: date | None = None
            precision, past, basis = "day", False, f"'{m.group()}': day before the statement"
        elif kind == "relative" and said_on is not None and low == "overnight":
            # "said on Tuesday that ... overnight": the night into the statement day
            d, end = said_on - timedelta(days=1), said_on
            precision, past, basis = "day", False, "'overnight': the night before the statement"
        else:
            d, end, precision, past, basis = _resolve(kind, m, ctx, prev, future)
        if kind == "weekday" and d is not None and m.group().lower().endswith("night"):
            # "Monday night": an evening event that runs into the next morning
            end, basis = d + timedelta(days=1), basis + "; overnight"
        role = "report" if e <= head else _role(text, lo, s, e, hi)
        found.append(DateMention(s, e, m.group(), kind, d, end, precision, role, past, basis))
        if d is not None and precision == "day":
            prev = d
    return found
