"""`ceasefire init-log [--demo-witnesses]`: create the log key, witnesses and trust policy."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ceasefire.ledger import keyring


class Command(BaseCommand):
    help = "Create the log signing key (mode 0600) if missing, and write log.vkey and policy.txt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--demo-witnesses",
            action="store_true",
            help="also create four local stakeholder witnesses (PAK, AFG, QAT, TUR)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for line in keyring.initialise(demo_witnesses=options["demo_witnesses"]):
            self.stdout.write(line)
