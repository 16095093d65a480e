"""A receipt fetched over HTTP from the running platform verifies on a machine without Django."""

from __future__ import annotations

import urllib.request

import pytest

from ceasefire.demo import scenario
from ceasefire.ledger import keyring
from ceasefire.ledger.models import LogEntry
from ceasefire.ledger.publishing import publish_checkpoint

pytestmark = pytest.mark.django_db(transaction=True)


def test_receipt_over_http_verifies_offline(live_server, settings, tmp_path, offline):
    settings.KEY_DIR = tmp_path / "keys"
    settings.LOG_KEY_FILE = settings.KEY_DIR / "log.key"
    settings.WITNESSES_FILE = settings.KEY_DIR / "witnesses.txt"
    keyring.initialise(demo_witnesses=True)
    scenario.load()
    assert publish_checkpoint().checkpoint.witnessed
    index = LogEntry.objects.get(kind="agreement.amended").index
    for name, path in [
        ("entry.tlog-proof", f"/log/proof/{index}"),
        ("entry.json", f"/log/entries/{index}/leaf"),
        ("policy.txt", "/log/policy"),
    ]:
        with urllib.request.urlopen(live_server.url + path) as response:  # noqa: S310  # the local test server
            (tmp_path / name).write_bytes(response.read())
    result = offline(
        "verify",
        "receipt",
        "entry.tlog-proof",
        "--leaf",
        "entry.json",
        "--policy",
        "policy.txt",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert f"OK: entry {index} is included in ceasefire.example/demo" in result.stdout
