"""The `ceasefire` command line.

Every sub-command is a Django management command run against the configured database, with dashes
accepted for underscores (`ceasefire load-demo` = `manage.py load_demo`).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run a Django management command against the configured database."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ceasefire.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ceasefire", *args])
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
