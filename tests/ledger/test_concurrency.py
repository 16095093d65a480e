"""Two writers racing on PostgreSQL get consecutive indices and never fork the log."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from ceasefire.domain.events import Event
from ceasefire.ledger.discipline import service
from ceasefire.ledger.models import LogEntry, LogNode, LogState
from ceasefire.ledger.services import record
from ceasefire.tlog import merkle

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@service
def _append(n: int) -> None:
    record(actor=None, event=Event("agreement_event.recorded", f"agreement:{n}", {"n": n}))


def test_racing_writers_produce_consecutive_indices():
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            for n in range(25):
                _append(offset + n)
        except BaseException as error:  # reported to the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(1000 * t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert connection.vendor == "postgresql"
    indices = list(LogEntry.objects.order_by("index").values_list("index", flat=True))
    assert indices == list(range(100))
    hashes = LogEntry.objects.order_by("index").values_list("leaf_hash", flat=True)
    leaves = [bytes(h) for h in hashes]
    state = LogState.objects.get()
    assert state.size == 100
    assert LogNode.objects.filter(level=0).count() == 100
    # 100 = 64 + 32 + 4: the frontier is exactly these three subtrees, each matching the leaves.
    expected = merkle.root(leaves[:64]) + merkle.root(leaves[64:96]) + merkle.root(leaves[96:])
    assert bytes(state.frontier) == expected
