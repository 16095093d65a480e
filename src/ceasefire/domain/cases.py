"""The verification workflow: a case's lifecycle as a transition table, and the rules that
guard adoption (the reply window, the mediator quorum, conflicts of interest).

An allegation becomes an adopted finding only along the edges of `TRANSITIONS`; each edge is
one service and one log entry. Who may take each step is `STEP_ROLES`; the guards that need
facts about the case (has the accused replied, who approved which version) are pure functions
here, so the same answer is given to the page, the API and the tests. Time is passed in, never
read: the domain has no clock. Must not import anything outside the standard library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from ceasefire.domain.errors import InvalidInput, InvalidTransition, NotPermitted
from ceasefire.domain.policy import Role


class CaseState(StrEnum):
    """Where a case stands."""

    RECEIVED = "received"
    TRIAGED = "triaged"
    UNDER_INVESTIGATION = "under_investigation"
    FINDING_DRAFTED = "finding_drafted"
    AWAITING_REPLY = "awaiting_reply"
    RETURNED = "returned"
    ADOPTED = "adopted"
    REPORTED = "reported"
    ESCALATED = "escalated"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"


class Step(StrEnum):
    """A move of the workflow; each is one service and one log entry."""

    TRIAGE = "triage"
    OPEN_INVESTIGATION = "open_investigation"
    DRAFT_FINDING = "draft_finding"
    REQUEST_REPLY = "request_reply"
    RETURN_FOR_WORK = "return_for_work"
    ADOPT = "adopt"
    REPORT = "report"
    ESCALATE = "escalate"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    MERGE = "merge"


_S = CaseState
_OPEN: Final = (_S.RECEIVED, _S.TRIAGED, _S.UNDER_INVESTIGATION)

# The only legal moves: (state, step) -> next state. Anything else is refused.
TRANSITIONS: Final[Mapping[tuple[CaseState, Step], CaseState]] = MappingProxyType(
    {
        (_S.RECEIVED, Step.TRIAGE): _S.TRIAGED,
        (_S.TRIAGED, Step.OPEN_INVESTIGATION): _S.UNDER_INVESTIGATION,
        (_S.UNDER_INVESTIGATION, Step.DRAFT_FINDING): _S.FINDING_DRAFTED,
        (_S.RETURNED, Step.DRAFT_FINDING): _S.FINDING_DRAFTED,
        (_S.FINDING_DRAFTED, Step.DRAFT_FINDING): _S.FINDING_DRAFTED,
        (_S.FINDING_DRAFTED, Step.REQUEST_REPLY): _S.AWAITING_REPLY,
        (_S.AWAITING_REPLY, Step.RETURN_FOR_WORK): _S.RETURNED,
        (_S.AWAITING_REPLY, Step.ADOPT): _S.ADOPTED,
        (_S.ADOPTED, Step.REPORT): _S.REPORTED,
        (_S.REPORTED, Step.ESCALATE): _S.ESCALATED,
        (_S.REPORTED, Step.CLOSE): _S.CLOSED,
        (_S.ESCALATED, Step.CLOSE): _S.CLOSED,
        **{(state, Step.WITHDRAW): _S.WITHDRAWN for state in _OPEN},
        **{(state, Step.MERGE): _S.MERGED for state in _OPEN},
        (_S.RECEIVED, Step.CLOSE): _S.CLOSED,
        (_S.TRIAGED, Step.CLOSE): _S.CLOSED,
    }
)

TERMINAL: Final = frozenset({_S.CLOSED, _S.WITHDRAWN, _S.MERGED})

_MED, _MON, _LIA = Role.MEDIATOR, Role.MONITOR, Role.LIAISON_OFFICER

# Who may take each step (before the case-specific guards below).
STEP_ROLES: Final[Mapping[Step, frozenset[Role]]] = MappingProxyType(
    {
        Step.TRIAGE: frozenset({_MED, _MON}),
        Step.OPEN_INVESTIGATION: frozenset({_MED}),
        Step.DRAFT_FINDING: frozenset({_MON}),
        Step.REQUEST_REPLY: frozenset({_MED}),
        Step.RETURN_FOR_WORK: frozenset({_MED}),
        Step.ADOPT: frozenset({_MED}),
        Step.REPORT: frozenset({_MED, _MON}),
        Step.ESCALATE: frozenset({_MED}),
        Step.CLOSE: frozenset({_MED}),
        Step.WITHDRAW: frozenset({_MED, _LIA}),
        Step.MERGE: frozenset({_MED, _MON}),
    }
)


def next_state(state: CaseState, step: Step) -> CaseState:
    """Return the state `step` leads to from `state`.

    Raises:
        InvalidTransition: the table has no such move.
    """
    target = TRANSITIONS.get((state, step))
    if target is None:
        raise InvalidTransition(
            f"a case that is {state.value.replace('_', ' ')} cannot {step.value.replace('_', ' ')}",
            details={"state": state.value, "step": step.value},
        )
    return target


def require_step(role: Role, step: Step) -> None:
    """Refuse a step the role may never take.

    Raises:
        NotPermitted: the role is not among `STEP_ROLES[step]`.
    """
    if role not in STEP_ROLES[step]:
        raise NotPermitted(
            f"a {role.value.replace('_', ' ')} may not {step.value.replace('_', ' ')}",
            details={"step": step.value, "role": role.value},
        )


class Outcome(StrEnum):
    """What a finding concludes."""

    VIOLATION_VERIFIED = "violation_verified"
    NOT_A_VIOLATION = "not_a_violation"
    UNVERIFIABLE = "unverifiable"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"


class Severity(StrEnum):
    """How grave a verified violation is (each agreement defines the words)."""

    MINOR = "minor"
    SERIOUS = "serious"
    GRAVE = "grave"


class Confidence(StrEnum):
    """How sure the investigators are of the finding."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class FindingDraft:
    """A finding as drafted: responsible party None means "undetermined"."""

    outcome: Outcome
    clauses: tuple[str, ...]
    responsible_party: str | None
    severity: Severity | None
    confidence: Confidence
    reasoning: str
    evidence: tuple[str, ...]


