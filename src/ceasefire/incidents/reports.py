"""A report as entered (from any channel) and its check into rows ready to write.

One preparation serves every channel (liaison, monitor, public, bulk import) so a row of an
imported file is refused for exactly the reasons a form would be. Preparation reads the
agreement, gazetteer and actor registry but writes nothing; services write.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from ceasefire import gazetteer
from ceasefire.accounts.models import Organisation
from ceasefire.agreements.models import Agreement, Clause
from ceasefire.agreements.selectors import get_version, scope_of
from ceasefire.domain import actors as actor_rules
from ceasefire.domain.canonical import canonical_bytes
from ceasefire.domain.casualties import CasualtyClaim, fatality_estimate, injury_estimate
from ceasefire.domain.coding import DatePrecision, IncidentType, WherePrecision, check_dates
from ceasefire.domain.errors import InvalidInput, NotFound
from ceasefire.domain.intake import (
    Channel,
    ConfidentialField,
    Confidentiality,
    SourceScale,
    TriageStatus,
    check_parties,
)
from ceasefire.domain.location import Place, locate
from ceasefire.domain.policy import AgreementScope
from ceasefire.incidents import models

MAX_NARRATIVE = 20_000
MAX_ITEMS = 50
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source the reporter cites."""

    url: str = ""
    outlet: str = ""
    published_on: date | None = None
    scale: SourceScale = SourceScale.OTHER


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a reporter enters about one incident; parties and clauses by code/number."""

    incident_type: IncidentType
    date_start: date
    place: str
    date_end: date | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    place_id: str = ""
    lat: float | None = None
    lon: float | None = None
    country: str = ""
    where_precision: WherePrecision | None = None
    origin_country: str = ""
    responsible_party: str | None = None
    affected_party: str | None = None
    actors: tuple[str, ...] = ()
    claims: tuple[CasualtyClaim, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    clauses: tuple[str, ...] = ()
    narrative: str = ""
    confidentiality: Confidentiality = Confidentiality.PARTIES
    confidential: frozenset[ConfidentialField] = frozenset()
    reporter_name: str = ""
    reporter_contact: str = ""


@dataclass(slots=True)
class Prepared:
    """A checked report: the unsaved incident and its children, and what the log commits to."""

    incident: models.Incident
    actors: list[models.IncidentActor] = field(default_factory=list)
    claims: list[models.CasualtyClaim] = field(default_factory=list)
    sources: list[models.IncidentSource] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Context:
    """What checking a report against one agreement needs, read once per request or file."""

    agreement: Agreement
    parties: Mapping[str, Organisation]
    clauses: Mapping[str, Clause]
    actors: Mapping[str, int]
    scope: AgreementScope

    @classmethod
    def of(cls, agreement: Agreement) -> Context:
        """Read the agreement's parties, current clauses and the actor registry."""
        try:
            clauses = {c.number: c for c in get_version(agreement).clauses.all()}
        except NotFound:
            clauses = {}
        return cls(
            agreement=agreement,
            parties={p.code: p for p in agreement.parties.all()},
            clauses=clauses,
            actors=dict(models.ActorAlias.objects.values_list("folded", "actor_id")),
            scope=scope_of(agreement),
        )


def _text(name: str, value: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split())
    if len(value) > limit:
        raise InvalidInput(f"{name} is at most {limit} characters", details={"field": name})
    return value


def _count(name: str, items: Sequence[object]) -> None:
    if len(items) > MAX_ITEMS:
        raise InvalidInput(f"at most {MAX_ITEMS} {name}", details={"field": name})


def _place(report: Report) -> Place | None:
    if report.place_id:
        try:
            return gazetteer.get_place(report.place_id)
        except NotFound as error:
            raise InvalidInput(error.message, details={"field": "place_id"}) from None
    return gazetteer.match(report.place) if report.place.strip() else None


def _check_sources(sources: Sequence[SourceRef]) -> None:
    _count("sources", sources)
    for source in sources:
        if source.url and not source.url.startswith(("https://", "http://")):
            raise InvalidInput(
                "a source link starts with http:// or https://", details={"field": "sources"}
            )
        if len(source.url) > 500 or len(source.outlet) > MAX_TEXT:
            raise InvalidInput("a source link or outlet is too long", details={"field": "sources"})
        if not source.url and not source.outlet.strip():
            raise InvalidInput("a source needs a link or an outlet", details={"field": "sources"})


