"""The news reader's record, tallied from the monitors' decisions (pure: plain values in).

Every monitor decision on the desk is a judgement of the reader: an accepted candidate is a
true proposal, a dismissed one a false one, a report or timeline fact that cites an article
read here but that none of its candidates became is an event the reader missed, and each
field the monitor changed before accepting is one the reader got wrong.
`newsdesk.reader.reader_record` gathers the decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of one candidate.

    `source` names the article as records cite it (None for one without an address, which
    nothing can cite: it counts for precision and fields, not for recall); `kept` says, for
    each field compared, whether the monitor kept the proposed value (None when nothing was
    compared).
    """

    background: bool
    state: str
    source: str | None
    record: int | None = None
    kept: Mapping[str, bool] | None = None


@dataclass(frozen=True, slots=True)
class FieldRecord:
    """How often a proposed field stood as the monitor accepted it."""

    field: str
    kept: int
    compared: int

    @property
    def share(self) -> float | None:
        return self.kept / self.compared if self.compared else None


@dataclass(frozen=True, slots=True)
class KindRecord:
    """The record of one kind of candidate (incident, agreement event, stated position).

    `proposed`, `accepted`, `dismissed` and `waiting` count the candidates the reader put
    forward as new events (not background). Over the articles with an address, `found`
    counts the records (reports, timeline facts) that a foreground candidate became,
    `found_as_background` those only a background candidate became, `missed` those citing
    the article that no candidate of it became; each record once per article. `missed` is
    None where a miss cannot be told (stated positions).
    """

    kind: str
    proposed: int
    accepted: int
    dismissed: int
    waiting: int
    found: int
    found_as_background: int
    missed: int | None
    missed_records: tuple[int, ...]
    fields: tuple[FieldRecord, ...]

    @property
    def precision(self) -> float | None:
        """Share of decided proposals a monitor accepted."""
        decided = self.accepted + self.dismissed
        return self.accepted / decided if decided else None

    @property
    def recall(self) -> float | None:
        """Share of the records made from articles read here that the reader proposed as new
        events."""
        if self.missed is None:
            return None
        made = self.found + self.found_as_background + self.missed
        return self.found / made if made else None

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "proposed": self.proposed,
            "accepted": self.accepted,
            "dismissed": self.dismissed,
            "waiting": self.waiting,
            "precision": self.precision,
            "found": self.found,
            "found_as_background": self.found_as_background,
            "missed": self.missed,
            "missed_records": list(self.missed_records),
            "recall": self.recall,
            "fields": [
                {"field": f.field, "kept": f.kept, "compared": f.compared, "share": f.share}
                for f in self.fields
            ],
        }


def tally(
    kind: str,
    decisions: Iterable[Decision],
    citing: Iterable[tuple[str, int]] | None,
    fields: tuple[str, ...],
) -> KindRecord:
    """Tally one kind's decisions; `citing` are (article source, record) pairs of the records
    that cite an article read here (None: misses cannot be told for this kind)."""
    decisions = list(decisions)
    foreground = [d for d in decisions if not d.background]
    by_state = {
        state: sum(1 for d in foreground if d.state == state)
        for state in ("accepted", "dismissed", "new")
    }
    linked: dict[tuple[str, int], bool] = {}
    for d in decisions:
        if d.state == "accepted" and d.record is not None and d.source is not None:
            key = (d.source, d.record)
            linked[key] = linked.get(key, False) or not d.background
    found = sum(1 for as_new in linked.values() if as_new)
    kept = [d.kept for d in foreground if d.state == "accepted" and d.kept]
    missed = None if citing is None else set(citing) - set(linked)
    return KindRecord(
        kind=kind,
        proposed=len(foreground),
        accepted=by_state["accepted"],
        dismissed=by_state["dismissed"],
        waiting=by_state["new"],
        found=found,
        found_as_background=len(linked) - found,
        missed=None if missed is None else len(missed),
        missed_records=tuple(sorted({record for _, record in missed or ()})),
        fields=tuple(
            FieldRecord(
                name,
                sum(1 for k in kept if k.get(name) is True),
                sum(1 for k in kept if name in k),
            )
            for name in fields
        ),
    )


REPORT_FIELDS = ("day", "place", "type", "deaths")
EVENT_FIELDS = ("kind", "day")


def _same_place(proposed: Mapping[str, object], coded: Mapping[str, object]) -> bool:
    if proposed.get("place_id") or coded.get("place_id"):
        return proposed.get("place_id") == coded.get("place_id")
    said = str(proposed.get("place") or "").strip().casefold()
    kept = str(coded.get("place") or "").strip().casefold()
    if said or kept:
        return said == kept
    return str(proposed.get("country") or "") == str(coded.get("country") or "")


def report_fields_kept(
    proposed: Mapping[str, object],
    coded: Mapping[str, object],
    *,
    proposed_deaths: int | None,
    coded_deaths: int | None,
) -> dict[str, bool]:
    """For a report a candidate made, which proposed fields (in the report's JSON shape) the
    monitor kept; deaths are the best estimates, left out when claims could not be read."""
    kept = {
        "day": proposed.get("date_start") == coded.get("date_start"),
        "place": _same_place(proposed, coded),
        "type": proposed.get("incident_type") == coded.get("incident_type"),
    }
    if proposed_deaths is not None and coded_deaths is not None:
        kept["deaths"] = proposed_deaths == coded_deaths
    return kept


def event_fields_kept(
    proposed: Mapping[str, object], *, kind: str, occurred_on: str
) -> dict[str, bool]:
    """For a timeline fact a candidate became, whether its kind and day are as proposed."""
    return {"kind": proposed.get("kind") == kind, "day": proposed.get("occurred_on") == occurred_on}
