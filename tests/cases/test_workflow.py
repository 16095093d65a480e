"""The verification workflow through its services: the full path, time, quorum, conflicts."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from ceasefire.accounts.models import Organisation
from ceasefire.cases import services
from ceasefire.cases.models import AccessAnswer, Case, Notification, Priority
from ceasefire.domain.errors import InvalidInput, InvalidTransition, NotPermitted, StaleVersion
from ceasefire.ledger.models import LogEntry


def _kinds_since(index):
    return [e.kind for e in LogEntry.objects.filter(index__gte=index).order_by("index")]


def _approve_both(people, case):
    for name in ("mediator.qatar", "mediator.turkiye"):
        services.approve_finding(actor=people[name], case=case, concurs=True)


def test_the_full_path_is_one_entry_per_step(people, driver):
    start = LogEntry.objects.count() - 1  # the case.opened entry
    case = driver.to("awaiting_reply")
    services.submit_reply(
        actor=people["liaison.afghanistan"],
        case=case,
        text="The fire came from militants, not our posts.",
        remedial_steps="Patrols increased.",
    )
    _approve_both(people, case)
    finding = services.adopt_finding(actor=people["mediator.turkiye"], case=case)
    case.refresh_from_db()
    services.report_case(actor=people["monitor"], case=case, reference="Monthly report, Nov 2025")
    services.escalate_case(actor=people["mediator.qatar"], case=case, note="Refer to guarantors")
    services.close_case(actor=people["mediator.qatar"], case=case, reason="Sanction decided")
    assert _kinds_since(start) == [
        "case.opened",
        "case.triaged",
        "case.investigation_opened",
        "finding.drafted",
        "finding.reply_requested",
        "finding.replied",
        "finding.approved",
        "finding.approved",
        "finding.adopted",
        "case.reported",
        "case.escalated",
        "case.closed",
    ]
    assert finding.adopted_at is not None
    assert Case.objects.get(pk=case.pk).state == "closed"
    adopted = LogEntry.objects.get(kind="finding.adopted")
    payload = json.loads(bytes(adopted.leaf))["payload"]
    assert payload["concurring"] == ["QAT", "TUR"] and payload["dissents"] == 0
    assert "militants" not in b"".join(bytes(e.leaf) for e in LogEntry.objects.all()).decode()


def test_adoption_waits_for_the_window_unless_the_party_replied(people, driver):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        _approve_both(people, case)
        clock.shift(timedelta(hours=71, minutes=59))
        with pytest.raises(InvalidTransition, match="reply window is open"):
            services.adopt_finding(actor=people["mediator.qatar"], case=case)
        clock.shift(timedelta(minutes=1))
        services.adopt_finding(actor=people["mediator.qatar"], case=case)


def test_a_reply_inside_the_window_allows_adoption_at_once(people, driver):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        _approve_both(people, case)
        clock.shift(timedelta(hours=1))
        reply = services.submit_reply(actor=people["liaison.afghanistan"], case=case, text="No.")
        assert reply.late is False
        services.adopt_finding(actor=people["mediator.qatar"], case=case)


def test_a_late_reply_is_accepted_and_flagged(people, driver):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        clock.shift(timedelta(hours=80))
        reply = services.submit_reply(actor=people["liaison.afghanistan"], case=case, text="Late.")
        assert reply.late is True


def test_only_the_addressed_party_replies(people, driver, unchanged):
    case = driver.to("awaiting_reply")
    with unchanged():
        for name in ("liaison.pakistan", "monitor", "mediator.qatar"):
            with pytest.raises(NotPermitted):
                services.submit_reply(actor=people[name], case=case, text="x")


def test_an_approval_on_an_older_version_does_not_count(people, driver):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        _approve_both(people, case)
        services.return_for_work(actor=people["mediator.qatar"], case=case, note="Cite the crater.")
        case.refresh_from_db()
        services.draft_finding(actor=people["monitor2"], case=case, draft=driver.VERIFIED)
        services.request_reply(actor=people["mediator.qatar"], case=case)
        clock.shift(timedelta(days=4))
        with pytest.raises(InvalidTransition, match="0 of the 2 required"):
            services.adopt_finding(actor=people["mediator.qatar"], case=case)
        _approve_both(people, case)
        finding = services.adopt_finding(actor=people["mediator.qatar"], case=case)
        assert finding.version == 2


@pytest.mark.parametrize(
    ("who", "setup", "error"),
    [
        ("mediator.qatar", None, None),
        ("mediator.turkiye", None, None),
        ("mediator.qatar", "affiliated_afg", "affiliated with AFG"),
        ("mediator.qatar", "affiliated_ind", None),
        ("monitor", None, "may not adopt"),
        ("liaison.pakistan", None, "may not adopt"),
        ("analyst", None, "may not adopt"),
    ],
)
def test_the_approval_matrix(people, driver, unchanged, who, setup, error):
    case = driver.to("awaiting_reply")
    if setup:
        party = "AFG"
        if setup == "affiliated_ind":
            from ceasefire.accounts import services as accounts
            from ceasefire.domain.policy import OrganisationKind

            party = accounts.register_organisation(
                actor=people["admin"], code="IND", name="India", kind=OrganisationKind.PARTY
            ).code
        services.declare_affiliation(
            actor=people[who], party=Organisation.objects.get(code=party), note="national"
        )
    if error is None:
        approval = services.approve_finding(actor=people[who], case=case, concurs=True)
        assert approval.organisation == people[who].organisation
    else:
        with unchanged(), pytest.raises(NotPermitted, match=error):
            services.approve_finding(actor=people[who], case=case, concurs=True)


def test_whoever_filed_the_report_neither_triages_nor_drafts(people, doha, driver):
    from ceasefire.domain.coding import IncidentType
    from ceasefire.domain.intake import TriageStatus
    from ceasefire.incidents import services as intake
    from ceasefire.incidents.reports import Report

    own = intake.report_incident(
        actor=people["monitor2"],
        agreement=doha,
        report=Report(IncidentType.ARMED_CLASH, timezone.localdate(), "Torkham"),
    )
    own = intake.triage_incident(
        actor=people["monitor"], incident=own, decision=TriageStatus.IN_REMIT
    )
    case = services.open_case(actor=people["mediator.qatar"], incidents=[own], title="Own")
    with pytest.raises(NotPermitted, match="someone other than who filed"):
        services.triage_case(actor=people["monitor2"], case=case, priority=Priority.ROUTINE)
    services.triage_case(actor=people["mediator.qatar"], case=case, priority=Priority.ROUTINE)
    services.open_investigation(
        actor=people["mediator.qatar"],
        case=case,
        monitors=[people["monitor2"]],
        due_on=timezone.localdate() + timedelta(days=3),
    )
    with pytest.raises(NotPermitted, match="someone other than who filed"):
        services.draft_finding(actor=people["monitor2"], case=case, draft=driver.UNVERIFIABLE)


def test_a_dissent_is_recorded_and_needs_a_statement(people, driver):
    case = driver.to("awaiting_reply")
    with pytest.raises(InvalidInput, match="statement is required"):
        services.approve_finding(actor=people["mediator.turkiye"], case=case, concurs=False)
    dissent = services.approve_finding(
        actor=people["mediator.turkiye"], case=case, concurs=False, statement="Evidence thin."
    )
    assert dissent.concurs is False
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        services.approve_finding(actor=people["mediator.qatar"], case=case, concurs=True)
        with pytest.raises(InvalidTransition, match="waiting for TUR"):
            services.adopt_finding(actor=people["mediator.qatar"], case=case)


def test_the_quorum_is_set_per_agreement(people, driver, doha):
    services.set_verification_rules(
        actor=people["mediator.qatar"],
        agreement=doha,
        reply_window_hours=24,
        quorum_required=1,
        signoff=[Organisation.objects.get(code="QAT"), Organisation.objects.get(code="TUR")],
        severity_definitions={"grave": "deaths of civilians"},
    )
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        services.approve_finding(actor=people["mediator.turkiye"], case=case, concurs=True)
        clock.shift(timedelta(hours=24))
        services.adopt_finding(actor=people["mediator.qatar"], case=case)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reply_window_hours": 0}, "1 hour to 60 days"),
        ({"quorum_required": 3}, "between 1 and all"),
        ({"signoff": ["PAK"]}, "only the agreement's mediators"),
        ({"severity_definitions": {"catastrophic": "x"}}, "unknown severity"),
    ],
)
def test_bad_rules_are_refused(people, doha, unchanged, changes, message):
    arguments = {
        "reply_window_hours": 72,
        "quorum_required": 2,
        "signoff": ["QAT", "TUR"],
        "severity_definitions": {},
        **changes,
    }
    arguments["signoff"] = [Organisation.objects.get(code=c) for c in arguments["signoff"]]
    with unchanged(), pytest.raises(InvalidInput, match=message):
        services.set_verification_rules(actor=people["mediator.qatar"], agreement=doha, **arguments)


def test_illegal_steps_leave_nothing(people, driver, unchanged):
    case = driver.to("triaged")
    with unchanged():
        with pytest.raises(InvalidTransition):
            services.adopt_finding(actor=people["mediator.qatar"], case=case)
        with pytest.raises(InvalidTransition):
            services.draft_finding(actor=people["monitor2"], case=case, draft=driver.VERIFIED)
        with pytest.raises(InvalidTransition):
            services.request_reply(actor=people["mediator.qatar"], case=case)
        with pytest.raises(StaleVersion):
            services.close_case(actor=people["mediator.qatar"], case=case, reason="x", version=1)
        with pytest.raises(NotPermitted):
            services.open_investigation(
                actor=people["monitor"],
                case=case,
                monitors=[people["monitor2"]],
                due_on=timezone.localdate() + timedelta(days=3),
            )


def test_a_finding_must_be_complete(people, driver, unchanged):
    case = driver.to("under_investigation")
    with unchanged():
        for changes, message in [
            ({"clauses": ("99",)}, "no clause 99"),
            ({"evidence": ()}, "cites the evidence"),
            ({"evidence": ("photo.jpg",)}, "evidence:<id>"),
            ({"reasoning": ""}, "reasoning"),
        ]:
            with pytest.raises(InvalidInput, match=message):
                services.draft_finding(
                    actor=people["monitor2"],
                    case=case,
                    draft=dataclasses.replace(driver.VERIFIED, **changes),
                )
    services.draft_finding(actor=people["monitor2"], case=case, draft=driver.UNVERIFIABLE)


def test_denied_access_opens_an_obstruction_case(people, driver):
    case = driver.to("under_investigation")
    request = services.request_access(
        actor=people["monitor2"],
        case=case,
        party=Organisation.objects.get(code="AFG"),
        what="Visit the posts opposite Angoor Adda",
    )
    assert Notification.objects.filter(
        user=people["liaison.afghanistan"], kind="access_requested"
    ).exists()
    with pytest.raises(NotPermitted):
        services.answer_access(
            actor=people["liaison.pakistan"], request=request, answer=AccessAnswer.DENIED, note="x"
        )
    before = LogEntry.objects.count()
    answered = services.answer_access(
        actor=people["liaison.afghanistan"],
        request=request,
        answer=AccessAnswer.DENIED,
        note="Security.",
    )
    obstruction = answered.obstruction_case
    assert (obstruction.kind, obstruction.parent_id, obstruction.responsible_party.code) == (
        "obstruction",
        case.pk,
        "AFG",
    )
    assert _kinds_since(before) == ["case.access_answered", "case.opened"]


def test_notifications_reach_the_inbox_and_mail(people, driver, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        driver.to("awaiting_reply")
    kinds = set(Notification.objects.values_list("user__username", "kind"))
    assert ("monitor2", "tasked") in kinds
    assert ("liaison.afghanistan", "reply_window_opened") in kinds
    assert ("mediator.qatar", "approval_needed") in kinds
    assert ("liaison.pakistan", "reply_window_opened") not in kinds
    assert any("monitor2@example.org" in m.to for m in mail.outbox)


def test_withdraw_and_merge(people, allegation, doha):
    case = services.open_case(actor=people["monitor"], incidents=[allegation], title="A")
    with pytest.raises(InvalidInput, match="already in case"):
        services.open_case(actor=people["monitor"], incidents=[allegation], title="B")
    with pytest.raises(NotPermitted, match="filed every report"):
        services.withdraw_case(actor=people["liaison.afghanistan"], case=case, reason="x")
    services.withdraw_case(actor=people["liaison.pakistan"], case=case, reason="Resolved locally")
    second = services.open_case(actor=people["monitor"], incidents=[allegation], title="C")
    from ceasefire.domain.coding import IncidentType
    from ceasefire.domain.intake import TriageStatus
    from ceasefire.incidents import services as intake
    from ceasefire.incidents.reports import Report

    other = intake.report_incident(
        actor=people["monitor"],
        agreement=doha,
        report=Report(
            IncidentType.ARMED_CLASH, timezone.localdate() - timedelta(days=30), "Torkham"
        ),
    )
    other = intake.triage_incident(
        actor=people["monitor"], incident=other, decision=TriageStatus.IN_REMIT
    )
    third = services.open_case(actor=people["monitor"], incidents=[other], title="D")
    services.merge_case(actor=people["monitor"], case=third, into=second)
    assert set(second.incidents.values_list("pk", flat=True)) == {allegation.pk, other.pk}
    with pytest.raises(NotPermitted, match="filed every report"):  # it holds a monitor's report
        services.withdraw_case(actor=people["liaison.pakistan"], case=second, reason="x")
    with pytest.raises(InvalidTransition):
        services.merge_case(actor=people["monitor"], case=third, into=second)


def test_evidence_attaches_to_reports_cases_and_findings(people, driver):
    from ceasefire.evidence import services as evidence

    case = driver.to("finding_drafted")
    finding = case.findings.get()
    for subject in (f"incident:{case.incidents.get().pk}", case.subject, finding.subject):
        evidence.attach_evidence(actor=people["monitor2"], item=driver.item, subject=subject)
    assert set(driver.item.attachments.values_list("subject", flat=True)) == {
        f"incident:{case.incidents.get().pk}",
        case.subject,
        finding.subject,
    }


def test_the_deadline_sweep_notifies_once_and_never_moves_the_case(people, driver):
    from django.core.management import call_command

    from ceasefire.cases.deadlines import sweep

    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = driver.to("awaiting_reply")
        clock.shift(timedelta(hours=50))
        assert sweep(timezone.now()) == 1  # the Afghan liaison officer: closing within 24 h
        clock.shift(timedelta(hours=23))
        call_command("notify_deadlines")
        assert sweep(timezone.now()) == 0
        kinds = set(Notification.objects.values_list("user__username", "kind"))
        assert ("liaison.afghanistan", "reply_window_closing") in kinds
        assert ("mediator.turkiye", "reply_window_closed") in kinds
        case.refresh_from_db()
        assert case.state == "awaiting_reply"
