"""Agreements, their versioned text, obligations per party, and status computed from events.

An agreement's text is versioned: an amendment is a new version and old versions stay
readable. Its status is never stored; it is a fold over dated agreement events as of a day, so
any past day's status can be recomputed and argued over with the same answer. Party
statements (e.g. a declared breach) are facts about what a party said, not findings: they never
change the status. Must not import anything outside the standard library.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from ceasefire.domain.errors import InvalidInput


class AgreementForm(StrEnum):
    """How the agreement was made: the Doha talks showed a verbal understanding is weaker."""

    SIGNED_TEXT = "signed_text"
    JOINT_STATEMENT = "joint_statement"
    VERBAL_UNDERSTANDING = "verbal_understanding"


class MediatorRole(StrEnum):
    """What a third state or body does for the agreement."""

    MEDIATOR = "mediator"
    GUARANTOR = "guarantor"
    HOST = "host"


class ObligationKind(StrEnum):
    """What an obligation asks: to refrain, to act, or to follow a procedure."""

    PROHIBITION = "prohibition"
    POSITIVE_ACTION = "positive_action"
    PROCEDURAL = "procedural"


class EventKind(StrEnum):
    """Dated facts on an agreement's timeline."""

    CEASEFIRE_DECLARED = "ceasefire_declared"
    CEASEFIRE_EXTENDED = "ceasefire_extended"
    CEASEFIRE_SUSPENDED = "ceasefire_suspended"
    CEASEFIRE_RESUMED = "ceasefire_resumed"
    CEASEFIRE_COLLAPSED = "ceasefire_collapsed"
    TALKS_ROUND_HELD = "talks_round_held"
    MECHANISM_AGREED = "mechanism_agreed"
    STATEMENT_OF_BREACH = "statement_of_breach"
    UNILATERAL_MEASURE = "unilateral_measure"
    TERMINATED = "terminated"
    OTHER = "other"


# Kinds a party's liaison officer may declare in the name of their own party.
PARTY_STATEMENT_KINDS: Final = frozenset(
    {EventKind.STATEMENT_OF_BREACH, EventKind.UNILATERAL_MEASURE}
)


class AgreementStatus(StrEnum):
    """Where an agreement stands on a given day."""

    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    COLLAPSED = "collapsed"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class TalksOutcome(StrEnum):
    """How a round of talks ended."""

    AGREEMENT = "agreement"
    JOINT_STATEMENT = "joint_statement"
    EXTENSION = "extension"
    ADJOURNED = "adjourned"
    FAILED = "failed"
    ONGOING = "ongoing"
    PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated agreement event, as the status fold needs it."""

    kind: EventKind
    occurred_on: date
    effective_until: date | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """An agreement's own dates: when it takes effect and when its mandate ends."""

    effective_from: date | None
    effective_until: date | None


_STATUS_AFTER: Final = {
    EventKind.CEASEFIRE_DECLARED: AgreementStatus.IN_FORCE,
    EventKind.CEASEFIRE_EXTENDED: AgreementStatus.IN_FORCE,
    EventKind.CEASEFIRE_RESUMED: AgreementStatus.IN_FORCE,
    EventKind.CEASEFIRE_SUSPENDED: AgreementStatus.SUSPENDED,
    EventKind.CEASEFIRE_COLLAPSED: AgreementStatus.COLLAPSED,
    EventKind.TERMINATED: AgreementStatus.TERMINATED,
}


def agreement_status(
    term: Term, events: Iterable[TimelineEvent], *, as_of: date
) -> AgreementStatus:
    """Compute the agreement's status on `as_of` from its term and the events up to that day.

    Events on the same day apply in a fixed order (by kind) so that the answer never depends
    on the order rows came back from the database.
    """
    status = AgreementStatus.NOT_YET_IN_FORCE
    if term.effective_from is not None and term.effective_from <= as_of:
        status = AgreementStatus.IN_FORCE
    until = term.effective_until
    for event in sorted(events, key=lambda e: (e.occurred_on, e.kind.value)):
        if event.occurred_on > as_of:
            break
        if event.kind in _STATUS_AFTER:
            status = _STATUS_AFTER[event.kind]
        if event.kind is EventKind.CEASEFIRE_EXTENDED:
            until = event.effective_until
    if status is AgreementStatus.IN_FORCE and until is not None and as_of > until:
        return AgreementStatus.EXPIRED
    return status


def check_term(term: Term, *, signed_on: date | None) -> None:
    """Check that an agreement's dates make sense together.

    Raises:
        InvalidInput: the mandate ends before it starts, or it takes effect before signature.
    """
    start, end = term.effective_from, term.effective_until
    if start is not None and end is not None and end < start:
        raise InvalidInput(
            "effective until is before effective from", details={"field": "effective_until"}
        )
    if signed_on is not None and start is not None and start < signed_on:
        raise InvalidInput(
            "it cannot take effect before it was signed", details={"field": "effective_from"}
        )


def check_event(kind: EventKind, *, effective_until: date | None, occurred_on: date) -> None:
    """Check one agreement event's own fields (an extension without an end date is open-ended).

    Raises:
        InvalidInput: an end date on an event that cannot carry one, or before the event.
    """
    if effective_until is not None and kind is not EventKind.CEASEFIRE_EXTENDED:
        raise InvalidInput(
            "only an extension carries a new end date", details={"field": "effective_until"}
        )
    if effective_until is not None and effective_until < occurred_on:
        raise InvalidInput(
            "the new end date is before the event", details={"field": "effective_until"}
        )
