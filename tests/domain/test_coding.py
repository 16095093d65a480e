"""Incident coding: taxonomy mapping, date and place precision, and Admiralty grades."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.coding import (
    ANONYMOUS_SOCIAL_MEDIA,
    STANDARD_CODING,
    UCDP_DATE_PREC,
    WHERE_MEANING,
    AcledEventType,
    DatePrecision,
    DateSpan,
    Grade,
    IncidentType,
    InformationCredibility,
    SourceReliability,
    UcdpViolence,
    WherePrecision,
    check_dates,
    coarsen,
    parse_grade,
    standard_coding,
    where_precision,
)
from ceasefire.domain.errors import InvalidInput

D = date
DAY, WEEK, MONTH = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH
W = WherePrecision

# --- taxonomy ---------------------------------------------------------------------------------


def test_every_incident_type_is_mapped():
    assert set(STANDARD_CODING) == set(IncidentType)
    assert len(IncidentType) == 13


@pytest.mark.parametrize(
    ("incident_type", "event_type", "sub_type", "ucdp"),
    [
        (IncidentType.ARMED_CLASH, AcledEventType.BATTLES, "Armed clash", 1),
        (
            IncidentType.AIR_DRONE_STRIKE,
            AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
            "Air/drone strike",
            1,
        ),
        (
            IncidentType.SHELLING_ARTILLERY,
            AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
            "Shelling/artillery/missile attack",
            1,
        ),
        (IncidentType.CROSS_BORDER_FIRE, AcledEventType.BATTLES, "Armed clash", 1),
        (IncidentType.MILITANT_ATTACK, AcledEventType.BATTLES, "Armed clash", None),
        (
            IncidentType.IED_SUICIDE_BOMBING,
            AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
            "Remote explosive/landmine/IED",
            None,
        ),
        (IncidentType.ARREST_PROSECUTION, AcledEventType.STRATEGIC_DEVELOPMENTS, "Arrests", None),
        (
            IncidentType.MILITANT_CAMP_ACTIVITY,
            AcledEventType.STRATEGIC_DEVELOPMENTS,
            "Headquarters or base established",
            None,
        ),
        (IncidentType.AIRSPACE_VIOLATION, AcledEventType.STRATEGIC_DEVELOPMENTS, "Other", None),
        (IncidentType.OTHER, AcledEventType.STRATEGIC_DEVELOPMENTS, "Other", None),
    ],
)
def test_mapping(incident_type, event_type, sub_type, ucdp):
    coding = standard_coding(incident_type)
    assert coding.acled_event_type is event_type
    assert coding.acled_sub_event_type == sub_type
    code = None if coding.ucdp_type_of_violence is None else coding.ucdp_type_of_violence.code
    assert code == ucdp


def test_types_decided_by_target_say_so():
    for incident_type in (IncidentType.MILITANT_ATTACK, IncidentType.IED_SUICIDE_BOMBING):
        assert "one-sided" in standard_coding(incident_type).note


def test_acled_spelling_and_ucdp_codes():
    assert AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE == "Explosions/Remote violence"
    assert [v.code for v in UcdpViolence] == [1, 2, 3]


def test_mapping_table_is_read_only():
    with pytest.raises(TypeError):
        STANDARD_CODING[IncidentType.OTHER] = STANDARD_CODING[IncidentType.ARMED_CLASH]  # type: ignore[index]


# --- dates ------------------------------------------------------------------------------------


def test_one_day():
    span = check_dates(D(2025, 10, 12), None, DAY)
    assert span == DateSpan(D(2025, 10, 12), D(2025, 10, 12), DAY)
    assert (span.days, span.ucdp_date_prec) == (1, 1)


def test_overnight_event_is_a_day_span():
    span = check_dates(D(2025, 10, 11), D(2025, 10, 12), DAY)
    assert (span.days, span.ucdp_date_prec) == (2, 2)


def test_day_precision_allows_seven_days_not_eight():
    assert check_dates(D(2025, 10, 1), D(2025, 10, 7), DAY).days == 7
    with pytest.raises(InvalidInput, match="at most 7 days") as caught:
        check_dates(D(2025, 10, 1), D(2025, 10, 8), DAY)
    assert caught.value.details["days"] == 8


def test_week_without_end_is_seven_days():
    span = check_dates(D(2025, 10, 11), None, WEEK)
    assert (span.end, span.ucdp_date_prec) == (D(2025, 10, 17), 3)
    with pytest.raises(InvalidInput, match="week-precise"):
        check_dates(D(2025, 10, 11), D(2025, 10, 18), WEEK)


def test_month_without_end_runs_to_the_month_end():
    assert check_dates(D(2024, 2, 1), None, MONTH).end == D(2024, 2, 29)
    span = check_dates(D(2025, 10, 1), D(2025, 10, 31), MONTH)
    assert (span.days, span.ucdp_date_prec) == (31, 4)


def test_month_span_stays_in_one_month():
    with pytest.raises(InvalidInput, match="same calendar month"):
        check_dates(D(2025, 10, 20), D(2025, 11, 2), MONTH)
    with pytest.raises(InvalidInput, match="same calendar month"):
        check_dates(D(2024, 10, 20), D(2025, 10, 21), MONTH)


@pytest.mark.parametrize("precision", list(DatePrecision))
def test_end_before_start_is_refused(precision):
    with pytest.raises(InvalidInput, match="before the start") as caught:
        check_dates(D(2025, 10, 12), D(2025, 10, 11), precision)
    assert caught.value.details == {"start": "2025-10-12", "end": "2025-10-11"}


def test_ucdp_date_prec_table():
    assert dict(UCDP_DATE_PREC) == {DAY: 1, WEEK: 3, MONTH: 4}


@given(
    st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 1, 1)),
    st.integers(0, 40),
    st.sampled_from(DatePrecision),
)
def test_check_dates_is_total(start, length, precision):
    end = start + timedelta(days=length)
    try:
        span = check_dates(start, end, precision)
    except InvalidInput:
        assert length >= 7 or precision is MONTH
    else:
        assert span.start <= span.end
        assert span.days == length + 1


# --- places -----------------------------------------------------------------------------------


def test_where_prec_codes_and_meanings():
    assert [p.code for p in WherePrecision] == [1, 2, 3, 4, 5, 6, 7]
    assert set(WHERE_MEANING) == set(WherePrecision)
    assert W.NEAR.meaning == "within about 25 km of a known point"
    assert all(where_precision(p.code) is p for p in WherePrecision)


@pytest.mark.parametrize("code", [0, 8, -1])
def test_unknown_where_prec_is_refused(code):
    with pytest.raises(InvalidInput, match="1 to 7"):
        where_precision(code)


def test_coarsen_for_public_render():
    assert coarsen(W.EXACT, W.ADM2) is W.ADM2
    assert coarsen(W.NEAR, W.ADM2) is W.ADM2
    assert coarsen(W.ADM2, W.ADM2) is W.ADM2
    assert coarsen(W.COUNTRY, W.ADM2) is W.COUNTRY
    assert coarsen(W.INTERNATIONAL, W.ADM2) is W.INTERNATIONAL
    assert coarsen(W.INTERNATIONAL, W.COUNTRY) is W.INTERNATIONAL


def test_coarsen_refuses_a_sea_minimum():
    with pytest.raises(InvalidInput, match="land precision"):
        coarsen(W.EXACT, W.INTERNATIONAL)


LAND = [p for p in WherePrecision if p is not W.INTERNATIONAL]


@given(st.sampled_from(WherePrecision), st.sampled_from(LAND))
def test_coarsen_never_makes_precision_finer(where_prec, minimum):
    result = coarsen(where_prec, minimum)
    assert result.code >= where_prec.code
    assert result.code >= minimum.code
    assert coarsen(result, minimum) is result


# --- Admiralty grades -------------------------------------------------------------------------


def test_grade_code():
    grade = Grade(SourceReliability.USUALLY_RELIABLE, InformationCredibility.PROBABLY_TRUE)
    assert grade.code == "B2"
    assert ANONYMOUS_SOCIAL_MEDIA.code == "F3"


@pytest.mark.parametrize(
    ("text", "reliability", "credibility"),
    [
        ("F3", SourceReliability.CANNOT_BE_JUDGED, InformationCredibility.POSSIBLY_TRUE),
        ("a1", SourceReliability.COMPLETELY_RELIABLE, InformationCredibility.CONFIRMED),
        ("E6", SourceReliability.UNRELIABLE, InformationCredibility.CANNOT_BE_JUDGED),
    ],
)
def test_parse_grade(text, reliability, credibility):
    assert parse_grade(text) == Grade(reliability, credibility)


@pytest.mark.parametrize("junk", ["", "G1", "A0", "A7", "AA", "12", "B2 ", " B2", "B22", "B٢"])
def test_parse_grade_refuses_junk(junk):
    with pytest.raises(InvalidInput, match="A–F followed by a digit 1–6") as caught:
        parse_grade(junk)
    assert caught.value.details == {"grade": junk}


@given(st.sampled_from(SourceReliability), st.sampled_from(InformationCredibility))
def test_grade_round_trips_and_axes_are_independent(reliability, credibility):
    grade = Grade(reliability, credibility)
    assert parse_grade(grade.code) == grade
    assert parse_grade(grade.code.lower()) == grade


@given(st.text(max_size=4))
def test_parse_grade_is_total(text):
    try:
        grade = parse_grade(text)
    except InvalidInput:
        return
    assert grade.code == text.upper()
