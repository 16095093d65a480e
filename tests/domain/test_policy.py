"""The permission policy, tested as a full matrix: every role × action × context."""

from __future__ import annotations

import itertools

import pytest

from ceasefire.domain.errors import NotPermitted
from ceasefire.domain.policy import (
    Action,
    Actor,
    AgreementScope,
    OrganisationKind,
    Role,
    can,
    require,
    role_fits_organisation,
)

AGREEMENT = AgreementScope(parties=frozenset({"PAK", "AFG"}), mediators=frozenset({"QAT", "TUR"}))
OTHER = AgreementScope(parties=frozenset({"IND", "BGD"}), mediators=frozenset({"USA"}))

# The organisation each role's actor belongs to in the matrix (their own party / mediator).
ORGANISATION = {
    Role.MEDIATOR: "QAT",
    Role.LIAISON_OFFICER: "PAK",
    Role.MONITOR: "SEC",
    Role.ANALYST: "SEC",
    Role.ADMINISTRATOR: "SEC",
    Role.PUBLIC: None,
}

MED, LIA, MON, ANA, ADM, PUB = (
    Role.MEDIATOR,
    Role.LIAISON_OFFICER,
    Role.MONITOR,
    Role.ANALYST,
    Role.ADMINISTRATOR,
    Role.PUBLIC,
)

# Expected answers written out by hand, independently of the policy's own tables:
# (action, context) -> roles allowed. Contexts: None (no agreement), "own" (the actor's
# organisation is in the agreement), "other" (an agreement the actor's organisation is not in).
EXPECTED: dict[tuple[Action, str | None], set[Role]] = {
    (Action.VIEW_AGREEMENT, None): {MED, LIA, MON, ANA, ADM, PUB},
    (Action.VIEW_AGREEMENT, "own"): {MED, LIA, MON, ANA, ADM, PUB},
    (Action.VIEW_AGREEMENT, "other"): {MED, LIA, MON, ANA, ADM, PUB},
    (Action.REGISTER_AGREEMENT, None): {MED},
    (Action.REGISTER_AGREEMENT, "own"): {MED},
    (Action.REGISTER_AGREEMENT, "other"): {MED},
    (Action.AMEND_AGREEMENT, None): set(),
    (Action.AMEND_AGREEMENT, "own"): {MED},
    (Action.AMEND_AGREEMENT, "other"): set(),
    (Action.RECORD_TALKS_ROUND, None): set(),
    (Action.RECORD_TALKS_ROUND, "own"): {MED},
    (Action.RECORD_TALKS_ROUND, "other"): set(),
    (Action.RECORD_AGREEMENT_EVENT, None): set(),
    (Action.RECORD_AGREEMENT_EVENT, "own"): {MED, MON},
    (Action.RECORD_AGREEMENT_EVENT, "other"): {MON},
    (Action.DECLARE_PARTY_STATEMENT, None): set(),
    (Action.DECLARE_PARTY_STATEMENT, "own"): {LIA},
    (Action.DECLARE_PARTY_STATEMENT, "other"): set(),
    (Action.VIEW_ACCOUNTS, None): {ADM},
    (Action.VIEW_ACCOUNTS, "own"): {ADM},
    (Action.VIEW_ACCOUNTS, "other"): {ADM},
    (Action.MANAGE_ACCOUNTS, None): {ADM},
    (Action.MANAGE_ACCOUNTS, "own"): {ADM},
    (Action.MANAGE_ACCOUNTS, "other"): {ADM},
    (Action.MANAGE_OWN_TOKENS, None): {MED, LIA, MON, ANA, ADM},
    (Action.MANAGE_OWN_TOKENS, "own"): {MED, LIA, MON, ANA, ADM},
    (Action.MANAGE_OWN_TOKENS, "other"): {MED, LIA, MON, ANA, ADM},
    (Action.VIEW_LOG, None): {MED, LIA, MON, ANA, ADM, PUB},
    (Action.VIEW_LOG, "own"): {MED, LIA, MON, ANA, ADM, PUB},
    (Action.VIEW_LOG, "other"): {MED, LIA, MON, ANA, ADM, PUB},
    (Action.REPORT_INCIDENT, None): set(),
    (Action.REPORT_INCIDENT, "own"): {LIA, MON},
    (Action.REPORT_INCIDENT, "other"): {MON},
    (Action.REPORT_PUBLICLY, None): {PUB},
    (Action.REPORT_PUBLICLY, "own"): {PUB},
    (Action.REPORT_PUBLICLY, "other"): {PUB},
    (Action.IMPORT_INCIDENTS, None): {MON},
    (Action.IMPORT_INCIDENTS, "own"): {MON},
    (Action.IMPORT_INCIDENTS, "other"): {MON},
    (Action.VIEW_TRIAGE_QUEUE, None): {MED, MON, ANA},
    (Action.VIEW_TRIAGE_QUEUE, "own"): {MED, MON, ANA},
    (Action.VIEW_TRIAGE_QUEUE, "other"): {MED, MON, ANA},
    (Action.TRIAGE_INCIDENT, None): set(),
    (Action.TRIAGE_INCIDENT, "own"): {MED, MON},
    (Action.TRIAGE_INCIDENT, "other"): {MON},
    (Action.REVISE_INCIDENT, None): {MON},
    (Action.REVISE_INCIDENT, "own"): {MON},
    (Action.REVISE_INCIDENT, "other"): {MON},
    (Action.INGEST_NEWS, None): {MON, ANA},
    (Action.INGEST_NEWS, "own"): {MON, ANA},
    (Action.INGEST_NEWS, "other"): {MON, ANA},
    (Action.MANAGE_ACTORS, None): {MON, ANA},
    (Action.MANAGE_ACTORS, "own"): {MON, ANA},
    (Action.MANAGE_ACTORS, "other"): {MON, ANA},
    (Action.VIEW_EVIDENCE, None): {MED, MON},
    (Action.VIEW_EVIDENCE, "own"): {MED, MON},
    (Action.VIEW_EVIDENCE, "other"): {MED, MON},
    (Action.SUBMIT_EVIDENCE, None): {MED, LIA, MON},
    (Action.SUBMIT_EVIDENCE, "own"): {MED, LIA, MON},
    (Action.SUBMIT_EVIDENCE, "other"): {MED, LIA, MON},
    (Action.COLLECT_EVIDENCE, None): {MED, MON},
    (Action.COLLECT_EVIDENCE, "own"): {MED, MON},
    (Action.COLLECT_EVIDENCE, "other"): {MED, MON},
    (Action.MANAGE_EVIDENCE, None): {MED, MON},
    (Action.MANAGE_EVIDENCE, "own"): {MED, MON},
    (Action.MANAGE_EVIDENCE, "other"): {MED, MON},
    (Action.GRADE_EVIDENCE, None): {MON},
    (Action.GRADE_EVIDENCE, "own"): {MON},
    (Action.GRADE_EVIDENCE, "other"): {MON},
}

