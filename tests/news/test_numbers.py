"""Number words, qualifiers, casualty claims and the fatality conventions."""

from __future__ import annotations

import pytest

from ceasefire.news.casualties import claim_source, find_claims
from ceasefire.news.fatalities import combine
from ceasefire.news.numbers import find_quantities, parse_quantity, words_to_int


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("at least twelve", 12, "at_least"),
        ("more than 70", 70, "over"),
        ("over 580", 580, "over"),
        ("about 40", 40, "approximately"),
        ("nearly three", 3, "approximately"),
        ("twenty-three", 23, "exact"),
        ("one hundred and five", 105, "exact"),
        ("a dozen", 12, "exact"),
        ("2,600", 2600, "exact"),
        ("a couple", 2, "exact"),
    ],
)
def test_quantities(text: str, value: int, qualifier: str) -> None:
    q = parse_quantity(text)
    assert q is not None and (q.value, q.qualifier) == (value, qualifier)


def test_vague_words_have_no_value_but_a_floor() -> None:
    q = parse_quantity("dozens")
    assert q is not None and (q.value, q.qualifier, q.low) == (None, "vague", 24)
    several = parse_quantity("several")
    assert several is not None and several.qualifier == "vague"


def test_not_numbers() -> None:
    assert words_to_int("dozens") is None
    assert [q.value for q in find_quantities("at 5:00 PM, 3.5 percent, G-11")] == []


def _fatalities(text: str):
    return combine(find_claims(text, 0, len(text), claim_source(text)))


def test_at_least_twelve_and_more_than_seventy() -> None:
    f = _fatalities("At least twelve soldiers were killed and more than 70 militants died.")
    assert (f.minimum, f.maximum, f.qualifier) == (82, None, "at_least")


def test_two_claimants_23_vs_58_conflict() -> None:
    f = _fatalities(
        "Pakistan said 23 soldiers were killed, while the Taliban claimed 58 Pakistani "
        "soldiers were killed."
    )
    assert (f.minimum, f.maximum, f.qualifier) == (23, 58, "conflicting_claims")


def test_opposing_sides_claiming_each_others_losses_conflict() -> None:
    f = _fatalities(
        "Pakistan says it has killed more than 330 Afghan forces and Afghanistan says it has "
        "killed 110 Pakistani soldiers."
    )
    assert (f.minimum, f.maximum, f.qualifier) == (110, None, "conflicting_claims")


def test_dozens_is_vague() -> None:
    f = _fatalities("The clashes killed dozens of soldiers and wounded hundreds more.")
    assert (f.minimum, f.maximum, f.qualifier) == (None, None, "vague")


def test_no_deaths_is_unknown_not_zero() -> None:
    f = _fatalities("Four soldiers were injured by a landmine.")
    assert (f.minimum, f.qualifier, f.injured) == (None, "unknown", 4)


def test_same_source_groups_add_up_attackers_included() -> None:
    text = "Four soldiers embraced martyrdom and all four attackers were killed, ISPR said."
    f = _fatalities(text)
    assert (f.minimum, f.maximum, f.qualifier) == (8, 8, "exact")


def test_updated_toll_replaces_the_earlier_one() -> None:
    text = (
        "At least three police officers were killed and six others injured. "
        "The death toll among police personnel had risen to seven. "
        "Security forces killed all five militants."
    )
    f = _fatalities(text)
    assert (f.minimum, f.maximum, f.qualifier, f.injured) == (12, 12, "exact", 6)


def test_parts_of_a_figure_are_not_added() -> None:
    f = _fatalities("The drone killed 11 fighters, nine of them from Helmand, sources said.")
    assert (f.minimum, f.qualifier) == (11, "exact")


def test_enumerated_victims_are_counted() -> None:
    f = _fatalities("A couple and their nine-month-old baby were murdered by gunmen.")
    assert (f.minimum, f.qualifier) == (3, "exact")


def test_single_victim() -> None:
    f = _fatalities("An assistant sub-inspector was martyred, and a constable injured.")
    assert (f.minimum, f.injured) == (1, 1)


def test_generic_total_is_not_added_to_its_parts() -> None:
    f = _fatalities("At least five people were killed. Two soldiers were killed.")
    assert (f.minimum, f.qualifier) == (5, "at_least")


def test_claim_source() -> None:
    assert claim_source("Five were killed, according to the Palestinian Civil Emergency.") == (
        "Palestinian Civil Emergency"
    )
    assert claim_source("Five were killed, officials said.") == "officials"
    assert claim_source("Five were killed.") == "report"


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers and five militants were killed in the clash.",
        "The attack killed two soldiers and five militants, officials said.",
    ],
)
def test_coordinated_victim_groups_add_up(text: str) -> None:
    f = _fatalities(text)
    assert (f.minimum, f.maximum, f.qualifier) == (7, 7, "exact")
