"""Helpers shared by the HTML forms: show a domain refusal next to the field it concerns."""

from __future__ import annotations

from django import forms

from ceasefire.domain.errors import DomainError


def attach_error(form: forms.Form, error: DomainError) -> None:
    """Put a domain error on the form field it names, or on the form as a whole."""
    field = error.details.get("field")
    form.add_error(
        field if isinstance(field, str) and field in form.fields else None, error.message
    )


class DateInput(forms.DateInput):
    """A native date picker."""

    input_type = "date"
