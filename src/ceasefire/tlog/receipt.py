"""Receipts (tlog-proof v1): an inclusion path plus the cosigned checkpoint it leads to.

    c2sp.org/tlog-proof@v1
    index <i>
    <base64 hash>…        (bottom-up inclusion path)
    <blank line>
    <signed, cosigned checkpoint>

Anyone holding a record's bytes, its receipt and the policy can check, offline, that the
record is in the log the stakeholders' witnesses saw. Must not import `cryptography`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ceasefire.tlog import checkpoint as checkpoints
from ceasefire.tlog import merkle, note, strict
from ceasefire.tlog.errors import LogFormatError, SignatureError
from ceasefire.tlog.policy import Policy

HEADER = "c2sp.org/tlog-proof@v1"


@dataclass(frozen=True, slots=True)
class Receipt:
    """A parsed receipt."""

    index: int
    proof: tuple[bytes, ...]
    checkpoint: str

    def format(self) -> str:
        """Return the receipt text."""
        path = "".join(strict.b64encode(h) + "\n" for h in self.proof)
        return f"{HEADER}\nindex {self.index}\n{path}\n{self.checkpoint}"


def build(index: int, proof: Sequence[bytes], signed_checkpoint: str) -> str:
    """Return the receipt text for entry `index`."""
    return Receipt(index, tuple(proof), signed_checkpoint).format()


def parse(text: str) -> Receipt:
    """Parse a receipt strictly (no `extra` line is accepted from us, but one is tolerated).

    Raises:
        LogFormatError: anything off.
    """
    head, separator, signed = text.partition("\n\n")
    lines = head.split("\n")
    if not separator or lines[0] != HEADER:
        raise LogFormatError(
            f"a receipt starts with {HEADER!r} and has a blank line before the checkpoint"
        )
    rest = lines[1:]
    if rest and rest[0].startswith("extra "):
        strict.b64(rest[0][6:])
        rest = rest[1:]
    if not rest or not rest[0].startswith("index "):
        raise LogFormatError("a receipt names its entry with one 'index' line")
    proof = tuple(strict.b64(line, length=32) for line in rest[1:])
    note.parse(signed)
    return Receipt(strict.decimal(rest[0][6:]), proof, signed)


@dataclass(frozen=True, slots=True)
class Verified:
    """What a receipt proved."""

    index: int
    origin: str
    size: int
    root: bytes
    cosigners: tuple[str, ...]


def verify(text: str, leaf: bytes, policy: Policy) -> Verified:
    """Check a receipt for `leaf` against a trust policy.

    Raises:
        LogFormatError: the receipt is malformed.
        SignatureError: the log did not sign, or the witness quorum is not met.
        ProofError: the leaf is not at that index under that root.
    """
    receipt = parse(text)
    _, signed_by = note.verify(receipt.checkpoint, [policy.log, *policy.witnesses.values()])
    names = {key.name for key in signed_by}
    if policy.log.name not in names:
        raise SignatureError("the log's own key did not sign the checkpoint")
    parsed = checkpoints.parse(note.parse(receipt.checkpoint).text)
    if parsed.origin != policy.log.name:
        raise SignatureError(f"the checkpoint is for {parsed.origin}, not {policy.log.name}")
    cosigners = policy.witness_names(names)
    if not policy.satisfied(cosigners):
        raise SignatureError(
            f"the witness quorum is not met: cosigned by {sorted(cosigners) or 'none'}"
        )
    merkle.verify_inclusion(
        merkle.leaf_hash(leaf), receipt.index, parsed.size, receipt.proof, parsed.root
    )
    return Verified(
        receipt.index, parsed.origin, parsed.size, parsed.root, tuple(sorted(cosigners))
    )
