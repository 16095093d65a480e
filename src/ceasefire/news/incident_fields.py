"""Fields of a finished incident: type, totals, flags, country, quote.

Type rules, in order (README "Label vocabularies", "Borderline labels"): an arrest verb in
the defining sentence with no deaths in it is `arrest_or_prosecution`; dismantled hideouts
are `hideout_dismantled`; firing across the border is `cross_border_fire`; a named strike,
shell or drone is `airstrike_or_shelling`; destruction with no stated means is `other`;
suicide bombers, explosive-laden vehicles, gunmen or storming make a `militant_attack`;
clashes, gun battles and exchanges of fire an `armed_clash`; a bare "attack" is a
`militant_attack` unless a state force made it (then `other`: the means are not stated);
landmines and unattributed explosions are `other`. A clause with nothing but a casualty
figure takes the type of the incident before it in the same article.

An incident that names no place is kept as background context: the dev-set convention is
that every foreground incident names at least one place, and a placeless mention is
almost always a reference to an event told elsewhere.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from ceasefire.news import lexicon as lx
from ceasefire.news.clauses import without_cease
from ceasefire.news.dates import iso
from ceasefire.news.fatalities import combine
from ceasefire.news.model import ActorMatch, Incident, PlaceMatch, Span

if TYPE_CHECKING:
    from ceasefire.news.analysis import Article
    from ceasefire.news.clauses import Clause
    from ceasefire.news.incidents import Draft

_COMPATIBLE = {
    frozenset({"militant_attack", "armed_clash"}),
    frozenset({"militant_attack", "other"}),
    frozenset({"airstrike_or_shelling", "other"}),
    frozenset({"armed_clash", "other"}),
    frozenset({"armed_clash", "cross_border_fire"}),
    # one exchange told as mortar fire on one side and clashes on the other
    frozenset({"armed_clash", "airstrike_or_shelling"}),
    frozenset({"cross_border_fire", "airstrike_or_shelling"}),
    frozenset({"cross_border_fire", "other"}),
}
_ATTRIBUTION = re.compile(
    r"\b(?:claimed\s+responsibility|blamed|accused|attributed|no\s+group|"
    r"orchestrated\s+by|carried\s+out\s+by|linked\s+to|denied)\b",
    re.IGNORECASE,
)


def _attack_is_real(text: str) -> bool:
    """A bare 'attack' that is not just a reference to an event told elsewhere."""
    for m in lx.ATTACK.finditer(text):
        ref = lx.REFERENTIAL.search(text, max(0, m.start() - 60), m.end())
        if ref is None or ref.end() < m.end():
            return True
    return False


def _militant_means(text: str) -> bool:
    """A militant's means named (bomb, gunmen, ambush), not forces opening fire."""
    return bool(lx.MILITANT_STRONG.search(text)) and not lx.STATE_FORCES_ATTACK.search(text)


@lru_cache(maxsize=4096)
def hint(text: str) -> str:
    """The type one clause suggests on its own, or 'weak' when it only has a casualty."""
    text = without_cease(text)
    if lx.ARREST.search(text) and not re.search(r"\b(?:killed|martyred|dead)\b", text):
        return "arrest_or_prosecution"
    if lx.HIDEOUT.search(text):
        return "hideout_dismantled"
    if lx.CROSS_BORDER.search(text):
        return "cross_border_fire"
    if lx.STRIKE.search(text):
        return "airstrike_or_shelling"
    if lx.DESTROY.search(text) and not lx.MILITANT_STRONG.search(text):
        return "other"
    if lx.STATE_FORCES_ATTACK.search(text):
        return "armed_clash"  # "Afghan forces attacked border posts", "troops opened fire"
    if lx.MILITANT_STRONG.search(text):
        return "militant_attack"
    if lx.CLASH.search(text):
        return "armed_clash"
    if _attack_is_real(text):
        state = lx.STATE_ATTACKER.search(text) or (
            ("attacked" in text or "assaulted" in text) and lx.STATE_FORCES_ATTACKED.search(text)
        )
        return "other" if state else "militant_attack"
    if lx.OTHER_EVENT.search(text):
        return "other"
    return "weak"


def compatible_types(a: str, b: str) -> bool:
    """Whether clauses hinting these types may describe one event."""
    return a == b or "weak" in (a, b) or frozenset({a, b}) in _COMPATIBLE


def classify(clauses: list[Clause], previous: str | None) -> str:
    """The incident type from all its clauses (rules in the module docstring).

    The defining clause is the first body clause: a headline is compressed ("Afghan border
    attacks") and says less about the means than the lede it announces.
    """
    first = hint(next((c for c in clauses if c.info.sent.kind == "body"), clauses[0]).text)
    if first in ("arrest_or_prosecution", "hideout_dismantled"):
        return first
    hints = [hint(c.text) for c in clauses]
    order = (
        "cross_border_fire",
        "airstrike_or_shelling",
        "militant_attack",
        "armed_clash",
        "other",
        "arrest_or_prosecution",
        "hideout_dismantled",
    )
    if first == "other" and lx.DESTROY.search(without_cease(clauses[0].text)):
        return "other"
    if first == "other" and "militant_attack" not in hints and "airstrike_or_shelling" not in hints:
        return "other"
    if first == "armed_clash" and not any(_militant_means(c.text) for c in clauses):
        # "fighting erupted between Afghan and Pakistani forces ...; troops repulsed
        # attacks": the later bare "attacks" are the same fighting, not a militant raid
        hints = [h for h in hints if h != "militant_attack"]
    for t in order:
        if t in hints:
            return t
    return previous or "other"


