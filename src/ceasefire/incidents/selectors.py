"""Reads of incident intake, always through the disclosure rules of `domain.intake`.

Two layers guard confidentiality: `incidents_visible_to` filters in SQL which reports a viewer
may see at all (the same answer as `domain.intake.may_see`, which a test checks row by row),
and `disclose` turns one report into an `IncidentView` holding only what that viewer may see.
Pages, the API, the map and exports read views, never raw rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet

from ceasefire.domain.coding import (
    DatePrecision,
    DateSpan,
    IncidentType,
    WherePrecision,
    coarsen,
    standard_coding,
)
from ceasefire.domain.duplicates import IncidentSketch, Suggestion, suggest_duplicates
from ceasefire.domain.errors import InvalidInput, NotFound
from ceasefire.domain.intake import (
    Audience,
    Channel,
    ConfidentialField,
    Confidentiality,
    TriageStatus,
    audience_of,
    disclosure,
)
from ceasefire.domain.location import coarse_point
from ceasefire.domain.policy import Action, Actor, AgreementScope, Role, require
from ceasefire.incidents.models import Actor as RegisteredActor
from ceasefire.incidents.models import Incident, IncidentRevision

_PUBLIC_Q = Q(confidentiality=Confidentiality.PUBLIC.value, triage_status=TriageStatus.IN_REMIT)
_SHARED = [Confidentiality.PUBLIC.value, Confidentiality.PARTIES.value]
_STAFF = {Role.MONITOR, Role.ANALYST}


def _base() -> QuerySet[Incident]:
    return Incident.objects.select_related(
        "agreement", "filing_party", "responsible_party", "affected_party", "reported_by"
    ).prefetch_related(
        "agreement__parties",
        "agreement__mediator_links__organisation",
        "actors__actor",
        "claims",
        "sources",
        "clauses",
    )


def incidents_visible_to(viewer: Actor) -> QuerySet[Incident]:
    """Return the reports `viewer` may see at all (SQL twin of `domain.intake.may_see`)."""
    incidents = _base()
    if viewer.role in _STAFF:
        return incidents
    if viewer.role is Role.MEDIATOR and viewer.organisation:
        return incidents.filter(
            Q(agreement__mediator_links__organisation__code=viewer.organisation) | _PUBLIC_Q
        ).distinct()
    if viewer.role is Role.LIAISON_OFFICER and viewer.organisation:
        own = Q(filing_party__code=viewer.organisation)
        shared = Q(agreement__parties__code=viewer.organisation, confidentiality__in=_SHARED)
        return incidents.filter(own | shared | _PUBLIC_Q).distinct()
    return incidents.filter(_PUBLIC_Q)


def get_incident(incident_id: int, *, viewer: Actor) -> Incident:
    """Return one report the viewer may see.

    Raises:
        NotFound: no such report, or not visible to the viewer (indistinguishable).
    """
    try:
        return incidents_visible_to(viewer).get(pk=incident_id)
    except (Incident.DoesNotExist, ValueError):
        raise NotFound(f"no incident {incident_id}") from None


def audience_for(incident: Incident, viewer: Actor) -> Audience:
    """Return whom `viewer` is relative to `incident`."""
    party = incident.filing_party.code if incident.filing_party else None
    return audience_of(viewer, filing_party=party, agreement=scope_of_prefetched(incident))


def scope_of_prefetched(incident: Incident) -> AgreementScope:
    """Return the incident's agreement scope from prefetched parties and mediators."""
    agreement = incident.agreement
    return AgreementScope(
        parties=frozenset(p.code for p in agreement.parties.all()),
        mediators=frozenset(m.organisation.code for m in agreement.mediator_links.all()),
    )


@dataclass(frozen=True, slots=True)
class Reporter:
    """Who filed a report, for the audiences allowed to know."""

    account: str
    name: str
    contact: str


@dataclass(frozen=True, slots=True)
class ClaimView:
    claimant: str
    claimant_kind: str
    victim_group: str
    killed: int | None
    killed_qualifier: str
    injured: int | None
    injured_qualifier: str


@dataclass(frozen=True, slots=True)
class SourceView:
    url: str
    outlet: str
    published_on: date | None
    scale: str


