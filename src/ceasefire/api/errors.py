"""One error shape for the whole API: `{"error": {"code", "message", "details"}}`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ceasefire.domain.errors import DomainError
from ceasefire.tlog.errors import TlogError


def error_response(code: str, message: str, details: object, http_status: int) -> Response:
    """Build the single error shape every failing API call returns."""
    return Response(
        {"error": {"code": code, "message": message, "details": details}}, status=http_status
    )


def _drf_code(error: exceptions.APIException) -> str:
    if isinstance(error, exceptions.ValidationError):
        return "invalid_input"
    if isinstance(error, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return "not_authenticated"
    if isinstance(error, exceptions.PermissionDenied):
        return "not_permitted"
    if isinstance(error, exceptions.NotFound):
        return "not_found"
    return str(error.default_code)


def exception_handler(error: Exception, context: dict[str, Any]) -> Response | None:
    """Map domain, log and DRF errors to the one shape; anything else stays a 500."""
    if isinstance(error, DomainError):
        return error_response(error.code, error.message, error.details, error.http_status)
    if isinstance(error, TlogError):
        return error_response(
            "log_format_error", str(error), {}, status.HTTP_422_UNPROCESSABLE_ENTITY
        )
    if isinstance(error, RequestDataTooBig):
        return error_response(
            "too_large", "the request body is larger than the server accepts", {}, 413
        )
    if isinstance(error, Http404):
        error = exceptions.NotFound()
    response = drf_exception_handler(error, context)
    if response is None or not isinstance(error, exceptions.APIException):
        return response
    details = error.detail if isinstance(error, exceptions.ValidationError) else {}
    message = "the request is invalid: see details" if details else str(error.detail)
    response.data = {"error": {"code": _drf_code(error), "message": message, "details": details}}
    return response