def _country(places: list[PlaceMatch]) -> str | None:
    countries = [p.country for p in places if p.country]
    names = {p.name for p in places}
    if not countries:
        return None
    if "Pakistan-Afghanistan border" in countries or {"Pakistan", "Afghanistan"} <= set(countries):
        only_border = all(c == "Pakistan-Afghanistan border" for c in countries)
        return (
            "Pakistan-Afghanistan border ("
            + ("unspecified side" if only_border else "both sides")
            + ")"
        )
    if any(p.admin1 == "Gaza Strip" for p in places) or "Gaza Strip" in names:
        return "Gaza Strip"
    if any(p.admin1 == "West Bank" for p in places) or "West Bank" in names:
        return "West Bank"
    return Counter(countries).most_common(1)[0][0]


def _quote(clauses: list[Clause], text: str) -> tuple[Span, tuple[Span, ...]]:
    def score(c: Clause) -> int:
        day = any(d.precision == "day" and d.role == "event" for d in c.dates)
        return (
            2 * day
            + 2 * bool([p for p in c.places if p.kind != "country"])
            + 2 * bool(c.claims)
            + (c.info.sent.kind == "body")
        )

    best = max(clauses, key=lambda c: (score(c), -c.start))
    spans: list[Span] = []
    seen: set[int] = set()
    for c in [best, *clauses]:
        s, e = c.info.sent.start, c.info.sent.end
        if s not in seen:
            seen.add(s)
            spans.append(Span(s, e, text[s:e]))
            if len(spans) == 7:
                break
    return spans[0], tuple(spans[1:7])


def _actors(clauses: list[Clause]) -> tuple[tuple[str, ...], tuple[ActorMatch, ...]]:
    written: list[str] = []
    normalised: dict[str, ActorMatch] = {}
    for c in clauses:
        for a in c.actors:
            if a.matched_text not in written:
                written.append(a.matched_text)
            normalised.setdefault(a.actor_id, a)
    return tuple(written), tuple(normalised.values())


def _foreground_ok(d: Draft, places: list[PlaceMatch], itype: str, has_claims: bool) -> str | None:
    """Why a draft cannot be a foreground incident, or None when it can."""
    if all(c.info.sent.kind == "caption" for c in d.clauses):
        return "told only in a photo caption: kept as context"
    if not places:
        return "no place named: kept as context, not as a foreground incident"
    timed = d.explicit or d.inherited or has_claims
    lede = any(c.info.lead for c in d.clauses)  # what the article reports, dated or not
    if not (timed or lede) and itype not in ("arrest_or_prosecution", "hideout_dismantled"):
        return "no date and no casualty figure: kept as context"
    if all(p.kind == "country" for p in places) and not (has_claims or d.date is not None):
        return "only a country named and no date or figure: kept as context"
    return None


def finish(d: Draft, article: Article, previous: str | None) -> Incident:
    """Step 3: the Incident for a merged draft."""
    text = article.text
    places: list[PlaceMatch] = []
    names: set[str] = set()
    for p in d.places:
        if p.name not in names:
            names.add(p.name)
            places.append(p)
    if any(p.kind != "country" for p in places):
        places = [p for p in places if p.kind != "country"]
    dateline = d.clauses[0].info.dateline
    if dateline is not None and not any(p.kind != "country" and p.place_id for p in places):
        places = [dateline, *(p for p in places if p.kind != "country")]
    notes = list(d.notes)
    claims = [c for cl in d.clauses for c in cl.claims]
    told = [c for cl in d.clauses if cl.info.sent.kind != "headline" for c in cl.claims]
    if told:
        claims = told  # a headline rounds ("Five dead"); the body says "at least four and one"
    itype = classify(d.clauses, previous)
    background = d.background
    why = _foreground_ok(d, places, itype, bool(claims))
    if why is not None and not background and not d.aggregate:
        background = True
        notes.append(why)
    fat = combine(claims)
    quote, extra = _quote(d.clauses, text)
    written, normalised = _actors(d.clauses)
    attribution = next(
        (cl.info.sent.text[:300] for cl in d.clauses if _ATTRIBUTION.search(cl.info.sent.text)),
        None,
    )
    return Incident(
        date=iso(d.date),
        date_end=iso(d.date_end),
        date_precision=d.precision,
        date_basis=d.basis,
        place_names=tuple(p.matched_text for p in places),
        matched_places=tuple(places),
        country=_country(places),
        incident_type=itype,
        actors=written,
        normalised_actors=normalised,
        fatalities_min=fat.minimum,
        fatalities_max=fat.maximum,
        fatalities_qualifier=fat.qualifier,
        casualty_claims=tuple(claims),
        injured=fat.injured,
        attribution=attribution,
        is_background=background,
        is_aggregate=d.aggregate,
        quote=quote,
        extra_quotes=extra,
        notes="; ".join(notes),
    )
