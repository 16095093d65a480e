"""Incident coding: the incident taxonomy, date and place precision, and Admiralty grading.

An incident is coded the way analysts expect (mechanism.md §4 and §7.1): every incident type
maps to an ACLED event type and sub-type and, where the type alone decides it, a UCDP
`type_of_violence`, so exports map cleanly into both datasets. Dates carry a precision (day,
week, month) with UCDP `date_prec`; places carry UCDP `where_prec` 1–7, and public renders are
coarsened to a minimum precision, never refined. Sources are graded on the two independent
Admiralty axes (STANAG 2511), so a trusted source never inflates the credibility of an item.
Casualty figures live in `casualties`, duplicate suggestions in `duplicates`.
Must not import anything outside the standard library.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from ceasefire.domain.errors import InvalidInput


class IncidentType(StrEnum):
    """What happened, in the mechanism's own taxonomy (issue 5)."""

    ARMED_CLASH = "armed_clash"
    AIR_DRONE_STRIKE = "air_drone_strike"
    SHELLING_ARTILLERY = "shelling_artillery"
    CROSS_BORDER_FIRE = "cross_border_fire"
    MILITANT_ATTACK = "militant_attack"
    IED_SUICIDE_BOMBING = "ied_suicide_bombing"
    AIRSPACE_VIOLATION = "airspace_violation"
    INFILTRATION = "infiltration"
    MILITANT_CAMP_ACTIVITY = "militant_camp_activity"
    ARREST_PROSECUTION = "arrest_prosecution"
    OBSTRUCTION_OF_MONITORS = "obstruction_of_monitors"
    HOSTILE_PROPAGANDA = "hostile_propaganda"
    OTHER = "other"


class AcledEventType(StrEnum):
    """ACLED's six event types, spelled as ACLED publishes them."""

    BATTLES = "Battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class UcdpViolence(StrEnum):
    """UCDP GED `type_of_violence`; `code` gives the published integer."""

    STATE_BASED = "state_based"
    NON_STATE = "non_state"
    ONE_SIDED = "one_sided"

    @property
    def code(self) -> int:
        """Return the UCDP integer code (1 state-based, 2 non-state, 3 one-sided)."""
        return _UCDP_VIOLENCE_CODE[self]


_UCDP_VIOLENCE_CODE: Final[Mapping[UcdpViolence, int]] = MappingProxyType(
    {UcdpViolence.STATE_BASED: 1, UcdpViolence.NON_STATE: 2, UcdpViolence.ONE_SIDED: 3}
)


@dataclass(frozen=True, slots=True)
class StandardCoding:
    """How one incident type maps into ACLED and UCDP, with a note where coders must decide."""

    acled_event_type: AcledEventType
    acled_sub_event_type: str
    ucdp_type_of_violence: UcdpViolence | None
    note: str = ""


_B, _E, _SD = (
    AcledEventType.BATTLES,
    AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
    AcledEventType.STRATEGIC_DEVELOPMENTS,
)
_STATE = UcdpViolence.STATE_BASED
_BY_TARGET = "UCDP 1 (state-based) if the target is state forces, 3 (one-sided) if civilians"

