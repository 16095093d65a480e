"""REST endpoints of the evidence locker: one class per operation, a few lines each.

Uploads are `multipart/form-data` with the file in the `file` field; it streams through the
evidence upload handler (hashed, size-limited) before the view runs.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire.accounts.actors import actor_of
from ceasefire.api.auth import acting_user, request_user
from ceasefire.api.validation import validated
from ceasefire.domain.coding import parse_grade
from ceasefire.domain.errors import NotPermitted
from ceasefire.domain.evidence import Derivation
from ceasefire.domain.policy import Action, Actor, can
from ceasefire.evidence import selectors, services
from ceasefire.evidence.models import EvidenceItem
from ceasefire.evidence.responses import file_response
from ceasefire.evidence.serializers import AttachmentOut, CustodyOut, GradeOut, ItemOut
from ceasefire.evidence.uploads import HashedUpload, uploaded_file

SUBJECT = OpenApiParameter("subject", str, description="only items attached to this record")


def _viewer(request: Request) -> Actor:
    return actor_of(request_user(request))


def _item_out(item: EvidenceItem, viewer: Actor) -> dict[str, Any]:
    context = {"show_metadata": can(viewer, Action.VIEW_EVIDENCE)}
    return dict(ItemOut(item, context=context).data)


def _upload(request: Request) -> HashedUpload | None:
    request.data  # noqa: B018  # parse the body: the file streams through the upload handler
    return uploaded_file(request._request)


class _Intake(serializers.Serializer[Any]):
    file = serializers.FileField(required=False)
    url = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    description = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000
    )
    subjects = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, default=list
    )


class EvidenceListApi(APIView):
    Input = _Intake

    @extend_schema(parameters=[SUBJECT], responses=ItemOut(many=True))
    def get(self, request: Request) -> Response:
        viewer = _viewer(request)
        items = selectors.list_items(viewer=viewer, subject=request.query_params.get("subject", ""))
        return Response([_item_out(item, viewer) for item in items])

    @extend_schema(request={"multipart/form-data": Input}, responses={201: ItemOut})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        file = _upload(request)
        data = validated(self.Input, request.data)
        item = services.submit_evidence(
            actor=actor,
            file=file,
            url=data["url"],
            description=data["description"],
            subjects=data["subjects"],
        )
        return Response(_item_out(item, actor.as_actor()), status=status.HTTP_201_CREATED)


class EvidenceCollectApi(APIView):
    class Input(_Intake):
        collected_at = serializers.DateTimeField()
        method = serializers.CharField(max_length=200)

    @extend_schema(request={"multipart/form-data": Input}, responses={201: ItemOut})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        file = _upload(request)
        data = validated(self.Input, request.data)
        data.pop("file", None)
        item = services.collect_evidence(actor=actor, file=file, **data)
        return Response(_item_out(item, actor.as_actor()), status=status.HTTP_201_CREATED)


class EvidenceDetailApi(APIView):
    @extend_schema(responses=ItemOut)
    def get(self, request: Request, item_id: int) -> Response:
        viewer = _viewer(request)
        return Response(_item_out(selectors.get_item(item_id, viewer=viewer), viewer))


class EvidenceDownloadApi(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, item_id: int) -> FileResponse:
        viewer = _viewer(request)
        item = selectors.get_item(item_id, viewer=viewer)
        if can(viewer, Action.VIEW_EVIDENCE):
            services.access_evidence(actor=acting_user(request), item=item, purpose="api download")
        elif not item.public:
            raise NotPermitted("the stored bytes are open to mediators and monitors only")
        return file_response(item)


class EvidenceCustodyApi(APIView):
    @extend_schema(responses=CustodyOut(many=True))
    def get(self, request: Request, item_id: int) -> Response:
        item = selectors.get_item(item_id, viewer=_viewer(request))
        staff = can(_viewer(request), Action.VIEW_EVIDENCE)
        return Response(
            CustodyOut(selectors.custody_of(item), many=True, context={"staff": staff}).data
        )


class EvidenceGradeApi(APIView):
    class Input(serializers.Serializer[Any]):
        grade = serializers.CharField(max_length=2, help_text="e.g. B2")
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)

    @extend_schema(responses=GradeOut(many=True))
    def get(self, request: Request, item_id: int) -> Response:
        item = selectors.get_item(item_id, viewer=_viewer(request))
        return Response(GradeOut(selectors.grades_of(item), many=True).data)

    @extend_schema(request=Input, responses={201: GradeOut})
    def post(self, request: Request, item_id: int) -> Response:
        actor = acting_user(request)
        item = selectors.get_item(item_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        grade = services.grade_evidence(
            actor=actor, item=item, grade=parse_grade(data["grade"]), note=data["note"]
        )
        return Response(GradeOut(grade).data, status=status.HTTP_201_CREATED)


class EvidenceAttachApi(APIView):
    class Input(serializers.Serializer[Any]):
        subject = serializers.CharField(max_length=64, help_text="e.g. incident:12")

    @extend_schema(request=Input, responses={201: AttachmentOut})
    def post(self, request: Request, item_id: int) -> Response:
        actor = acting_user(request)
        item = selectors.get_item(item_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        attachment = services.attach_evidence(actor=actor, item=item, subject=data["subject"])
        return Response(AttachmentOut(attachment).data, status=status.HTTP_201_CREATED)


class EvidenceDeriveApi(APIView):
    class Input(serializers.Serializer[Any]):
        derivation = serializers.ChoiceField(choices=[d.value for d in Derivation])
        public = serializers.BooleanField(required=False, default=False)
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)
        file = serializers.FileField(required=False)

    @extend_schema(request={"multipart/form-data": Input}, responses={201: ItemOut})
    def post(self, request: Request, item_id: int) -> Response:
        actor = acting_user(request)
        source = selectors.get_item(item_id, viewer=actor.as_actor())
        file = _upload(request)
        data = validated(self.Input, request.data)
        copy = services.derive_working_copy(
            actor=actor,
            source=source,
            derivation=Derivation(data["derivation"]),
            public=data["public"],
            file=file,
            note=data["note"],
        )
        return Response(_item_out(copy, actor.as_actor()), status=status.HTTP_201_CREATED)


class EvidenceTransferApi(APIView):
    class Input(serializers.Serializer[Any]):
        to = serializers.IntegerField(min_value=1, help_text="the user id of the new custodian")
        purpose = serializers.CharField(max_length=500)

    @extend_schema(request=Input, responses={201: CustodyOut})
    def post(self, request: Request, item_id: int) -> Response:
        actor = acting_user(request)
        item = selectors.get_item(item_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        event = services.transfer_custody(
            actor=actor, item=item, to=selectors.get_custodian(data["to"]), purpose=data["purpose"]
        )
        return Response(
            CustodyOut(event, context={"staff": True}).data, status=status.HTTP_201_CREATED
        )


class EvidenceCopyApi(APIView):
    class Input(serializers.Serializer[Any]):
        recipient = serializers.CharField(max_length=200)
        purpose = serializers.CharField(max_length=500)

    @extend_schema(request=Input, responses={201: CustodyOut})
    def post(self, request: Request, item_id: int) -> Response:
        actor = acting_user(request)
        item = selectors.get_item(item_id, viewer=actor.as_actor())
        data = validated(self.Input, request.data)
        event = services.copy_evidence(actor=actor, item=item, **data)
        return Response(
            CustodyOut(event, context={"staff": True}).data, status=status.HTTP_201_CREATED
        )
