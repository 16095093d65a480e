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
date, else the first event date written in the text; a meeting planned with no day
written has none (README convention 2), and so has a third party's call for calm when the
article gives no day anyone spoke. Events more than a week old, or with
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
from ceasefire.news.agreement_rules import NEEDS, RULES, TRUCE
from ceasefire.news.analysis import Article, SentenceInfo
from ceasefire.news.dates import DateMention, iso
from ceasefire.news.model import AgreementEvent, Span
from ceasefire.news.text import stems

_I = re.IGNORECASE
RECENT_EVENT_DAYS = 7

_NOT_AN_EVENT = re.compile(
    r"\b(?:complying\s+with|compl(?:y|ied)\s+with|(?:has|had|"
    r"have)\s*[,“\"]*\s*(?:by\s+and\s+large\s+)?"
    r"held|no\s+(?:major\s+)?incidents|aims?\s+to|seeks?\s+to|meant\s+to|push(?:ing)?\s+for|"
    r"in\s+a\s+(?:renewed\s+)?attempt|"
    r"hope[sd]?|if\b|would\s+(?:only\s+)?hold|could\s+lead|objective\s+of|"
    r"(?:deal|agreement|ceasefire|truce)\s+includes|"
    r"(?:ceasefire|truce)\s+(?:lines?|zones?|boundar\w+|maps?)|"
    r"(?:nearly|almost)\s+(?:collapsed|broke\s+down|failed))\b",
    _I,
)
_CLAUSE_SPLIT = re.compile(
    r",\s+(?=(?:coming|after|although|though|while|but|whereas)\b)(?![a-z]+(?:\s+[\w-]+){1,3},)|"
    r";\s+|\s+although\s+|"
    r",\s+(?=and\s+to\s)|,\s+(?=with\s+(?:\w+\s+){1,3}(?:expected|due|scheduled|planned)\b)|"
    r",\s+(?=and\s+(?:a|an|the)\s)|,\s+(?=(?:adding|saying|noting|stressing)\s+that\b)|"
    r"\s+(?=and\s+to\s+(?:hold|meet|resume|continue|begin|sign)\b)|"
    r"\s+(?=and\s+(?:to\s+)?(?:set\s+up|establish|create|form)\s+(?:a|an|the|joint)\b)|\s+(?=which\s+(?:collapsed|broke\s+down|ended|expired|"
    r"was\s+extended))"
)
_FAILED = re.compile(
    r"\b(?:fail(?:ed|s)?\s+to|broke\s+down|without\s+(?:a\s+|any\s+)?(?:major\s+|significant\s+)?"
    r"(?:breakthrough|result|"
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
    r"ago|had\s+(?:announced|agreed|signed|declared|reached|accepted|begun|started|been\s+held)|earlier\s+this|"
    r"last\s+(?:week|month|year)|previous(?:ly)?(?!\s+day)|since\s+the|initially|"
    r"amid\s+(?:\w+\s+){0,2}(?:talks|negotiations|efforts|dialogue)|"
    r"after\s+(?:\w+\s+){0,2}rounds?\s+of|during\s+which|"
    r"(?:earlier|former|past|previous)\s+(?:rounds?\s+of\s+)?(?:peace\s+)?(?:talks|negotiations))\b",
    _I,
)
#: Cheap pre-check: a clause without any of these stems cannot match a rule.
_KEYWORDS = stems(
    "ceasefire|cease-fire|truce|hostilit|moratorium|armistice|talks|negotiat|dialogue|"
    "meeting|meet again|summit|round|consultation|visit|travel|mediat|releas|freed|handed|"
    "turned over|swap|sign|declar|suspen|violat|breach|open war|appeal|urg|call|reject|"
    "propos|expir|laps|agree|mechanism|extend|prolong|renew|extension|collapse|contacts|"
    "session|conven|host|suspend|halt|pause|stop|breakdown|broke|delegation|discussion|refrain"
)
_PEACE_DEAL = re.compile(r"\bpeace\s+(?:declaration|deal|agreement|accord|treaty)\b", _I)


