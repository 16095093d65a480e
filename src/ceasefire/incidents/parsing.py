"""Reading reports from JSON objects, CSV rows and whole files, with errors that name the field.

The API body, each element of a JSON import and each CSV row (after its cells are unfolded)
go through `report_from_mapping`, so one rule set applies to every way a report arrives. Plain
Python rather than serializers: a 10,000-row file must parse in well under a second.
The CSV layout is documented in docs/incident-import.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ceasefire.domain.casualties import CasualtyClaim, ClaimantKind, Qualifier
from ceasefire.domain.coding import DatePrecision, IncidentType, WherePrecision, where_precision
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.intake import ConfidentialField, Confidentiality, SourceScale
from ceasefire.incidents.reports import Report, SourceRef

MAX_ROWS = 50_000
E = TypeVar("E", bound=StrEnum)

FIELDS = frozenset(
    {
        "incident_type",
        "date_start",
        "date_end",
        "date_precision",
        "place",
        "place_id",
        "lat",
        "lon",
        "country",
        "where_prec",
        "origin_country",
        "responsible_party",
        "affected_party",
        "actors",
        "claims",
        "sources",
        "clauses",
        "narrative",
        "confidentiality",
        "confidential_fields",
        "reporter_name",
        "reporter_contact",
    }
)


def _bad(field: str, message: str) -> InvalidInput:
    return InvalidInput(f"{field}: {message}", details={"field": field})


def _enum(kind: type[E], data: Mapping[str, Any], field: str, default: E | None = None) -> E:
    value = data.get(field)
    if value in (None, "") and default is not None:
        return default
    try:
        return kind(str(value) if isinstance(value, str) else "\0")
    except ValueError:
        known = ", ".join(item.value for item in kind)
        raise _bad(field, f"{value!r} is not one of {known}") from None


def _date(data: Mapping[str, Any], field: str, *, required: bool = False) -> date | None:
    value = data.get(field)
    if value in (None, ""):
        if required:
            raise _bad(field, "a date (YYYY-MM-DD) is required")
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad(field, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _number(value: Any, field: str, kind: Callable[[str], Any]) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise _bad(field, "must be a number")
    try:
        return kind(str(value))
    except ValueError:
        raise _bad(field, f"{value!r} is not a number") from None


def _text(data: Mapping[str, Any], field: str) -> str:
    value = data.get(field, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(field, "must be text")
    return value


def _list(data: Mapping[str, Any], field: str) -> list[Any]:
    value = data.get(field) or []
    if not isinstance(value, list):
        raise _bad(field, "must be a list")
    return value


def _strings(data: Mapping[str, Any], field: str) -> tuple[str, ...]:
    items = _list(data, field)
    if any(not isinstance(item, str) for item in items):
        raise _bad(field, "must be a list of text")
    return tuple(items)


def _claim(item: Any) -> CasualtyClaim:
    if not isinstance(item, Mapping):
        raise _bad("claims", "each claim is an object")
    return CasualtyClaim(
        claimant=_text(item, "claimant"),
        victim_group=_text(item, "victim_group"),
        killed=_number(item.get("killed"), "claims", int),
        killed_qualifier=_enum(Qualifier, item, "killed_qualifier", Qualifier.EXACT),
        injured=_number(item.get("injured"), "claims", int),
        injured_qualifier=_enum(Qualifier, item, "injured_qualifier", Qualifier.EXACT),
        claimant_kind=_enum(ClaimantKind, item, "claimant_kind", ClaimantKind.UNKNOWN),
    )


def _source(item: Any) -> SourceRef:
    if not isinstance(item, Mapping):
        raise _bad("sources", "each source is an object")
    return SourceRef(
        url=_text(item, "url").strip(),
        outlet=_text(item, "outlet"),
        published_on=_date(item, "published_on"),
        scale=_enum(SourceScale, item, "scale", SourceScale.OTHER),
    )


def claims_from_mapping(data: Mapping[str, Any]) -> tuple[CasualtyClaim, ...]:
    """Return the casualty claims of a report in the JSON shape.

    Raises:
        InvalidInput: a malformed claim (`details["field"]` is "claims").
    """
    try:
        return tuple(_claim(item) for item in _list(data, "claims"))
    except InvalidInput as error:
        error.details.setdefault("field", "claims")
        raise


def report_from_mapping(data: Any) -> Report:
    """Build a report from a JSON object (the API's and the JSON import's shape).

    Raises:
        InvalidInput: an unknown or malformed field; `details["field"]` names it.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput("a report is a JSON object")
    unknown = sorted(set(data) - FIELDS - {"agreement", "website"})
    if unknown:
        raise _bad(unknown[0], "unknown field")
    party = {
        name: _text(data, name).strip() or None for name in ("responsible_party", "affected_party")
    }
    prec = _number(data.get("where_prec"), "where_prec", int)
    claims = claims_from_mapping(data)
    return Report(
        incident_type=_enum(IncidentType, data, "incident_type"),
        date_start=_date(data, "date_start", required=True) or date.min,
        date_end=_date(data, "date_end"),
        date_precision=_enum(DatePrecision, data, "date_precision", DatePrecision.DAY),
        place=_text(data, "place"),
        place_id=_text(data, "place_id").strip(),
        lat=_number(data.get("lat"), "lat", float),
        lon=_number(data.get("lon"), "lon", float),
        country=_text(data, "country"),
        where_precision=None if prec is None else _where(prec),
        origin_country=_text(data, "origin_country"),
        responsible_party=party["responsible_party"],
        affected_party=party["affected_party"],
        actors=_strings(data, "actors"),
        claims=claims,
        sources=tuple(_source(item) for item in _list(data, "sources")),
        clauses=_strings(data, "clauses"),
        narrative=_text(data, "narrative"),
        confidentiality=_enum(Confidentiality, data, "confidentiality", Confidentiality.PARTIES),
        confidential=_confidential(_strings(data, "confidential_fields")),
        reporter_name=_text(data, "reporter_name"),
        reporter_contact=_text(data, "reporter_contact"),
    )