def _commitment(report: Report, nonce: str, channel: Channel) -> str:
    """SHA-256 over the report's canonical content and a random nonce: the log commits to the
    report without disclosing it, and nobody can confirm a guessed report from the hash."""
    document = {
        "nonce": nonce,
        "channel": channel.value,
        "report": {
            "incident_type": report.incident_type.value,
            "date_start": report.date_start.isoformat(),
            "date_end": report.date_end.isoformat() if report.date_end else None,
            "date_precision": report.date_precision.value,
            "place": report.place,
            "place_id": report.place_id,
            "point": None if report.lat is None else [repr(report.lat), repr(report.lon)],
            "country": report.country,
            "origin_country": report.origin_country,
            "responsible_party": report.responsible_party,
            "affected_party": report.affected_party,
            "actors": list(report.actors),
            "claims": [
                {
                    "claimant": c.claimant,
                    "kind": c.claimant_kind.value,
                    "group": c.victim_group,
                    "killed": c.killed,
                    "killed_q": c.killed_qualifier.value,
                    "injured": c.injured,
                    "injured_q": c.injured_qualifier.value,
                }
                for c in report.claims
            ],
            "sources": [
                [s.url, s.outlet, s.published_on.isoformat() if s.published_on else None]
                for s in report.sources
            ],
            "clauses": list(report.clauses),
            "narrative": report.narrative,
            "confidentiality": report.confidentiality.value,
            "confidential": sorted(f.value for f in report.confidential),
            "reporter": [report.reporter_name, report.reporter_contact],
        },
    }
    return hashlib.sha256(canonical_bytes(document)).hexdigest()


def prepare(
    report: Report, *, context: Context, channel: Channel, received_at: datetime
) -> Prepared:
    """Check `report` under `context` and build its unsaved rows.

    Raises:
        InvalidInput: any field breaks a rule; `details["field"]` names it.
    """
    span = check_dates(report.date_start, report.date_end, report.date_precision)
    if span.start > received_at.date():
        raise InvalidInput(
            "the incident cannot start after the day it is reported",
            details={"field": "date_start"},
        )
    place = _place(report)
    location = locate(
        as_written=report.place,
        place=place,
        lat=report.lat,
        lon=report.lon,
        country=report.country,
        precision=report.where_precision,
    )
    check_parties(
        responsible=report.responsible_party,
        affected=report.affected_party,
        agreement=context.scope,
    )
    narrative = report.narrative.strip()
    if len(narrative) > MAX_NARRATIVE:
        raise InvalidInput(
            f"the narrative is at most {MAX_NARRATIVE} characters", details={"field": "narrative"}
        )
    for name in ("actors", "claims", "clauses"):
        _count(name, getattr(report, name))
    _check_sources(report.sources)
    fatalities = fatality_estimate(report.claims)
    injuries = injury_estimate(report.claims)
    unknown = [number for number in report.clauses if number not in context.clauses]
    if unknown:
        raise InvalidInput(
            f"the agreement in force has no clause {', '.join(unknown)}",
            details={"field": "clauses"},
        )
    nonce = secrets.token_hex(16)
    incident = models.Incident(
        agreement=context.agreement,
        channel=channel.value,
        received_at=received_at,
        reporter_name=_text("reporter_name", report.reporter_name),
        reporter_contact=_text("reporter_contact", report.reporter_contact),
        responsible_party=context.parties.get(report.responsible_party or ""),
        affected_party=context.parties.get(report.affected_party or ""),
        incident_type=report.incident_type.value,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision.value,
        place_as_written=location.as_written,
        place_id=location.place_id,
        place_name=location.name,
        admin1=location.admin1,
        country=location.country,
        lat=location.lat,
        lon=location.lon,
        where_precision=location.precision.value,
        place_matched=location.matched,
        origin_country=_text("origin_country", report.origin_country),
        narrative=narrative,
        confidentiality=report.confidentiality.value,
        confidential_fields=sorted(f.value for f in report.confidential),
        fatalities_low=fatalities.low,
        fatalities_best=fatalities.best,
        fatalities_high=fatalities.high,
        fatalities_vague=fatalities.vague,
        fatalities_conflicting=fatalities.conflicting,
        injured_best=injuries.best,
        content_sha256=_commitment(report, nonce, channel),
        content_nonce=nonce,
        triage_status=TriageStatus.RECEIVED.value,
    )
    prepared = Prepared(incident=incident, clauses=[context.clauses[n] for n in report.clauses])
    for position, as_written in enumerate(report.actors):
        written = _text("actors", as_written)
        if not written:
            raise InvalidInput("an actor needs a name as written", details={"field": "actors"})
        prepared.actors.append(
            models.IncidentActor(
                position=position,
                as_written=written,
                actor_id=actor_rules.resolve(written, context.actors),
            )
        )
    for position, claim in enumerate(report.claims):
        prepared.claims.append(
            models.CasualtyClaim(
                position=position,
                claimant=_text("claims", claim.claimant),
                claimant_kind=claim.claimant_kind.value,
                victim_group=_text("claims", claim.victim_group, 100),
                killed=claim.killed,
                killed_qualifier=claim.killed_qualifier.value,
                injured=claim.injured,
                injured_qualifier=claim.injured_qualifier.value,
            )
        )
    for position, source in enumerate(report.sources):
        prepared.sources.append(
            models.IncidentSource(
                position=position,
                url=source.url,
                outlet=_text("sources", source.outlet),
                published_on=source.published_on,
                scale=source.scale.value,
            )
        )
    return prepared
