"""tlog-tiles v0.1.0: hash tiles and entry bundles as static files (never Go's sumdb layout).

Tile N at level L holds the hashes of the 256 subtrees of height 8L starting at leaf
(256N + i)·256^L; a partial tile `.p/W` holds the first W. Entry bundles hold entries as
big-endian u16 length ‖ bytes, so an entry is at most 65,535 bytes. Must not import Django or
`cryptography`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ceasefire.tlog.errors import LogFormatError

WIDTH = 256
HEIGHT = 8
MAX_ENTRY = 65_535
_PATH = re.compile(r"tile/(entries|\d{1,2})/((?:x\d{3}/)*\d{3})(?:\.p/(\d{1,3}))?")


def index_path(number: int) -> str:
    """Write a tile number in zero-padded groups of three digits: 1234067 → x001/x234/067."""
    groups = f"{number:d}"
    groups = "0" * (-len(groups) % 3) + groups
    parts = [groups[i : i + 3] for i in range(0, len(groups), 3)]
    return "/".join([*("x" + part for part in parts[:-1]), parts[-1]])


@dataclass(frozen=True, slots=True)
class TileRef:
    """A tile address: level (None for an entry bundle), number and width."""

    level: int | None
    number: int
    width: int

    def path(self) -> str:
        """Return the path below the log prefix."""
        level = "entries" if self.level is None else str(self.level)
        suffix = "" if self.width == WIDTH else f".p/{self.width}"
        return f"tile/{level}/{index_path(self.number)}{suffix}"


def parse_path(path: str) -> TileRef:
    """Parse `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`.

    Raises:
        LogFormatError: not a tile path, a level above 63 or a width outside 1–255.
    """
    match = _PATH.fullmatch(path)
    if match is None:
        raise LogFormatError(f"{path!r} is not a tile path")
    level = None if match.group(1) == "entries" else int(match.group(1))
    number = int("".join(part.lstrip("x") for part in match.group(2).split("/")))
    width = int(match.group(3)) if match.group(3) else WIDTH
    if (
        (level is not None and level > 63)
        or not 1 <= width <= WIDTH
        or (match.group(3) and width == WIDTH)
    ):
        raise LogFormatError(f"{path!r} has an invalid level or width")
    if index_path(number) != match.group(2):
        raise LogFormatError(f"{path!r} is not in canonical form")
    return TileRef(level, number, width)


def tiles_for(size: int) -> Iterator[TileRef]:
    """Yield every hash tile (full and the partial last one) of every level for a tree size."""
    level = 0
    while size >> (HEIGHT * level):
        count = size >> (HEIGHT * level)
        for number in range(count // WIDTH):
            yield TileRef(level, number, WIDTH)
        if count % WIDTH:
            yield TileRef(level, count // WIDTH, count % WIDTH)
        level += 1


def bundles_for(size: int) -> Iterator[TileRef]:
    """Yield every entry bundle for a tree size."""
    for number in range(size // WIDTH):
        yield TileRef(None, number, WIDTH)
    if size % WIDTH:
        yield TileRef(None, size // WIDTH, size % WIDTH)


def encode_bundle(entries: Sequence[bytes]) -> bytes:
    """Encode entries as an entry bundle.

    Raises:
        LogFormatError: an entry is longer than 65,535 bytes.
    """
    chunks = []
    for entry in entries:
        if len(entry) > MAX_ENTRY:
            raise LogFormatError(f"an entry of {len(entry)} bytes does not fit a bundle")
        chunks.append(len(entry).to_bytes(2, "big") + entry)
    return b"".join(chunks)


def decode_bundle(data: bytes) -> list[bytes]:
    """Split an entry bundle into its entries.

    Raises:
        LogFormatError: a length runs past the end.
    """
    entries, position = [], 0
    while position < len(data):
        if position + 2 > len(data):
            raise LogFormatError("an entry bundle ends inside a length prefix")
        length = int.from_bytes(data[position : position + 2], "big")
        if position + 2 + length > len(data):
            raise LogFormatError("an entry bundle ends inside an entry")
        entries.append(data[position + 2 : position + 2 + length])
        position += 2 + length
    return entries


def write_export(
    directory: Path,
    entries: Sequence[bytes],
    hash_tile: Callable[[TileRef], bytes],
    signed_checkpoint: str,
) -> int:
    """Write a static tlog-tiles directory: checkpoint, every hash tile and entry bundle.

    `hash_tile` returns a tile's bytes (the ledger's stored nodes, or `MemoryLog.hash_tile`).
    """
    size = len(entries)
    for ref in bundles_for(size):
        start = ref.number * WIDTH
        _write(directory / ref.path(), encode_bundle(entries[start : start + ref.width]))
    for ref in tiles_for(size):
        _write(directory / ref.path(), hash_tile(ref))
    (directory / "checkpoint").write_text(signed_checkpoint)
    return size


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def tile_hashes(data: bytes, width: int) -> list[bytes]:
    """Split a hash tile into its hashes.

    Raises:
        LogFormatError: the tile is not `width` × 32 bytes.
    """
    if len(data) != width * 32:
        raise LogFormatError(f"a tile of width {width} has {width * 32} bytes, not {len(data)}")
    return [data[i : i + 32] for i in range(0, len(data), 32)]
