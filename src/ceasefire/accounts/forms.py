"""HTML forms for accounts and tokens: shape and type only."""

from __future__ import annotations

from django import forms

from ceasefire.accounts.models import STAFF_ROLES, Organisation
from ceasefire.choices import choices
from ceasefire.domain.policy import OrganisationKind


class UserForm(forms.Form):
    username = forms.CharField(max_length=150)
    full_name = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(required=False)
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), to_field_name="code")
    role = forms.ChoiceField(choices=STAFF_ROLES)
    password = forms.CharField(widget=forms.PasswordInput, max_length=128)


class OrganisationForm(forms.Form):
    code = forms.CharField(max_length=8, help_text="2–8 capital letters, e.g. PAK")
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=choices(OrganisationKind))


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=STAFF_ROLES)


class PasswordForm(forms.Form):
    new_password = forms.CharField(widget=forms.PasswordInput, max_length=128)


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="what the token is for, e.g. 'PAK witness'")