def _confidential(names: Sequence[str]) -> frozenset[ConfidentialField]:
    known = {item.value for item in ConfidentialField}
    for name in names:
        if name not in known:
            raise _bad("confidential_fields", f"{name!r} is not one of {', '.join(sorted(known))}")
    return frozenset(ConfidentialField(name) for name in names)


def _where(code: int) -> Any:
    try:
        return where_precision(code)
    except InvalidInput:
        raise _bad("where_prec", "must be 1 to 7 (UCDP)") from None


# CSV: list cells hold items separated by ";", a claim's parts by "|" (docs/incident-import.md).
CSV_REQUIRED = ("incident_type", "date_start", "place")
_QUALIFIER_WORDS = {
    "at least": Qualifier.AT_LEAST,
    "over": Qualifier.OVER,
    "about": Qualifier.APPROXIMATELY,
    "approximately": Qualifier.APPROXIMATELY,
    "vague": Qualifier.VAGUE,
}


def _figure(text: str) -> tuple[str | None, str]:
    """Read "23", "at least 23", "over 23", "about 23" or "vague 24" into figure, qualifier."""
    text = " ".join(text.split()).lower()
    if not text:
        return None, Qualifier.EXACT.value
    for words, qualifier in _QUALIFIER_WORDS.items():
        if text.startswith(words + " "):
            return text[len(words) + 1 :], qualifier.value
    return text, Qualifier.EXACT.value


def _csv_claims(cell: str) -> list[dict[str, Any]]:
    claims = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        pieces = [p.strip() for p in part.split("|")]
        if len(pieces) != 5:
            raise _bad("claims", "write each claim as claimant|kind|victim group|killed|injured")
        claimant, kind, group, killed, injured = pieces
        killed_figure, killed_q = _figure(killed)
        injured_figure, injured_q = _figure(injured)
        claims.append(
            {
                "claimant": claimant,
                "claimant_kind": kind or "unknown",
                "victim_group": group,
                "killed": killed_figure,
                "killed_qualifier": killed_q,
                "injured": injured_figure,
                "injured_qualifier": injured_q,
            }
        )
    return claims


def claims_from_lines(lines: Sequence[str]) -> list[dict[str, Any]]:
    """Read claims written one per line in the CSV cell notation (the forms use it too)."""
    return [claim for line in lines for claim in _csv_claims(line)]


def _split(cell: str | None) -> list[str]:
    return [item.strip() for item in (cell or "").split(";") if item.strip()]


def mapping_from_csv(row: Mapping[str, str | None]) -> dict[str, Any]:
    """Unfold one CSV row's cells into the JSON shape."""
    data: dict[str, Any] = {k: v for k, v in row.items() if k in FIELDS and k not in _LISTS}
    data["actors"] = _split(row.get("actors"))
    data["clauses"] = _split(row.get("clauses"))
    data["confidential_fields"] = _split(row.get("confidential_fields"))
    data["claims"] = _csv_claims(row.get("claims") or "")
    if any(row.get(f"source_{part}") for part in ("url", "outlet")):
        data["sources"] = [
            {
                "url": row.get("source_url") or "",
                "outlet": row.get("source_outlet") or "",
                "published_on": row.get("source_date") or None,
                "scale": row.get("source_scale") or "other",
            }
        ]
    return data


