"""HTML pages of the evidence locker: parse, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict

from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.models import User
from ceasefire.domain.coding import parse_grade
from ceasefire.domain.errors import NotFound, NotPermitted
from ceasefire.domain.evidence import Derivation
from ceasefire.domain.policy import Action, can, require
from ceasefire.evidence import selectors, services
from ceasefire.evidence.forms import AttachForm, DeriveForm, GradeForm, SubmitForm, TransferForm
from ceasefire.evidence.models import EvidenceItem
from ceasefire.evidence.responses import file_response
from ceasefire.evidence.uploads import uploaded_file
from ceasefire.web.decorators import domain_pages
from ceasefire.web.forms import form_status, submitted


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  # login_required guarantees it
    return request.user


def _posted(request: HttpRequest) -> tuple[QueryDict | None, MultiValueDict[str, Any] | None]:
    """Bind a form with a file on every POST, even when the only part was a refused file."""
    if request.method != "POST":
        return None, None
    return request.POST, request.FILES


def _managed(request: HttpRequest, item_id: int, action: Action) -> EvidenceItem:
    actor = _user(request).as_actor()
    require(actor, action)
    return selectors.get_item(item_id, viewer=actor)


@domain_pages
def item_list(request: HttpRequest) -> HttpResponse:
    """List the items the viewer may see, optionally those attached to one record."""
    viewer = actor_of(request.user)
    subject = request.GET.get("subject", "")
    items = selectors.list_items(viewer=viewer, subject=subject)
    context = {
        "items": items,
        "subject": subject,
        "may_submit": can(viewer, Action.SUBMIT_EVIDENCE),
    }
    return render(request, "evidence/item_list.html", context)


@domain_pages
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    """Show an item: hash, type, metadata (to staff), grades, attachments, copies, custody."""
    viewer = actor_of(request.user)
    item = selectors.get_item(item_id, viewer=viewer)
    context = {
        "item": item,
        "metadata": selectors.metadata_for(viewer, item),
        "grades": selectors.grades_of(item),
        "custody": selectors.custody_of(item),
        "custodian": selectors.current_custodian(item),
        "copies": selectors.working_copies(item, viewer=viewer),
        "same_bytes": selectors.same_bytes(item, viewer=viewer),
        "may_download": selectors.may_open_stored_bytes(viewer, item),
        "may_manage": can(viewer, Action.MANAGE_EVIDENCE),
        "may_grade": can(viewer, Action.GRADE_EVIDENCE) and item.is_original,
        "staff": can(viewer, Action.VIEW_EVIDENCE),
    }
    return render(request, "evidence/item_detail.html", context)


@domain_pages
def item_custody(request: HttpRequest, item_id: int) -> HttpResponse:
    """Show an item's chain of custody, each step linked to its log entry."""
    viewer = actor_of(request.user)
    item = selectors.get_item(item_id, viewer=viewer)
    context = {
        "item": item,
        "custody": selectors.custody_of(item),
        "staff": can(viewer, Action.VIEW_EVIDENCE),
    }
    return render(request, "evidence/item_custody.html", context)


def item_download(request: HttpRequest, item_id: int) -> HttpResponseBase:
    """Serve the stored bytes: staff downloads are logged as custody access; public copies not."""
    try:
        return _download(request, item_id)
    except NotFound as error:
        raise Http404(error.message) from error
    except NotPermitted as error:
        raise PermissionDenied(error.message) from error


def _download(request: HttpRequest, item_id: int) -> HttpResponseBase:
    viewer = actor_of(request.user)
    item = selectors.get_item(item_id, viewer=viewer)
    if can(viewer, Action.VIEW_EVIDENCE):
        services.access_evidence(actor=_user(request), item=item, purpose="web download")
    elif not item.public:
        raise NotPermitted("the stored bytes are open to mediators and monitors only")
    return file_response(item)


