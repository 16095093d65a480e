"""`ceasefire publish-checkpoint [--every SECONDS]`: sign the tree and collect cosignatures.

Without `--every` it publishes once (run it from the host's scheduler); with it, it keeps
publishing on that cadence (default CEASEFIRE_CHECKPOINT_INTERVAL), signing only when the log
grew, until stopped.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from ceasefire.ledger.publishing import publish_checkpoint


class Command(BaseCommand):
    help = (
        "Sign a checkpoint for the current log size and ask every configured witness to cosign it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            nargs="?",
            const=-1,
            default=None,
            metavar="SECONDS",
            help="keep publishing on this cadence (default: CEASEFIRE_CHECKPOINT_INTERVAL)",
        )
        parser.add_argument(
            "--rounds", type=int, default=0, help="with --every: stop after this many rounds"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every = options["every"]
        rounds = 0
        while True:
            self._publish_once()
            rounds += 1
            if every is None or rounds == options["rounds"]:
                return
            time.sleep(settings.CHECKPOINT_INTERVAL if every < 0 else every)

    def _publish_once(self) -> None:
        result = publish_checkpoint()
        checkpoint = result.checkpoint
        state = "witnessed" if checkpoint.witnessed else "NOT witnessed (quorum not met)"
        verb = "signed" if result.new else "unchanged"
        refused = f"; refused or unreachable: {', '.join(result.refused)}" if result.refused else ""
        self.stdout.write(
            f"checkpoint {verb} at size {checkpoint.size}: {state}; "
            f"cosigned now by {', '.join(result.cosigned_by) or 'none'}{refused}"
        )
