"""Which extractor read an article."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources


@cache
def version() -> str:
    """A fingerprint of the extractor: the SHA-256 of its rules and lexicons (the modules and
    data files of `ceasefire.news`), cut to 12 hex digits.

    Stored on every article it reads and logged with it, so the reader's record can be split
    by the reader that made the proposals, and anyone holding the log can tell which rules
    proposed what. Any change to the extractor changes it; there is no number to bump.
    """
    digest = hashlib.sha256()
    files = resources.files("ceasefire.news")
    for name in sorted(entry.name for entry in files.iterdir()):
        if name.endswith((".py", ".json")):
            digest.update(name.encode() + b"\0" + files.joinpath(name).read_bytes() + b"\0")
    return digest.hexdigest()[:12]
