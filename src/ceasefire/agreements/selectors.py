"""Reads on the agreement register. Agreements are public record: every viewer sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from ceasefire.agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementVersion,
    Clause,
    Obligation,
    TalksRound,
)
from ceasefire.domain import agreements as rules
from ceasefire.domain.errors import NotFound
from ceasefire.domain.policy import Action, Actor, AgreementScope, can


def agreements_visible_to(viewer: Actor) -> QuerySet[Agreement]:
    """Return the agreements the viewer may read (all of them: the register is public)."""
    if not can(viewer, Action.VIEW_AGREEMENT):
        return Agreement.objects.none()
    return Agreement.objects.prefetch_related("parties", "mediator_links__organisation", "events")


def list_agreements(*, viewer: Actor) -> QuerySet[Agreement]:
    """Return the agreements visible to the viewer, newest first."""
    return agreements_visible_to(viewer)


def get_agreement(agreement_id: int, *, viewer: Actor) -> Agreement:
    """Return one agreement.

    Raises:
        NotFound: no such agreement, or not visible.
    """
    try:
        return agreements_visible_to(viewer).get(pk=agreement_id)
    except (Agreement.DoesNotExist, ValueError):
        raise NotFound(f"no agreement {agreement_id}") from None


def scope_of(agreement: Agreement) -> AgreementScope:
    """Return the parties and mediators of an agreement for permission checks."""
    return AgreementScope(
        parties=frozenset(agreement.parties.values_list("code", flat=True)),
        mediators=frozenset(agreement.mediator_links.values_list("organisation__code", flat=True)),
    )


def _versions() -> QuerySet[AgreementVersion]:
    obligations = Obligation.objects.select_related("party").prefetch_related("indicators")
    clauses = Clause.objects.prefetch_related(Prefetch("obligations", queryset=obligations))
    return AgreementVersion.objects.select_related("created_by").prefetch_related(
        Prefetch("clauses", queryset=clauses)
    )


def list_versions(agreement: Agreement) -> QuerySet[AgreementVersion]:
    """Return every version of an agreement, oldest first, with clauses and obligations."""
    return _versions().filter(agreement=agreement).order_by("number")


def get_version(agreement: Agreement, number: int | None = None) -> AgreementVersion:
    """Return one version (the current one when `number` is None).

    Raises:
        NotFound: no such version.
    """
    versions = _versions().filter(agreement=agreement).order_by("-number")
    version = versions.first() if number is None else versions.filter(number=number).first()
    if version is None:
        raise NotFound(f"no version {number} of this agreement")
    return version


def status_of(agreement: Agreement, *, as_of: date) -> rules.AgreementStatus:
    """Compute the agreement's status on `as_of` from its term and timeline."""
    events = [event.as_domain() for event in agreement.events.all()]
    return rules.agreement_status(agreement.as_term(), events, as_of=as_of)


def list_events(agreement: Agreement) -> QuerySet[AgreementEvent]:
    """Return the agreement's timeline events, oldest first."""
    return agreement.events.select_related("declared_by", "talks_round").order_by(
        "occurred_on", "id"
    )


def list_talks_rounds(agreement: Agreement) -> QuerySet[TalksRound]:
    """Return the agreement's talks rounds, oldest first."""
    return agreement.talks_rounds.select_related("host").order_by("starts_on", "id")


def get_talks_round(agreement: Agreement, talks_round_id: int) -> TalksRound:
    """Return one talks round of the agreement.

    Raises:
        NotFound: no such round on this agreement.
    """
    found = agreement.talks_rounds.filter(pk=talks_round_id).first()
    if found is None:
        raise NotFound(f"no talks round {talks_round_id} on this agreement")
    return found


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One line of an agreement's timeline: an event or a talks round."""

    on: date
    until: date | None
    kind: str
    title: str
    detail: str
    declared_by: str | None


def timeline(agreement: Agreement) -> list[TimelineItem]:
    """Merge talks rounds and agreement events into one dated timeline."""
    items = [
        TimelineItem(
            on=r.starts_on,
            until=r.ends_on,
            kind="talks_round",
            title=f"{r.name} ({r.venue})",
            detail=f"Outcome: {r.get_outcome_display()}. {r.summary}".strip(),
            declared_by=None,
        )
        for r in list_talks_rounds(agreement)
    ]
    items += [
        TimelineItem(
            on=e.occurred_on,
            until=e.effective_until,
            kind=e.kind,
            title=e.get_kind_display().capitalize(),
            detail=e.description,
            declared_by=e.declared_by.code if e.declared_by else None,
        )
        for e in list_events(agreement)
    ]
    return sorted(items, key=lambda item: (item.on, item.kind))
