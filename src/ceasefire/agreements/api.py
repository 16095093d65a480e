"""REST endpoints of the agreement register: one class per operation, a few lines each."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.selectors import get_organisation
from ceasefire.agreements import selectors, services
from ceasefire.agreements.serializers import (
    AgreementOut,
    ClauseIn,
    EventOut,
    TalksRoundOut,
    VersionOut,
    clause_drafts,
)
from ceasefire.api.auth import acting_user, request_user
from ceasefire.api.dates import as_of_from
from ceasefire.api.validation import validated
from ceasefire.domain import agreements as rules

AS_OF = OpenApiParameter("as_of", str, description="compute status as of this day (YYYY-MM-DD)")


def _agreement_out(agreement: Any, request: Request) -> dict[str, Any]:
    context = {"as_of": as_of_from(request.query_params.get("as_of"))}
    return dict(AgreementOut(agreement, context=context).data)


class AgreementListApi(APIView):
    class MediatorIn(serializers.Serializer[Any]):
        code = serializers.CharField(max_length=8)
        role = serializers.ChoiceField(choices=[r.value for r in rules.MediatorRole])

    class Input(serializers.Serializer[Any]):
        title = serializers.CharField(max_length=200)
        venue = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
        form = serializers.ChoiceField(choices=[f.value for f in rules.AgreementForm])
        signed_on = serializers.DateField(required=False, allow_null=True, default=None)
        effective_from = serializers.DateField(required=False, allow_null=True, default=None)
        effective_until = serializers.DateField(required=False, allow_null=True, default=None)
        summary = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=5000
        )
        parties = serializers.ListField(child=serializers.CharField(max_length=8), min_length=2)
        mediators = serializers.ListField(
            child=serializers.DictField(), required=False, default=list
        )
        text = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=100000
        )
        clauses = ClauseIn(many=True)

    @extend_schema(parameters=[AS_OF], responses=AgreementOut(many=True))
    def get(self, request: Request) -> Response:
        agreements = selectors.list_agreements(viewer=actor_of(request_user(request)))
        return Response([_agreement_out(a, request) for a in agreements])

    @extend_schema(request=Input, responses={201: AgreementOut})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        mediators = [validated(self.MediatorIn, item) for item in data["mediators"]]
        agreement = services.register_agreement(
            actor=actor,
            details=services.AgreementDetails(
                title=data["title"],
                venue=data["venue"],
                form=rules.AgreementForm(data["form"]),
                signed_on=data["signed_on"],
                effective_from=data["effective_from"],
                effective_until=data["effective_until"],
                summary=data["summary"],
            ),
            parties=[get_organisation(code.upper()) for code in data["parties"]],
            mediators=[
                (get_organisation(m["code"].upper()), rules.MediatorRole(m["role"]))
                for m in mediators
            ],
            text=data["text"],
            clauses=clause_drafts(data["clauses"]),
        )
        return Response(_agreement_out(agreement, request), status=status.HTTP_201_CREATED)


class AgreementDetailApi(APIView):
    @extend_schema(parameters=[AS_OF], responses=AgreementOut)
    def get(self, request: Request, agreement_id: int) -> Response:
        agreement = selectors.get_agreement(agreement_id, viewer=actor_of(request_user(request)))
        return Response(_agreement_out(agreement, request))


class VersionListApi(APIView):
    class Input(serializers.Serializer[Any]):
        based_on_version = serializers.IntegerField(min_value=1)
        change_note = serializers.CharField(max_length=500)
        adopted_on = serializers.DateField(required=False, allow_null=True, default=None)
        text = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=100000
        )
        clauses = ClauseIn(many=True)

    @extend_schema(responses=VersionOut(many=True))
    def get(self, request: Request, agreement_id: int) -> Response:
        agreement = selectors.get_agreement(agreement_id, viewer=actor_of(request_user(request)))
        return Response(VersionOut(selectors.list_versions(agreement), many=True).data)

    @extend_schema(request=Input, responses={201: VersionOut})
    def post(self, request: Request, agreement_id: int) -> Response:
        actor = acting_user(request)
        agreement = selectors.get_agreement(agreement_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        version = services.amend_agreement(
            actor=actor,
            agreement=agreement,
            based_on_version=data["based_on_version"],
            text=data["text"],
            change_note=data["change_note"],
            adopted_on=data["adopted_on"],
            clauses=clause_drafts(data["clauses"]),
        )
        version = selectors.get_version(agreement, version.number)
        return Response(VersionOut(version).data, status=status.HTTP_201_CREATED)


class VersionDetailApi(APIView):
    @extend_schema(responses=VersionOut)
    def get(self, request: Request, agreement_id: int, number: int) -> Response:
        agreement = selectors.get_agreement(agreement_id, viewer=actor_of(request_user(request)))
        return Response(VersionOut(selectors.get_version(agreement, number)).data)


class EventListApi(APIView):
    class Input(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=[k.value for k in rules.EventKind])
        occurred_on = serializers.DateField()
        effective_until = serializers.DateField(required=False, allow_null=True, default=None)
        description = serializers.CharField(max_length=5000)
        source_url = serializers.URLField(
            required=False, allow_blank=True, default="", max_length=500
        )
        talks_round = serializers.IntegerField(required=False, allow_null=True, default=None)

    @extend_schema(responses=EventOut(many=True))
    def get(self, request: Request, agreement_id: int) -> Response:
        agreement = selectors.get_agreement(agreement_id, viewer=actor_of(request_user(request)))
        return Response(EventOut(selectors.list_events(agreement), many=True).data)

    @extend_schema(request=Input, responses={201: EventOut})
    def post(self, request: Request, agreement_id: int) -> Response:
        actor = acting_user(request)
        agreement = selectors.get_agreement(agreement_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        round_id = data.pop("talks_round")
        talks = selectors.get_talks_round(agreement, round_id) if round_id else None
        event = services.record_agreement_event(
            actor=actor,
            agreement=agreement,
            talks_round=talks,
            kind=rules.EventKind(data.pop("kind")),
            **data,
        )
        return Response(EventOut(event).data, status=status.HTTP_201_CREATED)


class TalksRoundListApi(APIView):
    class Input(serializers.Serializer[Any]):
        name = serializers.CharField(max_length=200)
        venue = serializers.CharField(max_length=200)
        host = serializers.CharField(required=False, allow_null=True, default=None, max_length=8)
        starts_on = serializers.DateField()
        ends_on = serializers.DateField(required=False, allow_null=True, default=None)
        outcome = serializers.ChoiceField(choices=[o.value for o in rules.TalksOutcome])
        summary = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=5000
        )
        next_meeting_on = serializers.DateField(required=False, allow_null=True, default=None)

    @extend_schema(responses=TalksRoundOut(many=True))
    def get(self, request: Request, agreement_id: int) -> Response:
        agreement = selectors.get_agreement(agreement_id, viewer=actor_of(request_user(request)))
        return Response(TalksRoundOut(selectors.list_talks_rounds(agreement), many=True).data)

    @extend_schema(request=Input, responses={201: TalksRoundOut})
    def post(self, request: Request, agreement_id: int) -> Response:
        actor = acting_user(request)
        agreement = selectors.get_agreement(agreement_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        code = data.pop("host")
        host = get_organisation(code.upper()) if code else None
        talks = services.record_talks_round(
            actor=actor,
            agreement=agreement,
            host=host,
            outcome=rules.TalksOutcome(data.pop("outcome")),
            **data,
        )
        return Response(TalksRoundOut(talks).data, status=status.HTTP_201_CREATED)