@dataclass(frozen=True, slots=True)
class ActorView:
    as_written: str
    code: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class IncidentView:
    """One report as a given audience may see it; `withheld` names what was left out."""

    id: int
    agreement_id: int
    agreement_title: str
    audience: Audience
    channel: str
    received_at: datetime
    filing_party: str | None
    reporter: Reporter | None
    responsible_party: str | None
    affected_party: str | None
    incident_type: str
    acled_event_type: str
    acled_sub_event_type: str
    ucdp_type_of_violence: int | None
    date_start: date
    date_end: date
    date_precision: str
    ucdp_date_prec: int
    place_as_written: str
    place_name: str
    admin1: str
    country: str
    lat: float | None
    lon: float | None
    where_precision: str
    where_prec: int
    place_matched: bool
    origin_country: str
    narrative: str
    actors: tuple[ActorView, ...]
    claims: tuple[ClaimView, ...]
    fatalities: dict[str, object] | None
    injured_best: int | None
    sources: tuple[SourceView, ...]
    clauses: tuple[str, ...]
    confidentiality: str
    confidential_fields: tuple[str, ...]
    withheld: tuple[str, ...]
    triage_status: str
    duplicate_of: int | None
    triage_note: str
    version: int
    subject: str = field(default="")

    @property
    def incident_type_label(self) -> str:
        return self.incident_type.replace("_", " ")

    @property
    def triage_label(self) -> str:
        return self.triage_status.replace("_", " ")


def _location(incident: Incident, minimum: WherePrecision, hidden: bool) -> dict[str, Any]:
    precision = WherePrecision(incident.where_precision)
    if hidden:
        return {
            "place_as_written": "",
            "place_name": "",
            "admin1": "",
            "lat": None,
            "lon": None,
            "where_precision": coarsen(precision, WherePrecision.COUNTRY),
        }
    shown = coarsen(precision, minimum)
    lat, lon = incident.lat, incident.lon
    public = minimum is not WherePrecision.EXACT
    if public or shown is not precision:
        # Never more than the shown precision claims, whatever the filer typed or pinned.
        lat, lon = coarse_point(lat, lon, shown)
    return {
        "place_as_written": "" if public else incident.place_as_written,
        "place_name": incident.place_name if shown is precision else "",
        "admin1": incident.admin1,
        "lat": lat,
        "lon": lon,
        "where_precision": shown,
    }


