"""HTML pages of incident intake: parse, call one service or selector, render.

Every page reads disclosed views (`selectors.disclose`), so a page never shows a viewer more
than the API would.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.models import User
from ceasefire.agreements.models import Agreement
from ceasefire.choices import choices
from ceasefire.domain.actors import ActorKind
from ceasefire.domain.coding import IncidentType
from ceasefire.domain.errors import DomainError, InvalidInput, NotPermitted
from ceasefire.domain.intake import TriageStatus
from ceasefire.domain.policy import GRANTS, Action, can, require
from ceasefire.incidents import exports, forms, parsing, public, selectors, services
from ceasefire.incidents.api import filters_from
from ceasefire.incidents.models import Incident
from ceasefire.ledger.selectors import entries_for, witnessed_size
from ceasefire.web.decorators import domain_pages
from ceasefire.web.forms import attach_error, form_status, submitted

SORT_LABELS = {
    "-date_start": "newest first",
    "date_start": "oldest first",
    "-received_at": "latest received",
    "received_at": "earliest received",
    "-fatalities_best": "most killed",
}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  # login_required guarantees it
    return request.user


def _context(request: HttpRequest) -> dict[str, object]:
    actor = actor_of(request.user)
    return {
        "may_report": actor.role in GRANTS[Action.REPORT_INCIDENT],
        "may_triage": can(actor, Action.VIEW_TRIAGE_QUEUE),
        "may_import": can(actor, Action.IMPORT_INCIDENTS),
        "may_manage_actors": can(actor, Action.MANAGE_ACTORS),
        "statuses": [s.value for s in TriageStatus],
        "incident_types": choices(IncidentType),
        "sorts": [(key, SORT_LABELS[key]) for key in selectors.SORTS],
    }


@domain_pages
def incident_list(request: HttpRequest) -> HttpResponse:
    """List the reports the viewer may see, with filters."""
    filters = filters_from(request.GET)
    views = selectors.list_incidents(viewer=actor_of(request.user), filters=filters)
    context = {**_context(request), "incidents": views, "filters": filters}
    return render(request, "incidents/incident_list.html", context)


@domain_pages
def incident_export(request: HttpRequest) -> HttpResponse:
    """Download the list, with the same filters and disclosure, as CSV."""
    views = selectors.list_incidents(
        viewer=actor_of(request.user), filters=filters_from(request.GET)
    )
    response = HttpResponse(exports.to_csv(views), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="incidents.csv"'
    return response


@domain_pages
def incident_map(request: HttpRequest) -> HttpResponse:
    """Show the visible reports on a map drawn from data shipped with the platform."""
    query = request.GET.urlencode()
    context = {
        **_context(request),
        "features_url": reverse("api:incident-map") + (f"?{query}" if query else ""),
        "map_countries": settings.MAP_COUNTRIES,
        "map_center": settings.MAP_CENTER,
        "filters": filters_from(request.GET),
    }
    return render(request, "incidents/incident_map.html", context)


@domain_pages
def incident_detail(request: HttpRequest, incident_id: int) -> HttpResponse:
    """Show one report as the viewer may see it, its triage and its history with receipts."""
    viewer = actor_of(request.user)
    incident = selectors.get_incident(incident_id, viewer=viewer)
    form = forms.TriageForm(initial={"version": incident.version})
    return _detail_page(request, incident, form)


def _detail_page(
    request: HttpRequest, incident: Incident, form: forms.TriageForm, status: int = 200
) -> HttpResponse:
    """Render a report's page as the viewer may see it, with `form` as its triage form."""
    viewer = actor_of(request.user)
    scope = selectors.scope_of_prefetched(incident)
    return render(
        request,
        "incidents/incident_detail.html",
        {
            **_context(request),
            "incident": selectors.disclose(incident, viewer),
            "may_triage_this": can(viewer, Action.TRIAGE_INCIDENT, agreement=scope),
            "triage_form": form,
            "suggestions": selectors.suggested_duplicates(incident, viewer=viewer),
            "entries": entries_for(incident.subject),
            "witnessed_size": witnessed_size(),
            "revisions": selectors.revisions_of(incident, viewer=viewer),
            "may_revise": can(viewer, Action.REVISE_INCIDENT, agreement=scope),
        },
        status=status,
    )


