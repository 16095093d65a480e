"""The stored tree nodes as the log core's node reader: every proof is one batched query.

A `LogNode(level, index)` row holds the hash of leaves [index·2^level, (index+1)·2^level); the
core asks for the handful of rows a proof folds (at most one per set bit of each range length)
and this reader fetches them in a single `IN` query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db.models import Q

from ceasefire.ledger.models import LogNode


class DatabaseNodes:
    """Read stored perfect-subtree hashes from the `LogNode` table."""

    def nodes(self, keys: Sequence[tuple[int, int]]) -> Mapping[tuple[int, int], bytes]:
        """Return the hashes of the requested `(level, index)` nodes."""
        wanted = set(keys)
        if not wanted:
            return {}
        by_level: dict[int, list[int]] = {}
        for level, index in wanted:
            by_level.setdefault(level, []).append(index)
        query = Q()
        for level, indices in by_level.items():
            query |= Q(level=level, index__in=indices)
        rows = LogNode.objects.filter(query).values_list("level", "index", "hash")
        return {(level, index): bytes(value) for level, index, value in rows}
