"""Which written commitments a reported position names."""

from __future__ import annotations

from ceasefire.domain.wording import commitments_named, content_words

REGISTER = [
    ("1", "Cease hostilities immediately; no hostile act against the other side"),
    (
        "4",
        "Prevent the use of Afghan territory to launch attacks against Pakistan and take "
        "verifiable steps against militant groups",
    ),
    ("5", "No strikes on Afghan territory and respect of Afghan airspace"),
]


def test_content_words_drop_function_words_and_common_endings() -> None:
    assert content_words("The attacks, attacking and attacked by militants") == {
        "attack",
        "militant",
    }
    assert content_words("it is on the other side") == frozenset()
    assert content_words("strikes hostilities forces") == content_words("strike hostility force")


def test_a_paraphrased_demand_names_its_clause() -> None:
    named = commitments_named(
        "prevent its territory from being used to launch attacks against Pakistan and must "
        "take verifiable, effective steps against militants",
        REGISTER,
    )
    assert [n.clause for n in named] == ["4"]
    assert {"territory", "attacks", "verifiable", "militant"} <= set(named[0].shared)
    assert [n.clause for n in commitments_named("respect Afghan airspace", REGISTER)] == ["5"]


def test_a_position_about_something_else_names_nothing() -> None:
    assert commitments_named("to continue discussions in future meetings", REGISTER) == []
    # one shared word is not enough: "Afghan" alone does not make clause 5
    assert commitments_named("release Afghan prisoners held in Peshawar", REGISTER) == []


def test_best_first_and_at_most_two() -> None:
    register = [(str(i), "respect Afghan airspace and territory") for i in range(5)]
    register.append(("9", "respect Afghan airspace"))
    named = commitments_named("respect Afghan airspace", register)
    assert [n.clause for n in named] == ["9", "0"]
    assert named[0].score == 1.0
