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

import re
from dataclasses import dataclass
from functools import lru_cache

from ceasefire.news.actors import DEMONYMS, find_actors
from ceasefire.news.model import CasualtyClaim

_COUNTRIES = {c.lower(): c for c in DEMONYMS.values()}


@lru_cache(maxsize=1024)
def claimant(source: str) -> str:
    """One key per claimant, so "Zabihullah Mujahid" and "Taliban spokesman Zabihullah
    Mujahid" (or "ISPR" and "Pakistan's military") count as one source: the side of the
    first registry actor named, else a country or demonym, else the lower-cased text."""
    if source == "report":
        return source
    for actor in find_actors(source, 0, len(source)):
        if actor.side:
            return "side:" + actor.side
    for word in re.findall(r"[A-Za-z]+", source):
        country = DEMONYMS.get(word.lower()) or _COUNTRIES.get(word.lower())
        if country:
            return "side:" + country
    return " ".join(source.lower().split())


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
    sources = {claimant(c.source) for c in numeric if c.source != "report"}
    if len(sources) >= 2:
        return min(values), "conflicting_claims", True  # type: ignore[type-var]
    best = max(numeric, key=lambda c: c.killed or 0)
    return best.killed, best.killed_qualifier or "exact", False


def _rival_totals(killers: list[CasualtyClaim]) -> tuple[int, int | None] | None:
    """(smallest, largest or None) of the claimants' totals when two parties to the fight
    give different totals (ISPR: 23 soldiers and 200 Taliban; the Taliban: 58 soldiers
    and 9 fighters); None when the figures can simply be added up."""
    by_claimant: dict[str, list[CasualtyClaim]] = {}
    for c in killers:
        key = claimant(c.source)
        if key.startswith("side:"):
            by_claimant.setdefault(key, []).append(c)
    if len(by_claimant) < 2:
        return None
    totals: list[tuple[int, bool]] = []
    for own in by_claimant.values():
        best: dict[str, CasualtyClaim] = {}
        for c in own:
            if c.killed is not None and (c.group_key not in best or c.is_update):
                best[c.group_key] = c
        if best:
            total = sum(c.killed or 0 for c in best.values())
            open_ended = any(c.killed_qualifier in ("at_least", "over") for c in best.values())
            totals.append((total, open_ended))
    if len({t for t, _ in totals}) < 2:
        return None
    largest = max(totals)
    return min(t for t, _ in totals), (None if largest[1] else largest[0])


def combine(claims: list[CasualtyClaim]) -> Fatalities:
    """Incident totals from its claims (see the module docstring for the rules)."""
    usable = [c for c in claims if not c.is_subset]
    injured_vals = [c.injured for c in usable if c.injured is not None]
    injured = min(injured_vals) if injured_vals else None
    killers = [c for c in usable if c.killed is not None or c.killed_qualifier == "vague"]
    if not killers:
        return Fatalities(None, None, "unknown", injured)
    rival = _rival_totals(killers)
    if rival is not None:
        return Fatalities(rival[0], rival[1], "conflicting_claims", injured)
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
    if generic is not None and generic[0] is not None and generic[0] > total:
        total, quals = generic[0], {generic[1]}  # a total larger than the parts told
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
