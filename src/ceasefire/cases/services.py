"""Writes of the verification workflow: each step of `domain.cases.TRANSITIONS` is one service
and one log entry; so are the steps that stay in a state (an access request, a reply, an
approval).

Every step locks the case, checks the version the actor saw, the role and agreement (who may
take it), the transition table and the step's own guard, then writes and records. Payloads
carry decisions and SHA-256 of texts, never the texts: findings and replies can be
confidential until reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, timedelta

from django.utils import timezone

from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements.models import Agreement
from ceasefire.agreements.selectors import scope_of
from ceasefire.cases import notifications
from ceasefire.cases.facts import (
    addressed_parties,
    case_parties,
    current_finding,
    filers,
    interests_of,
    rules_of,
)
from ceasefire.cases.models import (
    AccessAnswer,
    AccessRequest,
    Affiliation,
    Approval,
    Case,
    CaseKind,
    Finding,
    Priority,
    Reply,
    Tasking,
    VerificationRules,
)
from ceasefire.domain import cases as rules
from ceasefire.domain.errors import InvalidInput, NotFound, NotPermitted, StaleVersion
from ceasefire.domain.events import Event
from ceasefire.domain.intake import TriageStatus
from ceasefire.domain.policy import Role
from ceasefire.incidents.models import Incident
from ceasefire.ledger.discipline import batch_service, service
from ceasefire.ledger.services import record, record_batch

MAX_TEXT = 20_000


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _text(name: str, value: str, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"the {name.replace('_', ' ')} is required", details={"field": name})
    if len(value) > MAX_TEXT:
        raise InvalidInput(
            f"the {name.replace('_', ' ')} is at most {MAX_TEXT:,} characters",
            details={"field": name},
        )
    return value


def _in_agreement(actor: User, agreement: Agreement) -> None:
    """Refuse a mediator of another agreement or a liaison officer of a non-party."""
    scope = scope_of(agreement)
    role = Role(actor.role)
    organisation = actor.organisation.code if actor.organisation else None
    if role is Role.MEDIATOR and organisation not in scope.mediators:
        raise NotPermitted("only this agreement's mediators take this step")
    if role is Role.LIAISON_OFFICER and organisation not in scope.parties:
        raise NotPermitted("only the parties to this agreement take this step")


def _lock(case: Case, version: int | None) -> Case:
    locked = (
        Case.objects.select_for_update(of=("self",))
        .select_related("agreement", "responsible_party", "affected_party")
        .get(pk=case.pk)
    )
    if version is not None and version != locked.version:
        raise StaleVersion(
            "the case changed since you opened it; reload it and try again",
            details={"expected": version, "actual": locked.version},
        )
    return locked


def _step(actor: User, case: Case, step: rules.Step, version: int | None) -> Case:
    """Lock the case and check role, agreement and table; move it to the next state."""
    case = _lock(case, version)
    rules.require_step(Role(actor.role), step)
    _in_agreement(actor, case.agreement)
    target = rules.next_state(rules.CaseState(case.state), step)
    case.state = target.value
    case.version += 1
    return case


def _save(case: Case, *fields: str) -> None:
    case.save(update_fields=["state", "version", *fields])


def _event(name: str, case: Case, **payload: object) -> Event:
    return Event(name, case.subject, {"state": case.state, "version": case.version, **payload})


@service
def set_verification_rules(
    *,
    actor: User,
    agreement: Agreement,
    reply_window_hours: int,
    quorum_required: int,
    signoff: Sequence[Organisation],
    severity_definitions: dict[str, str],
) -> VerificationRules:
    """Set how an agreement's findings are verified (its mediators)."""
    rules.require_step(Role(actor.role), rules.Step.ADOPT)
    _in_agreement(actor, agreement)
    if not 0 < reply_window_hours <= 24 * 60:
        raise InvalidInput(
            "a reply window lasts from 1 hour to 60 days", details={"field": "reply_window"}
        )
    rules.check_window_length(timedelta(hours=reply_window_hours))
    mediators = scope_of(agreement).mediators
    codes = frozenset(o.code for o in signoff)
    if not codes <= mediators:
        raise InvalidInput(
            "only the agreement's mediators sign findings off", details={"field": "signoff"}
        )
    rules.Quorum(quorum_required, codes)
    unknown = set(severity_definitions) - {s.value for s in rules.Severity}
    if unknown:
        raise InvalidInput(
            f"unknown severity {', '.join(sorted(unknown))}", details={"field": "severity"}
        )
    configured, _ = VerificationRules.objects.update_or_create(
        agreement=agreement,
        defaults={
            "reply_window_hours": reply_window_hours,
            "quorum_required": quorum_required,
            "severity_definitions": {k: v.strip() for k, v in severity_definitions.items()},
            "set_at": timezone.now(),
            "set_by": actor,
        },
    )
    configured.signoff.set(signoff)
    payload = {
        "reply_window_hours": reply_window_hours,
        "quorum_required": quorum_required,
        "signoff": sorted(codes),
        "severity_definitions_sha256": _sha(repr(sorted(severity_definitions.items()))),
    }
    record(
        actor=actor,
        event=Event("verification_rules.set", f"agreement:{agreement.pk}", payload),
    )
    return configured


