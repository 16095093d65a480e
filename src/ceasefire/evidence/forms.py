"""HTML forms of the evidence locker: shape and type only; rules stay in the domain."""

from __future__ import annotations

from typing import Any

from django import forms

from ceasefire.choices import choices
from ceasefire.domain.evidence import Derivation


class SubjectsField(forms.CharField):
    """Record names separated by commas or spaces, e.g. `agreement:1, incident:12`."""

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        return [part for part in text.replace(",", " ").split() if part]


class SubmitForm(forms.Form):
    file = forms.FileField(required=False, help_text="photo, video, audio, PDF, document, capture")
    url = forms.CharField(required=False, max_length=2000, label="or a link")
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    subjects = SubjectsField(
        required=False, max_length=500, help_text="attach to records, e.g. agreement:1 incident:12"
    )
    collected_at = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="monitors and mediators: fill in when you collected the item yourself",
    )
    method = forms.CharField(
        required=False, max_length=200, help_text="how it was collected (with collection time)"
    )


class GradeForm(forms.Form):
    grade = forms.CharField(max_length=2, help_text="reliability A–F and credibility 1–6, e.g. B2")
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AttachForm(forms.Form):
    subject = forms.CharField(max_length=64, help_text="e.g. agreement:1 or incident:12")


class DeriveForm(forms.Form):
    derivation = forms.ChoiceField(choices=choices(Derivation))
    public = forms.BooleanField(
        required=False, help_text="only thumbnails and stripped copies may be public"
    )
    note = forms.CharField(required=False, max_length=500)
    file = forms.FileField(required=False, help_text="for redacted, translated or other copies")


class TransferForm(forms.Form):
    to = forms.IntegerField(widget=forms.Select, label="New custodian")
    purpose = forms.CharField(max_length=500)

    def __init__(self, *args: Any, custodians: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].widget.choices = custodians
