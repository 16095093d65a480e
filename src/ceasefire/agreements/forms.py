"""HTML forms of the agreement register: shape and type only; rules stay in the domain."""

from __future__ import annotations

from typing import Any

from django import forms

from ceasefire.accounts.models import Organisation
from ceasefire.choices import choices
from ceasefire.domain import agreements as rules
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.policy import OrganisationKind
from ceasefire.domain.texts import ClauseDraft, parse_clauses
from ceasefire.web.forms import DateInput

CLAUSES_HELP = (
    "One clause per '## <number> <heading>' line, its text below, then one line per obligation: "
    "'- <PARTY code or ALL> <prohibition|positive_action|procedural>: <requirement>', followed by "
    "indented 'indicator: …', 'due: YYYY-MM-DD', 'due_days: N' or 'every: N' (days) lines."
)


class ClausesField(forms.CharField):
    """The structured clause text, parsed into clause drafts with line-numbered errors."""

    widget = forms.Textarea(attrs={"rows": 18})

    def clean(self, value: Any) -> tuple[ClauseDraft, ...]:
        text = super().clean(value)
        try:
            return parse_clauses(text)
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None


class AgreementForm(forms.Form):
    title = forms.CharField(max_length=200)
    venue = forms.CharField(max_length=200, required=False)
    form = forms.ChoiceField(choices=choices(rules.AgreementForm))
    signed_on = forms.DateField(required=False, widget=DateInput)
    effective_from = forms.DateField(required=False, widget=DateInput)
    effective_until = forms.DateField(required=False, widget=DateInput)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    parties = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTY.value),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    mediators = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.MEDIATOR.value),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        help_text="your own organisation must be among them",
    )
    mediator_role = forms.ChoiceField(choices=choices(rules.MediatorRole), initial="mediator")
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 6}), label="Full text"
    )
    clauses = ClausesField(help_text=CLAUSES_HELP)


class AmendForm(forms.Form):
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    change_note = forms.CharField(max_length=500, help_text="what this amendment changes")
    adopted_on = forms.DateField(required=False, widget=DateInput, help_text="empty = today")
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 6}), label="Full text"
    )
    clauses = ClausesField(help_text=CLAUSES_HELP)


class EventForm(forms.Form):
    kind = forms.ChoiceField(choices=choices(rules.EventKind))
    occurred_on = forms.DateField(widget=DateInput)
    effective_until = forms.DateField(
        required=False,
        widget=DateInput,
        help_text="only for an extension: the new end date (empty = open-ended)",
    )
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    source_url = forms.URLField(required=False, max_length=500, assume_scheme="https")


class TalksRoundForm(forms.Form):
    name = forms.CharField(max_length=200)
    venue = forms.CharField(max_length=200)
    host = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), to_field_name="code", required=False
    )
    starts_on = forms.DateField(widget=DateInput)
    ends_on = forms.DateField(required=False, widget=DateInput)
    outcome = forms.ChoiceField(choices=choices(rules.TalksOutcome))
    summary = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    next_meeting_on = forms.DateField(required=False, widget=DateInput)
