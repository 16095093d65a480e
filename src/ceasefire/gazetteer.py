"""Offline place search over the gazetteer shipped with the project.

The data file (`ceasefire/news/gazetteer.json`, shared with the news extractor) lists the
provinces, districts, towns and border crossings of the region with approximate coordinates;
nothing is fetched at run time. Search folds case, accents and punctuation so that "spin
boldak", "Spīn Bōldak" and "Spin-Boldak" find the same place. Pure: no Django.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ceasefire.domain.coding import where_precision
from ceasefire.domain.errors import NotFound
from ceasefire.domain.location import Place
from ceasefire.domain.names import fold

MAX_RESULTS = 50


def _place(record: dict[str, object]) -> Place:
    aliases = record.get("aliases") or []
    admin1 = record.get("admin1")
    return Place(
        id=str(record["id"]),
        name=str(record["name"]),
        kind=str(record.get("kind", "")),
        country=str(record.get("country", "")),
        admin1=str(admin1) if admin1 else None,
        lat=float(str(record["lat"])),
        lon=float(str(record["lon"])),
        precision=where_precision(int(str(record.get("where_prec", 5)))),
        aliases=tuple(str(alias) for alias in aliases) if isinstance(aliases, list) else (),
    )


@cache
def places() -> dict[str, Place]:
    """Return every gazetteer place by id, in file order (loaded once per process)."""
    text = resources.files("ceasefire.news").joinpath("gazetteer.json").read_text("utf-8")
    records = json.loads(text)["places"]
    return {place.id: place for place in map(_place, records)}


@cache
def _names() -> list[tuple[str, bool, Place]]:
    """Every (folded name or alias, is the main name, place), for search."""
    names: list[tuple[str, bool, Place]] = []
    for place in places().values():
        names.append((fold(place.name), True, place))
        names.extend((fold(alias), False, place) for alias in place.aliases)
    return names


def get_place(place_id: str) -> Place:
    """Return the place with `place_id`.

    Raises:
        NotFound: the gazetteer has no such place.
    """
    place = places().get(place_id)
    if place is None:
        raise NotFound(f"the gazetteer has no place {place_id!r}", details={"field": "place_id"})
    return place


def search(query: str, *, limit: int = 10) -> list[Place]:
    """Return places whose name or alias matches `query`: exact, then prefix, then within."""
    wanted = fold(query)
    if not wanted:
        return []
    ranked: dict[str, tuple[int, int, str, Place]] = {}
    for name, main, place in _names():
        if name == wanted:
            rank = 0 if main else 1
        elif name.startswith(wanted):
            rank = 2
        elif f" {wanted}" in f" {name}":
            rank = 3
        else:
            continue
        key = (rank, len(name), place.name, place)
        if place.id not in ranked or key[:3] < ranked[place.id][:3]:
            ranked[place.id] = key
    ordered = sorted(ranked.values(), key=lambda item: item[:3])
    return [item[3] for item in ordered[: max(1, min(limit, MAX_RESULTS))]]


def match(name: str) -> Place | None:
    """Return the one place whose name or alias is exactly `name` (folded), if unambiguous."""
    wanted = fold(name)
    found = {place.id: place for folded, _, place in _names() if folded == wanted}
    return next(iter(found.values())) if len(found) == 1 else None
