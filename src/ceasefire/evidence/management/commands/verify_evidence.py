"""`ceasefire verify-evidence`: re-hash every stored item and compare it with the log."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ceasefire.evidence.verification import verify_items


class Command(BaseCommand):
    help = "Re-hash stored evidence; exit non-zero if any item no longer matches the log."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, problems = 0, []
        for _, problem in verify_items():
            checked += 1
            if problem is not None:
                problems.append(problem)
                self.stderr.write(f"MISMATCH {problem}")
        if problems:
            raise CommandError(f"{len(problems)} of {checked} evidence items do not match the log")
        self.stdout.write(f"{checked} evidence items match the log")
