"""Helpers shared by the HTML forms: show a domain refusal next to the field it concerns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from ceasefire.domain.errors import DomainError

T = TypeVar("T")


def attach_error(form: forms.Form, error: DomainError) -> None:
    """Put a domain error on the form field it names, or on the form as a whole."""
    field = error.details.get("field")
    form.add_error(
        field if isinstance(field, str) and field in form.fields else None, error.message
    )


class DateInput(forms.DateInput):
    """A native date picker."""

    input_type = "date"


def submitted(
    request: HttpRequest, form: forms.Form, action: Callable[[], T], done: str | Callable[[T], str]
) -> T | None:
    """Run one service for a valid POSTed form and return its result; on a domain refusal show
    it on the form and return None (the service's transaction left nothing behind)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = action()
    except DomainError as error:
        attach_error(form, error)
        return None
    messages.success(request, done if isinstance(done, str) else done(result))
    return result


def flash_refusal(request: HttpRequest, form: forms.Form) -> None:
    """Say why a POSTed form was refused, for a view that redirects instead of showing the
    form again (its errors would be lost with the form)."""
    if request.method == "POST" and form.errors:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


def form_status(request: HttpRequest) -> int:
    """Return 400 for a POST that reached the page again (it was refused), else 200."""
    return 400 if request.method == "POST" else 200
