"""Strict parsing of the numbers and base64 that signed notes, proofs and receipts carry.

Python's `int()` accepts "05", "+5", " 5", "1_000" and non-ASCII digits, and `b64decode` drops
junk and accepts non-canonical final bits; an adversary could make two parties read the same
bytes differently. Must not import Django or `cryptography`.
"""

from __future__ import annotations

import base64
import binascii
import re

from ceasefire.tlog.errors import LogFormatError

MAX_UINT64 = 2**64 - 1
_DECIMAL = re.compile(r"(0|[1-9][0-9]{0,19})")


def decimal(text: str) -> int:
    """Parse an unsigned 64-bit decimal with no sign, spaces or leading zeros.

    Raises:
        LogFormatError: anything else.
    """
    if not _DECIMAL.fullmatch(text) or not text.isascii():
        raise LogFormatError(f"{text!r} is not a canonical unsigned decimal")
    value = int(text)
    if value > MAX_UINT64:
        raise LogFormatError(f"{text} does not fit in 64 bits")
    return value


def b64(text: str, *, length: int | None = None) -> bytes:
    """Decode canonical standard base64 (padded), optionally of an exact decoded length.

    Raises:
        LogFormatError: junk characters, non-canonical encoding or the wrong length.
    """
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise LogFormatError(f"{text[:40]!r} is not valid base64") from None
    if base64.b64encode(raw).decode() != text:
        raise LogFormatError(f"{text[:40]!r} is not canonical base64")
    if length is not None and len(raw) != length:
        raise LogFormatError(f"expected {length} bytes, got {len(raw)}")
    return raw


def b64encode(raw: bytes) -> str:
    """Encode bytes as standard padded base64."""
    return base64.b64encode(raw).decode()
