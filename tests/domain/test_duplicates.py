"""Suggested duplicates: same time window, nearby place, same type; deterministic order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.coding import IncidentType
from ceasefire.domain.duplicates import (
    IncidentSketch,
    Suggestion,
    gap_days,
    haversine_km,
    pair_score,
    suggest_duplicates,
)
from ceasefire.domain.errors import InvalidInput

D = date
T = IncidentType
CHAMAN = (30.9210, 66.4597)
SPIN_BOLDAK = (31.0051, 66.3977)  # about 11 km from Chaman, across the border
TORKHAM = (34.1136, 71.0939)
DAY0 = D(2025, 10, 12)


def sketch(
    id_: str,
    start: date = DAY0,
    end: date | None = None,
    where: tuple[float, float] | None = CHAMAN,
    place_key: str | None = None,
    incident_type: IncidentType = T.CROSS_BORDER_FIRE,
) -> IncidentSketch:
    lat, lon = where if where is not None else (None, None)
    return IncidentSketch(id_, start, end, lat, lon, place_key, incident_type)


TARGET = sketch("target")


def test_haversine_known_distances():
    assert haversine_km(*CHAMAN, *CHAMAN) == 0.0
    assert 10.0 < haversine_km(*CHAMAN, *SPIN_BOLDAK) < 12.0
    assert 550 < haversine_km(*CHAMAN, *TORKHAM) < 570
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=0.5)


def test_gap_days():
    assert gap_days(TARGET, sketch("a", D(2025, 10, 12))) == 0
    assert gap_days(TARGET, sketch("a", D(2025, 10, 10), D(2025, 10, 13))) == 0
    assert gap_days(TARGET, sketch("a", D(2025, 10, 14))) == 2
    assert gap_days(sketch("a", D(2025, 10, 8), D(2025, 10, 10)), TARGET) == 2


def test_same_day_same_point_same_type_scores_one():
    assert suggest_duplicates(TARGET, [sketch("a")]) == [
        Suggestion("a", 1.0, ("dates overlap", "0.0 km apart", "same type (cross_border_fire)"))
    ]


def test_nearby_across_the_border_a_day_later():
    [suggestion] = suggest_duplicates(TARGET, [sketch("a", D(2025, 10, 13), where=SPIN_BOLDAK)])
    assert suggestion.id == "a"
    assert suggestion.reasons[0] == "1 day(s) apart"
    assert suggestion.reasons[1].endswith("km apart")
    assert 0.6 < suggestion.score < 0.9


def test_other_type_is_suggested_with_a_lower_score():
    [suggestion] = suggest_duplicates(TARGET, [sketch("a", incident_type=T.SHELLING_ARTILLERY)])
    assert suggestion.score == pytest.approx(2 / 3, abs=0.001)
    assert len(suggestion.reasons) == 2


def test_outside_the_window_or_far_away_is_not_suggested():
    candidates = [
        sketch("late", D(2025, 10, 15)),
        sketch("far", where=TORKHAM),
        sketch("no-place", where=None),
    ]
    assert suggest_duplicates(TARGET, candidates) == []
    assert [s.id for s in suggest_duplicates(TARGET, candidates, window_days=3)] == ["late"]
    assert [s.id for s in suggest_duplicates(TARGET, candidates, radius_km=600)] == ["far"]


def test_place_key_when_coordinates_are_missing():
    target = sketch("t", where=None, place_key="PK-BA-QLA-chaman")
    same = sketch("a", place_key="PK-BA-QLA-chaman")
    other = sketch("b", where=None, place_key="AF-KAN-spin-boldak")
    unkeyed = sketch("c", where=None)
    result = suggest_duplicates(target, [same, other, unkeyed])
    assert [(s.id, s.reasons[1]) for s in result] == [("a", "same place (PK-BA-QLA-chaman)")]
    assert suggest_duplicates(unkeyed, [sketch("d", where=None)]) == []


def test_ordering_is_score_then_id_and_the_target_is_skipped():
    candidates = [
        sketch("c"),
        sketch("b", D(2025, 10, 13)),
        sketch("a"),
        TARGET,
        sketch("a", D(2025, 10, 14)),
    ]
    result = suggest_duplicates(TARGET, candidates)
    assert [(s.id, s.score) for s in result] == [("a", 1.0), ("c", 1.0), ("b", 0.889)]


def test_invalid_limits_are_refused():
    with pytest.raises(InvalidInput, match="window cannot be negative"):
        suggest_duplicates(TARGET, [], window_days=-1)
    with pytest.raises(InvalidInput, match="radius must be positive"):
        suggest_duplicates(TARGET, [], radius_km=0)
    with pytest.raises(InvalidInput, match="radius must be positive"):
        pair_score(TARGET, TARGET, radius_km=float("nan"))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date_end": D(2025, 10, 11)}, "before the start"),
        ({"lon": None}, "both coordinates"),
        ({"lat": 91.0}, "latitude"),
        ({"lon": -180.5}, "longitude"),
    ],
)
def test_invalid_sketches_are_refused(kwargs, message):
    fields: dict[str, object] = {
        "id": "x",
        "date_start": D(2025, 10, 12),
        "date_end": None,
        "lat": 30.0,
        "lon": 66.0,
        "place_key": None,
        "incident_type": T.OTHER,
    }
    fields.update(kwargs)
    with pytest.raises(InvalidInput, match=message):
        IncidentSketch(**fields)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------------------


@st.composite
def sketches(draw: st.DrawFn) -> IncidentSketch:
    lat = draw(st.none() | st.floats(30.0, 30.5))
    return IncidentSketch(
        id=draw(st.text(alphabet="abcdef", min_size=1, max_size=3)),
        date_start=draw(st.dates(min_value=D(2025, 10, 1), max_value=D(2025, 10, 10))),
        date_end=None,
        lat=lat,
        lon=None if lat is None else draw(st.floats(65.8, 66.2)),
        place_key=draw(st.none() | st.sampled_from(["chaman", "torkham"])),
        incident_type=draw(st.sampled_from([T.CROSS_BORDER_FIRE, T.SHELLING_ARTILLERY])),
    )


@given(sketches(), sketches(), st.integers(0, 4), st.floats(1.0, 60.0))
def test_scores_are_symmetric(a, b, window_days, radius_km):
    ab = pair_score(a, b, window_days=window_days, radius_km=radius_km)
    ba = pair_score(b, a, window_days=window_days, radius_km=radius_km)
    assert (ab is None) == (ba is None)
    if ab is not None and ba is not None:
        assert ab.score == ba.score
        assert 0.0 <= ab.score <= 1.0


@given(sketches(), st.lists(sketches(), max_size=8), st.randoms(use_true_random=False))
def test_suggestions_are_deterministic_and_ordered(target, candidates, rnd):
    result = suggest_duplicates(target, candidates)
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    assert [(s.id, s.score) for s in suggest_duplicates(target, shuffled)] == [
        (s.id, s.score) for s in result
    ]
    assert [(-s.score, s.id) for s in result] == sorted((-s.score, s.id) for s in result)
    assert len({s.id for s in result}) == len(result)
    assert target.id not in {s.id for s in result}


@given(sketches(), st.integers(0, 5))
def test_a_wider_window_never_loses_a_suggestion(a, shift):
    b = IncidentSketch(
        "other",
        a.date_start + timedelta(days=shift),
        None,
        a.lat,
        a.lon,
        a.place_key,
        a.incident_type,
    )
    narrow = pair_score(a, b, window_days=shift)
    wide = pair_score(a, b, window_days=shift + 1)
    if narrow is not None:
        assert wide is not None
