"""API shapes of the agreement register, shared by the agreement endpoints."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from rest_framework import serializers

from ceasefire.accounts.models import Organisation
from ceasefire.agreements.models import Agreement, AgreementEvent, AgreementVersion, TalksRound
from ceasefire.agreements.selectors import status_of
from ceasefire.domain import agreements as rules
from ceasefire.domain.texts import ClauseDraft, ObligationDraft


def _choices(enum: type[StrEnum]) -> list[str]:
    return [item.value for item in enum]


class ObligationIn(serializers.Serializer[Any]):
    party = serializers.CharField(
        allow_null=True,
        required=False,
        default=None,
        max_length=8,
        help_text="party code, or null for every party",
    )
    kind = serializers.ChoiceField(choices=_choices(rules.ObligationKind))
    requirement = serializers.CharField(max_length=2000)
    indicators = serializers.ListField(
        child=serializers.CharField(max_length=1000), required=False, default=list
    )
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    due_days = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=3660
    )
    recurrence_days = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=3660
    )


class ClauseIn(serializers.Serializer[Any]):
    number = serializers.CharField(max_length=16)
    heading = serializers.CharField(max_length=200)
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=20000)
    obligations = ObligationIn(many=True, required=False, default=list)


def clause_drafts(data: list[dict[str, Any]]) -> tuple[ClauseDraft, ...]:
    """Turn validated clause input into domain drafts."""
    return tuple(
        ClauseDraft(
            number=clause["number"],
            heading=clause["heading"],
            text=clause["text"],
            obligations=tuple(
                ObligationDraft(
                    party=item["party"].upper() if item["party"] else None,
                    kind=rules.ObligationKind(item["kind"]),
                    requirement=item["requirement"],
                    indicators=tuple(item["indicators"]),
                    due_on=item["due_on"],
                    due_days=item["due_days"],
                    recurrence_days=item["recurrence_days"],
                )
                for item in clause["obligations"]
            ),
        )
        for clause in data
    )


class IndicatorOut(serializers.Serializer[Any]):
    description = serializers.CharField()


class ObligationOut(serializers.Serializer[Any]):
    party = serializers.SerializerMethodField()
    kind = serializers.CharField()
    requirement = serializers.CharField()
    indicators = serializers.SerializerMethodField()
    due_on = serializers.DateField()
    due_days = serializers.IntegerField()
    recurrence_days = serializers.IntegerField()

    def get_party(self, obligation: Any) -> str | None:
        return obligation.party.code if obligation.party else None

    def get_indicators(self, obligation: Any) -> list[str]:
        return [item.description for item in obligation.indicators.all()]


class ClauseOut(serializers.Serializer[Any]):
    number = serializers.CharField()
    heading = serializers.CharField()
    text = serializers.CharField()
    obligations = ObligationOut(many=True)


class VersionOut(serializers.ModelSerializer[AgreementVersion]):
    clauses = ClauseOut(many=True)

    class Meta:
        model = AgreementVersion
        fields = [
            "number",
            "text",
            "change_note",
            "adopted_on",
            "content_sha256",
            "created_at",
            "clauses",
        ]


class MediatorOut(serializers.Serializer[Any]):
    code = serializers.CharField(source="organisation.code")
    name = serializers.CharField(source="organisation.name")
    role = serializers.CharField()


class AgreementOut(serializers.ModelSerializer[Agreement]):
    parties: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    mediators = MediatorOut(many=True, source="mediator_links")
    status = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "title",
            "venue",
            "form",
            "signed_on",
            "effective_from",
            "effective_until",
            "summary",
            "parties",
            "mediators",
            "status",
            "created_at",
        ]

    def get_status(self, agreement: Agreement) -> str:
        return status_of(agreement, as_of=self.context["as_of"]).value


class EventOut(serializers.ModelSerializer[AgreementEvent]):
    declared_by: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = AgreementEvent
        fields = [
            "id",
            "kind",
            "occurred_on",
            "effective_until",
            "description",
            "declared_by",
            "source_url",
            "talks_round",
            "created_at",
        ]


class TalksRoundOut(serializers.ModelSerializer[TalksRound]):
    host: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = TalksRound
        fields = [
            "id",
            "name",
            "venue",
            "host",
            "starts_on",
            "ends_on",
            "outcome",
            "summary",
            "next_meeting_on",
            "created_at",
        ]
