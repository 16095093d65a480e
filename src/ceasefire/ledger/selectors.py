"""Reads on the transparency log: entries are public, like the tree they hash into."""

from __future__ import annotations

from django.db.models import QuerySet

from ceasefire.domain.errors import NotFound
from ceasefire.ledger.models import Checkpoint, LogEntry, LogState


def recent_entries(limit: int) -> list[LogEntry]:
    """Return the newest `limit` log entries, newest first."""
    return list(LogEntry.objects.order_by("-index")[:limit])


def entries_page(*, before: int | None, limit: int, kind: str = "") -> list[LogEntry]:
    """Return up to `limit` entries below index `before` (newest first), optionally of one kind."""
    entries = LogEntry.objects.order_by("-index")
    if before is not None:
        entries = entries.filter(index__lt=before)
    if kind:
        entries = entries.filter(kind=kind)
    return list(entries[:limit])


def entries_for(subject: str) -> QuerySet[LogEntry]:
    """Return every entry about one record (e.g. `agreement:3`), oldest first."""
    return LogEntry.objects.filter(subject=subject).order_by("index")


def get_entry(index: int) -> LogEntry:
    """Return the entry at `index`.

    Raises:
        NotFound: the log is not that long.
    """
    entry = LogEntry.objects.filter(index=index).first()
    if entry is None:
        raise NotFound(f"the log has no entry {index}")
    return entry


def log_size() -> int:
    """Return the number of entries in the log."""
    state = LogState.objects.filter(id=1).first()
    return state.size if state else 0


def latest_checkpoint() -> Checkpoint | None:
    """Return the newest signed checkpoint, witnessed or not."""
    return Checkpoint.objects.order_by("-size").first()


def witnessed_checkpoint_covering(index: int) -> Checkpoint | None:
    """Return the newest witnessed checkpoint whose tree contains entry `index`."""
    return Checkpoint.objects.filter(witnessed=True, size__gt=index).order_by("-size").first()


def cosigners(checkpoint: Checkpoint) -> list[str]:
    """Return the names of the witnesses that cosigned a checkpoint."""
    return list(checkpoint.cosignatures.values_list("witness", flat=True))


def checkpoint_text(checkpoint: Checkpoint) -> str:
    """Return the checkpoint note with the log signature followed by every cosignature line."""
    lines = "".join(
        line if line.endswith("\n") else line + "\n"
        for line in checkpoint.cosignatures.values_list("line", flat=True)
    )
    return checkpoint.note + lines


def entry_bytes(start: int, end: int) -> list[bytes]:
    """Return the leaf bytes of entries [start, end), in order."""
    leaves = LogEntry.objects.filter(index__gte=start, index__lt=end).order_by("index")
    return [bytes(leaf) for leaf in leaves.values_list("leaf", flat=True)]


def witnessed_size() -> int:
    """Return the newest witnessed checkpoint size (0 if none); entries below it have receipts."""
    latest = Checkpoint.objects.filter(witnessed=True).order_by("-size").first()
    return latest.size if latest else 0
