"""Clause text: parsing the mediator's structured text, writing it back, and checking it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.agreements import ObligationKind
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.texts import (
    ClauseDraft,
    ObligationDraft,
    check_clauses,
    content_sha256,
    format_clauses,
    parse_clauses,
    version_document,
)

SOURCE = """\
## C1 Cessation of hostilities
Both sides cease all hostile acts.
With immediate effect.
- PAK prohibition: No strikes on Afghan territory
  indicator: No verified air or drone strike on Afghan soil
  due: 2025-10-20
- ALL procedural: Report to the mechanism
  every: 7
  due_days: 3
## C2 Afghan soil
- AFG positive_action: Dismantle hideouts
  indicator: Sites dismantled
  indicator: Prosecutions
"""


def test_parse_reads_clauses_text_obligations_and_attributes():
    c1, c2 = parse_clauses(SOURCE)
    assert (c1.number, c1.heading) == ("C1", "Cessation of hostilities")
    assert c1.text == "Both sides cease all hostile acts.\nWith immediate effect."
    strikes, report = c1.obligations
    assert strikes == ObligationDraft(
        party="PAK",
        kind=ObligationKind.PROHIBITION,
        requirement="No strikes on Afghan territory",
        indicators=("No verified air or drone strike on Afghan soil",),
        due_on=date(2025, 10, 20),
    )
    assert report.party is None
    assert (report.recurrence_days, report.due_days) == (7, 3)
    assert c2.obligations[0].indicators == ("Sites dismantled", "Prosecutions")


def test_format_then_parse_gives_the_same_clauses():
    clauses = parse_clauses(SOURCE)
    assert parse_clauses(format_clauses(clauses)) == clauses


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Some text\n## C1 H\n", "line 1: the text must start with a clause line"),
        ("## C1 H\n- PAK forbidden: x\n", "line 2: obligation kind 'forbidden' is not one of"),
        ("## C1 H\n  indicator: x\n", "line 2: 'indicator:' must follow an obligation line"),
        (
            "## C1 H\n- PAK prohibition: x\n  due: 20-10-2025\n",
            "line 3: due date '20-10-2025' is not YYYY-MM-DD",
        ),
        ("## C1 H\n- PAK prohibition: x\n  every: 0\n", "line 3: every must be a whole number"),
        (
            "## C1 H\n- PAK prohibition: x\n  due_days: many\n",
            "line 3: due_days must be a whole number",
        ),
        (
            "## C1 H\n- PAK prohibition: x\n  indicator:\n",
            "line 3: an indicator needs a description",
        ),
        ("## C1 H\n- PAK prohibition: x\nlate text\n", "line 3: clause text must come before"),
    ],
)
def test_parse_errors_name_the_line(source, message):
    with pytest.raises(InvalidInput) as refused:
        parse_clauses(source)
    assert message in refused.value.message


PARTIES = frozenset({"PAK", "AFG"})


def _clause(**changes) -> ClauseDraft:
    base = {"number": "1", "heading": "H", "text": "", "obligations": ()}
    return ClauseDraft(**(base | changes))


@pytest.mark.parametrize(
    ("clauses", "message"),
    [
        ((), "at least one clause"),
        ((_clause(number="bad number!"),), "must be 1–16 letters"),
        ((_clause(), _clause()), "clause 1 appears twice"),
        ((_clause(heading=" "),), "needs a heading"),
        ((_clause(text="x" * 20_001),), "longer than"),
        (
            (_clause(obligations=(ObligationDraft("IND", ObligationKind.PROHIBITION, "x"),)),),
            "IND is not a party",
        ),
        (
            (_clause(obligations=(ObligationDraft("PAK", ObligationKind.PROHIBITION, " "),)),),
            "needs a requirement",
        ),
        (
            (
                _clause(
                    obligations=(
                        ObligationDraft(
                            "PAK",
                            ObligationKind.PROHIBITION,
                            "x",
                            due_on=date(2025, 1, 1),
                            due_days=3,
                        ),
                    )
                ),
            ),
            "not both",
        ),
        (
            (
                _clause(
                    obligations=(
                        ObligationDraft("PAK", ObligationKind.PROHIBITION, "x", indicators=(" ",)),
                    )
                ),
            ),
            "indicator is empty",
        ),
    ],
)
def test_check_clauses_refuses(clauses, message):
    with pytest.raises(InvalidInput, match=message):
        check_clauses(clauses, parties=PARTIES)


def test_check_clauses_accepts_the_example():
    check_clauses(parse_clauses(SOURCE), parties=PARTIES)


def test_content_hash_commits_to_every_field():
    clauses = parse_clauses(SOURCE)
    document = version_document("text", clauses)
    assert document["clauses"][0]["obligations"][0]["due_on"] == "2025-10-20"
    changed = parse_clauses(SOURCE.replace("every: 7", "every: 8"))
    assert content_sha256("text", clauses) != content_sha256("text", changed)
    assert content_sha256("text", clauses) != content_sha256("other", clauses)
    assert len(content_sha256("text", clauses)) == 64


words = st.text(
    alphabet=st.characters(categories=("L", "N"), max_codepoint=0x24F), min_size=1, max_size=12
)


@given(
    st.lists(
        st.tuples(
            words,
            words,
            st.lists(
                st.tuples(
                    st.sampled_from(["PAK", "AFG", None]),
                    st.sampled_from(list(ObligationKind)),
                    words,
                    st.lists(words, max_size=2),
                ),
                max_size=3,
            ),
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda c: c[0],
    )
)
def test_round_trip_of_generated_clauses(spec):
    clauses = tuple(
        ClauseDraft(
            number=number,
            heading=heading,
            obligations=tuple(
                ObligationDraft(party, kind, requirement, tuple(indicators))
                for party, kind, requirement, indicators in items
            ),
        )
        for number, heading, items in spec
    )
    assert parse_clauses(format_clauses(clauses)) == clauses
