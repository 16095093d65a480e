"""Writes on the agreement register: register, amend, record talks and timeline events.

Each service checks the policy, validates against the domain rules, writes rows and records one
log entry, all in one transaction (see `ledger.discipline.service`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements import timeline
from ceasefire.agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementMediator,
    AgreementVersion,
    Clause,
    Indicator,
    Obligation,
    TalksRound,
)
from ceasefire.agreements.selectors import scope_of
from ceasefire.domain import agreements as rules
from ceasefire.domain.errors import InvalidInput, NotPermitted, StaleVersion
from ceasefire.domain.events import Event
from ceasefire.domain.policy import Action, OrganisationKind, require
from ceasefire.domain.texts import ClauseDraft, check_clauses, content_sha256
from ceasefire.ledger.discipline import service
from ceasefire.ledger.services import record


@dataclass(frozen=True, slots=True)
class AgreementDetails:
    """The descriptive fields of an agreement, as a mediator enters them."""

    title: str
    venue: str
    form: rules.AgreementForm
    signed_on: date | None
    effective_from: date | None
    effective_until: date | None
    summary: str = ""


def _check_details(details: AgreementDetails) -> None:
    if not details.title.strip() or len(details.title) > 200:
        raise InvalidInput(
            "the title is required (at most 200 characters)", details={"field": "title"}
        )
    rules.check_term(
        rules.Term(details.effective_from, details.effective_until), signed_on=details.signed_on
    )


def _check_organisations(
    parties: Sequence[Organisation], mediators: Sequence[tuple[Organisation, rules.MediatorRole]]
) -> None:
    if len(parties) < 2 or len({p.pk for p in parties}) != len(parties):
        raise InvalidInput(
            "an agreement needs at least two distinct parties", details={"field": "parties"}
        )
    if any(p.kind != OrganisationKind.PARTY.value for p in parties):
        raise InvalidInput("every party must be a party organisation", details={"field": "parties"})
    codes = [organisation.code for organisation, _ in mediators]
    if len(set(codes)) != len(codes):
        raise InvalidInput("a mediator is listed twice", details={"field": "mediators"})
    if any(organisation.kind != OrganisationKind.MEDIATOR.value for organisation, _ in mediators):
        raise InvalidInput(
            "every mediator must be a mediator organisation", details={"field": "mediators"}
        )


def _write_version(
    *,
    agreement: Agreement,
    number: int,
    text: str,
    change_note: str,
    clauses: Sequence[ClauseDraft],
    actor: User,
    adopted_on: date,
) -> AgreementVersion:
    parties = {p.code: p for p in agreement.parties.all()}
    check_clauses(clauses, parties=frozenset(parties))
    version = AgreementVersion.objects.create(
        agreement=agreement,
        number=number,
        text=text,
        change_note=change_note.strip(),
        adopted_on=adopted_on,
        content_sha256=content_sha256(text, clauses),
        created_at=timezone.now(),
        created_by=actor,
    )
    for position, draft in enumerate(clauses):
        clause = Clause.objects.create(
            version=version,
            position=position,
            number=draft.number,
            heading=draft.heading,
            text=draft.text,
        )
        for item_position, item in enumerate(draft.obligations):
            obligation = Obligation.objects.create(
                clause=clause,
                position=item_position,
                party=parties[item.party] if item.party else None,
                kind=item.kind.value,
                requirement=item.requirement,
                due_on=item.due_on,
                due_days=item.due_days,
                recurrence_days=item.recurrence_days,
            )
            Indicator.objects.bulk_create(
                Indicator(obligation=obligation, position=i, description=text)
                for i, text in enumerate(item.indicators)
            )
    return version


@service
def register_agreement(
    *,
    actor: User,
    details: AgreementDetails,
    parties: Sequence[Organisation],
    mediators: Sequence[tuple[Organisation, rules.MediatorRole]],
    text: str,
    clauses: Sequence[ClauseDraft],
) -> Agreement:
    """Register an agreement with its parties, mediators and first text version."""
    require(actor.as_actor(), Action.REGISTER_AGREEMENT)
    _check_details(details)
    _check_organisations(parties, mediators)
    if actor.organisation_id not in {organisation.pk for organisation, _ in mediators}:
        raise NotPermitted("a mediator registers only agreements their organisation mediates")
    agreement = Agreement.objects.create(
        title=details.title.strip(),
        venue=details.venue.strip(),
        form=details.form.value,
        signed_on=details.signed_on,
        effective_from=details.effective_from,
        effective_until=details.effective_until,
        summary=details.summary.strip(),
        created_at=timezone.now(),
        created_by=actor,
    )
    agreement.parties.set(parties)
    AgreementMediator.objects.bulk_create(
        AgreementMediator(agreement=agreement, organisation=organisation, role=role.value)
        for organisation, role in mediators
    )
    version = _write_version(
        agreement=agreement,
        number=1,
        text=text,
        change_note="original text",
        clauses=clauses,
        actor=actor,
        adopted_on=details.signed_on or timezone.now().date(),
    )
    record(
        actor=actor,
        event=Event(
            "agreement.registered",
            f"agreement:{agreement.pk}",
            {
                "title": agreement.title,
                "form": agreement.form,
                "signed_on": _iso(agreement.signed_on),
                "effective_from": _iso(agreement.effective_from),
                "effective_until": _iso(agreement.effective_until),
                "parties": sorted(p.code for p in parties),
                "mediators": [{"code": o.code, "role": role.value} for o, role in mediators],
                "version": 1,
                "adopted_on": version.adopted_on.isoformat(),
                "content_sha256": version.content_sha256,
            },
        ),
    )
    return agreement


@service
def amend_agreement(
    *,
    actor: User,
    agreement: Agreement,
    based_on_version: int,
    text: str,
    change_note: str,
    clauses: Sequence[ClauseDraft],
    adopted_on: date | None = None,
) -> AgreementVersion:
    """Adopt a new version of an agreement's text; earlier versions stay as they were."""
    require(actor.as_actor(), Action.AMEND_AGREEMENT, agreement=scope_of(agreement))
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    latest = locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
    if based_on_version != latest:
        raise StaleVersion(
            f"version {latest} is now current; review it and amend again",
            details={"current_version": latest},
        )
    if not change_note.strip():
        raise InvalidInput("say what the amendment changes", details={"field": "change_note"})
    adopted_on = adopted_on or timezone.now().date()
    previous = locked.versions.get(number=latest).adopted_on
    if adopted_on < previous:
        raise InvalidInput(
            f"an amendment cannot be adopted before version {latest} ({previous.isoformat()})",
            details={"field": "adopted_on"},
        )
    version = _write_version(
        agreement=locked,
        number=latest + 1,
        text=text,
        change_note=change_note,
        clauses=clauses,
        actor=actor,
        adopted_on=adopted_on,
    )
    record(
        actor=actor,
        event=Event(
            "agreement.amended",
            f"agreement:{locked.pk}",
            {
                "version": version.number,
                "amends": latest,
                "adopted_on": adopted_on.isoformat(),
                "change_note": version.change_note,
                "content_sha256": version.content_sha256,
            },
        ),
    )
    return version


