"""Recoding a report: the new coding replaces the old, which is kept in a revision.

`apply_revision` checks and writes one revision and returns the log event to record, like
`agreements.timeline.write_event`: `incidents.services.revise_incident` records it on its own,
and the news desk records it with the candidate it accepts (`newsdesk.services.add_to_report`),
so each write is one log entry.
"""

from __future__ import annotations

import hashlib

from django.utils import timezone

from ceasefire.accounts.models import User
from ceasefire.agreements.selectors import scope_of
from ceasefire.domain.errors import InvalidInput, StaleVersion
from ceasefire.domain.events import Event
from ceasefire.domain.intake import Channel
from ceasefire.domain.policy import Action, require
from ceasefire.incidents import models, parsing
from ceasefire.incidents.reports import Context, Report, prepare
from ceasefire.incidents.writes import write_children

_CODED_FIELDS = [
    "responsible_party",
    "affected_party",
    "incident_type",
    "date_start",
    "date_end",
    "date_precision",
    "place_as_written",
    "place_id",
    "place_name",
    "admin1",
    "country",
    "lat",
    "lon",
    "where_precision",
    "place_matched",
    "origin_country",
    "narrative",
    "confidentiality",
    "confidential_fields",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "fatalities_vague",
    "fatalities_conflicting",
    "injured_best",
    "content_sha256",
    "content_nonce",
]


def apply_revision(
    *,
    actor: User,
    incident: models.Incident,
    report: Report,
    reason: str,
    version: int | None = None,
) -> tuple[models.Incident, Event]:
    """Check and write a revision of `incident` by `actor`; return the report and the log
    event to record (see the module docstring).

    Raises:
        StaleVersion: the report changed since the monitor read it.
        InvalidInput: no reason, or the new coding breaks a rule.
    """
    incident = (
        models.Incident.objects.select_for_update(of=("self",))
        .select_related("agreement", "responsible_party", "affected_party")
        .get(pk=incident.pk)
    )
    require(actor.as_actor(), Action.REVISE_INCIDENT, agreement=scope_of(incident.agreement))
    if version is not None and version != incident.version:
        raise StaleVersion(
            "the report changed since you opened it; reload it and revise again",
            details={"expected": version, "actual": incident.version},
        )
    reason = reason.strip()
    if not reason or len(reason) > 5000:
        raise InvalidInput(
            "say why the report is recoded (at most 5,000 characters)",
            details={"field": "reason"},
        )
    if report.reporter_name or report.reporter_contact:
        raise InvalidInput(
            "a revision recodes the incident; the reporter's details stay as filed",
            details={"field": "reporter_name"},
        )
    replaced = parsing.mapping_from_incident(incident)
    prepared = prepare(
        report,
        context=Context.of(incident.agreement),
        channel=Channel(incident.channel),
        received_at=incident.received_at,
    )
    for name in _CODED_FIELDS:
        setattr(incident, name, getattr(prepared.incident, name))
    incident.version += 1
    incident.save(update_fields=[*_CODED_FIELDS, "version"])
    for child in (models.IncidentActor, models.CasualtyClaim, models.IncidentSource):
        child.objects.filter(incident=incident).delete()
    incident.clauses.clear()
    prepared.incident = incident
    write_children([prepared], [incident])
    models.IncidentRevision.objects.create(
        incident=incident,
        number=incident.version,
        reason=reason,
        replaced=replaced,
        content_sha256=incident.content_sha256,
        revised_by=actor,
        revised_at=timezone.now(),
    )
    payload = {
        "content_sha256": incident.content_sha256,
        "reason_sha256": hashlib.sha256(reason.encode()).hexdigest(),
        "version": incident.version,
    }
    return incident, Event("incident.revised", incident.subject, payload)