@login_required
@domain_pages
def incident_triage(request: HttpRequest, incident_id: int) -> HttpResponse:
    """Record one triage decision from the detail page."""
    viewer = _user(request).as_actor()
    incident = selectors.get_incident(incident_id, viewer=viewer)
    form = forms.TriageForm(request.POST or None, initial={"version": incident.version})

    def decide() -> Incident:
        data = form.cleaned_data
        target = data["duplicate_of"]
        return services.triage_incident(
            actor=_user(request),
            incident=incident,
            decision=TriageStatus(data["decision"]),
            note=data["note"],
            duplicate_of=selectors.get_incident(target, viewer=viewer) if target else None,
            version=data["version"],
        )

    done = submitted(
        request, form, decide, lambda i: f"Report #{i.pk} is now {i.get_triage_status_display()}."
    )
    if done is not None:
        return redirect("incidents:incident-detail", incident.pk)
    return _detail_page(request, incident, form, form_status(request))


@login_required
@domain_pages
def incident_revise(request: HttpRequest, incident_id: int) -> HttpResponse:
    """Recode a report (monitors), saying why; the old coding is kept in the revision."""
    actor = _user(request)
    viewer = actor.as_actor()
    incident = selectors.get_incident(incident_id, viewer=viewer)
    require(viewer, Action.REVISE_INCIDENT, agreement=selectors.scope_of_prefetched(incident))
    initial = {
        **forms.initial_from_mapping(parsing.mapping_from_incident(incident)),
        "agreement": incident.agreement,
        "version": incident.version,
    }
    form = forms.ReviseForm(request.POST or None, initial=initial)

    def revise() -> Incident:
        data = form.cleaned_data
        return services.revise_incident(
            actor=actor,
            incident=incident,
            report=data["report"],
            reason=data["reason"],
            version=data["version"],
        )

    done = submitted(request, form, revise, lambda i: f"Report #{i.pk} is now version {i.version}.")
    if done is not None:
        return redirect("incidents:incident-detail", incident.pk)
    return render(
        request,
        "incidents/report_form.html",
        {**_context(request), "form": form, "public": False, "revising": incident},
        status=form_status(request),
    )


def _first_agreement() -> Agreement | None:
    return Agreement.objects.order_by("-signed_on", "id").first()


@login_required
@domain_pages
def incident_report(request: HttpRequest) -> HttpResponse:
    """File a report as a liaison officer (for your party) or a monitor."""
    actor = _user(request)
    if actor.as_actor().role not in GRANTS[Action.REPORT_INCIDENT]:
        raise NotPermitted("only liaison officers and monitors file reports here")
    form = forms.ReportForm(request.POST or None, initial={"agreement": _first_agreement()})

    def report() -> Incident:
        data = form.cleaned_data
        return services.report_incident(
            actor=actor, agreement=data["agreement"], report=data["report"]
        )

    incident = submitted(
        request, form, report, lambda i: f"Report #{i.pk} was received for triage."
    )
    if incident is not None:
        return redirect("incidents:incident-detail", incident.pk)
    return render(
        request,
        "incidents/report_form.html",
        {**_context(request), "form": form, "public": False},
        status=form_status(request),
    )


@domain_pages
def public_report(request: HttpRequest) -> HttpResponse:
    """The public form: no account needed, anonymous unless the reporter says who they are."""
    form = forms.PublicReportForm(request.POST or None, initial={"agreement": _first_agreement()})
    if request.method == "POST" and form.is_valid():
        try:
            public.admit(
                client=request.META.get("REMOTE_ADDR", ""), honeypot=form.cleaned_data["website"]
            )
            incident = services.report_publicly(
                agreement=form.cleaned_data["agreement"], report=form.cleaned_data["report"]
            )
        except DomainError as error:
            attach_error(form, error)
            status = error.http_status
        else:
            return render(request, "incidents/public_thanks.html", {"reference": incident.pk})
    else:
        status = form_status(request)
    return render(
        request,
        "incidents/report_form.html",
        {**_context(request), "form": form, "public": True},
        status=status,
    )