@service
def declare_affiliation(*, actor: User, party: Organisation, note: str = "") -> Affiliation:
    """Declare your own tie to a party (mediators, monitors): it bars you from its cases."""
    if actor.role not in {Role.MEDIATOR.value, Role.MONITOR.value}:
        raise NotPermitted("mediators and monitors declare their affiliations")
    if party.kind != "party":
        raise InvalidInput("an affiliation is with a party", details={"field": "party"})
    if Affiliation.objects.filter(user=actor, party=party).exists():
        raise InvalidInput(f"already declared for {party.code}", details={"field": "party"})
    affiliation = Affiliation.objects.create(
        user=actor,
        party=party,
        note=_text("note", note, required=False)[:500],
        declared_at=timezone.now(),
    )
    record(
        actor=actor,
        event=Event("affiliation.declared", f"user:{actor.pk}", {"party": party.code}),
    )
    return affiliation


def _new_case(
    *,
    actor: User,
    agreement: Agreement,
    kind: CaseKind,
    title: str,
    responsible: Organisation | None,
    affected: Organisation | None,
    parent: Case | None = None,
) -> Case:
    return Case.objects.create(
        agreement=agreement,
        kind=kind.value,
        title=_text("title", title)[:200],
        state=rules.CaseState.RECEIVED.value,
        responsible_party=responsible,
        affected_party=affected,
        parent=parent,
        opened_by=actor,
        opened_at=timezone.now(),
    )


@service
def open_case(*, actor: User, incidents: Sequence[Incident], title: str) -> Case:
    """Open a case on reports triaged in remit, all under one agreement (monitors, mediators).

    The case takes the responsible and affected party of its first report.
    """
    if actor.role not in {Role.MONITOR.value, Role.MEDIATOR.value}:
        raise NotPermitted("monitors and mediators open cases")
    if not incidents:
        raise InvalidInput("a case needs at least one report", details={"field": "incidents"})
    agreements = {i.agreement_id for i in incidents}
    if len(agreements) != 1:
        raise InvalidInput(
            "a case's reports are under one agreement", details={"field": "incidents"}
        )
    first = incidents[0]
    _in_agreement(actor, first.agreement)
    for incident in incidents:
        if incident.triage_status != TriageStatus.IN_REMIT.value:
            raise InvalidInput(
                f"report #{incident.pk} is not triaged in remit", details={"field": "incidents"}
            )
        taken = (
            Case.objects.filter(incidents=incident)
            .exclude(state__in=[s.value for s in rules.TERMINAL])
            .first()
        )
        if taken is not None:
            raise InvalidInput(
                f"report #{incident.pk} is already in case {taken.pk}",
                details={"field": "incidents"},
            )
    case = _new_case(
        actor=actor,
        agreement=first.agreement,
        kind=CaseKind.VIOLATION,
        title=title,
        responsible=first.responsible_party,
        affected=first.affected_party,
    )
    case.incidents.set(incidents)
    payload = {"incidents": sorted(i.subject for i in incidents), "kind": case.kind}
    record(actor=actor, event=_event("case.opened", case, **payload))
    return case


@service
def triage_case(*, actor: User, case: Case, priority: Priority, version: int | None = None) -> Case:
    """Accept a case for verification and set its priority (not by whoever filed it)."""
    case = _step(actor, case, rules.Step.TRIAGE, version)
    if actor.pk in filers(case):
        raise NotPermitted("a case is triaged by someone other than who filed it")
    case.priority = priority.value
    _save(case, "priority")
    record(actor=actor, event=_event("case.triaged", case, priority=priority.value))
    return case


