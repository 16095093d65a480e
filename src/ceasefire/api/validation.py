"""Parse a request body with an `Input` serializer, or fail with the one error shape."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


def validated(serializer_class: type[serializers.Serializer[Any]], data: object) -> dict[str, Any]:
    """Return the validated data, raising a 400 `invalid_input` error naming each bad field."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