def check_finding(finding: FindingDraft, *, parties: frozenset[str]) -> None:
    """Check a finding is complete and coherent.

    A verified violation names the clause(s) breached and a severity, and cites evidence; any
    finding gives its reasoning; a responsible party must be a party to the agreement; an
    "unverifiable" or "insufficient evidence" finding says why in its reasoning and may cite
    nothing (e.g. access was denied).

    Raises:
        InvalidInput: a rule above is broken; `details["field"]` names the field.
    """
    if not finding.reasoning.strip():
        raise InvalidInput("a finding gives its reasoning", details={"field": "reasoning"})
    if finding.responsible_party is not None and finding.responsible_party not in parties:
        raise InvalidInput(
            f"{finding.responsible_party} is not a party to this agreement",
            details={"field": "responsible_party"},
        )
    if finding.outcome is Outcome.VIOLATION_VERIFIED:
        if not finding.clauses:
            raise InvalidInput(
                "a verified violation names the clause(s) breached", details={"field": "clauses"}
            )
        if finding.severity is None:
            raise InvalidInput("a verified violation has a severity", details={"field": "severity"})
        if not finding.evidence:
            raise InvalidInput(
                "a verified violation cites the evidence it rests on",
                details={"field": "evidence"},
            )
    elif finding.severity is not None:
        raise InvalidInput(
            "only a verified violation has a severity", details={"field": "severity"}
        )


DEFAULT_REPLY_WINDOW: Final = timedelta(hours=72)


@dataclass(frozen=True, slots=True)
class ReplyWindow:
    """The accused party's window to reply to a draft finding."""

    opened_at: datetime
    length: timedelta

    @property
    def closes_at(self) -> datetime:
        """Return when the window closes."""
        return self.opened_at + self.length

    def is_open(self, now: datetime) -> bool:
        """Tell whether replies are still inside the window at `now`."""
        return now < self.closes_at


def check_window_length(length: timedelta) -> None:
    """Refuse a reply window shorter than an hour or longer than 60 days.

    Raises:
        InvalidInput: the length is out of range.
    """
    if not timedelta(hours=1) <= length <= timedelta(days=60):
        raise InvalidInput(
            "a reply window lasts from 1 hour to 60 days", details={"field": "reply_window"}
        )


