"""Request middleware: one correlation id per request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from ceasefire.ledger.correlation import correlation_scope


class CorrelationMiddleware:
    """Give every request its own correlation id for the log entries it writes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with correlation_scope():
            return self.get_response(request)
