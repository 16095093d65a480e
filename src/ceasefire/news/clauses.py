"""Event clauses: the sentences (or halves of sentences) that report one incident each.

A clause is kept when it names a violent event, an arrest or a casualty figure, and is not
a statement about stopping violence ("agreed to cease all fighting"), a warning or a
demand ("Afghan soil should not be used for terrorist attacks"). A sentence that reports
two events in two places ("Two were killed in Baalbek, and the third was killed in
Nakoula") is split in two. Each clause keeps its own dates, places, actors, claims and the
cues the merge step needs.

`own_date` picks the clause's own event date: the first event-role mention, skipping a
date that belongs to a main clause the event is subordinate to ("Thailand on Tuesday
suspended the truce after four soldiers were wounded": Tuesday dates the suspension).

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ceasefire.news import lexicon as lx
from ceasefire.news.analysis import Article, SentenceInfo
from ceasefire.news.casualties import claim_source, find_claims
from ceasefire.news.dates import DateMention
from ceasefire.news.model import ActorMatch, CasualtyClaim, PlaceMatch
from ceasefire.news.text import stems

#: A dated event more than this many days before the anchor is background.
RECENT_DAYS = 2

_MODAL = re.compile(
    r"\b(?:if|should|must|would|could|may|might|vowed?|threat\w*|warn\w*|to\s+prevent|"
    r"demand\w*|urg\w+|call(?:ed|s)?\s+(?:on|for)|not\s+be\s+used|aims?\s+to|seeks?\s+to|"
    r"expects?|expected|for\s+example|such\s+as|wants?|evidence|in\s+case)\b",
    re.IGNORECASE,
)
#: ", which has called for dialogue": a relative clause about someone named, whose mood
#: is not the event's.
_RELATIVE_TAIL = re.compile(r",\s+(?:which|who)\s+[^,;]*$", re.IGNORECASE)
_SPLIT = re.compile(r";\s+|,\s+(?:and|while|whereas|but|after|as|when)\s+")
_EVENT_NOUN_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,2}\s+(?:bombing|attack|blast|suicide|imambargah|probe)", re.IGNORECASE
)
_SUBORDINATE = re.compile(r"\b(?:after|following|since|in\s+response\s+to)\b", re.IGNORECASE)
_TRIGGERS = (
    lx.STRIKE,
    lx.CROSS_BORDER,
    lx.CLASH,
    lx.MILITANT_STRONG,
    lx.ARREST,
    lx.HIDEOUT,
    lx.DESTROY,
    lx.OTHER_EVENT,
)


@dataclass(slots=True)
class Clause:
    """One event mention: a sentence or the part of it that reports one event."""

    info: SentenceInfo
    start: int
    end: int
    text: str
    dates: list[DateMention]
    places: list[PlaceMatch]
    actors: list[ActorMatch]
    claims: list[CasualtyClaim]
    trigger: int | None
    discontinuity: bool
    anaphora: bool
    same_place: bool
    background_cue: int | None
    aggregate_cue: bool


#: Cheap pre-check: a sentence without any of these stems reports no incident.
_EVENT_STEMS = stems(
    "attack|kill|strike|drone|shell|artiller|mortar|missile|rocket|bomb|blast|explo|clash|"
    "fire|firing|fight|battle|skirmish|encounter|shoot|operation|offensive|suicide|ied|gunm|"
    "ambush|storm|terror|murder|massacr|assassin|behead|abduct|kidnap|grenade|arrest|"
    "detain|detention|apprehend|nabbed|custody|rounded|convict|sentenced|indict|prosecut|"
    "charged|raid|hideout|dismantl|bust|demolish|unearth|destroy|mine|incursion|intercept|"
    "downed|martyr|dead|died|death|slain|injur|wound|hurt|casualt|lives|assault|"
    "quadcopter|warplane|jets|air force|executed|perish"
    "|hell|shahadat|neutrali|eliminat|seized|overran|took control|struck|pounded|targeted"
    "|took place|occurred|happened",
)


_NATURAL = re.compile(
    r"\b(?:earthquake|quake|flood(?:s|ing)?|landslides?|cyclone|storm|avalanche|heatwave|"
    r"road\s+accident|traffic\s+accident|crash)\b",
    re.IGNORECASE,
)
#: "killed all the attackers": a killing told without a figure.
_KILLED_SOME = re.compile(
    r"\b(?:killed|martyred|shot\s+dead|gunned\s+down)\s+(?:all|some|several|many|dozens|"
    r"scores|hundreds)\b",
    re.IGNORECASE,
)


def without_cease(text: str) -> str:
    """The text with phrases about stopping violence blanked out (same length)."""
    return lx.CEASE.sub(lambda m: " " * len(m.group()), text)


def _trigger_starts(text: str) -> list[int]:
    """Where each event-trigger family first matches in a clause blanked by `without_cease`."""
    return [m.start() for p in _TRIGGERS if (m := p.search(text))]


def is_event(
    text: str,
    claims: list[CasualtyClaim],
    anchored: bool = False,
    dated: bool = False,
    strong: bool | None = None,
) -> bool:
    """Whether a clause reports an event: a trigger or a casualty figure; a bare "attack"
    only when the clause also names a place or a date (`anchored`), and a bare plural
    "attacks" only with a date (`dated`): "the increasing number of attacks has strained
    relations between Islamabad and Kabul" tells no event.

    `text` is already blanked by `without_cease`; `strong` says whether a trigger family
    matches it (computed here when not given).
    """
    if strong is None:
        strong = any(p.search(text) for p in _TRIGGERS)
    strong = strong or bool(lx.HAPPENED.search(text))
    if not strong and _NATURAL.search(text):
        return False  # "the earthquake left at least 3,759 people dead": not a violent event
    if not strong and not claims and not lx.ATTACK.search(text) and not _KILLED_SOME.search(text):
        return False
    if not claims and _MODAL.search(_RELATIVE_TAIL.sub("", text)):
        return False
    if strong or claims or re.search(r"\b(?:killed|martyred|attacked)\b", text):
        return True
    if _KILLED_SOME.search(text):
        return anchored
    plural_only = all(
        m.group().lower() in ("attacks", "assaults", "raids") for m in lx.ATTACK.finditer(text)
    )
    return dated if plural_only else anchored


def _first_trigger(text: str, offset: int, triggers: list[int]) -> int | None:
    starts = triggers + [m.start() for p in (lx.KILL_OR_HURT, lx.ATTACK) if (m := p.search(text))]
    return offset + min(starts) if starts else None


def _site_places(info: SentenceInfo, lo: int, hi: int, text: str, arrest: bool) -> list[PlaceMatch]:
    out = []
    for f in info.places:
        p = f.place
        if f.role != "site" or p.start < lo or p.end > hi:
            continue
        if arrest and _EVENT_NOUN_AFTER.match(text[p.end : p.end + 40]):
            continue  # "facilitators of the Islamabad imambargah attack": not the raid's place
        out.append(p)
    return out


def _split_points(info: SentenceInfo, text: str) -> list[tuple[int, int]]:
    """Clause spans: the sentence, or its halves when each reports its own place and toll."""
    s, e = info.sent.start, info.sent.end
    for m in _SPLIT.finditer(text, s, e):
        halves = [(s, m.start()), (m.end(), e)]
        ok = all(
            any(
                f.role == "site" and f.place.kind != "country" and lo <= f.place.start < hi
                for f in info.places
            )
            and lx.KILL_OR_HURT.search(text, lo, hi)
            for lo, hi in halves
        )
        if ok:
            return halves
    return [(s, e)]


#: A death toll this large with no day of its own is a total, not one incident's.
TOTAL_SCALE = 1000


def _aggregate_cue(
    text: str, claims: list[CasualtyClaim], info: SentenceInfo, lo: int, hi: int
) -> bool:
    """Whether a clause tells a total over a period or over places.

    A clause with no figure that dates its event to one day ("took control of Uvira on
    Wednesday, after an offensive since the start of the month") tells one event; the
    period is its background.
    """
    large = any((c.killed or 0) >= TOTAL_SCALE for c in claims)
    cue = bool(
        lx.AGGREGATE.search(text) or lx.BREAKDOWN.search(text) or lx.PERIOD_TOTAL.search(text)
    )
    if not (large or cue):
        return False
    dated = any(
        d.role == "event" and d.precision == "day" and d.date is not None and lo <= d.start < hi
        for d in info.dates
    )
    if large and not dated:
        return True  # "More than 2,000 people have been killed in Lebanon": a war's toll
    return cue and (bool(claims) or not dated)


def clauses(article: Article) -> list[Clause]:
    """Step 1 of incident extraction: the event clauses of an article, in text order."""
    text = article.text
    out: list[Clause] = []
    for info in article.sentences:
        if info.sent.kind == "embed_signature" or not _EVENT_STEMS.search(info.sent.text):
            continue
        source = claim_source(info.sent.text)
        for lo, hi in _split_points(info, text):
            ctext = text[lo:hi]
            claims = find_claims(text, lo, hi, source)
            dated = any(d.role == "event" and lo <= d.start < hi for d in info.dates)
            anchored = dated or any(
                f.role == "site" and f.place.kind != "country" and lo <= f.place.start < hi
                for f in info.places
            )
            blanked = without_cease(ctext)
            if not is_event(blanked, claims, anchored, dated):
                continue
            bg = lx.BACKGROUND.search(ctext)
            out.append(
                Clause(
                    info=info,
                    start=lo,
                    end=hi,
                    text=ctext,
                    dates=[d for d in info.dates if lo <= d.start < hi],
                    places=_site_places(info, lo, hi, text, bool(lx.ARREST.search(ctext))),
                    actors=[a for a in info.actors if lo <= a.start < hi],
                    claims=claims,
                    trigger=_first_trigger(blanked, lo, _trigger_starts(blanked)),
                    discontinuity=bool(lx.DISCONTINUITY.search(ctext)),
                    anaphora=bool(lx.ANAPHORA.search(ctext)),
                    same_place=bool(lx.SAME_PLACE.search(ctext)),
                    background_cue=lo + bg.start() if bg else None,
                    aggregate_cue=_aggregate_cue(ctext, claims, info, lo, hi),
                )
            )
    return out


def own_date(c: Clause) -> DateMention | None:
    """The clause's own event date mention (day-level first, then month/week periods)."""
    text = c.info.sent.text
    base = c.info.sent.start
    events = []
    for d in c.dates:
        if d.role != "event":
            continue
        if c.trigger is not None and d.end <= c.trigger:
            between = text[d.end - base : c.trigger - base]
            if _SUBORDINATE.search(between):
                continue
        events.append(d)
    for d in events:
        if d.precision == "day":
            return d
    return events[0] if events else None
