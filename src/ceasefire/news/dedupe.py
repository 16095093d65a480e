"""Grouping candidates across articles: one group per real-world event, every source kept.

Several outlets report the same bombing with different tolls ("at least 32" in one,
"at least 36" in the next). A monitor wants one group with each source's claim side by
side, never a silent average. Two incidents are put in one group when:

* their types can describe one event (the same type, or a pair such as a militant attack
  also described as a clash),
* their places are related (the same gazetteer place, one inside the other, or
  unresolved names that contain one another; when both name a district, town or site,
  only those are compared, as when merging inside one article; a report that names only
  a country joins only on the same known day), and
* their dates agree: equal, or one of them unknown.

Grouping is greedy in input order, and an incident joins a group only if it agrees with
every member (undated reports must not chain separate events together); each group keeps
its members (article id, index, incident) and every casualty claim tagged with the
article it came from. The group's fatalities follow the same rules as inside one article,
so differing figures from different sources become `conflicting_claims` with the smallest
and largest totals.

Agreement events are grouped by kind, date and parties; an undated one stays alone.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Sighting:
    """What grouping compares of one incident: its type, day and places. Built from an
    `Incident`, or from its JSON form when the incident was stored (the news desk)."""

    incident_type: str
    date: str | None
    matched_places: tuple[PlaceMatch, ...]

    @classmethod
    def of(cls, inc: Incident) -> Sighting:
        """The sighting of an extracted incident."""
        return cls(inc.incident_type, inc.date, inc.matched_places)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Sighting:
        """The sighting of an incident in the extractor's JSON output (`incident_json`)."""
        fields = set(PlaceMatch.__slots__)
        places = tuple(
            PlaceMatch(**{k: v for k, v in p.items() if k in fields})
            for p in data.get("matched_places") or ()
        )
        return cls(str(data.get("incident_type") or "other"), data.get("date"), places)


def _below_province(places: Iterable[PlaceMatch]) -> list[PlaceMatch]:
    """Districts, towns, sites and unresolved names: what pins an event down."""
    return [p for p in places if p.kind != "country" and (p.admin_level or 9) >= 2]


def _places_agree(a: Sighting, b: Sighting) -> bool:
    """Related places below the country; when both name a district, town or site, only
    those count (two attacks in Bannu and Dera Ismail Khan are two events although both
    are in KP). A report that names only a country is the same event only on the same
    known day, in the same country."""
    mine = [p for p in a.matched_places if p.kind != "country"]
    theirs = [p for p in b.matched_places if p.kind != "country"]
    if not mine or not theirs:
        return (
            a.date is not None
            and a.date == b.date
            and any(related(p, q) for p in a.matched_places for q in b.matched_places)
        )
    if _below_province(mine) and _below_province(theirs):
        mine, theirs = _below_province(mine), _below_province(theirs)
    return any(related(p, q) for p in mine for q in theirs)


def _same_event(a: Sighting, b: Sighting) -> bool:
    if not compatible_types(a.incident_type, b.incident_type):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    return _places_agree(a, b)


def _keys(seen: Sighting) -> set[str]:
    """Index keys of a sighting's places: each place (by id, or by name when unresolved),
    and the name and province of each place below a country, so that "Spin Boldak" meets
    "Kandahar province". Only the keys choose whom to compare; `_same_event` decides."""
    keys = {p.place_id or p.name.lower() for p in seen.matched_places}
    keys.update(p.name.lower() for p in seen.matched_places if p.kind != "country")
    keys.update(p.admin1.lower() for p in seen.matched_places if p.admin1)
    return keys


def group_sightings(sightings: Sequence[Sighting]) -> list[list[int]]:
    """Positions of the sightings grouped as one event each (see the module docstring),
    every group in input order. A sighting joins a group only if it agrees with every
    member, so that undated reports cannot chain distant events into one group."""
    groups: list[list[int]] = []
    by_key: dict[str, list[int]] = {}
    for position, seen in enumerate(sightings):
        keys = _keys(seen)
        candidates = sorted({g for k in keys for g in by_key.get(k, [])})
        target = next(
            (g for g in candidates if all(_same_event(sightings[m], seen) for m in groups[g])),
            None,
        )
        if target is None:
            groups.append([position])
            target = len(groups) - 1
        else:
            groups[target].append(position)
        for k in keys:
            by_key.setdefault(k, []).append(target)
    return groups


def _tagged(article_id: str | None, claims: Iterable[CasualtyClaim]) -> list[CasualtyClaim]:
    tag = article_id or "?"
    return [replace(c, source=f"{tag}: {c.source}") for c in claims]


def group_incidents(items: Iterable[tuple[str | None, Incident]]) -> list[IncidentGroup]:
    """Group incidents from many articles (see the module docstring)."""
    members: list[Member] = []
    counters: dict[str | None, int] = {}
    for article_id, inc in items:
        index = counters.get(article_id, 0)
        counters[article_id] = index + 1
        members.append(Member(article_id, index, inc))
    out: list[IncidentGroup] = []
    for positions in group_sightings([Sighting.of(m.incident) for m in members]):
        group = [members[i] for i in positions]
        claims = [c for m in group for c in _tagged(m.article_id, m.incident.casualty_claims)]
        first = group[0].incident
        out.append(
            IncidentGroup(
                members=tuple(group),
                date=next((m.incident.date for m in group if m.incident.date), None),
                incident_type=first.incident_type,
                place_names=tuple(dict.fromkeys(n for m in group for n in m.incident.place_names)),
                claims=tuple(claims),
                fatalities=combine(claims),
            )
        )
    return out


def event_key(kind: str, date: str | None, parties: Iterable[str]) -> tuple[object, ...]:
    """What two agreement events from different articles must share to be one event."""
    return (kind, date, frozenset(parties))


def group_events(
    items: Iterable[tuple[str | None, AgreementEvent]],
) -> list[tuple[AgreementEvent, tuple[str | None, ...]]]:
    """Agreement events grouped by kind, date and parties: (first event, source articles).
    An event with no known day stays alone: two undated "talks" may be any two rounds."""
    groups: dict[tuple[object, ...], list[tuple[str | None, AgreementEvent]]] = {}
    for position, (article_id, event) in enumerate(items):
        key = event_key(event.kind, event.date, event.parties)
        if event.date is None:
            key = (*key, position)
        groups.setdefault(key, []).append((article_id, event))
    return [
        (members[0][1], tuple(dict.fromkeys(a for a, _ in members))) for members in groups.values()
    ]
