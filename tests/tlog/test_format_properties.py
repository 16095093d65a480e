"""Round trips of the text formats, strictness, and the witness's one rule, with Hypothesis."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.tlog import checkpoint, keys, note, receipt, strict, witness
from ceasefire.tlog import policy as policies
from ceasefire.tlog.errors import LogFormatError, SignatureError
from ceasefire.tlog.memory import MemoryLog

LOG = keys.Signer("log.example/test", keys.ED25519, bytes(range(32)))
WITNESS = keys.Signer("witness.example/w1", keys.COSIGNATURE_V1, bytes(range(1, 33)))
origins = st.from_regex(r"[a-z0-9.\-/]{1,30}", fullmatch=True)
hashes = st.binary(min_size=32, max_size=32)


@given(origins, st.integers(0, 2**64 - 1), hashes)
def test_checkpoint_text_round_trips(origin, size, root):
    body = checkpoint.Checkpoint(origin, size, root)
    assert checkpoint.parse(body.text()) == body
    assert checkpoint.parse(body.text()).text() == body.text()


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FF, exclude_characters="\x7f"),
        min_size=1,
        max_size=60,
    )
)
def test_signed_notes_round_trip_and_verify(line):
    text = line + "\n"
    signed = note.sign(text, [LOG])
    parsed = note.parse(signed)
    assert parsed.format() == signed and parsed.text == text
    assert note.verify(signed, [LOG.verifier])[1] == (LOG.verifier,)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 300), st.data())
def test_receipts_round_trip(size, data):
    log = MemoryLog()
    for i in range(size):
        log.append(b"%d" % i)
    index = data.draw(st.integers(0, size - 1))
    signed = note.sign(checkpoint.Checkpoint(LOG.name, size, log.root()).text(), [LOG])
    text = receipt.build(index, log.inclusion_proof(index), signed)
    assert receipt.parse(text).format() == text
    policy = policies.parse(f"log {LOG.verifier.vkey}\nquorum none\n")
    assert receipt.verify(text, b"%d" % index, policy).index == index


@pytest.mark.parametrize("text", ["05", "+5", " 5", "5 ", "1_000", "٣", "18446744073709551616", ""])
def test_decimals_are_strict(text):
    with pytest.raises(LogFormatError):
        strict.decimal(text)


@pytest.mark.parametrize("text", ["AAAA!!", "AAB=", "AA==\n", "A A="])
def test_base64_is_strict(text):
    with pytest.raises(LogFormatError):
        strict.b64(text)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda n: n.replace("\n\n", "\n"),
        lambda n: n.replace("\n", "\r\n"),
        lambda n: n[:-1],
        lambda n: n.replace("— ", "- "),
        lambda n: n.replace("\n\n", "\n\x01\n"),
    ],
)
def test_malformed_notes_are_refused(mutate):
    signed = note.sign("log.example/test\n1\n" + strict.b64encode(bytes(32)) + "\n", [LOG])
    with pytest.raises(LogFormatError):
        note.parse(mutate(signed))


def test_a_known_key_with_a_bad_signature_invalidates_the_note():
    signed = note.sign("hello\n", [LOG])
    other = keys.Signer("log.example/test", keys.ED25519, bytes(range(2, 34)))
    wrong = note.Note(
        "hello\n", (note.Signature(LOG.name, LOG.verifier.key_id, other.sign(b"hello\n")),)
    ).format()
    with pytest.raises(SignatureError, match="does not verify"):
        note.verify(wrong, [LOG.verifier])
    assert note.verify(signed, [LOG.verifier])


trees = st.lists(st.binary(min_size=1, max_size=8), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(first=trees, second=trees)
def test_the_witness_never_cosigns_two_inconsistent_checkpoints(first, second):
    """Two logs that share an origin and key but differ: once one is cosigned, the other is refused
    unless it truly extends it."""
    logs = {LOG.name: [LOG.verifier]}
    one, two = MemoryLog(), MemoryLog()
    for entry in first:
        one.append(entry)
    for entry in second:
        two.append(entry)
    signed_one = note.sign(checkpoint.Checkpoint(LOG.name, one.size, one.root()).text(), [LOG])
    accepted = witness.add_checkpoint(
        witness.format_request(0, [], signed_one),
        logs=logs,
        state={},
        signer=WITNESS,
        now=1_700_000_000,
    )
    assert accepted.status == 200
    signed_two = note.sign(checkpoint.Checkpoint(LOG.name, two.size, two.root()).text(), [LOG])
    proof = two.consistency_proof(one.size) if one.size <= two.size else []
    answer = witness.add_checkpoint(
        witness.format_request(one.size, proof, signed_two),
        logs=logs,
        state=accepted.state,
        signer=WITNESS,
        now=1_700_000_001,
    )
    extends = second[: len(first)] == first
    assert (answer.status == 200) is extends
    if not extends:
        assert answer.state == accepted.state


def test_witness_rejects_in_protocol_order():
    logs = {LOG.name: [LOG.verifier]}
    signed = note.sign(
        checkpoint.Checkpoint(LOG.name, 0, hashlib.sha256(b"x").digest()).text(), [LOG]
    )
    cases = [
        ("garbage", 400),
        (
            witness.format_request(
                0,
                [],
                note.sign(
                    "other.origin\n0\n" + strict.b64encode(bytes(32)) + "\n",
                    [keys.Signer("other.origin", keys.ED25519, bytes(32))],
                ),
            ),
            404,
        ),
        (witness.format_request(0, [], note.sign("x\n", [WITNESS_AS_LOG])), 400),
        (witness.format_request(0, [], signed), 422),
        (witness.format_request(1, [], signed), 400),
    ]
    for body, status in cases:
        assert (
            witness.add_checkpoint(body, logs=logs, state={}, signer=WITNESS, now=1).status
            == status
        ), body


WITNESS_AS_LOG = keys.Signer(LOG.name, keys.ED25519, bytes(range(5, 37)))
