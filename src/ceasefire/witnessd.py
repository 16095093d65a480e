"""A stakeholder's witness: cosigns the log's checkpoints only if they extend what it saw.

Each party and mediator runs one, with its own key, on its own machine:
    ceasefire witness serve --key pak.key --state pak.state --log-vkey log.vkey --port 7301
The state file (origin → largest tree cosigned) is updated under a file lock and written with
fsync and rename before the witness answers, so two racing requests can never roll it back.
The platform's demo runs its four local witnesses through the same `FileWitness`.

Standard library and `ceasefire.tlog` only: no Django.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import time
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ceasefire.tlog import keys, strict, witness

MAX_BODY = 64 * 1024


class FileWitness:
    """A witness whose key and state live in files."""

    def __init__(
        self, *, key_file: Path, state_file: Path, logs: Mapping[str, Sequence[keys.Verifier]]
    ) -> None:
        self.signer = keys.parse_private_key(key_file.read_text())
        self.state_file = state_file
        self.logs = logs

    def _read(self) -> dict[str, witness.TreeSeen]:
        if not self.state_file.exists():
            return {}
        raw = json.loads(self.state_file.read_text())
        return {
            origin: witness.TreeSeen(seen["size"], strict.b64(seen["root"], length=32))
            for origin, seen in raw.items()
        }

    def _write(self, state: Mapping[str, witness.TreeSeen]) -> None:
        data = {
            origin: {"size": seen.size, "root": strict.b64encode(seen.root)}
            for origin, seen in state.items()
        }
        temporary = self.state_file.with_suffix(".tmp")
        with temporary.open("w") as handle:
            json.dump(data, handle, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(self.state_file)

    def add_checkpoint(self, body: str, *, now: int | None = None) -> witness.Response:
        """Decide on a request and persist the new state before answering."""
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        with self.state_file.with_suffix(".lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            state = self._read()
            response = witness.add_checkpoint(
                body,
                logs=self.logs,
                state=state,
                signer=self.signer,
                now=int(time.time()) if now is None else now,
            )
            if response.status == 200:
                self._write(response.state)
            return response


def _handler(served: FileWitness) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # the name http.server calls
            raw_length = self.headers.get("Content-Length") or "0"
            length = int(raw_length) if raw_length.isdigit() else MAX_BODY + 1
            if not self.path.endswith("/add-checkpoint") or length > MAX_BODY:
                self._send(404 if length <= MAX_BODY else 413, "not found\n", witness.TEXT)
                return
            try:
                body = self.rfile.read(length).decode("utf-8")
            except UnicodeDecodeError:
                self._send(400, "the request is not UTF-8\n", witness.TEXT)
                return
            response = served.add_checkpoint(body)
            self._send(response.status, response.body, response.content_type)

        def _send(self, status: int, body: str, content_type: str) -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # signature from http.server
            return

    return Handler


def server(served: FileWitness, host: str, port: int) -> ThreadingHTTPServer:
    """Return an HTTP server for the witness (call `serve_forever()` on it)."""
    return ThreadingHTTPServer((host, port), _handler(served))


def main(argv: list[str] | None = None) -> int:
    """`ceasefire witness serve|init`: run a witness, or create its key."""
    top = argparse.ArgumentParser(prog="ceasefire witness")
    commands = top.add_subparsers(dest="command", required=True)
    init = commands.add_parser(
        "init", help="create a cosignature key file (mode 0600) and print its vkey"
    )
    init.add_argument("--name", required=True)
    init.add_argument("--key", required=True)
    serve = commands.add_parser("serve", help="serve POST <prefix>/add-checkpoint")
    serve.add_argument("--key", required=True)
    serve.add_argument("--state", required=True)
    serve.add_argument(
        "--log-vkey", required=True, action="append", help="a trusted log key (repeatable)"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7300)
    arguments = top.parse_args(argv)
    if arguments.command == "init":
        signer = keys.Signer.generate(arguments.name, keys.COSIGNATURE_V1)
        path = Path(arguments.key)
        path.touch(mode=0o600, exist_ok=False)
        path.write_text(signer.private_key_text() + "\n")
        print(signer.verifier.vkey)  # the command's output
        return 0
    logs: dict[str, list[keys.Verifier]] = {}
    for vkey in arguments.log_vkey:
        verifier = keys.parse_vkey(Path(vkey).read_text() if Path(vkey).exists() else vkey)
        logs.setdefault(verifier.name, []).append(verifier)
    served = FileWitness(key_file=Path(arguments.key), state_file=Path(arguments.state), logs=logs)
    print(
        f"witness {served.signer.verifier.vkey} on http://{arguments.host}:{arguments.port}/add-checkpoint"
    )
    server(served, arguments.host, arguments.port).serve_forever()
    return 0  # pragma: no cover
