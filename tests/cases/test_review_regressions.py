"""Regressions for defects found in review: what parties may read, and the workflow's edges."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from ceasefire.accounts.models import Organisation
from ceasefire.cases import services
from ceasefire.domain.cases import Approval, Quorum, concurring
from ceasefire.domain.coding import IncidentType, WherePrecision
from ceasefire.domain.errors import InvalidTransition
from ceasefire.domain.intake import ConfidentialField, Confidentiality, TriageStatus
from ceasefire.incidents import services as intake
from ceasefire.incidents.reports import Report
from ceasefire.ledger.models import LogEntry


def test_the_public_never_gets_a_pinned_point_or_the_place_as_typed(api, people, doha):
    report = intake.report_incident(
        actor=people["monitor"],
        agreement=doha,
        report=Report(
            IncidentType.ARMED_CLASH,
            date(2025, 10, 24),
            "the compound behind Haji Gul's house",
            lat=34.123456,
            lon=70.654321,
            country="Pakistan",
            where_precision=WherePrecision.REGION,
            confidentiality=Confidentiality.PUBLIC,
        ),
    )
    intake.triage_incident(actor=people["monitor"], incident=report, decision=TriageStatus.IN_REMIT)
    seen = api.get(f"/api/v1/incidents/{report.pk}/").json()
    assert (seen["lat"], seen["lon"], seen["place_as_written"]) == (34.0, 71.0, "")
    bodies = (
        api.get("/api/v1/incidents/map/").content + api.get("/api/v1/incidents/export/").content
    )
    assert b"34.123456" not in bodies and b"Haji Gul" not in bodies


def test_a_place_filter_cannot_find_a_withheld_location(api, people, doha):
    intake.report_incident(
        actor=people["liaison.pakistan"],
        agreement=doha,
        report=Report(
            IncidentType.CROSS_BORDER_FIRE,
            date(2025, 10, 24),
            "Angoor Adda",
            confidential=frozenset({ConfidentialField.LOCATION}),
        ),
    )
    api.as_user(people["liaison.afghanistan"])
    assert len(api.get("/api/v1/incidents/").json()) == 1
    assert api.get("/api/v1/incidents/?place=Angoor").json() == []
    api.as_user(people["monitor"])
    assert len(api.get("/api/v1/incidents/?place=Angoor").json()) == 1


def test_notes_given_while_a_case_runs_stay_with_the_mechanism(api, people, driver):
    case = driver.to("awaiting_reply")
    services.return_for_work(
        actor=people["mediator.turkiye"], case=case, note="witness W2 is unreliable"
    )
    api.as_user(people["liaison.afghanistan"])
    assert api.get(f"/api/v1/cases/{case.pk}/").json()["note"] == ""
    api.as_user(people["monitor"])
    assert api.get(f"/api/v1/cases/{case.pk}/").json()["note"] == "witness W2 is unreliable"


def test_a_reply_window_beyond_sixty_days_is_a_clear_refusal(api, people, doha):
    api.as_user(people["mediator.qatar"])
    response = api.put(
        f"/api/v1/agreements/{doha.pk}/verification-rules/",
        {"reply_window_hours": 10**12, "quorum_required": 1, "signoff": ["QAT"]},
        format="json",
    )
    assert response.status_code == 400


def test_a_party_asked_for_access_sees_the_case_and_answers(api, people, doha, driver):
    case = driver.to("under_investigation")
    case.responsible_party = None
    case.save(update_fields=["responsible_party"])
    # Only Pakistan is concerned now; access is asked of Afghanistan all the same.
    request = services.request_access(
        actor=people["monitor2"],
        case=case,
        party=Organisation.objects.get(code="AFG"),
        what="the posts",
    )
    api.as_user(people["liaison.afghanistan"])
    answered = api.post(
        f"/api/v1/access-requests/{request.pk}/answer/", {"answer": "granted"}, format="json"
    )
    assert answered.status_code == 200, answered.content


def test_an_organisation_whose_people_disagree_does_not_concur():
    quorum = Quorum(2, frozenset({"QAT", "TUR"}))
    split = [
        Approval("q1", "QAT", 1, True),
        Approval("q2", "QAT", 1, False),
        Approval("t", "TUR", 1, True),
    ]
    assert concurring(split, version=1, quorum=quorum) == {"TUR"}


def test_an_affiliation_declared_after_approving_voids_the_approval(people, driver):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        for name in ("mediator.qatar", "mediator.turkiye"):
            services.approve_finding(actor=people[name], case=case, concurs=True)
        services.declare_affiliation(
            actor=people["mediator.turkiye"], party=Organisation.objects.get(code="AFG")
        )
        clock.shift(timedelta(days=4))
        with pytest.raises(InvalidTransition, match="waiting for TUR"):
            services.adopt_finding(actor=people["mediator.qatar"], case=case)


def test_a_copy_handed_out_logs_no_recipient_name(people, driver):
    from ceasefire.evidence import services as evidence

    evidence.copy_evidence(
        actor=people["monitor2"],
        item=driver.item,
        recipient="Col. Rahimi, legal office",
        purpose="court file",
    )
    leaf = json.loads(bytes(LogEntry.objects.order_by("-index").first().leaf))
    assert leaf["kind"] == "evidence.copied"
    assert "Rahimi" not in json.dumps(leaf) and "recipient_sha256" in leaf["payload"]


def test_custody_names_and_purposes_are_for_mechanism_staff(api, client, people, driver):
    from ceasefire.evidence import services as evidence
    from ceasefire.evidence.uploads import staged_bytes

    with staged_bytes(b"%PDF-1.4\n%%EOF\n", "statement.pdf") as file:
        item = evidence.submit_evidence(actor=people["liaison.pakistan"], file=file)
    evidence.transfer_custody(
        actor=people["monitor"],
        item=item,
        to=people["monitor2"],
        purpose="canary purpose for the analyst",
    )
    api.as_user(people["liaison.pakistan"])
    steps = api.get(f"/api/v1/evidence/{item.pk}/custody/").json()
    assert {s["custodian"] for s in steps} == {"mechanism staff"}
    assert all(s["purpose"] == "" for s in steps)
    client.force_login(people["liaison.pakistan"])
    assert "canary purpose" not in client.get(f"/evidence/{item.pk}/").content.decode()
    api.as_user(people["monitor"])
    assert "canary purpose for the analyst" in {
        s["purpose"] for s in api.get(f"/api/v1/evidence/{item.pk}/custody/").json()
    }


def test_the_suggested_case_title_never_names_a_withheld_place(client, people, doha):
    report = intake.report_incident(
        actor=people["liaison.pakistan"],
        agreement=doha,
        report=Report(
            IncidentType.CROSS_BORDER_FIRE,
            date(2025, 10, 24),
            "Angoor Adda",
            confidential=frozenset({ConfidentialField.LOCATION}),
        ),
    )
    intake.triage_incident(actor=people["monitor"], incident=report, decision=TriageStatus.IN_REMIT)
    client.force_login(people["mediator.qatar"])
    page = client.get(f"/incidents/{report.pk}/").content.decode()
    assert 'value="Cross border fire, 24 Oct 2025"' in page