@login_required
@domain_pages
def triage_queue(request: HttpRequest) -> HttpResponse:
    """The shared queue: what waits for triage, with suggested duplicates and bulk actions."""
    viewer = _user(request).as_actor()
    filters = filters_from(request.GET)
    views = selectors.triage_queue(viewer=viewer, filters=filters)
    form = forms.BulkTriageForm(request.POST or None)

    def bulk() -> list[Incident]:
        data = form.cleaned_data
        ids = [int(i) for i in request.POST.getlist("selected") if i.isdigit()]
        chosen = list(selectors.incidents_visible_to(viewer).filter(pk__in=ids))
        target = data["duplicate_of"]
        return services.triage_incidents(
            actor=_user(request),
            incidents=chosen,
            decision=TriageStatus(data["decision"]),
            note=data["note"],
            duplicate_of=selectors.get_incident(target, viewer=viewer) if target else None,
        )

    done = submitted(request, form, bulk, lambda rows: f"Triaged {len(rows)} report(s).")
    if done is not None:
        return redirect(request.get_full_path())
    incidents = {
        i.pk: i for i in selectors.incidents_visible_to(viewer).filter(pk__in=[v.id for v in views])
    }
    rows = [
        (view, selectors.suggested_duplicates(incidents[view.id], viewer=viewer)) for view in views
    ]
    return render(
        request,
        "incidents/triage_queue.html",
        {**_context(request), "rows": rows, "filters": filters, "form": form},
        status=form_status(request),
    )


@login_required
@domain_pages
def incident_import(request: HttpRequest) -> HttpResponse:
    """Import a CSV or JSON file; a file with bad rows imports nothing and lists each row."""
    actor = _user(request)
    require(actor.as_actor(), Action.IMPORT_INCIDENTS)
    form = forms.ImportForm(
        request.POST or None, request.FILES or None, initial={"agreement": _first_agreement()}
    )
    row_errors: list[object] = []
    status = form_status(request)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = upload.read()
            rows = parsing.parse_file(content, name=parsing.upload_name(upload))
            imported = services.import_incidents(
                actor=actor,
                agreement=form.cleaned_data["agreement"],
                rows=rows,
                content=content,
                skip_invalid=form.cleaned_data["skip_invalid"],
            )
        except InvalidInput as error:
            attach_error(form, error)
            row_errors = list(error.details.get("rows", []))  # type: ignore[call-overload]
        else:
            skipped = len(rows) - len(imported)
            message = f"Imported {len(imported)} report(s)" + (
                f", skipped {skipped} invalid row(s)." if skipped else "."
            )
            messages.success(request, message)
            return redirect("incidents:triage-queue")
    return render(
        request,
        "incidents/import_form.html",
        {**_context(request), "form": form, "row_errors": row_errors},
        status=status,
    )


@domain_pages
def actor_list(request: HttpRequest) -> HttpResponse:
    """The actor registry: normalised actors and the aliases reports use for them."""
    actor = actor_of(request.user)
    may_manage = can(actor, Action.MANAGE_ACTORS)
    form = forms.ActorForm(request.POST or None) if may_manage else None
    if form is not None and request.method == "POST":
        user = _user(request)

        def register() -> object:
            data = form.cleaned_data
            return services.register_actor(
                actor=user,
                code=data["code"],
                name=data["name"],
                kind=ActorKind(data["kind"]),
                organisation=data["organisation"],
                aliases=[line.strip() for line in data["aliases"].splitlines() if line.strip()],
                description=data["description"],
            )

        if submitted(request, form, register, "Actor registered.") is not None:
            return redirect("incidents:actor-list")
    return render(
        request,
        "incidents/actor_list.html",
        {**_context(request), "actors": selectors.list_actors(), "form": form},
        status=form_status(request),
    )


@login_required
@domain_pages
def actor_alias(request: HttpRequest, code: str) -> HttpResponse:
    """Add an alias to a registered actor."""
    target = selectors.get_actor(code)
    form = forms.AliasForm(request.POST or None)
    done = submitted(
        request,
        form,
        lambda: services.add_actor_alias(
            actor=_user(request), target=target, alias=form.cleaned_data["alias"]
        ),
        "Alias added.",
    )
    if done is None and request.method == "POST":
        messages.error(
            request,
            " ".join(str(e) for e in form.errors.get("__all__", form.errors.get("alias", []))),
        )
    return redirect("incidents:actor-list")
