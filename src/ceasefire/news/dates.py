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
  dateline, caption or embedded-post date (`document_anchor`);
* a month-day without a year takes the year that puts it closest to the anchor, preferring
  the past; without an anchor, the nearest year written earlier in the text.

A mention after a speech verb ("said Monday", "on Sunday said") is tagged `report`: it dates
the statement, not the event.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from ceasefire.news.text import Sentence

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

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
            rf"(?:coming|came|comes)\s+(?:just\s+|only\s+)?{_NUMW}\s+days?\s+after)\b"
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
        month = _month(mon.group()) if mon else None
        if month is None:
            return None
        return month, int(year.group(1)) if year else None


@dataclass(frozen=True, slots=True)
class DateContext:
    """What relative expressions resolve against: the anchor day and a fallback year."""

    anchor: date | None
    anchor_basis: str
    years: tuple[tuple[int, int], ...] = ()

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


def _month(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def _md(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from a month-day phrase such as '6 February 2026'."""
    mon = re.search(_MON, text)
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", text)
    year = re.search(rf"\b({_YEAR})\b", text)
    if not mon or not day:
        return None
    m = _month(mon.group())
    if m is None:
        return None
    return m, int(day.group(1)), int(year.group(1)) if year else None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_year(month: int, day: int, ctx: DateContext, offset: int) -> int | None:
    """The year for a month-day written without one (see the module docstring)."""
    if ctx.anchor is not None:
        best: tuple[int, int] | None = None
        for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
            d = _make(year, month, day)
            if d is None:
                continue
            diff = (ctx.anchor - d).days
            cost = diff if diff >= 0 else -3 * diff
            if best is None or cost < best[0]:
                best = (cost, year)
        return best[1] if best else None
    return ctx.year_before(offset)


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


def _role(text: str, lo: int, start: int, end: int, hi: int) -> str:
    before = text[max(lo, start - 60) : start]
    after = text[end : min(hi, end + 30)]
    if re.search(r"(?i)\bdate\s*$", before):
        return "report"  # a page header such as "date 2026-01-17"
    if _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after):
        return "report"
    return "event"


def _word_count(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}.get(
        token, {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}.get(token, 1)
    )


def _relative(
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
        n = _word_count(m.group(1))
        return (anchor - timedelta(days=n) if anchor else None), None, f"{n} day(s) ago"
    m = re.match(r"(?:coming|came|comes) (?:just |only )?(\S+) days? after", low)
    if m:
        n = _word_count(m.group(1))
        return (prev - timedelta(days=n) if prev else None), None, f"{n} day(s) before"
    if low in ("a day earlier", "one day earlier", "the previous day", "the day before"):
        return (prev - timedelta(days=1) if prev else None), None, "day before the last date"
    m = re.match(r"(\S+) days? later", low)
    if m or low in ("the next day", "the following day"):
        n = _word_count(m.group(1)) if m else 1
        return (prev + timedelta(days=n) if prev else None), None, f"{n} day(s) after"
    return None, None, low


def _resolve(
    kind: str, m: re.Match[str], ctx: DateContext, prev: date | None, future: bool
) -> tuple[date | None, date | None, str, bool, str]:
    """(date, date_end, precision, past, basis) for one matched expression."""
    raw = m.group()
    low = re.sub(r"\s+", " ", raw.lower())
    anchor = ctx.anchor
    if kind == "iso":
        return date.fromisoformat(raw), None, "day", False, f"explicit '{raw}'"
    if kind in ("explicit", "range"):
        parts = [m.group("a"), m.group("b")] if kind == "range" else [raw]
        days: list[date | None] = []
        for part in parts:
            md = _md(part)
            if md is None:
                days.append(None)
                continue
            year = md[2] or pick_year(md[0], md[1], ctx, m.start())
            days.append(_make(year, md[0], md[1]) if year else None)
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
            return None, None, "day", False, f"'{raw}' with no publication date to anchor it"
        day = resolve_weekday(anchor, target, modifier, future)
        return day, None, "day", False, f"'{raw}' against the {ctx.anchor_basis} {anchor}"
    if kind == "relative":
        rel, end, basis = _relative(low, anchor, prev)
        return rel, end, "day", False, f"'{raw}': {basis}"
    # period: no day
    precision = "week" if re.search(r"week|days", low) else "month"
    past = bool(re.search(r"earlier|last|past|previous|ago|before|in (?:19|20)\d\d", low))
    return None, None, precision, past, f"'{raw}' gives no day"


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
        if kind in ("range", "explicit", "month") and not has_month:
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
    overnight = bool(re.search(r"(?i)\bovernight\b", text[lo:hi]))
    found: list[DateMention] = []
    for kind, m in matches:
        s, e = m.start(), m.end()
        if (
            overnight
            and kind == "relative"
            and m.group().lower() == "overnight"
            and (len(matches) > 1)
        ):
            continue  # "Saturday night ... overnight": the weekday carries the day
        future = bool(_FUTURE_BEFORE.search(text, max(lo, s - 50), s))
        d, end, precision, past, basis = _resolve(kind, m, ctx, prev, future)
        if overnight and kind == "weekday" and d is not None and "night" in m.group().lower():
            end, basis = d + timedelta(days=1), basis + "; overnight"
        role = _role(text, lo, s, e, hi)
        found.append(DateMention(s, e, m.group(), kind, d, end, precision, role, past, basis))
        if d is not None and precision == "day":
            prev = d
    return found


_YEAR_RE = re.compile(rf"\b({_YEAR})\b")
_PUBLISHED = re.compile(r"(?i)\b(?:published|updated|posted)\b")


_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[A-Za-z]{3})[/-]([0-3]?\d)(?=[/-]|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(?:[01]?\d|[A-Za-z]{3})/")


def url_date(url: object) -> tuple[date | None, int | None]:
    """(day, year) written in an article URL such as '/2025/May/12/' or '/2026/01/23/'."""
    if not isinstance(url, str):
        return None, None
    m = _URL_DAY.search(url)
    if m:
        month = int(m.group(2)) if m.group(2).isdigit() else _month(m.group(2))
        day = _make(int(m.group(1)), month, int(m.group(3))) if month else None
        if day is not None:
            return day, day.year
    y = _URL_YEAR.search(url)
    return None, (int(y.group(1)) if y else None)


def document_anchor(
    text: str, sentences: list[Sentence], pub_date: date | None, url: object = None
) -> DateContext:
    """The day relative expressions resolve against, and the years written in the text.

    The publication date wins, then a date written in the URL. Without either, a date
    written as the page's own date line, in a photo caption or under an embedded post dates
    the page (the latest such date); dates inside body sentences never do, because they
    usually date other events. A year in the URL backs up years missing from the text.
    """
    years = tuple((m.start(), int(m.group(1))) for m in _YEAR_RE.finditer(text))
    url_day, url_year = url_date(url)
    if url_year is not None:
        years = ((-1, url_year), *years)
    if pub_date is not None:
        return DateContext(pub_date, "publication date", years)
    if url_day is not None:
        return DateContext(url_day, "date in the URL", years)
    best: tuple[date, str] | None = None
    empty = DateContext(None, "", years)
    for s in sentences:
        dateline = s.kind == "headline" and len(s.text) <= 60
        if not (dateline or s.kind in ("caption", "embed_signature") or _PUBLISHED.search(s.text)):
            continue
        for dm in find_dates(text, s.start, s.end, empty):
            if (
                dm.kind in ("explicit", "iso")
                and dm.date
                and re.search(_YEAR, dm.text)
                and (best is None or dm.date > best[0])
            ):
                best = (dm.date, f"page date ({s.kind})")
    if best is None:
        return empty
    return DateContext(best[0], best[1], years)


def iso(d: date | None) -> str | None:
    """ISO form of a date, or None."""
    return d.isoformat() if d else None