@dataclass(slots=True)
class _Draft:
    kind: str
    sub: str
    event: AgreementEvent
    headline: bool = False


_TRUCE_TALKS = re.compile(
    rf"{TRUCE}\s+(?:talks|negotiations|proposals?|plans?|efforts?|bid|deal\s+talks|mediators?)", _I
)


#: "aimed at reaching a long-term ceasefire": the truce sought, not one in force (matched on
#: the words just before the truce word).
_SOUGHT_TRUCE = re.compile(
    r"\b(?:reach(?:ing)?|secur(?:e|ing)|seal(?:ing)?|broker(?:ing)?|toward|towards)\s+"
    r"(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$",
    _I,
)
#: "trying to agree", "failed to reach", "no next round": an aim or an absence, not an event.
_NOT_YET = re.compile(
    r"\b(?:try(?:ing)?|tried|attempt(?:ing|s|ed)?|seek(?:ing|s)?|sought|aim(?:ing|s|ed)?|"
    r"hop(?:e|es|ed|ing)|fail(?:ed|s)?|unable|push(?:ing)?|work(?:ing)?\s+on|bid|efforts?)\s+"
    r"to\s+(?:agree|reach|secure|seal|broker|hammer\s+out|finali[sz]e|set\s+up|establish)\b",
    _I,
)
_NO_ROUND = re.compile(
    r"\bno\s+(?:next|further|new|more|other|follow-up)\s+(?:round|meeting|talks)|"
    r"\bno\s+(?:round|meeting|talks)\s+(?:is|are|was|were|has\s+been)\s+(?:planned|scheduled)",
    _I,
)
_OWN_SIDE_MEETING = re.compile(
    r"\b(?:cabinet|party|parliamentary|caucus|corps\s+commanders['’]?)\s+(?:meeting|session)", _I
)
#: "Talks ... went into a third day": a round being held.
_TALKS_CONTINUE = re.compile(
    r"\b(?:talks|negotiations)\b[^;]{0,60}\b(?:went|entered|stretched|dragged)\s+(?:on\s+)?"
    r"into\s+(?:a|an|their|its)\s+\w+\s+day",
    _I,
)


#: "an extended truce", "the declared ceasefire": a truce named by what happened to it
#: before, not news that it happened.
_ATTRIBUTIVE = re.compile(
    rf"\b(?:an?|the|its|their|this|that)\s+(?:[\w-]+\s+)?(?:[\w.]+-)?(?:extended|declared|"
    rf"announced|agreed|brokered|signed)(?=\s+{TRUCE})",
    _I,
)


#: "agreed on the immediate ceasefire as well as creating a mechanism": a second agreement
#: told in the same clause as the truce. (A short aside, "agreed, after negotiations, on",
#: does not cut the clause: see `_CLAUSE_SPLIT`.)
_ALSO_MECHANISM = re.compile(
    r"\bagree\w*\b[^;]{0,80}?\b(?:creat\w*|establish\w*|set(?:ting)?\s+up|form(?:ing|ation)?)"
    r"\s+(?:of\s+)?(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:mechanisms?|joint\s+committee|commission)\b",
    _I,
)


def _kinds(
    text: str, article_has_truce: bool, peace_deal_near: bool
) -> list[tuple[str, str, int, int]]:
    """(kind, sub-kind, start, end of the wording that decided it) of a clause's events.

    The first rule that matches decides the clause's kind; an allegation of breach told
    in other words of the same clause ("extended the truce ..., accusing Pakistan of
    violating the ceasefire") is a second event.
    """
    text = _TRUCE_TALKS.sub(lambda m: "talks" + " " * (len(m.group()) - 5), text)
    text = _ATTRIBUTIVE.sub(lambda m: " " * len(m.group()), text)
    found = _kind(text, article_has_truce, peace_deal_near)
    if found is None:
        return []
    out = [found]
    if found[0] in ("ceasefire_declared", "ceasefire_extended"):
        also = _ALSO_MECHANISM.search(text)
        if also is not None:
            out.append(("mechanism_agreed", "mechanism", also.start(), also.end()))
    if found[0] != "statement_of_breach":
        breach = next(p for k, _s, p in RULES if k == "statement_of_breach")
        m = breach.search(text, found[3]) or breach.search(text, 0, found[2])
        if m is not None:
            out.append(("statement_of_breach", "breach", m.start(), m.end()))
    return out


