"""Suggested duplicates for the triage queue: same time window, nearby place, same type.

Only a suggestion: a monitor decides, and a record marked as a duplicate stays, linked. A
candidate is suggested when its dates come within `window_days` of the target's (the gap
between the two spans, zero if they overlap) and it is nearby: within `radius_km` by great-circle
distance when both have coordinates, or the same place key when either lacks them. The score,
in [0, 1] and rounded to 3 places, is the mean of three parts: time (1 when the spans overlap,
falling linearly with the gap), place (1 at the same point or place key, falling linearly to 0
at the radius) and type (1 when the incident types match, else 0). It depends only on the pair,
so it is symmetric. Suggestions come best first, ties by id. Must not import anything outside
the standard library.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ceasefire.domain.coding import IncidentType
from ceasefire.domain.errors import InvalidInput

EARTH_RADIUS_KM = 6371.0088  # IUGG mean Earth radius


@dataclass(frozen=True, slots=True)
class IncidentSketch:
    """What duplicate detection needs of an incident (date_end None: a one-day incident)."""

    id: str
    date_start: date
    date_end: date | None
    lat: float | None
    lon: float | None
    place_key: str | None
    incident_type: IncidentType

    def __post_init__(self) -> None:
        """Refuse an inverted span and half or impossible coordinates.

        Raises:
            InvalidInput: the end is before the start, only one coordinate is given, or a
                coordinate is out of range.
        """
        if self.date_end is not None and self.date_end < self.date_start:
            raise InvalidInput("the end date is before the start date", details={"id": self.id})
        if (self.lat is None) != (self.lon is None):
            raise InvalidInput("give both coordinates or neither", details={"id": self.id})
        if self.lat is not None and not -90.0 <= self.lat <= 90.0:
            raise InvalidInput("latitude must be within ±90", details={"lat": self.lat})
        if self.lon is not None and not -180.0 <= self.lon <= 180.0:
            raise InvalidInput("longitude must be within ±180", details={"lon": self.lon})

    @property
    def last_day(self) -> date:
        """Return the last day of the incident."""
        return self.date_end or self.date_start


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate duplicate: its id, score in [0, 1], and why it was suggested."""

    id: str
    score: float
    reasons: tuple[str, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres between two points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = math.radians(lat2 - lat1)
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def gap_days(a: IncidentSketch, b: IncidentSketch) -> int:
    """Return the days between two incidents' spans, 0 if they overlap or touch the same day."""
    return max(0, (a.date_start - b.last_day).days, (b.date_start - a.last_day).days)


def _check_limits(window_days: int, radius_km: float) -> None:
    if window_days < 0:
        raise InvalidInput("the window cannot be negative", details={"window_days": window_days})
    if not radius_km > 0:
        raise InvalidInput("the radius must be positive", details={"radius_km": radius_km})


def _place(a: IncidentSketch, b: IncidentSketch, radius_km: float) -> tuple[float, str] | None:
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if distance > radius_km:
            return None
        return 1.0 - distance / radius_km, f"{distance:.1f} km apart"
    if a.place_key is not None and a.place_key == b.place_key:
        return 1.0, f"same place ({a.place_key})"
    return None


def pair_score(
    a: IncidentSketch, b: IncidentSketch, *, window_days: int = 2, radius_km: float = 25.0
) -> Suggestion | None:
    """Score `b` as a duplicate of `a`, or return None when it is outside the window or far.

    Raises:
        InvalidInput: `window_days` is negative or `radius_km` is not positive.
    """
    _check_limits(window_days, radius_km)
    gap = gap_days(a, b)
    if gap > window_days:
        return None
    place = _place(a, b, radius_km)
    if place is None:
        return None
    place_part, place_reason = place
    time_part = 1.0 - gap / (window_days + 1)
    time_reason = "dates overlap" if gap == 0 else f"{gap} day(s) apart"
    reasons = [time_reason, place_reason]
    type_part = 0.0
    if a.incident_type is b.incident_type:
        type_part = 1.0
        reasons.append(f"same type ({a.incident_type})")
    score = round((time_part + place_part + type_part) / 3, 3)
    return Suggestion(id=b.id, score=score, reasons=tuple(reasons))


def suggest_duplicates(
    target: IncidentSketch,
    candidates: Iterable[IncidentSketch],
    *,
    window_days: int = 2,
    radius_km: float = 25.0,
) -> list[Suggestion]:
    """Suggest which candidates may duplicate `target`, best first, ties by id.

    Raises:
        InvalidInput: `window_days` is negative or `radius_km` is not positive.
    """
    _check_limits(window_days, radius_km)
    found: dict[str, Suggestion] = {}
    for candidate in candidates:
        if candidate.id == target.id:
            continue
        suggestion = pair_score(target, candidate, window_days=window_days, radius_km=radius_km)
        if suggestion is not None and (
            candidate.id not in found or suggestion.score > found[candidate.id].score
        ):
            found[candidate.id] = suggestion
    return sorted(found.values(), key=lambda s: (-s.score, s.id))