def reply_is_late(window: ReplyWindow | None, *, now: datetime) -> bool:
    """Tell whether a reply at `now` is late (True) or on time (False).

    Late replies are accepted and flagged (mechanism.md §12), never refused.

    Raises:
        InvalidTransition: no reply was requested on the current draft.
    """
    if window is None:
        raise InvalidTransition("no reply has been requested on this finding")
    return not window.is_open(now)


@dataclass(frozen=True, slots=True)
class Approval:
    """One mediator's position on one version of a finding."""

    person: str
    organisation: str
    version: int
    concurs: bool


@dataclass(frozen=True, slots=True)
class Quorum:
    """How many distinct mediator organisations must concur, from which organisations."""

    required: int
    eligible: frozenset[str]

    def __post_init__(self) -> None:
        """Refuse a quorum that can never be met or needs nobody.

        Raises:
            InvalidInput: `required` is below 1 or above the number of eligible organisations.
        """
        if not 1 <= self.required <= len(self.eligible):
            raise InvalidInput(
                "a quorum needs between 1 and all of the eligible mediators",
                details={"field": "quorum", "eligible": sorted(self.eligible)},
            )


@dataclass(frozen=True, slots=True)
class Interests:
    """What ties a person to a case: their organisation, the parties they are affiliated with,
    and whether they filed the case or drafted its finding."""

    organisation: str | None
    affiliations: frozenset[str] = frozenset()
    filed: bool = False
    drafted: bool = False


def conflict_of_interest(interests: Interests, *, case_parties: frozenset[str]) -> str | None:
    """Return why a person may not approve a finding on a case, or None if they may.

    Case parties are the filing party, the alleged responsible party and the affected party.
    """
    if interests.filed:
        return "they filed this case"
    if interests.drafted:
        return "they drafted this finding"
    if interests.organisation in case_parties:
        return f"their organisation {interests.organisation} is a party to this case"
    shared = sorted(interests.affiliations & case_parties)
    if shared:
        return f"they are affiliated with {', '.join(shared)}, a party to this case"
    return None


def check_approver(interests: Interests, *, quorum: Quorum, case_parties: frozenset[str]) -> None:
    """Refuse an approval from someone outside the quorum or with a conflict of interest.

    Raises:
        NotPermitted: the organisation is not eligible, or there is a conflict of interest.
    """
    if interests.organisation not in quorum.eligible:
        raise NotPermitted(
            "only the agreement's sign-off mediators approve findings",
            details={"organisation": interests.organisation},
        )
    reason = conflict_of_interest(interests, case_parties=case_parties)
    if reason is not None:
        raise NotPermitted(f"conflict of interest: {reason}", details={"conflict": reason})


def concurring(approvals: Iterable[Approval], *, version: int, quorum: Quorum) -> frozenset[str]:
    """Return the eligible organisations that concur on `version`.

    One person's later position replaces their earlier one; an organisation counts once
    however many of its people concur, and not at all while one of them dissents; positions
    on older versions do not count.
    """
    latest: dict[str, Approval] = {}
    for approval in approvals:
        if approval.version == version:
            latest[approval.person] = approval
    concur = {a.organisation for a in latest.values() if a.concurs}
    dissent = {a.organisation for a in latest.values() if not a.concurs}
    return frozenset((concur - dissent) & quorum.eligible)


def check_adoption(
    *,
    now: datetime,
    window: ReplyWindow | None,
    replied: bool,
    approvals: Iterable[Approval],
    version: int,
    quorum: Quorum,
) -> frozenset[str]:
    """Check a finding version may be adopted now; return the concurring organisations.

    Raises:
        InvalidTransition: no reply was requested; the reply window is still open and the
            accused has not replied; or the quorum has not concurred on this version.
    """
    if window is None:
        raise InvalidTransition("the accused party has not been asked to reply yet")
    if window.is_open(now) and not replied:
        raise InvalidTransition(
            "the reply window is open until "
            f"{window.closes_at.isoformat(timespec='minutes')} and the party has not replied",
            details={"closes_at": window.closes_at.isoformat()},
        )
    concur = concurring(approvals, version=version, quorum=quorum)
    if len(concur) < quorum.required:
        missing = sorted(quorum.eligible - concur)
        raise InvalidTransition(
            f"{len(concur)} of the {quorum.required} required mediators concur on version "
            f"{version}; waiting for {', '.join(missing)}",
            details={"concur": sorted(concur), "required": quorum.required},
        )
    return concur
