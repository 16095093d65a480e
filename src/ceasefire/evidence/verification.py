"""Re-hash stored evidence and compare it with what the log committed to.

For every file item the SHA-256 in the payload of the log entry that brought it in must equal
the item's SHA-256, and the bytes stored under it must still hash to it. Read-only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ceasefire.domain.evidence import CustodyStep, ItemKind
from ceasefire.evidence.models import CustodyEvent, EvidenceItem
from ceasefire.evidence.storage import evidence_store
from ceasefire.ledger.models import LogEntry

CHUNK = 1024 * 1024
ENTRY_STEPS = (CustodyStep.SUBMITTED, CustodyStep.COLLECTED, CustodyStep.DERIVED)


@dataclass(frozen=True, slots=True)
class Problem:
    """One item whose stored bytes or row no longer match the log."""

    item: int
    sha256: str
    problem: str

    def __str__(self) -> str:
        return f"evidence {self.item} ({self.sha256}): {self.problem}"


def _logged_sha256(item: EvidenceItem) -> str | None:
    event = (
        CustodyEvent.objects.filter(item=item, step__in=[s.value for s in ENTRY_STEPS])
        .order_by("log_index")
        .first()
    )
    entry = LogEntry.objects.filter(index=event.log_index).first() if event else None
    if entry is None:
        return None
    payload = json.loads(bytes(entry.leaf))["payload"]
    return str(payload.get("sha256")) if payload.get("item") == item.pk else None


def _stored_sha256(sha256: str) -> str | None:
    hasher = hashlib.sha256()
    try:
        with evidence_store().open(sha256) as handle:
            while chunk := handle.read(CHUNK):
                hasher.update(chunk)
    except FileNotFoundError:
        return None
    return hasher.hexdigest()


def verify_items() -> Iterator[tuple[EvidenceItem, Problem | None]]:
    """Check every file item; yield each with its problem, or None when it matches the log."""
    hashed: dict[str, str | None] = {}
    for item in EvidenceItem.objects.filter(kind=ItemKind.FILE.value).order_by("id"):
        logged = _logged_sha256(item)
        if logged != item.sha256:
            yield item, Problem(item.pk, item.sha256, f"the log entry says {logged}")
            continue
        if item.sha256 not in hashed:
            hashed[item.sha256] = _stored_sha256(item.sha256)
        stored = hashed[item.sha256]
        if stored is None:
            yield item, Problem(item.pk, item.sha256, "the stored file is missing")
        elif stored != item.sha256:
            yield item, Problem(item.pk, item.sha256, f"the stored bytes now hash to {stored}")
        else:
            yield item, None
