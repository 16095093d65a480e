"""Casualty claims per claimant and the low/best/high estimates derived from them.

Every claimant's figures are kept side by side, as claimed; the estimate is derived, never
entered. The rules (docs/decisions/0004-fatality-estimates.md gives the why):

1. Deaths and injuries are separate estimates; a figure for "casualties" is not a death toll.
2. One claimed figure gives an interval and a point, by its qualifier:
   exact N → [N, N], point N; at least N → [N, open), point N; over N → [N+1, open),
   point N+1; approximately N → [N − m, N + m] with m = ⌈N/10⌉ (±10 %, rounded up), point N;
   vague → [N, open), point N, where N is the smallest number the wording allows
   (`vague_minimum`: "dozens" → 24, an unquantified plural such as "killing Pakistanis" → 2).
   No figure is ever imputed: a vague figure is flagged, not guessed.
3. A claimant's victim groups (soldiers, civilians, militants, …) are summed: low, point and
   high separately (high is open if any group's is).
4. Across claimants: low = the smallest claimant low (ACLED's most conservative figure);
   high = the largest claimant high, open if any claimant's is open; best = the lower median
   of the claimant points among the most neutral claimant kind present
   (monitor, then NGO, then media, then party, then unknown), so a party's figure is the best
   only when nobody more neutral gave one, and with two claimants the lower one wins.
5. `vague` is true if any figure used is vague; `conflicting` is true if the claimants'
   intervals share no common number (e.g. exactly 23 against exactly 58).
6. With no figure at all the estimate is low 0, best 0, high open and `claimants` 0: nothing is
   known, which is not the same as nobody killed.

Must not import anything outside the standard library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from ceasefire.domain.errors import InvalidInput


class Qualifier(StrEnum):
    """How a claimed figure is worded."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    OVER = "over"
    APPROXIMATELY = "approximately"
    VAGUE = "vague"


class ClaimantKind(StrEnum):
    """Who makes a claim, most neutral first (the order `best` prefers)."""

    MONITOR = "monitor"
    NGO = "ngo"
    MEDIA = "media"
    PARTY = "party"
    UNKNOWN = "unknown"


_NEUTRALITY: Final[Mapping[ClaimantKind, int]] = MappingProxyType(
    {kind: rank for rank, kind in enumerate(ClaimantKind)}
)

# Smallest number each vague wording allows; the wording never stands for a guess.
VAGUE_MINIMUMS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "plural": 2,  # an unquantified plural: "killing Pakistanis", "soldiers were martyred"
        "a couple": 2,
        "a few": 2,
        "some": 2,
        "several": 3,
        "dozens": 24,
        "scores": 40,
        "hundreds": 200,
        "thousands": 2000,
    }
)


def vague_minimum(wording: str) -> int:
    """Return the smallest number a vague wording allows (see VAGUE_MINIMUMS).

    Raises:
        InvalidInput: the wording is not in the table.
    """
    key = " ".join(wording.lower().split())
    if key not in VAGUE_MINIMUMS:
        raise InvalidInput(
            "unknown vague wording; enter the smallest number it allows",
            details={"wording": wording, "known": sorted(VAGUE_MINIMUMS)},
        )
    return VAGUE_MINIMUMS[key]


def _check_figure(name: str, figure: int | None, qualifier: Qualifier) -> None:
    if figure is None:
        return
    if figure < 0:
        raise InvalidInput(f"{name} cannot be negative", details={name: figure})
    if qualifier is Qualifier.VAGUE and figure < 1:
        raise InvalidInput(
            f"a vague {name} figure is the smallest number the wording allows, at least 1",
            details={name: figure},
        )


@dataclass(frozen=True, slots=True)
class CasualtyClaim:
    """One claimant's figures for one victim group, as claimed (None: no figure given)."""

    claimant: str
    victim_group: str
    killed: int | None
    killed_qualifier: Qualifier = Qualifier.EXACT
    injured: int | None = None
    injured_qualifier: Qualifier = Qualifier.EXACT
    claimant_kind: ClaimantKind = ClaimantKind.UNKNOWN

    def __post_init__(self) -> None:
        """Refuse empty names and impossible figures.

        Raises:
            InvalidInput: an empty claimant or victim group, a negative figure, or a vague
                figure below 1.
        """
        if not self.claimant.strip():
            raise InvalidInput("a casualty claim needs a claimant")
        if not self.victim_group.strip():
            raise InvalidInput("a casualty claim needs a victim group")
        _check_figure("killed", self.killed, self.killed_qualifier)
        _check_figure("injured", self.injured, self.injured_qualifier)


