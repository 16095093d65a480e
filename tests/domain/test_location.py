"""Locations: gazetteer matches, unknown places, coarsening; names and actors fold alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.actors import ActorKind, check_actor, resolve
from ceasefire.domain.coding import WherePrecision
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.location import Place, coarse_point, locate
from ceasefire.domain.names import fold

TORKHAM = Place(
    id="x:torkham",
    name="Torkham",
    kind="crossing",
    country="Pakistan-Afghanistan border",
    admin1="Khyber Pakhtunkhwa",
    lat=34.1,
    lon=71.1,
    precision=WherePrecision.EXACT,
)


def test_a_match_fills_the_place_and_keeps_the_name_as_written():
    location = locate(as_written="Torkham border", place=TORKHAM)
    assert (location.as_written, location.name, location.lat) == ("Torkham border", "Torkham", 34.1)
    assert location.matched and location.precision is WherePrecision.EXACT
    assert locate(as_written="", place=TORKHAM).as_written == "Torkham"


def test_given_coordinates_and_a_coarser_precision_win():
    location = locate(
        as_written="Torkham", place=TORKHAM, lat=34.0, lon=71.0, precision=WherePrecision.ADM2
    )
    assert (location.lat, location.lon, location.precision) == (34.0, 71.0, WherePrecision.ADM2)


def test_an_unknown_place_gets_a_low_precision_never_a_guessed_point():
    location = locate(as_written="Ghar Kalay", place=None, country="Pakistan")
    assert not location.matched and location.lat is None
    assert location.precision is WherePrecision.REGION
    refined = locate(as_written="x", place=None, precision=WherePrecision.EXACT)
    assert refined.precision is WherePrecision.REGION
    pointed = locate(as_written="x", place=None, lat=33.0, lon=70.0)
    assert pointed.precision is WherePrecision.NEAR
    assert locate(as_written="", place=None, country="Pakistan").precision is WherePrecision.REGION


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"as_written": " ", "place": None}, "name the place"),
        ({"as_written": "x" * 201, "place": None}, "at most 200"),
        ({"as_written": "x", "place": None, "lat": 1.0}, "both coordinates"),
        ({"as_written": "x", "place": None, "lat": 1.0, "lon": 181.0}, "longitude"),
        ({"as_written": "x", "place": None, "lat": -91.0, "lon": 1.0}, "latitude"),
        ({"as_written": "Torkham", "place": TORKHAM, "country": "India"}, "not India"),
    ],
)
def test_bad_locations_are_refused(kwargs, message):
    with pytest.raises(InvalidInput, match=message):
        locate(**kwargs)


def test_coarse_points_never_claim_more_than_their_precision():
    assert coarse_point(34.123, 71.987, WherePrecision.NEAR) == (34.12, 71.99)
    assert coarse_point(34.123, 71.987, WherePrecision.ADM2) == (34.1, 72.0)
    assert coarse_point(34.123, 71.987, WherePrecision.COUNTRY) == (34.0, 72.0)
    assert coarse_point(None, None, WherePrecision.EXACT) == (None, None)


@given(st.text())
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_folding_ignores_accents_case_and_punctuation():
    assert fold("Spīn Bōldak") == fold("SPIN-BOLDAK") == "spin boldak"


def test_actor_checks_and_alias_resolution():
    aliases = check_actor(code="TTP", name="Tehrik-i-Taliban Pakistan", aliases=["TTP", "ttp"])
    assert aliases == ("tehrik i taliban pakistan", "ttp")
    assert resolve("T.T.P.", {"t t p": 1}) == 1
    assert resolve("nobody", {"ttp": 1}) is None
    assert ActorKind.STATE_FORCES.inter == 1 and ActorKind.EXTERNAL_OTHER.inter == 8
    for kwargs, message in [
        ({"code": "ttp", "name": "x", "aliases": []}, "actor code"),
        ({"code": "TTP", "name": " ", "aliases": []}, "name is required"),
        ({"code": "TTP", "name": "x", "aliases": ["--"]}, "an alias"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            check_actor(**kwargs)
