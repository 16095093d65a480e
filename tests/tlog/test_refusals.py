"""Every refusal of the log core, with the message a user sees."""

from __future__ import annotations

import pytest

from ceasefire.tlog import (
    checkpoint,
    cosignature,
    keys,
    merkle,
    note,
    receipt,
    strict,
    tiles,
    witness,
)
from ceasefire.tlog import policy as policies
from ceasefire.tlog.errors import LogFormatError, ProofError, SignatureError
from ceasefire.tlog.memory import MemoryLog

LOG = keys.Signer("log.example/test", keys.ED25519, bytes(range(32)))
W1 = keys.Signer("w1.example", keys.COSIGNATURE_V1, bytes(range(1, 33)))
W2 = keys.Signer("w2.example", keys.COSIGNATURE_V1, bytes(range(2, 34)))
ROOT = bytes(32)
TEXT = checkpoint.Checkpoint(LOG.name, 1, ROOT).text()


def test_checkpoint_and_cosignature_refusals():
    with pytest.raises(LogFormatError, match="ends with a newline"):
        checkpoint.parse(TEXT[:-1])
    with pytest.raises(LogFormatError, match="an origin, a size, a root"):
        checkpoint.parse("origin\n1\n")
    with pytest.raises(LogFormatError, match="0x04"):
        cosignature.cosign(LOG, TEXT, 1)
    with pytest.raises(LogFormatError, match="positive 63-bit"):
        cosignature.cosign(W1, TEXT, 0)
    with pytest.raises(LogFormatError, match="76 bytes"):
        cosignature.decode(note.Signature("w", b"abcd", b"x"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bad name" + LOG.verifier.vkey[len(LOG.name) :], "valid key name"),
        ("name+0000+AAAA", "name\\+id\\+key"),
        ("name+00000000+" + strict.b64encode(bytes([2]) + bytes(32)), "only Ed25519"),
        (
            LOG.verifier.vkey.replace("+" + LOG.verifier.key_id.hex() + "+", "+00000000+"),
            "does not match",
        ),
    ],
)
def test_vkey_refusals(text, message):
    with pytest.raises(LogFormatError, match=message):
        keys.parse_vkey(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("PUBLIC+KEY+a+b+c", "private key"),
        ("PRIVATE+KEY+a+00000000+AQ==", "32-byte Ed25519 seed"),
        (LOG.private_key_text().replace(LOG.verifier.key_id.hex(), "00000000"), "does not match"),
    ],
)
def test_private_key_refusals(text, message):
    with pytest.raises(LogFormatError, match=message):
        keys.parse_private_key(text)


def test_generated_keys_sign_and_verify_and_key_names_are_checked():
    signer = keys.Signer.generate("fresh.example/log")
    assert signer.verifier.verify(b"m", signer.sign(b"m"))
    assert not signer.verifier.verify(b"m", bytes(64))
    assert keys.parse_private_key(signer.private_key_text()) == signer
    with pytest.raises(LogFormatError, match="valid key name"):
        keys.check_name("a+b")


def test_note_refusals():
    signed = note.sign("hello\n", [LOG])
    with pytest.raises(LogFormatError, match="1 to 100"):
        note.parse(
            "hello\n\n" + "".join(note.parse(signed).signatures[0].line() for _ in range(101))
        )
    with pytest.raises(LogFormatError, match="shorter than its key ID"):
        note.parse("hello\n\n\u2014 x " + strict.b64encode(b"abc") + "\n")
    with pytest.raises(LogFormatError, match="exactly one newline"):
        note.sign("hello", [LOG])
    short = note.Note("hello\n", (note.Signature(W1.name, W1.verifier.key_id, bytes(10)),)).format()
    with pytest.raises(SignatureError):
        note.verify(short, [W1.verifier])
    zero_time = note.Note(
        "hello\n", (note.Signature(W1.name, W1.verifier.key_id, bytes(72)),)
    ).format()
    with pytest.raises(SignatureError):
        note.verify(zero_time, [W1.verifier])


POLICY = (
    f"log {LOG.verifier.vkey}\nwitness a {W1.verifier.vkey} https://a.example/\n"
    f"witness b {W2.verifier.vkey}\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (POLICY + "frobnicate\n", "not understood"),
        ("quorum none\n", "names no log key"),
        (POLICY + "group g 1 a c\nquorum g\n", "unknown member c"),
        (POLICY + "quorum z\n", "neither a witness nor a group"),
        (POLICY + "group g 3 a b\n", "threshold must be 1 to 2"),
    ],
)
def test_policy_refusals(text, message):
    with pytest.raises(LogFormatError, match=message):
        policies.parse(text)


def test_policy_groups_any_all_nesting_and_comments():
    policy = policies.parse(
        POLICY + "# the stakeholders\ngroup one any a b\ngroup both all a b\n"
        "group top 2 one both\nquorum top\n"
    )
    assert policy.urls == {"a": "https://a.example/"}
    assert not policy.satisfied({"a"}) and policy.satisfied({"a", "b"})
    loop = policies.parse(POLICY + "group x 1 y\ngroup y 1 x\nquorum x\n")
    with pytest.raises(LogFormatError, match="nest too deeply"):
        loop.satisfied({"a"})


