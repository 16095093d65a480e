"""Incidents as reported and coded, the actor registry, and the triage state of each report.

A report is written once: later decisions (triage) change only its triage fields and bump its
version, each decision an entry of the log. Fatality and injury estimates are derived from the
casualty claims by `domain.casualties` when the report is written, and stored only so lists
can sort and filter on them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ceasefire.accounts.models import Organisation
from ceasefire.agreements.models import Agreement, Clause
from ceasefire.choices import choices
from ceasefire.domain import actors, casualties, coding, intake


class Actor(models.Model):
    """A normalised actor of the registry (e.g. TTP), with its aliases."""

    code = models.CharField(max_length=24, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=24, choices=choices(actors.ActorKind))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="the party this actor is part of, if any (e.g. a party's armed forces)",
    )
    description = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} ({self.name})"


class ActorAlias(models.Model):
    """One way of writing an actor's name; `folded` is unique across the whole registry."""

    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="aliases")
    alias = models.CharField(max_length=200)
    folded = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["actor_id", "alias", "id"]

    def __str__(self) -> str:
        return self.alias


class Incident(models.Model):
    """One reported incident, coded ACLED/UCDP style, with its triage state."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="incidents")
    channel = models.CharField(max_length=16, choices=choices(intake.Channel))
    received_at = models.DateTimeField()
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    filing_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reporter_name = models.CharField(max_length=200, blank=True)
    reporter_contact = models.CharField(max_length=200, blank=True)
    responsible_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    affected_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    incident_type = models.CharField(max_length=32, choices=choices(coding.IncidentType))
    date_start = models.DateField()
    date_end = models.DateField()
    date_precision = models.CharField(max_length=8, choices=choices(coding.DatePrecision))
    place_as_written = models.CharField(max_length=200, blank=True)
    place_id = models.CharField(max_length=64, blank=True)
    place_name = models.CharField(max_length=200, blank=True)
    admin1 = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=200, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    where_precision = models.CharField(max_length=16, choices=choices(coding.WherePrecision))
    place_matched = models.BooleanField()
    origin_country = models.CharField(
        max_length=200, blank=True, help_text="where the attack is said to have come from"
    )
    narrative = models.TextField(blank=True)
    confidentiality = models.CharField(max_length=16, choices=choices(intake.Confidentiality))
    confidential_fields = models.JSONField(default=list, blank=True)
    fatalities_low = models.PositiveIntegerField()
    fatalities_best = models.PositiveIntegerField()
    fatalities_high = models.PositiveIntegerField(null=True, blank=True)
    fatalities_vague = models.BooleanField()
    fatalities_conflicting = models.BooleanField()
    injured_best = models.PositiveIntegerField()
    clauses = models.ManyToManyField(Clause, blank=True, related_name="+")
    content_sha256 = models.CharField(max_length=64)
    content_nonce = models.CharField(max_length=32)
    batch_sha256 = models.CharField(max_length=64, blank=True, help_text="the imported file")
    triage_status = models.CharField(
        max_length=24, choices=choices(intake.TriageStatus), db_index=True
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    triage_note = models.TextField(blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date_start", "-id"]
        indexes = [models.Index(fields=["agreement", "date_start"], name="incident_when")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_end__gte=models.F("date_start")), name="incident_span"
            ),
            models.CheckConstraint(
                condition=(models.Q(lat__isnull=True) & models.Q(lon__isnull=True))
                | (models.Q(lat__isnull=False) & models.Q(lon__isnull=False)),
                name="incident_point",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_incident_type_display()} {self.date_start}"

    @property
    def subject(self) -> str:
        """Name this report in the log."""
        return f"incident:{self.pk}"


class IncidentActor(models.Model):
    """An actor named in a report, as written, with the registry's actor when it matched."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="actors")
    position = models.PositiveSmallIntegerField()
    as_written = models.CharField(max_length=200)
    actor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, null=True, blank=True, related_name="mentions"
    )

    class Meta:
        ordering = ["incident_id", "position"]

    def __str__(self) -> str:
        return self.as_written


class CasualtyClaim(models.Model):
    """One claimant's figures for one victim group, kept side by side with the others'."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="claims")
    position = models.PositiveSmallIntegerField()
    claimant = models.CharField(max_length=200)
    claimant_kind = models.CharField(max_length=16, choices=choices(casualties.ClaimantKind))
    victim_group = models.CharField(max_length=100)
    killed = models.PositiveIntegerField(null=True, blank=True)
    killed_qualifier = models.CharField(max_length=16, choices=choices(casualties.Qualifier))
    injured = models.PositiveIntegerField(null=True, blank=True)
    injured_qualifier = models.CharField(max_length=16, choices=choices(casualties.Qualifier))

    class Meta:
        ordering = ["incident_id", "position"]

    def __str__(self) -> str:
        return f"{self.claimant}: {self.victim_group}"

    def as_domain(self) -> casualties.CasualtyClaim:
        """Return the claim as a domain value."""
        return casualties.CasualtyClaim(
            claimant=self.claimant,
            victim_group=self.victim_group,
            killed=self.killed,
            killed_qualifier=casualties.Qualifier(self.killed_qualifier),
            injured=self.injured,
            injured_qualifier=casualties.Qualifier(self.injured_qualifier),
            claimant_kind=casualties.ClaimantKind(self.claimant_kind),
        )


class IncidentSource(models.Model):
    """A source a report cites: outlet, link, date and scale."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="sources")
    position = models.PositiveSmallIntegerField()
    url = models.URLField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    scale = models.CharField(max_length=16, choices=choices(intake.SourceScale))

    class Meta:
        ordering = ["incident_id", "position"]

    def __str__(self) -> str:
        return self.outlet or self.url


class IncidentRevision(models.Model):
    """One recoding of a report by the mechanism: why, by whom, and the coding it replaced."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(help_text="the report's version this revision made")
    reason = models.TextField()
    replaced = models.JSONField(help_text="the coding before this revision, as the API showed it")
    content_sha256 = models.CharField(max_length=64, help_text="the new content commitment")
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revised_at = models.DateTimeField()

    class Meta:
        ordering = ["incident_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "number"], name="revision_number_once")
        ]

    def __str__(self) -> str:
        return f"#{self.incident_id} v{self.number}"
