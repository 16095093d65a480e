"""Sign-in and account pages."""

from __future__ import annotations

import pytest

from ceasefire.accounts.models import ApiToken, User
from ceasefire.demo.scenario import DEMO_PASSWORD

PASSWORD = "a-long-unusual-passphrase-42"


def test_login_and_logout(people, client):
    assert client.post("/login/", {"username": "monitor", "password": "wrong"}).status_code == 200
    response = client.post("/login/", {"username": "monitor", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert "Mechanism monitor (demo) · monitor · SEC" in client.get("/").content.decode()
    client.post("/logout/")
    assert "Public view" in client.get("/").content.decode()


def test_admin_pages(people, client, unchanged):
    client.login(username="admin", password=DEMO_PASSWORD)
    assert "liaison.pakistan" in client.get("/accounts/").content.decode()
    with unchanged():
        bad = client.post(
            "/accounts/new/",
            {"username": "x y", "organisation": "SEC", "role": "monitor", "password": PASSWORD},
        )
        assert bad.status_code == 400 and "username must be" in bad.content.decode()
    assert (
        client.post(
            "/accounts/new/",
            {
                "username": "newmonitor",
                "organisation": "SEC",
                "role": "monitor",
                "password": PASSWORD,
            },
        ).status_code
        == 302
    )
    user = User.objects.get(username="newmonitor")
    assert (
        client.post(f"/accounts/{user.pk}/", {"action": "role", "role": "analyst"}).status_code
        == 302
    )
    with unchanged():
        weak = client.post(f"/accounts/{user.pk}/", {"action": "password", "new_password": "123"})
        assert weak.status_code == 400
    assert (
        client.post(
            f"/accounts/{user.pk}/", {"action": "password", "new_password": PASSWORD + "!"}
        ).status_code
        == 302
    )
    assert client.post(f"/accounts/{user.pk}/", {"action": "deactivate"}).status_code == 302
    user.refresh_from_db()
    assert (user.role, user.is_active) == ("analyst", False)
    assert (
        client.post(
            "/accounts/organisations/new/", {"code": "IND", "name": "India", "kind": "party"}
        ).status_code
        == 302
    )


@pytest.mark.parametrize("username", ["mediator.qatar", "liaison.pakistan", "monitor", "analyst"])
def test_account_pages_refuse_non_administrators(people, client, username):
    client.login(username=username, password=DEMO_PASSWORD)
    assert client.get("/accounts/").status_code == 403
    assert client.get("/accounts/new/").status_code == 403
    assert client.get(f"/accounts/{people['monitor'].pk}/").status_code == 404


def test_token_page_shows_the_secret_once(people, client):
    client.login(username="analyst", password=DEMO_PASSWORD)
    page = client.post(
        "/accounts/tokens/", {"action": "issue", "name": "notebook"}
    ).content.decode()
    token = ApiToken.objects.get(name="notebook")
    assert 'id="issued-token">cf_' in page
    assert 'id="issued-token"' not in client.get("/accounts/tokens/").content.decode()
    assert (
        client.post("/accounts/tokens/", {"action": "revoke", "token": token.pk}).status_code == 302
    )
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_anonymous_visitors_are_sent_to_sign_in(db, client):
    response = client.get("/accounts/tokens/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_revoking_a_token_that_is_not_a_number_is_a_clear_404(people, client):
    client.login(username="analyst", password=DEMO_PASSWORD)
    response = client.post("/accounts/tokens/", {"action": "revoke", "token": "abc"})
    assert response.status_code == 404
