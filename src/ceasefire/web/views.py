"""Home, sign-in and error pages."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ceasefire.accounts.actors import actor_of, user_or_none
from ceasefire.agreements.selectors import list_agreements, status_of
from ceasefire.ledger.selectors import recent_entries
from ceasefire.web import dashboard


def home(request: HttpRequest) -> HttpResponse:
    """Show the agreements in the register with today's status and the latest log entries."""
    today = timezone.now().date()
    agreements = [
        (a, status_of(a, as_of=today)) for a in list_agreements(viewer=actor_of(request.user))
    ]
    return render(
        request,
        "web/home.html",
        {
            "agreements": agreements,
            "entries": recent_entries(10),
            "today": today,
            "tiles": dashboard.tiles(actor_of(request.user), user_or_none(request.user)),
        },
    )


class LoginView(auth_views.LoginView):
    """Sign in with a username and password."""

    template_name = "web/login.html"
    redirect_authenticated_user = True


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Say plainly that the page does not exist (or is not visible to this viewer)."""
    return render(
        request,
        "web/error.html",
        {
            "title": "Not found",
            "message": str(exception) or "There is no such page, or you may not see it.",
        },
        status=404,
    )


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Say plainly that the viewer's role does not allow this."""
    return render(
        request,
        "web/error.html",
        {"title": "Not permitted", "message": str(exception) or "Your role does not allow this."},
        status=403,
    )
