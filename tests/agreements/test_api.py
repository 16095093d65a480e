"""The agreement API is the contract: happy paths, the permission matrix, one error shape."""

from __future__ import annotations

import pytest

from ceasefire.agreements.models import Agreement
from ceasefire.ledger.models import LogEntry

NEW = {
    "title": "API truce",
    "form": "joint_statement",
    "signed_on": "2025-11-01",
    "effective_from": "2025-11-01",
    "parties": ["PAK", "AFG"],
    "mediators": [{"code": "QAT", "role": "host"}],
    "clauses": [
        {
            "number": "1",
            "heading": "Ceasefire",
            "obligations": [
                {
                    "party": "AFG",
                    "kind": "positive_action",
                    "requirement": "Dismantle hideouts",
                    "indicators": ["Sites dismantled"],
                    "recurrence_days": 30,
                }
            ],
        }
    ],
}


def _error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body["error"]


def test_anyone_reads_the_register(doha, api):
    listing = api.get("/api/v1/agreements/?as_of=2025-11-10").json()
    doha_json = next(a for a in listing if a["id"] == doha.pk)
    assert doha_json["status"] == "in_force"
    assert doha_json["parties"] == ["AFG", "PAK"]
    assert (
        api.get(f"/api/v1/agreements/{doha.pk}/?as_of=2025-10-18").json()["status"]
        == "not_yet_in_force"
    )
    versions = api.get(f"/api/v1/agreements/{doha.pk}/versions/").json()
    assert [v["number"] for v in versions] == [1, 2]
    clause4 = next(c for c in versions[1]["clauses"] if c["number"] == "4")
    assert clause4["obligations"][0]["party"] == "AFG"
    assert len(clause4["obligations"][0]["indicators"]) == 3
    assert api.get(f"/api/v1/agreements/{doha.pk}/versions/1/").json()["number"] == 1
    kinds = [e["kind"] for e in api.get(f"/api/v1/agreements/{doha.pk}/events/").json()]
    assert "mechanism_agreed" in kinds
    rounds = api.get(f"/api/v1/agreements/{doha.pk}/talks-rounds/").json()
    assert [r["name"] for r in rounds] == ["Doha round", "Istanbul round I", "Istanbul round II"]


def test_a_mediator_registers_through_the_api(people, api):
    response = api.as_user(people["mediator.qatar"]).post("/api/v1/agreements/", NEW, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["mediators"] == [
        {"code": "QAT", "name": "State of Qatar", "role": "host"}
    ]


@pytest.mark.parametrize(
    ("username", "status", "code"),
    [
        (None, 403, "not_permitted"),
        ("liaison.pakistan", 403, "not_permitted"),
        ("monitor", 403, "not_permitted"),
        ("analyst", 403, "not_permitted"),
        ("admin", 403, "not_permitted"),
        ("mediator.turkiye", 403, "not_permitted"),  # TUR is not among this agreement's mediators
    ],
)
def test_register_permission_matrix(people, api, unchanged, username, status, code):
    if username:
        api.as_user(people[username])
    with unchanged():
        _error(api.post("/api/v1/agreements/", NEW, format="json"), status, code)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW, "title": ""}, "title"),
        ({**NEW, "form": "handshake"}, "form"),
        ({**NEW, "signed_on": "yesterday"}, "signed_on"),
        ({**NEW, "parties": ["PAK"]}, "parties"),
        ({**NEW, "clauses": "none"}, "clauses"),
        (
            {
                **NEW,
                "clauses": [
                    {
                        "number": "1",
                        "heading": "H",
                        "obligations": [{"kind": "maybe", "requirement": "x"}],
                    }
                ],
            },
            "clauses",
        ),
    ],
)
def test_invalid_bodies_are_400_with_the_field_and_change_nothing(
    people, api, unchanged, body, field
):
    api.as_user(people["mediator.qatar"])
    with unchanged():
        error = _error(api.post("/api/v1/agreements/", body, format="json"), 400, "invalid_input")
    assert field in error["details"]


def test_domain_refusals_map_to_codes(people, doha, api, unchanged):
    api.as_user(people["mediator.qatar"])
    with unchanged():
        _error(
            api.post("/api/v1/agreements/", {**NEW, "parties": ["PAK", "XYZ"]}, format="json"),
            404,
            "not_found",
        )
        _error(
            api.post("/api/v1/agreements/", {**NEW, "effective_from": "2025-10-01"}, format="json"),
            400,
            "invalid_input",
        )
        stale = {"based_on_version": 1, "change_note": "late", "clauses": NEW["clauses"]}
        error = _error(
            api.post(f"/api/v1/agreements/{doha.pk}/versions/", stale, format="json"),
            409,
            "stale_version",
        )
        assert error["details"] == {"current_version": 2}
        _error(api.get("/api/v1/agreements/999999/"), 404, "not_found")
        _error(api.get(f"/api/v1/agreements/{doha.pk}/?as_of=someday"), 400, "invalid_input")


def test_amend_record_event_and_round_through_the_api(people, doha, api):
    api.as_user(people["mediator.turkiye"])
    amended = api.post(
        f"/api/v1/agreements/{doha.pk}/versions/",
        {"based_on_version": 2, "change_note": "simplify", "clauses": NEW["clauses"]},
        format="json",
    )
    assert amended.status_code == 201, amended.content
    assert amended.json()["number"] == 3
    talks = api.post(
        f"/api/v1/agreements/{doha.pk}/talks-rounds/",
        {
            "name": "Riyadh",
            "venue": "Riyadh",
            "host": None,
            "starts_on": "2025-12-01",
            "outcome": "planned",
        },
        format="json",
    )
    assert talks.status_code == 201, talks.content
    event = api.post(
        f"/api/v1/agreements/{doha.pk}/events/",
        {
            "kind": "other",
            "occurred_on": "2025-12-01",
            "description": "Riyadh talks announced",
            "talks_round": talks.json()["id"],
        },
        format="json",
    )
    assert event.status_code == 201, event.content
    _error(
        api.post(
            f"/api/v1/agreements/{doha.pk}/events/",
            {
                "kind": "other",
                "occurred_on": "2025-12-01",
                "description": "x",
                "talks_round": 999999,
            },
            format="json",
        ),
        404,
        "not_found",
    )


def test_token_authentication(people, api, doha):
    from ceasefire.accounts.services import issue_api_token

    _, secret = issue_api_token(actor=people["mediator.qatar"], name="tests")
    before = LogEntry.objects.count()
    response = api.post(
        "/api/v1/agreements/", NEW, format="json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 201, response.content
    assert LogEntry.objects.count() == before + 1
    assert Agreement.objects.filter(title="API truce").exists()
    _error(api.get("/api/v1/me/", HTTP_AUTHORIZATION="Bearer cf_wrong"), 401, "not_authenticated")


def test_list_endpoint_query_count_does_not_grow_with_rows(
    doha, api, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        api.get("/api/v1/agreements/")
