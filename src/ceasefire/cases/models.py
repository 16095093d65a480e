"""Cases and what happens to them: taskings, access requests, finding versions, replies,
approvals, the per-agreement rules of verification, and notifications.

A case's state changes only through `domain.cases.TRANSITIONS`, one service each; findings are
versioned (a new draft is a new row, old versions stay); replies and approvals are written
once.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models

from ceasefire.accounts.models import Organisation
from ceasefire.agreements.models import Agreement
from ceasefire.choices import choices
from ceasefire.domain import cases as domain
from ceasefire.incidents.models import Incident

USER = settings.AUTH_USER_MODEL


class VerificationRules(models.Model):
    """How an agreement's mechanism verifies: reply window, sign-off quorum, severity words."""

    agreement = models.OneToOneField(
        Agreement, on_delete=models.PROTECT, related_name="verification_rules"
    )
    reply_window_hours = models.PositiveIntegerField(default=72)
    quorum_required = models.PositiveSmallIntegerField()
    signoff = models.ManyToManyField(Organisation, related_name="+")
    severity_definitions = models.JSONField(default=dict, blank=True)
    set_at = models.DateTimeField()
    set_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"verification rules of {self.agreement}"


class Affiliation(models.Model):
    """A declared tie between a person and a party: it bars them from approving its cases."""

    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="affiliations")
    party = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    declared_at = models.DateTimeField()

    class Meta:
        ordering = ["user_id", "party__code"]
        constraints = [models.UniqueConstraint(fields=["user", "party"], name="affiliation_once")]

    def __str__(self) -> str:
        return f"{self.user} ~ {self.party.code}"


class CaseKind(models.TextChoices):
    VIOLATION = "violation", "alleged violation"
    OBSTRUCTION = "obstruction", "obstruction of monitors"


class Priority(models.TextChoices):
    ROUTINE = "routine", "routine"
    URGENT = "urgent", "urgent"


class Case(models.Model):
    """The unit of verification: one or more reports, one finding at a time."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=24, choices=choices(domain.CaseState), db_index=True)
    version = models.PositiveIntegerField(default=1)
    incidents = models.ManyToManyField(Incident, related_name="cases", blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="obstructions"
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )
    responsible_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    affected_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    priority = models.CharField(max_length=8, choices=Priority.choices, default="routine")
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    investigation_due = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="the reason given at the last step")

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return f"case {self.pk}: {self.title}"

    @property
    def subject(self) -> str:
        """Name this case in the log."""
        return f"case:{self.pk}"


class Tasking(models.Model):
    """A monitor assigned to investigate a case by a due date."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="taskings")
    monitor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="taskings")
    due_on = models.DateField()
    instructions = models.TextField(blank=True)
    assigned_at = models.DateTimeField()

    class Meta:
        ordering = ["case_id", "id"]

    def __str__(self) -> str:
        return f"{self.monitor} on case {self.case_id}"


class AccessAnswer(models.TextChoices):
    PENDING = "pending", "pending"
    GRANTED = "granted", "granted"
    DENIED = "denied", "denied"
    OBSTRUCTED = "obstructed", "obstructed in the field"


class AccessRequest(models.Model):
    """A request to a party for access (a site, a person, records) during an investigation."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="access_requests")
    party = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    what = models.TextField()
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    answer = models.CharField(max_length=16, choices=AccessAnswer.choices, default="pending")
    answer_note = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    obstruction_case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["case_id", "id"]

    def __str__(self) -> str:
        return f"access request {self.pk} to {self.party.code}"

    @property
    def subject(self) -> str:
        return f"access_request:{self.pk}"


class Finding(models.Model):
    """One version of a case's finding; the highest version is the current one."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="findings")
    version = models.PositiveIntegerField()
    outcome = models.CharField(max_length=24, choices=choices(domain.Outcome))
    clauses = models.JSONField(default=list, blank=True)
    responsible_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    severity = models.CharField(max_length=8, choices=choices(domain.Severity), blank=True)
    confidence = models.CharField(max_length=8, choices=choices(domain.Confidence))
    reasoning = models.TextField()
    evidence = models.JSONField(default=list, blank=True, help_text="evidence:<id> cited")
    drafted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField()
    reply_opened_at = models.DateTimeField(null=True, blank=True)
    reply_window_hours = models.PositiveIntegerField(null=True, blank=True)
    adopted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["case_id", "version"]
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="finding_version_once")
        ]

    def __str__(self) -> str:
        return f"finding v{self.version} of case {self.case_id}"

    @property
    def subject(self) -> str:
        return f"finding:{self.pk}"

    def window(self) -> domain.ReplyWindow | None:
        """Return the reply window, if a reply was requested on this version."""
        if self.reply_opened_at is None or self.reply_window_hours is None:
            return None
        return domain.ReplyWindow(self.reply_opened_at, timedelta(hours=self.reply_window_hours))


class Reply(models.Model):
    """A party's reply to a draft finding addressed to it: its answer, remedies and evidence."""

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="replies")
    party = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    remedial_steps = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True)
    submitted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    late = models.BooleanField()

    class Meta:
        ordering = ["finding_id", "submitted_at", "id"]

    def __str__(self) -> str:
        return f"reply of {self.party.code} to {self.finding}"

    @property
    def subject(self) -> str:
        return f"reply:{self.pk}"


class Approval(models.Model):
    """One mediator's concurrence with or dissent from one finding version."""

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="approvals")
    person = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    concurs = models.BooleanField()
    statement = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["finding_id", "at", "id"]

    def __str__(self) -> str:
        return f"{'concur' if self.concurs else 'dissent'} by {self.person} on {self.finding}"

    def as_domain(self) -> domain.Approval:
        return domain.Approval(
            person=str(self.person_id),
            organisation=self.organisation.code,
            version=self.finding.version,
            concurs=self.concurs,
        )


class Notification(models.Model):
    """Something a person must know or do, shown in their inbox and sent by e-mail."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notifications")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, related_name="+")
    kind = models.CharField(max_length=32)
    message = models.CharField(max_length=500)
    key = models.CharField(max_length=120, help_text="one notification per key and person")
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once")]

    def __str__(self) -> str:
        return self.message
