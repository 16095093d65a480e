"""REST endpoints of incident intake: one class per operation, each a few lines.

Every read goes through `selectors.disclose`, so the API shows a viewer exactly what the pages
show them; every write is one service.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire import gazetteer
from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.selectors import get_organisation
from ceasefire.agreements.models import Agreement
from ceasefire.agreements.selectors import get_agreement
from ceasefire.api.auth import acting_user, request_user
from ceasefire.api.validation import validated
from ceasefire.domain.actors import ActorKind
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.intake import TriageStatus
from ceasefire.domain.policy import PUBLIC, Actor
from ceasefire.incidents import exports, parsing, public, selectors, services
from ceasefire.incidents.selectors import Filters, IncidentView
from ceasefire.ledger.selectors import entries_for, witnessed_size

FILTERS = [
    OpenApiParameter("agreement", int),
    OpenApiParameter("incident_type", str),
    OpenApiParameter("triage_status", str, description="comma-separated statuses"),
    OpenApiParameter("channel", str),
    OpenApiParameter("party", str, description="responsible, affected or filing party code"),
    OpenApiParameter("date_from", str, description="YYYY-MM-DD"),
    OpenApiParameter("date_to", str, description="YYYY-MM-DD"),
    OpenApiParameter("place", str),
    OpenApiParameter("sort", str, description=", ".join(selectors.SORTS)),
]


def filters_from(params: Any) -> Filters:
    """Read list filters from query parameters.

    Raises:
        InvalidInput: a malformed agreement id or date.
    """

    def day(name: str) -> date | None:
        value = params.get(name) or ""
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            raise InvalidInput(
                f"{name} is not a date (YYYY-MM-DD)", details={"field": name}
            ) from None

    agreement = params.get("agreement") or ""
    if agreement and not agreement.isdigit():
        raise InvalidInput("agreement is a number", details={"field": "agreement"})
    statuses = tuple(s for s in (params.get("triage_status") or "").split(",") if s)
    return Filters(
        agreement=int(agreement) if agreement else None,
        incident_type=params.get("incident_type") or "",
        triage_status=statuses,
        channel=params.get("channel") or "",
        party=params.get("party") or "",
        date_from=day("date_from"),
        date_to=day("date_to"),
        place=params.get("place") or "",
        sort=params.get("sort") or "-date_start",
    )


def view_out(view: IncidentView) -> dict[str, Any]:
    """Render a disclosed view as JSON-ready data."""
    data = dataclasses.asdict(view)
    data["audience"] = view.audience.value
    return data


class ReportIn(serializers.Serializer[Any]):
    """The report body (documented here; parsed by `parsing.report_from_mapping`)."""

    agreement = serializers.IntegerField()
    incident_type = serializers.CharField()
    date_start = serializers.DateField()
    date_end = serializers.DateField(required=False, allow_null=True)
    date_precision = serializers.CharField(required=False)
    place = serializers.CharField(required=False, allow_blank=True)
    place_id = serializers.CharField(required=False, allow_blank=True)
    lat = serializers.FloatField(required=False, allow_null=True)
    lon = serializers.FloatField(required=False, allow_null=True)
    country = serializers.CharField(required=False, allow_blank=True)
    where_prec = serializers.IntegerField(required=False, allow_null=True)
    origin_country = serializers.CharField(required=False, allow_blank=True)
    responsible_party = serializers.CharField(required=False, allow_null=True)
    affected_party = serializers.CharField(required=False, allow_null=True)
    actors = serializers.ListField(child=serializers.CharField(), required=False)
    claims = serializers.ListField(child=serializers.DictField(), required=False)
    sources = serializers.ListField(child=serializers.DictField(), required=False)
    clauses = serializers.ListField(child=serializers.CharField(), required=False)
    narrative = serializers.CharField(required=False, allow_blank=True)
    confidentiality = serializers.CharField(required=False)
    confidential_fields = serializers.ListField(child=serializers.CharField(), required=False)
    reporter_name = serializers.CharField(required=False, allow_blank=True)
    reporter_contact = serializers.CharField(required=False, allow_blank=True)


def _agreement_of(data: Any, viewer: Actor) -> Agreement:
    """Return the agreement a report is filed under, named by id in the body."""
    value = data.get("agreement") if hasattr(data, "get") else None
    if not isinstance(value, int) and not (isinstance(value, str) and value.isdigit()):
        raise InvalidInput(
            "agreement: the id of the agreement is required", details={"field": "agreement"}
        )
    return get_agreement(int(value), viewer=viewer)


INCIDENT = inline_serializer("Incident", {"id": serializers.IntegerField()})


class IncidentListApi(APIView):
    @extend_schema(parameters=FILTERS, responses=INCIDENT)
    def get(self, request: Request) -> Response:
        views = selectors.list_incidents(
            viewer=actor_of(request_user(request)), filters=filters_from(request.query_params)
        )
        return Response([view_out(v) for v in views])

    @extend_schema(request=ReportIn, responses={201: INCIDENT})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        agreement = _agreement_of(request.data, actor.as_actor())
        report = parsing.report_from_mapping(request.data)
        incident = services.report_incident(actor=actor, agreement=agreement, report=report)
        view = selectors.disclose(
            selectors.get_incident(incident.pk, viewer=actor.as_actor()), actor.as_actor()
        )
        return Response(view_out(view), status=status.HTTP_201_CREATED)


class PublicReportApi(APIView):
    """Anonymous reports: no account, a honeypot field and a rate limit per client."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=ReportIn,
        responses={201: inline_serializer("Received", {"id": serializers.IntegerField()})},
    )
    def post(self, request: Request) -> Response:
        data = request.data
        honeypot = data.get(public.HONEYPOT, "") if hasattr(data, "get") else ""
        public.admit(client=request.META.get("REMOTE_ADDR", ""), honeypot=str(honeypot or ""))
        agreement = _agreement_of(data, PUBLIC)
        report = parsing.report_from_mapping(
            {k: v for k, v in data.items() if k != public.HONEYPOT}
        )
        incident = services.report_publicly(agreement=agreement, report=report)
        return Response(
            {"id": incident.pk, "message": "Thank you: your report was received for triage."},
            status=status.HTTP_201_CREATED,
        )