def _kind(
    text: str, article_has_truce: bool, peace_deal_near: bool
) -> tuple[str, str, int, int] | None:
    """The first rule's event in an already normalised clause (see `_kinds`)."""
    going = _TALKS_CONTINUE.search(text)
    if going:
        return "talks_round", "talks", going.start(), going.end()
    low = text.lower()
    for kind, sub, pattern in RULES:
        needs = NEEDS.get((kind, sub))
        if needs is not None and not any(stem in low for stem in needs.stems):
            continue
        m = pattern.search(text)
        if m is None:
            continue
        if kind in ("ceasefire_declared", "mechanism_agreed") and _NOT_YET.search(
            text, max(0, m.start() - 40), m.end()
        ):
            continue
        if kind == "ceasefire_collapsed" and _SOUGHT_TRUCE.search(text, 0, m.start()):
            continue  # "talks aimed at reaching a ceasefire have ended": the talks ended
        if kind == "talks_round" and _NO_ROUND.search(text):
            return None
        if kind == "talks_round" and _OWN_SIDE_MEETING.search(text):
            continue  # "told the weekly cabinet meeting": one side's own meeting, not talks
        if kind == "ceasefire_declared" and peace_deal_near and not re.search(TRUCE, text, _I):
            return None  # "agreed to cease fighting" inside a signed peace declaration
        if (
            kind == "other"
            and sub == "signing"
            and article_has_truce
            and re.search(r"\bsigned\s+the\s+(?:[\w-]+\s+)?agreement\b", text, _I)
        ):
            return "ceasefire_declared", "declared", m.start(), m.end()  # called a truce
        return kind, sub, m.start(), m.end()
    return None


#: "a period of calm that began after Azerbaijan's last allegation on 14 May": the date of
#: a subordinate earlier moment, not of the event the clause reports.
_SUBORDINATE_TIME = re.compile(
    r"\b(?:since|after|following|began|begun|started|last|previous|earlier)\b[^,;]{0,40}$", _I
)


#: An event used as a time reference ("After a ceasefire ... came into effect", "following the
#: breakdown of the ceasefire"): told as the setting of the news, not as the news.
_TIME_REFERENCE = re.compile(
    r"\b(?:after|following|since|before|until)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$", _I
)


def _event_date(
    dates: list[DateMention], text: str, lo: int, start: int, end: int
) -> DateMention | None:
    """The date of the wording that decided the kind: one inside it or just after it
    ("a ceasefire that came into effect on October 10"), else the clause's own date,
    skipping dates of subordinate earlier moments."""
    for d in dates:
        until = re.search(
            r"(?i)\b(?:until|till|through|to|ends?|expires?)\s+(?:\w+\s+)?$",
            text[max(lo, d.start - 20) : d.start],
        )
        if lo + start <= d.start <= lo + end + 25 and until is None and d.date is not None:
            return d  # ("two days after" gives no day: it does not stand for the event's)
    kept = [d for d in dates if not _SUBORDINATE_TIME.search(text, max(lo, d.start - 50), d.start)]
    return _own_date(kept)


def _own_date(dates: list[DateMention]) -> DateMention | None:
    for want in ("event", "report"):
        for d in dates:
            if d.role == want and d.precision == "day":
                return d
    return dates[0] if dates else None


