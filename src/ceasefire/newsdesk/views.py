"""HTML pages of the news desk: read articles, review each candidate with its quote
highlighted in the article, accept it (into an edited report or timeline fact) or dismiss it."""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ceasefire.accounts.models import User
from ceasefire.agreements.models import Agreement
from ceasefire.agreements.selectors import list_agreements
from ceasefire.domain.agreements import EventKind
from ceasefire.domain.errors import DomainError
from ceasefire.domain.policy import Action, require
from ceasefire.incidents.forms import ReportForm, initial_from_mapping
from ceasefire.incidents.parsing import upload_name
from ceasefire.incidents.selectors import get_incident
from ceasefire.newsdesk import fetching, forms, reader, reading, selectors, services
from ceasefire.newsdesk.models import Article, Candidate
from ceasefire.web.decorators import domain_pages
from ceasefire.web.forms import attach_error, flash_refusal, form_status, submitted


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  # login_required guarantees it
    return request.user


def _first_agreement() -> Agreement | None:
    return Agreement.objects.order_by("-signed_on", "id").first()


@login_required
@domain_pages
def desk(request: HttpRequest) -> HttpResponse:
    """Paste, upload or fetch articles; see what was read and what waits for a decision."""
    user = _user(request)
    articles = selectors.articles_for(user.as_actor())
    initial = {"agreement": _first_agreement()}
    which = request.POST.get("source", "")
    paste = forms.PasteForm(request.POST if which == "paste" else None, initial=initial)
    upload = forms.UploadForm(
        request.POST if which == "file" else None,
        request.FILES if which == "file" else None,
        initial=initial,
    )
    fetch = forms.FetchForm(request.POST if which == "url" else None, initial=initial)
    done: list[Article] | None = None
    try:
        if which == "paste" and paste.is_valid():
            data = paste.cleaned_data
            article = services.ArticleIn(
                text=data["text"],
                title=data["title"],
                url=data["url"],
                outlet=data["outlet"],
                published_on=data["published_on"],
            )
            done = [services.read_article(actor=user, agreement=data["agreement"], article=article)]
        elif which == "file" and upload.is_valid():
            file = upload.cleaned_data["file"]
            items = reading.articles_from_file(file.read(), upload_name(file))
            done = services.read_articles(
                actor=user,
                agreement=upload.cleaned_data["agreement"],
                articles=items,
                origin=Article.Origin.FILE,
            )
        elif which == "url" and fetch.is_valid():
            require(user.as_actor(), Action.INGEST_NEWS)  # before anything is fetched
            items, origin = reading.articles_fetched(fetching.fetch(fetch.cleaned_data["url"]))
            done = services.read_articles(
                actor=user, agreement=fetch.cleaned_data["agreement"], articles=items, origin=origin
            )
    except DomainError as error:
        attach_error({"paste": paste, "file": upload, "url": fetch}[which], error)
    if done:
        messages.success(request, f"Read {len(done)} article(s).")
        return redirect("newsdesk:article-detail", done[0].pk)
    return render(
        request,
        "newsdesk/desk.html",
        {
            "articles": Paginator(articles, 100).get_page(request.GET.get("page")),
            "paste": paste,
            "upload": upload,
            "fetch": fetch,
            "waiting": selectors.waiting(user.as_actor()).filter(background=False).count(),
        },
        status=form_status(request),
    )


@login_required
@domain_pages
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    """An article with every candidate's quote highlighted, and each candidate's decision."""
    viewer = _user(request).as_actor()
    article = selectors.get_article(article_id, viewer=viewer)
    candidates = list(article.candidates.select_related("incident", "agreement_event"))
    show_background = request.GET.get("background") == "1"
    shown = [c for c in candidates if show_background or not c.background]
    related = selectors.same_event(
        list(selectors.waiting(viewer).filter(article__agreement=article.agreement_id))
    )
    return render(
        request,
        "newsdesk/article.html",
        {
            "article": article,
            "candidates": shown,
            "hidden": len(candidates) - len(shown),
            "segments": selectors.highlighted(article, shown),
            "related": related,
            "commitments": selectors.commitments_of(shown),
            "dismiss_form": forms.DismissForm(),
        },
    )


