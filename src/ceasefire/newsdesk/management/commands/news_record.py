"""`ceasefire news-record`: how the news reader fared, judged by the monitors' decisions.

The same record as the desk's page and `GET /api/v1/news/record/`, for a scheduled report
or an analyst's shell: per kind of candidate, how many were accepted or dismissed, how many
reports and timeline facts citing the articles it missed, and how often each proposed field
stood as the monitor accepted it.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ceasefire.accounts.models import User
from ceasefire.domain.errors import DomainError
from ceasefire.newsdesk.reader import reader_record
from ceasefire.newsdesk.record import KindRecord


def _share(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)} %"


def _lines(kind: KindRecord) -> list[str]:
    lines = [
        f"{kind.kind}: {kind.proposed} proposed as new, {kind.accepted} accepted, "
        f"{kind.dismissed} dismissed, {kind.waiting} waiting "
        f"(accepted of decided {_share(kind.precision)}); records proposed as new "
        f"{kind.found}, only as background {kind.found_as_background}, missed "
        f"{'-' if kind.missed is None else kind.missed} (proposed of made {_share(kind.recall)})"
    ]
    lines += [
        f"  {f.field}: kept {f.kept} of {f.compared} ({_share(f.share)})" for f in kind.fields
    ]
    return lines


class Command(BaseCommand):
    help = "Print the news reader's record from the monitors' decisions on its candidates."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as", dest="username", required=True, help="reading user")
        parser.add_argument("--agreement", type=int, help="only articles read for this agreement")
        parser.add_argument("--reader", help="only articles read by this reader version")
        parser.add_argument("--json", action="store_true", help="the API's JSON shape")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {options['username']!r}")
        try:
            found = reader_record(
                user.as_actor(), agreement_id=options["agreement"], reader=options["reader"] or None
            )
        except DomainError as error:
            raise CommandError(error.message) from None
        if options["json"]:
            self.stdout.write(json.dumps(found.as_json(), indent=2))
            return
        self.stdout.write(f"{found.articles} article(s) read")
        for version, read in found.readers:
            self.stdout.write(f"  by reader {version or '(no fingerprint)'}: {read}")
        for kind in found.kinds:
            for line in _lines(kind):
                self.stdout.write(line)
