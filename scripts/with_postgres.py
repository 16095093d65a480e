"""Run a command against a throwaway PostgreSQL server, then stop and delete it.

Installs Debian's PostgreSQL if it is missing, creates a cluster in a temporary directory as the
`postgres` user (initdb refuses root), starts it on a free loopback port, creates a database
role that may create test databases, runs the command with `CEASEFIRE_DATABASE_URL` set, and
always stops the server. Usage: `python scripts/with_postgres.py [--durable] -- make test`.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        print("PostgreSQL server not found: installing Debian's postgresql package", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "postgresql"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(*command: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    durable = "--durable" in argv[: argv.index("--")] if "--" in argv else False
    bin_dir, port = _bin_dir(), _free_port()
    root = Path(tempfile.mkdtemp(prefix="ceasefire-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    subprocess.run(
        _as_postgres(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # Tests run with fsync off (a throwaway cluster); benchmarks pass --durable to keep it on.
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1" + (
        "" if durable else " -c fsync=off"
    )
    subprocess.run(
        _as_postgres(
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "server.log"),
            "-w",
            "start",
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            _as_postgres(
                str(bin_dir / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "postgres",
                "-q",
                "-c",
                "CREATE ROLE ceasefire LOGIN PASSWORD 'ceasefire' CREATEDB",
                "-c",
                "CREATE DATABASE ceasefire OWNER ceasefire",
            ),
            check=True,
        )
        url = f"postgresql://ceasefire:ceasefire@127.0.0.1:{port}/ceasefire"
        print(f"PostgreSQL ready on 127.0.0.1:{port}", flush=True)
        return subprocess.run(
            command, env={**os.environ, "CEASEFIRE_DATABASE_URL": url}, check=False
        ).returncode
    finally:
        subprocess.run(
            _as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
