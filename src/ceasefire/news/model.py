"""Frozen result types of the news extractor and their JSON form.

Every candidate carries the exact character span of its supporting quote in the article
text, so a monitor (and a test) can check that the quote is really there. The JSON form
follows the gold schema of the news-dev set (`incidents`, `agreement_events`,
`obligations`), plus the gazetteer and actor-registry matches.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A verbatim passage: `text == article_text[start:end]` always holds."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in the text, resolved against the gazetteer when possible.

    Unresolved names (found by context such as "the Hakeemabad area") keep
    `place_id=None` and no coordinates: a monitor has to locate them.
    """

    name: str
    matched_text: str
    start: int
    end: int
    place_id: str | None = None
    kind: str = "unresolved"
    admin_level: int | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    coord_approx: bool = True
    where_prec: int | None = None


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor named in the text, normalised through the actor registry."""

    actor_id: str
    name: str
    kind: str
    side: str | None
    matched_text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CasualtyClaim:
    """One figure from one source about one victim group."""

    source: str
    victim_group: str
    group_key: str
    killed: int | None
    killed_qualifier: str | None
    injured: int | None
    injured_qualifier: str | None
    is_update: bool = False
    is_subset: bool = False
    start: int = 0


@dataclass(frozen=True, slots=True)
class Incident:
    """A candidate incident; never verified, only proposed for triage."""

    date: str | None
    date_end: str | None
    date_precision: str | None
    date_basis: str
    place_names: tuple[str, ...]
    matched_places: tuple[PlaceMatch, ...]
    country: str | None
    incident_type: str
    actors: tuple[str, ...]
    normalised_actors: tuple[ActorMatch, ...]
    fatalities_min: int | None
    fatalities_max: int | None
    fatalities_qualifier: str
    casualty_claims: tuple[CasualtyClaim, ...]
    injured: int | None
    attribution: str | None
    is_background: bool
    is_aggregate: bool
    quote: Span
    extra_quotes: tuple[Span, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class AgreementEvent:
    """A candidate agreement event (truce declared, talks held, breach alleged, ...)."""

    date: str | None
    date_precision: str | None
    kind: str
    place: str | None
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    status: str
    stated_by: str | None
    effective_from: str | None
    effective_until: str | None
    is_background: bool
    quote: Span
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Obligation:
    """A candidate obligation: a commitment, demand, call, order or warning."""

    party: str | None
    obligation: str
    status: str
    quote: Span
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ArticleCandidates:
    """Everything proposed for one article, or the reason nothing could be."""

    id: str | None
    incidents: tuple[Incident, ...] = ()
    agreement_events: tuple[AgreementEvent, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    error: str | None = None


def _span_fields(prefix: str, span: Span) -> dict[str, Any]:
    return {prefix: span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def place_json(p: PlaceMatch) -> dict[str, Any]:
    """The JSON form of one place match."""
    return {
        "name": p.name,
        "matched_text": p.matched_text,
        "start": p.start,
        "end": p.end,
        "place_id": p.place_id,
        "kind": p.kind,
        "admin_level": p.admin_level,
        "admin1": p.admin1,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "coord_approx": p.coord_approx,
        "where_prec": p.where_prec,
    }


def actor_json(a: ActorMatch) -> dict[str, Any]:
    """The JSON form of one actor match."""
    return {
        "actor_id": a.actor_id,
        "name": a.name,
        "kind": a.kind,
        "side": a.side,
        "matched_text": a.matched_text,
        "start": a.start,
        "end": a.end,
    }


def claim_json(c: CasualtyClaim) -> dict[str, Any]:
    """The JSON form of one casualty claim (gold field names first)."""
    return {
        "source": c.source,
        "victim_group": c.victim_group,
        "killed": c.killed,
        "killed_qualifier": c.killed_qualifier,
        "injured": c.injured,
        "injured_qualifier": c.injured_qualifier,
        "is_update": c.is_update,
    }


def incident_json(i: Incident) -> dict[str, Any]:
    """The JSON form of one incident, in the gold schema plus matches and offsets."""
    out: dict[str, Any] = {
        "date": i.date,
        "date_end": i.date_end,
        "date_precision": i.date_precision,
        "date_basis": i.date_basis,
        "place_names": list(i.place_names),
        "matched_places": [place_json(p) for p in i.matched_places],
        "country": i.country,
        "incident_type": i.incident_type,
        "actors": list(i.actors),
        "normalised_actors": [actor_json(a) for a in i.normalised_actors],
        "fatalities_min": i.fatalities_min,
        "fatalities_max": i.fatalities_max,
        "fatalities_qualifier": i.fatalities_qualifier,
        "casualty_claims": [claim_json(c) for c in i.casualty_claims],
        "injured": i.injured,
        "attribution": i.attribution,
        "is_background": i.is_background,
        "is_aggregate": i.is_aggregate,
        "notes": i.notes,
    }
    out.update(_span_fields("quote", i.quote))
    out["extra_quotes"] = [s.text for s in i.extra_quotes]
    out["extra_quote_offsets"] = [[s.start, s.end] for s in i.extra_quotes]
    return out


def event_json(e: AgreementEvent) -> dict[str, Any]:
    """The JSON form of one agreement event."""
    out: dict[str, Any] = {
        "date": e.date,
        "date_precision": e.date_precision,
        "kind": e.kind,
        "place": e.place,
        "parties": list(e.parties),
        "mediators": list(e.mediators),
        "status": e.status,
        "stated_by": e.stated_by,
        "effective_from": e.effective_from,
        "effective_until": e.effective_until,
        "is_background": e.is_background,
        "notes": e.notes,
    }
    out.update(_span_fields("quote", e.quote))
    return out


def obligation_json(o: Obligation) -> dict[str, Any]:
    """The JSON form of one obligation."""
    out: dict[str, Any] = {
        "party": o.party,
        "obligation": o.obligation,
        "status": o.status,
        "notes": o.notes,
    }
    out.update(_span_fields("quote", o.quote))
    return out


def to_json(result: ArticleCandidates) -> dict[str, Any]:
    """One output line of `ceasefire extract`: the gold schema, plus warnings or an error."""
    out: dict[str, Any] = {
        "id": result.id,
        "incidents": [incident_json(i) for i in result.incidents],
        "agreement_events": [event_json(e) for e in result.agreement_events],
        "obligations": [obligation_json(o) for o in result.obligations],
    }
    if result.warnings:
        out["warnings"] = list(result.warnings)
    if result.error is not None:
        out["error"] = result.error
    return out


def quote_problems(text: str, record: dict[str, Any]) -> list[str]:
    """Checks an output record against its article: every quote, extra quote, place and
    actor match must be exactly `text[start:end]`. Returns the problems (empty when sound).

    The platform can run this before storing candidates; the tests run it on everything.
    """
    problems: list[str] = []
    for section in ("incidents", "agreement_events", "obligations"):
        for i, rec in enumerate(record.get(section, [])):
            q, s, e = rec["quote"], rec["quote_start"], rec["quote_end"]
            if not q or text[s:e] != q:
                problems.append(f"{section}[{i}].quote {q!r:.60} at {s}:{e}")
            for j, extra in enumerate(rec.get("extra_quotes", [])):
                es, ee = rec["extra_quote_offsets"][j]
                if text[es:ee] != extra:
                    problems.append(f"{section}[{i}].extra_quotes[{j}] at {es}:{ee}")
            for p in rec.get("matched_places", []):
                if text[p["start"] : p["end"]] != p["matched_text"]:
                    problems.append(f"{section}[{i}] place {p['matched_text']!r}")
            for a in rec.get("normalised_actors", []):
                if text[a["start"] : a["end"]] != a["matched_text"]:
                    problems.append(f"{section}[{i}] actor {a['matched_text']!r}")
    return problems
