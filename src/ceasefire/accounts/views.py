"""Account pages: administrators manage accounts; everyone manages their own API tokens."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ceasefire.accounts import selectors, services
from ceasefire.accounts.forms import OrganisationForm, PasswordForm, RoleForm, TokenForm, UserForm
from ceasefire.accounts.models import User
from ceasefire.domain.policy import Action, OrganisationKind, Role, require
from ceasefire.web.decorators import domain_pages
from ceasefire.web.forms import form_status, submitted


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  # login_required guarantees it
    return request.user


@login_required
@domain_pages
def user_list(request: HttpRequest) -> HttpResponse:
    """List accounts and organisations (administrators)."""
    actor = _user(request).as_actor()
    require(actor, Action.VIEW_ACCOUNTS)
    return render(
        request,
        "accounts/user_list.html",
        {
            "users": selectors.users_visible_to(actor),
            "organisations": selectors.list_organisations(),
        },
    )


@login_required
@domain_pages
def user_create(request: HttpRequest) -> HttpResponse:
    """Create an account (administrators)."""
    require(_user(request).as_actor(), Action.MANAGE_ACCOUNTS)
    form = UserForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.register_user(
            actor=_user(request), **{**form.cleaned_data, "role": Role(form.cleaned_data["role"])}
        ),
        "Account created.",
    ):
        return redirect("accounts:user-list")
    return render(
        request,
        "accounts/form.html",
        {"form": form, "title": "New account"},
        status=form_status(request),
    )


@login_required
@domain_pages
def organisation_create(request: HttpRequest) -> HttpResponse:
    """Register an organisation (administrators)."""
    require(_user(request).as_actor(), Action.MANAGE_ACCOUNTS)
    form = OrganisationForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.register_organisation(
            actor=_user(request),
            code=form.cleaned_data["code"],
            name=form.cleaned_data["name"],
            kind=OrganisationKind(form.cleaned_data["kind"]),
        ),
        "Organisation registered.",
    ):
        return redirect("accounts:user-list")
    return render(
        request,
        "accounts/form.html",
        {"form": form, "title": "New organisation"},
        status=form_status(request),
    )


@login_required
@domain_pages
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    """Change an account's role, set a new password, or deactivate it (administrators)."""
    actor = _user(request)
    user = selectors.get_user(user_id, viewer=actor.as_actor())
    action = request.POST.get("action") if request.method == "POST" else None
    role_form = RoleForm(request.POST if action == "role" else None, initial={"role": user.role})
    password_form = PasswordForm(request.POST if action == "password" else None)
    steps: dict[str, tuple[forms.Form, Callable[[], User], str]] = {
        "role": (
            role_form,
            lambda: services.change_role(
                actor=actor, user=user, role=Role(role_form.cleaned_data["role"])
            ),
            "Role changed.",
        ),
        "password": (
            password_form,
            lambda: services.reset_password(
                actor=actor, user=user, new_password=password_form.cleaned_data["new_password"]
            ),
            "New password set: hand it to the user through a safe channel.",
        ),
        "deactivate": (
            forms.Form(request.POST),
            lambda: services.deactivate_user(actor=actor, user=user),
            "Account deactivated.",
        ),
    }
    if action in steps and submitted(request, *steps[action]) is not None:
        return redirect("accounts:user-detail", user.pk)
    return render(
        request,
        "accounts/user_detail.html",
        {"account": user, "role_form": role_form, "password_form": password_form},
        status=form_status(request),
    )


@login_required
@domain_pages
def token_list(request: HttpRequest) -> HttpResponse:
    """List, issue and revoke the signed-in user's API tokens."""
    actor = _user(request)
    form = TokenForm(request.POST if request.POST.get("action") == "issue" else None)
    issued = submitted(
        request,
        form,
        lambda: services.issue_api_token(actor=actor, name=form.cleaned_data["name"]),
        "Token issued. Copy it now: it is shown only once.",
    )
    if issued is not None:
        form = TokenForm()
    if request.POST.get("action") == "revoke":
        raw = request.POST.get("token", "")
        token = selectors.get_own_token(int(raw) if raw.isdigit() else 0, user=actor)
        if submitted(
            request,
            forms.Form(request.POST),
            lambda: services.revoke_api_token(actor=actor, token=token),
            "Token revoked.",
        ):
            return redirect("accounts:token-list")
    return render(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "tokens": selectors.tokens_of(actor),
            "issued": issued[1] if issued else None,
        },
    )
