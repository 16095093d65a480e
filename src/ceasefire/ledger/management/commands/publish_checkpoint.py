"""`ceasefire publish-checkpoint`: sign the current tree and collect witness cosignatures.

Production runs it from the host's scheduler every CEASEFIRE_CHECKPOINT_INTERVAL seconds.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ceasefire.ledger.publishing import publish_checkpoint


class Command(BaseCommand):
    help = (
        "Sign a checkpoint for the current log size and ask every configured witness to cosign it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = publish_checkpoint()
        checkpoint = result.checkpoint
        state = "witnessed" if checkpoint.witnessed else "NOT witnessed (quorum not met)"
        verb = "signed" if result.new else "unchanged"
        self.stdout.write(
            f"checkpoint {verb} at size {checkpoint.size}: {state}; "
            f"cosigned now by {', '.join(result.cosigned_by) or 'none'}"
            + (f"; refused or unreachable: {', '.join(result.refused)}" if result.refused else "")
        )
