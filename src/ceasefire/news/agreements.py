"""Candidate agreement events: truces declared or broken, talks held or planned, and the rest.

Each sentence is cut into clauses at connectives ("…, coming a day after …", "…;
although …") and each clause is matched against the kind rules below, most specific first
(README "Label vocabularies" and "Borderline labels"):

* `ceasefire_extended`: a truce extended or prolonged;
* `ceasefire_collapsed`: only when the text literally says the truce collapsed or broke down;
* `statement_of_breach`: a violation or breach *of a ceasefire or agreement* is alleged
  (not "violating the airspace", not "if violations occur");
* `mechanism_agreed`: parties agreed to set up a monitoring/verification mechanism or a
  joint committee;
* `other`: talks or a truce suspended, "open war" declared by someone, prisoners or
  hostages released, third parties calling for calm, a plan proposed or rejected, a
  moratorium expired, a declaration or peace deal signed that is not a ceasefire;
* `ceasefire_declared`: a truce agreed, declared (also unilaterally), signed or taking
  effect -- not a truce someone "aims to seal" or "calls for";
* `talks_round`: talks, negotiations or a meeting held, planned or failed, including a
  planned mediation visit; status `planned`, `failed`, `deadlocked` or `occurred`.

Dates: the clause's own date (an event date, else the date of the statement, "said
Tuesday"); without one, the first statement date of the article, else the publication
date, else the first event date written in the text. Events more than a week old, or with
background wording ("had announced", "recent rounds of talks", "weeks after"), are
background. Events of the same kind, sub-kind and date are one event.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ceasefire.news import lexicon as lx
from ceasefire.news.agreement_fields import article_parties, mediators, parties, stated_by, venue
from ceasefire.news.analysis import Article, SentenceInfo
from ceasefire.news.dates import DateMention, iso
from ceasefire.news.model import AgreementEvent, Span
from ceasefire.news.text import stems

_I = re.IGNORECASE
TRUCE = r"(?:ceasefire|cease-fire|truce|cessation\s+of\s+hostilities|moratorium|armistice)"
RECENT_EVENT_DAYS = 7

#: (kind, sub-kind, pattern); the first match wins.
RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "ceasefire_extended",
        "extended",
        re.compile(
            rf"\b(?:extend(?:ed|s|ing)?|prolong(?:ed|s)?|renew(?:ed|s)?)\b[^;]{{0,60}}{TRUCE}|"
            rf"{TRUCE}[^;]{{0,40}}\b(?:was|were|has\s+been|had\s+been)\s+extended|"
            rf"extension\s+of\s+the\s+{TRUCE}",
            _I,
        ),
    ),
    (
        "ceasefire_collapsed",
        "collapsed",
        re.compile(
            rf"{TRUCE}[^;]{{0,40}}\b(?:collapsed|broke\s+down|broken\s+down|fell\s+apart|"
            rf"ended(?!\s+(?:the\s+)?(?:fighting|war|hostilities|conflict|violence)))|"
            rf"collapse\s+of\s+the\s+{TRUCE}",
            _I,
        ),
    ),
    (
        "other",
        "suspension",
        re.compile(
            r"\bsuspen(?:d|ds|ded|ding|sion)\b[^;]{0,60}\b(?:talks|negotiations|dialogue|truce|"
            r"ceasefire|agreement|process|deal)|\b(?:talks|negotiations|dialogue|truce|ceasefire|"
            r"agreement|process)\b[^;]{0,40}\b(?:is|was|are|were|been)?\s*suspended",
            _I,
        ),
    ),
    (
        "statement_of_breach",
        "breach",
        re.compile(
            rf"\b(?:break(?:ing|s)?|broke|broken)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}{TRUCE}|"
            rf"\b(?:violat\w+|breach\w*)\s+(?:of\s+)?(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}"
            rf"(?:{TRUCE}|agreement|deal|accord)|{TRUCE}\s+(?:violations?|breach(?:es)?)",
            _I,
        ),
    ),
    (
        "mechanism_agreed",
        "mechanism",
        re.compile(
            r"\b(?:agreed|agree|decided|will)\b(?:\s+[\w,]+){0,3}?\s+to\s+(?:set\s+up|establish|"
            r"create|form)\b[^;]{0,60}\b(?:mechanisms?|monitoring|verification|joint\s+committee|"
            r"commission)|\bagreed?\s+(?:on|to)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}"
            r"(?:mechanisms?|monitoring\s+(?:and\s+verification\s+)?(?:system|framework))|"
            r"\b(?:decision|agreement)\s+to\s+(?:set\s+up|establish|create)\b[^;]{0,60}"
            r"\b(?:mechanisms?|monitoring|verification|committee)",
            _I,
        ),
    ),
    (
        "other",
        "open_war",
        re.compile(
            r"\b(?:said|says|declared|announced|told)\b[^;]{0,80}open\s+war|"
            r"\bdeclar\w+\s+(?:an?\s+)?open\s+war",
            _I,
        ),
    ),
    (
        "other",
        "release",
        re.compile(
            r"\b(?:releas\w+|freed|handed\s+over|turned\s+over|swap\w*)\b[^;]{0,80}"
            r"\b(?:soldiers|prisoners|hostages|detainees|captives|troops)\b|"
            r"\b(?:soldiers|prisoners|hostages|detainees|captives)\b[^;]{0,40}\b(?:released|"
            r"freed)\b|"
            r"\bhostages?\b[^;]{0,80}\bto\s+be\s+released",
            _I,
        ),
    ),
    (
        "other",
        "call",
        re.compile(
            r"\b(?:call(?:ed|s)?\s+(?:on|for)|urg(?:ed|es|ing)|appeal(?:ed|s)?|"
            r"appeal\s+to)\b[^;]{0,120}"
            r"\b(?:restraint|calm|cease|ceasefire|truce|respect\s+(?:the\s+)?(?:truce|ceasefire|"
            r"agreement|deal)|de-?escalat\w*|dialogue|halt|"
            r"end\s+the|stop)\b",
            _I,
        ),
    ),
    (
        "other",
        "rejection",
        re.compile(
            r"\breject(?:ed|s|ing)?\b[^;]{0,60}\b(?:proposal|plan|offer|demand|deal|truce|"
            r"ceasefire)",
            _I,
        ),
    ),
    (
        "other",
        "proposal",
        re.compile(
            rf"\bpropos(?:ed|es)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?:plan|{TRUCE}|deal|"
            rf"initiative)",
            _I,
        ),
    ),
    (
        "other",
        "expiry",
        re.compile(
            rf"\b(?:expir\w+|lapsed?)\b[^;]{{0,60}}{TRUCE}|{TRUCE}[^;]{{0,90}}expir\w+",
            _I,
        ),
    ),
    (
        "other",
        "signing",
        re.compile(
            r"\b(?:sign(?:ed|s|ing)?|signature|initial(?:l)?ing)\b[^;]{0,60}\b(?:declaration|"
            r"peace\s+(?:deal|agreement|accord|treaty)|accord|joint\s+statement|memorandum|"
            r"document|"
            r"treaty)|\b(?:declaration|peace\s+deal|joint\s+statement)\b[^;]{0,40}\bsigned\b|"
            r"\bsignature\s+expected",
            _I,
        ),
    ),
    (
        "ceasefire_declared",
        "declared",
        re.compile(
            rf"{TRUCE}[^;]{{0,80}}\b(?:agreed|declared|announced|signed|reached|brokered|"
            rf"took\s+effect|takes?\s+effect|went\s+into\s+(?:effect|force)|"
            rf"(?:came|come|comes)\s+into\s+(?:effect|force)|entered\s+into\s+force|"
            rf"began|begins|implemented|mediated\s+by|ended\s+(?:the\s+)?fighting|"
            rf"has\s+been\s+signed|"
            rf"took\s+shape|was\s+reached|was\s+agreed)\b|"
            rf"\b(?:agree[ds]?|agreed|declare[ds]?|declared|announce[ds]?|announced|sign(?:ed)?|"
            rf"reach(?:ed)?|"
            rf"enter\s+into|brokered|unilateral)\b[^;]{{0,60}}{TRUCE}|"
            rf"agreement\s+to\s+(?:cease|stop|halt)\s+(?:all\s+)?(?:firing|fighting|hostilities)|"
            rf"agreed\s+to\s+(?:cease|stop|halt)\s+(?:all\s+)?(?:firing|fighting|hostilities)",
            _I,
        ),
    ),
    (
        "talks_round",
        "talks",
        re.compile(
            r"\b(?:held|hold|holding|began|begin|started|concluded|resumed?|convened|attended)\b"
            r"[^;]{0,40}\b(?:talks|negotiations|dialogue|meeting|round|summit|consultations)\b|"
            r"\b(?:talks|negotiations|round\s+of\s+(?:talks|negotiations)|meeting|"
            r"summit)\b[^;]{0,60}"
            r"\b(?:held|took\s+place|concluded|ended|failed|broke\s+down|collapsed|stalled|began|"
            r"scheduled|planned|deferred|"
            r"postponed|will\s+(?:be\s+held|take\s+place|continue|resume)|set\s+to)\b|"
            r"\b(?:plans?|planned|will|to)\s+(?:travel|visit)\b[^;]{0,60}\b(?:peace|talks|"
            r"mediat\w*|"
            r"ceasefire|agreement|push\s+for)|"
            r"\b(?:round|rounds)\s+of\s+(?:[\w-]+\s+){0,3}(?:talks|negotiations)\b|"
            r"\b(?:locked|engaged)\s+in\s+(?:[\w-]+\s+)?(?:talks|negotiations)\b|"
            r"\b(?:arrived|travel\w*|visit\w*|met)\b[^;]{0,60}\bfor\s+(?:talks|negotiations|"
            r"consultations)\b|\b(?:talks|negotiations)\s+(?:broke\s+down|collapsed|stalled)\b|"
            r"\b(?:talks|negotiations)\s+(?:are|were|is)\s+(?:going\s+on|under\s*way|ongoing|"
            r"continuing)\b|\b(?:next|follow-up)\s+(?:meeting|round)\b|"
            r"\b(?:meeting|talks|round)\b[^;]{0,30}\bhosted\s+by\b|"
            r"\bto\s+begin\s+negotiations\b|\bpeace\s+talks\b",
            _I,
        ),
    ),
)

_NOT_AN_EVENT = re.compile(
    r"\b(?:complying\s+with|compl(?:y|ied)\s+with|(?:has|had|"
    r"have)\s*[,“\"]*\s*(?:by\s+and\s+large\s+)?"
    r"held|no\s+(?:major\s+)?incidents|aims?\s+to|seeks?\s+to|meant\s+to|push(?:ing)?\s+for|"
    r"in\s+a\s+(?:renewed\s+)?attempt|"
    r"hope[sd]?|if\b|would\s+(?:only\s+)?hold|could\s+lead|objective\s+of|"
    r"(?:deal|agreement|ceasefire|truce)\s+includes)\b",
    _I,
)
_CLAUSE_SPLIT = re.compile(
    r",\s+(?=(?:coming|after|although|though|while|but|whereas)\b)|;\s+|\s+although\s+|"
    r",\s+(?=and\s+to\s)|,\s+(?=with\s+(?:\w+\s+){1,3}(?:expected|due|scheduled|planned)\b)|"
    r",\s+(?=and\s+(?:a|an|the)\s)|\s+(?=which\s+(?:collapsed|broke\s+down|ended|expired|"
    r"was\s+extended))"
)
_FAILED = re.compile(
    r"\b(?:fail(?:ed|s)?\s+to|broke\s+down|without\s+(?:a\s+|any\s+)?(?:breakthrough|result|"
    r"agreement|progress|"
    r"deal)|no\s+progress|ended\s+without|collapsed)\b",
    _I,
)
_FUTURE_HELD = re.compile(
    r"\b(?:will|would|to)\s+be\s+held\b|\b(?:will|would)\s+(?:take\s+place|meet|resume|continue)\b",
    _I,
)
_DEADLOCKED = re.compile(r"\b(?:deadlock\w*|stalemate|impasse|stalled)\b", _I)
_PLANNED = re.compile(
    r"\b(?:will|plans?\s+to|planned|to\s+be\s+(?:held|released|signed)|expected|scheduled|set\s+to|"
    r"due\s+to|upcoming|next\s+(?:round|meeting)|later\s+today|to\s+begin|at\s+the\s+latest|"
    r"in\s+the\s+coming\s+days)\b",
    _I,
)
_EVENT_BACKGROUND = re.compile(
    r"\b(?:subsequent|recent\s+rounds?|has\s+since|followed\s+the|(?:weeks|months|years)\s+after|"
    r"ago|had\s+(?:announced|agreed|signed|declared|reached|accepted)|earlier\s+this|"
    r"last\s+(?:week|month|year)|previous(?:ly)?|since\s+the|initially)\b",
    _I,
)
#: Cheap pre-check: a clause without any of these stems cannot match a rule.
_KEYWORDS = stems(
    "ceasefire|cease-fire|truce|hostilit|moratorium|armistice|talks|negotiat|dialogue|"
    "meeting|summit|round|consultation|visit|travel|mediat|releas|freed|handed|"
    "turned over|swap|sign|declar|suspen|violat|breach|open war|appeal|urg|call|reject|"
    "propos|expir|laps|agree|mechanism|extend|prolong|renew|extension|collapse"
)
_PEACE_DEAL = re.compile(r"\bpeace\s+(?:declaration|deal|agreement|accord|treaty)\b", _I)


@dataclass(slots=True)
class _Draft:
    kind: str
    sub: str
    event: AgreementEvent


_TRUCE_TALKS = re.compile(
    rf"{TRUCE}\s+(?:talks|negotiations|proposals?|plans?|efforts?|bid|deal\s+talks|mediators?)", _I
)


def _kind(text: str, article_has_truce: bool, peace_deal_near: bool) -> tuple[str, str] | None:
    text = _TRUCE_TALKS.sub(lambda m: "talks" + " " * (len(m.group()) - 5), text)
    for kind, sub, pattern in RULES:
        m = pattern.search(text)
        if m is None:
            continue
        if kind == "ceasefire_declared" and peace_deal_near and not re.search(TRUCE, text, _I):
            return None  # "agreed to cease fighting" inside a signed peace declaration
        if (
            kind == "other"
            and sub == "signing"
            and article_has_truce
            and re.search(r"\bsigned\s+the\s+(?:[\w-]+\s+)?agreement\b", text, _I)
        ):
            return "ceasefire_declared", "declared"  # the agreement the text calls a truce
        return kind, sub
    return None


def _own_date(dates: list[DateMention]) -> DateMention | None:
    for want in ("event", "report"):
        for d in dates:
            if d.role == want and d.precision == "day":
                return d
    return dates[0] if dates else None


def _fallback_date(article: Article) -> tuple[date | None, str]:
    """First statement date in the body, else the anchor, else the first event date."""
    first_event: date | None = None
    for info in article.sentences:
        if info.sent.kind in ("caption", "embed_signature", "embed"):
            continue
        if info.sent.kind == "headline" and len(info.sent.text) <= 60:
            continue
        for d in info.dates:
            if d.date is None or d.precision != "day":
                continue
            if d.role == "report":
                return d.date, f"no date in the sentence; the article's statement date {d.text!r}"
            first_event = first_event or d.date
    if article.ctx.anchor is not None:
        return article.ctx.anchor, f"no date in the sentence; {article.ctx.anchor_basis}"
    if first_event is not None:
        return first_event, "no date in the sentence; the first date written in the text"
    return None, "no date in the text"


def _status(kind: str, sub: str, text: str) -> str:
    if kind == "talks_round" and _FAILED.search(text):
        return "failed"
    if kind == "talks_round" and _DEADLOCKED.search(text):
        return "deadlocked"
    if _FUTURE_HELD.search(text):
        return "planned"
    if _PLANNED.search(text) and not re.search(r"\b(?:held|concluded|took\s+place)\b", text, _I):
        return "planned"
    return "occurred"


def _clauses(info: SentenceInfo, text: str) -> list[tuple[int, int]]:
    s, e = info.sent.start, info.sent.end
    out, begin = [], s
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        out.append((begin, m.start()))
        begin = m.end()
    out.append((begin, e))
    return [(a, b) for a, b in out if b > a]


def agreement_events(article: Article) -> list[AgreementEvent]:
    """All candidate agreement events of an analysed article, in text order."""
    text = article.text
    has_truce = bool(re.search(TRUCE, text, _I))
    fallback = _fallback_date(article)
    anchor = article.ctx.anchor
    drafts: list[_Draft] = []
    seen: set[tuple[str, str, str | None]] = set()
    main_parties = article_parties(article)
    prev_text = ""
    for info in article.sentences:
        if info.sent.kind in ("caption", "embed_signature"):
            continue
        near_deal = bool(_PEACE_DEAL.search(info.sent.text) or _PEACE_DEAL.search(prev_text))
        prev_text = info.sent.text
        if not _KEYWORDS.search(info.sent.text):
            continue
        for lo, hi in _clauses(info, text):
            ctext = text[lo:hi]
            found = _kind(ctext, has_truce, near_deal)
            if found is None:
                continue
            kind, sub = found
            if _NOT_AN_EVENT.search(ctext) and not (
                kind == "talks_round" and _PLANNED.search(ctext)
            ):
                continue
            dates = [d for d in info.dates if lo <= d.start < hi]
            own = _own_date(dates)
            if own is not None and own.kind == "relative" and info.background:
                own = None  # relative to events told as background: no day
            precision: str | None
            if own is not None:
                day, precision, basis = own.date, own.precision, own.basis
            else:
                day, basis = fallback
                precision = "day" if day else None
            recent = own is not None and (
                (own.kind == "period" and not own.past)
                or (
                    own.date is not None
                    and anchor is not None
                    and own.date >= anchor - timedelta(RECENT_EVENT_DAYS)
                )
            )
            background = bool(_EVENT_BACKGROUND.search(ctext)) or (
                not recent and bool(lx.BACKGROUND.search(ctext))
            )
            if (own is not None and own.past) or (own is None and info.background):
                background = True
            if (
                day is not None
                and anchor is not None
                and day < anchor - timedelta(RECENT_EVENT_DAYS)
            ):
                background = True
            status = _status(kind, sub, ctext)
            event = AgreementEvent(
                date=iso(day),
                date_precision=precision,
                kind=kind,
                place=venue(info, lo, hi),
                parties=parties(info, lo, hi, main_parties),
                mediators=mediators(ctext, text),
                status=status,
                stated_by=stated_by(info.sent.text),
                effective_from=iso(day)
                if kind == "ceasefire_declared" and status != "planned"
                else None,
                effective_until=None,
                is_background=background,
                quote=Span(info.sent.start, info.sent.end, info.sent.text),
                notes=f"{sub}; date: {basis}",
            )
            key = (kind, sub, event.date)
            if key not in seen:
                seen.add(key)
                drafts.append(_Draft(kind, sub, event))
    return [d.event for d in drafts]
