"""Writing prepared reports and their children, shared by every way a report arrives (a form,
the API, the public form, an import, an accepted news candidate). Writes rows only; the
calling service records `reported_event(...)` for each report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ceasefire.domain.events import Event
from ceasefire.incidents import models
from ceasefire.incidents.reports import Prepared


def reported_event(incident: models.Incident, **extra: object) -> Event:
    """The log event of a new report: what it commits to, nothing it discloses."""
    payload: dict[str, object] = {
        "agreement": incident.agreement_id,
        "channel": incident.channel,
        "content_sha256": incident.content_sha256,
    }
    if incident.batch_sha256:
        payload["batch_sha256"] = incident.batch_sha256
    payload.update(extra)
    return Event("incident.reported", incident.subject, payload)


def write_reports(prepared: Sequence[Prepared]) -> list[models.Incident]:
    """Insert prepared reports and their children in a few bulk statements."""
    incidents = models.Incident.objects.bulk_create([p.incident for p in prepared])
    write_children(prepared, incidents)
    return incidents


def write_children(prepared: Sequence[Prepared], incidents: Sequence[models.Incident]) -> None:
    actors: list[models.IncidentActor] = []
    claims: list[models.CasualtyClaim] = []
    sources: list[models.IncidentSource] = []
    through = models.Incident.clauses.through
    links: list[Any] = []
    for item, incident in zip(prepared, incidents, strict=True):
        for actor in item.actors:
            actor.incident = incident
        for claim in item.claims:
            claim.incident = incident
        for source in item.sources:
            source.incident = incident
        actors.extend(item.actors)
        claims.extend(item.claims)
        sources.extend(item.sources)
        links.extend(through(incident_id=incident.pk, clause_id=c.pk) for c in item.clauses)
    models.IncidentActor.objects.bulk_create(actors)
    models.CasualtyClaim.objects.bulk_create(claims)
    models.IncidentSource.objects.bulk_create(sources)
    through.objects.bulk_create(links)
