"""Reads of the verification workflow, each for a viewer.

The mechanism (monitors, analysts, the agreement's mediators) sees every case. A party's
liaison officers see the cases that concern their party (responsible, affected or filing):
its state, its reports as disclosed to them, the access requests addressed to them, and the
finding only once it is sent to the parties for reply (mechanism.md §6 rule 5). The public
sees no case: findings reach it through issued reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from ceasefire.accounts.models import User
from ceasefire.cases import facts
from ceasefire.cases.models import Case, Finding, Notification
from ceasefire.domain import cases as rules
from ceasefire.domain.errors import NotFound
from ceasefire.domain.policy import Actor, Role

_STAFF = {Role.MONITOR, Role.ANALYST}

# From these states on, the parties concerned see the finding.
SHOWN_TO_PARTIES: frozenset[str] = frozenset(
    s.value
    for s in (
        rules.CaseState.AWAITING_REPLY,
        rules.CaseState.ADOPTED,
        rules.CaseState.REPORTED,
        rules.CaseState.ESCALATED,
        rules.CaseState.CLOSED,
    )
)


def _base() -> QuerySet[Case]:
    return Case.objects.select_related(
        "agreement", "responsible_party", "affected_party", "opened_by", "merged_into", "parent"
    )


def cases_visible_to(viewer: Actor) -> QuerySet[Case]:
    """Return the cases the viewer may see."""
    cases = _base()
    if viewer.role in _STAFF:
        return cases
    if viewer.role is Role.MEDIATOR and viewer.organisation:
        return cases.filter(agreement__mediator_links__organisation__code=viewer.organisation)
    if viewer.role is Role.LIAISON_OFFICER and viewer.organisation:
        code = viewer.organisation
        concerns = (
            Q(responsible_party__code=code)
            | Q(affected_party__code=code)
            | Q(incidents__filing_party__code=code)
            | Q(access_requests__party__code=code)
        )
        return cases.filter(concerns, agreement__parties__code=code).distinct()
    return cases.none()


def get_case(case_id: int, *, viewer: Actor) -> Case:
    """Return one case the viewer may see.

    Raises:
        NotFound: no such case, or not visible to the viewer.
    """
    try:
        return cases_visible_to(viewer).get(pk=case_id)
    except (Case.DoesNotExist, ValueError):
        raise NotFound(f"no case {case_id}") from None


def is_mechanism(viewer: Actor, case: Case) -> bool:
    """Tell whether the viewer works for the mechanism on this case."""
    if viewer.role in _STAFF:
        return True
    return (
        viewer.role is Role.MEDIATOR
        and case.agreement.mediator_links.filter(organisation__code=viewer.organisation).exists()
    )


# Reasons the parties see: why a case ended. Notes given while it runs (what a draft lacks,
# why it was escalated) are the mechanism's own.
REASONS_SHOWN_TO_PARTIES: frozenset[str] = frozenset(
    {rules.CaseState.CLOSED.value, rules.CaseState.WITHDRAWN.value}
)


def note_visible(case: Case, viewer: Actor) -> str:
    """Return the reason given at the case's last step, if the viewer may read it."""
    if is_mechanism(viewer, case) or case.state in REASONS_SHOWN_TO_PARTIES:
        return case.note
    return ""


def findings_visible(case: Case, viewer: Actor) -> list[Finding]:
    """Return the finding versions the viewer may read, oldest first."""
    findings = case.findings.select_related("responsible_party", "drafted_by").prefetch_related(
        "replies__party", "approvals__person", "approvals__organisation"
    )
    if is_mechanism(viewer, case):
        return list(findings)
    if case.state not in SHOWN_TO_PARTIES:
        return []
    return [f for f in findings if f.reply_opened_at is not None]


@dataclass(frozen=True, slots=True)
class Standing:
    """Where the current finding stands: window, replies, who concurs, who is still needed."""

    finding: Finding | None
    window_open: bool
    closes_at: object
    concurring: frozenset[str]
    required: int
    eligible: frozenset[str]
    addressed: frozenset[str]
    replied: frozenset[str] = field(default_factory=frozenset)


def standing(case: Case, *, now: object) -> Standing:
    """Summarise the current finding's reply window and quorum for the case page."""
    quorum, _ = facts.rules_of(case.agreement)
    finding = case.findings.order_by("-version").first()
    if finding is None:
        return Standing(
            None, False, None, frozenset(), quorum.required, quorum.eligible, frozenset()
        )
    window = finding.window()
    approvals = [a.as_domain() for a in finding.approvals.select_related("organisation", "finding")]
    return Standing(
        finding=finding,
        window_open=window is not None and window.is_open(now),  # type: ignore[arg-type]
        closes_at=window.closes_at if window else None,
        concurring=rules.concurring(approvals, version=finding.version, quorum=quorum),
        required=quorum.required,
        eligible=quorum.eligible,
        addressed=facts.addressed_parties(case, finding),
        replied=frozenset(finding.replies.values_list("party__code", flat=True)),
    )


def steps_for(viewer: Actor, case: Case) -> list[str]:
    """Return the steps the viewer's role may take from the case's state (the table decides
    the rest when they try)."""
    state = rules.CaseState(case.state)
    allowed = [
        step.value
        for (origin, step) in rules.TRANSITIONS
        if origin is state and viewer.role in rules.STEP_ROLES[step]
    ]
    return sorted(set(allowed))


def inbox(user: User) -> QuerySet[Notification]:
    """Return a person's notifications, newest first."""
    return Notification.objects.filter(user=user).select_related("case")
