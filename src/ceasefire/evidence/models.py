"""The evidence locker: items, where they are attached, their custody steps and their grades.

Every row is written once. An item's bytes live in the content-addressed store under its
SHA-256; a working copy is its own item naming its source (`derived_from`). The current
custodian is the holder after the latest custody step, not a stored field.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ceasefire.accounts.models import Organisation
from ceasefire.choices import choices
from ceasefire.domain import evidence as domain
from ceasefire.domain.coding import Grade, InformationCredibility, SourceReliability


class EvidenceItem(models.Model):
    """A file (kept byte for byte under its SHA-256) or a link, as handed in or derived."""

    kind = models.CharField(max_length=8, choices=choices(domain.ItemKind))
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.BigIntegerField()
    media_type = models.CharField(max_length=120)
    media_kind = models.CharField(max_length=16, choices=choices(domain.MediaKind))
    opaque_reason = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=200, blank=True, help_text="sanitised; never a path")
    url = models.URLField(max_length=2000, blank=True)
    description = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    derived_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="working_copies"
    )
    derivation = models.CharField(max_length=16, choices=choices(domain.Derivation), blank=True)
    derivation_note = models.CharField(max_length=500, blank=True)
    public = models.BooleanField(default=False)
    entered_by = models.CharField(max_length=16, choices=choices(domain.CustodyStep))
    collected_at = models.DateTimeField(null=True, blank=True)
    collection_method = models.CharField(max_length=200, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(public=False) | models.Q(derived_from__isnull=False),
                name="evidence_public_only_working_copies",
            ),
        ]

    def __str__(self) -> str:
        return f"evidence {self.pk} ({self.media_type}, {self.sha256[:12]}…)"

    @property
    def subject(self) -> str:
        """Name the item as log events do: `evidence:<id>`."""
        return f"evidence:{self.pk}"

    @property
    def is_original(self) -> bool:
        """Tell whether this is an evidentiary copy (not derived from another item)."""
        return self.derived_from_id is None

    @property
    def opaque(self) -> bool:
        """Tell whether the bytes are kept only as bytes (never rendered or derived)."""
        return self.media_kind == domain.MediaKind.OPAQUE.value


class EvidenceAttachment(models.Model):
    """An item attached to a record of another app, named like a log subject (`incident:12`)."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="attachments")
    subject = models.CharField(max_length=64, db_index=True)
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    attached_at = models.DateTimeField()
    log_index = models.BigIntegerField()

    class Meta:
        ordering = ["item_id", "attached_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "subject"], name="evidence_attached_once")
        ]

    def __str__(self) -> str:
        return f"evidence {self.item_id} → {self.subject}"


class CustodyEvent(models.Model):
    """One step in an item's chain of custody; its log entry commits to the item's SHA-256."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="custody")
    step = models.CharField(max_length=16, choices=choices(domain.CustodyStep))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(max_length=500, blank=True)
    recipient = models.CharField(max_length=200, blank=True)
    related_item = models.ForeignKey(
        EvidenceItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    log_index = models.BigIntegerField()

    class Meta:
        ordering = ["item_id", "log_index", "id"]

    def __str__(self) -> str:
        return f"evidence {self.item_id} {self.step} #{self.log_index}"


class EvidenceGrade(models.Model):
    """One monitor's Admiralty assessment of an item; regrading adds a row."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="grades")
    reliability = models.CharField(max_length=1, choices=choices(SourceReliability))
    credibility = models.CharField(max_length=1, choices=choices(InformationCredibility))
    note = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    graded_at = models.DateTimeField()
    log_index = models.BigIntegerField()

    class Meta:
        ordering = ["item_id", "graded_at", "id"]

    def __str__(self) -> str:
        return f"evidence {self.item_id} graded {self.code}"

    @property
    def code(self) -> str:
        """Return the grade as printed, e.g. "B2"."""
        return self.as_domain().code

    def as_domain(self) -> Grade:
        """Return the grade as a domain value."""
        return Grade(SourceReliability(self.reliability), InformationCredibility(self.credibility))
