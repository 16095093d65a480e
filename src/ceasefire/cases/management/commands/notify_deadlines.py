"""`ceasefire notify-deadlines`: notify closed or closing reply windows and overdue work."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ceasefire.cases.deadlines import sweep


class Command(BaseCommand):
    help = "Notify reply windows that closed or close within 24 h, and overdue investigations."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            sent = sweep(timezone.now())
        self.stdout.write(f"{sent} notification(s) sent")
