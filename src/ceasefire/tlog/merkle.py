"""RFC 6962 / RFC 9162 Merkle tree: hashing, compact ranges, proofs and their strict checks.

Proofs are generated in two ways that give identical bytes: from a list of leaf hashes (tests,
small trees) and from a store of perfect-subtree hashes (`NodeReader`), which is how the
platform answers in O(log n) reads. Verification restates RFC 9162 §2.1.3.2 and §2.1.4.2 with
the guard rules the bare loops omit: every hash is 32 bytes, sizes and indices are uint64,
the proof length is checked first, equal sizes need an empty proof, and the empty tree (size
0, root H("")) is consistent with every tree, as in tlog-witness.

Must not import Django, `ceasefire.domain` or `cryptography`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol

from ceasefire.tlog.errors import ProofError

__all__ = [
    "EMPTY_ROOT",
    "NodeReader",
    "ProofError",
    "consistency_proof",
    "consistency_proof_from_store",
    "inclusion_proof",
    "inclusion_proof_from_store",
    "leaf_hash",
    "node_hash",
    "root",
    "root_from_store",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
MAX_SIZE = 2**64 - 1
EMPTY_ROOT = hashlib.sha256(b"").digest()
_sha256 = hashlib.sha256

Range = tuple[int, int]


def leaf_hash(data: bytes) -> bytes:
    """Return H(0x00 ‖ data): the hash of one log entry."""
    return _sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return H(0x01 ‖ left ‖ right): the hash of an interior node."""
    return _sha256(b"\x01" + left + right).digest()


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """Return the tree hash of the given leaf hashes (H("") for none), by compact-range fold."""
    if not leaf_hashes:
        return EMPTY_ROOT
    stack: list[tuple[int, bytes]] = []
    for hashed in leaf_hashes:
        node, height = hashed, 0
        while stack and stack[-1][0] == height:
            node = _sha256(b"\x01" + stack.pop()[1] + node).digest()
            height += 1
        stack.append((height, node))
    accumulated = stack.pop()[1]
    while stack:
        accumulated = _sha256(b"\x01" + stack.pop()[1] + accumulated).digest()
    return accumulated


