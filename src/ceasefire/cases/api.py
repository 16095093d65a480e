"""REST endpoints of the workflow. Each step is `POST /api/v1/cases/<id>/<action>/` with the
fields of that step's form (`cases.actions.ACTIONS`), so the pages and the API check a step
the same way and call the same service."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire.accounts.actors import actor_of
from ceasefire.accounts.selectors import get_organisation
from ceasefire.agreements.selectors import get_agreement
from ceasefire.api.auth import acting_user, request_user
from ceasefire.api.validation import validated
from ceasefire.cases import facts, selectors, services
from ceasefire.cases.actions import ACTIONS
from ceasefire.cases.models import AccessAnswer, AccessRequest, Case, Finding
from ceasefire.domain.errors import InvalidInput, NotFound
from ceasefire.incidents import selectors as incident_selectors
from ceasefire.incidents.api import history

CASE = inline_serializer("Case", {"id": serializers.IntegerField()})


def finding_out(finding: Finding, *, mechanism: bool) -> dict[str, Any]:
    return {
        "version": finding.version,
        "outcome": finding.outcome,
        "clauses": finding.clauses,
        "responsible_party": finding.responsible_party.code if finding.responsible_party else None,
        "severity": finding.severity or None,
        "confidence": finding.confidence,
        "reasoning": finding.reasoning,
        "evidence": finding.evidence,
        "drafted_at": finding.drafted_at,
        "reply_opened_at": finding.reply_opened_at,
        "reply_window_hours": finding.reply_window_hours,
        "adopted_at": finding.adopted_at,
        "replies": [
            {
                "party": r.party.code,
                "text": r.text,
                "remedial_steps": r.remedial_steps,
                "evidence": r.evidence,
                "submitted_at": r.submitted_at,
                "late": r.late,
            }
            for r in finding.replies.all()
        ],
        "approvals": [
            {
                "organisation": a.organisation.code,
                "person": a.person.username,
                "concurs": a.concurs,
                "statement": a.statement,
                "at": a.at,
            }
            for a in finding.approvals.all()
        ]
        if mechanism
        else [],
    }


def case_out(case: Case, viewer: Any) -> dict[str, Any]:
    mechanism = selectors.is_mechanism(viewer, case)
    incidents = incident_selectors.incidents_visible_to(viewer).filter(cases=case)
    data: dict[str, Any] = {
        "id": case.pk,
        "agreement": case.agreement_id,
        "kind": case.kind,
        "title": case.title,
        "state": case.state,
        "version": case.version,
        "priority": case.priority,
        "responsible_party": case.responsible_party.code if case.responsible_party else None,
        "affected_party": case.affected_party.code if case.affected_party else None,
        "incidents": sorted(incidents.values_list("pk", flat=True)),
        "parent": case.parent_id,
        "merged_into": case.merged_into_id,
        "opened_at": case.opened_at,
        "note": selectors.note_visible(case, viewer),
        "steps": selectors.steps_for(viewer, case),
        "findings": [
            finding_out(f, mechanism=mechanism) for f in selectors.findings_visible(case, viewer)
        ],
    }
    if mechanism:
        standing = selectors.standing(case, now=timezone.now())
        data["standing"] = {
            "window_open": standing.window_open,
            "closes_at": standing.closes_at,
            "addressed": sorted(standing.addressed),
            "replied": sorted(standing.replied),
            "concurring": sorted(standing.concurring),
            "required": standing.required,
            "eligible": sorted(standing.eligible),
        }
        data["history"] = history(case.subject)
    return data


class CaseListApi(APIView):
    class Input(serializers.Serializer[Any]):
        title = serializers.CharField(max_length=200)
        incidents = serializers.ListField(child=serializers.IntegerField(), min_length=1)

    @extend_schema(parameters=[OpenApiParameter("state", str)], responses=CASE)
    def get(self, request: Request) -> Response:
        viewer = acting_user(request).as_actor()
        cases = selectors.cases_visible_to(viewer)
        if request.query_params.get("state"):
            cases = cases.filter(state=request.query_params["state"])
        return Response([case_out(c, viewer) for c in cases])

    @extend_schema(request=Input, responses={201: CASE})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        incidents = [
            incident_selectors.get_incident(i, viewer=actor.as_actor()) for i in data["incidents"]
        ]
        case = services.open_case(actor=actor, incidents=incidents, title=data["title"])
        return Response(case_out(case, actor.as_actor()), status=status.HTTP_201_CREATED)


class CaseDetailApi(APIView):
    @extend_schema(responses=CASE)
    def get(self, request: Request, case_id: int) -> Response:
        viewer = acting_user(request).as_actor()
        return Response(case_out(selectors.get_case(case_id, viewer=viewer), viewer))


def _form_error(form: Any) -> InvalidInput:
    field, messages = next(iter(form.errors.items()))
    return InvalidInput(
        f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages),
        details={"field": field, "errors": {k: list(v) for k, v in form.errors.items()}},
    )


def _form_data(data: Any) -> Any:
    """Turn JSON lists into what the Django forms read (a QueryDict-like mapping)."""
    query = QueryDict(mutable=True)
    for key, value in data.items() if hasattr(data, "items") else []:
        if isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        elif isinstance(value, bool):
            query[key] = "on" if value else ""
        elif value is not None:
            query[key] = str(value)
    return query


class CaseStepApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "action", str, OpenApiParameter.PATH, enum=sorted(ACTIONS), description="the step"
            )
        ],
        request=inline_serializer("Step", {"version": serializers.IntegerField()}),
        responses=CASE,
    )
    def post(self, request: Request, case_id: int, action: str) -> Response:
        actor = acting_user(request)
        viewer = actor.as_actor()
        case = selectors.get_case(case_id, viewer=viewer)
        spec = ACTIONS.get(action)
        if spec is None:
            raise NotFound(f"no step {action!r}; steps: {', '.join(sorted(ACTIONS))}")
        form = spec.form(_form_data(request.data))
        if not form.is_valid():
            raise _form_error(form)
        spec.run(actor, case, form.cleaned_data)
        return Response(case_out(selectors.get_case(case_id, viewer=viewer), viewer))


class AccessAnswerApi(APIView):
    class Input(serializers.Serializer[Any]):
        answer = serializers.ChoiceField(choices=["granted", "denied", "obstructed"])
        note = serializers.CharField(required=False, allow_blank=True, default="")

    @extend_schema(request=Input, responses=CASE)
    def post(self, request: Request, request_id: int) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        access = AccessRequest.objects.filter(pk=request_id).first()
        if access is None:
            raise NotFound(f"no access request {request_id}")
        case = selectors.get_case(access.case_id, viewer=actor.as_actor())
        services.answer_access(
            actor=actor, request=access, answer=AccessAnswer(data["answer"]), note=data["note"]
        )
        return Response(case_out(case, actor.as_actor()))


class NotificationListApi(APIView):
    @extend_schema(
        responses=inline_serializer("Notification", {"message": serializers.CharField()})
    )
    def get(self, request: Request) -> Response:
        user = acting_user(request)
        return Response(
            [
                {
                    "kind": n.kind,
                    "message": n.message,
                    "case": n.case_id,
                    "created_at": n.created_at,
                    "read": n.read_at is not None,
                }
                for n in selectors.inbox(user)[:200]
            ]
        )


class AffiliationApi(APIView):
    class Input(serializers.Serializer[Any]):
        party = serializers.CharField(max_length=8)
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)

    @extend_schema(
        request=Input,
        responses={201: inline_serializer("Affiliation", {"party": serializers.CharField()})},
    )
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        services.declare_affiliation(
            actor=actor, party=get_organisation(data["party"]), note=data["note"]
        )
        return Response({"party": data["party"]}, status=status.HTTP_201_CREATED)


class VerificationRulesApi(APIView):
    class Input(serializers.Serializer[Any]):
        reply_window_hours = serializers.IntegerField(min_value=0, max_value=24 * 60)
        quorum_required = serializers.IntegerField(min_value=0)
        signoff = serializers.ListField(child=serializers.CharField(max_length=8), min_length=1)
        severity_definitions = serializers.DictField(
            child=serializers.CharField(), required=False, default=dict
        )

    @extend_schema(
        request=Input,
        responses=inline_serializer(
            "VerificationRules", {"quorum_required": serializers.IntegerField()}
        ),
    )
    def put(self, request: Request, agreement_id: int) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        agreement = get_agreement(agreement_id, viewer=actor.as_actor())
        services.set_verification_rules(
            actor=actor,
            agreement=agreement,
            reply_window_hours=data["reply_window_hours"],
            quorum_required=data["quorum_required"],
            signoff=[get_organisation(code) for code in data["signoff"]],
            severity_definitions=data["severity_definitions"],
        )
        return Response(rules_out(agreement))

    @extend_schema(
        responses=inline_serializer(
            "VerificationRulesOut", {"quorum_required": serializers.IntegerField()}
        )
    )
    def get(self, request: Request, agreement_id: int) -> Response:
        return Response(
            rules_out(get_agreement(agreement_id, viewer=actor_of(request_user(request))))
        )


def rules_out(agreement: Any) -> dict[str, Any]:
    quorum, window = facts.rules_of(agreement)
    configured = getattr(agreement, "verification_rules", None)
    return {
        "reply_window_hours": int(window.total_seconds() // 3600),
        "quorum_required": quorum.required,
        "signoff": sorted(quorum.eligible),
        "severity_definitions": configured.severity_definitions if configured else {},
    }