_LISTS = {"actors", "clauses", "confidential_fields", "claims", "sources"}
CSV_COLUMNS = frozenset(FIELDS - {"sources"}) | {
    "source_url",
    "source_outlet",
    "source_date",
    "source_scale",
}


def mapping_from_incident(incident: Any) -> dict[str, Any]:
    """Return a stored report's coding in the JSON shape (reporter fields left out): what a
    revision starts from and what it keeps of the coding it replaces."""
    return {
        "incident_type": incident.incident_type,
        "date_start": incident.date_start.isoformat(),
        "date_end": incident.date_end.isoformat(),
        "date_precision": incident.date_precision,
        "place": incident.place_as_written,
        "place_id": incident.place_id,
        "lat": incident.lat,
        "lon": incident.lon,
        "country": incident.country if not incident.place_id else "",
        "where_prec": where_precision_code(incident.where_precision),
        "origin_country": incident.origin_country,
        "responsible_party": incident.responsible_party.code
        if incident.responsible_party
        else None,
        "affected_party": incident.affected_party.code if incident.affected_party else None,
        "actors": [a.as_written for a in incident.actors.all()],
        "claims": [
            {
                "claimant": c.claimant,
                "claimant_kind": c.claimant_kind,
                "victim_group": c.victim_group,
                "killed": c.killed,
                "killed_qualifier": c.killed_qualifier,
                "injured": c.injured,
                "injured_qualifier": c.injured_qualifier,
            }
            for c in incident.claims.all()
        ],
        "sources": [
            {
                "url": s.url,
                "outlet": s.outlet,
                "published_on": s.published_on.isoformat() if s.published_on else None,
                "scale": s.scale,
            }
            for s in incident.sources.all()
        ],
        "clauses": [c.number for c in incident.clauses.all()],
        "narrative": incident.narrative,
        "confidentiality": incident.confidentiality,
        "confidential_fields": list(incident.confidential_fields),
    }


def where_precision_code(value: str) -> int:
    """Return UCDP where_prec for a stored precision name."""
    return WherePrecision(value).code


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"the file is not UTF-8 text (byte {error.start} cannot be read)",
            details={"field": "file"},
        ) from None


def _rows(items: Sequence[Any], build: Callable[[Any], Report]) -> list[Report | InvalidInput]:
    if len(items) > MAX_ROWS:
        raise InvalidInput(f"a file holds at most {MAX_ROWS:,} rows", details={"field": "file"})
    parsed: list[Report | InvalidInput] = []
    for item in items:
        try:
            parsed.append(build(item))
        except InvalidInput as error:
            parsed.append(error)
    return parsed


def parse_csv(content: bytes) -> list[Report | InvalidInput]:
    """Parse a CSV file with a header row into reports, or the error of each bad row.

    Raises:
        InvalidInput: the file is not UTF-8, lacks a required column or names an unknown one.
    """
    reader = csv.DictReader(io.StringIO(_decode(content), newline=""))
    header = reader.fieldnames or []
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        raise InvalidInput(f"the header row lacks {', '.join(missing)}", details={"field": "file"})
    unknown = [name for name in header if name not in CSV_COLUMNS]
    if unknown:
        raise InvalidInput(f"unknown column {', '.join(unknown)}", details={"field": "file"})

    def build(row: dict[str, Any]) -> Report:
        if None in row:
            raise InvalidInput("the row has more cells than the header")
        return report_from_mapping(mapping_from_csv(row))

    return _rows(list(reader), build)


def parse_json(content: bytes) -> list[Report | InvalidInput]:
    """Parse a JSON file holding a list of report objects.

    Raises:
        InvalidInput: the file is not UTF-8 JSON or not a list.
    """
    try:
        items = json.loads(_decode(content))
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"the file is not JSON (line {error.lineno}, column {error.colno}: {error.msg})",
            details={"field": "file"},
        ) from None
    if not isinstance(items, list):
        raise InvalidInput("a JSON import is a list of report objects", details={"field": "file"})
    return _rows(items, report_from_mapping)


PARSERS = {"csv": parse_csv, "json": parse_json}


def upload_name(upload: Any) -> str:
    """Return the client's file name of an upload (streamed uploads keep it as data only)."""
    return str(getattr(upload, "client_name", "") or upload.name or "")


def parse_file(content: bytes, *, name: str = "", fmt: str = "") -> list[Report | InvalidInput]:
    """Parse an import file as CSV or JSON (by `fmt`, else by the name's extension).

    Raises:
        InvalidInput: the format is unknown or the file as a whole cannot be read.
    """
    fmt = fmt or name.rsplit(".", 1)[-1].lower()
    if fmt not in PARSERS:
        raise InvalidInput("import a .csv or .json file", details={"field": "file"})
    return PARSERS[fmt](content)
