"""Candidate incidents: event clauses found, then merged into one record per event.

Step 1 (`clauses.clauses`): every sentence (or, when it reports two events in two places,
each half of it) that names a violent event, an arrest or a casualty figure becomes a
clause with its own dates, places, actors, casualty claims and cues.

Step 2 (`_merge`): clauses are read in order and attached to an earlier incident of the
same article when they can describe the same event: compatible type, no conflicting
explicit date, and related places (the same place, or one inside the other by the
gazetteer hierarchy) -- or no place at all, in which case they continue the most recent
story ("The explosion also injured 15 local civilians"). "In another development" starts
a new record; "in the same district" borrows the places of the previous one.

Step 3 (`incident_fields.finish`): types, totals, background and aggregate flags, country
and the supporting quote.

A clause without its own date takes the date of the story it continues (the last event
date in the body), never a date from a caption. Every rule is about wording, never about a
particular article.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ceasefire.news.analysis import Article, SentenceInfo, recent_days
from ceasefire.news.clauses import Clause, clauses, own_date
from ceasefire.news.dates import DateMention
from ceasefire.news.incident_fields import compatible_types, finish, hint
from ceasefire.news.model import Incident, PlaceMatch
from ceasefire.news.places import is_contained, related

#: How many earlier incidents a clause may be attached to (keeps merging linear).
WINDOW = 6

Story = tuple[date | None, bool]


@dataclass(slots=True)
class Draft:
    """An incident while it is being assembled."""

    clauses: list[Clause]
    places: list[PlaceMatch]
    hint: str
    mention: DateMention | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    precision: str | None = None
    basis: str = "no date in the text"
    explicit: bool = False
    inherited: bool = False
    background: bool = False
    aggregate: bool = False
    notes: list[str] = field(default_factory=list)


def _is_old(d: date | None, article: Article, lead: bool = False) -> bool:
    anchor = article.ctx.anchor
    return d is not None and anchor is not None and d < anchor - timedelta(days=recent_days(lead))


def _date_draft(d: Draft, c: Clause, article: Article, story: Story) -> None:
    """Set the draft's date (and the background flag it implies) from clause `c`."""
    anchor = article.ctx.anchor
    own = own_date(c)
    d.background = c.background_cue is not None
    if own is not None and own.kind == "relative" and c.info.background:
        own = None  # "two days later" inside an account of earlier events: no anchor for it
    if own is not None:
        d.mention, d.explicit, d.inherited = own, True, False
        d.date, d.date_end, d.precision, d.basis = own.date, own.date_end, own.precision, own.basis
        if own.kind == "range":
            d.aggregate = True
        lead = c.info.lead
        recent = own.date is not None and not _is_old(own.date, article, lead)
        if recent and c.background_cue is not None and c.background_cue > own.start:
            d.background = False  # the cue is about a sub-clause, the date about the event
        if _is_old(own.date, article, lead) or own.past:
            d.background = True
        month = own.month_year
        if (
            month is not None
            and anchor is not None
            and ((month[0], month[1] or anchor.year) != (anchor.month, anchor.year))
        ):
            d.background = True
        return
    story_date, story_background = story
    if c.info.background:
        d.background = True
        d.basis = "no date in the sentence; continues an account of earlier events"
        return
    if c.discontinuity or story_date is None:
        d.precision = None if c.discontinuity else d.precision
        d.basis = "no date in the sentence"
        return
    d.date, d.precision, d.inherited = story_date, "day", True
    d.basis = f"no date in the sentence; continues the story dated {story_date}"
    d.background = d.background or story_background


def _new_draft(c: Clause, article: Article, story: Story) -> Draft:
    d = Draft([c], list(c.places), hint(c.text))
    _date_draft(d, c, article, story)
    d.aggregate = d.aggregate or c.aggregate_cue
    return d


def _sub_national(places: list[PlaceMatch]) -> list[PlaceMatch]:
    return [p for p in places if p.kind != "country"]


def _specific(places: list[PlaceMatch]) -> list[PlaceMatch]:
    """Districts, towns and named sites (and unresolved names): below a province."""
    return [p for p in places if p.kind != "country" and (p.admin_level or 9) >= 2]


def _places_fit(d: Draft, c: Clause) -> bool | None:
    """True: related places; False: unrelated gazetteer places; None: cannot tell.

    When both sides name a district, town or site, only those are compared: Gwadar and
    Mastung are two events even though both lie in Balochistan.
    """
    mine, theirs = _sub_national(d.places), _sub_national(c.places)
    if not mine or not theirs:
        return None
    if _specific(mine) and _specific(theirs):
        mine, theirs = _specific(mine), _specific(theirs)
    if any(related(a, b) for a in mine for b in theirs):
        return True
    resolved = all(p.place_id for p in mine) and all(p.place_id for p in theirs)
    return False if resolved else None


