"""`cosignature/v1` (tlog-cosignature v1.0.1): a witness's timestamped Ed25519 signature.

Blob = key ID (4) ‖ big-endian u64 timestamp (8) ‖ Ed25519 signature (64) = 76 bytes, over
"cosignature/v1\\ntime <t>\\n" followed by the checkpoint text. Must not import `cryptography`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceasefire.tlog.errors import LogFormatError
from ceasefire.tlog.note import COSIGNATURE_V1, Signature, SignerLike, cosigned_message

MAX_TIMESTAMP = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Cosignature:
    """A decoded cosignature line."""

    name: str
    key_id: bytes
    timestamp: int
    signature: bytes


def cosign(signer: SignerLike, checkpoint_text: str, timestamp: int) -> Signature:
    """Return the signature line a witness adds to a checkpoint at `timestamp`.

    Raises:
        LogFormatError: the key is not a cosignature key or the time is out of range.
    """
    if signer.verifier.key_type != COSIGNATURE_V1:
        raise LogFormatError("cosignatures need a cosignature/v1 (0x04) key")
    if not 0 < timestamp <= MAX_TIMESTAMP:
        raise LogFormatError("a cosignature timestamp is a positive 63-bit number")
    message = cosigned_message(checkpoint_text, timestamp)
    blob = timestamp.to_bytes(8, "big") + signer.sign(message)
    return Signature(name=signer.name, key_id=signer.verifier.key_id, blob=blob)


def decode(signature: Signature) -> Cosignature:
    """Decode a 76-byte cosignature line.

    Raises:
        LogFormatError: the blob is not 72 bytes after the key ID.
    """
    if len(signature.blob) != 72:
        raise LogFormatError("a cosignature/v1 blob is 76 bytes")
    return Cosignature(
        signature.name,
        signature.key_id,
        int.from_bytes(signature.blob[:8], "big"),
        signature.blob[8:],
    )