CONTEXTS = [None, "own", "other"]


def _scope(context: str | None, role: Role) -> AgreementScope | None:
    if context is None:
        return None
    if context == "other":
        return OTHER
    # "own": the secretariat is in no agreement; for the others, their organisation is.
    return AGREEMENT


def test_the_expected_table_covers_every_action_and_context():
    assert set(EXPECTED) == set(itertools.product(Action, CONTEXTS))


@pytest.mark.parametrize(
    ("role", "action", "context"), list(itertools.product(Role, Action, CONTEXTS))
)
def test_policy_matrix(role: Role, action: Action, context: str | None):
    actor = Actor(role=role, organisation=ORGANISATION[role])
    allowed = role in EXPECTED[(action, context)]
    assert can(actor, action, agreement=_scope(context, role)) is allowed
    if allowed:
        require(actor, action, agreement=_scope(context, role))
    else:
        with pytest.raises(NotPermitted):
            require(actor, action, agreement=_scope(context, role))


def test_a_liaison_officer_of_the_other_party_may_declare_only_for_a_party_in_the_agreement():
    afghan = Actor(role=Role.LIAISON_OFFICER, organisation="AFG")
    stranger = Actor(role=Role.LIAISON_OFFICER, organisation="IND")
    assert can(afghan, Action.DECLARE_PARTY_STATEMENT, agreement=AGREEMENT)
    assert not can(stranger, Action.DECLARE_PARTY_STATEMENT, agreement=AGREEMENT)


def test_a_mediator_of_another_agreement_may_not_amend_this_one():
    american = Actor(role=Role.MEDIATOR, organisation="USA")
    assert not can(american, Action.AMEND_AGREEMENT, agreement=AGREEMENT)
    assert can(american, Action.AMEND_AGREEMENT, agreement=OTHER)


def test_refusal_names_the_role_and_action():
    with pytest.raises(NotPermitted) as refused:
        require(Actor(role=Role.PUBLIC), Action.MANAGE_ACCOUNTS)
    assert refused.value.details == {"action": "manage_accounts", "role": "public"}
    assert "public may not manage accounts" in refused.value.message


@pytest.mark.parametrize(("role", "kind"), list(itertools.product(Role, OrganisationKind)))
def test_roles_fit_only_their_kind_of_organisation(role: Role, kind: OrganisationKind):
    fits = {
        (Role.MEDIATOR, OrganisationKind.MEDIATOR),
        (Role.LIAISON_OFFICER, OrganisationKind.PARTY),
        (Role.MONITOR, OrganisationKind.SECRETARIAT),
        (Role.ANALYST, OrganisationKind.SECRETARIAT),
        (Role.ADMINISTRATOR, OrganisationKind.SECRETARIAT),
    }
    assert role_fits_organisation(role, kind) is ((role, kind) in fits)