def _signed(size: int, root: bytes, *signers: keys.Signer) -> str:
    text = checkpoint.Checkpoint(LOG.name, size, root).text()
    lines = [note.sign(text, [s]) for s in signers if s.verifier.key_type == keys.ED25519]
    base = lines[0] if lines else note.Note(text, ()).format()
    cosigns = "".join(
        cosignature.cosign(s, text, 5).line()
        for s in signers
        if s.verifier.key_type != keys.ED25519
    )
    return base + cosigns


def test_receipt_refusals():
    log = MemoryLog()
    log.append(b"a")
    policy = policies.parse(POLICY + "group g all a b\nquorum g\n")
    good = receipt.build(0, [], _signed(1, log.root(), LOG, W1, W2))
    assert receipt.verify(good, b"a", policy).cosigners == ("a", "b")
    with pytest.raises(LogFormatError, match="starts with"):
        receipt.parse("c2sp.org/tlog-proof@v2\nindex 0\n\n" + _signed(1, log.root(), LOG))
    with pytest.raises(LogFormatError, match="one 'index' line"):
        receipt.parse("c2sp.org/tlog-proof@v1\n\n" + _signed(1, log.root(), LOG))
    extra = good.replace("index 0", "extra " + strict.b64encode(b"x") + "\nindex 0")
    assert receipt.parse(extra).index == 0
    with pytest.raises(SignatureError, match="quorum is not met"):
        receipt.verify(receipt.build(0, [], _signed(1, log.root(), LOG, W1)), b"a", policy)
    with pytest.raises(SignatureError, match="log's own key"):
        receipt.verify(receipt.build(0, [], _signed(1, log.root(), W1, W2)), b"a", policy)
    other = keys.Signer("other.example", keys.ED25519, bytes(range(3, 35)))
    foreign = policies.parse(f"log {other.verifier.vkey}\nquorum none\n")
    text = checkpoint.Checkpoint(LOG.name, 1, log.root()).text()
    with pytest.raises(SignatureError, match=r"is for log\.example/test"):
        receipt.verify(receipt.build(0, [], note.sign(text, [other])), b"a", foreign)


def test_strict_and_tile_refusals():
    with pytest.raises(LogFormatError, match="expected 32 bytes"):
        strict.b64(strict.b64encode(b"x"), length=32)
    for path, message in [
        ("tile/64/000", "invalid level"),
        ("tile/0/000.p/256", "invalid level"),
        ("tile/0/x000/001", "canonical"),
    ]:
        with pytest.raises(LogFormatError, match=message):
            tiles.parse_path(path)
    assert [r.path() for r in tiles.bundles_for(513)] == [
        "tile/entries/000",
        "tile/entries/001",
        "tile/entries/002.p/1",
    ]
    with pytest.raises(LogFormatError, match="does not fit"):
        tiles.encode_bundle([bytes(65_536)])
    with pytest.raises(LogFormatError, match="length prefix"):
        tiles.decode_bundle(b"\x00")
    with pytest.raises(LogFormatError, match="inside an entry"):
        tiles.decode_bundle(b"\x00\x05ab")
    with pytest.raises(LogFormatError, match="width 2"):
        tiles.tile_hashes(bytes(32), 2)


def test_memory_log_refusals_and_edge_cache():
    log = MemoryLog()
    for i in range(5):
        log.append(b"%d" % i)
    with pytest.raises(ProofError, match="not inside"):
        log.inclusion_proof(5)
    with pytest.raises(KeyError):
        log.hash_tile(tiles.TileRef(None, 0, 5))
    with pytest.raises(KeyError):
        log.hash_tile(tiles.TileRef(0, 0, 6))
    assert log.leaf_hashes(0, 2) == [merkle.leaf_hash(b"0"), merkle.leaf_hash(b"1")]
    log._edges.update({(i, i + 100_000): b"" for i in range(4097)})
    log.inclusion_proof(0)  # the cache is bounded: it is emptied, then refilled
    assert len(log._edges) < 10
    with pytest.raises(ProofError, match="only 1 leaves"):
        merkle.consistency_proof([merkle.leaf_hash(b"x")], 1, 2)


def test_witness_refusals():
    logs = {LOG.name: [LOG.verifier]}
    too_long = (
        "old 0\n"
        + "".join(strict.b64encode(bytes(32)) + "\n" for _ in range(64))
        + "\n"
        + _signed(1, ROOT, LOG)
    )
    assert witness.add_checkpoint(too_long, logs=logs, state={}, signer=W1, now=1).status == 400
    with_proof = witness.format_request(0, [bytes(32)], _signed(1, ROOT, LOG))
    answer = witness.add_checkpoint(with_proof, logs=logs, state={}, signer=W1, now=1)
    assert (answer.status, answer.body) == (422, "a proof from size 0 must be empty\n")