@dataclass(frozen=True, slots=True)
class FatalityEstimate:
    """Derived low/best/high (high None: open-ended), with the vague and conflicting flags."""

    low: int
    best: int
    high: int | None
    vague: bool
    conflicting: bool
    claimants: int


@dataclass(frozen=True, slots=True)
class _Band:
    low: int
    point: int
    high: int | None
    vague: bool


def _band(figure: int, qualifier: Qualifier) -> _Band:
    if qualifier is Qualifier.EXACT:
        return _Band(figure, figure, figure, vague=False)
    if qualifier is Qualifier.AT_LEAST:
        return _Band(figure, figure, None, vague=False)
    if qualifier is Qualifier.OVER:
        return _Band(figure + 1, figure + 1, None, vague=False)
    if qualifier is Qualifier.APPROXIMATELY:
        margin = -(-figure // 10)
        return _Band(figure - margin, figure, figure + margin, vague=False)
    return _Band(figure, figure, None, vague=True)


def _sum(bands: Iterable[_Band]) -> _Band:
    low = point = 0
    high: int | None = 0
    vague = False
    for band in bands:
        low += band.low
        point += band.point
        high = None if high is None or band.high is None else high + band.high
        vague = vague or band.vague
    return _Band(low, point, high, vague)


def _estimate(claims: Iterable[CasualtyClaim], *, killed: bool) -> FatalityEstimate:
    per_claimant: dict[str, dict[str, _Band]] = {}
    kinds: dict[str, ClaimantKind] = {}
    for claim in claims:
        groups = per_claimant.setdefault(claim.claimant, {})
        if claim.claimant in kinds and kinds[claim.claimant] is not claim.claimant_kind:
            raise InvalidInput(
                "one claimant cannot be of two kinds",
                details={"claimant": claim.claimant},
            )
        kinds[claim.claimant] = claim.claimant_kind
        if claim.victim_group in groups:
            raise InvalidInput(
                "a claimant has one claim per victim group; replace the earlier claim",
                details={"claimant": claim.claimant, "victim_group": claim.victim_group},
            )
        figure = claim.killed if killed else claim.injured
        qualifier = claim.killed_qualifier if killed else claim.injured_qualifier
        if figure is not None:
            groups[claim.victim_group] = _band(figure, qualifier)
    totals = {name: _sum(groups.values()) for name, groups in per_claimant.items() if groups}
    if not totals:
        return FatalityEstimate(0, 0, None, vague=False, conflicting=False, claimants=0)
    bands = list(totals.values())
    highs = [band.high for band in bands]
    high = None if None in highs else max(h for h in highs if h is not None)
    most_neutral = min(_NEUTRALITY[kinds[name]] for name in totals)
    points = sorted(
        band.point for name, band in totals.items() if _NEUTRALITY[kinds[name]] == most_neutral
    )
    lowest_high = min((h for h in highs if h is not None), default=None)
    return FatalityEstimate(
        low=min(band.low for band in bands),
        best=points[(len(points) - 1) // 2],
        high=high,
        vague=any(band.vague for band in bands),
        conflicting=lowest_high is not None and max(b.low for b in bands) > lowest_high,
        claimants=len(bands),
    )


def fatality_estimate(claims: Iterable[CasualtyClaim]) -> FatalityEstimate:
    """Derive deaths low/best/high from every claimant's claims by the module's rules.

    Raises:
        InvalidInput: a claimant has two claims for one victim group, or two kinds.
    """
    return _estimate(claims, killed=True)


def injury_estimate(claims: Iterable[CasualtyClaim]) -> FatalityEstimate:
    """Derive injured low/best/high by the same rules, kept apart from deaths.

    Raises:
        InvalidInput: a claimant has two claims for one victim group, or two kinds.
    """
    return _estimate(claims, killed=False)
