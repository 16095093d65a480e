"""Writing a dated fact on an agreement's timeline, shared by the service that records one
and the news desk that accepts one from an article: both check it the same way and log the
same event. Writes rows; the caller (a service) records the returned event.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.utils import timezone

from ceasefire.accounts.models import User
from ceasefire.agreements.models import Agreement, AgreementEvent, TalksRound
from ceasefire.agreements.selectors import scope_of
from ceasefire.domain import agreements as rules
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.events import Event
from ceasefire.domain.policy import Action, require


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_event(
    *,
    actor: User,
    agreement: Agreement,
    kind: rules.EventKind,
    occurred_on: date,
    description: str,
    effective_until: date | None = None,
    source_url: str = "",
    talks_round: TalksRound | None = None,
) -> tuple[AgreementEvent, Event]:
    """Check and write one timeline fact; return the row and the log event to record."""
    scope = scope_of(agreement)
    actor_view = actor.as_actor()
    declared_by = None
    if kind in rules.PARTY_STATEMENT_KINDS and actor_view.organisation in scope.parties:
        require(actor_view, Action.DECLARE_PARTY_STATEMENT, agreement=scope)
        declared_by = actor.organisation
    else:
        require(actor_view, Action.RECORD_AGREEMENT_EVENT, agreement=scope)
    rules.check_event(kind, effective_until=effective_until, occurred_on=occurred_on)
    if not description.strip():
        raise InvalidInput("describe the event", details={"field": "description"})
    if talks_round is not None and talks_round.agreement_id != agreement.pk:
        raise InvalidInput(
            "that talks round belongs to another agreement", details={"field": "talks_round"}
        )
    event = AgreementEvent.objects.create(
        agreement=agreement,
        kind=kind.value,
        occurred_on=occurred_on,
        effective_until=effective_until,
        description=description.strip(),
        declared_by=declared_by,
        source_url=source_url.strip(),
        talks_round=talks_round,
        created_at=timezone.now(),
        created_by=actor,
    )
    logged = Event(
        "agreement_event.recorded",
        f"agreement:{agreement.pk}",
        {
            "agreement_event": event.pk,
            "kind": kind.value,
            "occurred_on": occurred_on.isoformat(),
            "effective_until": _iso(effective_until),
            "declared_by": declared_by.code if declared_by else None,
            "description_sha256": _sha256(event.description),
            "source_url": event.source_url or None,
            "talks_round": talks_round.pk if talks_round else None,
        },
    )
    return event, logged
