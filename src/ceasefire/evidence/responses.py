"""Serving stored evidence bytes: always as a download, never rendered by the browser."""

from __future__ import annotations

from django.http import FileResponse

from ceasefire.evidence.models import EvidenceItem
from ceasefire.evidence.storage import evidence_store

# Nothing in a served file may run or load anything, even if a browser tried to render it.
CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"


def download_name(item: EvidenceItem) -> str:
    """Return the name offered for saving: the sanitised name or one built from the hash."""
    return item.name or f"evidence-{item.pk}-{item.sha256[:12]}"


def file_response(item: EvidenceItem) -> FileResponse:
    """Stream an item's stored bytes as an attachment with defensive headers."""
    media_type = "application/octet-stream" if item.opaque else item.media_type
    response = FileResponse(
        evidence_store().open(item.sha256),
        as_attachment=True,
        filename=download_name(item),
        content_type=media_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "public, max-age=3600" if item.public else "private, no-store"
    response["Digest"] = f"sha-256={item.sha256}"
    return response
