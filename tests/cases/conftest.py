"""Fixtures for the workflow: an allegation in remit and a driver that walks a case forward."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from django.utils import timezone

from ceasefire.cases import services
from ceasefire.cases.models import Priority
from ceasefire.domain.cases import Confidence, FindingDraft, Outcome, Severity
from ceasefire.domain.coding import IncidentType
from ceasefire.domain.intake import TriageStatus
from ceasefire.incidents import services as intake
from ceasefire.incidents.reports import Report

VERIFIED = FindingDraft(
    outcome=Outcome.VIOLATION_VERIFIED,
    clauses=("1",),
    responsible_party="AFG",
    severity=Severity.SERIOUS,
    confidence=Confidence.HIGH,
    reasoning="Impact sites and two independent witnesses place the fire on Afghan posts.",
    evidence=(),
)
UNVERIFIABLE = FindingDraft(
    outcome=Outcome.UNVERIFIABLE,
    clauses=(),
    responsible_party=None,
    severity=None,
    confidence=Confidence.LOW,
    reasoning="Access to the site was denied.",
    evidence=(),
)


@pytest.fixture
def allegation(doha, people):
    """Pakistan's report of cross-border fire, triaged in remit."""
    incident = intake.report_incident(
        actor=people["liaison.pakistan"],
        agreement=doha,
        report=Report(
            incident_type=IncidentType.CROSS_BORDER_FIRE,
            date_start=date(2025, 10, 24),
            place="Angoor Adda",
            responsible_party="AFG",
            affected_party="PAK",
            clauses=("1",),
        ),
    )
    return intake.triage_incident(
        actor=people["monitor"], incident=incident, decision=TriageStatus.IN_REMIT
    )


def collected_item(people):
    """A PDF the monitor collected at the site, stored in the evidence locker."""
    from ceasefire.evidence import services as evidence
    from ceasefire.evidence.uploads import staged_bytes

    document = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    with staged_bytes(document, "site-report.pdf") as file:
        return evidence.collect_evidence(
            actor=people["monitor2"],
            file=file,
            collected_at=timezone.now(),
            method="site visit report",
        )


class Driver:
    """Walks a case through the workflow with the demo roles, one service per step."""

    UNVERIFIABLE = UNVERIFIABLE

    def __init__(self, people, allegation):
        self.people = people
        self.item = collected_item(people)
        self.VERIFIED = dataclasses.replace(VERIFIED, evidence=(self.item.subject,))
        self.case = services.open_case(
            actor=people["monitor"], incidents=[allegation], title="Fire at Angoor Adda"
        )

    def to(self, state):
        p, steps = (
            self.people,
            [
                (
                    "triaged",
                    lambda c: services.triage_case(
                        actor=p["mediator.qatar"], case=c, priority=Priority.URGENT
                    ),
                ),
                (
                    "under_investigation",
                    lambda c: services.open_investigation(
                        actor=p["mediator.qatar"],
                        case=c,
                        monitors=[p["monitor2"]],
                        due_on=timezone.localdate() + timedelta(days=14),
                    ),
                ),
                (
                    "finding_drafted",
                    lambda c: services.draft_finding(
                        actor=p["monitor2"], case=c, draft=self.VERIFIED
                    ),
                ),
                (
                    "awaiting_reply",
                    lambda c: services.request_reply(actor=p["mediator.qatar"], case=c),
                ),
            ],
        )
        for _reached, step in steps:
            if self.case.state == state:
                break
            step(self.case)
            self.case.refresh_from_db()
        assert self.case.state == state
        return self.case


@pytest.fixture
def people(people):
    """The demo people plus a second monitor (the first opened the cases, so may not draft)."""
    from ceasefire.accounts import services as accounts
    from ceasefire.accounts.models import Organisation
    from ceasefire.demo.scenario import DEMO_PASSWORD
    from ceasefire.domain.policy import Role

    people["monitor2"] = accounts.register_user(
        actor=people["admin"],
        username="monitor2",
        full_name="Second monitor",
        email="monitor2@example.org",
        organisation=Organisation.objects.get(code="SEC"),
        role=Role.MONITOR,
        password=DEMO_PASSWORD,
    )
    return people


@pytest.fixture
def driver(people, allegation):
    return Driver(people, allegation)
