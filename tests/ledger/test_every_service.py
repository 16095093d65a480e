"""Every service in the platform appends exactly one log entry of its own kind.

The table below must name every `@service`; a new service without a row fails the first test.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime

import pytest

from ceasefire.accounts import services as accounts
from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements import services as agreements
from ceasefire.cases import services as cases
from ceasefire.cases.models import AccessAnswer, Priority
from ceasefire.demo.scenario import DEMO_PASSWORD
from ceasefire.domain.actors import ActorKind
from ceasefire.domain.agreements import AgreementForm, EventKind, MediatorRole, TalksOutcome
from ceasefire.domain.cases import Confidence, FindingDraft, Outcome, Severity
from ceasefire.domain.coding import IncidentType, parse_grade
from ceasefire.domain.evidence import Derivation
from ceasefire.domain.intake import TriageStatus
from ceasefire.domain.policy import OrganisationKind, Role
from ceasefire.domain.texts import parse_clauses
from ceasefire.evidence import services as evidence
from ceasefire.evidence.models import EvidenceItem
from ceasefire.evidence.uploads import staged_bytes
from ceasefire.incidents import services as incidents
from ceasefire.incidents.models import Actor as RegisteredActor
from ceasefire.incidents.reports import Report
from ceasefire.ledger import discipline
from ceasefire.ledger.models import LogEntry
from ceasefire.newsdesk import services as newsdesk
from ceasefire.newsdesk.models import Article

PASSWORD = "a-long-unusual-passphrase-42"
CLAUSES = parse_clauses("## 1 Ceasefire\n- ALL prohibition: No attacks\n")


def _org(code):
    return Organisation.objects.get(code=code)


REPORT = Report(
    incident_type=IncidentType.ARMED_CLASH, date_start=date(2025, 10, 12), place="Kurram"
)


def _incident(p, d):
    return incidents.report_publicly(agreement=d, report=REPORT)


def _ttp(p):
    return incidents.register_actor(
        actor=p["analyst"], code="TTP", name="TTP", kind=ActorKind.REBEL_GROUP
    )


def _png(colour):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


def _item():
    return EvidenceItem.objects.get(description="prepared")


def _submit(p, colour="red", **kwargs):
    with staged_bytes(_png(colour), "photo.png") as file:
        return evidence.submit_evidence(actor=p["liaison.pakistan"], file=file, **kwargs)


def _collect(p):
    with staged_bytes(_png("blue"), "capture.png") as file:
        return evidence.collect_evidence(
            actor=p["monitor"],
            file=file,
            collected_at=datetime(2025, 10, 20, tzinfo=UTC),
            method="field photograph",
        )


CALLS = {
    "ceasefire.accounts.services.register_organisation": (
        "organisation.registered",
        lambda p, d: accounts.register_organisation(
            actor=p["admin"], code="IND", name="India", kind=OrganisationKind.PARTY
        ),
    ),
    "ceasefire.accounts.services.register_user": (
        "user.registered",
        lambda p, d: accounts.register_user(
            actor=p["admin"],
            username="user1",
            full_name="",
            email="",
            organisation=_org("SEC"),
            role=Role.MONITOR,
            password=PASSWORD,
        ),
    ),
    "ceasefire.accounts.services.bootstrap_administrator": (
        "user.registered",
        lambda p, d: (
            User.objects.filter(role="administrator").update(role="analyst"),
            accounts.bootstrap_administrator(username="root2", password=PASSWORD),
        ),
    ),
    "ceasefire.accounts.services.change_role": (
        "user.role_changed",
        lambda p, d: accounts.change_role(actor=p["admin"], user=p["analyst"], role=Role.MONITOR),
    ),
    "ceasefire.accounts.services.deactivate_user": (
        "user.deactivated",
        lambda p, d: accounts.deactivate_user(actor=p["admin"], user=p["analyst"]),
    ),
    "ceasefire.accounts.services.reset_password": (
        "user.password_reset",
        lambda p, d: accounts.reset_password(
            actor=p["admin"], user=p["analyst"], new_password=PASSWORD
        ),
    ),
    "ceasefire.accounts.services.issue_api_token": (
        "api_token.issued",
        lambda p, d: accounts.issue_api_token(actor=p["monitor"], name="t"),
    ),
    "ceasefire.accounts.services.revoke_api_token": (
        "api_token.revoked",
        lambda p, d: accounts.revoke_api_token(
            actor=p["admin"], token=p["monitor"].api_tokens.first()
        ),
    ),
    "ceasefire.agreements.services.register_agreement": (
        "agreement.registered",
        lambda p, d: agreements.register_agreement(
            actor=p["mediator.qatar"],
            details=agreements.AgreementDetails(
                "T", "V", AgreementForm.VERBAL_UNDERSTANDING, None, None, None
            ),
            parties=[_org("PAK"), _org("AFG")],
            mediators=[(_org("QAT"), MediatorRole.GUARANTOR)],
            text="",
            clauses=CLAUSES,
        ),
    ),
    "ceasefire.agreements.services.amend_agreement": (
        "agreement.amended",
        lambda p, d: agreements.amend_agreement(
            actor=p["mediator.qatar"],
            agreement=d,
            based_on_version=2,
            text="",
            change_note="n",
            clauses=CLAUSES,
        ),
    ),
    "ceasefire.agreements.services.record_talks_round": (
        "talks_round.recorded",
        lambda p, d: agreements.record_talks_round(
            actor=p["mediator.qatar"],
            agreement=d,
            name="R",
            venue="V",
            host=None,
            starts_on=date(2025, 12, 1),
            ends_on=None,
            outcome=TalksOutcome.PLANNED,
            summary="",
            next_meeting_on=None,
        ),
    ),
    "ceasefire.agreements.services.record_agreement_event": (
        "agreement_event.recorded",
        lambda p, d: agreements.record_agreement_event(
            actor=p["monitor"],
            agreement=d,
            kind=EventKind.OTHER,
            occurred_on=date(2025, 12, 1),
            description="d",
        ),
    ),
    "ceasefire.incidents.services.report_incident": (
        "incident.reported",
        lambda p, d: incidents.report_incident(actor=p["monitor"], agreement=d, report=REPORT),
    ),
    "ceasefire.incidents.services.report_publicly": ("incident.reported", _incident),
    "ceasefire.incidents.services.import_incidents": (
        "incident.reported",
        lambda p, d: incidents.import_incidents(
            actor=p["monitor"], agreement=d, rows=[REPORT], content=b"x"
        ),
    ),
    "ceasefire.incidents.services.triage_incident": (
        "incident.triaged",
        lambda p, d: incidents.triage_incident(
            actor=p["monitor"],
            incident=PREPARED["incident"],
            decision=TriageStatus.IN_REMIT,
        ),
    ),
    "ceasefire.incidents.services.triage_incidents": (
        "incident.triaged",
        lambda p, d: incidents.triage_incidents(
            actor=p["monitor"],
            incidents=[PREPARED["incident"]],
            decision=TriageStatus.IN_REMIT,
        ),
    ),
    "ceasefire.incidents.services.revise_incident": (
        "incident.revised",
        lambda p, d: incidents.revise_incident(
            actor=p["monitor"], incident=PREPARED["incident"], report=REPORT, reason="recoded"
        ),
    ),
    "ceasefire.incidents.services.register_actor": (
        "actor.registered",
        lambda p, d: incidents.register_actor(
            actor=p["monitor"], code="ISKP", name="ISKP", kind=ActorKind.REBEL_GROUP
        ),
    ),
    "ceasefire.incidents.services.add_actor_alias": (
        "actor.alias_added",
        lambda p, d: incidents.add_actor_alias(
            actor=p["monitor"], target=RegisteredActor.objects.get(code="TTP"), alias="Khawarij"
        ),
    ),
    "ceasefire.evidence.services.submit_evidence": (
        "evidence.submitted",
        lambda p, d: _submit(p, "green", subjects=[f"agreement:{d.pk}"]),
    ),
    "ceasefire.evidence.services.collect_evidence": (
        "evidence.collected",
        lambda p, d: _collect(p),
    ),
    "ceasefire.evidence.services.transfer_custody": (
        "evidence.transferred",
        lambda p, d: evidence.transfer_custody(
            actor=p["monitor"], item=_item(), to=p["mediator.qatar"], purpose="analysis"
        ),
    ),
    "ceasefire.evidence.services.access_evidence": (
        "evidence.accessed",
        lambda p, d: evidence.access_evidence(actor=p["monitor"], item=_item()),
    ),
    "ceasefire.evidence.services.copy_evidence": (
        "evidence.copied",
        lambda p, d: evidence.copy_evidence(
            actor=p["monitor"], item=_item(), recipient="Court", purpose="case file"
        ),
    ),
    "ceasefire.evidence.services.derive_working_copy": (
        "evidence.derived",
        lambda p, d: evidence.derive_working_copy(
            actor=p["monitor"], source=_item(), derivation=Derivation.THUMBNAIL, public=True
        ),
    ),
    "ceasefire.evidence.services.attach_evidence": (
        "evidence.attached",
        lambda p, d: evidence.attach_evidence(
            actor=p["monitor"], item=_item(), subject=f"agreement:{d.pk}"
        ),
    ),
    "ceasefire.evidence.services.grade_evidence": (
        "evidence.graded",
        lambda p, d: evidence.grade_evidence(
            actor=p["monitor"], item=_item(), grade=parse_grade("B2")
        ),
    ),
}

# Records some services act on, prepared before the count starts.
PREPARED: dict[str, object] = {}

CASES = "ceasefire.cases.services."
FINDING = FindingDraft(
    Outcome.VIOLATION_VERIFIED,
    ("1",),
    "AFG",
    Severity.MINOR,
    Confidence.HIGH,
    "Two witnesses and the impact site.",
    (),
)


def _finding():
    """The case finding, citing the prepared evidence item."""
    return dataclasses.replace(FINDING, evidence=(_item().subject,))


# The state each case service needs its case in (prepared through the services themselves).
CASE_STATE = {
    "open_case": None,
    "triage_case": "received",
    "open_investigation": "triaged",
    "request_access": "under_investigation",
    "answer_access": "access_requested",
    "draft_finding": "under_investigation",
    "request_reply": "finding_drafted",
    "submit_reply": "awaiting_reply",
    "approve_finding": "awaiting_reply",
    "return_for_work": "awaiting_reply",
    "adopt_finding": "replied_and_approved",
    "report_case": "adopted",
    "escalate_case": "reported",
    "close_case": "received",
    "withdraw_case": "received",
    "merge_case": "received",
}


def _case_at(p, d, state):
    """Open a case on a report in remit and walk it to `state` with the demo roles."""
    incident = incidents.triage_incident(
        actor=p["monitor"], incident=_incident(p, d), decision=TriageStatus.IN_REMIT
    )
    PREPARED["incident_in_remit"] = incident
    if state is None:
        return None
    drafter = accounts.register_user(
        actor=p["admin"],
        username="monitor2",
        full_name="",
        email="",
        organisation=_org("SEC"),
        role=Role.MONITOR,
        password=PASSWORD,
    )
    case = cases.open_case(actor=p["monitor"], incidents=[incident], title="Case")
    steps = [
        (
            "triaged",
            lambda: cases.triage_case(
                actor=p["mediator.qatar"], case=case, priority=Priority.ROUTINE
            ),
        ),
        (
            "under_investigation",
            lambda: cases.open_investigation(
                actor=p["mediator.qatar"], case=case, monitors=[drafter], due_on=date(2099, 1, 1)
            ),
        ),
        (
            "access_requested",
            lambda: PREPARED.update(
                access=cases.request_access(
                    actor=drafter, case=case, party=_org("AFG"), what="the posts"
                )
            ),
        ),
        (
            "finding_drafted",
            lambda: cases.draft_finding(actor=drafter, case=case, draft=_finding()),
        ),
        ("awaiting_reply", lambda: cases.request_reply(actor=p["mediator.qatar"], case=case)),
        (
            "replied_and_approved",
            lambda: [
                cases.submit_reply(actor=p["liaison.afghanistan"], case=case, text="reply"),
                cases.approve_finding(actor=p["mediator.qatar"], case=case, concurs=True),
                cases.approve_finding(actor=p["mediator.turkiye"], case=case, concurs=True),
            ],
        ),
        ("adopted", lambda: cases.adopt_finding(actor=p["mediator.qatar"], case=case)),
        ("reported", lambda: cases.report_case(actor=p["monitor"], case=case, reference="R1")),
    ]
    order = ["received"] + [name for name, _ in steps]
    for name, step in steps:
        if order.index(name) > order.index(state):
            break
        if name == "access_requested" and state != "access_requested":
            continue
        step()
        case.refresh_from_db()
    PREPARED["drafter"] = drafter
    return case


CALLS.update(
    {
        CASES + "set_verification_rules": (
            "verification_rules.set",
            lambda p, d: cases.set_verification_rules(
                actor=p["mediator.qatar"],
                agreement=d,
                reply_window_hours=48,
                quorum_required=1,
                signoff=[_org("QAT")],
                severity_definitions={},
            ),
        ),
        CASES + "declare_affiliation": (
            "affiliation.declared",
            lambda p, d: cases.declare_affiliation(actor=p["mediator.turkiye"], party=_org("PAK")),
        ),
        CASES + "open_case": (
            "case.opened",
            lambda p, d: cases.open_case(
                actor=p["monitor"], incidents=[PREPARED["incident_in_remit"]], title="T"
            ),
        ),
        CASES + "triage_case": (
            "case.triaged",
            lambda p, d: cases.triage_case(
                actor=p["mediator.qatar"], case=PREPARED["case"], priority=Priority.URGENT
            ),
        ),
        CASES + "open_investigation": (
            "case.investigation_opened",
            lambda p, d: cases.open_investigation(
                actor=p["mediator.qatar"],
                case=PREPARED["case"],
                monitors=[PREPARED["drafter"]],
                due_on=date(2099, 1, 1),
            ),
        ),
        CASES + "request_access": (
            "case.access_requested",
            lambda p, d: cases.request_access(
                actor=PREPARED["drafter"], case=PREPARED["case"], party=_org("AFG"), what="x"
            ),
        ),
        CASES + "answer_access": (
            "case.access_answered",
            lambda p, d: cases.answer_access(
                actor=p["liaison.afghanistan"],
                request=PREPARED["access"],
                answer=AccessAnswer.GRANTED,
            ),
        ),
        CASES + "draft_finding": (
            "finding.drafted",
            lambda p, d: cases.draft_finding(
                actor=PREPARED["drafter"], case=PREPARED["case"], draft=_finding()
            ),
        ),
        CASES + "request_reply": (
            "finding.reply_requested",
            lambda p, d: cases.request_reply(actor=p["mediator.qatar"], case=PREPARED["case"]),
        ),
        CASES + "submit_reply": (
            "finding.replied",
            lambda p, d: cases.submit_reply(
                actor=p["liaison.afghanistan"], case=PREPARED["case"], text="We deny it."
            ),
        ),
        CASES + "approve_finding": (
            "finding.approved",
            lambda p, d: cases.approve_finding(
                actor=p["mediator.qatar"], case=PREPARED["case"], concurs=True
            ),
        ),
        CASES + "return_for_work": (
            "finding.returned",
            lambda p, d: cases.return_for_work(
                actor=p["mediator.qatar"], case=PREPARED["case"], note="more"
            ),
        ),
        CASES + "adopt_finding": (
            "finding.adopted",
            lambda p, d: cases.adopt_finding(actor=p["mediator.qatar"], case=PREPARED["case"]),
        ),
        CASES + "report_case": (
            "case.reported",
            lambda p, d: cases.report_case(
                actor=p["monitor"], case=PREPARED["case"], reference="R"
            ),
        ),
        CASES + "escalate_case": (
            "case.escalated",
            lambda p, d: cases.escalate_case(
                actor=p["mediator.qatar"], case=PREPARED["case"], note="refer"
            ),
        ),
        CASES + "close_case": (
            "case.closed",
            lambda p, d: cases.close_case(
                actor=p["mediator.qatar"], case=PREPARED["case"], reason="out of remit"
            ),
        ),
        CASES + "withdraw_case": (
            "case.withdrawn",
            lambda p, d: cases.withdraw_case(
                actor=p["mediator.qatar"], case=PREPARED["case"], reason="withdrawn"
            ),
        ),
        CASES + "merge_case": (
            "case.merged",
            lambda p, d: cases.merge_case(
                actor=p["monitor"],
                case=PREPARED["case"],
                into=PREPARED["into"],
            ),
        ),
    }
)


NEWS = "ceasefire.newsdesk.services."
ARTICLE_TEXT = (
    "Pakistani and Afghan forces exchanged fire at the Torkham crossing on Friday, killing three "
    "soldiers, the military's media wing ISPR said. Both sides agreed to extend the ceasefire "
    "after talks in Istanbul on Saturday."
)


def _article(p, d, text=ARTICLE_TEXT):
    return newsdesk.read_article(
        actor=p["monitor"],
        agreement=d,
        article=newsdesk.ArticleIn(text=text, title="T", published_on=date(2025, 10, 26)),
    )


def _candidate(kind):
    return PREPARED["article"].candidates.filter(kind=kind).first()


CALLS.update(
    {
        NEWS + "read_article": (
            "news_article.read",
            lambda p, d: _article(p, d, "Talks in Doha continued on Sunday, officials said."),
        ),
        NEWS + "read_articles": (
            "news_article.read",
            lambda p, d: newsdesk.read_articles(
                actor=p["monitor"],
                agreement=d,
                articles=[newsdesk.ArticleIn(text="Talks resumed in Riyadh on Monday.")],
                origin=Article.Origin.FILE,
            ),
        ),
        NEWS + "accept_incident": (
            "incident.reported",
            lambda p, d: newsdesk.accept_incident(
                actor=p["monitor"], candidate=_candidate("incident"), report=REPORT
            ),
        ),
        NEWS + "accept_event": (
            "agreement_event.recorded",
            lambda p, d: newsdesk.accept_event(
                actor=p["monitor"],
                candidate=_candidate("agreement_event"),
                kind=EventKind.CEASEFIRE_EXTENDED,
                occurred_on=date(2025, 10, 25),
                description="extended",
            ),
        ),
        NEWS + "add_to_report": (
            "incident.revised",
            lambda p, d: newsdesk.add_to_report(
                actor=p["monitor"], candidate=_candidate("incident"), incident=PREPARED["incident"]
            ),
        ),
        NEWS + "dismiss_candidate": (
            "news_candidate.dismissed",
            lambda p, d: newsdesk.dismiss_candidate(
                actor=p["monitor"], candidate=_candidate("incident"), note="duplicate"
            ),
        ),
    }
)


def test_the_table_names_every_service():
    platform_services = {name for name in discipline.SERVICES if name.startswith("ceasefire.")}
    assert platform_services == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_service_appends_exactly_one_entry(doha, people, name):
    kind, call = CALLS[name]
    accounts.issue_api_token(actor=people["monitor"], name="prepared")
    PREPARED["incident"] = _incident(people, doha)
    _ttp(people)
    _submit(people, description="prepared")
    if name.startswith(NEWS):
        PREPARED["article"] = _article(people, doha)
    short = name.removeprefix(CASES)
    if short in CASE_STATE:
        PREPARED["case"] = _case_at(people, doha, CASE_STATE[short])
    if short == "merge_case":
        other = incidents.triage_incident(
            actor=people["monitor"],
            incident=_incident(people, doha),
            decision=TriageStatus.IN_REMIT,
        )
        PREPARED["into"] = cases.open_case(actor=people["monitor"], incidents=[other], title="B")
    before = LogEntry.objects.count()
    call(people, doha)
    entries = list(LogEntry.objects.filter(index__gte=before))
    assert [entry.kind for entry in entries] == [kind]
    assert DEMO_PASSWORD not in bytes(entries[0].leaf).decode()
