"""HTML forms of incident intake: shape only; each form turns its fields into the API's JSON
shape and lets `parsing.report_from_mapping` and the services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from ceasefire.accounts.models import Organisation
from ceasefire.agreements.models import Agreement
from ceasefire.choices import choices
from ceasefire.domain.actors import ActorKind
from ceasefire.domain.coding import DatePrecision, IncidentType
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.intake import ConfidentialField, Confidentiality, SourceScale, TriageStatus
from ceasefire.domain.policy import OrganisationKind
from ceasefire.incidents import parsing
from ceasefire.incidents.reports import Report
from ceasefire.web.forms import DateInput

CLAIMS_HELP = (
    "One claim per line: claimant | kind (party, media, monitor, ngo, unknown) | victim group | "
    "killed | injured. Figures may read 23, at least 23, over 23, about 23 or vague 24."
)
SOURCES_HELP = "One source per line: link | outlet | date (YYYY-MM-DD) | scale."


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _sources(text: str) -> list[dict[str, Any]]:
    sources = []
    scales = {s.value for s in SourceScale}
    for line in _lines(text):
        parts = [p.strip() for p in line.split("|")] + ["", "", "", ""]
        url, outlet, published, scale = parts[:4]
        if not url.startswith(("http://", "https://")) and not outlet:
            url, outlet = "", url
        sources.append(
            {
                "url": url,
                "outlet": outlet,
                "published_on": published or None,
                "scale": scale if scale in scales else "other",
            }
        )
    return sources


class ReportFields(forms.Form):
    """The fields every channel shares."""

    agreement = forms.ModelChoiceField(queryset=Agreement.objects.all(), empty_label=None)
    incident_type = forms.ChoiceField(choices=choices(IncidentType), label="What happened")
    date_start = forms.DateField(widget=DateInput, label="Date (first day)")
    date_end = forms.DateField(
        widget=DateInput, required=False, label="Last day", help_text="for overnight events"
    )
    date_precision = forms.ChoiceField(choices=choices(DatePrecision), initial="day")
    place = forms.CharField(
        max_length=200,
        required=False,
        label="Place, as reported",
        widget=forms.TextInput(attrs={"list": "places", "autocomplete": "off"}),
        help_text="a village, district or crossing; unknown places are accepted",
    )
    country = forms.CharField(
        max_length=200, required=False, help_text="or “border, unspecified side”"
    )
    lat = forms.FloatField(required=False, label="Latitude")
    lon = forms.FloatField(required=False, label="Longitude")
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=20_000
    )
    claims = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Casualty claims",
        help_text=CLAIMS_HELP,
    )

    def report(self) -> Report:
        """Build the report from the cleaned fields (rules applied by `parsing`)."""
        return parsing.report_from_mapping(self.mapping())

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "incident_type": data["incident_type"],
            "date_start": data["date_start"].isoformat(),
            "date_end": data["date_end"].isoformat() if data["date_end"] else None,
            "date_precision": data["date_precision"],
            "place": data["place"],
            "country": data["country"],
            "lat": data["lat"],
            "lon": data["lon"],
            "narrative": data["narrative"],
            "claims": parsing.claims_from_lines(_lines(data["claims"])),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            try:
                self.cleaned_data["report"] = self.report()
            except InvalidInput as error:
                field = error.details.get("field")
                named = field if isinstance(field, str) and field in self.fields else None
                self.add_error(named, error.message)
        return cleaned


class ReportForm(ReportFields):
    """A liaison officer's or monitor's report."""

    responsible_party = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTY.value),
        to_field_name="code",
        required=False,
        label="Alleged responsible party",
    )
    affected_party = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTY.value),
        to_field_name="code",
        required=False,
    )
    origin_country = forms.CharField(
        max_length=200, required=False, label="Launched from (territory of origin)"
    )
    actors = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="one per line, as written in the report",
    )
    clauses = forms.CharField(
        max_length=200,
        required=False,
        label="Clauses allegedly violated",
        help_text="clause numbers, comma-separated (e.g. 1, 4)",
    )
    sources = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, help_text=SOURCES_HELP
    )
    confidentiality = forms.ChoiceField(
        choices=[
            ("parties", "the mechanism and both parties"),
            ("mechanism", "the mechanism and my own party only"),
            ("public", "anyone, once triaged in remit"),
        ],
        initial="parties",
        label="Who may see this report",
    )
    confidential_fields = forms.MultipleChoiceField(
        choices=choices(ConfidentialField),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Withhold from the other party and the public",
    )

    field_order = [
        "agreement",
        "incident_type",
        "date_start",
        "date_end",
        "date_precision",
        "place",
        "country",
        "lat",
        "lon",
        "origin_country",
        "responsible_party",
        "affected_party",
        "actors",
        "claims",
        "sources",
        "clauses",
        "narrative",
        "confidentiality",
        "confidential_fields",
    ]

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        party = {
            name: data[name].code if data[name] else None
            for name in ("responsible_party", "affected_party")
        }
        return {
            **super().mapping(),
            **party,
            "origin_country": data["origin_country"],
            "actors": _lines(data["actors"]),
            "clauses": [c.strip() for c in data["clauses"].split(",") if c.strip()],
            "sources": _sources(data["sources"]),
            "confidentiality": data["confidentiality"],
            "confidential_fields": list(data["confidential_fields"]),
        }


def _figure_text(figure: int | None, qualifier: str) -> str:
    if figure is None:
        return ""
    words = {"at_least": "at least ", "over": "over ", "approximately": "about ", "vague": "vague "}
    return words.get(qualifier, "") + str(figure)


def initial_from_mapping(data: dict[str, Any]) -> dict[str, Any]:
    """Fill a report form from a report in the JSON shape (to revise a stored report)."""
    claims = [
        " | ".join(
            [
                c["claimant"],
                c["claimant_kind"],
                c["victim_group"],
                _figure_text(c["killed"], c["killed_qualifier"]),
                _figure_text(c["injured"], c["injured_qualifier"]),
            ]
        )
        for c in data.get("claims", [])
    ]
    sources = [
        " | ".join([s["url"], s["outlet"], s["published_on"] or "", s["scale"]])
        for s in data.get("sources", [])
    ]
    return {
        **{k: v for k, v in data.items() if k not in {"claims", "sources", "actors", "clauses"}},
        "claims": "\n".join(claims),
        "sources": "\n".join(sources),
        "actors": "\n".join(data.get("actors", [])),
        "clauses": ", ".join(data.get("clauses", [])),
    }


class ReviseForm(ReportForm):
    """A monitor's recoding of a stored report, with the reason it is recoded."""

    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class PublicReportForm(ReportFields):
    """The public form: anonymous unless the reporter leaves a name or contact."""

    reporter_name = forms.CharField(max_length=200, required=False, label="Your name (optional)")
    reporter_contact = forms.CharField(
        max_length=200,
        required=False,
        label="How to reach you (optional)",
        help_text="seen only by the mechanism's monitors, never by either party",
    )
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **super().mapping(),
            "reporter_name": data["reporter_name"],
            "reporter_contact": data["reporter_contact"],
            "confidentiality": Confidentiality.PARTIES.value,
        }


class TriageForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (s.value, s.value.replace("_", " ")) for s in TriageStatus if s.value != "received"
        ]
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    duplicate_of = forms.IntegerField(required=False, min_value=1, label="Duplicate of report #")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BulkTriageForm(TriageForm):
    """The queue's bulk decision; the chosen reports come as `selected` checkboxes."""


class ImportForm(forms.Form):
    agreement = forms.ModelChoiceField(queryset=Agreement.objects.all(), empty_label=None)
    file = forms.FileField(help_text="a .csv or .json file (see the import guide)")
    skip_invalid = forms.BooleanField(
        required=False, label="Import the valid rows even if some rows are invalid"
    )


class ActorForm(forms.Form):
    code = forms.CharField(max_length=24)
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=choices(ActorKind))
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTY.value),
        to_field_name="code",
        required=False,
        help_text="the party this actor belongs to, if any",
    )
    aliases = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="one per line"
    )
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class AliasForm(forms.Form):
    alias = forms.CharField(max_length=200)
