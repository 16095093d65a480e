"""Agreement register services: versions, talks, timeline; one log entry each."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ceasefire.accounts.models import Organisation
from ceasefire.agreements import selectors, services
from ceasefire.agreements.models import Agreement, AgreementVersion
from ceasefire.domain.agreements import (
    AgreementForm,
    AgreementStatus,
    EventKind,
    MediatorRole,
    TalksOutcome,
)
from ceasefire.domain.errors import InvalidInput, NotPermitted, StaleVersion
from ceasefire.domain.texts import content_sha256, parse_clauses
from ceasefire.ledger.models import LogEntry

CLAUSES = parse_clauses(
    "## 1 Ceasefire\n- ALL prohibition: No hostile acts\n  indicator: No verified attack\n"
)


def _details(**changes):
    base = {
        "title": "Test truce",
        "venue": "Doha",
        "form": AgreementForm.SIGNED_TEXT,
        "signed_on": date(2025, 10, 19),
        "effective_from": date(2025, 10, 19),
        "effective_until": None,
    }
    return services.AgreementDetails(**(base | changes))


def _orgs(*codes):
    return [Organisation.objects.get(code=code) for code in codes]


def _register(people, **changes):
    kwargs = {
        "actor": people["mediator.qatar"],
        "details": _details(),
        "parties": _orgs("PAK", "AFG"),
        "mediators": [(_orgs("QAT")[0], MediatorRole.HOST)],
        "text": "t",
        "clauses": CLAUSES,
    } | changes
    return services.register_agreement(**kwargs)


def _leaf(entry):
    return json.loads(bytes(entry.leaf))


def test_register_writes_version_one_and_one_entry(people):
    before = LogEntry.objects.count()
    agreement = _register(people)
    assert LogEntry.objects.count() == before + 1
    entry = LogEntry.objects.order_by("-index").first()
    payload = _leaf(entry)["payload"]
    assert entry.kind == "agreement.registered"
    assert payload["parties"] == ["AFG", "PAK"]
    assert payload["mediators"] == [{"code": "QAT", "role": "host"}]
    assert payload["content_sha256"] == content_sha256("t", CLAUSES)
    version = selectors.get_version(agreement)
    assert version.number == 1
    assert version.clause_drafts() == CLAUSES


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"details": _details(title=" ")}, InvalidInput, "title is required"),
        (
            {"details": _details(effective_until=date(2025, 1, 1))},
            InvalidInput,
            "before effective from",
        ),
        ({"parties": _orgs}, InvalidInput, "at least two distinct parties"),
        ({"clauses": ()}, InvalidInput, "at least one clause"),
        (
            {"clauses": parse_clauses("## 1 X\n- IND prohibition: y\n")},
            InvalidInput,
            "IND is not a party",
        ),
    ],
)
def test_register_refusals_change_nothing(people, unchanged, changes, error, message):
    if changes.get("parties") is _orgs:
        changes["parties"] = _orgs("PAK", "PAK")
    with unchanged(), pytest.raises(error, match=message):
        _register(people, **changes)


def test_register_refuses_mediators_not_in_the_agreement_and_non_mediators(people, unchanged):
    with unchanged():
        with pytest.raises(NotPermitted, match="their organisation mediates"):
            _register(people, mediators=[(_orgs("TUR")[0], MediatorRole.MEDIATOR)])
        with pytest.raises(NotPermitted):
            _register(people, actor=people["liaison.pakistan"])
        with pytest.raises(InvalidInput, match="must be a mediator organisation"):
            _register(
                people,
                mediators=[
                    (_orgs("QAT")[0], MediatorRole.HOST),
                    (_orgs("PAK")[0], MediatorRole.HOST),
                ],
            )
        with pytest.raises(InvalidInput, match="must be a party organisation"):
            _register(people, parties=_orgs("PAK", "QAT"))


def test_amend_adds_a_version_and_keeps_the_old_one(doha, people):
    old = selectors.get_version(doha, 2)
    old_clauses = old.clause_drafts()
    new_clauses = parse_clauses("## 1 Ceasefire\n- ALL prohibition: No hostile acts at all\n")
    version = services.amend_agreement(
        actor=people["mediator.turkiye"],
        agreement=doha,
        based_on_version=2,
        text="v3",
        change_note="simplified",
        clauses=new_clauses,
    )
    assert version.number == 3
    assert selectors.get_version(doha).clause_drafts() == new_clauses
    assert selectors.get_version(doha, 2).clause_drafts() == old_clauses
    assert _leaf(LogEntry.objects.order_by("-index").first())["payload"]["amends"] == 2


def test_amend_on_a_stale_version_is_refused(doha, people, unchanged):
    with unchanged(), pytest.raises(StaleVersion, match="version 2 is now current"):
        services.amend_agreement(
            actor=people["mediator.qatar"],
            agreement=doha,
            based_on_version=1,
            text="",
            change_note="late",
            clauses=CLAUSES,
        )


@pytest.mark.parametrize(
    "username", ["liaison.pakistan", "liaison.afghanistan", "monitor", "analyst", "admin"]
)
def test_only_the_agreements_mediators_amend(doha, people, unchanged, username):
    with unchanged(), pytest.raises(NotPermitted):
        services.amend_agreement(
            actor=people[username],
            agreement=doha,
            based_on_version=2,
            text="",
            change_note="x",
            clauses=CLAUSES,
        )


def test_talks_round_and_its_checks(doha, people, unchanged):
    talks = services.record_talks_round(
        actor=people["mediator.qatar"],
        agreement=doha,
        name="Riyadh round",
        venue="Riyadh",
        host=None,
        starts_on=date(2025, 12, 1),
        ends_on=date(2025, 12, 2),
        outcome=TalksOutcome.ADJOURNED,
        summary="",
        next_meeting_on=None,
    )
    assert LogEntry.objects.order_by("-index").first().kind == "talks_round.recorded"
    assert talks in selectors.list_talks_rounds(doha)
    with unchanged(), pytest.raises(InvalidInput, match="ends before it starts"):
        services.record_talks_round(
            actor=people["mediator.qatar"],
            agreement=doha,
            name="x",
            venue="y",
            host=None,
            starts_on=date(2025, 12, 2),
            ends_on=date(2025, 12, 1),
            outcome=TalksOutcome.ADJOURNED,
            summary="",
            next_meeting_on=None,
        )


def test_liaison_officers_declare_only_their_own_partys_statements(doha, people, unchanged):
    event = services.record_agreement_event(
        actor=people["liaison.afghanistan"],
        agreement=doha,
        kind=EventKind.STATEMENT_OF_BREACH,
        occurred_on=date(2025, 11, 1),
        description="alleged strike",
    )
    assert event.declared_by.code == "AFG"
    with unchanged(), pytest.raises(NotPermitted):
        services.record_agreement_event(
            actor=people["liaison.afghanistan"],
            agreement=doha,
            kind=EventKind.CEASEFIRE_COLLAPSED,
            occurred_on=date(2025, 11, 1),
            description="declares collapse",
        )


def test_status_is_computed_as_of_any_day(doha, people):
    assert selectors.status_of(doha, as_of=date(2025, 10, 18)) is AgreementStatus.NOT_YET_IN_FORCE
    assert selectors.status_of(doha, as_of=date(2025, 11, 10)) is AgreementStatus.IN_FORCE
    services.record_agreement_event(
        actor=people["mediator.qatar"],
        agreement=doha,
        kind=EventKind.CEASEFIRE_COLLAPSED,
        occurred_on=date(2025, 12, 1),
        description="collapse",
    )
    doha = Agreement.objects.get(pk=doha.pk)
    assert selectors.status_of(doha, as_of=date(2025, 11, 30)) is AgreementStatus.IN_FORCE
    assert selectors.status_of(doha, as_of=date(2025, 12, 1)) is AgreementStatus.COLLAPSED


def test_the_demo_loads_idempotently(people):
    from ceasefire.demo import scenario

    scenario.load()
    counts = (LogEntry.objects.count(), Agreement.objects.count(), AgreementVersion.objects.count())
    scenario.load()
    assert (
        LogEntry.objects.count(),
        Agreement.objects.count(),
        AgreementVersion.objects.count(),
    ) == counts
    assert counts[1:] == (2, 3)


def test_an_amendment_carries_its_adoption_day_and_cannot_predate_the_last(doha, people, unchanged):
    assert [v.adopted_on for v in selectors.list_versions(doha)] == [
        date(2025, 10, 19),
        date(2025, 10, 30),
    ]
    with unchanged(), pytest.raises(InvalidInput, match="before version 2"):
        services.amend_agreement(
            actor=people["mediator.qatar"],
            agreement=doha,
            based_on_version=2,
            text="",
            change_note="x",
            clauses=CLAUSES,
            adopted_on=date(2025, 10, 29),
        )
    version = services.amend_agreement(
        actor=people["mediator.qatar"],
        agreement=doha,
        based_on_version=2,
        text="",
        change_note="x",
        clauses=CLAUSES,
        adopted_on=date(2025, 11, 7),
    )
    assert version.adopted_on == date(2025, 11, 7)
