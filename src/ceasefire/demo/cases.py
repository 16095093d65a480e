"""A demo case, walked through the workflow services up to the accused party's reply window.

The Afghan liaison office's illustrative report of a drone over Khost is triaged in remit; the
Qatari mediator opens a case and tasks the monitor, who files a site note in the evidence
locker and drafts a finding; the mediator sends it to Pakistan, whose reply window is open
when the demo starts. Everything after that is for the demo's users to try.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from ceasefire.accounts.models import User
from ceasefire.cases import services
from ceasefire.cases.models import Case, Priority
from ceasefire.domain.cases import Confidence, FindingDraft, Outcome, Severity
from ceasefire.domain.intake import TriageStatus
from ceasefire.evidence import services as evidence
from ceasefire.evidence.uploads import staged_bytes
from ceasefire.incidents import services as intake
from ceasefire.incidents.models import Incident

SITE_NOTE = (
    b"Illustrative site note (demo): two residents of Khost city describe a drone circling for "
    b"about twenty minutes on the evening of 28 October 2025; one filmed it. Radar data was "
    b"requested from both parties.\n"
)


def load_case(people: dict[str, User]) -> None:
    """Open and advance the demo case; idempotent."""
    if Case.objects.exists():
        return
    report = Incident.objects.filter(place_name="Khost").first()
    if report is None:
        return
    report = intake.triage_incident(
        actor=people["monitor"], incident=report, decision=TriageStatus.IN_REMIT
    )
    qatar = people["mediator.qatar"]
    case = services.open_case(
        actor=qatar, incidents=[report], title="Drone over Khost, 28 October 2025"
    )
    services.triage_case(actor=people["mediator.turkiye"], case=case, priority=Priority.ROUTINE)
    services.open_investigation(
        actor=qatar,
        case=case,
        monitors=[people["monitor"]],
        due_on=timezone.localdate() + timedelta(days=14),
        instructions="Interview witnesses in Khost; ask both parties for radar and flight logs.",
    )
    with staged_bytes(SITE_NOTE, "khost-site-note.txt") as file:
        note = evidence.collect_evidence(
            actor=people["monitor"],
            file=file,
            collected_at=timezone.now() - timedelta(hours=2),
            method="interviews in Khost (illustrative)",
            description="Site note: witness accounts of the drone",
            subjects=[case.subject],
        )
    services.draft_finding(
        actor=people["monitor"],
        case=case,
        draft=FindingDraft(
            outcome=Outcome.VIOLATION_VERIFIED,
            clauses=("5",),
            responsible_party="PAK",
            severity=Severity.MINOR,
            confidence=Confidence.MEDIUM,
            reasoning="Illustrative: two consistent witness accounts and a video place an "
            "unidentified drone over Khost; its flight path from the east points to Pakistan.",
            evidence=(note.subject,),
        ),
    )
    services.request_reply(actor=qatar, case=case)
