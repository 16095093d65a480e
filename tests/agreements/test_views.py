"""Agreement pages: every role reads the register; mediators write; bad input changes nothing."""

from __future__ import annotations

import pytest

from ceasefire.agreements import selectors
from ceasefire.demo.scenario import DEMO_PASSWORD, DOHA_V2

ROLES = [
    "admin",
    "mediator.qatar",
    "mediator.turkiye",
    "liaison.pakistan",
    "liaison.afghanistan",
    "monitor",
    "analyst",
]


@pytest.mark.parametrize("username", [*ROLES, None])
def test_every_role_reads_versions_clauses_obligations_and_timeline(doha, client, username):
    if username:
        assert client.login(username=username, password=DEMO_PASSWORD)
    page = client.get(f"/agreements/{doha.pk}/?as_of=2025-11-10").content.decode()
    assert "Doha ceasefire between Pakistan and Afghanistan" in page
    assert 'id="agreement-status">in force' in page
    assert "v1</a>" in page and "<strong>v2</strong>" in page
    assert "Afghan soil not used for attacks on Pakistan" in page
    assert "Indicator: Hideouts dismantled, documented with location and date" in page
    assert "Istanbul round I" in page and "Mechanism agreed" in page
    assert "statement by AFG" in page
    old = client.get(f"/agreements/{doha.pk}/versions/1/").content.decode()
    assert "(superseded)" in old and "Afghan soil not used" not in old


def test_writes_are_offered_only_to_those_allowed(doha, client):
    client.login(username="mediator.turkiye", password=DEMO_PASSWORD)
    assert "Amend (new version)" in client.get(f"/agreements/{doha.pk}/").content.decode()
    client.login(username="liaison.pakistan", password=DEMO_PASSWORD)
    page = client.get(f"/agreements/{doha.pk}/").content.decode()
    assert "Amend (new version)" not in page and "Record an event" in page
    assert client.get(f"/agreements/{doha.pk}/amend/").status_code == 403


def test_amend_form_prefills_the_current_text_and_adopts_a_version(doha, client):
    client.login(username="mediator.qatar", password=DEMO_PASSWORD)
    form = client.get(f"/agreements/{doha.pk}/amend/").content.decode()
    assert "## 4 Afghan soil not used for attacks on Pakistan" in form
    response = client.post(
        f"/agreements/{doha.pk}/amend/",
        {
            "based_on_version": 2,
            "change_note": "Modalities agreed",
            "text": "",
            "clauses": DOHA_V2
            + "## 7 Modalities\n- ALL procedural: Joint team meets\n  every: 7\n",
        },
    )
    assert response.status_code == 302
    assert selectors.get_version(doha).number == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"change_note": "", "clauses": DOHA_V2}, "This field is required"),
        (
            {"change_note": "x", "clauses": "no header\n"},
            "line 1: the text must start with a clause line",
        ),
        ({"change_note": "x", "clauses": "## 1 X\n- IND prohibition: y\n"}, "IND is not a party"),
        (
            {"change_note": "x", "clauses": DOHA_V2, "based_on_version": 1},
            "version 2 is now current",
        ),
    ],
)
def test_amend_form_errors_are_shown_and_change_nothing(doha, client, unchanged, data, message):
    client.login(username="mediator.qatar", password=DEMO_PASSWORD)
    with unchanged():
        response = client.post(
            f"/agreements/{doha.pk}/amend/", {"based_on_version": 2, "text": ""} | data
        )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_register_form(people, client, unchanged):
    client.login(username="mediator.qatar", password=DEMO_PASSWORD)
    data = {
        "title": "Form truce",
        "form": "signed_text",
        "parties": ["PAK", "AFG"],
        "mediators": ["QAT"],
        "mediator_role": "host",
        "clauses": "## 1 Ceasefire\n- ALL prohibition: No attacks\n",
    }
    with unchanged():
        bad = client.post("/agreements/new/", data | {"mediators": ["TUR"]})
    assert bad.status_code == 400
    assert "only agreements their organisation mediates" in bad.content.decode()
    assert client.post("/agreements/new/", data).status_code == 302


def test_event_and_round_forms(doha, client, unchanged):
    client.login(username="liaison.pakistan", password=DEMO_PASSWORD)
    with unchanged():
        refused = client.post(
            f"/agreements/{doha.pk}/events/new/",
            {"kind": "ceasefire_collapsed", "occurred_on": "2025-11-20", "description": "x"},
        )
        assert refused.status_code == 400
        assert "may not record agreement event" in refused.content.decode()
        bad_date = client.post(
            f"/agreements/{doha.pk}/events/new/",
            {"kind": "statement_of_breach", "occurred_on": "soon", "description": "x"},
        )
        assert bad_date.status_code == 400
    ok = client.post(
        f"/agreements/{doha.pk}/events/new/",
        {
            "kind": "statement_of_breach",
            "occurred_on": "2025-11-20",
            "description": "Attack at Torkham alleged",
        },
    )
    assert ok.status_code == 302
    client.login(username="mediator.qatar", password=DEMO_PASSWORD)
    with unchanged():
        bad = client.post(
            f"/agreements/{doha.pk}/talks-rounds/new/",
            {
                "name": "R",
                "venue": "Riyadh",
                "starts_on": "2025-12-02",
                "ends_on": "2025-12-01",
                "outcome": "planned",
            },
        )
        assert "ends before it starts" in bad.content.decode()
    assert (
        client.post(
            f"/agreements/{doha.pk}/talks-rounds/new/",
            {"name": "R", "venue": "Riyadh", "starts_on": "2025-12-02", "outcome": "planned"},
        ).status_code
        == 302
    )


def test_version_document_hashes_to_the_logged_sha256(doha, client):
    import hashlib

    version = selectors.get_version(doha, 2)
    body = client.get(f"/agreements/{doha.pk}/versions/2.json").content
    assert hashlib.sha256(body).hexdigest() == version.content_sha256


def test_status_as_of_a_bad_date_is_a_clear_error(doha, client):
    response = client.get(f"/agreements/{doha.pk}/?as_of=tomorrow")
    assert response.status_code == 400
    assert "is not a date" in response.content.decode()
