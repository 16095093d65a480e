"""Casualty claims per claimant and the low/best/high rules derived from them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.casualties import (
    VAGUE_MINIMUMS,
    CasualtyClaim,
    ClaimantKind,
    FatalityEstimate,
    Qualifier,
    fatality_estimate,
    injury_estimate,
    vague_minimum,
)
from ceasefire.domain.errors import InvalidInput

Q = Qualifier


def claim(
    claimant: str,
    killed: int | None,
    qualifier: Qualifier = Q.EXACT,
    *,
    group: str = "soldiers",
    kind: ClaimantKind = ClaimantKind.UNKNOWN,
    injured: int | None = None,
    injured_qualifier: Qualifier = Q.EXACT,
) -> CasualtyClaim:
    return CasualtyClaim(
        claimant=claimant,
        victim_group=group,
        killed=killed,
        killed_qualifier=qualifier,
        injured=injured,
        injured_qualifier=injured_qualifier,
        claimant_kind=kind,
    )


def one(killed: int, qualifier: Qualifier) -> FatalityEstimate:
    return fatality_estimate([claim("ISPR", killed, qualifier)])


# --- one figure, by qualifier ---------------------------------------------------------------


def test_exact_is_a_point():
    assert one(23, Q.EXACT) == FatalityEstimate(23, 23, 23, False, False, 1)


def test_at_least_is_open_above():
    assert one(23, Q.AT_LEAST) == FatalityEstimate(23, 23, None, False, False, 1)


def test_over_starts_one_above():
    assert one(23, Q.OVER) == FatalityEstimate(24, 24, None, False, False, 1)


@pytest.mark.parametrize(
    ("figure", "low", "high"),
    [(0, 0, 0), (1, 0, 2), (10, 9, 11), (23, 20, 26), (58, 52, 64), (100, 90, 110)],
)
def test_approximately_is_ten_percent_rounded_up(figure, low, high):
    assert one(figure, Q.APPROXIMATELY) == FatalityEstimate(low, figure, high, False, False, 1)


def test_vague_gives_the_smallest_number_and_is_flagged():
    assert one(vague_minimum("dozens"), Q.VAGUE) == FatalityEstimate(24, 24, None, True, False, 1)


def test_killing_pakistanis_is_at_least_two():
    estimate = one(vague_minimum("plural"), Q.VAGUE)
    assert (estimate.low, estimate.high, estimate.vague) == (2, None, True)


# --- vague wording ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "minimum"),
    [
        ("dozens", 24),
        ("  Dozens ", 24),
        ("plural", 2),
        ("A  few", 2),
        ("several", 3),
        ("scores", 40),
        ("hundreds", 200),
    ],
)
def test_vague_minimums(wording, minimum):
    assert vague_minimum(wording) == minimum


def test_every_vague_minimum_is_at_least_two():
    assert all(n >= 2 for n in VAGUE_MINIMUMS.values())


def test_unknown_wording_is_refused():
    with pytest.raises(InvalidInput, match="unknown vague wording") as caught:
        vague_minimum("a great many")
    assert caught.value.details["wording"] == "a great many"


# --- two claimants side by side ---------------------------------------------------------------


def test_two_parties_23_vs_58_soldiers_kept_side_by_side():
    claims = [
        claim("ISPR (Pakistan)", 23, kind=ClaimantKind.PARTY),
        claim("Taliban spokesman", 58, kind=ClaimantKind.PARTY),
    ]
    assert claims[0].killed == 23
    assert claims[1].killed == 58
    estimate = fatality_estimate(claims)
    assert estimate == FatalityEstimate(
        low=23, best=23, high=58, vague=False, conflicting=True, claimants=2
    )


def test_a_monitors_figure_is_best_over_parties():
    claims = [
        claim("ISPR", 23, kind=ClaimantKind.PARTY),
        claim("Taliban", 58, kind=ClaimantKind.PARTY),
        claim("Mission", 40, Q.APPROXIMATELY, kind=ClaimantKind.MONITOR),
    ]
    assert fatality_estimate(claims) == FatalityEstimate(23, 40, 58, False, True, 3)


def test_ngo_beats_media_beats_party():
    claims = [
        claim("ISPR", 10, kind=ClaimantKind.PARTY),
        claim("Dawn", 12, kind=ClaimantKind.MEDIA),
        claim("HRCP", 11, kind=ClaimantKind.NGO),
    ]
    assert fatality_estimate(claims).best == 11
    assert fatality_estimate(claims[:2]).best == 12


def test_best_is_the_lower_median_of_equally_neutral_claimants():
    claims = [claim(name, n) for name, n in [("a", 5), ("b", 9), ("c", 7), ("d", 30)]]
    assert fatality_estimate(claims).best == 7
    assert fatality_estimate(claims[:3]).best == 7


def test_open_claim_makes_high_open_and_overlap_is_no_conflict():
    claims = [claim("ISPR", 23, Q.AT_LEAST), claim("Taliban", 58)]
    assert fatality_estimate(claims) == FatalityEstimate(23, 23, None, False, False, 2)


def test_conflict_when_an_open_claim_starts_above_an_exact_one():
    claims = [claim("ISPR", 60, Q.OVER), claim("Taliban", 58)]
    estimate = fatality_estimate(claims)
    assert estimate.conflicting
    assert (estimate.low, estimate.high) == (58, None)


def test_overlapping_approximations_do_not_conflict():
    claims = [claim("a", 22, Q.APPROXIMATELY), claim("b", 25)]
    assert not fatality_estimate(claims).conflicting


def test_a_vague_claim_flags_the_whole_estimate():
    claims = [claim("a", 23), claim("b", vague_minimum("several"), Q.VAGUE)]
    estimate = fatality_estimate(claims)
    assert estimate.vague
    assert (estimate.low, estimate.best, estimate.high) == (3, 3, None)
    assert not estimate.conflicting


def test_dozens_against_23_conflicts():
    claims = [claim("a", 23), claim("b", vague_minimum("dozens"), Q.VAGUE)]
    assert fatality_estimate(claims).conflicting


# --- victim groups and claimants --------------------------------------------------------------


def test_a_claimants_victim_groups_are_summed():
    claims = [
        claim("ISPR", 23, group="soldiers"),
        claim("ISPR", 200, Q.OVER, group="militants"),
        claim("ISPR", 3, group="civilians"),
    ]
    assert fatality_estimate(claims) == FatalityEstimate(227, 227, None, False, False, 1)


def test_sum_of_closed_bands_is_closed():
    claims = [
        claim("ISPR", 10, Q.APPROXIMATELY, group="soldiers"),
        claim("ISPR", 5, group="civilians"),
    ]
    assert fatality_estimate(claims) == FatalityEstimate(14, 15, 16, False, False, 1)


def test_claims_without_a_death_figure_are_left_out():
    claims = [claim("ISPR", 23), claim("Taliban", None, injured=4)]
    assert fatality_estimate(claims) == FatalityEstimate(23, 23, 23, False, False, 1)


def test_no_figure_at_all_is_unknown_not_zero():
    assert fatality_estimate([]) == FatalityEstimate(0, 0, None, False, False, 0)
    assert fatality_estimate([claim("a", None)]).claimants == 0


def test_deaths_and_injuries_are_separate():
    claims = [
        claim("ISPR", 2, injured=11, injured_qualifier=Q.AT_LEAST),
        claim("Taliban", 5, injured=None),
    ]
    assert fatality_estimate(claims) == FatalityEstimate(2, 2, 5, False, True, 2)
    assert injury_estimate(claims) == FatalityEstimate(11, 11, None, False, False, 1)


def test_two_claims_for_one_victim_group_are_refused():
    with pytest.raises(InvalidInput, match="one claim per victim group") as caught:
        fatality_estimate([claim("ISPR", 23), claim("ISPR", 25)])
    assert caught.value.details == {"claimant": "ISPR", "victim_group": "soldiers"}


def test_one_claimant_of_two_kinds_is_refused():
    claims = [
        claim("Dawn", 3, group="soldiers", kind=ClaimantKind.MEDIA),
        claim("Dawn", 4, group="civilians", kind=ClaimantKind.PARTY),
    ]
    with pytest.raises(InvalidInput, match="two kinds"):
        injury_estimate(claims)


# --- claim validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"claimant": " "}, "needs a claimant"),
        ({"victim_group": ""}, "needs a victim group"),
        ({"killed": -1}, "killed cannot be negative"),
        ({"injured": -3}, "injured cannot be negative"),
        ({"killed": 0, "killed_qualifier": Q.VAGUE}, "at least 1"),
        ({"injured": 0, "injured_qualifier": Q.VAGUE}, "vague injured"),
    ],
)
def test_invalid_claims_are_refused(kwargs, message):
    fields: dict[str, object] = {"claimant": "ISPR", "victim_group": "soldiers", "killed": 1}
    fields.update(kwargs)
    with pytest.raises(InvalidInput, match=message):
        CasualtyClaim(**fields)  # type: ignore[arg-type]


def test_zero_and_defaults_are_allowed():
    c = CasualtyClaim(claimant="ISPR", victim_group="civilians", killed=0)
    assert (c.killed_qualifier, c.injured, c.claimant_kind) == (Q.EXACT, None, ClaimantKind.UNKNOWN)


# --- properties -------------------------------------------------------------------------------

CLAIMANTS = ["ISPR", "Taliban", "Mission", "HRCP", "Dawn"]
KIND_OF = dict(
    zip(
        CLAIMANTS,
        [ClaimantKind.PARTY, ClaimantKind.PARTY, ClaimantKind.MONITOR, ClaimantKind.NGO, None],
        strict=True,
    )
)


@st.composite
def claim_sets(draw: st.DrawFn) -> list[CasualtyClaim]:
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(CLAIMANTS), st.sampled_from(["soldiers", "civilians"])),
            unique=True,
            max_size=8,
        )
    )
    use_kinds = draw(st.booleans())
    claims = []
    for claimant, group in keys:
        qualifier = draw(st.sampled_from(Qualifier))
        low = 1 if qualifier is Q.VAGUE else 0
        kind = KIND_OF[claimant] if use_kinds else None
        claims.append(
            CasualtyClaim(
                claimant=claimant,
                victim_group=group,
                killed=draw(st.none() | st.integers(low, 500)),
                killed_qualifier=qualifier,
                injured=draw(st.none() | st.integers(1, 500)),
                injured_qualifier=draw(st.sampled_from(Qualifier)),
                claimant_kind=kind or ClaimantKind.UNKNOWN,
            )
        )
    return claims


@given(claim_sets())
def test_low_best_high_are_ordered(claims):
    for estimate in (fatality_estimate(claims), injury_estimate(claims)):
        assert 0 <= estimate.low <= estimate.best
        if estimate.high is not None:
            assert estimate.best <= estimate.high
            assert not estimate.vague


@given(claim_sets(), st.randoms(use_true_random=False))
def test_estimate_does_not_depend_on_claim_order(claims, rnd):
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert fatality_estimate(shuffled) == fatality_estimate(claims)
    assert injury_estimate(shuffled) == injury_estimate(claims)


@given(claim_sets())
def test_conflicting_only_with_two_or_more_claimants(claims):
    estimate = fatality_estimate(claims)
    if estimate.claimants < 2:
        assert not estimate.conflicting


@given(st.integers(1, 10_000), st.sampled_from(Qualifier))
def test_one_claim_best_is_the_stated_figure_except_over(figure, qualifier):
    estimate = one(figure, qualifier)
    assert estimate.best == (figure + 1 if qualifier is Q.OVER else figure)
    assert estimate.high is None or estimate.high <= figure + -(-figure // 10)