def disclose(incident: Incident, viewer: Actor) -> IncidentView:
    """Return `incident` as `viewer` may see it (the viewer must be allowed to see it)."""
    audience = audience_for(incident, viewer)
    marked = frozenset(ConfidentialField(f) for f in incident.confidential_fields)
    rules = disclosure(audience, channel=Channel(incident.channel), marked=marked)
    withheld = rules.withheld
    reporter = None
    if rules.reporter:
        account = incident.reported_by.username if incident.reported_by else ""
        reporter = Reporter(account, incident.reporter_name, incident.reporter_contact)
        if audience is not Audience.MECHANISM:
            reporter = Reporter(account, "", "")
    coding = standard_coding(IncidentType(incident.incident_type))
    span = DateSpan(incident.date_start, incident.date_end, DatePrecision(incident.date_precision))
    location = _location(incident, rules.minimum_precision, ConfidentialField.LOCATION in withheld)
    casualties_hidden = ConfidentialField.CASUALTIES in withheld
    claims = (
        ()
        if casualties_hidden
        else tuple(
            ClaimView(
                c.claimant,
                c.claimant_kind,
                c.victim_group,
                c.killed,
                c.killed_qualifier,
                c.injured,
                c.injured_qualifier,
            )
            for c in incident.claims.all()
        )
    )
    fatalities: dict[str, object] | None = None
    if not casualties_hidden:
        fatalities = {
            "low": incident.fatalities_low,
            "best": incident.fatalities_best,
            "high": incident.fatalities_high,
            "vague": incident.fatalities_vague,
            "conflicting": incident.fatalities_conflicting,
            "claimants": len({c.claimant for c in claims if c.killed is not None}),
        }
    return IncidentView(
        id=incident.pk,
        agreement_id=incident.agreement_id,
        agreement_title=incident.agreement.title,
        audience=audience,
        channel=incident.channel,
        received_at=incident.received_at,
        filing_party=incident.filing_party.code if incident.filing_party else None,
        reporter=reporter,
        responsible_party=incident.responsible_party.code if incident.responsible_party else None,
        affected_party=incident.affected_party.code if incident.affected_party else None,
        incident_type=incident.incident_type,
        acled_event_type=coding.acled_event_type.value,
        acled_sub_event_type=coding.acled_sub_event_type,
        ucdp_type_of_violence=coding.ucdp_type_of_violence.code
        if coding.ucdp_type_of_violence
        else None,
        date_start=incident.date_start,
        date_end=incident.date_end,
        date_precision=incident.date_precision,
        ucdp_date_prec=span.ucdp_date_prec,
        place_as_written=location["place_as_written"],
        place_name=location["place_name"],
        admin1=location["admin1"],
        country=incident.country,
        lat=location["lat"],
        lon=location["lon"],
        where_precision=location["where_precision"].value,
        where_prec=location["where_precision"].code,
        place_matched=incident.place_matched,
        origin_country=incident.origin_country,
        narrative="" if ConfidentialField.NARRATIVE in withheld else incident.narrative,
        actors=()
        if ConfidentialField.ACTORS in withheld
        else tuple(
            ActorView(
                a.as_written,
                a.actor.code if a.actor else None,
                a.actor.name if a.actor else None,
            )
            for a in incident.actors.all()
        ),
        claims=claims,
        fatalities=fatalities,
        injured_best=None if casualties_hidden else incident.injured_best,
        sources=()
        if ConfidentialField.SOURCES in withheld
        else tuple(
            SourceView(s.url, s.outlet, s.published_on, s.scale) for s in incident.sources.all()
        ),
        clauses=tuple(c.number for c in incident.clauses.all()),
        confidentiality=incident.confidentiality,
        confidential_fields=tuple(incident.confidential_fields),
        withheld=tuple(sorted(f.value for f in withheld)),
        triage_status=incident.triage_status,
        duplicate_of=incident.duplicate_of_id,
        triage_note=incident.triage_note
        if audience in (Audience.MECHANISM, Audience.FILING_PARTY)
        else "",
        version=incident.version,
        subject=incident.subject,
    )


@dataclass(frozen=True, slots=True)
class Filters:
    """What the list, queue and map may be narrowed by (all optional)."""

    agreement: int | None = None
    incident_type: str = ""
    triage_status: tuple[str, ...] = ()
    channel: str = ""
    party: str = ""
    date_from: date | None = None
    date_to: date | None = None
    place: str = ""
    sort: str = "-date_start"


SORTS = {
    "-date_start": ["-date_start", "-id"],
    "date_start": ["date_start", "id"],
    "-received_at": ["-received_at", "-id"],
    "received_at": ["received_at", "id"],
    "-fatalities_best": ["-fatalities_best", "-id"],
}


def filtered(incidents: QuerySet[Incident], filters: Filters) -> QuerySet[Incident]:
    """Narrow `incidents` by `filters` and sort them.

    Raises:
        InvalidInput: an unknown sort, type, status or channel.
    """
    if filters.sort not in SORTS:
        raise InvalidInput(f"sort by one of {', '.join(SORTS)}", details={"field": "sort"})
    checks = (
        ("incident_type", [filters.incident_type] if filters.incident_type else [], IncidentType),
        ("triage_status", list(filters.triage_status), TriageStatus),
        ("channel", [filters.channel] if filters.channel else [], Channel),
    )
    for name, values, enum in checks:
        known = {item.value for item in enum}
        if any(value not in known for value in values):
            raise InvalidInput(f"unknown {name.replace('_', ' ')}", details={"field": name})
    if filters.agreement is not None:
        incidents = incidents.filter(agreement_id=filters.agreement)
    if filters.incident_type:
        incidents = incidents.filter(incident_type=filters.incident_type)
    if filters.triage_status:
        incidents = incidents.filter(triage_status__in=filters.triage_status)
    if filters.channel:
        incidents = incidents.filter(channel=filters.channel)
    if filters.party:
        incidents = incidents.filter(
            Q(responsible_party__code=filters.party)
            | Q(affected_party__code=filters.party)
            | Q(filing_party__code=filters.party)
        )
    if filters.date_from:
        incidents = incidents.filter(date_end__gte=filters.date_from)
    if filters.date_to:
        incidents = incidents.filter(date_start__lte=filters.date_to)
    return incidents.order_by(*SORTS[filters.sort])


