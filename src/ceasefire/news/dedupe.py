"""Grouping candidates across articles: one group per real-world event, every source kept.

Several outlets report the same bombing with different tolls ("at least 32" in one,
"at least 36" in the next). A monitor wants one group with each source's claim side by
side, never a silent average. Two incidents are put in one group when:

* their types can describe one event (the same type, or a pair such as a militant attack
  also described as a clash),
* their places are related (the same gazetteer place, one inside the other, or
  unresolved names that contain one another), and
* their dates agree: equal, or one of them unknown.

Grouping is greedy in input order; each group keeps its members (article id, index,
incident) and every casualty claim tagged with the article it came from. The group's
fatalities follow the same rules as inside one article, so differing figures from
different sources become `conflicting_claims` with the smallest and largest totals.

Agreement events are grouped by kind, date and parties.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ceasefire.news.fatalities import Fatalities, combine
from ceasefire.news.incident_fields import compatible_types
from ceasefire.news.model import AgreementEvent, CasualtyClaim, Incident, PlaceMatch
from ceasefire.news.places import related


@dataclass(frozen=True, slots=True)
class Member:
    """One incident as reported by one article."""

    article_id: str | None
    index: int
    incident: Incident


@dataclass(frozen=True, slots=True)
class IncidentGroup:
    """Incidents from one or more articles that describe the same event."""

    members: tuple[Member, ...]
    date: str | None
    incident_type: str
    place_names: tuple[str, ...]
    claims: tuple[CasualtyClaim, ...]
    fatalities: Fatalities

    @property
    def sources(self) -> tuple[str | None, ...]:
        """The articles in the group, in order, without repeats."""
        return tuple(dict.fromkeys(m.article_id for m in self.members))


@dataclass(slots=True)
class _Open:
    members: list[Member]
    places: list[PlaceMatch]
    names: list[str]
    date: str | None
    itype: str


def _places_match(a: _Open, inc: Incident) -> bool:
    if any(related(p, q) for p in a.places for q in inc.matched_places):
        return True
    low = [n.lower() for n in a.names]
    return any(x in y or y in x for x in low for y in (n.lower() for n in inc.place_names))


def _fits(group: _Open, inc: Incident) -> bool:
    if not compatible_types(group.itype, inc.incident_type):
        return False
    if group.date and inc.date and group.date != inc.date:
        return False
    return _places_match(group, inc)


def _tagged(article_id: str | None, claims: Iterable[CasualtyClaim]) -> list[CasualtyClaim]:
    tag = article_id or "?"
    return [replace(c, source=f"{tag}: {c.source}") for c in claims]


def group_incidents(items: Iterable[tuple[str | None, Incident]]) -> list[IncidentGroup]:
    """Group incidents from many articles (see the module docstring)."""
    open_groups: list[_Open] = []
    by_place: dict[str, list[int]] = {}
    counters: dict[str | None, int] = {}
    for article_id, inc in items:
        index = counters.get(article_id, 0)
        counters[article_id] = index + 1
        member = Member(article_id, index, inc)
        keys = {p.place_id or p.name.lower() for p in inc.matched_places}
        candidates = sorted({g for k in keys for g in by_place.get(k, [])})
        target = next((g for g in candidates if _fits(open_groups[g], inc)), None)
        if target is None:
            open_groups.append(
                _Open(
                    [member],
                    list(inc.matched_places),
                    list(inc.place_names),
                    inc.date,
                    inc.incident_type,
                )
            )
            target = len(open_groups) - 1
        else:
            g = open_groups[target]
            g.members.append(member)
            g.places.extend(inc.matched_places)
            g.names.extend(inc.place_names)
            g.date = g.date or inc.date
        for k in keys:
            by_place.setdefault(k, []).append(target)
    out: list[IncidentGroup] = []
    for g in open_groups:
        claims = [c for m in g.members for c in _tagged(m.article_id, m.incident.casualty_claims)]
        out.append(
            IncidentGroup(
                members=tuple(g.members),
                date=g.date,
                incident_type=g.itype,
                place_names=tuple(dict.fromkeys(g.names)),
                claims=tuple(claims),
                fatalities=combine(claims),
            )
        )
    return out


def group_events(
    items: Iterable[tuple[str | None, AgreementEvent]],
) -> list[tuple[AgreementEvent, tuple[str | None, ...]]]:
    """Agreement events grouped by kind, date and parties: (first event, source articles)."""
    groups: dict[
        tuple[str, str | None, frozenset[str]], list[tuple[str | None, AgreementEvent]]
    ] = {}
    for article_id, event in items:
        key = (event.kind, event.date, frozenset(event.parties))
        groups.setdefault(key, []).append((article_id, event))
    return [
        (members[0][1], tuple(dict.fromkeys(a for a, _ in members))) for members in groups.values()
    ]
