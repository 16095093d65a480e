"""Incident intake: channels, confidentiality, who sees what, and the triage transition table.

The mechanism is symmetric: either party's liaison officers may allege against the other,
monitors report on their own initiative, and the public may report anonymously. What a viewer
sees of a report depends only on their audience (mechanism staff, the filing party, the other
party, the public), the report's confidentiality level and the fields its filer marked
confidential; the rules are data here so that pages, API and exports apply the same ones.
The reporter's identity and contact never reach the other party or the public (mechanism.md §6
rules 5 and 6). Must not import anything outside the standard library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from ceasefire.domain.coding import WherePrecision
from ceasefire.domain.errors import InvalidInput, InvalidTransition
from ceasefire.domain.policy import Actor, AgreementScope, Role


class Channel(StrEnum):
    """How a report reached the mechanism."""

    LIAISON = "liaison"
    MONITOR = "monitor"
    PUBLIC = "public"
    IMPORT = "import"
    NEWS = "news"


class Confidentiality(StrEnum):
    """Who may see a report at all: everyone once in remit, the parties, or the mechanism."""

    PUBLIC = "public"
    PARTIES = "parties"
    MECHANISM = "mechanism"


class ConfidentialField(StrEnum):
    """Parts of a report its filer may withhold from the other party and the public."""

    NARRATIVE = "narrative"
    LOCATION = "location"
    ACTORS = "actors"
    SOURCES = "sources"
    CASUALTIES = "casualties"


class SourceScale(StrEnum):
    """How widely a cited source reports (ACLED `source_scale`; it says nothing of reliability)."""

    LOCAL = "local"
    NATIONAL = "national"
    REGIONAL = "regional"
    INTERNATIONAL = "international"
    PARTY = "party"
    OTHER = "other"


class Audience(StrEnum):
    """Whom a viewer is, relative to one report."""

    MECHANISM = "mechanism"
    FILING_PARTY = "filing_party"
    OTHER_PARTY = "other_party"
    PUBLIC = "public"


_STAFF: Final = frozenset({Role.MONITOR, Role.ANALYST})

# The coarsest detail the public ever gets of a place: the district, never a point.
PUBLIC_MINIMUM_PRECISION: Final = WherePrecision.ADM2


def audience_of(viewer: Actor, *, filing_party: str | None, agreement: AgreementScope) -> Audience:
    """Return the audience `viewer` belongs to for a report filed by `filing_party`.

    Monitors and analysts, and the agreement's own mediators, are the mechanism; a liaison
    officer is the filing party or the other party; everyone else (administrators included,
    who have no domain powers) is the public.
    """
    if viewer.role in _STAFF:
        return Audience.MECHANISM
    if viewer.role is Role.MEDIATOR and viewer.organisation in agreement.mediators:
        return Audience.MECHANISM
    if viewer.role is Role.LIAISON_OFFICER and viewer.organisation is not None:
        if viewer.organisation == filing_party:
            return Audience.FILING_PARTY
        if viewer.organisation in agreement.parties:
            return Audience.OTHER_PARTY
    return Audience.PUBLIC


# Which confidentiality levels each audience may see (the public also needs triage in remit).
_SEES: Final[Mapping[Audience, frozenset[Confidentiality]]] = MappingProxyType(
    {
        Audience.MECHANISM: frozenset(Confidentiality),
        Audience.FILING_PARTY: frozenset(Confidentiality),
        Audience.OTHER_PARTY: frozenset({Confidentiality.PUBLIC, Confidentiality.PARTIES}),
        Audience.PUBLIC: frozenset({Confidentiality.PUBLIC}),
    }
)


@dataclass(frozen=True, slots=True)
class Disclosure:
    """What one audience sees of one report it may see.

    `reporter`: the reporter's name, account and contact; `withheld`: the confidential parts
    replaced by a notice; `minimum_precision`: places are coarsened to at least this.
    """

    reporter: bool
    withheld: frozenset[ConfidentialField]
    minimum_precision: WherePrecision


def may_see(audience: Audience, confidentiality: Confidentiality, *, in_remit: bool) -> bool:
    """Tell whether `audience` may see a report at all."""
    if confidentiality not in _SEES[audience]:
        return False
    return audience is not Audience.PUBLIC or in_remit


def disclosure(
    audience: Audience, *, channel: Channel, marked: frozenset[ConfidentialField]
) -> Disclosure:
    """Return what `audience` sees of a report from `channel` with `marked` fields confidential.

    Only the mechanism sees a public reporter's contact; the filing party sees its own liaison
    officer's name but never a member of the public's; the other party and the public never
    see who reported, nor the marked fields, and the public never gets a point location.
    """
    if audience is Audience.MECHANISM:
        return Disclosure(True, frozenset(), WherePrecision.EXACT)
    if audience is Audience.FILING_PARTY:
        return Disclosure(channel is Channel.LIAISON, frozenset(), WherePrecision.EXACT)
    if audience is Audience.OTHER_PARTY:
        return Disclosure(False, marked, WherePrecision.EXACT)
    return Disclosure(False, marked, PUBLIC_MINIMUM_PRECISION)


class TriageStatus(StrEnum):
    """Where a report stands in the shared triage queue."""

    RECEIVED = "received"
    IN_REMIT = "in_remit"
    OUT_OF_REMIT = "out_of_remit"
    DUPLICATE = "duplicate"
    NEEDS_INFORMATION = "needs_information"


_RECEIVED, _IN, _OUT, _DUP, _INFO = TriageStatus

# The triage transition table: a decision may be reconsidered, never undone to "received".
TRIAGE_TRANSITIONS: Final[Mapping[TriageStatus, frozenset[TriageStatus]]] = MappingProxyType(
    {
        _RECEIVED: frozenset({_IN, _OUT, _DUP, _INFO}),
        _INFO: frozenset({_IN, _OUT, _DUP}),
        _IN: frozenset({_OUT, _DUP, _INFO}),
        _OUT: frozenset({_IN, _DUP}),
        _DUP: frozenset({_IN, _OUT}),
    }
)

# Decisions that must say why (the filer is owed a reason).
NEEDS_REASON: Final = frozenset({_OUT, _INFO})


def check_triage(
    current: TriageStatus,
    decision: TriageStatus,
    *,
    note: str,
    duplicate_of: str | None,
    subject: str,
) -> None:
    """Check one triage decision against the transition table and its own requirements.

    Raises:
        InvalidTransition: the table has no such move.
        InvalidInput: a reason is missing, or the duplicate target is missing or the report
            itself, or a target is given for another decision.
    """
    if decision not in TRIAGE_TRANSITIONS[current]:
        raise InvalidTransition(
            f"a report that is {current.value.replace('_', ' ')} cannot be marked "
            f"{decision.value.replace('_', ' ')}",
            details={"from": current.value, "to": decision.value, "subject": subject},
        )
    if decision in NEEDS_REASON and not note.strip():
        raise InvalidInput(
            f"say why the report is {decision.value.replace('_', ' ')}", details={"field": "note"}
        )
    if decision is TriageStatus.DUPLICATE:
        if duplicate_of is None:
            raise InvalidInput(
                "name the report this one duplicates", details={"field": "duplicate_of"}
            )
        if duplicate_of == subject:
            raise InvalidInput(
                "a report cannot duplicate itself", details={"field": "duplicate_of"}
            )
    elif duplicate_of is not None:
        raise InvalidInput(
            "only a duplicate names another report", details={"field": "duplicate_of"}
        )


def check_parties(
    *, responsible: str | None, affected: str | None, agreement: AgreementScope
) -> None:
    """Check the alleged responsible and affected parties belong to the agreement and differ.

    Raises:
        InvalidInput: a party is not bound by the agreement, or the two are the same.
    """
    for name, code in (("responsible_party", responsible), ("affected_party", affected)):
        if code is not None and code not in agreement.parties:
            raise InvalidInput(
                f"{code} is not a party to this agreement", details={"field": name, "party": code}
            )
    if responsible is not None and responsible == affected:
        raise InvalidInput(
            "a party cannot be both responsible and affected",
            details={"field": "affected_party"},
        )