class IncidentDetailApi(APIView):
    @extend_schema(responses=INCIDENT)
    def get(self, request: Request, incident_id: int) -> Response:
        viewer = actor_of(request_user(request))
        incident = selectors.get_incident(incident_id, viewer=viewer)
        data = view_out(selectors.disclose(incident, viewer))
        data["history"] = history(incident.subject)
        data["suggested_duplicates"] = [
            dataclasses.asdict(s) for s in selectors.suggested_duplicates(incident, viewer=viewer)
        ]
        return Response(data)


def history(subject: str) -> list[dict[str, Any]]:
    """Return a record's log entries, each with its receipt link once witnessed."""
    size = witnessed_size()
    return [
        {
            "index": entry.index,
            "kind": entry.kind,
            "recorded_at": entry.recorded_at,
            "entry": reverse("ledger:entry-detail", args=[entry.index]),
            "receipt": reverse("ledger:proof", args=[entry.index]) if entry.index < size else None,
        }
        for entry in entries_for(subject)
    ]


class TriageApi(APIView):
    class Input(serializers.Serializer[Any]):
        decision = serializers.ChoiceField(choices=[s.value for s in TriageStatus])
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
        duplicate_of = serializers.IntegerField(required=False, allow_null=True, default=None)
        version = serializers.IntegerField(required=False, allow_null=True, default=None)

    @extend_schema(request=Input, responses=INCIDENT)
    def post(self, request: Request, incident_id: int) -> Response:
        actor = acting_user(request)
        viewer = actor.as_actor()
        data = validated(self.Input, request.data)
        incident = selectors.get_incident(incident_id, viewer=viewer)
        target = data["duplicate_of"]
        services.triage_incident(
            actor=actor,
            incident=incident,
            decision=TriageStatus(data["decision"]),
            note=data["note"],
            duplicate_of=selectors.get_incident(target, viewer=viewer) if target else None,
            version=data["version"],
        )
        fresh = selectors.get_incident(incident_id, viewer=viewer)
        return Response(view_out(selectors.disclose(fresh, viewer)))


class ReviseIn(ReportIn):
    reason = serializers.CharField()
    version = serializers.IntegerField(required=False)


class ReviseApi(APIView):
    @extend_schema(request=ReviseIn, responses=INCIDENT)
    def post(self, request: Request, incident_id: int) -> Response:
        actor = acting_user(request)
        viewer = actor.as_actor()
        incident = selectors.get_incident(incident_id, viewer=viewer)
        data = request.data if hasattr(request.data, "get") else {}
        body = {k: v for k, v in data.items() if k not in {"reason", "version"}}
        version = data.get("version")
        if version is not None and not isinstance(version, int):
            raise InvalidInput("version: must be a number", details={"field": "version"})
        services.revise_incident(
            actor=actor,
            incident=incident,
            report=parsing.report_from_mapping(body),
            reason=str(data.get("reason") or ""),
            version=version,
        )
        fresh = selectors.get_incident(incident_id, viewer=viewer)
        return Response(view_out(selectors.disclose(fresh, viewer)))


class BulkTriageApi(APIView):
    class Input(serializers.Serializer[Any]):
        incidents = serializers.ListField(
            child=serializers.IntegerField(), min_length=1, max_length=5000
        )
        decision = serializers.ChoiceField(choices=[s.value for s in TriageStatus])
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
        duplicate_of = serializers.IntegerField(required=False, allow_null=True, default=None)

    @extend_schema(
        request=Input,
        responses=inline_serializer("Triaged", {"triaged": serializers.IntegerField()}),
    )
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        viewer = actor.as_actor()
        data = validated(self.Input, request.data)
        found = list(selectors.incidents_visible_to(viewer).filter(pk__in=data["incidents"]))
        missing = sorted(set(data["incidents"]) - {i.pk for i in found})
        if missing:
            raise InvalidInput(
                f"no incident {missing[0]}", details={"field": "incidents", "missing": missing}
            )
        target = data["duplicate_of"]
        done = services.triage_incidents(
            actor=actor,
            incidents=found,
            decision=TriageStatus(data["decision"]),
            note=data["note"],
            duplicate_of=selectors.get_incident(target, viewer=viewer) if target else None,
        )
        return Response({"triaged": len(done)})


