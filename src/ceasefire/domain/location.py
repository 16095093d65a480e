"""Where an incident happened: the place as written, the matched place, and its precision.

A report keeps the place name exactly as the reporter wrote it; a gazetteer match adds
coordinates and admin levels; a place the gazetteer does not know is still accepted, flagged
as unmatched and given a low precision rather than a guessed point. Public renders coarsen
the point to the precision the public may see (rounding, never refining). Must not import
anything outside the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ceasefire.domain.coding import WherePrecision
from ceasefire.domain.errors import InvalidInput

BORDER_UNSPECIFIED: Final = "border, unspecified side"
MAX_NAME: Final = 200


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place (coordinates in WGS 84 degrees)."""

    id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    precision: WherePrecision
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Location:
    """A checked incident location; `matched` is False for a place the gazetteer lacks."""

    as_written: str
    place_id: str
    name: str
    admin1: str
    country: str
    lat: float | None
    lon: float | None
    precision: WherePrecision
    matched: bool


def _check_point(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise InvalidInput("give both coordinates or neither", details={"field": "lat"})
    if lat is not None and not -90.0 <= lat <= 90.0:
        raise InvalidInput("latitude must be within ±90", details={"field": "lat"})
    if lon is not None and not -180.0 <= lon <= 180.0:
        raise InvalidInput("longitude must be within ±180", details={"field": "lon"})


def locate(
    *,
    as_written: str,
    place: Place | None,
    lat: float | None = None,
    lon: float | None = None,
    country: str = "",
    precision: WherePrecision | None = None,
) -> Location:
    """Check a reported location and fill it from the matched gazetteer `place`, if any.

    Without a match and without coordinates the precision is at least "region" (5): the
    name alone places nothing. Given coordinates always win over the gazetteer's.

    Raises:
        InvalidInput: no place name, match or country, an over-long name, half or impossible
            coordinates, or a country that contradicts the matched place.
    """
    written = " ".join(as_written.split())
    country = " ".join(country.split())
    if not written and not country and place is None:
        raise InvalidInput(
            "name the place as reported, or at least the country or border",
            details={"field": "place"},
        )
    if len(written) > MAX_NAME or len(country) > MAX_NAME:
        raise InvalidInput(
            f"place names are at most {MAX_NAME} characters", details={"field": "place"}
        )
    _check_point(lat, lon)
    if place is not None:
        if country and country != place.country:
            raise InvalidInput(
                f"{place.name} is in {place.country}, not {country}",
                details={"field": "country"},
            )
        has_point = lat is not None
        return Location(
            as_written=written or place.name,
            place_id=place.id,
            name=place.name,
            admin1=place.admin1 or "",
            country=place.country,
            lat=lat if has_point else place.lat,
            lon=lon if has_point else place.lon,
            precision=precision or place.precision,
            matched=True,
        )
    floor = WherePrecision.NEAR if lat is not None else WherePrecision.REGION
    chosen = precision or floor
    if chosen.code < floor.code:
        chosen = floor
    return Location(
        as_written=written,
        place_id="",
        name="",
        admin1="",
        country=country,
        lat=lat,
        lon=lon,
        precision=chosen,
        matched=False,
    )


def coarse_point(
    lat: float | None, lon: float | None, precision: WherePrecision
) -> tuple[float | None, float | None]:
    """Round a point to what `precision` claims: 0.01° near a point, 0.1° for a district,
    whole degrees for anything coarser, so a public map never shows more than is public."""
    if lat is None or lon is None:
        return None, None
    if precision in (WherePrecision.EXACT, WherePrecision.NEAR):
        digits = 2
    elif precision is WherePrecision.ADM2:
        digits = 1
    else:
        digits = 0
    return round(lat, digits), round(lon, digits)
