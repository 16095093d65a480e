"""RFC 6962 / RFC 9162 Merkle tree hashing with SHA-256.

Must not import Django, `ceasefire.domain` or `cryptography`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ceasefire.tlog.errors import ProofError

__all__ = ["ProofError", "leaf_hash", "node_hash", "root"]

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    """Return H(0x00 ‖ data): the hash of one log entry."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return H(0x01 ‖ left ‖ right): the hash of an interior node."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """Return the tree hash of the given leaf hashes (H("") for none), by compact-range fold."""
    if not leaf_hashes:
        return EMPTY_ROOT
    stack: list[tuple[int, bytes]] = []
    for hashed in leaf_hashes:
        node, height = hashed, 0
        while stack and stack[-1][0] == height:
            node = node_hash(stack.pop()[1], node)
            height += 1
        stack.append((height, node))
    accumulated = stack.pop()[1]
    while stack:
        accumulated = node_hash(stack.pop()[1], accumulated)
    return accumulated
