"""HTML forms of the news desk: shape only; the services apply the rules."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from ceasefire.agreements.models import Agreement
from ceasefire.choices import choices
from ceasefire.domain.agreements import EventKind
from ceasefire.web.forms import DateInput


class _Agreement(forms.Form):
    agreement = forms.ModelChoiceField(queryset=Agreement.objects.all(), empty_label=None)


class PasteForm(_Agreement):
    title = forms.CharField(max_length=500, required=False)
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.CharField(max_length=1000, required=False, label="Link")
    published_on = forms.DateField(required=False, widget=DateInput, label="Published")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), label="Article text")


class UploadForm(_Agreement):
    file = forms.FileField(
        help_text="a .txt file (one article; first line is the title) or a .jsonl file of "
        "articles with title, text, url, pub_date"
    )


class FetchForm(_Agreement):
    url = forms.CharField(max_length=1000, label="Page or RSS/Atom feed address")


class EventForm(forms.Form):
    kind = forms.ChoiceField(choices=choices(EventKind))
    occurred_on = forms.DateField(widget=DateInput)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, stated_position: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if stated_position:  # a stated position is a fact of kind "other", never a change of status
            field = cast(forms.ChoiceField, self.fields["kind"])
            field.choices = [(EventKind.OTHER.value, "other (a party's stated position)")]


class AddToReportForm(forms.Form):
    incident = forms.IntegerField(min_value=1, label="Report #")


class DismissForm(forms.Form):
    note = forms.CharField(max_length=2000, label="Why dismiss it")
