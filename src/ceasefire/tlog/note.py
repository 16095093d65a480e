"""C2SP signed notes (signed-note v1.0.0): text, then signature lines `— <name> <base64>`.

Parsing is strict (spec §7): UTF-8 without control characters but newline, a final newline,
signatures after the last blank line, canonical base64, 1–100 signature lines. A signature line
is matched to a key by (name, key ID), never by ID alone. Cosignature (0x04) lines are checked
over the `cosignature/v1` message built from the note text. Must not import `cryptography`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ceasefire.tlog import strict
from ceasefire.tlog.errors import LogFormatError, SignatureError

DASH = "\u2014"
MAX_SIGNATURES = 100
COSIGNATURE_V1 = 0x04
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Signature:
    """One signature line: the signer's name, its key ID and the rest of the blob."""

    name: str
    key_id: bytes
    blob: bytes

    def line(self) -> str:
        """Return the signature line with its final newline."""
        return f"{DASH} {self.name} {strict.b64encode(self.key_id + self.blob)}\n"


@dataclass(frozen=True, slots=True)
class Note:
    """A signed note: its text (ending in a newline) and its signature lines."""

    text: str
    signatures: tuple[Signature, ...]

    def format(self) -> str:
        """Return the note exactly as it is transmitted."""
        return self.text + "\n" + "".join(signature.line() for signature in self.signatures)


class KeyLike(Protocol):
    """What note verification needs from a key (`tlog.keys.Verifier`)."""

    @property
    def name(self) -> str: ...

    @property
    def key_type(self) -> int: ...

    @property
    def key_id(self) -> bytes: ...

    def verify(self, message: bytes, signature: bytes) -> bool: ...


class SignerLike(Protocol):
    """What signing needs from a key (`tlog.keys.Signer`)."""

    @property
    def name(self) -> str: ...

    @property
    def verifier(self) -> KeyLike: ...

    def sign(self, message: bytes) -> bytes: ...


def parse(note: str) -> Note:
    """Parse a signed note strictly.

    Raises:
        LogFormatError: any deviation from the format.
    """
    if _CONTROL.search(note) or "\r" in note:
        raise LogFormatError("a note may not contain control characters other than newline")
    if not note.endswith("\n"):
        raise LogFormatError("a note must end with a newline")
    split = note.rfind("\n\n")
    if split < 0:
        raise LogFormatError("a note needs a blank line before its signatures")
    text, lines = note[: split + 1], note[split + 2 :].splitlines()
    if not lines or len(lines) > MAX_SIGNATURES:
        raise LogFormatError(f"a note needs 1 to {MAX_SIGNATURES} signature lines")
    return Note(text=text, signatures=tuple(_signature(line) for line in lines))


def _signature(line: str) -> Signature:
    parts = line.split(" ")
    if len(parts) != 3 or parts[0] != DASH or not parts[1] or "+" in parts[1]:
        raise LogFormatError(f"{line[:60]!r} is not a signature line")
    raw = strict.b64(parts[2])
    if len(raw) < 5:
        raise LogFormatError("a signature is shorter than its key ID")
    return Signature(name=parts[1], key_id=raw[:4], blob=raw[4:])


def cosigned_message(text: str, timestamp: int) -> bytes:
    """Return the `cosignature/v1` message a witness signs over a checkpoint text."""
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


def signature_valid(key: KeyLike, text: str, signature: Signature) -> bool:
    """Check one signature line against the key it names."""
    if key.key_type == COSIGNATURE_V1:
        if len(signature.blob) != 72:
            return False
        timestamp = int.from_bytes(signature.blob[:8], "big")
        if timestamp == 0 or timestamp > 2**63 - 1:
            return False
        return key.verify(cosigned_message(text, timestamp), signature.blob[8:])
    return len(signature.blob) == 64 and key.verify(text.encode(), signature.blob)


def verify(note: str, keys: Iterable[KeyLike]) -> tuple[Note, tuple[KeyLike, ...]]:
    """Parse a note and check it against the known keys; return it with the keys that signed.

    Unknown signatures are ignored; a known key whose signature fails invalidates the note.

    Raises:
        LogFormatError: the note is malformed.
        SignatureError: a known key's signature fails, or no known key signed.
    """
    parsed = parse(note)
    known = {(key.name, key.key_id): key for key in keys}
    verified: dict[tuple[str, bytes], KeyLike] = {}
    for signature in parsed.signatures:
        key = known.get((signature.name, signature.key_id))
        if key is None:
            continue
        if not signature_valid(key, parsed.text, signature):
            raise SignatureError(f"the signature of {signature.name} does not verify")
        verified[(signature.name, signature.key_id)] = key
    if not verified:
        raise SignatureError("no known key signed this note")
    return parsed, tuple(verified.values())


def sign(text: str, signers: Sequence[SignerLike]) -> str:
    """Sign `text` (which must end in a newline) with Ed25519 note keys."""
    if not text.endswith("\n") or "\n\n" in text[-2:]:
        raise LogFormatError("note text must end with exactly one newline")
    signatures = tuple(Signature(s.name, s.verifier.key_id, s.sign(text.encode())) for s in signers)
    return Note(text=text, signatures=signatures).format()
