"""Permission policy: role × action × context → allowed, as pure data and one-line rules.

The shell asks `can()` / `require()` before every write and before showing a write control;
nothing else decides permissions. Rules follow the mechanism: mediators chair and own the
agreement register, party liaison officers act only for their own party, monitors and analysts
are neutral staff of the mechanism, administrators keep accounts and have no domain powers,
and the public only reads what is public. Must not import anything outside the stdlib.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from ceasefire.domain.errors import NotPermitted


class Role(StrEnum):
    """What a person does in the mechanism (one role per account)."""

    MEDIATOR = "mediator"
    LIAISON_OFFICER = "liaison_officer"
    MONITOR = "monitor"
    ANALYST = "analyst"
    ADMINISTRATOR = "administrator"
    PUBLIC = "public"


class OrganisationKind(StrEnum):
    """Who an organisation is in the mechanism."""

    PARTY = "party"
    MEDIATOR = "mediator"
    SECRETARIAT = "secretariat"


class Action(StrEnum):
    """Everything a person can ask the platform to do that a rule must allow."""

    VIEW_AGREEMENT = "view_agreement"
    REGISTER_AGREEMENT = "register_agreement"
    AMEND_AGREEMENT = "amend_agreement"
    RECORD_TALKS_ROUND = "record_talks_round"
    RECORD_AGREEMENT_EVENT = "record_agreement_event"
    DECLARE_PARTY_STATEMENT = "declare_party_statement"
    VIEW_ACCOUNTS = "view_accounts"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_OWN_TOKENS = "manage_own_tokens"
    VIEW_LOG = "view_log"
    REPORT_INCIDENT = "report_incident"
    REPORT_PUBLICLY = "report_publicly"
    IMPORT_INCIDENTS = "import_incidents"
    VIEW_TRIAGE_QUEUE = "view_triage_queue"
    TRIAGE_INCIDENT = "triage_incident"
    REVISE_INCIDENT = "revise_incident"
    MANAGE_ACTORS = "manage_actors"
    INGEST_NEWS = "ingest_news"
    VIEW_EVIDENCE = "view_evidence"
    SUBMIT_EVIDENCE = "submit_evidence"
    COLLECT_EVIDENCE = "collect_evidence"
    MANAGE_EVIDENCE = "manage_evidence"
    GRADE_EVIDENCE = "grade_evidence"


# Which organisation kind each role belongs to: a mediator is never a party member.
ROLE_ORGANISATION: Final[Mapping[Role, OrganisationKind]] = MappingProxyType(
    {
        Role.MEDIATOR: OrganisationKind.MEDIATOR,
        Role.LIAISON_OFFICER: OrganisationKind.PARTY,
        Role.MONITOR: OrganisationKind.SECRETARIAT,
        Role.ANALYST: OrganisationKind.SECRETARIAT,
        Role.ADMINISTRATOR: OrganisationKind.SECRETARIAT,
    }
)

# Role × action, before context. Contextual rules below narrow these further.
GRANTS: Final[Mapping[Action, frozenset[Role]]] = MappingProxyType(
    {
        Action.VIEW_AGREEMENT: frozenset(Role),
        Action.REGISTER_AGREEMENT: frozenset({Role.MEDIATOR}),
        Action.AMEND_AGREEMENT: frozenset({Role.MEDIATOR}),
        Action.RECORD_TALKS_ROUND: frozenset({Role.MEDIATOR}),
        Action.RECORD_AGREEMENT_EVENT: frozenset({Role.MEDIATOR, Role.MONITOR}),
        Action.DECLARE_PARTY_STATEMENT: frozenset({Role.LIAISON_OFFICER}),
        Action.VIEW_ACCOUNTS: frozenset({Role.ADMINISTRATOR}),
        Action.MANAGE_ACCOUNTS: frozenset({Role.ADMINISTRATOR}),
        Action.MANAGE_OWN_TOKENS: frozenset(Role) - {Role.PUBLIC},
        Action.VIEW_LOG: frozenset(Role),
        Action.REPORT_INCIDENT: frozenset({Role.LIAISON_OFFICER, Role.MONITOR}),
        Action.REPORT_PUBLICLY: frozenset({Role.PUBLIC}),
        Action.IMPORT_INCIDENTS: frozenset({Role.MONITOR}),
        Action.VIEW_TRIAGE_QUEUE: frozenset({Role.MEDIATOR, Role.MONITOR, Role.ANALYST}),
        Action.TRIAGE_INCIDENT: frozenset({Role.MEDIATOR, Role.MONITOR}),
        Action.REVISE_INCIDENT: frozenset({Role.MONITOR}),
        Action.MANAGE_ACTORS: frozenset({Role.MONITOR, Role.ANALYST}),
        Action.INGEST_NEWS: frozenset({Role.MONITOR, Role.ANALYST}),
        # Evidence: mediators and monitors hold the locker; liaison officers hand items in and
        # see their own organisation's; only monitors grade; the public sees public copies.
        Action.VIEW_EVIDENCE: frozenset({Role.MEDIATOR, Role.MONITOR}),
        Action.SUBMIT_EVIDENCE: frozenset({Role.MEDIATOR, Role.MONITOR, Role.LIAISON_OFFICER}),
        Action.COLLECT_EVIDENCE: frozenset({Role.MEDIATOR, Role.MONITOR}),
        Action.MANAGE_EVIDENCE: frozenset({Role.MEDIATOR, Role.MONITOR}),
        Action.GRADE_EVIDENCE: frozenset({Role.MONITOR}),
    }
)

# Actions on one agreement that only its own mediators (or parties) may take.
_MEDIATORS_OF_AGREEMENT: Final = frozenset(
    {
        Action.AMEND_AGREEMENT,
        Action.RECORD_TALKS_ROUND,
        Action.RECORD_AGREEMENT_EVENT,
        Action.TRIAGE_INCIDENT,
    }
)

# Actions a party takes only under an agreement that binds it (a liaison officer files for
# their own party); monitors may take them under any agreement.
_PARTIES_OF_AGREEMENT: Final = frozenset({Action.DECLARE_PARTY_STATEMENT, Action.REPORT_INCIDENT})


@dataclass(frozen=True, slots=True)
class Actor:
    """The person asking: their role and the code of their organisation (None for the public)."""

    role: Role
    organisation: str | None = None


PUBLIC: Final = Actor(role=Role.PUBLIC)


@dataclass(frozen=True, slots=True)
class AgreementScope:
    """The organisations an agreement binds (parties) and those that mediate it."""

    parties: frozenset[str]
    mediators: frozenset[str]


def _in_context(actor: Actor, action: Action, agreement: AgreementScope | None) -> bool:
    if action in _MEDIATORS_OF_AGREEMENT and actor.role is Role.MEDIATOR:
        return agreement is not None and actor.organisation in agreement.mediators
    if action in _MEDIATORS_OF_AGREEMENT and actor.role is Role.MONITOR:
        return agreement is not None
    if action in _PARTIES_OF_AGREEMENT and actor.role is Role.LIAISON_OFFICER:
        return agreement is not None and actor.organisation in agreement.parties
    if action is Action.REPORT_INCIDENT and actor.role is Role.MONITOR:
        return agreement is not None
    return True


def can(actor: Actor, action: Action, *, agreement: AgreementScope | None = None) -> bool:
    """Tell whether `actor` may take `action`, in the context of `agreement` if given."""
    if actor.role not in GRANTS[action]:
        return False
    return _in_context(actor, action, agreement)


def require(actor: Actor, action: Action, *, agreement: AgreementScope | None = None) -> None:
    """Refuse unless `actor` may take `action`.

    Raises:
        NotPermitted: the role or the organisation does not allow it.
    """
    if not can(actor, action, agreement=agreement):
        raise NotPermitted(
            f"a {actor.role.value.replace('_', ' ')} may not {action.value.replace('_', ' ')}"
            + (" here" if agreement is not None else ""),
            details={"action": action.value, "role": actor.role.value},
        )


def role_fits_organisation(role: Role, kind: OrganisationKind) -> bool:
    """Tell whether a person of `role` may belong to an organisation of `kind`."""
    return ROLE_ORGANISATION.get(role) is kind
