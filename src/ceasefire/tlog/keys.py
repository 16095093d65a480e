"""Ed25519 keys in the C2SP/Go note formats: key IDs, verifier keys, private key files.

The only module of the log core that imports `cryptography`, so one pinned Ed25519
implementation decides every dispute. Must not import Django.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from ceasefire.tlog.errors import LogFormatError
from ceasefire.tlog.strict import b64, b64encode

ED25519 = 0x01
COSIGNATURE_V1 = 0x04
TYPES = frozenset({ED25519, COSIGNATURE_V1})
_NAME = re.compile(r"[^\s+]+")


def check_name(name: str) -> str:
    """Return `name` if it is a valid key name (non-empty, no spaces, no '+').

    Raises:
        LogFormatError: otherwise.
    """
    if not _NAME.fullmatch(name):
        raise LogFormatError(f"{name!r} is not a valid key name")
    return name


def key_id(name: str, key_type: int, public_key: bytes) -> bytes:
    """Return the 4-byte key ID: the first bytes of H(name ‖ 0x0A ‖ type ‖ public key)."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([key_type]) + public_key).digest()[:4]


@dataclass(frozen=True, slots=True)
class Verifier:
    """A public key that checks signatures by one name (log or witness)."""

    name: str
    key_type: int
    public_key: bytes

    @property
    def key_id(self) -> bytes:
        """Return this key's 4-byte ID."""
        return key_id(self.name, self.key_type, self.public_key)

    @property
    def vkey(self) -> str:
        """Return the verifier key string `<name>+<hex id>+<base64(type ‖ key)>`."""
        return (
            f"{self.name}+{self.key_id.hex()}+{b64encode(bytes([self.key_type]) + self.public_key)}"
        )

    def verify(self, message: bytes, signature: bytes) -> bool:
        """Tell whether `signature` is this key's Ed25519 signature of `message`."""
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


def parse_vkey(vkey: str) -> Verifier:
    """Parse a verifier key, splitting on the first two '+' only, and check its key ID.

    Raises:
        LogFormatError: malformed, unknown type, wrong length or mismatched key ID.
    """
    parts = vkey.strip().split("+", 2)
    if len(parts) != 3 or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
        raise LogFormatError(f"{vkey[:60]!r} is not a verifier key name+id+key")
    raw = b64(parts[2])
    if len(raw) != 33 or raw[0] not in TYPES:
        raise LogFormatError("only Ed25519 (0x01) and cosignature/v1 (0x04) keys are supported")
    verifier = Verifier(name=check_name(parts[0]), key_type=raw[0], public_key=raw[1:])
    if verifier.key_id.hex() != parts[1]:
        raise LogFormatError(f"the key ID of {parts[0]} does not match its key")
    return verifier


@dataclass(frozen=True, slots=True)
class Signer:
    """A private Ed25519 key with its name and signature type."""

    name: str
    key_type: int
    seed: bytes

    @classmethod
    def generate(cls, name: str, key_type: int = ED25519) -> Signer:
        """Create a new random key."""
        private = Ed25519PrivateKey.generate()
        seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(name=check_name(name), key_type=key_type, seed=seed)

    @property
    def verifier(self) -> Verifier:
        """Return the matching public key."""
        public = Ed25519PrivateKey.from_private_bytes(self.seed).public_key()
        return Verifier(
            self.name, self.key_type, public.public_bytes(Encoding.Raw, PublicFormat.Raw)
        )

    def sign(self, message: bytes) -> bytes:
        """Return the 64-byte Ed25519 signature of `message`."""
        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)

    def private_key_text(self) -> str:
        """Return the Go-format private key: `PRIVATE+KEY+<name>+<hex id>+base64(type ‖ seed)`."""
        identifier = self.verifier.key_id.hex()
        return (
            f"PRIVATE+KEY+{self.name}+{identifier}+{b64encode(bytes([self.key_type]) + self.seed)}"
        )


def parse_private_key(text: str) -> Signer:
    """Parse a Go-format private key file and check its key ID.

    Raises:
        LogFormatError: malformed, unknown type or mismatched key ID.
    """
    parts = text.strip().split("+", 4)
    if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
        raise LogFormatError("not a PRIVATE+KEY+<name>+<id>+<key> private key")
    raw = b64(parts[4])
    if len(raw) != 33 or raw[0] not in TYPES:
        raise LogFormatError("the private key is not a 32-byte Ed25519 seed of a known type")
    signer = Signer(name=check_name(parts[2]), key_type=raw[0], seed=raw[1:])
    if signer.verifier.key_id.hex() != parts[3]:
        raise LogFormatError("the private key's ID does not match its key")
    return signer
