"""Account API: administrators manage accounts; everyone manages their own tokens."""

from __future__ import annotations

import pytest

PASSWORD = "a-long-unusual-passphrase-42"


def test_admin_creates_a_user_changes_role_resets_password_and_deactivates(people, api):
    api.as_user(people["admin"])
    created = api.post(
        "/api/v1/users/",
        {"username": "monitor2", "organisation": "SEC", "role": "monitor", "password": PASSWORD},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert "password" not in created.json()
    user_id = created.json()["id"]
    assert (
        api.post(f"/api/v1/users/{user_id}/role/", {"role": "analyst"}, format="json").json()[
            "role"
        ]
        == "analyst"
    )
    assert (
        api.post(
            f"/api/v1/users/{user_id}/password/", {"new_password": PASSWORD + "x"}, format="json"
        ).status_code
        == 200
    )
    assert api.post(f"/api/v1/users/{user_id}/deactivate/").json()["is_active"] is False
    assert any(u["username"] == "monitor2" for u in api.get("/api/v1/users/").json())
    org = api.post(
        "/api/v1/organisations/", {"code": "IND", "name": "India", "kind": "party"}, format="json"
    )
    assert org.status_code == 201


@pytest.mark.parametrize(
    "username", ["mediator.qatar", "liaison.afghanistan", "monitor", "analyst"]
)
def test_non_administrators_see_no_accounts_and_change_none(people, api, unchanged, username):
    api.as_user(people[username])
    assert api.get("/api/v1/users/").json() == []
    with unchanged():
        response = api.post(
            "/api/v1/users/",
            {"username": "x123", "organisation": "SEC", "role": "monitor", "password": PASSWORD},
            format="json",
        )
        assert response.json()["error"]["code"] == "not_permitted"
        assert (
            api.post(
                f"/api/v1/users/{people['analyst'].pk}/role/", {"role": "monitor"}, format="json"
            ).json()["error"]["code"]
            == "not_found"
        )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"username": "a b", "organisation": "SEC", "role": "monitor", "password": PASSWORD},
            "username",
        ),
        (
            {"username": "okname", "organisation": "SEC", "role": "king", "password": PASSWORD},
            "role",
        ),
        (
            {"username": "okname", "organisation": "SEC", "role": "monitor", "password": "1"},
            "password",
        ),
        (
            {"username": "okname", "organisation": "PAK", "role": "monitor", "password": PASSWORD},
            "role",
        ),
    ],
)
def test_invalid_user_input_is_explained_and_changes_nothing(people, api, unchanged, body, field):
    api.as_user(people["admin"])
    with unchanged():
        response = api.post("/api/v1/users/", body, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert field in error["details"] or error["details"].get("field") == field


def test_own_tokens_issue_list_revoke(people, api):
    api.as_user(people["analyst"])
    issued = api.post("/api/v1/tokens/", {"name": "notebook"}, format="json").json()
    assert issued["token"].startswith("cf_")
    listed = api.get("/api/v1/tokens/").json()
    assert [t["name"] for t in listed] == ["notebook"]
    assert "token" not in listed[0]
    assert api.post(f"/api/v1/tokens/{issued['id']}/revoke/").json()["revoked_at"] is not None
    assert api.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {issued['token']}").status_code == 401


def test_the_public_has_no_tokens(api, db):
    response = api.post("/api/v1/tokens/", {"name": "x"}, format="json")
    assert response.json()["error"]["code"] == "not_permitted"