def _split(size: int) -> int:
    """Return the largest power of two strictly less than `size` (size ≥ 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def _inclusion_ranges(index: int, size: int) -> list[Range]:
    """Return the leaf ranges whose tree hashes make PATH(index, D[0:size]), bottom-up."""
    ranges: list[Range] = []
    low, high = 0, size
    while high - low > 1:
        split = low + _split(high - low)
        if index < split:
            ranges.append((split, high))
            high = split
        else:
            ranges.append((low, split))
            low = split
    ranges.reverse()
    return ranges


def _consistency_ranges(old_size: int, new_size: int) -> list[Range]:
    """Return the leaf ranges whose tree hashes make PROOF(old_size, D[0:new_size])."""
    ranges: list[Range] = []
    low, high, remaining, complete = 0, new_size, old_size, True
    while True:
        if remaining == high - low:
            if not complete:
                ranges.append((low, high))
            break
        split = _split(high - low)
        if remaining <= split:
            ranges.append((low + split, high))
            high = low + split
        else:
            ranges.append((low, low + split))
            remaining -= split
            low += split
            complete = False
    ranges.reverse()
    return ranges


def _check_index(index: int, size: int) -> None:
    if not 0 <= index < size <= MAX_SIZE:
        raise ProofError(f"index {index} is not inside a tree of size {size}")


def _check_sizes(old_size: int, new_size: int) -> None:
    if not 0 <= old_size <= new_size <= MAX_SIZE:
        raise ProofError(f"sizes {old_size} → {new_size} are not a valid uint64 growth")


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int, size: int) -> list[bytes]:
    """Return the RFC 9162 inclusion path of leaf `index` in the first `size` leaves."""
    _check_index(index, size)
    if size > len(leaf_hashes):
        raise ProofError(f"only {len(leaf_hashes)} leaves are known, not {size}")
    return [root(leaf_hashes[low:high]) for low, high in _inclusion_ranges(index, size)]


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int, new_size: int) -> list[bytes]:
    """Return the RFC 9162 consistency proof from `old_size` to `new_size` (empty if either is
    0 or they are equal)."""
    _check_sizes(old_size, new_size)
    if new_size > len(leaf_hashes):
        raise ProofError(f"only {len(leaf_hashes)} leaves are known, not {new_size}")
    if old_size in (0, new_size):
        return []
    return [root(leaf_hashes[low:high]) for low, high in _consistency_ranges(old_size, new_size)]


class NodeReader(Protocol):
    """Stored perfect-subtree hashes: `(level, index)` is MTH(D[index·2^level:(index+1)·2^level]).

    After appending entry n − 1 a store must hold `(l, n / 2^l − 1)` for every l with 2^l
    dividing n; the platform's `LogNode` table and `memory.MemoryLog` both do.
    """

    def nodes(self, keys: Sequence[tuple[int, int]]) -> Mapping[tuple[int, int], bytes]:
        """Return the hashes of the requested nodes (one batched read)."""
        ...


def _range_keys(low: int, high: int) -> list[tuple[int, int]]:
    """Split an aligned range into stored nodes, largest (leftmost) first."""
    keys: list[tuple[int, int]] = []
    position, length = low, high - low
    for level in range(length.bit_length() - 1, -1, -1):
        if length >> level & 1:
            keys.append((level, position >> level))
            position += 1 << level
    return keys


def _fold_ranges(store: NodeReader, ranges: Sequence[Range]) -> list[bytes]:
    per_range = [_range_keys(low, high) for low, high in ranges]
    found = store.nodes([key for keys in per_range for key in keys])
    folded: list[bytes] = []
    for keys in per_range:
        try:
            accumulated = found[keys[-1]]
            for key in reversed(keys[:-1]):
                accumulated = _sha256(b"\x01" + found[key] + accumulated).digest()
        except KeyError as missing:
            raise ProofError(f"the node store lacks node {missing.args[0]}") from None
        folded.append(accumulated)
    return folded


def root_from_store(store: NodeReader, size: int) -> bytes:
    """Return the tree hash of the first `size` leaves from stored nodes."""
    _check_sizes(0, size)
    return _fold_ranges(store, [(0, size)])[0] if size else EMPTY_ROOT


def root_from_range(store: NodeReader, start: int, end: int) -> bytes:
    """Return MTH(D[start:end]) for an aligned range, from stored nodes."""
    return _fold_ranges(store, [(start, end)])[0]


def inclusion_proof_from_store(store: NodeReader, index: int, size: int) -> list[bytes]:
    """Return the inclusion path of leaf `index` in a tree of `size`, from stored nodes."""
    _check_index(index, size)
    return _fold_ranges(store, _inclusion_ranges(index, size))


def consistency_proof_from_store(store: NodeReader, old_size: int, new_size: int) -> list[bytes]:
    """Return the consistency proof from `old_size` to `new_size`, from stored nodes."""
    _check_sizes(old_size, new_size)
    if old_size in (0, new_size):
        return []
    return _fold_ranges(store, _consistency_ranges(old_size, new_size))


def inclusion_proof_size(index: int, size: int) -> int:
    """Return the exact length of a valid inclusion path."""
    inner = (index ^ (size - 1)).bit_length()
    return inner + (index >> inner).bit_count()


def consistency_proof_size(old_size: int, new_size: int) -> int:
    """Return the exact length of a valid consistency proof for 0 < old_size < new_size."""
    trailing = (old_size & -old_size).bit_length() - 1
    inner = ((old_size - 1) ^ (new_size - 1)).bit_length()
    border = ((old_size - 1) >> inner).bit_count()
    return inner - trailing + border + (0 if old_size & (old_size - 1) == 0 else 1)


def _check_hashes(*hashes: bytes) -> None:
    for hashed in hashes:
        if len(hashed) != HASH_SIZE:
            raise ProofError("every hash must be exactly 32 bytes")


def verify_inclusion(
    leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Check that `leaf_hash` is leaf `index` of the tree of `size` with `root`.

    Raises:
        ProofError: a guard rule fails or the path does not lead to the root.
    """
    _check_hashes(leaf_hash, root, *proof)
    _check_index(index, size)
    if len(proof) != inclusion_proof_size(index, size):
        raise ProofError(
            f"an inclusion path for {index} in {size} has "
            f"{inclusion_proof_size(index, size)} hashes, not {len(proof)}"
        )
    first, second, accumulated = index, size - 1, leaf_hash
    for element in proof:
        if second == 0:
            raise ProofError(
                "the inclusion path is too long"
            )  # pragma: no cover - the RFC's guard; the exact length check comes first
        if first & 1 or first == second:
            accumulated = _sha256(b"\x01" + element + accumulated).digest()
            if not first & 1:
                while first and not first & 1:
                    first >>= 1
                    second >>= 1
        else:
            accumulated = _sha256(b"\x01" + accumulated + element).digest()
        first >>= 1
        second >>= 1
    if second != 0 or accumulated != root:
        raise ProofError("the inclusion path does not lead to the root")


def verify_consistency(
    old_size: int, new_size: int, proof: Sequence[bytes], old_root: bytes, new_root: bytes
) -> None:
    """Check that the tree of `new_size` with `new_root` extends the one of `old_size`.

    Raises:
        ProofError: a guard rule fails or the proof does not reproduce both roots.
    """
    _check_hashes(old_root, new_root, *proof)
    _check_sizes(old_size, new_size)
    if old_size == 0:
        if proof or old_root != EMPTY_ROOT or (new_size == 0 and new_root != EMPTY_ROOT):
            raise ProofError('the empty tree has root H("") and needs an empty proof')
        return
    if old_size == new_size:
        if proof or old_root != new_root:
            raise ProofError("equal sizes need an empty proof and identical roots")
        return
    expected = consistency_proof_size(old_size, new_size)
    if len(proof) != expected:
        raise ProofError(
            f"a consistency proof {old_size} → {new_size} has {expected} hashes, not {len(proof)}"
        )
    hashes = [old_root, *proof] if old_size & (old_size - 1) == 0 else list(proof)
    first, second = old_size - 1, new_size - 1
    while first & 1:
        first >>= 1
        second >>= 1
    old_accumulated = new_accumulated = hashes[0]
    for element in hashes[1:]:
        if second == 0:
            raise ProofError(
                "the consistency proof is too long"
            )  # pragma: no cover - the RFC's guard; the exact length check comes first
        if first & 1 or first == second:
            old_accumulated = _sha256(b"\x01" + element + old_accumulated).digest()
            new_accumulated = _sha256(b"\x01" + element + new_accumulated).digest()
            if not first & 1:
                while first and not first & 1:
                    first >>= 1
                    second >>= 1
        else:
            new_accumulated = _sha256(b"\x01" + new_accumulated + element).digest()
        first >>= 1
        second >>= 1
    if old_accumulated != old_root or new_accumulated != new_root or second != 0:
        raise ProofError("the consistency proof does not reproduce both roots")
