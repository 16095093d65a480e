"""Intake rules: audiences, what each sees, the triage table, and the party checks."""

from __future__ import annotations

import itertools

import pytest

from ceasefire.domain.coding import WherePrecision
from ceasefire.domain.errors import InvalidInput, InvalidTransition
from ceasefire.domain.intake import (
    TRIAGE_TRANSITIONS,
    Audience,
    Channel,
    ConfidentialField,
    Confidentiality,
    TriageStatus,
    audience_of,
    check_parties,
    check_triage,
    disclosure,
    may_see,
)
from ceasefire.domain.policy import PUBLIC, Actor, AgreementScope, Role

SCOPE = AgreementScope(parties=frozenset({"PAK", "AFG"}), mediators=frozenset({"QAT", "TUR"}))


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (Actor(Role.MONITOR, "SEC"), Audience.MECHANISM),
        (Actor(Role.ANALYST, "SEC"), Audience.MECHANISM),
        (Actor(Role.MEDIATOR, "QAT"), Audience.MECHANISM),
        (Actor(Role.MEDIATOR, "USA"), Audience.PUBLIC),
        (Actor(Role.LIAISON_OFFICER, "PAK"), Audience.FILING_PARTY),
        (Actor(Role.LIAISON_OFFICER, "AFG"), Audience.OTHER_PARTY),
        (Actor(Role.LIAISON_OFFICER, "IND"), Audience.PUBLIC),
        (Actor(Role.LIAISON_OFFICER, None), Audience.PUBLIC),
        (Actor(Role.ADMINISTRATOR, "SEC"), Audience.PUBLIC),
        (PUBLIC, Audience.PUBLIC),
    ],
)
def test_audience_of_a_pakistani_filing(actor, expected):
    assert audience_of(actor, filing_party="PAK", agreement=SCOPE) is expected


def test_without_a_filing_party_both_parties_are_the_other_party():
    for code in ("PAK", "AFG"):
        viewer = Actor(Role.LIAISON_OFFICER, code)
        assert audience_of(viewer, filing_party=None, agreement=SCOPE) is Audience.OTHER_PARTY


# Written out by hand: (audience, confidentiality) -> sees when not yet in remit / in remit.
SEES = {
    (Audience.MECHANISM, Confidentiality.MECHANISM): (True, True),
    (Audience.MECHANISM, Confidentiality.PARTIES): (True, True),
    (Audience.MECHANISM, Confidentiality.PUBLIC): (True, True),
    (Audience.FILING_PARTY, Confidentiality.MECHANISM): (True, True),
    (Audience.FILING_PARTY, Confidentiality.PARTIES): (True, True),
    (Audience.FILING_PARTY, Confidentiality.PUBLIC): (True, True),
    (Audience.OTHER_PARTY, Confidentiality.MECHANISM): (False, False),
    (Audience.OTHER_PARTY, Confidentiality.PARTIES): (True, True),
    (Audience.OTHER_PARTY, Confidentiality.PUBLIC): (True, True),
    (Audience.PUBLIC, Confidentiality.MECHANISM): (False, False),
    (Audience.PUBLIC, Confidentiality.PARTIES): (False, False),
    (Audience.PUBLIC, Confidentiality.PUBLIC): (False, True),
}


@pytest.mark.parametrize(("audience", "level"), list(itertools.product(Audience, Confidentiality)))
def test_who_may_see_what(audience, level):
    assert (
        may_see(audience, level, in_remit=False),
        may_see(audience, level, in_remit=True),
    ) == SEES[(audience, level)]


MARKED = frozenset({ConfidentialField.NARRATIVE, ConfidentialField.LOCATION})


@pytest.mark.parametrize("channel", list(Channel))
def test_only_the_mechanism_sees_every_reporter_and_field(channel):
    mechanism = disclosure(Audience.MECHANISM, channel=channel, marked=MARKED)
    assert mechanism.reporter and not mechanism.withheld
    filing = disclosure(Audience.FILING_PARTY, channel=channel, marked=MARKED)
    assert filing.reporter is (channel is Channel.LIAISON) and not filing.withheld
    for audience in (Audience.OTHER_PARTY, Audience.PUBLIC):
        seen = disclosure(audience, channel=channel, marked=MARKED)
        assert not seen.reporter and seen.withheld == MARKED
    assert disclosure(Audience.PUBLIC, channel=channel, marked=MARKED).minimum_precision is (
        WherePrecision.ADM2
    )


ALLOWED = {
    (TriageStatus.RECEIVED, TriageStatus.IN_REMIT),
    (TriageStatus.RECEIVED, TriageStatus.OUT_OF_REMIT),
    (TriageStatus.RECEIVED, TriageStatus.DUPLICATE),
    (TriageStatus.RECEIVED, TriageStatus.NEEDS_INFORMATION),
    (TriageStatus.NEEDS_INFORMATION, TriageStatus.IN_REMIT),
    (TriageStatus.NEEDS_INFORMATION, TriageStatus.OUT_OF_REMIT),
    (TriageStatus.NEEDS_INFORMATION, TriageStatus.DUPLICATE),
    (TriageStatus.IN_REMIT, TriageStatus.OUT_OF_REMIT),
    (TriageStatus.IN_REMIT, TriageStatus.DUPLICATE),
    (TriageStatus.IN_REMIT, TriageStatus.NEEDS_INFORMATION),
    (TriageStatus.OUT_OF_REMIT, TriageStatus.IN_REMIT),
    (TriageStatus.OUT_OF_REMIT, TriageStatus.DUPLICATE),
    (TriageStatus.DUPLICATE, TriageStatus.IN_REMIT),
    (TriageStatus.DUPLICATE, TriageStatus.OUT_OF_REMIT),
}


@pytest.mark.parametrize(("current", "decision"), list(itertools.product(TriageStatus, repeat=2)))
def test_every_triage_move_is_allowed_or_refused_by_the_table(current, decision):
    target = "incident:2" if decision is TriageStatus.DUPLICATE else None
    move = lambda: check_triage(  # noqa: E731
        current, decision, note="why", duplicate_of=target, subject="incident:1"
    )
    if (current, decision) in ALLOWED:
        move()
    else:
        with pytest.raises(InvalidTransition):
            move()
    assert (decision in TRIAGE_TRANSITIONS[current]) is ((current, decision) in ALLOWED)


@pytest.mark.parametrize(
    ("decision", "note", "target", "message"),
    [
        (TriageStatus.OUT_OF_REMIT, " ", None, "say why"),
        (TriageStatus.NEEDS_INFORMATION, "", None, "say why"),
        (TriageStatus.DUPLICATE, "", None, "name the report"),
        (TriageStatus.DUPLICATE, "", "incident:1", "cannot duplicate itself"),
        (TriageStatus.IN_REMIT, "", "incident:2", "only a duplicate"),
    ],
)
def test_triage_requirements(decision, note, target, message):
    with pytest.raises(InvalidInput, match=message):
        check_triage(
            TriageStatus.RECEIVED, decision, note=note, duplicate_of=target, subject="incident:1"
        )


def test_parties_must_be_bound_and_distinct():
    check_parties(responsible="AFG", affected="PAK", agreement=SCOPE)
    check_parties(responsible=None, affected=None, agreement=SCOPE)
    with pytest.raises(InvalidInput, match="IND is not a party"):
        check_parties(responsible=None, affected="IND", agreement=SCOPE)
    with pytest.raises(InvalidInput, match="both responsible and affected"):
        check_parties(responsible="PAK", affected="PAK", agreement=SCOPE)
