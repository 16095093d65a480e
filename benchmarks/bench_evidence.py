"""A 1 GB evidence upload through a real HTTP server, measuring the server's memory growth.

A fresh platform (SQLite, evidence on local disk) is served by `wsgiref` in a child process;
the client streams a 1 GB multipart body over a socket with `http.client`, never holding it
in memory either. The server's peak resident set (`VmHWM` in /proc) is read after a small
warm-up upload and again after the 1 GB one: the difference is what the upload cost. Goal:
growth under 100 MB. `python -m benchmarks bench_evidence` (or `--size-mb N` when run directly).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE_MB = 1024
GOAL_MB = 100
BLOCK = hashlib.sha256(b"evidence benchmark").digest() * 32768  # 1 MiB
BOUNDARY = "bench-boundary"


def _serve(port: int) -> None:
    import django

    django.setup()
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.core.handlers.wsgi import WSGIHandler

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            return

    make_server("127.0.0.1", port, WSGIHandler(), handler_class=Quiet).serve_forever()


def _prepare() -> str:
    import django

    django.setup()
    from django.core.management import call_command

    from ceasefire.accounts.services import issue_api_token
    from ceasefire.demo import scenario

    call_command("migrate", verbosity=0)
    people = scenario.load_people()
    _, secret = issue_api_token(actor=people["monitor"], name="bench")
    return secret


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(row for row in status.splitlines() if row.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _upload(port: int, token: str, size: int) -> tuple[int, dict[str, object], str, float]:
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.putrequest("POST", "/api/v1/evidence/")
    connection.putheader("Authorization", f"Bearer {token}")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
    connection.putheader("Content-Length", str(len(head) + size + len(tail)))
    connection.endheaders()
    hasher, began = hashlib.sha256(), time.perf_counter()
    connection.send(head)
    sent = 0
    while sent < size:
        piece = BLOCK[: min(len(BLOCK), size - sent)]
        hasher.update(piece)
        connection.send(piece)
        sent += len(piece)
    connection.send(tail)
    response = connection.getresponse()
    body = json.loads(response.read() or b"{}")
    elapsed = time.perf_counter() - began
    connection.close()
    return response.status, body, hasher.hexdigest(), elapsed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the benchmark server did not start")


def measure(size_mb: int = SIZE_MB) -> list[str]:
    """Upload `size_mb` MiB to a fresh server and report its memory growth and throughput."""
    var = Path(tempfile.mkdtemp(prefix="ceasefire-bench-evidence-"))
    (var / "static").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ceasefire.config.settings",
        "CEASEFIRE_VAR_DIR": str(var),
        "CEASEFIRE_DATABASE_URL": f"sqlite:///{var / 'bench.sqlite3'}",
        "CEASEFIRE_EVIDENCE_DIR": str(var / "evidence"),
        "CEASEFIRE_EVIDENCE_MAX_BYTES": str((size_mb + 1) * 1024 * 1024),
    }
    token = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_evidence", "--prepare"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_evidence", "--serve", str(port)], env=env
    )
    try:
        _wait(port)
        status, _, _, _ = _upload(port, token, 1024 * 1024)  # warm-up: imports, caches
        assert status == 201, status
        before = _peak_rss_mb(server.pid)
        status, body, sha256, elapsed = _upload(port, token, size_mb * 1024 * 1024)
        after = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait()
    stored = var / "evidence" / "sha256" / sha256[:2] / sha256[2:4] / sha256
    ok = status == 201 and body.get("sha256") == sha256 and stored.is_file()
    left = list((var / "evidence" / "incoming").iterdir())
    shutil.rmtree(var, ignore_errors=True)  # a gigabyte of benchmark bytes
    growth = after - before
    verdict = "met" if growth < GOAL_MB else "**missed**"
    return [
        f"upload of {size_mb:,} MiB over HTTP (wsgiref, SQLite, local store): status {status}, "
        f"hash {'matches' if ok else 'DOES NOT match'}, {size_mb / elapsed:,.0f} MiB/s, "
        f"{len(left)} temporary files left",
        f"server peak RSS {before:,.1f} MB before, {after:,.1f} MB after: growth "
        f"{growth:,.1f} MB (goal < {GOAL_MB} MB — {verdict})",
    ]


def run() -> list[str]:
    """Run the 1 GB benchmark."""
    return measure()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        print(_prepare())
    elif sys.argv[1:2] == ["--serve"]:
        _serve(int(sys.argv[2]))
    else:
        size = (
            int(sys.argv[sys.argv.index("--size-mb") + 1]) if "--size-mb" in sys.argv else SIZE_MB
        )
        print("\n".join(measure(size)))
