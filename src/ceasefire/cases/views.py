"""HTML pages of the workflow: the case list, the case page with every step's form, the inbox.

Each step posts to `/cases/<id>/<action>/`; `ACTIONS` maps the action to its form and its one
service call. A refusal re-renders the case page with the error on the form that caused it.
"""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.models import User
from ceasefire.agreements.selectors import get_agreement
from ceasefire.cases import facts, forms, selectors, services
from ceasefire.cases.actions import ACTIONS, ids
from ceasefire.cases.models import (
    AccessAnswer,
    AccessRequest,
    Affiliation,
    Case,
    VerificationRules,
)
from ceasefire.cases.notifications import mark_read
from ceasefire.domain import cases as rules
from ceasefire.domain.errors import DomainError, NotFound
from ceasefire.incidents import selectors as incident_selectors
from ceasefire.ledger.selectors import entries_for, witnessed_size
from ceasefire.web.decorators import domain_pages
from ceasefire.web.forms import attach_error


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  # login_required guarantees it
    return request.user


@login_required
@domain_pages
def case_list(request: HttpRequest) -> HttpResponse:
    """List the cases the viewer may see; mechanism staff open new ones from reports."""
    user = _user(request)
    viewer = user.as_actor()
    form = forms.OpenCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incidents = [
                incident_selectors.get_incident(i, viewer=viewer)
                for i in ids(form.cleaned_data["incidents"])
            ]
            case = services.open_case(
                actor=user, incidents=incidents, title=form.cleaned_data["title"]
            )
        except DomainError as error:
            attach_error(form, error)
        else:
            messages.success(request, f"Case {case.pk} opened.")
            return redirect("cases:case-detail", case.pk)
    state = request.GET.get("state") or ""
    cases = selectors.cases_visible_to(viewer)
    if state:
        cases = cases.filter(state=state)
    return render(
        request,
        "cases/case_list.html",
        {
            "cases": cases,
            "form": form,
            "state": state,
            "may_open": user.role in {"monitor", "mediator"},
            "states": [s.value for s in rules.CaseState],
        },
        status=400 if request.method == "POST" else 200,
    )


def _page(
    request: HttpRequest,
    case: Case,
    errors: dict[str, django_forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = actor_of(request.user)
    mechanism = selectors.is_mechanism(viewer, case)
    finding_rows = selectors.findings_visible(case, viewer)
    current = finding_rows[-1] if finding_rows else None
    initial = {"version": case.version}
    built: dict[str, django_forms.Form] = {
        name: spec.form(
            initial={**initial, "finding_version": current.version if current else None}
        )
        for name, spec in ACTIONS.items()
    }
    forms_by_action = {**built, **(errors or {})}
    access = case.access_requests.select_related("party", "obstruction_case")
    if not mechanism:
        access = access.filter(party__code=viewer.organisation)
    incidents = [
        incident_selectors.disclose(i, viewer)
        for i in incident_selectors.incidents_visible_to(viewer).filter(cases=case)
    ]
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "mechanism": mechanism,
            "incidents": incidents,
            "findings": finding_rows,
            "current": current,
            "standing": selectors.standing(case, now=timezone.now())
            if mechanism or current
            else None,
            "steps": selectors.steps_for(viewer, case),
            "forms": forms_by_action,
            "access_requests": access,
            "answer_form": forms.AccessAnswerForm(),
            "taskings": case.taskings.select_related("monitor") if mechanism else [],
            "entries": entries_for(case.subject) if mechanism else [],
            "witnessed_size": witnessed_size(),
            "viewer_party": viewer.organisation,
            "note": selectors.note_visible(case, viewer),
        },
        status=status,
    )


@login_required
@domain_pages
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """Show a case: its reports, investigation, finding versions, replies, approvals, history."""
    return _page(request, selectors.get_case(case_id, viewer=_user(request).as_actor()))


@login_required
@domain_pages
def case_action(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    """Take one step on a case (POST only)."""
    user = _user(request)
    case = selectors.get_case(case_id, viewer=user.as_actor())
    spec = ACTIONS.get(action)
    if spec is None or request.method != "POST":
        raise NotFound(f"no step {action!r}")
    form = spec.form(request.POST)
    if form.is_valid():
        try:
            spec.run(user, case, form.cleaned_data)
        except DomainError as error:
            attach_error(form, error)
            return _page(request, Case.objects.get(pk=case.pk), {action: form}, error.http_status)
        messages.success(request, spec.done)
        return redirect("cases:case-detail", case.pk)
    return _page(request, case, {action: form}, 400)


@login_required
@domain_pages
def access_answer(request: HttpRequest, request_id: int) -> HttpResponse:
    """Answer an access request (the party) or record obstruction (a monitor)."""
    user = _user(request)
    access = AccessRequest.objects.select_related("case").filter(pk=request_id).first()
    if access is None:
        raise NotFound(f"no access request {request_id}")
    case = selectors.get_case(access.case_id, viewer=user.as_actor())
    form = forms.AccessAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_access(
                actor=user,
                request=access,
                answer=AccessAnswer(form.cleaned_data["answer"]),
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            attach_error(form, error)
            return _page(request, case, {"answer": form}, error.http_status)
        messages.success(request, "Answer recorded.")
    return redirect("cases:case-detail", case.pk)


@login_required
@domain_pages
def notification_inbox(request: HttpRequest) -> HttpResponse:
    """A person's notifications; opening the inbox marks them read."""
    user = _user(request)
    items = list(selectors.inbox(user)[:200])
    mark_read(user)
    return render(request, "cases/inbox.html", {"items": items})


@login_required
@domain_pages
def affiliations(request: HttpRequest) -> HttpResponse:
    """Declare your ties to a party (mediators, monitors): they bar you from its cases."""
    user = _user(request)
    form = forms.AffiliationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.declare_affiliation(
                actor=user, party=form.cleaned_data["party"], note=form.cleaned_data["note"]
            )
        except DomainError as error:
            attach_error(form, error)
        else:
            messages.success(request, "Affiliation declared.")
            return redirect("cases:affiliations")
    return render(
        request,
        "cases/affiliations.html",
        {"form": form, "declared": Affiliation.objects.filter(user=user).select_related("party")},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@domain_pages
def verification_rules(request: HttpRequest, agreement_id: int) -> HttpResponse:
    """See, and for the agreement's mediators set, how its findings are verified."""
    user = _user(request)
    agreement = get_agreement(agreement_id, viewer=user.as_actor())
    quorum, window = facts.rules_of(agreement)
    configured = VerificationRules.objects.filter(agreement=agreement).first()
    definitions = configured.severity_definitions if configured else {}
    initial = {
        "reply_window_hours": int(window.total_seconds() // 3600),
        "quorum_required": quorum.required,
        "signoff": list(quorum.eligible),
        **definitions,
    }
    form = forms.RulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_verification_rules(
                actor=user,
                agreement=agreement,
                reply_window_hours=data["reply_window_hours"],
                quorum_required=data["quorum_required"],
                signoff=list(data["signoff"]),
                severity_definitions={
                    k: data[k] for k in ("minor", "serious", "grave") if data[k].strip()
                },
            )
        except DomainError as error:
            attach_error(form, error)
        else:
            messages.success(request, "Verification rules set.")
            return redirect("cases:verification-rules", agreement.pk)
    return render(
        request,
        "cases/rules.html",
        {
            "agreement": agreement,
            "form": form,
            "definitions": definitions,
            "quorum": quorum,
            "window_hours": initial["reply_window_hours"],
            "may_set": user.role == "mediator",
        },
        status=400 if request.method == "POST" else 200,
    )
