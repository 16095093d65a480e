"""Turning the extractor's proposals into the platform's shapes, for a monitor to edit.

The extractor speaks the news data set's vocabulary (`airstrike_or_shelling`, claims with a
`source`); a report form speaks the platform's (`domain.coding.IncidentType`, claimant and
claimant kind). The mapping is a proposal: every field lands in a form the monitor checks.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ceasefire.domain.agreements import EventKind

INCIDENT_TYPES = {
    "airstrike_or_shelling": "air_drone_strike",
    "armed_clash": "armed_clash",
    "cross_border_fire": "cross_border_fire",
    "militant_attack": "militant_attack",
    "arrest_or_prosecution": "arrest_prosecution",
    "hideout_dismantled": "militant_camp_activity",
    "other": "other",
}

EVENT_KINDS = {
    "ceasefire_declared": EventKind.CEASEFIRE_DECLARED,
    "ceasefire_extended": EventKind.CEASEFIRE_EXTENDED,
    "ceasefire_collapsed": EventKind.CEASEFIRE_COLLAPSED,
    "talks_round": EventKind.TALKS_ROUND_HELD,
    "mechanism_agreed": EventKind.MECHANISM_AGREED,
    "statement_of_breach": EventKind.STATEMENT_OF_BREACH,
    "other": EventKind.OTHER,
}

_QUALIFIERS = {"exact", "at_least", "over", "approximately", "vague"}
_PRECISIONS = {"day", "week", "month"}


def _claims(data: dict[str, Any], outlet: str) -> list[dict[str, Any]]:
    claims = []
    for claim in data.get("casualty_claims") or []:
        killed, injured = claim.get("killed"), claim.get("injured")
        if killed is None and injured is None:
            continue
        source = claim.get("source") or ""
        named = source and source.lower() not in {"report", "reports", "unknown"}
        claims.append(
            {
                "claimant": source if named else (outlet or "news report"),
                "claimant_kind": "unknown" if named else "media",
                "victim_group": claim.get("victim_group") or "people",
                "killed": killed,
                "killed_qualifier": claim.get("killed_qualifier")
                if claim.get("killed_qualifier") in _QUALIFIERS
                else "exact",
                "injured": injured,
                "injured_qualifier": claim.get("injured_qualifier")
                if claim.get("injured_qualifier") in _QUALIFIERS
                else "exact",
            }
        )
    seen: set[tuple[str, str]] = set()
    unique = []
    for claim in claims:  # one claim per claimant and victim group (the domain's rule)
        key = (claim["claimant"], claim["victim_group"])
        if key not in seen:
            seen.add(key)
            unique.append(claim)
    return unique


def incident_report(
    data: dict[str, Any], *, url: str, outlet: str, published_on: date | None
) -> dict[str, Any]:
    """Return the report (API JSON shape) a candidate incident proposes."""
    places = data.get("matched_places") or []
    precise = [p for p in places if p.get("admin_level", 0) > 0] or places
    place = precise[0] if precise else None
    when = data.get("date") or (published_on.isoformat() if published_on else None)
    report: dict[str, Any] = {
        "incident_type": INCIDENT_TYPES.get(data.get("incident_type") or "other", "other"),
        "date_start": when,
        "date_end": data.get("date_end") if data.get("date") else None,
        "date_precision": data.get("date_precision")
        if data.get("date_precision") in _PRECISIONS
        else "day",
        "place": (place or {}).get("matched_text")
        or next(iter(data.get("place_names") or []), "")
        or "",
        "place_id": (place or {}).get("place_id") or "",
        "country": "" if place else (data.get("country") or ""),
        "actors": list(dict.fromkeys(data.get("actors") or [])),
        "claims": _claims(data, outlet),
        "sources": [
            {
                "url": url,
                "outlet": outlet or "news article",
                "published_on": published_on.isoformat() if published_on else None,
                "scale": "other",
            }
        ],
        "narrative": data.get("quote") or "",
    }
    return report


def event_proposal(data: dict[str, Any], *, published_on: date | None) -> dict[str, Any]:
    """Return the timeline fact a candidate agreement event proposes."""
    when = data.get("date") or (published_on.isoformat() if published_on else None)
    kind = EVENT_KINDS.get(data.get("kind") or "other", EventKind.OTHER)
    status = data.get("status") or ""
    return {
        "kind": kind.value,
        "occurred_on": when,
        "description": data.get("quote") or "",
        "status": status,
        "place": data.get("place") or "",
    }


#: How a stated position reads on the timeline, by the extractor's status. The party named
#: is the one that must act, except for what a party agrees, pledges, offers or proposes
#: itself, where it is that party.
_POSITIONS = {
    "agreed": "Agreed by {party}",
    "pledged": "Pledge by {party}",
    "offered": "Offer by {party}",
    "demanded": "Demand on {party}",
    "demanded_refused": "Demand on {party}, refused",
    "called_for": "Call on {party}",
    "conditional_warning": "Condition set for {party}",
    "proposed": "Proposal by {party}",
    "proposed_declined": "Proposal to {party}, declined",
    "ordered": "Order to {party}",
    "existing_legal_obligation": "Legal obligation of {party}",
}


def position_proposal(data: dict[str, Any], *, published_on: date | None) -> dict[str, Any]:
    """Return the timeline fact a stated position (a demand, condition, pledge…) proposes.

    The article gives the day it reports the position, not the day it was first voiced, so
    the proposal takes the publication day and the monitor corrects it from the quote.
    """
    status = data.get("status") or ""
    party = data.get("party") or "a party not named"
    position = _POSITIONS.get(status, "Position on {party}").format(party=party)
    obligation = (data.get("obligation") or "").strip().rstrip(".")
    quote = data.get("quote") or ""
    return {
        "kind": EventKind.OTHER.value,
        "occurred_on": published_on.isoformat() if published_on else None,
        "description": f"{position} (reported): {obligation}. \u201c{quote}\u201d",
        "status": status,
        "party": data.get("party") or "",
    }
