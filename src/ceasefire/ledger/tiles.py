"""Hash tiles and entry bundles read from the database (tlog-tiles v0.1.0)."""

from __future__ import annotations

from ceasefire.domain.errors import NotFound
from ceasefire.ledger.models import LogNode
from ceasefire.ledger.selectors import entry_bytes, log_size
from ceasefire.tlog import tiles


def hash_tile(ref: tiles.TileRef) -> bytes:
    """Return a hash tile: the stored nodes of height 8·level, 256·N … 256·N + width − 1.

    Raises:
        NotFound: the tree has not grown that far yet.
    """
    if ref.level is None:
        raise NotFound("not a hash tile")
    start = ref.number * tiles.WIDTH
    rows = list(
        LogNode.objects.filter(
            level=tiles.HEIGHT * ref.level, index__gte=start, index__lt=start + ref.width
        )
        .order_by("index")
        .values_list("hash", flat=True)
    )
    if len(rows) != ref.width:
        raise NotFound(f"tile {ref.path()} does not exist yet")
    return b"".join(bytes(row) for row in rows)


def entry_bundle(ref: tiles.TileRef) -> bytes:
    """Return an entry bundle.

    Raises:
        NotFound: the log has not grown that far yet.
    """
    start = ref.number * tiles.WIDTH
    if ref.level is not None or start + ref.width > log_size():
        raise NotFound(f"bundle {ref.path()} does not exist yet")
    return tiles.encode_bundle(entry_bytes(start, start + ref.width))
