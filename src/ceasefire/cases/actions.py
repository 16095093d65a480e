"""The steps that can be posted on a case, shared by the pages and the API.

Each maps an action name to the form that checks the request's shape and the one service
call it makes; the form's fields are the API's body fields too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms

from ceasefire.accounts.models import User
from ceasefire.cases import forms, selectors, services
from ceasefire.cases.models import Case, Priority


def ids(text: str) -> list[int]:
    return [int(part) for part in text.replace("#", "").split(",") if part.strip().isdigit()]


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One step posted from the case page: its form and the service call it makes."""

    form: type[django_forms.Form]
    run: Callable[[User, Case, dict[str, Any]], object]
    done: str


def _refs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _merge_target(user: User, data: dict[str, Any]) -> Case:
    return selectors.get_case(data["into"], viewer=user.as_actor())


ACTIONS: dict[str, ActionSpec] = {
    "triage": ActionSpec(
        forms.TriageCaseForm,
        lambda u, c, d: services.triage_case(
            actor=u, case=c, priority=Priority(d["priority"]), version=d["version"]
        ),
        "Case triaged.",
    ),
    "open_investigation": ActionSpec(
        forms.InvestigationForm,
        lambda u, c, d: services.open_investigation(
            actor=u,
            case=c,
            monitors=list(d["monitors"]),
            due_on=d["due_on"],
            instructions=d["instructions"],
            version=d["version"],
        ),
        "Investigation opened; the monitors are notified.",
    ),
    "draft_finding": ActionSpec(
        forms.FindingForm,
        lambda u, c, d: services.draft_finding(
            actor=u, case=c, draft=forms.finding_draft(d), version=d["version"]
        ),
        "Finding drafted.",
    ),
    "request_reply": ActionSpec(
        forms.VersionForm,
        lambda u, c, d: services.request_reply(actor=u, case=c, version=d["version"]),
        "Draft sent for reply; the reply window is open.",
    ),
    "reply": ActionSpec(
        forms.ReplyForm,
        lambda u, c, d: services.submit_reply(
            actor=u,
            case=c,
            text=d["text"],
            remedial_steps=d["remedial_steps"],
            evidence=_refs(d["evidence"]),
        ),
        "Reply submitted.",
    ),
    "approve": ActionSpec(
        forms.ApprovalForm,
        lambda u, c, d: services.approve_finding(
            actor=u,
            case=c,
            concurs=d["position"] == "concur",
            statement=d["statement"],
            version=d["finding_version"],
        ),
        "Your position is recorded.",
    ),
    "return_for_work": ActionSpec(
        forms.NoteForm,
        lambda u, c, d: services.return_for_work(
            actor=u, case=c, note=d["note"], version=d["version"]
        ),
        "Returned for more work.",
    ),
    "adopt": ActionSpec(
        forms.VersionForm,
        lambda u, c, d: services.adopt_finding(actor=u, case=c, version=d["version"]),
        "Finding adopted.",
    ),
    "report": ActionSpec(
        forms.NoteForm,
        lambda u, c, d: services.report_case(
            actor=u, case=c, reference=d["note"], version=d["version"]
        ),
        "Recorded as reported.",
    ),
    "escalate": ActionSpec(
        forms.NoteForm,
        lambda u, c, d: services.escalate_case(
            actor=u, case=c, note=d["note"], version=d["version"]
        ),
        "Escalated to the guarantors.",
    ),
    "close": ActionSpec(
        forms.NoteForm,
        lambda u, c, d: services.close_case(
            actor=u, case=c, reason=d["note"], version=d["version"]
        ),
        "Case closed.",
    ),
    "withdraw": ActionSpec(
        forms.NoteForm,
        lambda u, c, d: services.withdraw_case(
            actor=u, case=c, reason=d["note"], version=d["version"]
        ),
        "Case withdrawn.",
    ),
    "merge": ActionSpec(
        forms.MergeForm,
        lambda u, c, d: services.merge_case(
            actor=u, case=c, into=_merge_target(u, d), version=d["version"]
        ),
        "Case merged.",
    ),
    "request_access": ActionSpec(
        forms.AccessRequestForm,
        lambda u, c, d: services.request_access(actor=u, case=c, party=d["party"], what=d["what"]),
        "Access requested; the party is notified.",
    ),
}