# The documented mapping table. UCDP is None where the type alone does not decide the violence
# type (the target does) or where nobody is killed by design (strategic developments).
STANDARD_CODING: Final[Mapping[IncidentType, StandardCoding]] = MappingProxyType(
    {
        IncidentType.ARMED_CLASH: StandardCoding(_B, "Armed clash", _STATE),
        IncidentType.AIR_DRONE_STRIKE: StandardCoding(_E, "Air/drone strike", _STATE),
        IncidentType.SHELLING_ARTILLERY: StandardCoding(
            _E, "Shelling/artillery/missile attack", _STATE
        ),
        IncidentType.CROSS_BORDER_FIRE: StandardCoding(
            _B, "Armed clash", _STATE, "ACLED codes exchanges of fire between forces as clashes"
        ),
        IncidentType.MILITANT_ATTACK: StandardCoding(
            _B,
            "Armed clash",
            None,
            "an attack on civilians is 'Violence against civilians / Attack'; " + _BY_TARGET,
        ),
        IncidentType.IED_SUICIDE_BOMBING: StandardCoding(
            _E,
            "Remote explosive/landmine/IED",
            None,
            "'Suicide bomb' when the attacker detonates on the person; " + _BY_TARGET,
        ),
        IncidentType.AIRSPACE_VIOLATION: StandardCoding(_SD, "Other", None),
        IncidentType.INFILTRATION: StandardCoding(_SD, "Other", None),
        IncidentType.MILITANT_CAMP_ACTIVITY: StandardCoding(
            _SD, "Headquarters or base established", None
        ),
        IncidentType.ARREST_PROSECUTION: StandardCoding(_SD, "Arrests", None),
        IncidentType.OBSTRUCTION_OF_MONITORS: StandardCoding(_SD, "Other", None),
        IncidentType.HOSTILE_PROPAGANDA: StandardCoding(_SD, "Other", None),
        IncidentType.OTHER: StandardCoding(_SD, "Other", None),
    }
)


def standard_coding(incident_type: IncidentType) -> StandardCoding:
    """Return the ACLED and UCDP coding of `incident_type`."""
    return STANDARD_CODING[incident_type]


class DatePrecision(StrEnum):
    """How precisely the date of an incident is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


# UCDP date_prec for each precision; a day-precise span of 2–7 days is UCDP 2 (see DateSpan).
UCDP_DATE_PREC: Final[Mapping[DatePrecision, int]] = MappingProxyType(
    {DatePrecision.DAY: 1, DatePrecision.WEEK: 3, DatePrecision.MONTH: 4}
)

# The longest span, in days counting both ends, a day-precise or week-precise incident may cover.
MAX_SPAN_DAYS: Final = 7


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The checked dates of an incident: first and last day (inclusive) and their precision."""

    start: date
    end: date
    precision: DatePrecision

    @property
    def days(self) -> int:
        """Return the number of days covered, counting both ends."""
        return (self.end - self.start).days + 1

    @property
    def ucdp_date_prec(self) -> int:
        """Return UCDP `date_prec`: 1 exact day, 2 a 2–7 day span, 3 week, 4 month."""
        if self.precision is DatePrecision.DAY and self.days > 1:
            return 2
        return UCDP_DATE_PREC[self.precision]


def check_dates(start: date, end: date | None, precision: DatePrecision) -> DateSpan:
    """Check an incident's dates against its precision and return the span with its end filled.

    A missing end means: the same day (day), the week starting on `start` (week), the rest of
    the calendar month (month). Day and week spans cover at most 7 days; a month span stays in
    one calendar month.

    Raises:
        InvalidInput: the end is before the start, or the span does not fit the precision.
    """
    if end is None:
        if precision is DatePrecision.DAY:
            end = start
        elif precision is DatePrecision.WEEK:
            end = start + timedelta(days=MAX_SPAN_DAYS - 1)
        else:
            end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if end < start:
        raise InvalidInput(
            "the end date is before the start date",
            details={"start": start.isoformat(), "end": end.isoformat()},
        )
    span = DateSpan(start=start, end=end, precision=precision)
    if precision is DatePrecision.MONTH:
        if (start.year, start.month) != (end.year, end.month):
            raise InvalidInput(
                "a month-precise incident must start and end in the same calendar month",
                details={"start": start.isoformat(), "end": end.isoformat()},
            )
    elif span.days > MAX_SPAN_DAYS:
        raise InvalidInput(
            f"a {precision}-precise incident covers at most {MAX_SPAN_DAYS} days; "
            "record a longer one as several incidents under one case",
            details={"start": start.isoformat(), "end": end.isoformat(), "days": span.days},
        )
    return span


