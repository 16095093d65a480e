"""The deadline sweep: tell people when a reply window has closed or an investigation is due.

Deadlines never change a case's state (mechanism.md §8); they only notify. Run it from cron
or a timer (`ceasefire notify-deadlines`); each notification is sent once per person.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ceasefire.agreements.selectors import scope_of
from ceasefire.cases import notifications
from ceasefire.cases.facts import addressed_parties, rules_of
from ceasefire.cases.models import Case, Finding
from ceasefire.domain import cases as rules


def sweep(now: datetime) -> int:
    """Send the notifications due at `now`; return how many were newly sent."""
    sent = 0
    waiting = Finding.objects.filter(
        case__state=rules.CaseState.AWAITING_REPLY.value, reply_opened_at__isnull=False
    ).select_related("case__agreement")
    for finding in waiting:
        window = finding.window()
        if window is None or finding.case.findings.filter(version__gt=finding.version).exists():
            continue
        case = finding.case
        quorum, _ = rules_of(case.agreement)
        if not window.is_open(now):
            sent += notifications.notify(
                notifications.mediators(quorum.eligible),
                case=case,
                kind="reply_window_closed",
                message=f"The reply window on case {case.pk} closed; the finding may be adopted "
                "once the quorum concurs.",
                key=f"window_closed:{finding.pk}",
            )
        elif window.closes_at - now <= timedelta(hours=24):
            sent += notifications.notify(
                notifications.liaison_officers(addressed_parties(case, finding)),
                case=case,
                kind="reply_window_closing",
                message=f"The reply window on case {case.pk} closes at "
                f"{window.closes_at:%Y-%m-%d %H:%M} UTC.",
                key=f"window_closing:{finding.pk}",
            )
    overdue = Case.objects.filter(
        state=rules.CaseState.UNDER_INVESTIGATION.value, investigation_due__lt=now.date()
    ).select_related("agreement")
    for case in overdue:
        sent += notifications.notify(
            [t.monitor for t in case.taskings.select_related("monitor")]
            + notifications.mediators(scope_of(case.agreement).mediators),
            case=case,
            kind="investigation_overdue",
            message=f"The investigation of case {case.pk} was due on {case.investigation_due}.",
            key=f"overdue:{case.pk}:{case.investigation_due}",
        )
    return sent
