"""The write seam: one service call, one log entry, in the same transaction."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction

from ceasefire.domain.events import Event
from ceasefire.ledger.discipline import LogDisciplineError, service
from ceasefire.ledger.models import LogEntry, LogNode, LogState
from ceasefire.ledger.services import record
from ceasefire.tlog import merkle

pytestmark = pytest.mark.django_db


def _event(n: int = 0) -> Event:
    return Event("agreement_event.recorded", f"agreement:{n}", {"n": n})


@service
def _records_once(n: int) -> None:
    record(actor=None, event=_event(n))


@service
def _records_twice() -> None:
    record(actor=None, event=_event(1))
    record(actor=None, event=_event(2))


@service
def _records_nothing() -> None:
    return None


@service
def _records_then_fails() -> None:
    record(actor=None, event=_event(3))
    raise RuntimeError("the write failed after recording")


@service
def _calls_another_service() -> None:
    _records_once(9)


def test_a_service_appends_exactly_one_entry():
    _records_once(1)
    entry = LogEntry.objects.get()
    assert (entry.index, entry.kind, entry.subject, entry.actor) == (
        0,
        "agreement_event.recorded",
        "agreement:1",
        "system",
    )
    assert bytes(entry.leaf_hash) == merkle.leaf_hash(bytes(entry.leaf))
    assert LogState.objects.get().size == 1


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (_records_twice, "recorded 2 log entries, not 1"),
        (_records_nothing, "recorded 0 log entries, not 1"),
        (_calls_another_service, "was called inside another service"),
    ],
)
def test_discipline_rolls_back_any_service_that_does_not_record_exactly_once(broken, message):
    with pytest.raises(LogDisciplineError, match=message):
        broken()
    assert LogEntry.objects.count() == 0
    assert LogState.objects.get().size == 0


def test_a_failed_write_leaves_no_entry():
    with pytest.raises(RuntimeError):
        _records_then_fails()
    assert not LogEntry.objects.exists()
    assert not LogNode.objects.exists()


def test_record_outside_a_service_is_refused():
    with pytest.raises(LogDisciplineError, match="outside a @service"), transaction.atomic():
        record(actor=None, event=_event())


def test_stored_nodes_are_the_perfect_subtrees_of_the_tree():
    for n in range(13):
        _records_once(n)
    leaves = [bytes(h) for h in LogEntry.objects.values_list("leaf_hash", flat=True)]
    nodes = {(node.level, node.index): bytes(node.hash) for node in LogNode.objects.all()}
    expected = {}
    for level in range(5):
        width = 1 << level
        for index in range(len(leaves) // width):
            expected[(level, index)] = merkle.root(leaves[index * width : (index + 1) * width])
    assert nodes == expected
    frontier = bytes(LogState.objects.get().frontier)
    # 13 = 8 + 4 + 1: the frontier holds those three perfect subtrees, largest first.
    assert frontier == expected[(3, 0)] + expected[(2, 2)] + expected[(0, 12)]


def test_log_rows_cannot_be_updated():
    _records_once(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        LogEntry.objects.update(kind="tampered")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        LogNode.objects.update(hash=b"\x00" * 32)
    assert LogEntry.objects.get().kind == "agreement_event.recorded"


@pytest.mark.postgres
def test_log_rows_cannot_be_deleted_on_postgresql():
    _records_once(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        LogEntry.objects.all().delete()


def test_a_write_answers_with_the_entry_it_appended(people, api):
    response = api.as_user(people["analyst"]).post("/api/v1/tokens/", {"name": "x"}, format="json")
    entry = LogEntry.objects.order_by("-index").first()
    assert response["Ceasefire-Log-Entries"] == str(entry.index)
    assert response["Ceasefire-Log-Leaf-Hashes"] == bytes(entry.leaf_hash).hex()
    refused = api.post("/api/v1/tokens/", {"name": ""}, format="json")
    assert "Ceasefire-Log-Entries" not in refused
