"""An in-memory log: the same stored-node layout as the database, one bytearray per level.

Used by tests, by the offline verifier when it rebuilds an exported log, and by benchmarks. A
level holds 32 bytes per perfect subtree completed so far, so 10 million entries take about
640 MB and every proof is a handful of slice reads.

Must not import Django, `ceasefire.domain` or `cryptography`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ceasefire.tlog import merkle
from ceasefire.tlog.tiles import HEIGHT, WIDTH, TileRef

HASH_SIZE = 32
_sha256 = hashlib.sha256


class MemoryLog:
    """Append-only log of leaf hashes (and optionally the entries) with stored subtree nodes."""

    def __init__(self, *, keep_entries: bool = True) -> None:
        self.levels: list[bytearray] = [bytearray()]
        self.entries: list[bytes] | None = [] if keep_entries else None
        self.size = 0
        self._edges: dict[tuple[int, int], bytes] = {}

    @classmethod
    def from_leaf_hashes(cls, leaf_hashes: Iterable[bytes]) -> MemoryLog:
        """Build a log from leaf hashes alone (no entry bytes)."""
        log = cls(keep_entries=False)
        for hashed in leaf_hashes:
            log.append_hash(hashed)
        return log

    @staticmethod
    def root_of(entries: Sequence[bytes]) -> bytes:
        """Return the tree hash of a list of entries."""
        return merkle.root([_sha256(b"\x00" + entry).digest() for entry in entries])

    def append(self, entry: bytes) -> int:
        """Append an entry; return its index."""
        if self.entries is not None:
            self.entries.append(entry)
        return self.append_hash(_sha256(b"\x00" + entry).digest())

    def extend(self, entries: Sequence[bytes]) -> int:
        """Append many entries in one tight loop (a bulk import); return the new size."""
        if self.entries is not None:
            self.entries.extend(entries)
        levels, level0, sha256 = self.levels, self.levels[0], _sha256
        count = self.size
        for entry in entries:
            node = sha256(b"\x00" + entry).digest()
            level0 += node
            count += 1
            if count & 1:  # half of all appends complete no subtree
                continue
            level, remaining = 0, count
            while not remaining & 1:
                node = sha256(b"\x01" + levels[level][-64:-32] + node).digest()
                level += 1
                remaining >>= 1
                if len(levels) == level:
                    levels.append(bytearray())
                levels[level] += node
        self.size = count
        return count

    def append_hash(self, hashed: bytes) -> int:
        """Append a leaf hash, storing every perfect subtree it completes; return its index."""
        index = self.size
        levels = self.levels
        levels[0] += hashed
        count = self.size = index + 1
        if count & 1:  # half of all appends complete no subtree
            return index
        node, level = hashed, 0
        while not count & 1:
            node = _sha256(b"\x01" + levels[level][-64:-32] + node).digest()
            level += 1
            count >>= 1
            if len(levels) == level:
                levels.append(bytearray())
            levels[level] += node
        return index

    def node(self, level: int, index: int) -> bytes:
        """Return the stored hash of a perfect subtree."""
        start = index * HASH_SIZE
        if level >= len(self.levels) or start + HASH_SIZE > len(self.levels[level]):
            raise KeyError((level, index))
        return bytes(self.levels[level][start : start + HASH_SIZE])

    def nodes(self, keys: Sequence[tuple[int, int]]) -> Mapping[tuple[int, int], bytes]:
        """Return stored hashes (the `merkle.NodeReader` protocol)."""
        found: dict[tuple[int, int], bytes] = {}
        for key in keys:
            try:
                found[key] = self.node(*key)
            except KeyError:
                continue
        return found

    def stored_keys(self) -> Iterator[tuple[int, int]]:
        """Yield the `(level, index)` of every stored node."""
        for level, hashes in enumerate(self.levels):
            for index in range(len(hashes) // HASH_SIZE):
                yield level, index

    def leaf_hashes(self, start: int = 0, end: int | None = None) -> list[bytes]:
        """Return the leaf hashes in `[start, end)`."""
        level0 = self.levels[0]
        stop = self.size if end is None else end
        return [bytes(level0[i * HASH_SIZE : (i + 1) * HASH_SIZE]) for i in range(start, stop)]

    def root(self, size: int | None = None) -> bytes:
        """Return the tree hash at `size` (default: the whole log)."""
        return merkle.root_from_store(self, self.size if size is None else size)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """Return the inclusion path of `index` in the tree of `size` (same bytes as
        `merkle.inclusion_proof_from_store`, read straight from the level arrays).

        Walking up from the leaf, each level contributes its sibling: a stored node when the
        sibling's range is complete, the fold of the right edge when it is cut by `size`, and
        nothing when it lies wholly beyond `size` (the RFC tree promotes the lone node).
        """
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise merkle.ProofError(f"index {index} is not inside a tree of size {size}")
        proof: list[bytes] = []
        levels, position, level = self.levels, index, 0
        while (size - 1) >> level:
            sibling = position ^ 1
            start, end = sibling << level, (sibling + 1) << level
            if end <= size:
                offset = sibling * HASH_SIZE
                proof.append(bytes(levels[level][offset : offset + HASH_SIZE]))
            elif start < size:
                proof.append(self._edge(start, size))
            position >>= 1
            level += 1
        return proof

    def _edge(self, start: int, size: int) -> bytes:
        """Fold the stored nodes of the right-edge range [start, size) (cached per range)."""
        key = (start, size)
        cached = self._edges.get(key)
        if cached is None:
            cached = merkle.root_from_range(self, start, size)
            if len(self._edges) > 4096:
                self._edges.clear()
            self._edges[key] = cached
        return cached

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """Return the consistency proof from `old_size` to `new_size`."""
        return merkle.consistency_proof_from_store(
            self, old_size, self.size if new_size is None else new_size
        )

    def hash_tile(self, ref: TileRef) -> bytes:
        """Return a hash tile's bytes: stored nodes of height 8·level, `width` of them."""
        if ref.level is None:
            raise KeyError("entry bundles are not hash tiles")
        hashes = (
            self.levels[HEIGHT * ref.level]
            if HEIGHT * ref.level < len(self.levels)
            else bytearray()
        )
        start = ref.number * WIDTH * HASH_SIZE
        data = bytes(hashes[start : start + ref.width * HASH_SIZE])
        if len(data) != ref.width * HASH_SIZE:
            raise KeyError(ref)
        return data
