"""Hypothesis: proofs from random trees (up to 2,000 leaves) verify; one-bit changes fail."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.tlog import merkle
from ceasefire.tlog.memory import MemoryLog
from ceasefire.tlog.merkle import ProofError

LOGS: dict[int, tuple[list[bytes], MemoryLog]] = {}


def _log(size: int) -> tuple[list[bytes], MemoryLog]:
    if size not in LOGS:
        leaves = [hashlib.sha256(b"leaf %d" % i).digest() for i in range(size)]
        LOGS[size] = (leaves, MemoryLog.from_leaf_hashes(leaves))
    return LOGS[size]


def _flip(value: bytes, bit: int) -> bytes:
    changed = bytearray(value)
    changed[(bit // 8) % len(changed)] ^= 1 << (bit % 8)
    return bytes(changed)


sizes = st.integers(min_value=1, max_value=2000)


@settings(max_examples=60, deadline=None)
@given(size=sizes, data=st.data())
def test_inclusion_proofs_verify_and_one_bit_changes_fail(size, data):
    leaves, log = _log(size)
    index = data.draw(st.integers(0, size - 1))
    proof = merkle.inclusion_proof(leaves, index, size)
    assert proof == log.inclusion_proof(index, size)
    top = merkle.root(leaves)
    assert top == log.root(size)
    merkle.verify_inclusion(leaves[index], index, size, proof, top)
    bit = data.draw(st.integers(0, 255))
    with pytest.raises(ProofError):
        merkle.verify_inclusion(_flip(leaves[index], bit), index, size, proof, top)
    with pytest.raises(ProofError):
        merkle.verify_inclusion(leaves[index], index, size, proof, _flip(top, bit))
    if proof:
        position = data.draw(st.integers(0, len(proof) - 1))
        changed = [*proof[:position], _flip(proof[position], bit), *proof[position + 1 :]]
        with pytest.raises(ProofError):
            merkle.verify_inclusion(leaves[index], index, size, changed, top)


@settings(max_examples=60, deadline=None)
@given(size=sizes, data=st.data())
def test_consistency_proofs_verify_and_one_bit_changes_fail(size, data):
    leaves, log = _log(size)
    old = data.draw(st.integers(1, size))
    proof = merkle.consistency_proof(leaves, old, size)
    assert proof == log.consistency_proof(old, size)
    old_root, new_root = merkle.root(leaves[:old]), merkle.root(leaves)
    merkle.verify_consistency(old, size, proof, old_root, new_root)
    bit = data.draw(st.integers(0, 255))
    with pytest.raises(ProofError):
        merkle.verify_consistency(old, size, proof, _flip(old_root, bit), new_root)
    with pytest.raises(ProofError):
        merkle.verify_consistency(old, size, proof, old_root, _flip(new_root, bit))
    if proof:
        position = data.draw(st.integers(0, len(proof) - 1))
        changed = [*proof[:position], _flip(proof[position], bit), *proof[position + 1 :]]
        with pytest.raises(ProofError):
            merkle.verify_consistency(old, size, changed, old_root, new_root)


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 300))
def test_compact_range_root_equals_recursive_root(size):
    leaves, log = _log(max(size, 1))
    leaves = leaves[:size]

    def recursive(hashes):
        if not hashes:
            return hashlib.sha256(b"").digest()
        if len(hashes) == 1:
            return hashes[0]
        split = 1 << ((len(hashes) - 1).bit_length() - 1)
        return merkle.node_hash(recursive(hashes[:split]), recursive(hashes[split:]))

    assert merkle.root(leaves) == recursive(leaves) == log.root(size)


def test_guard_rules():
    leaf = hashlib.sha256(b"x").digest()
    with pytest.raises(ProofError, match="32 bytes"):
        merkle.verify_inclusion(b"", 0, 1, [], b"")
    with pytest.raises(ProofError, match="not inside"):
        merkle.verify_inclusion(leaf, 1, 1, [], leaf)
    with pytest.raises(ProofError, match="uint64"):
        merkle.verify_consistency(2, 1, [], leaf, leaf)
    with pytest.raises(ProofError, match="uint64"):
        merkle.verify_consistency(0, 2**64, [], merkle.EMPTY_ROOT, leaf)
    merkle.verify_consistency(0, 5, [], merkle.EMPTY_ROOT, leaf)
    with pytest.raises(ProofError, match="only 1 leaves"):
        merkle.inclusion_proof([leaf], 0, 2)
    with pytest.raises(ProofError, match="lacks node"):
        merkle.inclusion_proof_from_store(MemoryLog(), 0, 2)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.binary(max_size=40), max_size=300), st.integers(0, 300))
def test_batched_and_single_appends_store_the_same_tree(entries, cut):
    one_by_one, batched = MemoryLog(), MemoryLog()
    for entry in entries:
        one_by_one.append(entry)
    batched.extend(entries[:cut])
    batched.extend(entries[cut:])
    assert batched.levels == one_by_one.levels
    assert batched.entries == one_by_one.entries
    assert batched.root() == MemoryLog.root_of(entries)
