"""One pass over an article: sentences with their dates, places and actors.

Incidents, agreement events and obligations all read the same per-sentence facts, so they
are computed once here. Date mentions are resolved in text order, each relative expression
("the next day") counting from the last day resolved before it in the body (captions and
embedded-post signatures do not move that cursor: they date other things).

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ceasefire.news.actors import find_actors
from ceasefire.news.anchors import document_anchor
from ceasefire.news.dates import DateContext, DateMention, find_dates
from ceasefire.news.model import ActorMatch, PlaceMatch
from ceasefire.news.places import Found, by_name, find_places, record_match
from ceasefire.news.text import Sentence, dateline_place, sentences


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence and what was found in it."""

    sent: Sentence
    dates: tuple[DateMention, ...]
    places: tuple[Found, ...]
    actors: tuple[ActorMatch, ...]
    dateline: PlaceMatch | None
    background: bool = False
    lead: bool = False  # the first sentence of the body (the lede)


@dataclass(frozen=True, slots=True)
class Article:
    """The analysed article: its text, sentences and date context."""

    id: str | None
    text: str
    sentences: tuple[SentenceInfo, ...]
    ctx: DateContext


def _dateline(sent: Sentence, text: str, first_in_line: bool) -> PlaceMatch | None:
    if not first_in_line:
        return None
    span = dateline_place(sent)
    if span is None:
        return None
    rec = by_name(text[span[0] : span[1]].strip())
    return None if rec is None else record_match(rec, text, span[0], span[1])


def analyse(
    article_id: str | None,
    text: str,
    pub_date: date | None,
    url: object = None,
    today: date | None = None,
) -> Article:
    """Segment and annotate `text` (see the module docstring); `today` is the day it is
    read, for month-days written with no year anywhere (`daymath.latest_year`)."""
    sents = sentences(text)
    ctx = document_anchor(text, sents, pub_date, url, today)
    infos: list[SentenceInfo] = []
    prev: date | None = None
    last_line = -1
    seen_body = False
    for s in sents:
        dates = find_dates(text, s.start, s.end, ctx, prev)
        if s.kind not in ("caption", "embed_signature"):
            for d in dates:
                if d.date is not None and d.precision == "day":
                    prev = d.date
        places = find_places(text, s.start, s.end)
        actors = find_actors(text, s.start, s.end)
        dateline = _dateline(s, text, s.line != last_line)
        if dateline is not None:
            # the dateline names where the report was filed, not necessarily the event
            places = [
                f for f in places if f.place.end <= dateline.start or f.place.start >= dateline.end
            ]
        earlier = infos[-1].background if infos else False
        lead = not seen_body and s.kind == "body" and _prose(s.text)
        seen_body = seen_body or lead
        background = _narrative_background(s, dates, ctx, earlier, lead)
        infos.append(
            SentenceInfo(s, tuple(dates), tuple(places), tuple(actors), dateline, background, lead)
        )
        last_line = s.line
    return Article(article_id, text, tuple(infos), ctx)


#: A sentence of running text: the lede is the first one, not a date stamp, a byline or a
#: "Add as a preferred source" line left by the page around the article.
_PROSE_END = re.compile(r"[.!?][”\"’']?\s*$")


def _prose(sentence: str) -> bool:
    return _PROSE_END.search(sentence[-8:]) is not None and len(sentence.split(None, 7)) > 7


RECENT_DAYS = 2
LEAD_RECENT_DAYS = 7

_PAST_CUE = re.compile(
    r"\b(?:ago|last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|previous(?:ly)?|"
    r"had\s+(?:launched|announced|carried\s+out|attacked|agreed|signed|declared))\b",
    re.IGNORECASE,
)
_CONTINUES = re.compile(
    r"^\W*(?:(?:[\w’'-]+[\s,]+){0,5}?then\b|(?:after|following)\s+(?:further|more|these|those|"
    r"that|this)\b|(?:it|they|this|these)\s+(?:also|then)\b)",
    re.IGNORECASE,
)


def recent_days(lead: bool) -> int:
    """How old an event may be and still be the news: the lede reports what the article
    is about (an ISPR release on Thursday about a raid on Sunday night), so it gets a week;
    any later sentence gets two days."""
    return LEAD_RECENT_DAYS if lead else RECENT_DAYS


def _narrative_background(
    s: Sentence, dates: list[DateMention], ctx: DateContext, earlier: bool, lead: bool = False
) -> bool:
    """Whether a sentence tells earlier events: a past cue or an old date, or it goes on
    ("… then …", "After further clashes …") from a sentence that did. A recent event date
    ends the flashback."""
    anchor = ctx.anchor
    recent = False
    for d in dates:
        if d.role != "event":
            continue
        if d.past or (
            d.date is not None and anchor is not None and (anchor - d.date).days > recent_days(lead)
        ):
            return True
        if d.date is not None and d.precision == "day" and d.kind != "relative":
            recent = True
    if _PAST_CUE.search(s.text):
        return True
    return earlier and not recent and bool(_CONTINUES.search(s.text))


def article_fields(article: Mapping[str, object]) -> tuple[str | None, str, object]:
    """(id, text, pub_date) from an input record; raises ValueError for unusable input."""
    aid = article.get("id")
    text = article.get("text")
    if not isinstance(text, str):
        raise ValueError("field 'text' is missing or not a string")
    return (aid if isinstance(aid, str) else None), text, article.get("pub_date")
