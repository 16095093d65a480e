"""`manage.py load_demo`: load the Doha/Istanbul scenario and print the demo logins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ceasefire.demo import scenario
from ceasefire.ledger.correlation import correlation_scope


class Command(BaseCommand):
    help = "Load the Doha/Istanbul demo scenario (idempotent) and print one login per role."

    def handle(self, *args: Any, **options: Any) -> None:
        with correlation_scope():
            people = scenario.load()
        self.stdout.write(f"Demo logins (password for all: {scenario.DEMO_PASSWORD}):")
        for username, user in people.items():
            org = user.organisation.code if user.organisation else "-"
            self.stdout.write(f"  {username:<22} {user.role.replace('_', ' '):<16} {org}")