@service
def record_talks_round(
    *,
    actor: User,
    agreement: Agreement,
    name: str,
    venue: str,
    host: Organisation | None,
    starts_on: date,
    ends_on: date | None,
    outcome: rules.TalksOutcome,
    summary: str,
    next_meeting_on: date | None,
) -> TalksRound:
    """Record a round of talks held (or planned) on an agreement."""
    require(actor.as_actor(), Action.RECORD_TALKS_ROUND, agreement=scope_of(agreement))
    if not name.strip() or not venue.strip():
        raise InvalidInput("a talks round needs a name and a venue", details={"field": "name"})
    if ends_on is not None and ends_on < starts_on:
        raise InvalidInput("the round ends before it starts", details={"field": "ends_on"})
    if next_meeting_on is not None and next_meeting_on < starts_on:
        raise InvalidInput(
            "the next meeting is before this round", details={"field": "next_meeting_on"}
        )
    talks = TalksRound.objects.create(
        agreement=agreement,
        name=name.strip(),
        venue=venue.strip(),
        host=host,
        starts_on=starts_on,
        ends_on=ends_on,
        outcome=outcome.value,
        summary=summary.strip(),
        next_meeting_on=next_meeting_on,
        created_at=timezone.now(),
        created_by=actor,
    )
    record(
        actor=actor,
        event=Event(
            "talks_round.recorded",
            f"agreement:{agreement.pk}",
            {
                "talks_round": talks.pk,
                "name": talks.name,
                "venue": talks.venue,
                "host": host.code if host else None,
                "starts_on": starts_on.isoformat(),
                "ends_on": _iso(ends_on),
                "outcome": outcome.value,
                "next_meeting_on": _iso(next_meeting_on),
            },
        ),
    )
    return talks


@service
def record_agreement_event(
    *,
    actor: User,
    agreement: Agreement,
    kind: rules.EventKind,
    occurred_on: date,
    description: str,
    effective_until: date | None = None,
    source_url: str = "",
    talks_round: TalksRound | None = None,
) -> AgreementEvent:
    """Record a dated fact on the timeline; liaison officers record their own party's statements."""
    event, logged = timeline.write_event(
        actor=actor,
        agreement=agreement,
        kind=kind,
        occurred_on=occurred_on,
        description=description,
        effective_until=effective_until,
        source_url=source_url,
        talks_round=talks_round,
    )
    record(actor=actor, event=logged)
    return event


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
