"""Tables of the transparency log: entries, stored tree nodes, the append state, checkpoints.

Rows here are never updated or deleted once written (database triggers refuse it); the unique
indexes on `LogEntry.index` and `(LogNode.level, LogNode.index)` make a fork impossible even if
two writers raced past the state lock.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LogEntry(models.Model):
    """One leaf of the Merkle log: the canonical bytes of one domain event."""

    index = models.BigIntegerField(unique=True)
    leaf = models.BinaryField()
    leaf_hash = models.BinaryField(max_length=32)
    kind = models.CharField(max_length=64, db_index=True)
    subject = models.CharField(max_length=64, db_index=True)
    actor = models.CharField(max_length=64)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    correlation_id = models.CharField(max_length=36)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["index"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(index__gte=0), name="log_entry_index_non_negative"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.index} {self.kind} {self.subject}"


class LogNode(models.Model):
    """The hash of a perfect subtree: leaves [index·2^level, (index+1)·2^level)."""

    level = models.PositiveSmallIntegerField()
    index = models.BigIntegerField()
    hash = models.BinaryField(max_length=32)

    class Meta:
        ordering = ["level", "index"]
        constraints = [models.UniqueConstraint(fields=["level", "index"], name="log_node_unique")]

    def __str__(self) -> str:
        return f"node {self.level}/{self.index}"


class LogState(models.Model):
    """The single row that serialises appends: the tree size and its compact-range frontier."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    size = models.BigIntegerField(default=0)
    frontier = models.BinaryField(default=b"")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="log_state_single_row")
        ]

    def __str__(self) -> str:
        return f"log state at size {self.size}"


class Checkpoint(models.Model):
    """A checkpoint the log signed: origin, size and root, as a C2SP signed note."""

    size = models.BigIntegerField(unique=True)
    root_hash = models.BinaryField(max_length=32)
    note = models.TextField(help_text="the signed note with the log's own signature only")
    signed_at = models.DateTimeField()
    witnessed = models.BooleanField(default=False, help_text="the policy's witness quorum holds")

    class Meta:
        ordering = ["size"]

    def __str__(self) -> str:
        return f"checkpoint at size {self.size}"


class Cosignature(models.Model):
    """A witness's `cosignature/v1` line on a checkpoint: as of its time, it saw this tree."""

    checkpoint = models.ForeignKey(
        Checkpoint, on_delete=models.PROTECT, related_name="cosignatures"
    )
    witness = models.CharField(max_length=200, help_text="the witness's key name")
    line = models.TextField(help_text="the signature line exactly as the witness returned it")
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["checkpoint_id", "witness"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkpoint", "witness"], name="cosignature_once_per_witness"
            )
        ]

    def __str__(self) -> str:
        return f"{self.witness} on size {self.checkpoint.size}"
