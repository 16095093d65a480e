"""CSV export of incident reports, as the viewer may see them, in ACLED/UCDP-style columns.

Exports honour the same filters and the same disclosure rules as the list: a row is built
from an `IncidentView`, never from the raw record, so an export cannot leak more than the page.
Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ceasefire.incidents.selectors import IncidentView

COLUMNS = [
    "id",
    "agreement",
    "date_start",
    "date_end",
    "date_precision",
    "ucdp_date_prec",
    "incident_type",
    "acled_event_type",
    "acled_sub_event_type",
    "ucdp_type_of_violence",
    "place_as_written",
    "place_name",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "where_prec",
    "origin_country",
    "responsible_party",
    "affected_party",
    "actors",
    "actor_codes",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "fatalities_vague",
    "fatalities_conflicting",
    "claimants",
    "injured_best",
    "number_of_sources",
    "clauses",
    "channel",
    "filing_party",
    "triage_status",
    "duplicate_of",
    "withheld",
]

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return "" if value is None else value


def _row(view: IncidentView) -> list[object]:
    fatalities = view.fatalities or {}
    withheld = "casualties" in view.withheld
    return [
        view.id,
        view.agreement_id,
        view.date_start.isoformat(),
        view.date_end.isoformat(),
        view.date_precision,
        view.ucdp_date_prec,
        view.incident_type,
        view.acled_event_type,
        view.acled_sub_event_type,
        view.ucdp_type_of_violence,
        view.place_as_written,
        view.place_name,
        view.admin1,
        view.country,
        view.lat,
        view.lon,
        view.where_prec,
        view.origin_country,
        view.responsible_party,
        view.affected_party,
        "; ".join(a.as_written for a in view.actors),
        "; ".join(a.code for a in view.actors if a.code),
        None if withheld else fatalities.get("low"),
        None if withheld else fatalities.get("best"),
        None if withheld else fatalities.get("high"),
        None if withheld else fatalities.get("vague"),
        None if withheld else fatalities.get("conflicting"),
        None if withheld else fatalities.get("claimants"),
        view.injured_best,
        None if "sources" in view.withheld else len(view.sources),
        "; ".join(view.clauses),
        view.channel,
        view.filing_party,
        view.triage_status,
        view.duplicate_of,
        "; ".join(view.withheld),
    ]


def to_csv(views: Iterable[IncidentView]) -> str:
    """Return the views as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for view in views:
        writer.writerow([_cell(value) for value in _row(view)])
    return out.getvalue()
