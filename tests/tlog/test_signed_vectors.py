"""Signed notes, checkpoints, cosignatures, witness, receipts and tiles from the vectors file."""

from __future__ import annotations

import pytest

from ceasefire.tlog import checkpoint, cosignature, keys, note, receipt, tiles, witness
from ceasefire.tlog import policy as policies
from ceasefire.tlog.errors import LogFormatError, ProofError, SignatureError, TlogError
from ceasefire.tlog.memory import MemoryLog

H = bytes.fromhex


def _case(vectors, start):
    return next(c for c in vectors["signed_notes"]["cases"] if c["desc"].startswith(start))


def test_c2sp_example_and_go_example(vectors):
    c2sp = _case(vectors, "C2SP signed-note spec example")
    key = keys.parse_vkey(c2sp["vkey"])
    assert (key.key_id.hex(), key.public_key.hex()) == (c2sp["key_id"], c2sp["public_key"])
    parsed, signed = note.verify(c2sp["note"], [key])
    assert parsed.text == c2sp["signed_text"] and signed == (key,)
    go = _case(vectors, "Go x/mod/sumdb/note example")
    signer = keys.parse_private_key(go["test_private_key_go_format"])
    assert signer.verifier.vkey == go["vkey"]
    assert signer.private_key_text() == go["test_private_key_go_format"]
    assert note.sign(go["signed_text"], [signer]) == go["note"]


def test_two_signatures_and_ignoring_unknown_ones(vectors):
    case = _case(vectors, "same note with a second signature")
    peter, enoch = (keys.parse_vkey(v) for v in case["vkeys"])
    assert len(note.verify(case["note"], [peter, enoch])[1]) == 2
    assert note.verify(case["note"], [peter])[1] == (peter,)


def test_real_sum_golang_checkpoint_and_its_negative_cases(vectors):
    case = _case(vectors, "REAL production checkpoint")
    key = keys.parse_vkey(case["vkey"])
    assert key.key_id.hex() == case["key_id"] and key.public_key.hex() == case["public_key"]
    parsed, _ = note.verify(case["note"], [key])
    body = checkpoint.parse(parsed.text)
    assert (body.origin, body.size, body.root.hex(), list(body.extensions)) == (
        case["parsed"]["origin"],
        case["parsed"]["tree_size"],
        case["parsed"]["root_hash"],
        case["parsed"]["extension_lines"],
    )
    with pytest.raises(SignatureError):
        note.verify(case["note"].replace("6476701", "6476702"), [key])
    impostor = keys.Verifier("not.sum.golang.org", key.key_type, key.public_key)
    with pytest.raises(SignatureError, match="no known key"):
        note.verify(case["note"], [impostor])
    with pytest.raises(LogFormatError):
        note.verify(case["note"][:-1], [key])
    assert len(case["negative_cases"]) == 3


def test_multi_signature_checkpoint(vectors):
    case = _case(vectors, "same sum.golang.org checkpoint additionally signed")
    assert len(note.verify(case["note"], [keys.parse_vkey(v) for v in case["vkeys"]])[1]) == 2


def test_any_byte_change_of_signed_text_or_signature_fails(vectors):
    case = _case(vectors, "C2SP signed-note spec example")
    key = keys.parse_vkey(case["vkey"])
    signed = case["note"]
    for position in range(len(signed)):
        changed = (
            signed[:position]
            + chr((ord(signed[position]) + 1) % 0x7F or 0x41)
            + signed[position + 1 :]
        )
        if changed == signed:
            continue
        with pytest.raises(TlogError):
            note.verify(changed, [key])


def test_c2sp_structure_only_examples(vectors):
    block = vectors["c2sp_examples_structure_only"]
    parsed = note.parse(block["checkpoint_with_cosignature"])
    body = checkpoint.parse(parsed.text)
    assert (body.origin, body.size, body.root.hex()) == (
        block["parsed"]["origin"],
        block["parsed"]["tree_size"],
        block["parsed"]["root_hash"],
    )
    log_line, witness_line = parsed.signatures
    expected_log, expected_witness = block["parsed"]["signatures"]
    assert (log_line.key_id.hex(), len(log_line.key_id + log_line.blob), log_line.blob.hex()) == (
        expected_log["key_id"],
        expected_log["decoded_len"],
        expected_log["ed25519_sig"],
    )
    decoded = cosignature.decode(witness_line)
    assert (decoded.key_id.hex(), decoded.timestamp, decoded.signature.hex()) == (
        expected_witness["key_id"],
        expected_witness["timestamp"],
        expected_witness["ed25519_sig"],
    )
    assert (
        note.cosigned_message(parsed.text, decoded.timestamp).decode()
        == block["cosigned_message_for_the_witness_line"]
    )


