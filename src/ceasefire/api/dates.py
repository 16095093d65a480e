"""The `as_of` query parameter: the day a computed status refers to (default: today, UTC)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from ceasefire.domain.errors import InvalidInput


def as_of_from(raw: str | None) -> date:
    """Parse an `as_of` date, defaulting to today.

    Raises:
        InvalidInput: the value is not an ISO date.
    """
    if not raw:
        return timezone.now().date()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            f"as_of {raw!r} is not a date (YYYY-MM-DD)", details={"field": "as_of"}
        ) from None
