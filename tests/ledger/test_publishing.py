"""Checkpoints cosigned by the four stakeholder witnesses, receipts, tiles and offline checks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.core.management import call_command

from ceasefire.ledger import keyring
from ceasefire.ledger.models import Checkpoint, LogEntry
from ceasefire.ledger.publishing import publish_checkpoint
from ceasefire.tlog import keys, merkle, note, tiles, witness
from ceasefire.witnessd import FileWitness, server


@pytest.fixture
def keyed(settings, tmp_path):
    """Fresh log key, four local demo witnesses and a 3-of-4 policy for this test alone."""
    settings.KEY_DIR = tmp_path / "keys"
    settings.LOG_KEY_FILE = settings.KEY_DIR / "log.key"
    settings.WITNESSES_FILE = settings.KEY_DIR / "witnesses.txt"
    keyring.initialise(demo_witnesses=True)
    return settings.KEY_DIR


def test_keys_are_private_and_the_policy_is_3_of_4(keyed):
    assert oct((keyed / "log.key").stat().st_mode & 0o777) == "0o600"
    assert oct((keyed / "witness-pak.key").stat().st_mode & 0o777) == "0o600"
    policy = keyring.policy()
    assert sorted(policy.witnesses) == ["afg", "pak", "qat", "tur"]
    assert policy.satisfied({"pak", "afg", "tur"}) and not policy.satisfied({"pak", "qat"})


def test_a_checkpoint_is_signed_and_cosigned_by_every_stakeholder(doha, keyed, client):
    result = publish_checkpoint()
    assert result.new and sorted(result.cosigned_by) == ["afg", "pak", "qat", "tur"]
    assert result.checkpoint.witnessed
    assert result.checkpoint.size == LogEntry.objects.count()
    text = client.get("/log/checkpoint").content.decode()
    policy = keyring.policy()
    _, signers = note.verify(text, [policy.log, *policy.witnesses.values()])
    assert len(signers) == 5
    assert client.get("/log/key").content.decode().strip() == policy.log.vkey
    again = publish_checkpoint()
    assert not again.new and again.cosigned_by == ()


def test_a_receipt_fetched_from_the_platform_verifies_without_django(
    doha, keyed, client, tmp_path, offline
):
    publish_checkpoint()
    index = LogEntry.objects.filter(kind="agreement.amended").get().index
    (tmp_path / "entry.tlog-proof").write_bytes(client.get(f"/log/proof/{index}").content)
    (tmp_path / "entry.json").write_bytes(client.get(f"/log/entries/{index}/leaf").content)
    (tmp_path / "policy.txt").write_bytes(client.get("/log/policy").content)
    ok = offline(
        "verify",
        "receipt",
        "entry.tlog-proof",
        "--leaf",
        "entry.json",
        "--policy",
        "policy.txt",
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert f"OK: entry {index} is included" in ok.stdout and "afg, pak, qat, tur" in ok.stdout
    leaf = (tmp_path / "entry.json").read_bytes()
    (tmp_path / "entry.json").write_bytes(leaf.replace(b"amended", b"amendeD"))
    tampered = offline(
        "verify",
        "receipt",
        "entry.tlog-proof",
        "--leaf",
        "entry.json",
        "--policy",
        "policy.txt",
        cwd=tmp_path,
    )
    assert tampered.returncode == 1 and "FAILED" in tampered.stderr
    api = client.get(f"/api/v1/log/entries/{index}/receipt/")
    assert api.content == (tmp_path / "entry.tlog-proof").read_bytes()


def test_without_quorum_there_is_no_receipt(doha, keyed, client):
    lines = (keyed / "witnesses.txt").read_text().splitlines()
    (keyed / "witnesses.txt").write_text("\n".join(lines[:2]) + "\n")
    result = publish_checkpoint()
    assert sorted(result.cosigned_by) == ["afg", "pak"]
    assert not result.checkpoint.witnessed
    assert client.get("/log/proof/0").status_code == 404
    assert client.get("/api/v1/log/entries/0/receipt/").json()["error"]["code"] == "not_found"


def test_export_reproduces_the_root_offline_and_detects_tampering(doha, keyed, tmp_path, offline):
    publish_checkpoint()
    export = tmp_path / "export"
    call_command("export_log", str(export))
    ok = offline("verify", "export", export, "--policy", export / "policy.txt", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert f"OK: {LogEntry.objects.count()} entries reproduce root" in ok.stdout
    bundle = export / "tile/entries/000.p" / str(LogEntry.objects.count())
    bundle.write_bytes(bundle.read_bytes().replace(b"Doha", b"Dohb", 1))
    bad = offline("verify", "export", export, "--policy", export / "policy.txt", cwd=tmp_path)
    assert bad.returncode == 1 and "do not reproduce" in bad.stderr


def test_consistency_between_two_checkpoints_offline(
    doha, keyed, people, client, tmp_path, offline
):
    from ceasefire.accounts.services import issue_api_token

    first = publish_checkpoint().checkpoint
    (tmp_path / "old").write_text(client.get("/log/checkpoint").content.decode())
    issue_api_token(actor=people["monitor"], name="grows the log")
    second = publish_checkpoint().checkpoint
    assert second.witnessed and second.size == first.size + 1
    (tmp_path / "new").write_text(client.get("/log/checkpoint").content.decode())
    leaves = [
        bytes(h) for h in LogEntry.objects.order_by("index").values_list("leaf_hash", flat=True)
    ]
    proof = merkle.consistency_proof(leaves, first.size, second.size)
    (tmp_path / "proof").write_text("".join(f"{line}\n" for line in map(_b64, proof)))
    (tmp_path / "policy.txt").write_text((keyed / "policy.txt").read_text())
    ok = offline(
        "verify",
        "consistency",
        "old",
        "new",
        "--proof",
        "proof",
        "--policy",
        "policy.txt",
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    (tmp_path / "proof").write_text(
        "".join(f"{line}\n" for line in map(_b64, [b"\x01" * 32] * len(proof)))
    )
    assert (
        offline(
            "verify",
            "consistency",
            "old",
            "new",
            "--proof",
            "proof",
            "--policy",
            "policy.txt",
            cwd=tmp_path,
        ).returncode
        == 1
    )


def _b64(raw: bytes) -> str:
    import base64

    return base64.b64encode(raw).decode()


def test_a_witness_refuses_a_rewritten_history(doha, keyed):
    publish_checkpoint()
    size = Checkpoint.objects.get().size
    signer = keyring.log_signer()
    forged_root = _b64(bytes([7]) * 32)
    forged_text = f"{signer.name}\n{size}\n{forged_root}\n"
    forged = note.sign(forged_text, [signer])
    pak = FileWitness(
        key_file=keyed / "witness-pak.key",
        state_file=keyed / "witness-pak.state",
        logs={signer.name: [signer.verifier]},
    )
    same_size = pak.add_checkpoint(witness.format_request(size, [], forged))
    assert same_size.status == 422
    stale = pak.add_checkpoint(witness.format_request(0, [], forged))
    assert (stale.status, stale.body) == (409, f"{size}\n")
    other_log = keys.Signer.generate(signer.name)
    assert (
        pak.add_checkpoint(
            witness.format_request(size, [], note.sign(forged_text, [other_log]))
        ).status
        == 403
    )


def test_an_http_witness_cosigns_over_the_tlog_witness_protocol(doha, keyed):
    signer = keyring.log_signer()
    http_witness = FileWitness(
        key_file=keyed / "witness-tur.key",
        state_file=keyed / "http.state",
        logs={signer.name: [signer.verifier]},
    )
    httpd = server(http_witness, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        lines = [
            line
            for line in (keyed / "witnesses.txt").read_text().splitlines()
            if not line.startswith("tur ")
        ]
        vkey = http_witness.signer.verifier.vkey
        lines.append(f"tur {vkey} http://127.0.0.1:{httpd.server_address[1]}/witness")
        (keyed / "witnesses.txt").write_text("\n".join(lines) + "\n")
        result = publish_checkpoint()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert "tur" in result.cosigned_by and result.checkpoint.witnessed
    assert Path(keyed / "http.state").exists()


def test_tiles_are_served_from_stored_nodes(doha, keyed, client):
    size = LogEntry.objects.count()
    (bundle,) = list(tiles.bundles_for(size))
    entries = tiles.decode_bundle(client.get(f"/log/{bundle.path()}").content)
    assert entries == [
        bytes(leaf) for leaf in LogEntry.objects.order_by("index").values_list("leaf", flat=True)
    ]
    (tile,) = list(tiles.tiles_for(size))
    hashes = tiles.tile_hashes(client.get(f"/log/{tile.path()}").content, tile.width)
    assert hashes == [merkle.leaf_hash(entry) for entry in entries]
    assert client.get("/log/tile/0/000").status_code == 404
    assert client.get("/log/tile/3/5/x123/x456/078").status_code == 404


def test_log_pages_and_api(doha, keyed, client):
    publish_checkpoint()
    page = client.get("/log/").content.decode()
    assert "witnessed" in page and "agreement.amended" in page
    detail = client.get("/log/entries/0/").content.decode()
    assert 'id="receipt-link"' in detail
    entry = client.get("/api/v1/log/entries/0/").json()
    assert entry["leaf"]["kind"] == "user.registered" and entry["receipt_ready"] is True
    checkpoint = client.get("/api/v1/log/checkpoint/").json()
    assert checkpoint["witnessed"] is True and checkpoint["size"] == LogEntry.objects.count()


def test_a_records_page_links_its_entries_and_receipts(doha, keyed, client):
    page = client.get(f"/agreements/{doha.pk}/").content.decode()
    assert "after the next witnessed checkpoint" in page and "/log/proof/" not in page
    publish_checkpoint()
    page = client.get(f"/agreements/{doha.pk}/").content.decode()
    index = LogEntry.objects.filter(kind="agreement.amended").get().index
    assert f'href="/log/entries/{index}/"' in page and f'href="/log/proof/{index}"' in page


def test_publish_command_once_and_on_a_cadence(doha, keyed):
    from io import StringIO

    output = StringIO()
    call_command("publish_checkpoint", stdout=output)
    assert "signed at size" in output.getvalue() and "witnessed" in output.getvalue()
    output = StringIO()
    call_command("publish_checkpoint", "--every", "0", "--rounds", "2", stdout=output)
    assert output.getvalue().count("unchanged at size") == 2


def test_receipts_verify_against_the_log_key_alone_and_refuse_a_wrong_key(
    doha, keyed, client, tmp_path, offline
):
    publish_checkpoint()
    (tmp_path / "r").write_bytes(client.get("/log/proof/3").content)
    (tmp_path / "l").write_bytes(client.get("/log/entries/3/leaf").content)
    vkey = client.get("/log/key").content.decode().strip()
    ok = offline("verify", "receipt", "r", "--leaf", "l", "--vkey", vkey, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    stranger = keys.Signer.generate("ceasefire.example/demo").verifier.vkey
    refused = offline("verify", "receipt", "r", "--leaf", "l", "--vkey", stranger, cwd=tmp_path)
    assert refused.returncode == 1 and "no known key signed" in refused.stderr


def test_the_witness_server_refuses_junk_with_protocol_statuses(keyed):
    import urllib.error
    import urllib.request

    signer = keyring.log_signer()
    served = FileWitness(
        key_file=keyed / "witness-pak.key",
        state_file=keyed / "junk.state",
        logs={signer.name: [signer.verifier]},
    )
    httpd = server(served, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    statuses = []
    try:
        for path, body in [
            ("/add-checkpoint", b"junk"),
            ("/elsewhere", b"x"),
            ("/add-checkpoint", b"\xff\xfe"),
        ]:
            request = urllib.request.Request(base + path, data=body, method="POST")  # noqa: S310  # the local test server
            try:
                urllib.request.urlopen(request, timeout=5)  # noqa: S310  # the local test server
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                error.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert statuses == [400, 404, 400]
    assert not (keyed / "junk.state").exists()
