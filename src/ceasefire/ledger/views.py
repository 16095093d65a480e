"""Public, read-only pages and endpoints of the transparency log (tlog-tiles layout)."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ceasefire.domain.errors import NotFound
from ceasefire.ledger import selectors
from ceasefire.ledger import tiles as log_tiles
from ceasefire.ledger.publishing import receipt_for
from ceasefire.tlog import tiles
from ceasefire.tlog.errors import LogFormatError
from ceasefire.web.decorators import domain_pages

PAGE = 50
TEXT = "text/plain; charset=utf-8"


def entry_list(request: HttpRequest) -> HttpResponse:
    """List log entries, newest first, with the latest checkpoint and how to verify it."""
    before_raw = request.GET.get("before", "")
    before = int(before_raw) if before_raw.isdigit() else None
    kind = request.GET.get("kind", "").strip()[:64]
    entries = selectors.entries_page(before=before, limit=PAGE, kind=kind)
    checkpoint = selectors.latest_checkpoint()
    return render(
        request,
        "ledger/entry_list.html",
        {
            "entries": entries,
            "kind": kind,
            "size": selectors.log_size(),
            "checkpoint": checkpoint,
            "cosigners": selectors.cosigners(checkpoint) if checkpoint else [],
            "next_before": entries[-1].index if len(entries) == PAGE else None,
        },
    )


@domain_pages
def entry_detail(request: HttpRequest, index: int) -> HttpResponse:
    """Show one entry: its canonical leaf, leaf hash, and its receipt once one exists."""
    entry = selectors.get_entry(index)
    leaf_json = json.dumps(
        json.loads(bytes(entry.leaf)), indent=2, ensure_ascii=False, sort_keys=True
    )
    return render(
        request,
        "ledger/entry_detail.html",
        {
            "entry": entry,
            "leaf_json": leaf_json,
            "receipt_ready": selectors.witnessed_checkpoint_covering(index) is not None,
        },
    )


@domain_pages
def entry_leaf(request: HttpRequest, index: int) -> HttpResponse:
    """Serve the exact leaf bytes the log hashed, for offline verification."""
    entry = selectors.get_entry(index)
    response = HttpResponse(bytes(entry.leaf), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="entry-{index}.json"'
    return response


def checkpoint(request: HttpRequest) -> HttpResponse:
    """Serve the latest signed checkpoint with every cosignature collected for it."""
    latest = selectors.latest_checkpoint()
    if latest is None:
        return HttpResponse("no checkpoint has been signed yet\n", status=404, content_type=TEXT)
    response = HttpResponse(selectors.checkpoint_text(latest), content_type=TEXT)
    response["Cache-Control"] = "max-age=5"
    return response


def _key_file(name: str) -> HttpResponse:
    path = settings.KEY_DIR / name
    if not path.exists():
        return HttpResponse(
            f"{name} has not been created (run: ceasefire init-log)\n",
            status=404,
            content_type=TEXT,
        )
    return HttpResponse(path.read_text(), content_type=TEXT)


def key(request: HttpRequest) -> HttpResponse:
    """Serve the log's verifier key (vkey)."""
    return _key_file("log.vkey")


def policy(request: HttpRequest) -> HttpResponse:
    """Serve the trust policy: the log key, the stakeholder witnesses and their quorum."""
    return _key_file("policy.txt")


@domain_pages
def tile(request: HttpRequest, path: str) -> HttpResponse:
    """Serve a hash tile or an entry bundle; both are immutable once they exist."""
    try:
        ref = tiles.parse_path(f"tile/{path}")
    except LogFormatError as error:
        raise NotFound(str(error)) from None
    data = log_tiles.entry_bundle(ref) if ref.level is None else log_tiles.hash_tile(ref)
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@domain_pages
def proof(request: HttpRequest, index: int) -> HttpResponse:
    """Serve the receipt (tlog-proof) of an entry under the newest witnessed checkpoint."""
    selectors.get_entry(index)
    covering = selectors.witnessed_checkpoint_covering(index)
    if covering is None:
        raise NotFound(f"no witnessed checkpoint covers entry {index} yet")
    response = HttpResponse(receipt_for(index, covering), content_type=TEXT)
    response["Content-Disposition"] = f'attachment; filename="entry-{index}.tlog-proof"'
    return response