@login_required
@domain_pages
def item_submit(request: HttpRequest) -> HttpResponse:
    """Hand in a file or link, or record one collected by the mechanism itself."""
    require(_user(request).as_actor(), Action.SUBMIT_EVIDENCE)
    form = SubmitForm(*_posted(request))

    def intake() -> EvidenceItem:
        data, file = form.cleaned_data, uploaded_file(request)
        common = {"file": file, "url": data["url"], "description": data["description"]}
        if data["collected_at"]:
            return services.collect_evidence(
                actor=_user(request),
                collected_at=data["collected_at"],
                method=data["method"],
                subjects=data["subjects"],
                **common,
            )
        return services.submit_evidence(actor=_user(request), subjects=data["subjects"], **common)

    item = submitted(request, form, intake, lambda i: f"Stored as evidence item {i.pk}.")
    if item is not None:
        return redirect("evidence:item-detail", item.pk)
    context = {"form": form, "what": "evidence", "upload": True}
    return render(request, "evidence/record_form.html", context, status=form_status(request))


def _item_form(
    request: HttpRequest, item: EvidenceItem, form: object, what: str, upload: bool = False
) -> HttpResponse:
    context = {"form": form, "item": item, "what": what, "upload": upload}
    return render(request, "evidence/record_form.html", context, status=form_status(request))


@login_required
@domain_pages
def item_grade(request: HttpRequest, item_id: int) -> HttpResponse:
    """Add your Admiralty grade to an item (monitors)."""
    item = _managed(request, item_id, Action.GRADE_EVIDENCE)
    form = GradeForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.grade_evidence(
            actor=_user(request),
            item=item,
            grade=parse_grade(form.cleaned_data["grade"]),
            note=form.cleaned_data["note"],
        ),
        lambda g: f"Graded {g.code}.",
    ):
        return redirect("evidence:item-detail", item.pk)
    return _item_form(request, item, form, "a grade")


@login_required
@domain_pages
def item_attach(request: HttpRequest, item_id: int) -> HttpResponse:
    """Attach an item to another record."""
    item = _managed(request, item_id, Action.MANAGE_EVIDENCE)
    form = AttachForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.attach_evidence(
            actor=_user(request), item=item, subject=form.cleaned_data["subject"]
        ),
        lambda a: f"Attached to {a.subject}.",
    ):
        return redirect("evidence:item-detail", item.pk)
    return _item_form(request, item, form, "an attachment")


@login_required
@domain_pages
def item_derive(request: HttpRequest, item_id: int) -> HttpResponse:
    """Make a working copy of an item (computed, or uploaded after redaction elsewhere)."""
    item = _managed(request, item_id, Action.MANAGE_EVIDENCE)
    form = DeriveForm(*_posted(request))
    copy = submitted(
        request,
        form,
        lambda: services.derive_working_copy(
            actor=_user(request),
            source=item,
            derivation=Derivation(form.cleaned_data["derivation"]),
            public=form.cleaned_data["public"],
            note=form.cleaned_data["note"],
            file=uploaded_file(request),
        ),
        lambda c: f"Working copy {c.pk} made.",
    )
    if copy is not None:
        return redirect("evidence:item-detail", copy.pk)
    return _item_form(request, item, form, "a working copy", upload=True)


@login_required
@domain_pages
def item_transfer(request: HttpRequest, item_id: int) -> HttpResponse:
    """Pass custody of an item to another mediator or monitor."""
    item = _managed(request, item_id, Action.MANAGE_EVIDENCE)
    people = [(user.pk, f"{user} ({user.role})") for user in selectors.custodians()]
    form = TransferForm(request.POST or None, custodians=people)
    if submitted(
        request,
        form,
        lambda: services.transfer_custody(
            actor=_user(request),
            item=item,
            to=selectors.get_custodian(form.cleaned_data["to"]),
            purpose=form.cleaned_data["purpose"],
        ),
        "Custody transferred.",
    ):
        return redirect("evidence:item-detail", item.pk)
    return _item_form(request, item, form, "a custody transfer")