@service
def open_investigation(
    *,
    actor: User,
    case: Case,
    monitors: Sequence[User],
    due_on: date,
    instructions: str = "",
    version: int | None = None,
) -> Case:
    """Task one or more monitors to investigate by a due date (mediators)."""
    case = _step(actor, case, rules.Step.OPEN_INVESTIGATION, version)
    if not monitors or any(m.role != Role.MONITOR.value or not m.is_active for m in monitors):
        raise InvalidInput("task at least one active monitor", details={"field": "monitors"})
    if due_on <= timezone.localdate():
        raise InvalidInput("the due date is in the future", details={"field": "due_on"})
    now = timezone.now()
    instructions = _text("instructions", instructions, required=False)
    Tasking.objects.bulk_create(
        Tasking(case=case, monitor=m, due_on=due_on, instructions=instructions, assigned_at=now)
        for m in {m.pk: m for m in monitors}.values()
    )
    case.investigation_due = due_on
    _save(case, "investigation_due")
    notifications.notify(
        monitors,
        case=case,
        kind="tasked",
        message=f"You are tasked to investigate case {case.pk} “{case.title}” by {due_on}.",
        key=f"tasked:{case.pk}:{case.version}",
    )
    payload = {"monitors": sorted(f"user:{m.pk}" for m in monitors), "due_on": due_on.isoformat()}
    record(actor=actor, event=_event("case.investigation_opened", case, **payload))
    return case


@service
def request_access(*, actor: User, case: Case, party: Organisation, what: str) -> AccessRequest:
    """Ask a party for access to a site, a person or records (monitors, mediators)."""
    case = _lock(case, None)
    if actor.role not in {Role.MONITOR.value, Role.MEDIATOR.value}:
        raise NotPermitted("monitors and mediators request access")
    _in_agreement(actor, case.agreement)
    if case.state != rules.CaseState.UNDER_INVESTIGATION.value:
        raise InvalidInput(
            "access is requested while the case is under investigation",
            details={"field": "case"},
        )
    if party.code not in scope_of(case.agreement).parties:
        raise InvalidInput(
            f"{party.code} is not a party to this agreement", details={"field": "party"}
        )
    request = AccessRequest.objects.create(
        case=case,
        party=party,
        what=_text("what", what),
        requested_by=actor,
        requested_at=timezone.now(),
    )
    notifications.notify(
        notifications.liaison_officers([party.code]),
        case=case,
        kind="access_requested",
        message=f"The mechanism requests access for case {case.pk}: {request.what[:200]}",
        key=f"access:{request.pk}",
    )
    payload = {"request": request.subject, "party": party.code, "what_sha256": _sha(request.what)}
    record(actor=actor, event=_event("case.access_requested", case, **payload))
    return request


@batch_service
def answer_access(
    *, actor: User, request: AccessRequest, answer: AccessAnswer, note: str = ""
) -> AccessRequest:
    """Record a party's answer to an access request, or obstruction met in the field.

    The party's liaison officers grant or deny; a monitor records obstruction. A denial or an
    obstruction opens a linked case of kind "obstruction", itself reportable: that is one more
    log entry, for the new case.
    """
    request = (
        AccessRequest.objects.select_for_update(of=("self",))
        .select_related("case", "party")
        .get(pk=request.pk)
    )
    case = request.case
    if request.answer != AccessAnswer.PENDING.value:
        raise InvalidInput("this request was already answered", details={"field": "answer"})
    own = actor.role == Role.LIAISON_OFFICER.value and actor.organisation_id == request.party_id
    if answer in (AccessAnswer.GRANTED, AccessAnswer.DENIED) and not own:
        raise NotPermitted("the party asked grants or denies access")
    if answer is AccessAnswer.OBSTRUCTED and actor.role != Role.MONITOR.value:
        raise NotPermitted("monitors record obstruction met in the field")
    if answer is AccessAnswer.PENDING:
        raise InvalidInput("give an answer", details={"field": "answer"})
    request.answer = answer.value
    request.answer_note = _text("note", note, required=answer is not AccessAnswer.GRANTED)
    request.answered_by = actor
    request.answered_at = timezone.now()
    events = []
    if answer in (AccessAnswer.DENIED, AccessAnswer.OBSTRUCTED):
        obstruction = _new_case(
            actor=actor,
            agreement=case.agreement,
            kind=CaseKind.OBSTRUCTION,
            title=f"Access {answer.value} in case {case.pk}",
            responsible=request.party,
            affected=None,
            parent=case,
        )
        request.obstruction_case = obstruction
        events.append(
            _event("case.opened", obstruction, kind=obstruction.kind, parent=case.subject)
        )
        notifications.notify(
            notifications.mediators(scope_of(case.agreement).mediators),
            case=obstruction,
            kind="obstruction",
            message=f"Access was {answer.value} in case {case.pk}: obstruction case "
            f"{obstruction.pk} opened.",
            key=f"obstruction:{request.pk}",
        )
    request.save()
    events.insert(
        0,
        _event(
            "case.access_answered",
            case,
            request=request.subject,
            answer=answer.value,
            note_sha256=_sha(request.answer_note),
        ),
    )
    record_batch(actor=actor, events=events)
    return request


