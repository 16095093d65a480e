"""Django field choices from the domain's enums, labelled in plain words."""

from __future__ import annotations

from enum import StrEnum


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Return `(value, label)` pairs, e.g. `("in_force", "in force")`."""
    return [(item.value, item.value.replace("_", " ")) for item in enum]
