"""The single write seam of the platform: `record()` appends one event to the Merkle log.

Every service calls it exactly once inside its transaction, so a rolled-back write leaves no
entry and a committed write always has one. `record_batch()` is the same append for many events
at once (bulk imports), with one state update and two bulk inserts per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from ceasefire.domain.events import Event, encode_leaf
from ceasefire.ledger.correlation import current_correlation
from ceasefire.ledger.discipline import count_record
from ceasefire.ledger.models import LogEntry, LogNode, LogState
from ceasefire.tlog.merkle import leaf_hash, node_hash

if TYPE_CHECKING:
    from ceasefire.accounts.models import User

HASH_SIZE = 32


def actor_label(actor: User | None) -> str:
    """Name the actor in a log entry: a user id, or the system itself."""
    return f"user:{actor.pk}" if actor is not None else "system"


@dataclass(frozen=True, slots=True)
class Appended:
    """Where an event landed in the log: its index and leaf hash (what a receipt starts from)."""

    index: int
    leaf_hash: bytes


def _append(
    size: int, hashes: list[bytes], leaf: bytes, nodes: list[tuple[int, int, bytes]]
) -> None:
    """Fold one leaf hash into the frontier `hashes`, adding the subtrees it completes."""
    node, level = leaf, 0
    nodes.append((0, size, leaf))
    while (size >> level) & 1:
        node = node_hash(hashes.pop(), node)
        level += 1
        nodes.append((level, ((size + 1) >> level) - 1, node))
    hashes.append(node)


Row = tuple[int | bytes | str | None, ...]


def _insert(model: type[Model], columns: Sequence[str], rows: Sequence[Row]) -> None:
    """Insert rows without the ORM's per-value compilation, the hot cost of a bulk append.

    PostgreSQL gets one `COPY … FROM STDIN` per table; SQLite, where repeating a prepared
    statement costs nothing, gets `executemany`.
    """
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608  # names from model metadata
        cursor.executemany(sql, rows)


ENTRY_COLUMNS = (
    "index",
    "leaf",
    "leaf_hash",
    "kind",
    "subject",
    "actor",
    "actor_user_id",
    "correlation_id",
    "recorded_at",
)


def record_batch(*, actor: User | None, events: Sequence[Event]) -> list[Appended]:
    """Append `events` as consecutive log entries, inside the caller's transaction."""
    now, correlation, origin = timezone.now(), current_correlation(), settings.LOG_ORIGIN
    label = actor_label(actor)
    # The state row normally exists from the migration; re-creating it is race-free.
    LogState.objects.bulk_create([LogState(id=1)], ignore_conflicts=True)
    state = LogState.objects.select_for_update().get(id=1)
    frontier = bytes(state.frontier)
    hashes = [frontier[i : i + HASH_SIZE] for i in range(0, len(frontier), HASH_SIZE)]
    stamp = connection.ops.adapt_datetimefield_value(now)
    user_id = actor.pk if actor is not None else None
    entries: list[Row] = []
    nodes: list[tuple[int, int, bytes]] = []
    appended: list[Appended] = []
    for offset, event in enumerate(events):
        index = state.size + offset
        leaf = encode_leaf(event, actor=label, at=now, correlation=correlation, origin=origin)
        hashed = leaf_hash(leaf)
        _append(index, hashes, hashed, nodes)
        entries.append(
            (index, leaf, hashed, event.kind, event.subject, label, user_id, correlation, stamp)
        )
        appended.append(Appended(index=index, leaf_hash=hashed))
    _insert(LogEntry, ENTRY_COLUMNS, entries)
    _insert(LogNode, ("level", "index", "hash"), nodes)
    LogState.objects.filter(id=1).update(size=state.size + len(entries), frontier=b"".join(hashes))
    for item in appended:
        count_record(item.index)
    return appended


def record(*, actor: User | None, event: Event) -> Appended:
    """Append `event` as the next log entry, inside the caller's service transaction."""
    return record_batch(actor=actor, events=[event])[0]