def _check_evidence(references: Sequence[str]) -> tuple[str, ...]:
    """Check cited evidence exists: each reference names an item as `evidence:<id>`."""
    from ceasefire.cases.citations import check_citations

    return check_citations(references)


@service
def draft_finding(
    *, actor: User, case: Case, draft: rules.FindingDraft, version: int | None = None
) -> Finding:
    """Draft the case's finding, or a new version of it (monitors who did not file the case)."""
    case = _step(actor, case, rules.Step.DRAFT_FINDING, version)
    if actor.pk in filers(case):
        raise NotPermitted("a finding is drafted by someone other than who filed the case")
    parties = scope_of(case.agreement).parties
    rules.check_finding(draft, parties=parties)
    evidence = _check_evidence(draft.evidence)
    clause_numbers = _current_clauses(case.agreement)
    unknown = [c for c in draft.clauses if c not in clause_numbers]
    if unknown:
        raise InvalidInput(
            f"the agreement in force has no clause {', '.join(unknown)}",
            details={"field": "clauses"},
        )
    number = (case.findings.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    finding = Finding.objects.create(
        case=case,
        version=number,
        outcome=draft.outcome.value,
        clauses=list(draft.clauses),
        responsible_party=Organisation.objects.filter(code=draft.responsible_party).first()
        if draft.responsible_party
        else None,
        severity=draft.severity.value if draft.severity else "",
        confidence=draft.confidence.value,
        reasoning=_text("reasoning", draft.reasoning),
        evidence=list(evidence),
        drafted_by=actor,
        drafted_at=timezone.now(),
    )
    _save(case)
    payload = {
        "finding": finding.subject,
        "finding_version": number,
        "outcome": finding.outcome,
        "reasoning_sha256": _sha(finding.reasoning),
        "evidence": list(evidence),
    }
    record(actor=actor, event=_event("finding.drafted", case, **payload))
    return finding


def _current_clauses(agreement: Agreement) -> set[str]:
    from ceasefire.agreements.selectors import get_version

    try:
        return {c.number for c in get_version(agreement).clauses.all()}
    except NotFound:
        return set()


@service
def request_reply(*, actor: User, case: Case, version: int | None = None) -> Finding:
    """Send the current draft to the accused party and open its reply window (mediators)."""
    case = _step(actor, case, rules.Step.REQUEST_REPLY, version)
    finding = current_finding(case)
    _, window = rules_of(case.agreement)
    finding.reply_opened_at = timezone.now()
    finding.reply_window_hours = int(window.total_seconds() // 3600)
    finding.save(update_fields=["reply_opened_at", "reply_window_hours"])
    _save(case)
    parties = addressed_parties(case, finding)
    closes = finding.reply_opened_at + window
    notifications.notify(
        notifications.liaison_officers(parties),
        case=case,
        kind="reply_window_opened",
        message=f"A draft finding on case {case.pk} is addressed to you; reply by "
        f"{closes:%Y-%m-%d %H:%M} UTC.",
        key=f"reply_opened:{finding.pk}",
    )
    quorum, _ = rules_of(case.agreement)
    notifications.notify(
        notifications.mediators(quorum.eligible),
        case=case,
        kind="approval_needed",
        message=f"Finding v{finding.version} on case {case.pk} awaits your approval.",
        key=f"approval:{finding.pk}",
    )
    payload = {
        "finding": finding.subject,
        "parties": sorted(parties),
        "closes_at": closes.isoformat(),
    }
    record(actor=actor, event=_event("finding.reply_requested", case, **payload))
    return finding


@service
def submit_reply(
    *,
    actor: User,
    case: Case,
    text: str,
    remedial_steps: str = "",
    evidence: Sequence[str] = (),
) -> Reply:
    """Reply to the draft finding addressed to your party (its liaison officers); a reply
    after the window is accepted and marked late."""
    case = _lock(case, None)
    if actor.role != Role.LIAISON_OFFICER.value or actor.organisation is None:
        raise NotPermitted("a party's liaison officers reply for it")
    if case.state != rules.CaseState.AWAITING_REPLY.value:
        raise InvalidInput(
            "no draft finding awaits a reply on this case", details={"field": "case"}
        )
    finding = current_finding(case)
    if actor.organisation.code not in addressed_parties(case, finding):
        raise NotPermitted("this draft finding is not addressed to your party")
    now = timezone.now()
    late = rules.reply_is_late(finding.window(), now=now)
    reply = Reply.objects.create(
        finding=finding,
        party=actor.organisation,
        text=_text("text", text),
        remedial_steps=_text("remedial_steps", remedial_steps, required=False),
        evidence=list(_check_evidence(evidence)),
        submitted_by=actor,
        submitted_at=now,
        late=late,
    )
    quorum, _ = rules_of(case.agreement)
    notifications.notify(
        notifications.mediators(quorum.eligible),
        case=case,
        kind="reply_received",
        message=f"{actor.organisation.code} replied to finding v{finding.version} on case "
        f"{case.pk}{' (late)' if late else ''}.",
        key=f"reply:{reply.pk}",
    )
    payload = {
        "finding": finding.subject,
        "reply": reply.subject,
        "party": actor.organisation.code,
        "late": late,
        "text_sha256": _sha(reply.text),
        "evidence": reply.evidence,
    }
    record(actor=actor, event=_event("finding.replied", case, **payload))
    return reply


@service
def approve_finding(
    *, actor: User, case: Case, concurs: bool, statement: str = "", version: int | None = None
) -> Approval:
    """Concur with or dissent from the current finding version (sign-off mediators without a
    conflict of interest). A later position of the same person replaces the earlier one."""
    case = _lock(case, None)
    if case.state != rules.CaseState.AWAITING_REPLY.value:
        raise InvalidInput("no finding awaits approval on this case", details={"field": "case"})
    rules.require_step(Role(actor.role), rules.Step.ADOPT)
    if actor.organisation is None:
        raise NotPermitted("a mediator approves for their organisation")
    finding = current_finding(case)
    if version is not None and version != finding.version:
        raise StaleVersion(
            f"finding version {finding.version} is now current; read it before approving",
            details={"expected": version, "actual": finding.version},
        )
    quorum, _ = rules_of(case.agreement)
    rules.check_approver(
        interests_of(actor, case, finding), quorum=quorum, case_parties=case_parties(case)
    )
    statement = _text("statement", statement, required=not concurs)
    approval = Approval.objects.create(
        finding=finding,
        person=actor,
        organisation=actor.organisation,
        concurs=concurs,
        statement=statement,
        at=timezone.now(),
    )
    payload = {
        "finding": finding.subject,
        "finding_version": finding.version,
        "concurs": concurs,
        "organisation": actor.organisation.code,
        "statement_sha256": _sha(statement),
    }
    record(actor=actor, event=_event("finding.approved", case, **payload))
    return approval


@service
def return_for_work(*, actor: User, case: Case, note: str, version: int | None = None) -> Case:
    """Send a draft back to the investigators, saying what is missing (mediators)."""
    case = _step(actor, case, rules.Step.RETURN_FOR_WORK, version)
    case.note = _text("note", note)
    _save(case, "note")
    finding = current_finding(case)
    notifications.notify(
        [finding.drafted_by, *(t.monitor for t in case.taskings.select_related("monitor"))],
        case=case,
        kind="returned",
        message=f"Finding v{finding.version} on case {case.pk} was returned for more work.",
        key=f"returned:{finding.pk}:{case.version}",
    )
    record(actor=actor, event=_event("finding.returned", case, note_sha256=_sha(case.note)))
    return case


@service
def adopt_finding(*, actor: User, case: Case, version: int | None = None) -> Finding:
    """Adopt the current finding once the reply window has closed (or the party replied) and
    the sign-off quorum concurs on this very version (mediators)."""
    case = _step(actor, case, rules.Step.ADOPT, version)
    finding = current_finding(case)
    quorum, _ = rules_of(case.agreement)
    addressed = addressed_parties(case, finding)
    replied = set(finding.replies.values_list("party__code", flat=True))
    parties = case_parties(case)
    approvals = [
        a
        for a in finding.approvals.select_related("organisation", "finding", "person")
        # An affiliation declared after approving voids the approval.
        if rules.conflict_of_interest(interests_of(a.person, case, finding), case_parties=parties)
        is None
    ]
    concur = rules.check_adoption(
        now=timezone.now(),
        window=finding.window(),
        replied=bool(addressed) and addressed <= replied,
        approvals=[a.as_domain() for a in approvals],
        version=finding.version,
        quorum=quorum,
    )
    finding.adopted_at = timezone.now()
    finding.save(update_fields=["adopted_at"])
    _save(case)
    dissents = finding.approvals.filter(concurs=False).count()
    payload = {
        "finding": finding.subject,
        "finding_version": finding.version,
        "outcome": finding.outcome,
        "concurring": sorted(concur),
        "dissents": dissents,
    }
    record(actor=actor, event=_event("finding.adopted", case, **payload))
    return finding


@service
def report_case(*, actor: User, case: Case, reference: str, version: int | None = None) -> Case:
    """Record that the adopted finding was included in an issued report."""
    case = _step(actor, case, rules.Step.REPORT, version)
    case.note = _text("reference", reference)
    _save(case, "note")
    record(actor=actor, event=_event("case.reported", case, reference_sha256=_sha(case.note)))
    return case


@service
def escalate_case(*, actor: User, case: Case, note: str, version: int | None = None) -> Case:
    """Refer a verified violation to the guarantors (mediators)."""
    case = _step(actor, case, rules.Step.ESCALATE, version)
    if current_finding(case).outcome != rules.Outcome.VIOLATION_VERIFIED.value:
        raise InvalidInput("only a verified violation is escalated", details={"field": "case"})
    case.note = _text("note", note)
    _save(case, "note")
    record(actor=actor, event=_event("case.escalated", case, note_sha256=_sha(case.note)))
    return case


@service
def close_case(*, actor: User, case: Case, reason: str, version: int | None = None) -> Case:
    """Close a case, saying why (mediators)."""
    case = _step(actor, case, rules.Step.CLOSE, version)
    case.note = _text("reason", reason)
    _save(case, "note")
    record(actor=actor, event=_event("case.closed", case, reason_sha256=_sha(case.note)))
    return case


@service
def withdraw_case(*, actor: User, case: Case, reason: str, version: int | None = None) -> Case:
    """Withdraw a case before a finding is drafted: a mediator, or the party that filed all of
    its reports (a merged case holding another party's reports is not one party's to drop)."""
    case = _step(actor, case, rules.Step.WITHDRAW, version)
    if actor.role == Role.LIAISON_OFFICER.value:
        filing = set(case.incidents.values_list("filing_party_id", flat=True))
        if filing != {actor.organisation_id}:  # never another party's or the public's reports
            raise NotPermitted("only the party that filed every report withdraws the case")
    case.note = _text("reason", reason)
    _save(case, "note")
    record(actor=actor, event=_event("case.withdrawn", case, reason_sha256=_sha(case.note)))
    return case


@service
def merge_case(*, actor: User, case: Case, into: Case, version: int | None = None) -> Case:
    """Merge a case into another open case on the same agreement; its reports join it."""
    case = _step(actor, case, rules.Step.MERGE, version)
    target = _lock(into, None)
    if target.pk == case.pk or target.agreement_id != case.agreement_id:
        raise InvalidInput(
            "merge into another case under the same agreement", details={"field": "into"}
        )
    if rules.CaseState(target.state) in rules.TERMINAL:
        raise InvalidInput("that case is already closed", details={"field": "into"})
    target.incidents.add(*case.incidents.all())
    case.merged_into = target
    _save(case, "merged_into")
    record(actor=actor, event=_event("case.merged", case, into=target.subject))
    return case
