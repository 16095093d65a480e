"""`ceasefire export-log DIR`: write the log as static tlog-tiles files, plus vkey and policy.

The directory can be hosted anywhere, and `ceasefire verify export DIR --policy policy.txt`
recomputes every leaf hash and the root from it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ceasefire.ledger import keyring, selectors
from ceasefire.ledger.tiles import hash_tile
from ceasefire.tlog import tiles


class Command(BaseCommand):
    help = "Export every entry, hash tile and the latest checkpoint as a tlog-tiles directory."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory")

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoint = selectors.latest_checkpoint()
        if checkpoint is None:
            raise CommandError(
                "no checkpoint has been signed yet: run `ceasefire publish-checkpoint`"
            )
        directory = Path(options["directory"])
        entries = selectors.entry_bytes(0, checkpoint.size)
        size = tiles.write_export(
            directory, entries, hash_tile, selectors.checkpoint_text(checkpoint)
        )
        for name in ("log.vkey", "policy.txt"):
            shutil.copyfile(keyring.key_dir() / name, directory / name)
        self.stdout.write(f"exported {size} entries to {directory}")
