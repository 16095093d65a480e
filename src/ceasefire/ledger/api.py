"""REST endpoints of the transparency log: entries, the latest checkpoint, receipts."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire.domain.errors import NotFound
from ceasefire.ledger import selectors
from ceasefire.ledger.publishing import receipt_for
from ceasefire.tlog import strict


class EntryOut(serializers.Serializer[Any]):
    index = serializers.IntegerField()
    kind = serializers.CharField()
    subject = serializers.CharField()
    actor = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    leaf = serializers.JSONField(help_text="the canonical leaf, parsed")
    leaf_hash = serializers.CharField(help_text="hex SHA-256 of 0x00 ‖ leaf bytes")
    receipt_ready = serializers.BooleanField()


class CheckpointOut(serializers.Serializer[Any]):
    origin = serializers.CharField()
    size = serializers.IntegerField()
    root_hash = serializers.CharField(help_text="base64 root hash")
    witnessed = serializers.BooleanField()
    signed_at = serializers.DateTimeField()
    note = serializers.CharField(help_text="the signed note with every cosignature")


class EntryDetailApi(APIView):
    @extend_schema(responses=EntryOut)
    def get(self, request: Request, index: int) -> Response:
        entry = selectors.get_entry(index)
        return Response(
            EntryOut(
                {
                    "index": entry.index,
                    "kind": entry.kind,
                    "subject": entry.subject,
                    "actor": entry.actor,
                    "recorded_at": entry.recorded_at,
                    "leaf": json.loads(bytes(entry.leaf)),
                    "leaf_hash": bytes(entry.leaf_hash).hex(),
                    "receipt_ready": selectors.witnessed_checkpoint_covering(index) is not None,
                }
            ).data
        )


class EntryReceiptApi(APIView):
    @extend_schema(
        responses={
            (200, "text/plain"): OpenApiResponse(description="a c2sp.org/tlog-proof@v1 receipt")
        }
    )
    def get(self, request: Request, index: int) -> HttpResponse:
        selectors.get_entry(index)
        covering = selectors.witnessed_checkpoint_covering(index)
        if covering is None:
            raise NotFound(f"no witnessed checkpoint covers entry {index} yet")
        return HttpResponse(receipt_for(index, covering), content_type="text/plain; charset=utf-8")


class CheckpointApi(APIView):
    @extend_schema(responses=CheckpointOut)
    def get(self, request: Request) -> Response:
        latest = selectors.latest_checkpoint()
        if latest is None:
            raise NotFound("no checkpoint has been signed yet")
        return Response(
            CheckpointOut(
                {
                    "origin": settings.LOG_ORIGIN,
                    "size": latest.size,
                    "root_hash": strict.b64encode(bytes(latest.root_hash)),
                    "witnessed": latest.witnessed,
                    "signed_at": latest.signed_at,
                    "note": selectors.checkpoint_text(latest),
                }
            ).data
        )