#: "continued to accuse", "has repeatedly accused": a habit, not an event of one day.
_ONGOING = re.compile(
    r"\b(?:continu(?:ed|es|e|ing)\s+to|repeatedly|keeps?\s+\w+ing|kept\s+\w+ing|"
    r"time\s+and\s+again|regularly|frequently)\b",
    _I,
)
#: "Speaking during a Security Council meeting on Monday": the day statements were made.
_MEETING_DATE = re.compile(
    r"\b(?:speaking|statements?|remarks|told)\s+(?:at|during|to|in)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w’'-]+\s+){0,4}(?:meeting|session|briefing|conference|summit|debate)\s+(?:on\s+)?$",
    _I,
)


def _fallback_date(article: Article) -> tuple[date | None, str, bool]:
    """First statement date in the body, else the anchor, else the first event date; and
    whether the day is one the article says something was said on."""
    first_event: date | None = None
    for info in article.sentences:
        if info.sent.kind in ("caption", "embed_signature", "embed"):
            continue
        if info.sent.kind == "headline" and len(info.sent.text) <= 60:
            continue
        for d in info.dates:
            if d.date is None or d.precision != "day":
                continue
            if d.kind == "iso":
                continue  # "date 2026-03-10": a page stamp, not a statement
            if d.role == "report" or _MEETING_DATE.search(
                info.sent.text, 0, d.start - info.sent.start
            ):
                return (
                    d.date,
                    f"no date in the sentence; the article's statement date {d.text!r}",
                    True,
                )
            first_event = first_event or d.date
    if article.ctx.anchor is not None:
        return article.ctx.anchor, f"no date in the sentence; {article.ctx.anchor_basis}", False
    if first_event is not None:
        return first_event, "no date in the sentence; the first date written in the text", False
    return None, "no date in the text", False


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
        said: DateMention | None = None  # the day of the sentence's previous clause
        for lo, hi in _clauses(info, text):
            ctext = text[lo:hi]
            before = said
            said = _own_date([d for d in info.dates if lo <= d.start < hi]) or said
            for kind, sub, m_start, m_end in _kinds(ctext, has_truce, near_deal):
                if _NOT_AN_EVENT.search(ctext) and not (
                    kind == "talks_round" and _PLANNED.search(ctext)
                ):
                    continue
                dates = [d for d in info.dates if lo <= d.start < hi]
                own = _event_date(dates, text, lo, m_start, m_end)
                if (own is None or (own.role == "report" and before is not None)) and re.match(
                    r"\W*and\s", ctext
                ):
                    own = before  # "agreed on Thursday to extend the truce and set up a mechanism"
                if own is not None and own.kind == "relative" and info.background:
                    own = None  # relative to events told as background: no day
                precision: str | None
                if own is not None:
                    day, precision, basis = own.date, own.precision, own.basis
                elif _ONGOING.search(ctext):
                    day, precision, basis = None, None, "ongoing or repeated: no day"
                elif kind == "talks_round" and _status(kind, sub, ctext) == "planned":
                    day, precision, basis = None, None, "a meeting planned with no day written"
                elif sub == "call" and not fallback[2]:
                    day, precision, basis = None, None, "a call for calm with no day written"
                else:
                    day, basis, _said = fallback
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
                if kind != "statement_of_breach" and _TIME_REFERENCE.search(
                    ctext, max(0, m_start - 30), m_start
                ):
                    background = True  # "after a ceasefire came into effect, the rebels ..."
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
                retold = any(
                    d.kind == kind
                    and d.sub == sub
                    and d.event.status == _status(kind, sub, ctext)
                    and not (d.headline or d.event.is_background)
                    for d in drafts
                )
                if own is None and retold and not _ONGOING.search(ctext):
                    continue  # an undated later mention of an event already told ("the swap")
                if key not in seen:
                    seen.add(key)
                    drafts.append(_Draft(kind, sub, event, info.sent.kind == "headline"))
    # a headline summarises the body: drop it when the body tells an event of the same kind
    told = {(d.kind, d.sub) for d in drafts if not d.headline}
    return [d.event for d in drafts if not (d.headline and (d.kind, d.sub) in told)]
