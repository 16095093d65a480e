"""HTML forms of the workflow: shape only; the services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from ceasefire.accounts.models import Organisation, User
from ceasefire.cases.models import AccessAnswer, Priority
from ceasefire.choices import choices
from ceasefire.domain import cases as rules
from ceasefire.domain.policy import OrganisationKind
from ceasefire.web.forms import DateInput

PARTIES = Organisation.objects.filter(kind=OrganisationKind.PARTY.value)


class VersionForm(forms.Form):
    """Every step carries the case version the person saw."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class OpenCaseForm(forms.Form):
    title = forms.CharField(max_length=200)
    incidents = forms.CharField(
        max_length=500, help_text="report numbers triaged in remit, comma-separated"
    )


class TriageCaseForm(VersionForm):
    priority = forms.ChoiceField(choices=Priority.choices)


class InvestigationForm(VersionForm):
    monitors = forms.ModelMultipleChoiceField(
        queryset=User.objects.filter(role="monitor", is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = forms.DateField(widget=DateInput)
    instructions = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class FindingForm(VersionForm):
    outcome = forms.ChoiceField(choices=choices(rules.Outcome))
    clauses = forms.CharField(required=False, help_text="clause numbers breached, comma-separated")
    responsible_party = forms.ModelChoiceField(
        queryset=PARTIES, to_field_name="code", required=False, empty_label="undetermined"
    )
    severity = forms.ChoiceField(choices=[("", "—"), *choices(rules.Severity)], required=False)
    confidence = forms.ChoiceField(choices=choices(rules.Confidence))
    reasoning = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    evidence = forms.CharField(
        required=False, help_text="evidence cited, e.g. evidence:3, evidence:7"
    )


def finding_draft(data: dict[str, Any]) -> rules.FindingDraft:
    """Build the domain draft from a valid FindingForm's cleaned data."""
    return rules.FindingDraft(
        outcome=rules.Outcome(data["outcome"]),
        clauses=tuple(c.strip() for c in data["clauses"].split(",") if c.strip()),
        responsible_party=data["responsible_party"].code if data["responsible_party"] else None,
        severity=rules.Severity(data["severity"]) if data["severity"] else None,
        confidence=rules.Confidence(data["confidence"]),
        reasoning=data["reasoning"],
        evidence=tuple(e.strip() for e in data["evidence"].split(",") if e.strip()),
    )


class NoteForm(VersionForm):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=20_000)


class ReplyForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), label="Your reply")
    remedial_steps = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Remedial steps taken"
    )
    evidence = forms.CharField(required=False, help_text="evidence:<id>, comma-separated")


class ApprovalForm(forms.Form):
    position = forms.ChoiceField(choices=[("concur", "concur"), ("dissent", "dissent")])
    statement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, help_text="required to dissent"
    )
    finding_version = forms.IntegerField(widget=forms.HiddenInput)


class AccessRequestForm(forms.Form):
    party = forms.ModelChoiceField(queryset=PARTIES, to_field_name="code")
    what = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="Access to what")


class AccessAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[(a.value, a.label) for a in AccessAnswer if a is not AccessAnswer.PENDING]
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class MergeForm(VersionForm):
    into = forms.IntegerField(min_value=1, label="Merge into case #")


class AffiliationForm(forms.Form):
    party = forms.ModelChoiceField(queryset=PARTIES, to_field_name="code")
    note = forms.CharField(max_length=500, required=False)


class RulesForm(forms.Form):
    reply_window_hours = forms.IntegerField(
        min_value=0, max_value=24 * 60, label="Reply window (hours)"
    )
    quorum_required = forms.IntegerField(min_value=0, label="Mediators needed to adopt")
    signoff = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.MEDIATOR.value),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        label="Sign-off mediators",
    )
    minor = forms.CharField(required=False, label="Minor means")
    serious = forms.CharField(required=False, label="Serious means")
    grave = forms.CharField(required=False, label="Grave means")
