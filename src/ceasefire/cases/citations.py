"""Evidence cited by findings and replies: each reference names a stored item, `evidence:<id>`.

The evidence locker is its own app; citations are checked against it when it is installed,
so a finding never cites an item that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.apps import apps

from ceasefire.domain.errors import InvalidInput

_REFERENCE = re.compile(r"evidence:([1-9][0-9]{0,17})")
MAX_CITATIONS = 200


def check_citations(references: Sequence[str]) -> tuple[str, ...]:
    """Return the references, deduplicated in order, after checking each names a stored item.

    Raises:
        InvalidInput: a malformed reference, too many, or an item that does not exist.
    """
    cleaned = tuple(dict.fromkeys(r.strip() for r in references if r.strip()))
    if len(cleaned) > MAX_CITATIONS:
        raise InvalidInput(f"cite at most {MAX_CITATIONS} items", details={"field": "evidence"})
    ids = []
    for reference in cleaned:
        match = _REFERENCE.fullmatch(reference)
        if match is None:
            raise InvalidInput(
                f"cite evidence as evidence:<id>, not {reference!r}", details={"field": "evidence"}
            )
        ids.append(int(match[1]))
    if ids and apps.is_installed("ceasefire.evidence"):
        item = apps.get_model("evidence", "EvidenceItem")
        found = set(item.objects.filter(pk__in=ids).values_list("pk", flat=True))
        missing = [f"evidence:{i}" for i in ids if i not in found]
        if missing:
            raise InvalidInput(
                f"no such evidence: {', '.join(missing)}", details={"field": "evidence"}
            )
    return cleaned
