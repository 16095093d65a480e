"""Request middleware: one correlation id per request, and the log entries a write produced.

Every successful write answers with `Ceasefire-Log-Entries` (the indices its service appended)
and `Ceasefire-Log-Leaf-Hashes` (their hex leaf hashes), so a client knows which receipt to
fetch once a witnessed checkpoint covers it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from ceasefire.ledger.correlation import correlation_scope
from ceasefire.ledger.models import LogEntry

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class CorrelationMiddleware:
    """Give every request its own correlation id and report the entries a write appended."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with correlation_scope() as correlation:
            response = self.get_response(request)
        if request.method in WRITES and response.status_code < 400:
            entries = list(
                LogEntry.objects.filter(correlation_id=correlation)
                .order_by("index")
                .values_list("index", "leaf_hash")
            )
            if entries:
                response["Ceasefire-Log-Entries"] = ",".join(str(index) for index, _ in entries)
                response["Ceasefire-Log-Leaf-Hashes"] = ",".join(bytes(h).hex() for _, h in entries)
        return response
