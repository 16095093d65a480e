"""Writes of incident intake: report (any channel), import a file, triage, the actor registry.

Every report and every triage decision is one log entry whose subject is `incident:<id>`.
The entry commits to the report's content by a salted SHA-256 and carries no confidential
field, since the log is public: who reported and what they marked confidential stay in the
database, behind the disclosure rules of `domain.intake`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from django.utils import timezone

from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements.models import Agreement
from ceasefire.agreements.selectors import scope_of
from ceasefire.domain import actors as actor_rules
from ceasefire.domain.errors import Conflict, InvalidInput, InvalidTransition, StaleVersion
from ceasefire.domain.events import Event
from ceasefire.domain.intake import Channel, TriageStatus, check_triage
from ceasefire.domain.names import fold
from ceasefire.domain.policy import PUBLIC, Action, Role, require
from ceasefire.incidents import models
from ceasefire.incidents.reports import Context, Prepared, Report, prepare
from ceasefire.incidents.revisions import apply_revision
from ceasefire.incidents.writes import reported_event, write_reports
from ceasefire.ledger.discipline import batch_service, service
from ceasefire.ledger.services import record, record_batch


def _channel_of(actor: User) -> Channel:
    return Channel.LIAISON if actor.role == Role.LIAISON_OFFICER.value else Channel.MONITOR


@service
def report_incident(*, actor: User, agreement: Agreement, report: Report) -> models.Incident:
    """File a report as a party's liaison officer (for their own party) or as a monitor."""
    require(actor.as_actor(), Action.REPORT_INCIDENT, agreement=scope_of(agreement))
    channel = _channel_of(actor)
    if report.reporter_name or report.reporter_contact:
        raise InvalidInput(
            "signed-in reporters are known by their account; leave name and contact empty",
            details={"field": "reporter_name"},
        )
    prepared = prepare(
        report, context=Context.of(agreement), channel=channel, received_at=timezone.now()
    )
    prepared.incident.reported_by = actor
    if channel is Channel.LIAISON:
        prepared.incident.filing_party = actor.organisation
    (incident,) = write_reports([prepared])
    record(actor=actor, event=reported_event(incident))
    return incident


@service
def report_publicly(*, agreement: Agreement, report: Report) -> models.Incident:
    """File a report from the public form: anonymous, or with an optional name and contact.

    Nothing identifies the submitter unless they typed it, and what they typed is shown only
    to the mechanism (domain.intake.disclosure).
    """
    require(PUBLIC, Action.REPORT_PUBLICLY)
    prepared = prepare(
        report, context=Context.of(agreement), channel=Channel.PUBLIC, received_at=timezone.now()
    )
    (incident,) = write_reports([prepared])
    record(actor=None, event=reported_event(incident))
    return incident


class RowErrors(InvalidInput):
    """A file with rows that break the rules: `details["rows"]` lists each row and why."""


@batch_service
def import_incidents(
    *,
    actor: User,
    agreement: Agreement,
    rows: Sequence[Report | InvalidInput],
    content: bytes,
    skip_invalid: bool = False,
) -> list[models.Incident]:
    """Import a file's reports as one all-or-nothing batch, one log entry per incident.

    `rows` are the parsed rows in file order, each a report or the error that parsing it
    raised. A file with any bad row imports nothing and the error names every bad row,
    unless `skip_invalid` asks to import the good rows anyway.

    Raises:
        RowErrors: a row is invalid (and `skip_invalid` is false), or no row is valid.
    """
    require(actor.as_actor(), Action.IMPORT_INCIDENTS)
    require(actor.as_actor(), Action.REPORT_INCIDENT, agreement=scope_of(agreement))
    context, now = Context.of(agreement), timezone.now()
    batch = hashlib.sha256(content).hexdigest()
    good: list[Prepared] = []
    errors: list[dict[str, object]] = []
    for number, row in enumerate(rows, start=1):
        try:
            if isinstance(row, InvalidInput):
                raise row
            good.append(prepare(row, context=context, channel=Channel.IMPORT, received_at=now))
        except InvalidInput as error:
            errors.append(
                {"row": number, "field": error.details.get("field"), "error": error.message}
            )
    if (errors and not skip_invalid) or not good:
        message = f"{len(errors)} of {len(rows)} rows are invalid; nothing was imported"
        if not rows:
            message = "the file has no rows; nothing was imported"
        raise RowErrors(message, details={"rows": errors[:1000], "invalid": len(errors)})
    for item in good:
        item.incident.reported_by = actor
        item.incident.batch_sha256 = batch
    incidents = write_reports(good)
    record_batch(actor=actor, events=[reported_event(incident) for incident in incidents])
    return incidents


def _decide(
    actor: User,
    incident: models.Incident,
    *,
    decision: TriageStatus,
    note: str,
    duplicate_of: models.Incident | None,
) -> Event:
    require(actor.as_actor(), Action.TRIAGE_INCIDENT, agreement=scope_of(incident.agreement))
    target = None
    if duplicate_of is not None:
        if duplicate_of.agreement_id != incident.agreement_id:
            raise InvalidInput(
                "a duplicate must be of a report under the same agreement",
                details={"field": "duplicate_of"},
            )
        duplicate_of = models.Incident.objects.get(pk=duplicate_of.pk)
        while duplicate_of.duplicate_of_id is not None:  # link to the original, not a copy
            duplicate_of = models.Incident.objects.get(pk=duplicate_of.duplicate_of_id)
        target = duplicate_of.subject
    check_triage(
        TriageStatus(incident.triage_status),
        decision,
        note=note,
        duplicate_of=target,
        subject=incident.subject,
    )
    if len(note) > 5000:
        raise InvalidInput("the note is at most 5,000 characters", details={"field": "note"})
    incident.triage_status = decision.value
    incident.duplicate_of = duplicate_of
    incident.triage_note = note.strip()
    incident.triaged_by = actor
    incident.triaged_at = timezone.now()
    incident.version += 1
    payload = {
        "decision": decision.value,
        "duplicate_of": target,
        "note_sha256": hashlib.sha256(incident.triage_note.encode()).hexdigest(),
        "version": incident.version,
    }
    return Event("incident.triaged", incident.subject, payload)


