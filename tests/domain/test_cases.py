"""The case workflow: every move of the table, the finding rules, time, quorum and conflicts."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from ceasefire.domain.cases import (
    STEP_ROLES,
    TERMINAL,
    TRANSITIONS,
    Approval,
    CaseState,
    Confidence,
    FindingDraft,
    Interests,
    Outcome,
    Quorum,
    ReplyWindow,
    Severity,
    Step,
    check_adoption,
    check_approver,
    check_finding,
    check_window_length,
    concurring,
    conflict_of_interest,
    next_state,
    reply_is_late,
    require_step,
)
from ceasefire.domain.errors import InvalidInput, InvalidTransition, NotPermitted
from ceasefire.domain.policy import Role

S = CaseState
# Written out by hand, independently of the table: every legal move.
LEGAL = {
    (S.RECEIVED, Step.TRIAGE): S.TRIAGED,
    (S.TRIAGED, Step.OPEN_INVESTIGATION): S.UNDER_INVESTIGATION,
    (S.UNDER_INVESTIGATION, Step.DRAFT_FINDING): S.FINDING_DRAFTED,
    (S.FINDING_DRAFTED, Step.DRAFT_FINDING): S.FINDING_DRAFTED,
    (S.RETURNED, Step.DRAFT_FINDING): S.FINDING_DRAFTED,
    (S.FINDING_DRAFTED, Step.REQUEST_REPLY): S.AWAITING_REPLY,
    (S.AWAITING_REPLY, Step.ADOPT): S.ADOPTED,
    (S.AWAITING_REPLY, Step.RETURN_FOR_WORK): S.RETURNED,
    (S.ADOPTED, Step.REPORT): S.REPORTED,
    (S.REPORTED, Step.ESCALATE): S.ESCALATED,
    (S.REPORTED, Step.CLOSE): S.CLOSED,
    (S.ESCALATED, Step.CLOSE): S.CLOSED,
    (S.RECEIVED, Step.CLOSE): S.CLOSED,
    (S.TRIAGED, Step.CLOSE): S.CLOSED,
    (S.RECEIVED, Step.WITHDRAW): S.WITHDRAWN,
    (S.TRIAGED, Step.WITHDRAW): S.WITHDRAWN,
    (S.UNDER_INVESTIGATION, Step.WITHDRAW): S.WITHDRAWN,
    (S.RECEIVED, Step.MERGE): S.MERGED,
    (S.TRIAGED, Step.MERGE): S.MERGED,
    (S.UNDER_INVESTIGATION, Step.MERGE): S.MERGED,
}


@pytest.mark.parametrize(("state", "step"), list(itertools.product(CaseState, Step)))
def test_every_move_is_legal_exactly_when_the_table_says(state, step):
    if (state, step) in LEGAL:
        assert next_state(state, step) is LEGAL[(state, step)]
    else:
        with pytest.raises(InvalidTransition, match="cannot"):
            next_state(state, step)
    assert dict(TRANSITIONS) == LEGAL


def test_terminal_states_have_no_way_out():
    for state, step in TRANSITIONS:
        assert state not in TERMINAL, (state, step)


@pytest.mark.parametrize(("role", "step"), list(itertools.product(Role, Step)))
def test_who_takes_each_step(role, step):
    if role in STEP_ROLES[step]:
        require_step(role, step)
    else:
        with pytest.raises(NotPermitted):
            require_step(role, step)
    assert Role.PUBLIC not in STEP_ROLES[step] and Role.ADMINISTRATOR not in STEP_ROLES[step]


PARTIES = frozenset({"PAK", "AFG"})
GOOD = FindingDraft(
    outcome=Outcome.VIOLATION_VERIFIED,
    clauses=("1",),
    responsible_party="AFG",
    severity=Severity.SERIOUS,
    confidence=Confidence.HIGH,
    reasoning="Crater analysis and two independent witnesses.",
    evidence=("evidence:1",),
)


def test_a_complete_finding_passes_and_unverifiable_needs_no_evidence():
    check_finding(GOOD, parties=PARTIES)
    check_finding(
        FindingDraft(Outcome.UNVERIFIABLE, (), None, None, Confidence.LOW, "access denied", ()),
        parties=PARTIES,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reasoning": " "}, "reasoning"),
        ({"responsible_party": "IND"}, "responsible_party"),
        ({"clauses": ()}, "clauses"),
        ({"severity": None}, "severity"),
        ({"evidence": ()}, "evidence"),
        ({"outcome": Outcome.NOT_A_VIOLATION}, "severity"),
    ],
)
def test_incomplete_findings_are_refused(changes, field):
    import dataclasses

    with pytest.raises(InvalidInput) as refused:
        check_finding(dataclasses.replace(GOOD, **changes), parties=PARTIES)
    assert refused.value.details["field"] == field


T0 = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)
WINDOW = ReplyWindow(opened_at=T0, length=timedelta(hours=72))
QUORUM = Quorum(required=2, eligible=frozenset({"QAT", "TUR"}))
BOTH = [Approval("q", "QAT", 1, True), Approval("t", "TUR", 1, True)]


def test_adoption_is_refused_inside_the_window_unless_the_party_replied():
    inside = T0 + timedelta(hours=71, minutes=59)
    with pytest.raises(InvalidTransition, match="reply window is open"):
        check_adoption(
            now=inside, window=WINDOW, replied=False, approvals=BOTH, version=1, quorum=QUORUM
        )
    assert check_adoption(
        now=inside, window=WINDOW, replied=True, approvals=BOTH, version=1, quorum=QUORUM
    ) == {"QAT", "TUR"}
    assert check_adoption(
        now=T0 + timedelta(hours=72),
        window=WINDOW,
        replied=False,
        approvals=BOTH,
        version=1,
        quorum=QUORUM,
    )
    with pytest.raises(InvalidTransition, match="not been asked"):
        check_adoption(now=T0, window=None, replied=True, approvals=BOTH, version=1, quorum=QUORUM)


def test_late_replies_are_flagged_not_refused():
    assert reply_is_late(WINDOW, now=T0 + timedelta(hours=1)) is False
    assert reply_is_late(WINDOW, now=T0 + timedelta(hours=72)) is True
    with pytest.raises(InvalidTransition):
        reply_is_late(None, now=T0)


@pytest.mark.parametrize(
    ("approvals", "concur"),
    [
        ([], set()),
        ([Approval("q", "QAT", 1, True)], {"QAT"}),
        ([Approval("q", "QAT", 1, True), Approval("q2", "QAT", 1, True)], {"QAT"}),
        ([Approval("q", "QAT", 1, True), Approval("q", "QAT", 1, False)], set()),
        ([Approval("q", "QAT", 0, True), Approval("t", "TUR", 1, True)], {"TUR"}),
        ([Approval("x", "USA", 1, True), Approval("t", "TUR", 1, True)], {"TUR"}),
        ([Approval("q", "QAT", 1, True), Approval("t", "TUR", 1, False)], {"QAT"}),
        (BOTH, {"QAT", "TUR"}),
    ],
)
def test_the_quorum_counts_distinct_eligible_organisations_on_the_current_version(
    approvals, concur
):
    assert concurring(approvals, version=1, quorum=QUORUM) == concur
    after = T0 + timedelta(days=4)
    if len(concur) >= 2:
        check_adoption(
            now=after, window=WINDOW, replied=False, approvals=approvals, version=1, quorum=QUORUM
        )
    else:
        with pytest.raises(InvalidTransition, match="required mediators concur"):
            check_adoption(
                now=after,
                window=WINDOW,
                replied=False,
                approvals=approvals,
                version=1,
                quorum=QUORUM,
            )


def test_a_quorum_must_be_reachable():
    Quorum(required=1, eligible=frozenset({"QAT"}))
    for required in (0, 3):
        with pytest.raises(InvalidInput):
            Quorum(required=required, eligible=frozenset({"QAT", "TUR"}))


CASE_PARTIES = frozenset({"PAK", "AFG"})


@pytest.mark.parametrize(
    ("interests", "conflict"),
    [
        (Interests("QAT"), None),
        (Interests("TUR", affiliations=frozenset({"IND"})), None),
        (Interests("QAT", filed=True), "filed"),
        (Interests("QAT", drafted=True), "drafted"),
        (Interests("PAK"), "organisation PAK"),
        (Interests("TUR", affiliations=frozenset({"AFG"})), "affiliated with AFG"),
    ],
)
def test_conflicts_of_interest(interests, conflict):
    found = conflict_of_interest(interests, case_parties=CASE_PARTIES)
    # A quorum in which every organisation is eligible, so only the conflict can refuse.
    everyone = Quorum(required=1, eligible=frozenset({"QAT", "TUR", "PAK"}))
    if conflict is None:
        assert found is None
        check_approver(interests, quorum=everyone, case_parties=CASE_PARTIES)
    else:
        assert conflict in found
        with pytest.raises(NotPermitted, match="conflict of interest"):
            check_approver(interests, quorum=everyone, case_parties=CASE_PARTIES)


def test_only_eligible_mediators_approve():
    with pytest.raises(NotPermitted, match="sign-off mediators"):
        check_approver(Interests("USA"), quorum=QUORUM, case_parties=CASE_PARTIES)


def test_window_lengths():
    check_window_length(timedelta(hours=72))
    for bad in (timedelta(minutes=59), timedelta(days=61)):
        with pytest.raises(InvalidInput):
            check_window_length(bad)