class WherePrecision(StrEnum):
    """How precisely the place of an incident is known (UCDP `where_prec`; `code` gives 1–7)."""

    EXACT = "exact"
    NEAR = "near"
    ADM2 = "adm2"
    ADM1 = "adm1"
    REGION = "region"
    COUNTRY = "country"
    INTERNATIONAL = "international"

    @property
    def code(self) -> int:
        """Return the UCDP `where_prec` integer."""
        return _WHERE_CODE[self]

    @property
    def meaning(self) -> str:
        """Return the UCDP meaning of this precision."""
        return WHERE_MEANING[self]


_WHERE_CODE: Final[Mapping[WherePrecision, int]] = MappingProxyType(
    {p: i for i, p in enumerate(WherePrecision, start=1)}
)

WHERE_MEANING: Final[Mapping[WherePrecision, str]] = MappingProxyType(
    {
        WherePrecision.EXACT: "exact location",
        WherePrecision.NEAR: "within about 25 km of a known point",
        WherePrecision.ADM2: "second-order administrative unit (district)",
        WherePrecision.ADM1: "first-order administrative unit (province)",
        WherePrecision.REGION: "larger than ADM1 below country, between two places, or vague",
        WherePrecision.COUNTRY: "country only",
        WherePrecision.INTERNATIONAL: "international waters or airspace",
    }
)


def where_precision(code: int) -> WherePrecision:
    """Return the place precision for UCDP `where_prec` `code`.

    Raises:
        InvalidInput: `code` is not 1–7.
    """
    for precision, known in _WHERE_CODE.items():
        if known == code:
            return precision
    raise InvalidInput("where_prec must be 1 to 7", details={"where_prec": code})


def coarsen(where_prec: WherePrecision, minimum: WherePrecision) -> WherePrecision:
    """Return `where_prec`, made no finer than `minimum`, for a public render.

    International waters or airspace is not a coarser land precision, so it is kept as is.

    Raises:
        InvalidInput: `minimum` is international waters or airspace (not a level of detail).
    """
    if minimum is WherePrecision.INTERNATIONAL:
        raise InvalidInput("the minimum precision must be a land precision (1 to 6)")
    if where_prec.code >= minimum.code:
        return where_prec
    return minimum


class SourceReliability(StrEnum):
    """Admiralty axis one: how reliable the source has been (A–F)."""

    COMPLETELY_RELIABLE = "A"
    USUALLY_RELIABLE = "B"
    FAIRLY_RELIABLE = "C"
    NOT_USUALLY_RELIABLE = "D"
    UNRELIABLE = "E"
    CANNOT_BE_JUDGED = "F"


class InformationCredibility(StrEnum):
    """Admiralty axis two: how credible this item of information is (1–6)."""

    CONFIRMED = "1"
    PROBABLY_TRUE = "2"
    POSSIBLY_TRUE = "3"
    DOUBTFUL = "4"
    IMPROBABLE = "5"
    CANNOT_BE_JUDGED = "6"


@dataclass(frozen=True, slots=True)
class Grade:
    """An Admiralty grade: the two axes stay independent; `code` reads like "B2"."""

    reliability: SourceReliability
    credibility: InformationCredibility

    @property
    def code(self) -> str:
        """Return the grade as printed, e.g. "B2"."""
        return f"{self.reliability.value}{self.credibility.value}"


# OSINT rule of thumb (mechanism.md §4): anonymous social-media content starts here.
ANONYMOUS_SOCIAL_MEDIA: Final = Grade(
    SourceReliability.CANNOT_BE_JUDGED, InformationCredibility.POSSIBLY_TRUE
)

_GRADE = re.compile(r"([A-F])([1-6])")


def parse_grade(text: str) -> Grade:
    """Parse an Admiralty grade such as "F3" (letters in either case, no other characters).

    Raises:
        InvalidInput: `text` is not one letter A–F followed by one digit 1–6.
    """
    match = _GRADE.fullmatch(text.upper())
    if match is None:
        raise InvalidInput(
            "a grade is a letter A–F followed by a digit 1–6, e.g. B2", details={"grade": text}
        )
    return Grade(SourceReliability(match[1]), InformationCredibility(match[2]))
