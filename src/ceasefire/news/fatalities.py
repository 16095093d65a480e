"""Incident totals from casualty claims, by the news-dev conventions (README, convention 1).

* groups reported by the same source are added up, attackers included (4 soldiers + 4
  attackers = 8); a generic total ("people") is not added to its own parts;
* a toll updated within the text ("had risen to seven") replaces the earlier figure;
* when sources disagree about the same group, or opposing parties each claim the other's
  losses, the result is `conflicting_claims` with the smallest and largest totals
  (`fatalities_max` None when the largest is open-ended);
* "dozens", "several" give None with qualifier `vague`; no deaths reported gives None
  with `unknown`, never 0; subsets ("nine of them") are never added.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceasefire.news.model import CasualtyClaim


@dataclass(frozen=True, slots=True)
class Fatalities:
    """The incident-level figures derived from its claims."""

    minimum: int | None
    maximum: int | None
    qualifier: str
    injured: int | None


def _merged_key(key: str, keys: set[str]) -> str:
    """'security' joins 'security/Pakistan' when that is the only sided variant."""
    if "/" in key:
        return key
    sided = {k for k in keys if k.startswith(key + "/")}
    return sided.pop() if len(sided) == 1 else key


_QUAL_RANK = {"exact": 0, "approximately": 1, "over": 2, "at_least": 3}


def _pick(claims: list[CasualtyClaim]) -> tuple[int | None, str, bool]:
    """(value, qualifier, conflicting) for one victim group's claims, in text order."""
    updates = [c for c in claims if c.is_update and c.killed is not None]
    if updates:
        c = updates[-1]
        return c.killed, c.killed_qualifier or "exact", False
    numeric = [c for c in claims if c.killed is not None]
    if not numeric:
        return None, "vague", False
    values = {c.killed for c in numeric}
    if len(values) == 1:
        best = min(numeric, key=lambda c: _QUAL_RANK.get(c.killed_qualifier or "exact", 0))
        return best.killed, best.killed_qualifier or "exact", False
    sources = {c.source for c in numeric if c.source != "report"}
    if len(sources) >= 2:
        return min(values), "conflicting_claims", True  # type: ignore[type-var]
    best = max(numeric, key=lambda c: c.killed or 0)
    return best.killed, best.killed_qualifier or "exact", False


def combine(claims: list[CasualtyClaim]) -> Fatalities:
    """Incident totals from its claims (see the module docstring for the rules)."""
    usable = [c for c in claims if not c.is_subset]
    injured_vals = [c.injured for c in usable if c.injured is not None]
    injured = min(injured_vals) if injured_vals else None
    killers = [c for c in usable if c.killed is not None or c.killed_qualifier == "vague"]
    if not killers:
        return Fatalities(None, None, "unknown", injured)
    # Opposing parties each claiming the other's losses: conflicting, never added up.
    sides = {c.source: c.group_key.split("/")[1] for c in killers if "/" in c.group_key}
    if len(set(sides.values())) >= 2 and len(sides) >= 2:
        totals = []
        open_ended = False
        for src in sides:
            own = [c for c in killers if c.source == src and c.killed is not None]
            if own:
                totals.append(sum(c.killed or 0 for c in own))
                open_ended |= any(c.killed_qualifier in ("at_least", "over") for c in own)
        if len(set(totals)) >= 2:
            return Fatalities(
                min(totals), None if open_ended else max(totals), "conflicting_claims", injured
            )
    groups: dict[str, list[CasualtyClaim]] = {}
    keys = {k.group_key for k in killers}
    for c in killers:
        groups.setdefault(_merged_key(c.group_key, keys), []).append(c)
    total = 0
    quals: set[str] = set()
    generic = None
    conflict_range: tuple[int, int] | None = None
    for key, members in groups.items():
        value, qual, conflicting = _pick(members)
        if conflicting:
            vals = [c.killed for c in members if c.killed is not None]
            conflict_range = (min(vals), max(vals))
        if key.startswith("people"):
            generic = (value, qual)
            continue
        if value is None:
            quals.add("vague")
            continue
        total += value
        quals.add(qual)
    if conflict_range is not None:
        return Fatalities(conflict_range[0], conflict_range[1], "conflicting_claims", injured)
    if generic is not None and generic[0] is not None and generic[0] >= total:
        total, quals = generic[0], {generic[1]}
    elif generic is not None and generic[0] is None and total == 0:
        quals.add("vague")
    if total == 0:
        return Fatalities(None, None, "vague" if "vague" in quals else "unknown", injured)
    partly_vague = "vague" in quals
    quals.discard("vague")
    qual = max(quals or {"at_least"}, key=lambda q: _QUAL_RANK.get(q, 0))
    if partly_vague:
        qual = "at_least"
    maximum = None if qual in ("at_least", "over") else total
    return Fatalities(total, maximum, qual, injured)