def _at_place(view: IncidentView, place: str) -> bool:
    """Match a place filter against what the viewer is shown, never the stored location."""
    wanted = place.casefold()
    shown = (view.place_name, view.admin1, view.place_as_written, view.country)
    return any(wanted in text.casefold() for text in shown if text)


def list_incidents(*, viewer: Actor, filters: Filters) -> list[IncidentView]:
    """Return the reports visible to `viewer`, narrowed by `filters`, as that viewer sees them."""
    views = [disclose(i, viewer) for i in filtered(incidents_visible_to(viewer), filters)]
    if filters.place:
        views = [view for view in views if _at_place(view, filters.place)]
    return views


def triage_queue(*, viewer: Actor, filters: Filters) -> list[IncidentView]:
    """Return the shared triage queue (received and needing information unless filtered).

    Raises:
        NotPermitted: the viewer is not mechanism staff or a mediator.
    """
    require(viewer, Action.VIEW_TRIAGE_QUEUE)
    if not filters.triage_status:
        waiting = (TriageStatus.RECEIVED.value, TriageStatus.NEEDS_INFORMATION.value)
        filters = Filters(**{**_as_dict(filters), "triage_status": waiting})
    return list_incidents(viewer=viewer, filters=filters)


def _as_dict(filters: Filters) -> dict[str, Any]:
    return {name: getattr(filters, name) for name in Filters.__dataclass_fields__}


def sketch(incident: Incident) -> IncidentSketch:
    """Return what duplicate detection needs of a report."""
    return IncidentSketch(
        id=str(incident.pk),
        date_start=incident.date_start,
        date_end=incident.date_end,
        lat=incident.lat,
        lon=incident.lon,
        place_key=incident.place_id or None,
        incident_type=IncidentType(incident.incident_type),
    )


WINDOW_DAYS = 2
RADIUS_KM = 25.0


def suggested_duplicates(incident: Incident, *, viewer: Actor) -> list[Suggestion]:
    """Suggest reports that may be the same event (same window, nearby place, any type).

    Only the mechanism of the report's agreement gets suggestions, and only among reports it
    may see itself: suggestions compare reports the parties cannot see.
    """
    if audience_for(incident, viewer) is not Audience.MECHANISM:
        return []
    window = timedelta(days=WINDOW_DAYS)
    candidates = (
        incidents_visible_to(viewer)
        .filter(
            agreement_id=incident.agreement_id,
            date_start__lte=incident.date_end + window,
            date_end__gte=incident.date_start - window,
        )
        .exclude(pk=incident.pk)
    )
    return suggest_duplicates(
        sketch(incident),
        [sketch(c) for c in candidates],
        window_days=WINDOW_DAYS,
        radius_km=RADIUS_KM,
    )


def map_features(*, viewer: Actor, filters: Filters) -> dict[str, Any]:
    """Return the visible reports as a GeoJSON FeatureCollection, points coarsened per viewer."""
    features = []
    for view in list_incidents(viewer=viewer, filters=filters):
        if view.lat is None or view.lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [view.lon, view.lat]},
                "properties": {
                    "id": view.id,
                    "type": view.incident_type,
                    "date_start": view.date_start.isoformat(),
                    "place": view.place_name or view.place_as_written or view.country,
                    "where_prec": view.where_prec,
                    "triage_status": view.triage_status,
                    "fatalities_best": view.fatalities["best"] if view.fatalities else None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def revisions_of(incident: Incident, *, viewer: Actor) -> list[IncidentRevision]:
    """Return a report's revisions with their reasons: to the mechanism and the filing party
    (a reason may quote withheld parts); others see only the version number."""
    if audience_for(incident, viewer) not in (Audience.MECHANISM, Audience.FILING_PARTY):
        return []
    return list(incident.revisions.select_related("revised_by"))


def list_actors() -> QuerySet[RegisteredActor]:
    """Return the actor registry with aliases."""
    return RegisteredActor.objects.select_related("organisation").prefetch_related("aliases")


def get_actor(code: str) -> RegisteredActor:
    """Return one registered actor.

    Raises:
        NotFound: no actor with that code.
    """
    actor = list_actors().filter(code=code).first()
    if actor is None:
        raise NotFound(f"no actor {code}")
    return actor
