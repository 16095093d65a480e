"""The actor registry's rules: normalised actors with aliases, coded like ACLED.

Reports name actors as their authors do ("Fitna al-Khawarij", "TTP", "Pakistani Taliban");
the registry maps every alias to one normalised actor so that counts and duplicates line up,
while each report keeps the name exactly as written. Actors carry no direction and no blame
(mechanism.md §7.1): blame lives in allegations and findings. Must not import anything outside
the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final, TypeVar

from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.names import fold


class ActorKind(StrEnum):
    """ACLED's actor types; `inter` gives ACLED's `inter` code 1–8."""

    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_OTHER = "external_other"

    @property
    def inter(self) -> int:
        """Return ACLED's `inter` code."""
        return _INTER[self]


_INTER: Final[Mapping[ActorKind, int]] = MappingProxyType(
    {kind: code for code, kind in enumerate(ActorKind, start=1)}
)

T = TypeVar("T")

_CODE = re.compile(r"[A-Z][A-Z0-9_-]{1,23}")
MAX_NAME: Final = 200


def check_actor(*, code: str, name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """Check a new actor's code, name and aliases; return the aliases folded, deduplicated.

    Raises:
        InvalidInput: a malformed code, an empty or over-long name or alias.
    """
    if not _CODE.fullmatch(code):
        raise InvalidInput(
            "an actor code is 2–24 capital letters, digits, '-' or '_' (e.g. TTP)",
            details={"field": "code"},
        )
    if not name.strip() or len(name) > MAX_NAME:
        raise InvalidInput(
            f"the name is required (at most {MAX_NAME} characters)", details={"field": "name"}
        )
    folded: dict[str, None] = {fold(name): None}
    for alias in aliases:
        key = fold(alias)
        if not key or len(alias) > MAX_NAME:
            raise InvalidInput(
                f"an alias is 1–{MAX_NAME} characters with a letter or digit",
                details={"field": "aliases", "alias": alias},
            )
        folded[key] = None
    return tuple(folded)


def resolve(as_written: str, registry: Mapping[str, T]) -> T | None:
    """Return the registry's actor (code or id) whose folded alias is `as_written`, if any."""
    return registry.get(fold(as_written))