def _dates_fit(d: Draft, c: Clause) -> bool:
    own = own_date(c)
    if own is None:
        return True
    if c.background_cue is not None and not d.background:
        return False  # "It came three months after another blast on November 11"
    if not d.explicit or d.mention is None:
        if d.inherited and own.date is not None and d.date is not None:
            return own.date == d.date or (_overnight(own) and abs((own.date - d.date).days) <= 1)
        return True
    if own.date is not None and d.date is not None:
        return own.date in (d.date, d.date_end)
    if own.month_year is not None and d.mention.month_year is not None:
        return own.month_year == d.mention.month_year
    return own.text.lower() == d.mention.text.lower()


def _overnight(dm: DateMention) -> bool:
    return dm.kind == "relative" and dm.text.lower() == "overnight"


def _same_day(d: Draft, c: Clause) -> bool:
    own = own_date(c)
    return own is not None and own.date is not None and d.explicit and own.date == d.date


def _counted_elsewhere(d: Draft, c: Clause) -> bool:
    """Two tolls in two different towns or sites ("a strike on a house in Nuseirat camp
    killed seven" after "a strike in Gaza City killed 11"): two events, however near."""
    if not any(x.killed is not None and not x.is_subset for x in c.claims):
        return False
    if not any(x.killed is not None for cl in d.clauses for x in cl.claims):
        return False
    mine, theirs = _specific(d.places), _specific(c.places)
    if not mine or not theirs:
        return False
    return not any(
        a.name == b.name or is_contained(a, b) or is_contained(b, a) for a in mine for b in theirs
    )


#: "The attack, said to have occurred late Monday night, ...": a clause that names the
#: event told before by a generic word, whatever that event's type.
_GENERIC_BACK_REFERENCE = re.compile(
    r"^\W*(?:the|this|that)\s+(?:attack|incident|assault)\b(?!\s+(?:on|in|at)\b)", re.I
)


def _eligible(d: Draft, c: Clause, ch: str) -> bool:
    same_event = _GENERIC_BACK_REFERENCE.match(c.text) is not None
    if not (compatible_types(d.hint, ch) or same_event) or not _dates_fit(d, c):
        return False
    if _counted_elsewhere(d, c) and not c.anaphora:
        return False
    if c.info.sent.kind != "caption" and all(x.info.sent.kind == "caption" for x in d.clauses):
        return False  # a photo caption shows another moment; the story goes on without it
    return not (
        (c.aggregate_cue and not d.aggregate)
        or (d.aggregate and not c.aggregate_cue and not c.anaphora)
    )


_FIRST_OF = re.compile(
    r"^\W*the\s+first\s+(?:attack|blast|explosion|bombing|strike|incident|assault)\b", re.I
)


def _headline_only(d: Draft) -> bool:
    return all(c.info.sent.kind == "headline" for c in d.clauses)


def _target(drafts: list[Draft], c: Clause) -> Draft | None:
    """The earlier incident this clause continues, if any (see the module docstring).

    A draft whose places are related wins over a more recent one that merely does not
    contradict the clause.
    """
    ch = hint(c.text)
    if _FIRST_OF.search(c.text):
        # "The first attack occurred in Bannu": the earliest event told, not the latest
        for d in drafts[-WINDOW:]:
            if _eligible(d, c, ch) and _places_fit(d, c) is not False:
                return d
    window = [
        (age, d)
        for age, d in enumerate(reversed(drafts[-WINDOW:]))
        if not (c.discontinuity and age == 0) and _eligible(d, c, ch)
    ]
    fits = [(age, d, _places_fit(d, c)) for age, d in window]
    if fits and fits[0][0] == 0 and fits[0][2] is not False and _headline_only(fits[0][1]):
        return fits[0][1]  # the headline announces the event the first body clause tells
    if ch == "weak" and fits and fits[0][0] == 0 and fits[0][2] is None and not c.discontinuity:
        return fits[0][1]  # a bare toll continues the event told just before it
    for _age, d, fit in fits:
        if fit is True:
            return d
    for age, d, fit in fits:
        if fit is False:
            continue
        if not _sub_national(c.places):
            if age == 0 or c.anaphora:
                return d
            if ch == d.hint and (
                ch in ("arrest_or_prosecution", "hideout_dismantled") or _same_day(d, c)
            ):
                return d
            continue
        if not _sub_national(d.places):
            if (ch == d.hint and ch != "weak") or ((ch == "weak" or c.anaphora) and age == 0):
                return d
        elif age == 0 or c.anaphora:
            return d
    return None


