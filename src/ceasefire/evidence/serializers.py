"""API output shapes of the evidence locker (reads only; writes go through services)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ceasefire.evidence.models import CustodyEvent, EvidenceAttachment, EvidenceGrade, EvidenceItem


class GradeOut(serializers.ModelSerializer[EvidenceGrade]):
    grade = serializers.CharField(source="code")
    graded_by = serializers.CharField(source="graded_by.username")

    class Meta:
        model = EvidenceGrade
        fields = ["grade", "reliability", "credibility", "note", "graded_by", "graded_at"]
        fields += ["log_index"]


class CustodyOut(serializers.ModelSerializer[CustodyEvent]):
    """A custody step; who acted, for whom and why are shown to mechanism staff only (context
    `staff`), as the log holds them only as hashes."""

    actor = serializers.CharField(source="actor.username")
    custodian = serializers.CharField(source="custodian.username")

    class Meta:
        model = CustodyEvent
        fields = ["step", "actor", "custodian", "purpose", "recipient", "related_item", "at"]
        fields += ["log_index"]

    def to_representation(self, instance: CustodyEvent) -> dict[str, Any]:
        data = dict(super().to_representation(instance))
        if not self.context.get("staff", False):
            for name in ("actor", "custodian", "purpose", "recipient"):
                data[name] = "mechanism staff" if name in {"actor", "custodian"} else ""
        return data


class AttachmentOut(serializers.ModelSerializer[EvidenceAttachment]):
    class Meta:
        model = EvidenceAttachment
        fields = ["subject", "attached_at", "log_index"]


class ItemOut(serializers.ModelSerializer[EvidenceItem]):
    """An item as the viewer may see it; `metadata` is empty unless they may see it."""

    subjects = serializers.SerializerMethodField()
    metadata = serializers.SerializerMethodField()

    class Meta:
        model = EvidenceItem
        fields = [
            "id",
            "kind",
            "sha256",
            "size",
            "media_type",
            "media_kind",
            "opaque_reason",
            "name",
            "url",
            "description",
            "derived_from",
            "derivation",
            "public",
            "entered_by",
            "collected_at",
            "created_at",
            "subjects",
            "metadata",
        ]

    def get_subjects(self, item: EvidenceItem) -> list[str]:
        return [attachment.subject for attachment in item.attachments.all()]

    def get_metadata(self, item: EvidenceItem) -> dict[str, Any]:
        allowed: bool = self.context.get("show_metadata", False)
        return dict(item.metadata) if allowed else {}
