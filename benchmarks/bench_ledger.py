"""Durable appends to the log in the database: SQLite here, PostgreSQL when one can be started.

Each run migrates a fresh database, then appends events through the real `record_batch()` seam
(the same code every service uses): canonical leaf encoding, leaf hashing, frontier update,
entry and node inserts, state update, commit. "Batched" means N entries per transaction, as a
bulk import writes them; "single" means one entry per committed transaction, as a form post does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BATCH = 1000
BATCHES = 20
SINGLES = 500


def _measure() -> list[str]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ceasefire.config.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from ceasefire.domain.events import Event
    from ceasefire.ledger import discipline
    from ceasefire.ledger.models import LogState
    from ceasefire.ledger.services import record_batch

    call_command("migrate", verbosity=0)
    token = discipline._records.set([])  # a benchmark is not a service; it counts nothing

    def events(n: int, start: int) -> list[Event]:
        return [
            Event(
                "agreement_event.recorded",
                f"agreement:{start + i}",
                {"n": start + i, "note": "x" * 200},
            )
            for i in range(n)
        ]

    began = time.perf_counter()
    for batch in range(BATCHES):
        with transaction.atomic():
            record_batch(actor=None, events=events(BATCH, batch * BATCH))
    batched = BATCH * BATCHES / (time.perf_counter() - began)
    began = time.perf_counter()
    for single in range(SINGLES):
        with transaction.atomic():
            record_batch(actor=None, events=events(1, single))
    singles = SINGLES / (time.perf_counter() - began)
    discipline._records.reset(token)
    size = LogState.objects.get().size
    vendor = connection.vendor
    return [
        f"{vendor}: durable appends, batched {BATCH}/transaction: {batched:,.0f}/s "
        f"({BATCH * BATCHES:,} entries); one per transaction: {singles:,.0f}/s; log size {size:,}"
    ]


def _child(database_url: str) -> list[str]:
    env = {
        **os.environ,
        "CEASEFIRE_DATABASE_URL": database_url,
        "CEASEFIRE_VAR_DIR": tempfile.mkdtemp(),
    }
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ledger", "--child"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.splitlines() or [f"failed: {result.stderr.strip()[-300:]}"]


def run() -> list[str]:
    """Measure on SQLite (file database, synchronous=FULL) and PostgreSQL (fsync on)."""
    return _child(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}") + _postgres_run()


def _postgres_run() -> list[str]:
    script = Path(__file__).resolve().parents[1] / "scripts" / "with_postgres.py"
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--durable",
            "--",
            sys.executable,
            "-m",
            "benchmarks.bench_ledger",
            "--child",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CEASEFIRE_VAR_DIR": tempfile.mkdtemp()},
    )
    return [line for line in result.stdout.splitlines() if line.startswith("postgresql")] or [
        f"postgresql failed: {result.stderr.strip()[-300:]}"
    ]


if __name__ == "__main__":
    if "--child" in sys.argv:
        print("\n".join(_measure()))
    else:
        print("\n".join(run()))