def sets_story(info: SentenceInfo) -> bool:
    """Whether a sentence's dates move the story on (captions, page date lines do not)."""
    kind = info.sent.kind
    if kind in ("caption", "embed_signature", "embed"):
        return False
    return not (kind == "headline" and len(info.sent.text) <= 60)


def merge(article: Article, found: list[Clause]) -> list[Draft]:
    """Step 2 (see the module docstring)."""
    drafts: list[Draft] = []
    story: Story = (None, False)
    consumed = -1
    for c in found:
        idx = c.info.sent.index
        for info in article.sentences[consumed + 1 : idx]:
            if not sets_story(info):
                continue
            for dm in info.dates:
                if dm.role == "event" and dm.precision == "day" and dm.date is not None:
                    if article.ctx.anchor is not None and dm.date > article.ctx.anchor:
                        continue  # "a series starting November 17": a plan, not the story's day
                    story = (dm.date, _is_old(dm.date, article))
        consumed = max(consumed, idx)
        if c.same_place:
            prior = next((d for d in reversed(drafts) if _sub_national(d.places)), None)
            if prior is not None:
                c.places = [*c.places, *_sub_national(prior.places)]
        target = _target(drafts, c)
        if target is None:
            target = _new_draft(c, article, story)
            drafts.append(target)
        else:
            target.clauses.append(c)
            known = {p.name for p in target.places}
            target.places.extend(p for p in c.places if p.name not in known)
            if target.hint == "weak":
                target.hint = hint(c.text)
            own = own_date(c)
            if own is not None and _overnight(own) and target.inherited and target.date:
                target.date_end = target.date + timedelta(days=1)  # "the overnight attack"
            elif not target.explicit and own is not None and own.precision == "day":
                _date_draft(target, c, article, story)
        if target.date is not None and sets_story(c.info):
            story = (target.date, target.background)
    return drafts


def _told_in_body(headline: Incident, body: list[Incident]) -> bool:
    """Whether the body tells the event a headline-only incident announces: a body
    incident with a related place or the same death toll (headlines are repeated on a
    page and summarise a story the body may file as a total)."""
    for inc in body:
        if headline.fatalities_min is not None and inc.fatalities_min == headline.fatalities_min:
            return True
        if any(related(a, b) for a in headline.matched_places for b in inc.matched_places):
            return True
    return False


def incidents(article: Article) -> list[Incident]:
    """All candidate incidents of an analysed article, in text order.

    An incident told only in headlines is dropped when the body tells it too.
    """
    drafts = merge(article, clauses(article))
    done: list[tuple[Draft, Incident]] = []
    previous_type: str | None = None
    for d in drafts:
        inc = finish(d, article, previous_type)
        previous_type = inc.incident_type
        done.append((d, inc))
    body = [inc for d, inc in done if not _headline_only(d)]
    kept = [inc for d, inc in done if not _headline_only(d) or not _told_in_body(inc, body)]
    return _fold_retold(kept)


def _retells(first: Incident, later: Incident) -> bool:
    """Whether `later` tells `first` again: both foreground, the same death toll, types
    that may describe one event, and places that agree (related, or one names only a
    country): a lede and its summary paragraph, or a teaser and the story."""
    if first.is_background or first.is_aggregate or later.is_background or later.is_aggregate:
        return False
    if first.fatalities_min is None or first.fatalities_min != later.fatalities_min:
        return False
    if not compatible_types(first.incident_type, later.incident_type) and not (
        {first.incident_type, later.incident_type} <= {"militant_attack", "airstrike_or_shelling"}
    ):
        return False
    if first.date is not None and later.date is not None and first.date != later.date:
        return False
    broad = [p for p in (*first.matched_places, *later.matched_places) if p.kind == "country"]
    if broad and (
        all(p.kind == "country" for p in first.matched_places)
        or all(p.kind == "country" for p in later.matched_places)
    ):
        return True
    return any(related(a, b) for a in first.matched_places for b in later.matched_places)


def _fold_retold(found: list[Incident]) -> list[Incident]:
    """Fold an incident told twice in one article into its first telling; the second
    telling's passage joins the supporting quotes and its places fill in a vaguer first."""
    out: list[Incident] = []
    for inc in found:
        first = next((i for i, prev in enumerate(out) if _retells(prev, inc)), None)
        if first is None:
            out.append(inc)
            continue
        prev = out[first]
        specific = [p for p in inc.matched_places if p.kind != "country"]
        vague = all(p.kind == "country" for p in prev.matched_places)
        places = tuple(specific) if vague and specific else prev.matched_places
        out[first] = replace(
            prev,
            matched_places=places,
            place_names=tuple(p.matched_text for p in places),
            date=prev.date or inc.date,
            extra_quotes=(*prev.extra_quotes, inc.quote)[:6],
        )
    return out
