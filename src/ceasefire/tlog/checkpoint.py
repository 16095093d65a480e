"""Checkpoints (tlog-checkpoint v1.0.0): origin, tree size and root hash as a note text.

Must not import Django or `cryptography`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceasefire.tlog import strict
from ceasefire.tlog.errors import LogFormatError


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """What a log commits to at one size."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def text(self) -> str:
        """Return the note text (every line ending in a newline)."""
        lines = [self.origin, str(self.size), strict.b64encode(self.root), *self.extensions]
        return "".join(line + "\n" for line in lines)


def parse(text: str) -> Checkpoint:
    """Parse a checkpoint note text (without signatures).

    Raises:
        LogFormatError: a missing line, an empty origin or extension, a bad size or root.
    """
    if not text.endswith("\n"):
        raise LogFormatError("a checkpoint text ends with a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3 or not lines[0] or any(not line for line in lines[3:]):
        raise LogFormatError("a checkpoint has an origin, a size, a root and no empty lines")
    return Checkpoint(
        origin=lines[0],
        size=strict.decimal(lines[1]),
        root=strict.b64(lines[2], length=32),
        extensions=tuple(lines[3:]),
    )
