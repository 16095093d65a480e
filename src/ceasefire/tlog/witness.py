"""The witness's decisions (tlog-witness v1.0.0), as a pure function of request and state.

A witness cosigns a checkpoint only if the log signed it and it is consistent with the
largest tree the witness cosigned before for that origin; it then remembers the new tree. The
caller persists the returned state atomically before answering (see `ceasefire.witnessd`).
Must not import Django or `cryptography`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ceasefire.tlog import checkpoint as checkpoints
from ceasefire.tlog import merkle, note, strict
from ceasefire.tlog.cosignature import cosign
from ceasefire.tlog.errors import LogFormatError, ProofError, SignatureError

MAX_PROOF_LINES = 63
SIZE_TYPE = "text/x.tlog.size"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True, slots=True)
class TreeSeen:
    """The largest tree a witness has cosigned for one origin."""

    size: int
    root: bytes


@dataclass(frozen=True, slots=True)
class Response:
    """What the witness answers, and its state afterwards."""

    status: int
    body: str
    content_type: str
    state: Mapping[str, TreeSeen]


@dataclass(frozen=True, slots=True)
class Request:
    """A parsed add-checkpoint request."""

    old_size: int
    proof: tuple[bytes, ...]
    checkpoint: str


def parse_request(body: str) -> Request:
    """Parse `old <size>`, proof lines, a blank line, then the signed checkpoint.

    Raises:
        LogFormatError: anything else.
    """
    head, separator, signed = body.partition("\n\n")
    lines = head.split("\n")
    if not separator or not lines[0].startswith("old "):
        raise LogFormatError(
            "the request starts with 'old <size>' and proof lines, then a blank line"
        )
    if len(lines) - 1 > MAX_PROOF_LINES:
        raise LogFormatError(f"a consistency proof has at most {MAX_PROOF_LINES} lines")
    proof = tuple(strict.b64(line, length=32) for line in lines[1:])
    return Request(strict.decimal(lines[0][4:]), proof, signed)


def format_request(old_size: int, proof: Sequence[bytes], signed_checkpoint: str) -> str:
    """Build an add-checkpoint request body."""
    return "".join(
        [f"old {old_size}\n", *(strict.b64encode(h) + "\n" for h in proof), "\n", signed_checkpoint]
    )


def add_checkpoint(
    body: str,
    *,
    logs: Mapping[str, Sequence[note.KeyLike]],
    state: Mapping[str, TreeSeen],
    signer: note.SignerLike,
    now: int,
) -> Response:
    """Decide on an add-checkpoint request, in the order the protocol fixes."""

    def answer(status: int, text: str, content_type: str = TEXT) -> Response:
        return Response(status, text, content_type, state)

    try:
        request = parse_request(body)
        text = note.parse(request.checkpoint).text
        parsed = checkpoints.parse(text)
    except LogFormatError as error:
        return answer(400, f"malformed request: {error}\n")
    if parsed.origin not in logs:
        return answer(404, "unknown log origin\n")
    try:
        note.verify(request.checkpoint, logs[parsed.origin])
    except (SignatureError, LogFormatError) as error:
        return answer(403, f"{error}\n")
    if request.old_size > parsed.size:
        return answer(400, "old size is larger than the checkpoint size\n")
    seen = state.get(parsed.origin, TreeSeen(0, merkle.EMPTY_ROOT))
    if request.old_size != seen.size:
        return answer(409, f"{seen.size}\n", SIZE_TYPE)
    if parsed.size == 0 and parsed.root != merkle.EMPTY_ROOT:
        return answer(422, 'an empty tree has root H("")\n')
    if request.old_size == 0 and request.proof:
        return answer(422, "a proof from size 0 must be empty\n")
    try:
        merkle.verify_consistency(
            request.old_size, parsed.size, request.proof, seen.root, parsed.root
        )
    except ProofError as error:
        return answer(422, f"not consistent with the tree this witness saw: {error}\n")
    signature = cosign(signer, text, now)
    new_state = {**state, parsed.origin: TreeSeen(parsed.size, parsed.root)}
    return Response(200, signature.line(), TEXT, new_state)