class QueueApi(APIView):
    @extend_schema(parameters=FILTERS, responses=INCIDENT)
    def get(self, request: Request) -> Response:
        views = selectors.triage_queue(
            viewer=actor_of(request_user(request)), filters=filters_from(request.query_params)
        )
        return Response([view_out(v) for v in views])


class ImportApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={
            "multipart/form-data": inline_serializer(
                "ImportIn",
                {
                    "agreement": serializers.IntegerField(),
                    "file": serializers.FileField(),
                    "skip_invalid": serializers.BooleanField(required=False),
                },
            )
        },
        responses={201: inline_serializer("Imported", {"imported": serializers.IntegerField()})},
    )
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        agreement = _agreement_of(request.data, actor.as_actor())
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInput("attach the file to import", details={"field": "file"})
        if upload.size is not None and upload.size > settings.IMPORT_MAX_BYTES:
            raise InvalidInput("the file is too large to import", details={"field": "file"})
        content = upload.read()
        rows = parsing.parse_file(content, name=parsing.upload_name(upload))
        skip = str(request.data.get("skip_invalid", "")).lower() in {"1", "true", "on", "yes"}
        imported = services.import_incidents(
            actor=actor, agreement=agreement, rows=rows, content=content, skip_invalid=skip
        )
        return Response(
            {
                "imported": len(imported),
                "skipped": len(rows) - len(imported),
                "first": imported[0].pk,
                "last": imported[-1].pk,
            },
            status=status.HTTP_201_CREATED,
        )


class ExportApi(APIView):
    @extend_schema(parameters=FILTERS, responses={(200, "text/csv"): str})
    def get(self, request: Request) -> HttpResponse:
        views = selectors.list_incidents(
            viewer=actor_of(request_user(request)), filters=filters_from(request.query_params)
        )
        response = HttpResponse(exports.to_csv(views), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="incidents.csv"'
        return response


class MapApi(APIView):
    @extend_schema(
        parameters=FILTERS,
        responses=inline_serializer("FeatureCollection", {"type": serializers.CharField()}),
    )
    def get(self, request: Request) -> Response:
        collection = selectors.map_features(
            viewer=actor_of(request_user(request)), filters=filters_from(request.query_params)
        )
        return Response(collection)


class PlaceSearchApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("q", str), OpenApiParameter("limit", int)],
        responses=inline_serializer("Place", {"id": serializers.CharField()}),
    )
    def get(self, request: Request) -> Response:
        limit = request.query_params.get("limit") or "10"
        found = gazetteer.search(
            request.query_params.get("q") or "", limit=int(limit) if limit.isdigit() else 10
        )
        return Response(
            [
                {
                    **dataclasses.asdict(place),
                    "where_prec": place.precision.code,
                    "precision": place.precision.value,
                }
                for place in found
            ]
        )


def actor_out(actor: Any) -> dict[str, Any]:
    return {
        "code": actor.code,
        "name": actor.name,
        "kind": actor.kind,
        "inter": ActorKind(actor.kind).inter,
        "organisation": actor.organisation.code if actor.organisation else None,
        "description": actor.description,
        "aliases": [alias.alias for alias in actor.aliases.all()],
    }


ACTOR = inline_serializer("RegisteredActor", {"code": serializers.CharField()})


class ActorListApi(APIView):
    class Input(serializers.Serializer[Any]):
        code = serializers.CharField(max_length=24)
        name = serializers.CharField(max_length=200)
        kind = serializers.ChoiceField(choices=[k.value for k in ActorKind])
        organisation = serializers.CharField(required=False, allow_null=True, default=None)
        aliases = serializers.ListField(
            child=serializers.CharField(max_length=200), required=False, default=list
        )
        description = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=5000
        )

    @extend_schema(responses=ACTOR)
    def get(self, request: Request) -> Response:
        return Response([actor_out(a) for a in selectors.list_actors()])

    @extend_schema(request=Input, responses={201: ACTOR})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        organisation = get_organisation(data["organisation"]) if data["organisation"] else None
        entry = services.register_actor(
            actor=actor,
            code=data["code"],
            name=data["name"],
            kind=ActorKind(data["kind"]),
            organisation=organisation,
            aliases=data["aliases"],
            description=data["description"],
        )
        return Response(actor_out(selectors.get_actor(entry.code)), status=status.HTTP_201_CREATED)


class ActorAliasApi(APIView):
    class Input(serializers.Serializer[Any]):
        alias = serializers.CharField(max_length=200)

    @extend_schema(request=Input, responses={201: ACTOR})
    def post(self, request: Request, code: str) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        services.add_actor_alias(actor=actor, target=selectors.get_actor(code), alias=data["alias"])
        return Response(actor_out(selectors.get_actor(code)), status=status.HTTP_201_CREATED)