_TRIAGE_FIELDS = ["triage_status", "duplicate_of", "triage_note", "triaged_by", "triaged_at"]


@service
def triage_incident(
    *,
    actor: User,
    incident: models.Incident,
    decision: TriageStatus,
    note: str = "",
    duplicate_of: models.Incident | None = None,
    version: int | None = None,
) -> models.Incident:
    """Record one triage decision; `version` (if given) must be the one the decider saw.

    Raises:
        StaleVersion: someone else triaged the report since.
    """
    incident = (
        models.Incident.objects.select_for_update(of=("self",))
        .select_related("agreement")
        .get(pk=incident.pk)
    )
    if version is not None and version != incident.version:
        raise StaleVersion(
            "someone else triaged this report meanwhile; reload it and decide again",
            details={"expected": version, "actual": incident.version},
        )
    event = _decide(actor, incident, decision=decision, note=note, duplicate_of=duplicate_of)
    incident.save(update_fields=[*_TRIAGE_FIELDS, "version"])
    record(actor=actor, event=event)
    return incident


@batch_service
def triage_incidents(
    *,
    actor: User,
    incidents: Iterable[models.Incident],
    decision: TriageStatus,
    note: str = "",
    duplicate_of: models.Incident | None = None,
) -> list[models.Incident]:
    """Apply one decision to many reports at once: all of them, or none if one is refused."""
    ids = sorted({incident.pk for incident in incidents})
    if not ids:
        raise InvalidInput("select at least one report", details={"field": "incidents"})
    rows = list(
        models.Incident.objects.select_for_update(of=("self",))
        .select_related("agreement")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    events = []
    for incident in rows:
        try:
            events.append(
                _decide(actor, incident, decision=decision, note=note, duplicate_of=duplicate_of)
            )
        except (InvalidInput, InvalidTransition) as error:
            details = {**error.details, "incident": incident.pk}
            raise type(error)(f"report #{incident.pk}: {error.message}", details=details) from None
    models.Incident.objects.bulk_update(rows, [*_TRIAGE_FIELDS, "version"])
    record_batch(actor=actor, events=events)
    return rows


@service
def revise_incident(
    *,
    actor: User,
    incident: models.Incident,
    report: Report,
    reason: str,
    version: int | None = None,
) -> models.Incident:
    """Recode a report (monitors): the new coding replaces the old, which is kept with the
    reason in a revision; who reported, through which channel, and the triage stay as they are.

    Raises:
        StaleVersion: the report changed since the monitor read it.
        InvalidInput: no reason, or the new coding breaks a rule.
    """
    incident, event = apply_revision(
        actor=actor, incident=incident, report=report, reason=reason, version=version
    )
    record(actor=actor, event=event)
    return incident


@service
def register_actor(
    *,
    actor: User,
    code: str,
    name: str,
    kind: actor_rules.ActorKind,
    organisation: Organisation | None = None,
    aliases: Sequence[str] = (),
    description: str = "",
) -> models.Actor:
    """Add a normalised actor to the registry with its aliases (its name is one of them)."""
    require(actor.as_actor(), Action.MANAGE_ACTORS)
    folded = actor_rules.check_actor(code=code, name=name, aliases=aliases)
    if models.Actor.objects.filter(code=code).exists():
        raise Conflict(f"an actor {code} is already registered", details={"field": "code"})
    taken = list(
        models.ActorAlias.objects.filter(folded__in=folded).values_list("alias", flat=True)
    )
    if taken:
        raise Conflict(
            f"already an alias of another actor: {', '.join(taken)}", details={"field": "aliases"}
        )
    written = {fold(text): text.strip() for text in [name, *aliases]}
    entry = models.Actor.objects.create(
        code=code,
        name=name.strip(),
        kind=kind.value,
        organisation=organisation,
        description=description.strip(),
        created_at=timezone.now(),
    )
    models.ActorAlias.objects.bulk_create(
        models.ActorAlias(actor=entry, alias=written[key], folded=key) for key in folded
    )
    payload = {
        "code": code,
        "name": entry.name,
        "kind": kind.value,
        "organisation": organisation.code if organisation else None,
        "aliases": [written[key] for key in folded],
    }
    record(actor=actor, event=Event("actor.registered", f"actor:{code}", payload))
    return entry


@service
def add_actor_alias(*, actor: User, target: models.Actor, alias: str) -> models.ActorAlias:
    """Add one more way of writing an actor's name."""
    require(actor.as_actor(), Action.MANAGE_ACTORS)
    (folded,) = actor_rules.check_actor(code=target.code, name=alias, aliases=())
    owner = models.ActorAlias.objects.filter(folded=folded).select_related("actor").first()
    if owner is not None:
        raise Conflict(
            f"“{alias}” is already an alias of {owner.actor.code}", details={"field": "alias"}
        )
    entry = models.ActorAlias.objects.create(actor=target, alias=alias.strip(), folded=folded)
    payload = {"alias": entry.alias}
    record(actor=actor, event=Event("actor.alias_added", f"actor:{target.code}", payload))
    return entry
