"""The `ceasefire` command line.

`ceasefire verify …` runs the offline verifier (Python and `cryptography` only; Django is not
imported), except `ceasefire verify evidence`, which re-hashes the stored evidence files
against the database and the log; `ceasefire witness …` runs a stakeholder's witness;
`ceasefire extract …` proposes candidates from news articles. Every other sub-command is a
Django management command run against the configured database, with dashes accepted for
underscores (`ceasefire load-demo` = `manage.py load_demo`).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the offline verifier, or a Django management command against the database."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:2] == ["verify", "evidence"]:
        # Re-hashing stored evidence needs the database: the one verify that uses Django.
        args = ["verify_evidence", *args[2:]]
    elif args and args[0] == "verify":
        from ceasefire import verifier

        return verifier.main(args[1:])
    if args and args[0] == "extract":
        from ceasefire.news import cli as news

        return news.main(args)
    if args and args[0] == "witness":
        from ceasefire import witnessd

        return witnessd.main(args[1:])
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ceasefire.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ceasefire", *args])
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
