"""The agreement register: agreements, versioned texts, clauses, obligations, talks, events.

Versions, clauses and obligations are written once: an amendment adds a version and never
touches an old one. An agreement's status is computed (see `domain.agreements`), not stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ceasefire.accounts.models import Organisation
from ceasefire.choices import choices
from ceasefire.domain import agreements as domain
from ceasefire.domain.texts import ClauseDraft, ObligationDraft


class Agreement(models.Model):
    """A ceasefire or understanding between parties, brokered by mediators."""

    title = models.CharField(max_length=200)
    venue = models.CharField(max_length=200, blank=True)
    form = models.CharField(max_length=24, choices=choices(domain.AgreementForm))
    signed_on = models.DateField(null=True, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    effective_until = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    parties = models.ManyToManyField(Organisation, related_name="agreements_as_party")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-signed_on", "title", "id"]

    def __str__(self) -> str:
        return self.title

    def as_term(self) -> domain.Term:
        """Return the agreement's own dates for the status fold."""
        return domain.Term(effective_from=self.effective_from, effective_until=self.effective_until)


class AgreementMediator(models.Model):
    """A mediator, guarantor or host of an agreement."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="mediator_links"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=16, choices=choices(domain.MediatorRole))

    class Meta:
        ordering = ["organisation__code"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="mediator_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation.code} ({self.role})"


class AgreementVersion(models.Model):
    """One adopted text of an agreement; the highest number is the one in force."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    change_note = models.CharField(max_length=500, blank=True)
    adopted_on = models.DateField(help_text="the day the parties adopted this text")
    content_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["agreement_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="version_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.agreement} v{self.number}"

    def clause_drafts(self) -> tuple[ClauseDraft, ...]:
        """Return this version's clauses as domain values (needs prefetched clauses)."""
        return tuple(clause.as_domain() for clause in self.clauses.all())


class Clause(models.Model):
    """A numbered clause of one version."""

    version = models.ForeignKey(AgreementVersion, on_delete=models.PROTECT, related_name="clauses")
    position = models.PositiveIntegerField()
    number = models.CharField(max_length=16)
    heading = models.CharField(max_length=200)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["version_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="clause_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.heading}"

    def as_domain(self) -> ClauseDraft:
        """Return the clause as a domain value (needs prefetched obligations and indicators)."""
        return ClauseDraft(
            number=self.number,
            heading=self.heading,
            text=self.text,
            obligations=tuple(item.as_domain() for item in self.obligations.all()),
        )


class Obligation(models.Model):
    """What one party (or every party, when `party` is empty) must do or refrain from."""

    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="obligations")
    position = models.PositiveIntegerField()
    party = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=choices(domain.ObligationKind))
    requirement = models.TextField()
    due_on = models.DateField(null=True, blank=True)
    due_days = models.PositiveIntegerField(null=True, blank=True)
    recurrence_days = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["clause_id", "position"]

    def __str__(self) -> str:
        return f"{self.party.code if self.party else 'ALL'}: {self.requirement[:60]}"

    def as_domain(self) -> ObligationDraft:
        """Return the obligation as a domain value (needs prefetched indicators)."""
        return ObligationDraft(
            party=self.party.code if self.party else None,
            kind=domain.ObligationKind(self.kind),
            requirement=self.requirement,
            indicators=tuple(item.description for item in self.indicators.all()),
            due_on=self.due_on,
            due_days=self.due_days,
            recurrence_days=self.recurrence_days,
        )


class Indicator(models.Model):
    """What evidence would show compliance with an obligation."""

    obligation = models.ForeignKey(Obligation, on_delete=models.PROTECT, related_name="indicators")
    position = models.PositiveIntegerField()
    description = models.TextField()

    class Meta:
        ordering = ["obligation_id", "position"]

    def __str__(self) -> str:
        return self.description[:80]


class TalksRound(models.Model):
    """A round of negotiations on an agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="talks_rounds")
    name = models.CharField(max_length=200)
    venue = models.CharField(max_length=200)
    host = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=choices(domain.TalksOutcome))
    summary = models.TextField(blank=True)
    next_meeting_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_on", "id"]

    def __str__(self) -> str:
        return self.name


class AgreementEvent(models.Model):
    """A dated fact on an agreement's timeline; a party statement names the declaring party."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=24, choices=choices(domain.EventKind))
    occurred_on = models.DateField()
    effective_until = models.DateField(null=True, blank=True)
    description = models.TextField()
    declared_by = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_url = models.URLField(blank=True, max_length=500)
    talks_round = models.ForeignKey(
        TalksRound, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["occurred_on", "id"]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind}"

    def as_domain(self) -> domain.TimelineEvent:
        """Return the event as the status fold sees it."""
        return domain.TimelineEvent(
            kind=domain.EventKind(self.kind),
            occurred_on=self.occurred_on,
            effective_until=self.effective_until,
        )
