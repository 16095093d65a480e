"""Bulk import of incident reports through the real API path, on SQLite and PostgreSQL.

Each run migrates a fresh database, loads the demo people and the Doha agreement through the
services, builds a 10,000-row CSV file (places from the gazetteer, two casualty claims per
row, actors, a source), and POSTs it to `/api/v1/incidents/import/` as the demo monitor:
multipart upload, parsing, every rule of a report, 10,000 incidents with their claims, actors
and sources, and 10,000 log entries, committed. Then it POSTs the same file with one bad row
at the end and checks that the refusal names that row and leaves nothing behind. Goal: a
10,000-row import in under 30 s.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = 10_000
GOAL_SECONDS = 30.0
TYPES = ["armed_clash", "cross_border_fire", "shelling_artillery", "air_drone_strike"]


def build_csv(rows: int, places: list[str], *, bad_row: bool = False) -> bytes:
    """Return a CSV import file of `rows` reports (the last one invalid when `bad_row`)."""
    out = io.StringIO()
    columns = [
        "incident_type",
        "date_start",
        "place",
        "responsible_party",
        "affected_party",
        "actors",
        "claims",
        "clauses",
        "source_url",
        "source_outlet",
        "narrative",
    ]
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for n in range(rows):
        writer.writerow(
            {
                "incident_type": TYPES[n % len(TYPES)],
                "date_start": f"2025-10-{1 + n % 28:02d}",
                "place": places[n % len(places)],
                "responsible_party": "AFG" if n % 2 else "PAK",
                "affected_party": "PAK" if n % 2 else "AFG",
                "actors": "Afghan Taliban forces;Fitna al-Khawarij",
                "claims": f"ISPR|party|soldiers|{n % 30}|{n % 7};"
                f"Mujahid|party|soldiers|about {n % 50}|",
                "clauses": "1",
                "source_url": f"https://example.org/report/{n}",
                "source_outlet": "Example Daily",
                "narrative": f"Row {n}: exchange of fire reported by a local official.",
            }
        )
    if bad_row:
        writer.writerow({"incident_type": "picnic", "date_start": "2025-10-01", "place": "Kurram"})
    return out.getvalue().encode()


def _measure() -> list[str]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ceasefire.config.settings")
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from ceasefire import gazetteer
    from ceasefire.demo import scenario
    from ceasefire.incidents.models import Incident
    from ceasefire.ledger.models import LogEntry

    call_command("migrate", verbosity=0)
    people = scenario.load_people()
    scenario.load_doha(people)
    places = [
        p.name for p in gazetteer.places().values() if p.country in {"Pakistan", "Afghanistan"}
    ]
    client = Client()
    client.force_login(people["monitor"])
    doha = scenario.Agreement.objects.get(title=scenario.DOHA)

    def post(content: bytes) -> tuple[int, float, object]:
        upload = SimpleUploadedFile("reports.csv", content, content_type="text/csv")
        began = time.perf_counter()
        response = client.post("/api/v1/incidents/import/", {"agreement": doha.pk, "file": upload})
        return response.status_code, time.perf_counter() - began, response.json()

    entries = LogEntry.objects.count()
    status, seconds, body = post(build_csv(ROWS, places))
    imported = Incident.objects.count()
    assert status == 201, body
    assert imported == ROWS
    assert LogEntry.objects.count() == entries + ROWS
    bad_status, bad_seconds, bad_body = post(build_csv(ROWS, places, bad_row=True))
    rows = bad_body["error"]["details"]["rows"]  # type: ignore[index]
    assert bad_status == 400, bad_body
    assert rows[0]["row"] == ROWS + 1
    assert Incident.objects.count() == ROWS
    assert LogEntry.objects.count() == entries + ROWS
    verdict = "met" if seconds < GOAL_SECONDS else "MISSED"
    return [
        f"{connection.vendor}: import of {ROWS:,} rows through the API: {seconds:.1f} s "
        f"({ROWS / seconds:,.0f} rows/s), goal < {GOAL_SECONDS:.0f} s: {verdict}",
        f"{connection.vendor}: the same file with one bad row refused in {bad_seconds:.1f} s, "
        f"naming row {rows[0]['row']}; nothing imported",
    ]


def _child(env_extra: dict[str, str], prefix: list[str]) -> list[str]:
    env = {
        **os.environ,
        "CEASEFIRE_VAR_DIR": tempfile.mkdtemp(),
        "CEASEFIRE_ALLOWED_HOSTS": "testserver",
        **env_extra,
    }
    command = [*prefix, sys.executable, "-m", "benchmarks.bench_import", "--child"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    lines = [
        line for line in result.stdout.splitlines() if line.startswith(("sqlite", "postgresql"))
    ]
    return lines or [f"failed: {result.stderr.strip()[-400:]}"]


def run() -> list[str]:
    """Measure on a SQLite file database and on a local PostgreSQL 15 with fsync on."""
    sqlite = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    script = Path(__file__).resolve().parents[1] / "scripts" / "with_postgres.py"
    return _child({"CEASEFIRE_DATABASE_URL": sqlite}, []) + _child(
        {}, [sys.executable, str(script), "--durable", "--"]
    )


if __name__ == "__main__":
    if "--child" in sys.argv:
        print("\n".join(_measure()))
    else:
        print("\n".join(run()))