@login_required
@domain_pages
def reader_record(request: HttpRequest) -> HttpResponse:
    """How the reader fared on the articles read here, judged by the monitors' decisions."""
    viewer = _user(request).as_actor()
    chosen = request.GET.get("agreement", "")
    agreement_id = int(chosen) if chosen.isdecimal() else None
    return render(
        request,
        "newsdesk/record.html",
        {
            "record": reader.reader_record(
                viewer, agreement_id=agreement_id, reader=request.GET.get("reader") or None
            ),
            "agreements": list_agreements(viewer=viewer),
            "chosen": agreement_id,
            "chosen_reader": request.GET.get("reader"),
        },
    )


def _incident_initial(candidate: Candidate) -> dict[str, object]:
    return {
        **initial_from_mapping(selectors.proposal(candidate)),
        "agreement": candidate.article.agreement,
        "confidentiality": "parties",
    }


@login_required
@domain_pages
def accept(request: HttpRequest, candidate_id: int) -> HttpResponse:
    """Accept a candidate after editing what the extractor proposed."""
    user = _user(request)
    candidate = selectors.get_candidate(candidate_id, viewer=user.as_actor())
    form: django_forms.Form
    if candidate.kind == Candidate.Kind.INCIDENT:
        form = ReportForm(request.POST or None, initial=_incident_initial(candidate))
        created = submitted(
            request,
            form,
            lambda: services.accept_incident(
                actor=user, candidate=candidate, report=form.cleaned_data["report"]
            ),
            lambda i: f"Report #{i.pk} created from the article; it waits for triage.",
        )
        if created is not None:
            return redirect("incidents:incident-detail", created.pk)
    else:
        form = forms.EventForm(
            request.POST or None,
            initial=selectors.proposal(candidate),
            stated_position=candidate.kind == Candidate.Kind.POSITION,
        )
        done = submitted(
            request,
            form,
            lambda: services.accept_event(
                actor=user,
                candidate=candidate,
                kind=EventKind(form.cleaned_data["kind"]),
                occurred_on=form.cleaned_data["occurred_on"],
                description=form.cleaned_data["description"],
            ),
            "Added to the agreement's timeline.",
        )
        if done is not None:
            return redirect("agreements:agreement-detail", candidate.article.agreement_id)
    told = (
        selectors.reports_told_elsewhere(candidate, viewer=user.as_actor())
        if candidate.kind == Candidate.Kind.INCIDENT
        else []
    )
    return render(
        request,
        "newsdesk/accept.html",
        {
            "candidate": candidate,
            "form": form,
            "told": told,
            "add_form": forms.AddToReportForm(initial={"incident": told[0] if told else None}),
        },
        status=form_status(request),
    )


@login_required
@domain_pages
def add_to_report(request: HttpRequest, candidate_id: int) -> HttpResponse:
    """Add the article of an incident candidate to an existing report, as one more source."""
    user = _user(request)
    candidate = selectors.get_candidate(candidate_id, viewer=user.as_actor())
    form = forms.AddToReportForm(request.POST or None)
    revised = submitted(
        request,
        form,
        lambda: services.add_to_report(
            actor=user,
            candidate=candidate,
            incident=get_incident(form.cleaned_data["incident"], viewer=user.as_actor()),
        ),
        lambda i: f"The article was added to report #{i.pk}.",
    )
    if revised is not None:
        return redirect("incidents:incident-detail", revised.pk)
    flash_refusal(request, form)
    return redirect("newsdesk:accept", candidate.pk)


@login_required
@domain_pages
def dismiss(request: HttpRequest, candidate_id: int) -> HttpResponse:
    """Dismiss a candidate with a reason."""
    user = _user(request)
    candidate = selectors.get_candidate(candidate_id, viewer=user.as_actor())
    form = forms.DismissForm(request.POST or None)
    submitted(
        request,
        form,
        lambda: services.dismiss_candidate(
            actor=user, candidate=candidate, note=form.cleaned_data["note"]
        ),
        "Candidate dismissed.",
    )
    flash_refusal(request, form)
    return redirect("newsdesk:article-detail", candidate.article_id)
