"""Sign checkpoints, collect the stakeholder witnesses' cosignatures, and build receipts.

Publishing is the log's own output, not a domain write, so it appends no entry: the signed
checkpoint is itself the commitment. The publisher never signs a tree that is not consistent
with its last signed checkpoint, and contacts witnesses outside any database transaction.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ceasefire.ledger import keyring
from ceasefire.ledger.models import Checkpoint, Cosignature, LogState
from ceasefire.ledger.selectors import checkpoint_text
from ceasefire.ledger.store import DatabaseNodes
from ceasefire.tlog import checkpoint as checkpoints
from ceasefire.tlog import merkle, note, receipt, strict, witness
from ceasefire.tlog.errors import TlogError
from ceasefire.witnessd import FileWitness

TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class Published:
    """What one publishing round did."""

    checkpoint: Checkpoint
    new: bool
    cosigned_by: tuple[str, ...]
    refused: tuple[str, ...]


def _sign(size: int) -> tuple[Checkpoint, bool]:
    with transaction.atomic():
        LogState.objects.bulk_create([LogState(id=1)], ignore_conflicts=True)
        state = LogState.objects.select_for_update().get(id=1)
        if size < 0:
            size = state.size
        last = Checkpoint.objects.order_by("-size").first()
        if last is not None and last.size >= size:
            return last, False
        store = DatabaseNodes()
        root = merkle.root_from_store(store, size)
        if last is not None:
            proof = merkle.consistency_proof_from_store(store, last.size, size)
            merkle.verify_consistency(last.size, size, proof, bytes(last.root_hash), root)
        signer = keyring.log_signer()
        text = checkpoints.Checkpoint(settings.LOG_ORIGIN, size, root).text()
        signed = note.sign(text, [signer])
        return Checkpoint.objects.create(
            size=size, root_hash=root, note=signed, signed_at=timezone.now()
        ), True


def _post(target: str, body: str) -> tuple[int, str]:
    if target.startswith("local:"):
        key_file = Path(target.removeprefix("local:"))
        local = FileWitness(
            key_file=key_file,
            state_file=key_file.with_suffix(".state"),
            logs={settings.LOG_ORIGIN: [keyring.log_signer().verifier]},
        )
        response = local.add_checkpoint(body, now=int(time.time()))
        return response.status, response.body
    if not target.startswith(("https://", "http://")):
        return 0, f"witness target {target!r} is neither local: nor an http(s) URL"
    url = target.rstrip("/") + "/add-checkpoint"
    request = urllib.request.Request(url, data=body.encode(), method="POST")  # noqa: S310  # scheme checked above
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as reply:  # noqa: S310  # scheme checked above
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return 0, str(error)


def _cosign(checkpoint: Checkpoint, entry: keyring.WitnessEntry) -> str | None:
    """Ask one witness to cosign; return its signature line, or None if it refused."""
    if checkpoint.cosignatures.filter(witness=entry.verifier.name).exists():
        return None
    last = (
        Cosignature.objects.filter(witness=entry.verifier.name)
        .order_by("-checkpoint__size")
        .first()
    )
    old = last.checkpoint.size if last else 0
    for _attempt in range(2):
        proof = (
            merkle.consistency_proof_from_store(DatabaseNodes(), old, checkpoint.size)
            if old
            else []
        )
        status, body = _post(entry.target, witness.format_request(old, proof, checkpoint.note))
        if status == 409 and body.strip().isdigit():
            old = strict.decimal(
                body.strip()
            )  # the witness remembers a different size: retry from it
            continue
        break
    if status != 200:
        return None
    for line in body.splitlines(keepends=True):
        try:
            note.verify(_with(checkpoint.note, line), [entry.verifier])
        except TlogError:
            continue  # a line that is not this witness's valid cosignature is not stored
        return line
    return None


def _with(signed: str, line: str) -> str:
    return signed + (line if line.endswith("\n") else line + "\n")


def publish_checkpoint(*, size: int = -1) -> Published:
    """Sign a checkpoint for the current size (if it grew) and collect cosignatures."""
    checkpoint, new = _sign(size)
    configured = keyring.witnesses()
    cosigned, refused = [], []
    for entry in configured:
        line = _cosign(checkpoint, entry)
        if line is not None:
            Cosignature.objects.create(
                checkpoint=checkpoint,
                witness=entry.verifier.name,
                line=line,
                received_at=timezone.now(),
            )
            cosigned.append(entry.name)
        elif not checkpoint.cosignatures.filter(witness=entry.verifier.name).exists():
            refused.append(entry.name)
    names = keyring.policy().witness_names(
        checkpoint.cosignatures.values_list("witness", flat=True)
    )
    witnessed = keyring.policy().satisfied(names)
    if witnessed != checkpoint.witnessed:
        Checkpoint.objects.filter(pk=checkpoint.pk).update(witnessed=witnessed)
        checkpoint.refresh_from_db()
    return Published(checkpoint, new, tuple(cosigned), tuple(refused))


def receipt_for(index: int, checkpoint: Checkpoint) -> str:
    """Build the tlog-proof receipt of entry `index` under a (witnessed) checkpoint."""
    proof = merkle.inclusion_proof_from_store(DatabaseNodes(), index, checkpoint.size)
    return receipt.build(index, proof, checkpoint_text(checkpoint))
