"""Every Merkle block of the RFC 6962 vectors file, as transparency-log.md §9 prescribes."""

from __future__ import annotations

import pytest

from ceasefire.tlog import merkle
from ceasefire.tlog.memory import MemoryLog
from ceasefire.tlog.merkle import ProofError

H = bytes.fromhex

# Documented deviation (transparency-log.md §9): want_error false, but 12-byte placeholder roots,
# which guard rule 1 (every hash is 32 bytes) rejects.
EXPECTED_DEVIATIONS = {
    "testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"
}


def _flips(value: bytes):
    for position in range(len(value) * 8):
        changed = bytearray(value)
        changed[position // 8] ^= 1 << (position % 8)
        yield bytes(changed)


def test_hasher_vectors(vectors):
    cases = vectors["hasher_vectors"]["cases"]
    assert len(cases) == 5
    for case in cases:
        if "leaf_hex" in case:
            got = merkle.leaf_hash(H(case["leaf_hex"]))
        elif "left_hex" in case:
            got = merkle.node_hash(H(case["left_hex"]), H(case["right_hex"]))
        else:
            got = merkle.root([])
        assert got.hex() == case["expected"], case["desc"]


def test_tree_by_recursion_and_by_append(vectors):
    tree = vectors["tree"]
    leaves = [merkle.leaf_hash(H(data)) for data in tree["leaves_hex"]]
    assert [h.hex() for h in leaves] == tree["leaf_hashes"]
    log = MemoryLog()
    for size, expected in sorted(tree["roots_by_tree_size"].items(), key=lambda item: int(item[0])):
        size = int(size)
        assert merkle.root(leaves[:size]).hex() == expected
        assert log.root(size).hex() == expected if size <= log.size else True
        if size < len(leaves):
            log.append(H(tree["leaves_hex"][size]))
    assert log.root(8).hex() == tree["roots_by_tree_size"]["8"]
    stored = {
        (int(level), index): h
        for level, hashes in tree["complete_subtree_hashes_by_level"]["levels"].items()
        for index, h in enumerate(hashes)
    }
    assert {key: log.node(*key).hex() for key in log.stored_keys()} == stored


def test_upstream_happy_paths(vectors):
    tree = vectors["tree"]
    leaves = [H(h) for h in tree["leaf_hashes"]]
    for case in vectors["inclusion_proofs_upstream"]:
        path = [H(p) for p in case["path"]]
        merkle.verify_inclusion(
            H(case["leaf_hash"]), case["leaf_index"], case["tree_size"], path, H(case["root"])
        )
        if case["tree_size"] <= len(leaves):
            assert merkle.inclusion_proof(leaves, case["leaf_index"], case["tree_size"]) == path
    for case in vectors["consistency_proofs_upstream"]:
        proof = [H(p) for p in case["proof"]]
        merkle.verify_consistency(
            case["size1"], case["size2"], proof, H(case["root1"]), H(case["root2"])
        )
        if case["size2"] <= len(leaves):
            assert merkle.consistency_proof(leaves, case["size1"], case["size2"]) == proof


def test_rfc6962_figure_examples(vectors):
    block = vectors["rfc6962_figure_examples"]
    names = {name: H(value) for name, value in block["node_hashes"].items()}
    leaves = [names[n] for n in "abcdefj"]
    for example in block["examples"]:
        expected = [names[n] for n in example["rfc6962_node_names"]]
        if example["kind"] == "inclusion":
            assert (
                merkle.inclusion_proof(leaves, example["leaf_index"], example["tree_size"])
                == expected
            )
        else:
            assert merkle.consistency_proof(leaves, example["size1"], example["size2"]) == expected


def test_all_inclusion_paths_up_to_8_and_every_bit_flip(vectors):
    tree = vectors["tree"]
    leaves = [H(h) for h in tree["leaf_hashes"]]
    log = MemoryLog.from_leaf_hashes(leaves)
    proofs = vectors["inclusion_proofs_all_sizes_le_8"]["proofs"]
    assert len(proofs) == 36
    for case in proofs:
        index, size = case["leaf_index"], case["tree_size"]
        path, top = [H(p) for p in case["path"]], H(tree["roots_by_tree_size"][str(size)])
        assert merkle.inclusion_proof(leaves, index, size) == path
        assert merkle.inclusion_proof_from_store(log, index, size) == path
        merkle.verify_inclusion(leaves[index], index, size, path, top)
        for bad in _flips(leaves[index]):
            with pytest.raises(ProofError):
                merkle.verify_inclusion(bad, index, size, path, top)
        for bad in _flips(top):
            with pytest.raises(ProofError):
                merkle.verify_inclusion(leaves[index], index, size, path, bad)
        for position, element in enumerate(path):
            for bad in _flips(element):
                with pytest.raises(ProofError):
                    merkle.verify_inclusion(
                        leaves[index],
                        index,
                        size,
                        [*path[:position], bad, *path[position + 1 :]],
                        top,
                    )


def test_all_consistency_proofs_up_to_8_and_every_bit_flip(vectors):
    tree = vectors["tree"]
    leaves = [H(h) for h in tree["leaf_hashes"]]
    log = MemoryLog.from_leaf_hashes(leaves)
    proofs = vectors["consistency_proofs_all_sizes_le_8"]["proofs"]
    assert len(proofs) == 28
    roots = {int(k): H(v) for k, v in tree["roots_by_tree_size"].items()}
    for case in proofs:
        old, new, proof = case["size1"], case["size2"], [H(p) for p in case["proof"]]
        assert merkle.consistency_proof(leaves, old, new) == proof
        assert merkle.consistency_proof_from_store(log, old, new) == proof
        merkle.verify_consistency(old, new, proof, roots[old], roots[new])
        for bad in _flips(roots[old]):
            with pytest.raises(ProofError):
                merkle.verify_consistency(old, new, proof, bad, roots[new])
        for bad in _flips(roots[new]):
            with pytest.raises(ProofError):
                merkle.verify_consistency(old, new, proof, roots[old], bad)
        for position, element in enumerate(proof):
            for bad in _flips(element):
                with pytest.raises(ProofError):
                    merkle.verify_consistency(
                        old,
                        new,
                        [*proof[:position], bad, *proof[position + 1 :]],
                        roots[old],
                        roots[new],
                    )


def _hash(value):
    return H(value) if value else b""


def _rejects(check) -> bool:
    try:
        check()
    except ProofError:
        return True
    return False


def test_all_186_probes(vectors):
    probes = vectors["probes_upstream"]
    assert len(probes["inclusion"]) == len(probes["consistency"]) == 93
    mismatches = []
    for probe in probes["inclusion"]:
        rejected = _rejects(
            lambda p=probe: merkle.verify_inclusion(
                _hash(p["leaf_hash"]),
                p["leaf_index"],
                p["tree_size"],
                [_hash(e) for e in p["path"]],
                _hash(p["root"]),
            )
        )
        if rejected != probe["want_error"]:
            mismatches.append(probe["file"])
    for probe in probes["consistency"]:
        rejected = _rejects(
            lambda p=probe: merkle.verify_consistency(
                p["size1"],
                p["size2"],
                [_hash(e) for e in p["proof"]],
                _hash(p["root1"]),
                _hash(p["root2"]),
            )
        )
        if rejected != probe["want_error"]:
            mismatches.append(probe["file"])
    assert set(mismatches) == EXPECTED_DEVIATIONS
