"""Agreement status as a fold over dated events, and the checks on dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.agreements import (
    AgreementStatus,
    EventKind,
    Term,
    TimelineEvent,
    agreement_status,
    check_event,
    check_term,
)
from ceasefire.domain.errors import InvalidInput

D = date
OPEN = Term(effective_from=D(2025, 10, 19), effective_until=None)


def test_not_yet_in_force_before_its_first_day():
    assert agreement_status(OPEN, [], as_of=D(2025, 10, 18)) is AgreementStatus.NOT_YET_IN_FORCE


def test_in_force_from_its_first_day():
    assert agreement_status(OPEN, [], as_of=D(2025, 10, 19)) is AgreementStatus.IN_FORCE


def test_a_declaration_puts_an_agreement_without_a_term_in_force():
    term = Term(None, None)
    events = [TimelineEvent(EventKind.CEASEFIRE_DECLARED, D(2025, 10, 15))]
    assert agreement_status(term, events, as_of=D(2025, 10, 14)) is AgreementStatus.NOT_YET_IN_FORCE
    assert agreement_status(term, events, as_of=D(2025, 10, 15)) is AgreementStatus.IN_FORCE


def test_the_48_hour_truce_expires_then_collapses():
    truce = Term(D(2025, 10, 15), D(2025, 10, 17))
    assert agreement_status(truce, [], as_of=D(2025, 10, 18)) is AgreementStatus.EXPIRED
    collapsed = [TimelineEvent(EventKind.CEASEFIRE_COLLAPSED, D(2025, 10, 17))]
    assert agreement_status(truce, collapsed, as_of=D(2025, 10, 16)) is AgreementStatus.IN_FORCE
    assert agreement_status(truce, collapsed, as_of=D(2025, 10, 17)) is AgreementStatus.COLLAPSED


def test_an_extension_moves_the_end_or_opens_it():
    truce = Term(D(2025, 10, 15), D(2025, 10, 17))
    dated = [TimelineEvent(EventKind.CEASEFIRE_EXTENDED, D(2025, 10, 17), D(2025, 10, 30))]
    assert agreement_status(truce, dated, as_of=D(2025, 10, 25)) is AgreementStatus.IN_FORCE
    assert agreement_status(truce, dated, as_of=D(2025, 10, 31)) is AgreementStatus.EXPIRED
    open_ended = [TimelineEvent(EventKind.CEASEFIRE_EXTENDED, D(2025, 10, 17))]
    assert agreement_status(truce, open_ended, as_of=D(2026, 1, 1)) is AgreementStatus.IN_FORCE


def test_suspension_and_resumption():
    events = [
        TimelineEvent(EventKind.CEASEFIRE_SUSPENDED, D(2025, 11, 1)),
        TimelineEvent(EventKind.CEASEFIRE_RESUMED, D(2025, 11, 5)),
    ]
    assert agreement_status(OPEN, events, as_of=D(2025, 11, 2)) is AgreementStatus.SUSPENDED
    assert agreement_status(OPEN, events, as_of=D(2025, 11, 5)) is AgreementStatus.IN_FORCE


def test_party_statements_never_change_the_status():
    events = [
        TimelineEvent(EventKind.STATEMENT_OF_BREACH, D(2025, 10, 26)),
        TimelineEvent(EventKind.UNILATERAL_MEASURE, D(2025, 10, 27)),
        TimelineEvent(EventKind.TALKS_ROUND_HELD, D(2025, 10, 28)),
        TimelineEvent(EventKind.MECHANISM_AGREED, D(2025, 10, 30)),
    ]
    assert agreement_status(OPEN, events, as_of=D(2025, 11, 1)) is AgreementStatus.IN_FORCE


def test_termination_is_final_for_the_fold():
    events = [TimelineEvent(EventKind.TERMINATED, D(2025, 12, 1))]
    assert agreement_status(OPEN, events, as_of=D(2025, 12, 1)) is AgreementStatus.TERMINATED


kinds = st.sampled_from(list(EventKind))
days = st.integers(min_value=0, max_value=60).map(lambda n: D(2025, 10, 1) + timedelta(days=n))
events_strategy = st.lists(st.builds(TimelineEvent, kinds, days), max_size=12)


@given(events=events_strategy, as_of=days, data=st.data())
def test_status_does_not_depend_on_the_order_of_events(events, as_of, data):
    shuffled = data.draw(st.permutations(events))
    assert agreement_status(OPEN, shuffled, as_of=as_of) is agreement_status(
        OPEN, events, as_of=as_of
    )


def test_term_checks():
    with pytest.raises(InvalidInput, match="before effective from"):
        check_term(Term(D(2025, 10, 19), D(2025, 10, 18)), signed_on=None)
    with pytest.raises(InvalidInput, match="before it was signed"):
        check_term(Term(D(2025, 10, 18), None), signed_on=D(2025, 10, 19))
    check_term(Term(D(2025, 10, 19), D(2025, 10, 19)), signed_on=D(2025, 10, 19))


def test_event_checks():
    with pytest.raises(InvalidInput, match="only an extension"):
        check_event(
            EventKind.CEASEFIRE_DECLARED, effective_until=D(2025, 11, 1), occurred_on=D(2025, 10, 1)
        )
    with pytest.raises(InvalidInput, match="before the event"):
        check_event(
            EventKind.CEASEFIRE_EXTENDED, effective_until=D(2025, 9, 1), occurred_on=D(2025, 10, 1)
        )
    check_event(EventKind.CEASEFIRE_EXTENDED, effective_until=None, occurred_on=D(2025, 10, 1))