def _generated(vectors):
    block = vectors["generated_signed_vectors"]
    log = keys.Signer(block["log_key"]["name"], keys.ED25519, H(block["log_key"]["seed"]))
    cosigner = keys.Signer(
        block["witness_key"]["name"], keys.COSIGNATURE_V1, H(block["witness_key"]["seed"])
    )
    return block, log, cosigner


def test_generated_checkpoints_are_reproduced_byte_for_byte(vectors):
    block, log, cosigner = _generated(vectors)
    assert log.verifier.vkey == block["log_key"]["vkey"]
    assert cosigner.verifier.vkey == block["witness_key"]["vkey"]
    leaves = MemoryLog()
    for data in vectors["tree"]["leaves_hex"]:
        leaves.append(H(data))
    for case in block["checkpoints"]:
        text = checkpoint.Checkpoint(
            "log.example/test", case["tree_size"], leaves.root(case["tree_size"])
        ).text()
        assert text == case["note_text"]
        assert (
            note.cosigned_message(text, block["cosignature_timestamp"]).decode()
            == case["cosignature_signed_message"]
        )
        line = cosignature.cosign(cosigner, text, block["cosignature_timestamp"])
        assert note.sign(text, [log]) + line.line() == case["signed_checkpoint"]
        note.verify(case["signed_checkpoint"], [log.verifier, cosigner.verifier])


def test_witness_answers_the_7_to_8_request_exactly(vectors):
    block, log, cosigner = _generated(vectors)
    seven = checkpoint.parse(note.parse(block["checkpoints"][0]["signed_checkpoint"]).text)
    state = {"log.example/test": witness.TreeSeen(7, seven.root)}
    answer = witness.add_checkpoint(
        block["tlog_witness_add_checkpoint_request_7_to_8"],
        logs={"log.example/test": [log.verifier]},
        state=state,
        signer=cosigner,
        now=block["cosignature_timestamp"],
    )
    assert (answer.status, answer.body) == (200, block["tlog_witness_expected_response_line"])
    assert answer.state["log.example/test"].size == 8


def test_receipt_for_leaf_5_verifies(vectors):
    block, log, cosigner = _generated(vectors)
    proof = block["tlog_proof_leaf5_size8"]
    policy = policies.parse(
        f"log {log.verifier.vkey}\nwitness w1 {cosigner.verifier.vkey}\n"
        "group all-witnesses all w1\nquorum all-witnesses\n"
    )
    verified = receipt.verify(proof["text"], H(proof["leaf_hex"]), policy)
    assert (verified.index, verified.size, verified.cosigners) == (5, 8, ("w1",))
    assert receipt.parse(proof["text"]).format() == proof["text"]
    with pytest.raises(ProofError):
        receipt.verify(proof["text"], b"@ABD", policy)


def test_tiles(vectors):
    block = vectors["tiles"]
    for number, path in block["index_path_examples"].items():
        assert tiles.index_path(int(number)) == path
    for size_key in ("tree_size_70000", "tree_size_256"):
        size = int(size_key.rsplit("_", 1)[1])
        refs = list(tiles.tiles_for(size))
        for level in block[size_key]:
            full = [r for r in refs if r.level == level["level"] and r.width == tiles.WIDTH]
            partial = [
                r.path() for r in refs if r.level == level["level"] and r.width != tiles.WIDTH
            ]
            assert len(full) == level["full_tiles"]
            assert partial == ([level["partial_path"]] if level["partial_path"] else [])
    log = MemoryLog()
    entries = [H(data) for data in vectors["tree"]["leaves_hex"]]
    for entry in entries:
        log.append(entry)
    eight = block["this_8_leaf_tree"]
    (tile,) = tiles.tiles_for(8)
    assert tile.path() == eight["level0_partial_tile_path"]
    assert log.hash_tile(tile).hex() == eight["level0_partial_tile_hex"]
    (bundle,) = tiles.bundles_for(8)
    assert bundle.path() == eight["entry_bundle_path"]
    assert tiles.encode_bundle(entries).hex() == eight["entry_bundle_hex"]
    assert tiles.decode_bundle(H(eight["entry_bundle_hex"])) == entries
    assert tiles.parse_path("tile/0/x001/234.p/5") == tiles.TileRef(0, 1234, 5)
    for go_path in block["go_sumdb_paths_differ"]["examples"]:
        with pytest.raises(LogFormatError):
            tiles.parse_path(go_path)
