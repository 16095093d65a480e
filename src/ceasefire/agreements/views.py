"""HTML pages of the agreement register: parse, call one service or selector, render."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.models import User
from ceasefire.agreements import selectors, services
from ceasefire.agreements.forms import AgreementForm, AmendForm, EventForm, TalksRoundForm
from ceasefire.agreements.models import Agreement
from ceasefire.api.dates import as_of_from
from ceasefire.domain import agreements as rules
from ceasefire.domain.policy import Action, can, require
from ceasefire.domain.texts import format_clauses, version_document
from ceasefire.ledger.selectors import entries_for, witnessed_size
from ceasefire.web.decorators import domain_pages
from ceasefire.web.forms import form_status, submitted


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  # login_required guarantees it
    return request.user


def _writable(request: HttpRequest, agreement_id: int, *actions: Action) -> Agreement:
    """Return the agreement if the user may take one of `actions` on it; refuse otherwise."""
    actor = _user(request).as_actor()
    agreement = selectors.get_agreement(agreement_id, viewer=actor)
    scope = selectors.scope_of(agreement)
    if not any(can(actor, action, agreement=scope) for action in actions):
        require(actor, actions[0], agreement=scope)
    return agreement


@domain_pages
def agreement_list(request: HttpRequest) -> HttpResponse:
    """List the register with each agreement's status as of a day (default today)."""
    as_of = as_of_from(request.GET.get("as_of"))
    agreements = selectors.list_agreements(viewer=actor_of(request.user))
    rows = [(a, selectors.status_of(a, as_of=as_of)) for a in agreements]
    return render(request, "agreements/agreement_list.html", {"rows": rows, "as_of": as_of})


@domain_pages
def agreement_detail(
    request: HttpRequest, agreement_id: int, number: int | None = None
) -> HttpResponse:
    """Show an agreement: status, parties, a version's clauses, obligations, timeline, history."""
    actor = actor_of(request.user)
    agreement = selectors.get_agreement(agreement_id, viewer=actor)
    as_of = as_of_from(request.GET.get("as_of"))
    scope = selectors.scope_of(agreement)
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "agreement": agreement,
            "as_of": as_of,
            "status": selectors.status_of(agreement, as_of=as_of),
            "version": selectors.get_version(agreement, number),
            "versions": selectors.list_versions(agreement),
            "timeline": selectors.timeline(agreement),
            "entries": entries_for(f"agreement:{agreement.pk}"),
            "witnessed_size": witnessed_size(),
            "may_amend": can(actor, Action.AMEND_AGREEMENT, agreement=scope),
            "may_record_round": can(actor, Action.RECORD_TALKS_ROUND, agreement=scope),
            "may_record_event": can(actor, Action.RECORD_AGREEMENT_EVENT, agreement=scope)
            or can(actor, Action.DECLARE_PARTY_STATEMENT, agreement=scope),
        },
    )


@domain_pages
def version_document_view(request: HttpRequest, agreement_id: int, number: int) -> HttpResponse:
    """Serve a version's canonical document, whose SHA-256 the log entry records."""
    agreement = selectors.get_agreement(agreement_id, viewer=actor_of(request.user))
    version = selectors.get_version(agreement, number)
    document = version_document(version.text, version.clause_drafts())
    body = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="agreement-{agreement.pk}-v{number}.json"'
    return response


@login_required
@domain_pages
def agreement_create(request: HttpRequest) -> HttpResponse:
    """Register an agreement (mediators)."""
    form = AgreementForm(request.POST or None)

    def register() -> Agreement:
        data = form.cleaned_data
        details = services.AgreementDetails(
            title=data["title"],
            venue=data["venue"],
            form=rules.AgreementForm(data["form"]),
            signed_on=data["signed_on"],
            effective_from=data["effective_from"],
            effective_until=data["effective_until"],
            summary=data["summary"],
        )
        role = rules.MediatorRole(data["mediator_role"])
        return services.register_agreement(
            actor=_user(request),
            details=details,
            parties=list(data["parties"]),
            mediators=[(m, role) for m in data["mediators"]],
            text=data["text"],
            clauses=data["clauses"],
        )

    agreement = submitted(request, form, register, lambda a: f"Registered “{a.title}”.")
    if agreement is not None:
        return redirect("agreements:agreement-detail", agreement.pk)
    return render(
        request, "agreements/agreement_form.html", {"form": form}, status=form_status(request)
    )


@login_required
@domain_pages
def agreement_amend(request: HttpRequest, agreement_id: int) -> HttpResponse:
    """Adopt a new version of an agreement's text (its mediators)."""
    agreement = _writable(request, agreement_id, Action.AMEND_AGREEMENT)
    current = selectors.get_version(agreement)
    initial = {
        "based_on_version": current.number,
        "text": current.text,
        "clauses": format_clauses(current.clause_drafts()),
    }
    form = AmendForm(request.POST or None, initial=initial)
    version = submitted(
        request,
        form,
        lambda: services.amend_agreement(
            actor=_user(request), agreement=agreement, **form.cleaned_data
        ),
        lambda v: f"Version {v.number} adopted.",
    )
    if version is not None:
        return redirect("agreements:agreement-detail", agreement.pk)
    context = {"form": form, "agreement": agreement, "current": current}
    return render(request, "agreements/agreement_amend.html", context, status=form_status(request))


@login_required
@domain_pages
def event_create(request: HttpRequest, agreement_id: int) -> HttpResponse:
    """Record a dated fact on the agreement's timeline."""
    agreement = _writable(
        request, agreement_id, Action.RECORD_AGREEMENT_EVENT, Action.DECLARE_PARTY_STATEMENT
    )
    form = EventForm(request.POST or None, initial={"occurred_on": timezone.now().date()})
    if submitted(
        request,
        form,
        lambda: services.record_agreement_event(
            actor=_user(request),
            agreement=agreement,
            **{**form.cleaned_data, "kind": rules.EventKind(form.cleaned_data["kind"])},
        ),
        "Event recorded on the timeline.",
    ):
        return redirect("agreements:agreement-detail", agreement.pk)
    context = {"form": form, "agreement": agreement, "what": "an agreement event"}
    return render(request, "agreements/record_form.html", context, status=form_status(request))


@login_required
@domain_pages
def talks_round_create(request: HttpRequest, agreement_id: int) -> HttpResponse:
    """Record a round of talks on the agreement."""
    agreement = _writable(request, agreement_id, Action.RECORD_TALKS_ROUND)
    form = TalksRoundForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.record_talks_round(
            actor=_user(request),
            agreement=agreement,
            **{**form.cleaned_data, "outcome": rules.TalksOutcome(form.cleaned_data["outcome"])},
        ),
        "Talks round recorded.",
    ):
        return redirect("agreements:agreement-detail", agreement.pk)
    context = {"form": form, "agreement": agreement, "what": "a talks round"}
    return render(request, "agreements/record_form.html", context, status=form_status(request))
