"""The shape of the reader's record in the OpenAPI document, field by field, so that a
client generated from `/api/schema/` reads every figure (a test checks it against the
response)."""

from __future__ import annotations

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers


def _share() -> serializers.FloatField:
    return serializers.FloatField(
        allow_null=True, help_text="0 to 1; null when there is nothing to count"
    )


READER_RECORD = inline_serializer(
    "NewsReaderRecord",
    {
        "articles": serializers.IntegerField(),
        "readers": serializers.ListField(
            child=inline_serializer(
                "NewsReaderVersion",
                {"reader": serializers.CharField(), "articles": serializers.IntegerField()},
            )
        ),
        "kinds": serializers.ListField(
            child=inline_serializer(
                "NewsReaderKind",
                {
                    "kind": serializers.CharField(),
                    "proposed": serializers.IntegerField(),
                    "accepted": serializers.IntegerField(),
                    "dismissed": serializers.IntegerField(),
                    "waiting": serializers.IntegerField(),
                    "precision": _share(),
                    "found": serializers.IntegerField(),
                    "found_as_background": serializers.IntegerField(),
                    "missed": serializers.IntegerField(allow_null=True),
                    "missed_records": serializers.ListField(child=serializers.IntegerField()),
                    "recall": _share(),
                    "fields": serializers.ListField(
                        child=inline_serializer(
                            "NewsReaderField",
                            {
                                "field": serializers.CharField(),
                                "kept": serializers.IntegerField(),
                                "compared": serializers.IntegerField(),
                                "share": _share(),
                            },
                        )
                    ),
                },
            )
        ),
        "dismissals": serializers.ListField(
            child=inline_serializer(
                "NewsReaderDismissal",
                {
                    "candidate": serializers.IntegerField(),
                    "article": serializers.IntegerField(),
                    "kind": serializers.CharField(),
                    "note": serializers.CharField(),
                    "decided_at": serializers.DateTimeField(allow_null=True),
                },
            )
        ),
    },
)
